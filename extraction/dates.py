"""When things happened: year references in a sentence, explicit or relative.

Explicit forms: "Feb. 12, 2015", "27 Sep 2016", "In July 2013", "the summer of 2012",
"in late 2001", "in 2014", "the 1980s" (a decade range), "between 2001 and 2003" and
"1996-2001" (ranges). Relative forms are resolved against the publication date: "last
month", "last year", "two years ago", "earlier this week", "in October" and "July 25"
(the most recent such month not after publication). Numbers that are not years are left
alone: counts ("2000 fighters"), page and issue numbers, URL parts, and "9/11", which
names an attack rather than dating the sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from atlas.records import YearRef

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
YEAR = r"(?:1[89]\d\d|20\d\d)"
_Q = r"(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",
        re.compile(
            rf"\b(?:[Bb]etween|[Ff]rom)\s+{_Q}(?:{MONTH}\s+)?(?:of\s+)?(?P<y1>{YEAR})\s+"
            rf"(?:and|to|until|till|through)\s+{_Q}(?:{MONTH}\s+)?(?:of\s+)?(?P<y2>{YEAR})\b"
        ),
    ),
    (
        "span",
        re.compile(rf"(?<![\w/.-])(?P<y1>{YEAR})\s?[-\u2013]\s?(?P<y2>{YEAR}|\d\d)(?![\w/-])"),
    ),
    (
        "decade",
        re.compile(
            r"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1[89]\d0|20\d0)['\u2019]?s\b"
            r"|\b[Tt]he\s+(?:(?P<part2>early|mid|late)[\s-]+)?['\u2019]?(?P<short>[2-9]0)['\u2019]?s\b"
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})\b"
            rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH}),?\s+(?P<year2>{YEAR})\b"
        ),
    ),
    ("month", re.compile(rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b")),
    (
        "season",
        re.compile(
            rf"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{YEAR})\b", re.IGNORECASE
        ),
    ),
    ("year", re.compile(rf"(?<![\w/.$\u00a3\u20ac#,-])(?P<year>{YEAR})(?![\w/%-]|[.,]\d)")),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
            r"\s+(?P<unit>years?|months?)\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    (
        "last",
        re.compile(r"\b(?P<which>last|this|past)\s+(?P<unit>week|month|year)\b", re.IGNORECASE),
    ),
    (
        "today",
        re.compile(
            r"\b(?:yesterday|today|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)(?!\s+attacks?\b)"
        ),
    ),
    (
        "bare_month",
        re.compile(
            rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Dd]uring|[Ee]arly|[Ll]ate|mid-?)\s+"
            rf"(?:early\s+|late\s+|mid-?)?(?P<month>{_FULL_MONTH})\b(?!\s*,?\s*(?:of\s+)?\d)"
        ),
    ),
)
_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:people|persons|members|fighters|militants|men|women|children|km|kilomet|miles|troops"
    r"|soldiers|individuals|families|dollars|rupees|times|hours|metres|meters|feet|percent|per\s+cent)\b",
    re.IGNORECASE,
)
_NOT_BEFORE_YEAR = re.compile(r"(?:\b(?:No|no|nos?|pp?|[Pp]ages?|[Vv]ol|[Ii]ssue|Rs)\.?|\$)\s*$")


def find_years(text: str, start: int, end: int, published: dt.date | None) -> tuple[YearRef, ...]:
    """Year references in ``text[start:end]``, in text order, with absolute offsets."""
    found: list[YearRef] = []
    limit = published.year if published is not None else 2100
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            ref = _ref(kind, match, text, published)
            if ref is not None and ref.year is not None and 1900 <= ref.year <= limit:
                found.append(ref)
    return tuple(_non_overlapping(found))


def year_near(
    refs: tuple[YearRef, ...], start: int, end: int, published: dt.date | None
) -> YearRef:
    """The reference closest to the span ``[start, end)``, else the publication year, else unknown."""
    if refs:
        return min(refs, key=lambda r: (max(r.start - end, start - r.end, 0), r.start))
    if published is not None:
        return YearRef(published.year, None, "publication", "year")
    return YearRef(None, None, "unknown", "year")


def _ref(kind: str, m: re.Match[str], text: str, published: dt.date | None) -> YearRef | None:
    s, e = m.start(), m.end()
    if kind in ("range", "span"):
        first, second = int(m["y1"]), m["y2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return YearRef(first, last, "explicit", "range", s, e) if first < last else None
    if kind == "decade":
        part = m["part"] or m["part2"]
        decade = int(m["decade"]) if m["decade"] else 1900 + int(m["short"])
        low, high = _DECADE_PARTS[part]
        return YearRef(decade + low, decade + high, "explicit", "decade", s, e)
    if kind == "day":
        return YearRef(int(m["year"] or m["year2"]), None, "explicit", "day", s, e)
    if kind == "month":
        return YearRef(int(m["year"]), None, "explicit", "month", s, e)
    if kind == "season":
        return YearRef(int(m["year"]), None, "explicit", "season", s, e)
    if kind == "year":
        if _NOT_AFTER_YEAR.match(text, e) or _NOT_BEFORE_YEAR.search(text, max(0, s - 8), s):
            return None
        return YearRef(int(m["year"]), None, "explicit", "year", s, e)
    if published is None:
        return None
    return _relative(kind, m, published, s, e)


def _relative(kind: str, m: re.Match[str], published: dt.date, s: int, e: int) -> YearRef | None:
    if kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
        if m["unit"].lower().startswith("year"):
            return YearRef(published.year - n, None, "relative", "year", s, e)
        months = published.year * 12 + published.month - 1 - n
        return YearRef(months // 12, None, "relative", "month", s, e)
    if kind == "last":
        which, unit = m["which"].lower(), m["unit"].lower()
        if unit == "year":
            year = published.year - 1 if which == "last" else published.year
            return YearRef(year, None, "relative", "year", s, e)
        if unit == "month" and which == "last":
            year = published.year - 1 if published.month == 1 else published.year
            return YearRef(year, None, "relative", "month", s, e)
        return YearRef(published.year, None, "relative", "day" if unit == "week" else "month", s, e)
    if kind == "today":
        return YearRef(published.year, None, "relative", "day", s, e)
    month = _MONTHS[m["month"][:3].lower()]
    year = published.year if month <= published.month else published.year - 1
    return YearRef(year, None, "relative", "day" if kind == "month_day" else "month", s, e)


def _non_overlapping(found: list[YearRef]) -> list[YearRef]:
    """Longest first, then earliest; the kept references in text order."""
    kept: list[YearRef] = []
    for ref in sorted(found, key=lambda r: (r.start - r.end, r.start)):
        if all(ref.end <= k.start or k.end <= ref.start for k in kept):
            kept.append(ref)
    return sorted(kept, key=lambda r: r.start)
