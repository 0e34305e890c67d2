"""Publication dates parsed strictly."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.pubdate import parse_date

TODAY = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016", (dt.date(2016, 1, 1), "year")),
        ("2021-06", (dt.date(2021, 6, 1), "month")),
        ("2016-06-03", (dt.date(2016, 6, 3), "day")),
        ("2019-03-04T10:00:00+00:00", (dt.date(2019, 3, 4), "day")),
        ("27 Sep 2016", (dt.date(2016, 9, 27), "day")),
        ("July 29, 2023", (dt.date(2023, 7, 29), "day")),
        ("June 2021", (dt.date(2021, 6, 1), "month")),
        ("Sept. 4, 2019", (dt.date(2019, 9, 4), "day")),
    ],
)
def test_dates_and_their_precision(value, expected):
    warnings: list[str] = []
    assert parse_date(value, TODAY, warnings, "test") == expected
    assert warnings == []


@pytest.mark.parametrize(
    "value", ["45 March 2020", "sometime next spring", "next week", "2020-13-01"]
)
def test_unparseable_or_relative_dates_are_unknown_with_a_warning(value):
    warnings: list[str] = []
    assert parse_date(value, TODAY, warnings, "test") is None
    assert "unparseable" in warnings[0]


def test_future_dates_are_unknown_but_tomorrow_is_allowed():
    warnings: list[str] = []
    assert parse_date("2025-07-05", TODAY, warnings, "test") is None
    assert "future" in warnings[0]
    assert parse_date("2025-07-01", TODAY, [], "test") == (dt.date(2025, 7, 1), "day")


def test_a_date_inside_a_longer_date_line():
    warnings: list[str] = []
    value = "CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST"
    assert parse_date(value, TODAY, warnings, "test") == (dt.date(2018, 3, 31), "day")
    assert warnings == []


def test_a_month_inside_a_longer_date_line():
    value = "CAAN brief No. 14, March 2021"
    assert parse_date(value, TODAY, [], "test") == (dt.date(2021, 3, 1), "month")
