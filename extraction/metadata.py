"""Who published a document, when, and under what title: from a sidecar, the file, or the text.

Precedence, field by field: the ``sources.csv`` sidecar beside the file, then what the format
stores (HTML head, Word or PDF properties), then guesses from the text's opening and closing
lines. Dates are parsed strictly; one in the future or unparseable becomes ``None`` with a
warning, never a guess.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from atlas.records import DatePrecision
from extraction.datelines import DAY_DATE, dateline_date
from extraction.datewords import MONTH_NAME
from extraction.formats import FileMeta
from extraction.sidecar import SIDECAR, SIDECAR_COLUMNS, read_sidecar

__all__ = ["SIDECAR", "SIDECAR_COLUMNS", "Metadata", "parse_date", "read_sidecar", "resolve"]

logger = logging.getLogger(__name__)

_HEADER_LINES = 8
_PROSE_LINE = 150
"""Characters; a longer opening line that ends a sentence, or holds the end of one, is prose
(a paragraph, a photo caption), and the header ends before it."""
_TITLE_LINE = 400
"""Characters; a longer opening line is prose even without a full stop (a report's long
title, "Fifteenth report of the Analytical Support ... Afghanistan", is shorter)."""
#: A sentence ending inside a line: "... on Feb. 12, 2015. (European Pressphoto Agency)".
_SENTENCE_INSIDE = re.compile(r"[.!?][\"\u201d\u2019)]?\s+[A-Z(\"\u201c]")
_FOOTER_LINES = 8
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|date|dated)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>[\w ,./-]*?(?:\b(?:{MONTH_NAME})\b\.?[\w ,./-]*?\b(?:1[89]|20|21)\d\d\b"
    rf"|\b(?:1[89]|20|21)\d\d[-/.]\d\d?(?:[-/.]\d\d?)?\b|\b\d\d?[-/.]\d\d?[-/.](?:1[89]|20|21)\d\d\b)"
    rf"[\w ,.:]*)$",
    re.IGNORECASE,
)
_EMBEDDED_DATE = re.compile(DAY_DATE)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?/")
_NAME = r"[A-Z][a-zA-Z'’.-]+(?:\s+(?:[A-Z][a-zA-Z'’.-]+|[A-Z]\.|van|von|de|al-|bin)){1,3}"
_PERSON = re.compile(rf"^{_NAME}$")
_BYLINE = re.compile(
    rf"^By\s+(?P<name>{_NAME}(?:\s+and\s+{_NAME})?)\s*(?:,\s*(?P<org>.{{2,60}}))?$"
)
_OUTLET = re.compile(r"^[A-Z0-9&.'’ -]{3,40}$")
_ORG_WORDS = re.compile(
    r"\b(?:cent(?:er|re)|institute|news|network|times|post|agency|foundation|university|council"
    r"|journal|herald|tribune|review|magazine|blog|daily|press|gazette|media|monitor)\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"^#{1,6}\s+|^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")
_SOURCE_LINE = re.compile(r"^source\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_NO_FILE_META = FileMeta()


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document's origin; ``None`` for anything unknown."""

    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision | None = None
    url: str | None = None


