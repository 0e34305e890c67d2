"""When things happened: year references in a sentence, explicit or relative.

Explicit forms: "Feb. 12, 2015", "27 Sep 2016", "In July 2013", "the summer of 2012",
"in late 2001", "in 2014", "the 1980s" (a decade range), "between 2001 and 2003" and
"1996-2001" (ranges), "since 2015" (a range to publication), numeric dates as tables
and logs write them ("2022-03-04", "04/03/2022", "4.3.2022"; the year is certain whatever
the order of day and month), and "after 9/11" or "post-9/11" (2001; a bare "9/11" names
the attack and dates nothing). Relative forms are resolved against the publication date:
"last month", "last year", "two years ago", "earlier this week", "in October" and "July
25" (the most recent such month not after publication); "two years earlier" counts from
the explicit year just before it. Numbers that are not years are left alone: counts
("2000 fighters"), page and issue numbers, URL parts, document symbols ("S/2015/441").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

from atlas.records import YearRef
from extraction.datescan import laters, short_decades, year_spans
from extraction.datewords import MONTH, NUMBERS, starts_word
from extraction.relative import relative_years

_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}

YEAR = r"(?:1[89]\d\d|20\d\d)"
_QUALIFIER = r"(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?"

# Every pattern is anchored on something rare and cheap to find (a year, a month name, a
# time unit; see extraction.datescan) and then checked around the anchor, because scanning
# each document with a dozen free-standing patterns dominated the pipeline's time.
_RANGE_HEAD = re.compile(rf"(?:[Bb]etween|[Ff]rom)\s+{_QUALIFIER}(?:{MONTH}\s+)?(?:of\s+)?$")
# What stands between two years of one list ("2009, 2012 and 2014", "2009 and again in 2014");
# not ", and in": that begins another clause ("in 2018 ..., and in 2022 a bomber ...").
_LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or|&)\s+|\s+and\s+(?:again\s+)?in\s+")
# Where one clause of a sentence ends and another begins ("..., and in April 2022 ...").
_CLAUSE_END = re.compile(r";|,\s+(?:and|but|while|whereas)\s")
_RANGE_TAIL = re.compile(
    rf"\s+(?:and|to|until|till|through)\s+{_QUALIFIER}(?:{MONTH}\s+)?(?:of\s+)?({YEAR})(?!\w)"
)
_SPAN_TAIL = re.compile(rf"\s?[-\u2013]\s?({YEAR}|\d\d)(?![\w/-])")
_DECADE_TAIL = re.compile(r"['\u2019]?s(?!\w)")
_DECADE_PART = re.compile(r"(early|mid|late)[\s-]+$")
_SHORT_DECADE_HEAD = re.compile(r"[Tt]he\s+(?:(early|mid|late)[\s-]+)?['\u2019]?$")
_DAY_HEAD = re.compile(
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?)\s+$"
)
_MONTH_HEAD = re.compile(rf"{MONTH},?\s+(?:of\s+)?$")
_SEASON_HEAD = re.compile(r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?$")
_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:people|persons|members|fighters|militants|men|women|children|km|kilomet|miles|troops"
    r"|soldiers|individuals|families|dollars|rupees|times|hours|metres|meters|feet|percent|per\s+cent)\b",
    re.IGNORECASE,
)
_NOT_BEFORE_YEAR = re.compile(r"(?:\b(?:No|no|nos?|pp?|[Pp]ages?|[Vv]ol|[Ii]ssue|Rs)\.?|\$)\s*$")
_SINCE_HEAD = re.compile(r"[Ss]ince\s+$")
_ELEVEN = re.compile(r"9/11(?![\w/-])")
# A day's date in digits around a year: ISO month and day after it, or day and month
# (either order) before it; not a UN document symbol ("S/2024/92") nor a phone number.
_ISO_TAIL = re.compile(r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)")
_DMY_HEAD = re.compile(r"(?<![\w/.-])\d{1,2}([/.])\d{1,2}\1$")
_NOT_AFTER_DMY = re.compile(r"[\w/-]|\.\d")
_AFTER_HEAD = re.compile(
    r"(?:[Aa]fter|[Ss]ince|[Ff]ollowing|[Pp]ost-|[Aa]ftermath\s+of|[Ww]ake\s+of)\s*(?:the\s+)?$"
)
_NUMBER_HEAD = re.compile(
    r"(?i:\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}))\s+$"
)
_START = attrgetter("start")
_NEAR = 300
"""Characters before "two years earlier" within which the year it counts from must be."""


def find_years(text: str, start: int, end: int, published: dt.date | None) -> tuple[YearRef, ...]:
    """Year references in ``text[start:end]``, in text order, with absolute offsets."""
    limit = published.year if published is not None else 2100
    found = list(_explicit(text, start, end))
    found += _nine_eleven(text, start, end)
    found += _offsets(text, start, end, found)
    if published is not None:
        found = [_since(text, start, ref, published) for ref in found]
        found += relative_years(text, start, end, published)
    return tuple(
        _non_overlapping([r for r in found if r.year is not None and 1900 <= r.year <= limit])
    )


def years_by_sentence(
    text: str, sentences: Sequence[tuple[int, int]], published: dt.date | None
) -> list[tuple[YearRef, ...]]:
    """``find_years`` for each ``(start, end)`` sentence, in one pass over the text.

    ``sentences`` are in text order and do not overlap (as ``split_sentences`` gives them),
    so each reference lies in the last sentence starting at or before it, if in any.
    """
    result: list[tuple[YearRef, ...]] = [()] * len(sentences)
    refs = find_years(text, 0, len(text), published)
    if not refs:
        return result
    firsts = [s for s, _ in sentences]
    inside: dict[int, list[YearRef]] = {}
    for ref in refs:
        i = bisect_right(firsts, ref.start) - 1
        if i >= 0 and ref.end <= sentences[i][1]:
            inside.setdefault(i, []).append(ref)
    for i, found in inside.items():
        result[i] = tuple(found)
    return result


def year_near(
    refs: tuple[YearRef, ...],
    start: int,
    end: int,
    published: dt.date | None,
    not_before: int | None = None,
    text: str | None = None,
) -> YearRef:
    """The reference closest to the span ``[start, end)``, else the publication year, else
    unknown; references wholly before ``not_before`` (a group's founding) date something
    else and are passed over.  With the ``text``, one in the span's own clause comes before
    nearer ones across a clause's end ("In 2018 it attacked Karachi, and in 2022 ..."), and
    any other before a "since" period set off by a comma, which is background ("On March 11
    a bomber struck Kabul, the second attack since 2021"; but "attacks in Khyber
    Pakhtunkhwa since 2014, including the 2016 bombing in Lahore")."""
    if not_before is not None:
        refs = tuple(r for r in refs if r.year is None or (r.year_end or r.year) >= not_before)
    if refs:

        def across(r: YearRef) -> bool:
            low, high = (r.end, start) if r.end <= start else (end, r.start)
            return text is not None and _CLAUSE_END.search(text, low, high) is not None

        def background(r: YearRef) -> bool:
            low, high = (r.end, start) if r.end <= start else (end, r.start)
            return text is not None and since(r, text) and "," in text[low:high]

        return min(
            refs,
            key=lambda r: (across(r), background(r), max(r.start - end, start - r.end, 0), r.start),
        )
    if published is not None:
        return YearRef(published.year, None, "publication", "year")
    return YearRef(None, None, "unknown", "year")


def coordinated(refs: tuple[YearRef, ...], chosen: YearRef, text: str) -> tuple[YearRef, ...]:
    """The explicit years of ``refs`` (in text order) listed with ``chosen``: "in 2009,
    2012 and 2014", "in 2009 and again in 2014" (``chosen`` itself left out)."""
    if chosen.source != "explicit":
        return ()
    at = refs.index(chosen)

    def listed(a: YearRef, b: YearRef) -> bool:
        return b.source == a.source and _LIST_GAP.fullmatch(text, a.end, b.start) is not None

    first = last = at
    while first > 0 and listed(refs[first - 1], refs[first]):
        first -= 1
    while last + 1 < len(refs) and listed(refs[last], refs[last + 1]):
        last += 1
    return refs[first:at] + refs[at + 1 : last + 1]


def _explicit(text: str, start: int, end: int):
    for s, e in year_spans(text, start, end):
        after = text[e] if e < end else " "
        # A year starts and ends a word, except for the "s" of a decade ("1980s").
        if not starts_word(text, s, start) or ((after.isalnum() or after == "_") and after != "s"):
            continue
        year = int(text[s:e])
        tail = _RANGE_TAIL.match(text, e, min(end, e + 50))
        head = _RANGE_HEAD.search(text, max(start, s - 40), s) if tail else None
        if head and tail and starts_word(text, head.start(), start) and year < int(tail[1]):
            yield YearRef(year, int(tail[1]), "explicit", "range", head.start(), tail.end())
        span = _SPAN_TAIL.match(text, e, end)
        if span and (s == start or text[s - 1] not in "/.-") and starts_word(text, s, start):
            last = int(span[1]) if len(span[1]) == 4 else year // 100 * 100 + int(span[1])
            if year < last:
                yield YearRef(year, last, "explicit", "range", s, span.end())
        yield from _around_year(text, start, end, s, e, year)
    yield from _short_decades(text, start, end)


def _around_year(text: str, start: int, end: int, s: int, e: int, year: int):
    """A year with what precedes or follows it: decade, day, month, season, or the year alone."""
    decade = _DECADE_TAIL.match(text, e, end)
    if decade and year % 10 == 0:
        part = _DECADE_PART.search(text, max(start, s - 8), s)
        low, high = _DECADE_PARTS[part[1] if part else None]
        yield YearRef(
            year + low, year + high, "explicit", "decade", part.start() if part else s, decade.end()
        )
        return
    if e < end and (text[e].isalnum() or text[e] == "_"):
        return
    # Each head ends with white space, so without it before the year none can match.
    window = max(start, s - 30)
    heads = ((_DAY_HEAD, "day"), (_MONTH_HEAD, "month"), (_SEASON_HEAD, "season"))
    for head, precision in heads if s > window and text[s - 1].isspace() else ():
        found = head.search(text, window, s)
        if found and starts_word(text, found.start(), start):
            yield YearRef(year, None, "explicit", precision, found.start(), e)
            return
    numeric = _numeric_date(text, start, end, s, e)
    if numeric is not None:
        yield YearRef(year, None, "explicit", "day", *numeric)
        return
    if s > start and text[s - 1] == "-" and text[max(start, s - 4) : s].lower() == "mid-":
        yield YearRef(year, None, "explicit", "year", s - 4, e)  # "in mid-2021"
        return
    if s > start and text[s - 1] in "/.$\u00a3\u20ac#,-":
        return
    if (e < end and text[e] in "/%-") or (
        e + 1 < end and text[e] in ".," and text[e + 1].isdigit()
    ):
        return
    if _NOT_AFTER_YEAR.match(text, e, end) or _NOT_BEFORE_YEAR.search(text, max(start, s - 8), s):
        return
    yield YearRef(year, None, "explicit", "year", s, e)


def _numeric_date(text: str, start: int, end: int, s: int, e: int) -> tuple[int, int] | None:
    """The span of a day's date in digits around the year at ``[s, e)``: "2022-03-04",
    "04/03/2022", "4.3.2022" (the year is certain whatever the order of day and month)."""
    if e < end and text[e] == "-" and (s == start or text[s - 1] not in "/.-"):
        iso = _ISO_TAIL.match(text, e, end)
        return (s, iso.end()) if iso else None
    if s > start and text[s - 1] in "/." and not _NOT_AFTER_DMY.match(text, e, end):
        head = _DMY_HEAD.search(text, max(start, s - 6), s)
        return (head.start(), e) if head else None
    return None


def _nine_eleven(text: str, start: int, end: int) -> list[YearRef]:
    """ "After 9/11", "post-9/11", "since 9/11" date the sentence to 2001; "9/11-style" does not."""
    found = []
    if text.find("9/11", start, end) < 0:
        return found
    for m in _ELEVEN.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1].isalnum():
            continue
        if _AFTER_HEAD.search(text, max(start, m.start() - 16), m.start()):
            found.append(YearRef(2001, None, "explicit", "day", m.start(), m.end()))
    return found


def _offsets(text: str, start: int, end: int, explicit: list[YearRef]) -> list[YearRef]:
    """ "Two years earlier" counted from the closest explicit year before it in the text."""
    found = []
    for m in laters(text, start, end):
        count = _NUMBER_HEAD.search(text, max(start, m.start() - 8), m.start())
        before = (
            [r for r in explicit if m.start() - _NEAR <= r.end <= count.start()] if count else []
        )
        if before and before[-1].year is not None:
            n = int(count[1]) if count[1].isdigit() else NUMBERS[count[1].lower()]
            n *= 10 if m.group().startswith("decade") else 1
            sign = -1 if m[1] in ("earlier", "before") else 1
            found.append(
                YearRef(
                    before[-1].year + sign * n, None, "relative", "year", count.start(), m.end()
                )
            )
    return found


def since(ref: YearRef, text: str) -> bool:
    """Whether ``ref`` is a period "since" a year, up to publication ("since 2021")."""
    return ref.precision == "range" and text.startswith(("since", "Since"), ref.start)


def _since(text: str, start: int, ref: YearRef, published: dt.date) -> YearRef:
    """ "Since 2015" is the range from then to publication."""
    if ref.precision in ("range", "decade") or ref.year is None or ref.year >= published.year:
        return ref
    head = _SINCE_HEAD.search(text, max(start, ref.start - 8), ref.start)
    if head is None:
        return ref
    return YearRef(ref.year, published.year, ref.source, "range", head.start(), ref.end)


def _short_decades(text: str, start: int, end: int):
    for s, e, digit in short_decades(text, start, end):
        head = _SHORT_DECADE_HEAD.search(text, max(start, s - 14), s)
        if head and starts_word(text, head.start(), start):
            low, high = _DECADE_PARTS[head[1]]
            decade = 1900 + int(digit) * 10
            yield YearRef(decade + low, decade + high, "explicit", "decade", head.start(), e)


def _non_overlapping(found: list[YearRef]) -> list[YearRef]:
    """Longest first, then earliest; the kept references in text order."""
    in_order = sorted(found, key=_START)
    last = -1
    for ref in in_order:
        if ref.start >= ref.end or ref.start < last:
            break
        last = ref.end
    else:
        return in_order  # nothing overlaps (the common case): all are kept
    low = min(r.start for r in found)
    taken = bytearray(max(r.end for r in found) - low)
    kept: list[YearRef] = []
    for ref in sorted(found, key=lambda r: (r.start - r.end, r.start)):
        if not any(taken[ref.start - low : ref.end - low]):
            taken[ref.start - low : ref.end - low] = b"\x01" * (ref.end - ref.start)
            kept.append(ref)
    return sorted(kept, key=lambda r: r.start)
