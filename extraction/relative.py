"""Dates relative to the publication date: "last month", "two years ago", "in October",
"July 25", "14 August", "yesterday", "on Tuesday"."""

from __future__ import annotations

import datetime as dt
import re

from atlas.records import YearRef
from extraction.datescan import units
from extraction.datewords import FULL_MONTHS, MONTH, MONTHS, NUMBERS, starts_word

_MONTH_WORD = re.compile(MONTH)
_DAY_TAIL = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?(?!\w)(?!\s*,?\s*\d)(?!\s+attacks?\b)")
_PREPOSITION_HEAD = re.compile(
    r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Dd]uring|[Ee]arly|[Ll]ate|mid-?)\s+"
    r"(?:early\s+|late\s+|mid-?)?$"
)
_NO_YEAR_TAIL = re.compile(r"\s*,?\s*(?:of\s+)?\d")
_DAY_FIRST = re.compile(r"(?<![\w.,/-])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_THIS_HEAD = re.compile(r"(?i:last|this|past)\s+$")
_AGO_HEAD = re.compile(
    r"(?i:\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}))\s+$"
)
_AGO_TAIL = re.compile(r"\s+ago(?!\w)")
_DAY = re.compile(r"day(?!\w)")
_DAY_NAME_HEAD = re.compile(
    r"(?:[Yy]ester|[Tt]o|(?P<weekday>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun))$"
)
# The last letters of those heads, and a line break ("$" matches before a final one).
_DAY_NAME_ENDS = frozenset("rosni\n")
_ON_HEAD = re.compile(r"[Oo]n\s+$")


def relative_years(text: str, start: int, end: int, published: dt.date) -> list[YearRef]:
    """References in ``text[start:end]`` resolved against ``published`` (not yet filtered)."""
    found = list(_months(text, start, end, published))
    for m in units(text, start, end):
        if not starts_word(text, m.start(), start):
            continue
        unit = m.group().rstrip("s")
        # "last year", "this month": only a singular unit after white space can have that head.
        this = (
            _THIS_HEAD.search(text, max(start, m.start() - 6), m.start())
            if m.group() == unit and m.start() > start and text[m.start() - 1].isspace()
            else None
        )
        if this and starts_word(text, this.start(), start):
            found.append(
                _this(this.group().split()[0].lower(), unit, published, this.start(), m.end())
            )
        ago = _AGO_TAIL.match(text, m.end(), end)
        count = _AGO_HEAD.search(text, max(start, m.start() - 8), m.start()) if ago else None
        if count:
            n = int(count[1]) if count[1].isdigit() else NUMBERS[count[1].lower()]
            found.append(_ago(n, unit, published, count.start(), ago.end()))
    for m in _DAY.finditer(text, start, end):
        if m.start() <= start or text[m.start() - 1] not in _DAY_NAME_ENDS:
            continue  # not "yesterday", "today" or a weekday
        head = _DAY_NAME_HEAD.search(text, max(start, m.start() - 6), m.start())
        if head is None or not starts_word(text, head.start(), start):
            continue
        on = (
            _ON_HEAD.search(text, max(start, head.start() - 4), head.start())
            if head["weekday"]
            else None
        )
        if on or not head["weekday"]:
            begin = on.start() if on else head.start()
            found.append(YearRef(published.year, None, "relative", "day", begin, m.end()))
    return found


def _months(text: str, start: int, end: int, published: dt.date):
    """A month named without a year: the most recent such month not after publication."""
    for m in _MONTH_WORD.finditer(text, start, end):
        s, e = m.span()
        if not starts_word(text, s, start) or (e < end and text[e].isalnum()):
            continue
        month = MONTHS[m.group()[:3].lower()]
        year = published.year if month <= published.month else published.year - 1
        day = _DAY_TAIL.match(text, e, end)
        if day:
            yield YearRef(year, None, "relative", "day", s, day.end())
            continue
        # A full month's name is matched with a full stop after it, as an abbreviation
        # is ("Jan."): at a sentence's end the stop is not part of it ("in January.").
        name = m.group().rstrip(".")
        e = s + len(name)
        day_first = _DAY_FIRST.search(text, max(start, s - 14), s)
        if day_first and name in FULL_MONTHS and not _NO_YEAR_TAIL.match(text, e, end):
            # "on 14 August": the day before the month, as British and UN texts write it.
            yield YearRef(year, None, "relative", "day", day_first.start(), e)
            continue
        head = _PREPOSITION_HEAD.search(text, max(start, s - 16), s)
        if (
            name in FULL_MONTHS
            and head
            and starts_word(text, head.start(), start)
            and not _NO_YEAR_TAIL.match(text, e, end)
        ):
            yield YearRef(year, None, "relative", "month", head.start(), e)


def _this(which: str, unit: str, published: dt.date, s: int, e: int) -> YearRef:
    if unit == "year":
        return YearRef(published.year - (which == "last"), None, "relative", "year", s, e)
    if unit == "month" and which == "last":
        year = published.year - 1 if published.month == 1 else published.year
        return YearRef(year, None, "relative", "month", s, e)
    return YearRef(published.year, None, "relative", "day" if unit == "week" else "month", s, e)


def _ago(n: int, unit: str, published: dt.date, s: int, e: int) -> YearRef:
    if unit == "year":
        return YearRef(published.year - n, None, "relative", "year", s, e)
    months = published.year * 12 + published.month - 1 - n
    return YearRef(months // 12, None, "relative", "month", s, e)