def parse_date(
    value: str, today: dt.date, warnings: list[str], where: str
) -> tuple[dt.date, DatePrecision] | None:
    """A publication date and its precision; ``None`` (and a warning) if unparseable or future."""
    from dateparser.date import DateDataParser

    value = value.strip()
    if not value:
        return None
    parsed: tuple[dt.date, DatePrecision] | None = None
    iso = _ISO.match(value)
    if iso:
        year, month, day = (int(part) if part else None for part in iso.groups())
        try:
            parsed = (
                dt.date(year, month or 1, day or 1),
                "day" if day else "month" if month else "year",
            )
        except ValueError:
            parsed = None
    else:
        settings = {
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            # Absolute dates only: "next spring" is not a publication date.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        }
        parser = DateDataParser(languages=["en"], settings=settings)
        data = parser.get_date_data(value)
        if data is not None and data.date_obj is not None:
            precision: DatePrecision = data.period if data.period in ("day", "month") else "year"
            day = data.date_obj.date()
            # Without a day (or month) dateparser fills in today's; the precision says which part counts.
            parsed = (day.replace(day=1) if precision != "day" else day, precision)
            if precision == "year":
                parsed = (day.replace(month=1, day=1), "year")
    if parsed is None and not iso:
        # A line with more than a date ("CTV Saskatoon Published Saturday, March 31, 2018
        # 1:19PM CST"): the day's date written out inside it.
        embedded = _EMBEDDED_DATE.search(value)
        if embedded and embedded.group() != value:
            return parse_date(embedded.group(), today, warnings, where)
    if parsed is None:
        warnings.append(f"unparseable publication date {value!r} in {where}; left unknown")
        return None
    if parsed[0] > today + dt.timedelta(days=1):
        warnings.append(
            f"publication date {parsed[0].isoformat()} in {where} is in the future; left unknown"
        )
        return None
    return parsed


def _last_lines(text: str, count: int) -> list[str]:
    """The last ``count`` non-blank lines of ``text``, as they are (cleaned when needed)."""
    lines: list[str] = []
    for line in reversed(text.splitlines()):
        if not line.isspace() and line:
            lines.append(line)
            if len(lines) == count:
                break
    return lines[::-1]


def _header(lines: Iterable[str]) -> list[str]:
    """The opening short lines before the first paragraph of prose, cleaned.

    Cleaning makes runs of whitespace (tabs, no-break spaces) single spaces. Only the
    lines kept are cleaned whole: a URL is one word (nothing to clean), and a line whose
    first 1,600 characters already clean to more than 400 is prose (cleaning never lengthens).
    """
    header: list[str] = []
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            continue
        if _URL_LINE.match(stripped):
            header.append(stripped)
            continue
        if len(stripped) > 4 * _TITLE_LINE and _cleans_longer(stripped, _TITLE_LINE):
            break
        line = _clean(stripped)
        ends = line.endswith((".", "!", "?", "\"", "\u201d"))
        if len(line) > _TITLE_LINE or (
            len(line) > _PROSE_LINE and (ends or _SENTENCE_INSIDE.search(line))
        ):
            break
        if ends and len(line.split()) > 12:
            break
        header.append(line)
        if len(header) == _HEADER_LINES:
            break
    return header


def _clean(line: str) -> str:
    return " ".join(line.split())


def _cleans_longer(line: str, limit: int) -> bool:
    """``len(_clean(line[:4 * limit])) > limit``, tried on a shorter prefix first: a
    prefix never cleans longer than the longer prefix it starts, and prose rarely needs more."""
    short = limit + limit // 3
    return len(_clean(line[:short])) > limit or len(_clean(line[: 4 * limit])) > limit


def _is_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 60
        and not line.endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in line)
    )


