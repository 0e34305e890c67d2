"""The fast anchor scans find exactly what the single alternation finds with finditer."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from extraction.datescan import laters, short_decades, units, year_spans

YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")
SHORT_DECADE = re.compile(r"([2-9])0['\u2019]?s(?!\w)")
UNIT = re.compile(r"(?:week|month|year)s?(?!\w)")
LATER = re.compile(r"(?:years?|decades?)\s+(earlier|before|later|after)(?!\w)")

_PIECES = ["1", "2", "0", "8", "9", "19", "20", "18", "\u0661", "s", "'", "\u2019", " ", "\n",
           "year", "years", "week", "month", "decade", "decades", "earlier", "after", "later",
           "before", "x", "_", "-"]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _window(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@example(text="20191999 1920s the 80s", data=None)
@given(texts, st.data())
def test_year_spans(text, data):
    start, end = _window(text, data) if data is not None else (0, len(text))
    assert year_spans(text, start, end) == [m.span() for m in YEAR.finditer(text, start, end)]


@given(texts, st.data())
def test_short_decades(text, data):
    start, end = _window(text, data)
    expected = [(m.start(), m.end(), m[1]) for m in SHORT_DECADE.finditer(text, start, end)]
    assert short_decades(text, start, end) == expected


@given(texts, st.data())
def test_units_and_laters(text, data):
    start, end = _window(text, data)
    for scan, pattern in ((units, UNIT), (laters, LATER)):
        got = [(m.span(), m.group(), m.groups()[:1]) for m in scan(text, start, end)]
        want = [(m.span(), m.group(), m.groups()[:1]) for m in pattern.finditer(text, start, end)]
        assert got == want


def test_short_decade_digit_must_lie_inside_the_window():
    assert short_decades("the 20s", 4, 7) == [(4, 7, "2")]
    assert short_decades("the 20s", 5, 7) == []
