"""Metadata guessed from a text's own lines: the opening ones (URL, title, byline, date,
labelled fields such as "Title:" or front matter) and a closing SOURCE line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from atlas.records import DatePrecision, Metadata
from extraction.datelines import DAY_DATE, dateline_date
from extraction.datewords import MONTH_NAME
from extraction.pubdate import parse_date

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
    rf"^(?:(?:last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>[\w ,./|\u2013\u2014-]*?(?:\b(?:{MONTH_NAME})\b\.?[\w ,./-]*?\b(?:1[89]|20|21)\d\d\b"
    # Not a UN document symbol ("S/2024/92").
    rf"|(?<![A-Za-z]/)\b(?:1[89]|20|21)\d\d[-/.]\d\d?(?:[-/.]\d\d?)?\b"
    rf"|\b\d\d?[-/.]\d\d?[-/.](?:1[89]|20|21)\d\d\b)"
    rf"[\w ,.:]*)$",
    re.IGNORECASE,
)
_DASHED = re.compile(r"\s[|\u2013\u2014]\s|\s-{1,2}\s")
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
_HEADING = re.compile(r"#\s+\S")
"""A Markdown top-level heading: the document's title, even of one word."""
_CITATIONS = re.compile(r"(?:\[\d{1,3}\])+$")
#: A UN document's distribution and language fields ("Distr.: General", "Original: English").
_UN_FIELD = re.compile(r"^(?:Distr|Original|Limited|Restricted)\.?\s*:", re.IGNORECASE)
_UN_SYMBOL = re.compile(r"^S/(?:PRST/)?((?:19|20)\d\d)/\d+\b")
_SOURCE_LINE = re.compile(r"^source\s*:\s*(?P<value>.*)$", re.IGNORECASE)
#: Labelled header fields, as in YAML front matter or a filled-in form ("Title: ...").
_LABELLED = re.compile(
    r"^(?P<label>title|headline|author|byline)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE
)
_FIELD = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)?\s*:")
_SOURCE_DATE = re.compile(rf"(?:\s*[,;\u2013\u2014-])?\s*(?P<date>{DAY_DATE})\s*$")


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
        # "... Flight 814.[1]": a sentence however it is cited.
        ends = _CITATIONS.sub("", line).endswith((".", "!", "?", "\"", "\u201d"))
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


def _unwrapped(raw: list[str], clean: list[str]) -> tuple[list[str], list[str]]:
    """Header lines with a wrapped title joined again: "... pursuant to resolution" then
    "2734 (2024) concerning ISIL ..." (a line going on in lower case or digits after one
    that ends in lower case); never a date or a field."""
    raw_out: list[str] = []
    out: list[str] = []
    for line, cleaned in zip(raw, clean, strict=True):
        if (
            out
            and out[-1][-1:].isalpha()
            and out[-1].rsplit(None, 1)[-1].islower()
            and (cleaned[:1].islower() or cleaned[:1].isdigit())
            and not _field_or_mark(cleaned)
            and not _field_or_mark(out[-1])
        ):
            out[-1] = f"{out[-1]} {cleaned}"
            raw_out[-1] = f"{raw_out[-1]} {line}"
        else:
            out.append(cleaned)
            raw_out.append(line)
    return raw_out, out


def _field_or_mark(line: str) -> bool:
    """Lines of the header that are no title: URLs, bylines, dates, fields."""
    return any(
        p.match(line) for p in (_URL_LINE, _BYLINE, _DATE_LINE, _SOURCE_LINE, _LABELLED, _UN_FIELD)
    )


def _is_title(line: str, heading: bool = False) -> bool:
    words = line.split()
    return (
        (1 if heading else 2) <= len(words) <= 60
        and not line.endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in line)
    )


