"""The anchors ``extraction.dates`` looks for, found as fast as ``re`` can find them.

``re`` scans quickly for a pattern that starts with a fixed character or word, and about
eight times more slowly for one that starts with a choice ("week|month|year", "1[89]|20",
"[2-9]"), because it then tests every character against a set. So each anchor here is one
pattern per fixed start, and their matches are merged into exactly what the single
alternation would have found with ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import methodcaller

_START = methodcaller("start")
# A year 1800-2099, found by its first digit; a lookahead matches one character, so a
# year overlapping another one is still seen (and skipped below as finditer would).
_YEAR_STARTS = (re.compile(r"1(?=[89]\d\d)"), re.compile(r"2(?=0\d\d)"))
_YEAR_LENGTH = 4
# "the 80s", "the '90s": found by the "0"; the decade digit before it is checked behind.
_SHORT_DECADE = re.compile(r"0(?<=[2-9]0)['\u2019]?s(?!\w)")
_UNITS = tuple(re.compile(rf"{unit}s?(?!\w)") for unit in ("week", "month", "year"))
_LATER = tuple(
    re.compile(rf"{unit}s?\s+(earlier|before|later|after)(?!\w)") for unit in ("year", "decade")
)


def year_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``finditer`` spans of ``(?:1[89]\\d\\d|20\\d\\d)`` in ``text[start:end]``."""
    found = sorted(m.start() for p in _YEAR_STARTS for m in p.finditer(text, start, end))
    spans: list[tuple[int, int]] = []
    last = start
    for s in found:
        if s >= last:
            last = s + _YEAR_LENGTH
            spans.append((s, last))
    return spans


def short_decades(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, digit)`` of every ``([2-9])0['’]?s(?!\\w)`` in ``text[start:end]``.

    The matches cannot overlap (each ends with an "s" and starts with a digit), so each
    one found by its "0" is one that the pattern would find from its digit.
    """
    return [
        (m.start() - 1, m.end(), text[m.start() - 1])
        for m in _SHORT_DECADE.finditer(text, start + 1, end)
    ]


def units(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``finditer`` matches of ``(?:week|month|year)s?(?!\\w)``, in text order.

    No match of one unit can overlap a match of another, so the merge is exact.
    """
    return _merged(p.finditer(text, start, end) for p in _UNITS)


def laters(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``finditer`` matches of ``(?:years?|decades?)\\s+(earlier|before|later|after)(?!\\w)``.

    A "year" match cannot contain "decade" nor the other way round, so the merge is exact.
    """
    return _merged(p.finditer(text, start, end) for p in _LATER)


def _merged(scans: Iterable[Iterable[re.Match[str]]]) -> list[re.Match[str]]:
    found = [m for scan in scans for m in scan]
    if len(found) > 1:
        found.sort(key=_START)
    return found
