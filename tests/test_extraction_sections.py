"""Non-reporting sections, on invented texts and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.sections import find_sections

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PROSE = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the fighters "
    "withdrew across the border before dawn according to residents of the area who spoke to us."
)


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_sections(text)]


def test_plain_reporting_has_no_sections():
    assert find_sections(f"{PROSE}\n\n{PROSE}\n") == ()


def test_notes_run_to_the_next_known_heading():
    text = f"{PROSE}\n\nEndnotes\n\n1. Dawn, 2019.\n2. Ibid.\n\nAbout the Authors\n\nA. B. is a researcher.\n"
    assert spans(text) == [
        ("notes", "Endnotes\n\n1. Dawn, 2019.\n2. Ibid."),
        ("boilerplate", "About the Authors\n\nA. B. is a researcher."),
    ]


@pytest.mark.parametrize(
    "heading", ["Bibliography", "References", "Works Cited", "Further reading:", "Citations"]
)
def test_bibliography_headings(heading):
    text = f"{PROSE}\n\n{heading}\n- Smith, J. A Book. 2010.\n"
    assert spans(text) == [("bibliography", f"{heading}\n- Smith, J. A Book. 2010.")]


def test_notes_and_references_are_notes():
    text = f"{PROSE}\n\nNotes and References\n\n1. Dawn, 2019.\n"
    assert spans(text) == [("notes", "Notes and References\n\n1. Dawn, 2019.")]


def test_related_list_stops_at_the_next_paragraph_of_prose():
    text = f"{PROSE}\n\nRead more\n\nFirst headline\nSecond headline\n\n{PROSE}\n"
    assert spans(text) == [("related", "Read more\n\nFirst headline\nSecond headline")]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[A closer look at the group's leader]", "related"),
        ("Read more: Five things to know about the attack", "related"),
        ("Click here to continue reading…", "continue"),
        ("Continue reading the main story", "continue"),
        ("Photo: Reuters", "credit"),
        ("JavaScript has been disabled in your browser", "boilerplate"),
        ("Please enable JavaScript to view the comments", "boilerplate"),
        ("Copyright 2019 The Daily Example.", "boilerplate"),
    ],
)
def test_single_line_sections(line, kind):
    text = f"{PROSE}\n{line}\n{PROSE}\n"
    assert spans(text) == [(kind, line)]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Police at the scene in the city on Feb. 2, 2015. ", "(European Pressphoto Agency)"),
        ("Soldiers patrol the valley. ", "(AP Photo/Jane Roe)"),
    ],
)
def test_only_the_credit_of_a_caption_is_a_section(caption, credit):
    # The caption itself reports who was where; only the photo credit is not reporting.
    text = f"{PROSE}\n{caption}{credit}\n{PROSE}\n"
    assert spans(text) == [("credit", credit)]


def test_parenthesis_that_is_not_a_credit_is_left_alone():
    assert find_sections(f"{PROSE} (the group denied it)\n") == ()


def test_table_of_contents_is_marked_but_a_lone_contents_word_is_not():
    toc = "Contents\n\n1. Origins\t3\n2. Leadership\t7\n"
    assert spans(f"{toc}\n1. Origins\n\n{PROSE}\n") == [("boilerplate", toc.strip())]
    assert find_sections(f"Contents\n{PROSE}\n") == ()


def test_source_line_counts_only_at_the_end():
    assert spans(f"{PROSE}\n\nSOURCE: Tim Example\nThe Paper\n") == [
        ("credit", "SOURCE: Tim Example")
    ]
    middle = "Source: a police report\n" + f"{PROSE}\n\n" * 10
    assert find_sections(middle) == ()


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_caption_promos_and_read_more():
    found = spans(_seed("000"))
    kinds = [kind for kind, _ in found]
    assert kinds.count("credit") == 1 and found[0][1].endswith("(European Pressphoto Agency)")
    assert ("related", "[A closer look at Ayman al-Zawahiri]") in found
    assert found[-1][0] == "related" and found[-1][1].startswith("Read more")


def test_seed_001_continue_reading():
    assert ("continue", "Click here to continue reading…") in spans(_seed("001"))


def test_seed_002_bibliography_runs_to_the_end():
    text = _seed("002")
    biblio = [s for s in find_sections(text) if s.kind == "bibliography"]
    assert len(biblio) == 1 and text[biblio[0].start :].startswith("Bibliography")
    assert biblio[0].end == len(text.rstrip())


def test_seed_003_notes_and_about_the_author():
    found = spans(_seed("003"))
    assert [kind for kind, _ in found] == ["notes", "boilerplate"]
    assert found[0][1].startswith("Notes") and found[1][1].startswith("About the Author")
    assert found[1][1].endswith("JavaScript has been disabled in your browser")


@given(st.text())
def test_sections_are_sorted_disjoint_and_inside_the_text(text):
    sections = find_sections(text)
    previous_end = 0
    for section in sections:
        assert previous_end <= section.start < section.end <= len(text)
        previous_end = section.end


_LINE_PIECES = ["Read more", "related", ":", " ", "Notes", "References", "About the author",
                "[", "]", "Photo", "credit", "by", "Click here to continue", "Source", "abc",
                "javascript is disabled", "Contents", "Subscribe to", "(AFP)", ")", "\u00a0"]  # fmt: skip


@given(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=8).map("".join))
def test_the_combined_rule_matches_whenever_one_rule_does(line):
    from extraction import sections

    rules = [p for p, _ in sections._BLOCKS] + [p for p, _ in sections._LINE_RULES]
    rules += [sections._RELATED_HEADING, sections._CONTENTS_HEADING, sections._SOURCE_LINE]
    if any(rule.match(line) for rule in rules):
        assert sections._ANY_RULE.match(line)


def test_case_specials_are_every_character_that_re_matches_to_an_ascii_letter():
    import re
    import sys

    from extraction.sections import _CASE_SPECIALS

    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    matched = set(re.findall("[a-z]", others, re.IGNORECASE))
    lowered_to_ascii = {c for c in others if c.lower().isascii()}
    assert matched | lowered_to_ascii <= set(_CASE_SPECIALS)


@pytest.mark.parametrize(
    "line",
    [
        "Javascript has been disabled in your browser.",
        "Hello, we use COOKIES to improve the site",
        "Please enable JavaScript to view this page",
        "This site uses cookies.",
    ],
)
@pytest.mark.parametrize("paragraphs", [1, 12])
def test_notices_are_found_in_any_case_in_short_and_long_texts(line, paragraphs):
    prose = "\n\n".join([PROSE] * paragraphs)
    assert spans(f"{prose}\n\n{line}\n\n{prose}") == [("boilerplate", line)]