def from_text(text: str, today: dt.date, warnings: list[str]) -> Metadata:
    """Guess metadata from the opening lines (URL, title, byline, date) and a closing SOURCE line."""
    # Markdown heading marks and emphasis are layout, not part of a title or byline.
    raw_header = _header(text[:20_000].splitlines())
    header = [_MARKUP.sub("", line).strip() for line in raw_header]
    raw_header, header = _unwrapped(raw_header, header)
    url = next((line for line in header if _URL_LINE.match(line)), None)
    title = author = source = None
    date: tuple[dt.date, DatePrecision] | None = None
    date_index = None
    for index, line in enumerate(header):
        if _URL_LINE.match(line) or not any(c.isalpha() for c in line):
            continue
        labelled = _LABELLED.match(line)
        if labelled:
            if labelled.group("label").lower() in ("title", "headline"):
                title = title or labelled.group("value")
            else:
                author = author or labelled.group("value")
            continue
        if _SOURCE_LINE.match(line):
            source, written = _source_and_date(_SOURCE_LINE.match(line).group("value"))
            if written and date is None:
                date = parse_date(written, today, warnings, "the source line")
            continue
        match = _DATE_LINE.match(line)
        if match and date_index is None:
            date = parse_date(match.group("date"), today, warnings, "the text")
            if date is None:
                continue  # not a date after all; a later line may be one
            date_index = index
            # "Pak Institute for Peace Studies — January 2024": the publisher and the date;
            # "By Bill Roggio | October 2, 2011": the author and the date.
            head, *dated = _DASHED.split(match.group("date"), maxsplit=1)
            head = head.strip()
            byline = _BYLINE.match(head) if dated else None
            if byline:
                author = author or byline.group("name")
            elif dated and _ORG_WORDS.search(head):
                source = source or head
            continue
        byline = _BYLINE.match(line)
        if byline:
            author = author or byline.group("name")
            source = source or byline.group("org")
    candidates: list[tuple[int, str]] = []
    for index, line in enumerate(header[: date_index if date_index is not None else None]):
        if _field_or_mark(line):
            continue
        if date_index is not None and index == 0 and _PERSON.match(line) and author is None:
            author = line
        elif _OUTLET.match(line) and sum(c.isalpha() for c in line) >= 3 and len(line.split()) <= 4:
            source = source or line
        elif _is_title(line, heading=_HEADING.match(raw_header[index]) is not None):
            candidates.append((index, line))
    title = title or _title([line for _, line in candidates], header, date_index)
    orgs = [line for _, line in candidates if line != title and _ORG_WORDS.search(line)]
    source = source or (orgs[0] if orgs else None)
    footer_author, footer_source = _source_line(_last_lines(text[-5_000:], _FOOTER_LINES))
    footer_source, written = _source_and_date(footer_source)
    if date is None and written:
        date = parse_date(written, today, warnings, "the source line")
    if date is None:
        date = _dateline(text, today, warnings)
    if url and date is None:
        date = _url_date(url)
    if date is None:
        date = _symbol_year(header, today)
    published, precision = date if date else (None, None)
    return Metadata(
        title, source or footer_source, author or footer_author, published, precision, url
    )


def _title(candidates: list[str], header: list[str], date_index: int | None) -> str | None:
    """The title among the header's ``candidates`` (the lines before its date line, if it
    has one at ``date_index``)."""
    # A short line naming an organisation ("Hindustan Times") is the source, not the title,
    # when another line can be.
    outlets = [line for line in candidates if _ORG_WORDS.search(line) and len(line.split()) <= 8]
    titles = [line for line in candidates if line not in outlets] or outlets[:1]
    if date_index is None:
        return titles[0] if titles else None
    # The title closest above the date, unless only labels stand there ("Security Council"
    # over a UN report's date): then the first full title below it.
    full = [line for line in titles if len(line.split()) >= 3]
    if full:
        return full[-1]
    below = (
        line
        for line in header[date_index + 1 :]
        if len(line.split()) >= 3 and _is_title(line) and not _field_or_mark(line)
    )
    return next(below, titles[-1] if titles else None)


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
        if following is not None and (len(following) > 80 or _FIELD.match(following)):
            following = None  # not an outlet: too long, or a field of its own ("Date: ...")
        if value and following and _PERSON.match(value):
            return value, following
        return None, value or following
    return None, None


def _source_and_date(value: str | None) -> tuple[str | None, str | None]:
    """A source line's outlet and the date written after it, if any ("Field report, 12
    May 2019")."""
    dated = _SOURCE_DATE.search(value) if value else None
    if dated is None:
        return value, None
    return value[: dated.start()].strip() or None, dated.group("date")


def _dateline(
    text: str, today: dt.date, warnings: list[str]
) -> tuple[dt.date, DatePrecision] | None:
    """The date of a wire story's dateline opening one of its first lines."""
    written = dateline_date(text)
    return parse_date(written, today, warnings, "the dateline") if written else None


def _symbol_year(header: list[str], today: dt.date) -> tuple[dt.date, DatePrecision] | None:
    """The year of a Security Council document symbol ("S/2023/549"): its documents are
    numbered by year of issue, so the symbol dates the report when nothing else does."""
    for line in header:
        match = _UN_SYMBOL.match(line)
        if match and 1946 <= int(match.group(1)) <= today.year:
            return dt.date(int(match.group(1)), 1, 1), "year"
    return None


def _url_date(url: str) -> tuple[dt.date, DatePrecision] | None:
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = match.groups()
    return dt.date(int(year), int(month), int(day or 1)), "day" if day else "month"

