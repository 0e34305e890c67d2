"""Metadata guessed from a text's opening and closing lines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.textmeta import _clean, _cleans_longer, from_text

TODAY = dt.date(2025, 6, 30)
BODY = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the "
    "fighters withdrew across the border before dawn according to residents of the area.\n"
)


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


def test_opening_source_line_with_a_date_gives_outlet_and_date():
    meta = from_text("A note from the field\nSource: Field report, 12 May 2019\n\n" + BODY, TODAY, [])
    assert (meta.title, meta.source, meta.published) == (
        "A note from the field",
        "Field report",
        dt.date(2019, 5, 12),
    )
    closing = from_text(BODY + "\nSource: Reuters, March 3, 2022\n", TODAY, [])
    assert (closing.source, closing.published) == ("Reuters", dt.date(2022, 3, 3))


def test_labelled_fields_and_front_matter():
    form = "Title: JeM steps up attempts\nSource: The Hindu\nDate: 10 October 2018\n\n" + BODY
    meta = from_text(form, TODAY, [])
    assert (meta.title, meta.source, meta.author, meta.published) == (
        "JeM steps up attempts",
        "The Hindu",
        None,
        dt.date(2018, 10, 10),
    )
    front = "---\ntitle: Militants in the north\nauthor: Jane Roe\ndate: 2022-05-12\n---\n\n"
    meta = from_text(front + BODY, TODAY, [])
    assert (meta.title, meta.author, meta.published) == (
        "Militants in the north",
        "Jane Roe",
        dt.date(2022, 5, 12),
    )


def test_markdown_heading_of_one_word_is_the_title_before_a_cited_lead():
    lead = "**Jaish-e-Mohammed** (JeM) is a militant group founded in 2000 " * 3 + "by him.[1]"
    meta = from_text(f"# Jaish-e-Mohammed\n\n{lead}\n\n" + BODY, TODAY, [])
    assert meta.title == "Jaish-e-Mohammed"
    assert from_text("Jaish-e-Mohammed\n\n" + BODY, TODAY, []).title is None


def test_prose_opening_gives_no_title():
    assert from_text(BODY * 3, TODAY, []).title is None


@given(
    st.lists(
        st.sampled_from(["word", " ", "   ", "\t", "\u00a0", "\u3000", "x" * 40]), max_size=300
    ).map("".join),
    st.sampled_from([150, 400]),
)
def test_the_prose_check_on_a_short_prefix_first_is_the_check(line, limit):
    assert _cleans_longer(line, limit) == (len(_clean(line[: 4 * limit])) > limit)


def test_a_un_reports_title_below_its_symbol_organ_fields_and_date():
    header = "S/2023/370\nSecurity Council\nDistr.: General\n1 June 2023\n\n"
    title = "Fourteenth report of the Analytical Support and Sanctions Monitoring Team"
    meta = from_text(f"{header}{title}\n\n{BODY}", TODAY, [])
    assert (meta.title, meta.published) == (title, dt.date(2023, 6, 1))


def test_an_outlet_line_under_the_headline_is_the_source():
    text = "Police bust a module in Amritsar\nHindustan Times\nChandigarh, 12 November 2022\n\n"
    meta = from_text(text + BODY, TODAY, [])
    assert (meta.title, meta.source) == ("Police bust a module in Amritsar", "Hindustan Times")


def test_a_publisher_and_a_month_on_one_line():
    text = "Militancy in the tribal districts\nPak Institute for Peace Studies \u2014 January 2024\n\n"
    meta = from_text(text + BODY, TODAY, [])
    assert (meta.title, meta.source, meta.published, meta.published_precision) == (
        "Militancy in the tribal districts",
        "Pak Institute for Peace Studies",
        dt.date(2024, 1, 1),
        "month",
    )


def test_a_document_symbol_is_no_date_and_a_wrapped_title_is_joined():
    text = (
        "S/2024/92\nThirty-third report of the Monitoring Team submitted pursuant to resolution\n"
        "2734 (2024) concerning ISIL (Da'esh) and Al-Qaida\n29 January 2024\n\n"
    )
    meta = from_text(text + BODY, TODAY, [])
    assert meta.title == (
        "Thirty-third report of the Monitoring Team submitted pursuant to resolution "
        "2734 (2024) concerning ISIL (Da'esh) and Al-Qaida"
    )
    assert meta.published == dt.date(2024, 1, 29)


def test_a_security_council_symbol_dates_a_report_that_gives_no_date():
    text = "Thirty-second report of the Monitoring Team\n\nS/2023/549\n\n"
    meta = from_text(text + BODY, TODAY, [])
    assert (meta.published, meta.published_precision) == (dt.date(2023, 1, 1), "year")
    # A date, when given, comes first; a symbol of another organ is no year.
    dated = "S/2023/549\nSecurity Council\n1 June 2023\n\nReport\n\n"
    assert from_text(dated + BODY, TODAY, []).published == dt.date(2023, 6, 1)
    assert from_text("A/77/1001\nReport\n\n" + BODY, TODAY, []).published is None


def test_a_byline_and_a_date_on_one_line():
    text = "Drone strike kills a commander\nBy Bill Roggio | October 2, 2011\n\n"
    meta = from_text(text + BODY, TODAY, [])
    assert (meta.author, meta.published) == ("Bill Roggio", dt.date(2011, 10, 2))


def test_a_longer_organisation_line_under_the_title_is_the_source():
    text = (
        "The Pakistani Taliban after Kabul's fall\nCentre for Research and Security Studies\n"
        "Policy Brief 7, November 2022\n\n"
    )
    meta = from_text(text + BODY, TODAY, [])
    assert (meta.title, meta.source) == (
        "The Pakistani Taliban after Kabul's fall",
        "Centre for Research and Security Studies",
    )


def test_a_last_updated_line_dates_the_document():
    text = "Militant attack tracker\nCompiled by the Security Desk\nLast updated: 2 April 2024\n\n"
    assert from_text(text + BODY, TODAY, []).published == dt.date(2024, 4, 2)