def from_text(text: str, today: dt.date, warnings: list[str]) -> Metadata:
    """Guess metadata from the opening lines (URL, title, byline, date) and a closing SOURCE line."""
    # Markdown heading marks and emphasis are layout, not part of a title or byline.
    header = [_MARKUP.sub("", line).strip() for line in _header(text[:20_000].splitlines())]
    url = next((line for line in header if _URL_LINE.match(line)), None)
    title = author = source = None
    date: tuple[dt.date, DatePrecision] | None = None
    date_index = None
    for index, line in enumerate(header):
        if _URL_LINE.match(line) or not any(c.isalpha() for c in line):
            continue
        match = _DATE_LINE.match(line)
        if match and date_index is None:
            date_index = index
            date = parse_date(match.group("date"), today, warnings, "the text")
            continue
        byline = _BYLINE.match(line)
        if byline:
            author = author or byline.group("name")
            source = source or byline.group("org")
    candidates: list[tuple[int, str]] = []
    for index, line in enumerate(header[: date_index if date_index is not None else None]):
        if _URL_LINE.match(line) or _BYLINE.match(line) or _DATE_LINE.match(line):
            continue
        if date_index is not None and index == 0 and _PERSON.match(line) and author is None:
            author = line
        elif _OUTLET.match(line) and sum(c.isalpha() for c in line) >= 3 and len(line.split()) <= 4:
            source = source or line
        elif _is_title(line):
            candidates.append((index, line))
    if candidates:
        title = candidates[-1][1] if date_index is not None else candidates[0][1]
        orgs = [line for _, line in candidates if line != title and _ORG_WORDS.search(line)]
        source = source or (orgs[0] if orgs else None)
    footer_author, footer_source = _source_line(_last_lines(text[-5_000:], _FOOTER_LINES))
    if date is None:
        date = _dateline(text, today, warnings)
    if url and date is None:
        date = _url_date(url)
    published, precision = date if date else (None, None)
    return Metadata(
        title, source or footer_source, author or footer_author, published, precision, url
    )


def _source_line(lines: list[str]) -> tuple[str | None, str | None]:
    """``(author, source)`` from a closing "SOURCE: name / outlet" block.

    ``lines`` are raw; a line is cleaned only once it is known to be wanted (the pattern
    matches a raw line exactly when it matches the cleaned one).
    """
    for index, raw in enumerate(lines):
        if not _SOURCE_LINE.match(raw.strip()):
            continue
        match = _SOURCE_LINE.match(_clean(raw))
        value = match.group("value").strip()
        following = _clean(lines[index + 1]) if index + 1 < len(lines) else None
        following = following if following is not None and len(following) <= 80 else None
        if value and following and _PERSON.match(value):
            return value, following
        return None, value or following
    return None, None


def _dateline(
    text: str, today: dt.date, warnings: list[str]
) -> tuple[dt.date, DatePrecision] | None:
    """The date of a wire story's dateline opening one of its first lines."""
    written = dateline_date(text)
    return parse_date(written, today, warnings, "the dateline") if written else None


def _url_date(url: str) -> tuple[dt.date, DatePrecision] | None:
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = match.groups()
    return dt.date(int(year), int(month), int(day or 1)), "day" if day else "month"


def resolve(
    text: str,
    file_meta: FileMeta,
    sidecar_row: Mapping[str, str] | None,
    today: dt.date,
    warnings: list[str],
) -> Metadata:
    """Combine sidecar, file and text metadata, field by field in that order of trust."""
    guessed = from_text(text, today, warnings)
    if not sidecar_row and file_meta == _NO_FILE_META:  # a plain text file: the text alone
        return Metadata(
            title=guessed.title or None,
            source=guessed.source or None,
            author=guessed.author or None,
            published=guessed.published,
            published_precision=guessed.published_precision,
            url=guessed.url or None,
        )
    stored = Metadata(
        title=file_meta.title, source=file_meta.source, author=file_meta.author, url=file_meta.url
    )
    if file_meta.published:
        parsed = parse_date(file_meta.published, today, warnings, "the file's properties")
        if parsed:
            stored = replace(stored, published=parsed[0], published_precision=parsed[1])
    row = sidecar_row or {}
    side = Metadata(
        title=row.get("title") or None,
        source=row.get("publication") or None,
        author=row.get("author") or None,
        url=row.get("url") or None,
    )
    if row.get("published"):
        parsed = parse_date(row["published"], today, warnings, SIDECAR)
        if parsed:
            side = replace(side, published=parsed[0], published_precision=parsed[1])
    merged = {}
    for name in ("title", "source", "author", "url"):
        merged[name] = next(
            (getattr(m, name) for m in (side, stored, guessed) if getattr(m, name)), None
        )
    dated = next((m for m in (side, stored, guessed) if m.published is not None), None)
    return Metadata(
        **merged,
        published=dated.published if dated else None,
        published_precision=dated.published_precision if dated else None,
    )
