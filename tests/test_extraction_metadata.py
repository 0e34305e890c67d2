"""Metadata from sidecars, file properties and the text itself."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.formats import FileMeta
from extraction.metadata import (
    Metadata,
    from_text,
    parse_date,
    read_sidecar,
    resolve,
)

TODAY = dt.date(2025, 6, 30)
BODY = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the "
    "fighters withdrew across the border before dawn according to residents of the area.\n"
)


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


def test_url_line_gives_url_and_date():
    meta = from_text("https://example.org/news/2014/02/11/story.html\n\n" + BODY, TODAY, [])
    assert meta.url == "https://example.org/news/2014/02/11/story.html"
    assert (meta.published, meta.published_precision) == (dt.date(2014, 2, 11), "day")


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("QUETTA, Pakistan, Oct. 3, 2022 (Reuters) - Militants", dt.date(2022, 10, 3)),
        ("PESHAWAR, 12 March 2019 - A blast", dt.date(2019, 3, 12)),
        ("WASHINGTON, Sept. 4, 2019 (AP) — The", dt.date(2019, 9, 4)),
        ("KARACHI: Police said on Monday that", None),
        ("In Quetta, Oct. 3, 2022 - was a day", None),
    ],
)
def test_a_wire_datelines_date_is_the_publication_date(opening, expected):
    text = "Militants kill 12 in attack\nBy Staff Reporter\n" + opening + " " + BODY
    meta = from_text(text, TODAY, [])
    assert meta.published == expected
    assert meta.published_precision == ("day" if expected else None)


def test_a_date_inside_a_longer_date_line():
    warnings: list[str] = []
    value = "CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST"
    assert parse_date(value, TODAY, warnings, "test") == (dt.date(2018, 3, 31), "day")
    assert warnings == []


def test_title_then_date_then_byline():
    text = "Fighting flares in the north\n\nPublished: 12 March 2018\n\nBy Amina Khan\n\n" + BODY
    meta = from_text(text, TODAY, [])
    assert meta.title == "Fighting flares in the north"
    assert meta.author == "Amina Khan"
    assert (meta.published, meta.published_precision) == (dt.date(2018, 3, 12), "day")


def test_a_long_title_without_a_full_stop_does_not_end_the_header():
    title = (
        "Fifteenth report of the Analytical Support and Sanctions Monitoring Team submitted "
        "pursuant to resolution 2665 (2022) concerning the Taliban and other associated "
        "individuals and entities constituting a threat to the peace of Afghanistan"
    )
    meta = from_text(f"{title}\nS/2024/463\nDated 10 June 2024\n\n{BODY}", TODAY, [])
    assert (meta.published, meta.published_precision) == (dt.date(2024, 6, 10), "day")
    assert meta.title == title
    # A long line that ends a sentence, or holds the end of one, is prose (a paragraph, a
    # photo caption): what follows it is not the header.
    for prose in (title + " was published.", title + ". (European Pressphoto Agency)"):
        assert from_text(f"{prose}\nDated 10 June 2024\n\n{BODY}", TODAY, []).published is None


def test_byline_with_outlet():
    meta = from_text("Border clashes resume\nBy John Smith, Regional Times\n" + BODY, TODAY, [])
    assert (meta.title, meta.author, meta.source) == (
        "Border clashes resume",
        "John Smith",
        "Regional Times",
    )


def test_name_outlet_date_block_and_no_title():
    meta = from_text("Sara Lindqvist\nNORDPRESS\nMarch 3, 2022\n" + BODY, TODAY, [])
    assert (meta.author, meta.source, meta.title) == ("Sara Lindqvist", "NORDPRESS", None)


def test_organisation_line_before_title_is_the_source():
    text = "\n\nInstitute for Conflict Studies\n\nArmed groups in the valley\n\nMay 2019\n\n" + BODY
    meta = from_text(text, TODAY, [])
    assert meta.title == "Armed groups in the valley"
    assert meta.source == "Institute for Conflict Studies"
    assert meta.published_precision == "month"


def test_closing_source_line_with_author_and_outlet():
    meta = from_text(
        "Headline of the piece\n\n" + BODY + "\nSOURCE: Omar Farooq\nThe Daily Star\n", TODAY, []
    )
    assert (meta.author, meta.source) == ("Omar Farooq", "The Daily Star")


def test_closing_source_line_with_outlet_only():
    meta = from_text(BODY + "\nSource: Reuters\n", TODAY, [])
    assert (meta.author, meta.source) == (None, "Reuters")


def test_prose_opening_gives_no_title():
    assert from_text(BODY * 3, TODAY, []).title is None


def test_sidecar_wins_field_by_field(tmp_path):
    (tmp_path / "sources.csv").write_text(
        "file,title,publication,author,published,url,note\n"
        "a.txt,Sidecar title,Sidecar Paper,,2020-05,,n\n",
        encoding="utf-8",
    )
    warnings: list[str] = []
    row = read_sidecar(tmp_path, warnings)["a.txt"]
    text = "Text title here\n\nBy Jane Roe\n\n1 January 2019\n\n" + BODY
    meta = resolve(text, FileMeta(title="File title", url="https://x.org/a"), row, TODAY, warnings)
    assert meta == Metadata(
        title="Sidecar title",
        source="Sidecar Paper",
        author="Jane Roe",
        published=dt.date(2020, 5, 1),
        published_precision="month",
        url="https://x.org/a",
    )
    assert warnings == []


def test_file_properties_win_over_text_guesses():
    meta = resolve(
        "Text title here\n\n" + BODY,
        FileMeta(title="Property title", published="2018-02-03"),
        None,
        TODAY,
        [],
    )
    assert (meta.title, meta.published) == ("Property title", dt.date(2018, 2, 3))


def test_bad_sidecar_date_falls_back_to_the_text_with_a_warning():
    warnings: list[str] = []
    meta = resolve(
        "Title of the report\n\nJune 2021\n\n" + BODY,
        FileMeta(),
        {"published": "soon"},
        TODAY,
        warnings,
    )
    assert (meta.published, meta.published_precision) == (dt.date(2021, 6, 1), "month")
    assert any("soon" in w for w in warnings)


def test_missing_or_broken_sidecars(tmp_path):
    warnings: list[str] = []
    assert read_sidecar(tmp_path, warnings) == {}
    (tmp_path / "sources.csv").write_text("name,title\nx,y\n", encoding="utf-8")
    assert read_sidecar(tmp_path, warnings) == {}
    assert "no 'file' column" in warnings[0]
    (tmp_path / "sources.csv").write_bytes(b"file,title\n\xff\xfe,x\n")
    assert read_sidecar(tmp_path, warnings) == {}
    assert "unreadable sidecar" in warnings[1]


def test_sidecar_is_read_again_when_it_changes(tmp_path):
    sidecar = tmp_path / "sources.csv"
    sidecar.write_text("file,title\na.txt,First\n", encoding="utf-8")
    assert read_sidecar(tmp_path, [])["a.txt"]["title"] == "First"
    sidecar.write_text("file,title\na.txt,Second title\n", encoding="utf-8")
    assert read_sidecar(tmp_path, [])["a.txt"]["title"] == "Second title"


@given(
    st.lists(
        st.sampled_from(["word", " ", "   ", "\t", "\u00a0", "\u3000", "x" * 40]), max_size=300
    ).map("".join),
    st.sampled_from([150, 400]),
)
def test_the_prose_check_on_a_short_prefix_first_is_the_check(line, limit):
    from extraction.metadata import _clean, _cleans_longer

    assert _cleans_longer(line, limit) == (len(_clean(line[: 4 * limit])) > limit)
