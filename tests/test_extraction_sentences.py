"""Sentence splitting with offsets."""

import re
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extraction.sentences import (
    MAX_SENTENCE,
    PROSE_PARAGRAPH,
    is_heading,
    is_table_row,
    paragraph_break,
    split_sentences,
)


def _texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_initials_and_dates_do_not_split():
    text = (
        "Brig. Gen. Charles H. Cleveland spoke on Feb. 12, 2015 in Kabul. "
        "U.S. and Afghan forces raided the camp. It was big!  Was it? Yes."
    )
    assert _texts(text) == [
        "Brig. Gen. Charles H. Cleveland spoke on Feb. 12, 2015 in Kabul.",
        "U.S. and Afghan forces raided the camp.",
        "It was big!",
        "Was it?",
        "Yes.",
    ]


def test_quotes_and_footnote_numbers_end_sentences():
    text = "He said \u201cno presence in Pakistan.\u201d1 On the other hand, officials disagreed.\u201d"
    assert _texts(text) == [
        "He said \u201cno presence in Pakistan.\u201d1",
        "On the other hand, officials disagreed.\u201d",
    ]


def test_bracketed_citation_markers_end_sentences():
    text = "Its base is in Bahawalpur.[2] JeM struck Delhi.[3][4] In 2016 it hit Pathankot."
    assert _texts(text) == [
        "Its base is in Bahawalpur.[2]",
        "JeM struck Delhi.[3][4]",
        "In 2016 it hit Pathankot.",
    ]


def test_headings_bylines_and_bullets_are_their_own_sentences():
    text = "Funding\n\nDaesh raises funds in Karachi.\nMichael Hughes\nAOPNEWS\n\u2022 First point\n\u2022 Second point"
    assert _texts(text) == [
        "Funding",
        "Daesh raises funds in Karachi.",
        "Michael Hughes",
        "AOPNEWS",
        "\u2022 First point",
        "\u2022 Second point",
    ]


def test_table_rows_are_their_own_sentences():
    text = "| Date | Group |\n| --- | --- |\n| 2022-03-04 | IS-K in Peshawar |\nAfter the table."
    assert _texts(text) == [
        "| Date | Group |",
        "| --- | --- |",
        "| 2022-03-04 | IS-K in Peshawar |",
        "After the table.",
    ]
    tabbed = "Incidents in 2023 were\nDate\tGroup\n2023-01-30\tTTP in Peshawar\nthen none"
    assert _texts(tabbed) == [
        "Incidents in 2023 were", "Date\tGroup", "2023-01-30\tTTP in Peshawar", "then none"
    ]


def test_a_long_table_before_a_blank_line_ends_there():
    # Longer than a prose paragraph and without closing punctuation, yet no page break.
    rows = "".join(f"| {day} May 2020 | IS-K | a bombing in Kabul | 24 killed |\n" for day in range(1, 9))
    text = f"| Date | Group | Where | Toll |\n{rows}\nThe group's fighters are in Nangarhar."
    assert _texts(text)[-2:] == [rows.splitlines()[-1], "The group's fighters are in Nangarhar."]


def test_page_break_inside_a_sentence_is_joined_and_wrapped_lines_stay_together():
    text = "namely HJI and HUM, which\n\nmainly operated in the region.\nA long wrapped line that goes on and on and on and on and\ncontinues here."
    assert _texts(text) == [
        "namely HJI and HUM, which\n\nmainly operated in the region.",
        "A long wrapped line that goes on and on and on and on and\ncontinues here.",
    ]


def test_overlong_runs_are_cut():
    text = "word " * 2000
    spans = split_sentences(text)
    assert len(spans) > 1 and all(s.end - s.start <= MAX_SENTENCE for s in spans)


@settings(deadline=None)  # speed is measured in bench/, not asserted here
@given(st.text())
def test_sentences_are_ordered_trimmed_and_non_empty(text):
    spans = split_sentences(text)
    for s in spans:
        chunk = text[s.start : s.end]
        assert chunk and chunk == chunk.strip() and s.end - s.start <= MAX_SENTENCE
    for a, b in pairwise(spans):
        assert a.end <= b.start


def test_page_break_after_a_long_paragraph_joins_even_before_a_capital():
    prose = "The group acknowledged cooperation with others in many cities over several years " * 3
    text = f"Heading without a stop\n\nThe text starts. {prose}in the 2016\n\nQuetta attack that killed many."
    assert _texts(text) == [
        "Heading without a stop",
        "The text starts.",
        f"{prose}in the 2016\n\nQuetta attack that killed many.",
    ]


def _abbreviation_by_definition(text, dot):
    """The word before the dot (after a separator, at most 20 characters back, opening
    quotes and brackets dropped) is an initial or a listed abbreviation."""
    from extraction.sentences import _ABBREVIATIONS

    low = max(0, dot - 20)
    space = max(text.rfind(c, low, dot) for c in " \n\t\u00a0")
    word = text[max(space + 1, low) : dot].lstrip("(\"'\u201c\u2018[").lower()
    return (len(word) == 1 and word.isalpha()) or word in _ABBREVIATIONS


_PIECES = ["Gen", "gen", "U.S", "(Dr", "\u201cSt", "said", "approx", "messrs", "x", "\u00e9", "\u0130",
           " ", "\n", "\t", "\u00a0", "\u2003", "((((((((", "[", "'", "\u00b2", "12"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12))
def test_abbreviation_check_keeps_its_definition(pieces):
    from extraction.sentences import _abbreviation

    text = "".join(pieces) + "."
    assert _abbreviation(text, len(text) - 1) == _abbreviation_by_definition(text, len(text) - 1)


@example("It is approx. Kabul and messrs. Kabul, (Gen. Kabul; officials. Kabul")
@example("Really?! Yes\u2026 No. \u201cWhy?\u201d 12 Kabul! (Gen. Kabul) officials.\u201d12 Kabul")
@given(st.lists(st.sampled_from([*_PIECES, ". ", "... ", ".\u201d ", "? ", "! ", "\u2026 ", "?. ", "Kabul", "officials"]),
                max_size=16).map("".join))  # fmt: skip
def test_punctuation_cuts_keep_their_definition(text):
    from extraction.sentences import _punctuation_cuts

    end = re.compile(
        r"[.!?\u2026](?<![.!?\u2026][.!?\u2026])[.!?\u2026]*+[\"'\u201d\u2019)\]]*+(?:\d{1,3})?"
        r"(?=\s++(?:[^\W_a-z]|[\"'\u201c\u2018(\[\u2022-]))"
    )
    expected = [
        m.end()
        for m in end.finditer(text)
        if not (
            m.group()[0] == "."
            and len(m.group().rstrip("\"'\u201d\u2019)]0123456789")) == 1
            and _abbreviation_by_definition(text, m.start())
        )
    ]
    assert sorted(_punctuation_cuts(text)) == expected


@example(["\u212a"])  # the Kelvin sign: str.lower makes it "k", an initial
@example(["(", "\u212ao"])
@example(["\u017ft"])  # a long s: re's case folding takes it for "st", str.lower does not
@given(st.lists(st.sampled_from([*_PIECES, "\u212a", "\u017f", "MR", "Ms", "e.g", "U.S.A"]) | st.text(max_size=3), max_size=12))  # fmt: skip
def test_the_end_pattern_marks_every_dot_that_may_end_an_abbreviation(pieces):
    from extraction.sentences import _END_DOT

    text = "".join(pieces) + ". A"
    dot = len(text) - 3
    match = _END_DOT.match(text, dot)
    if match is not None and _abbreviation_by_definition(text, dot):
        assert match.group("maybe") is not None


def test_headings_and_paragraph_breaks():
    text = "## History\n\nThe group grew.\nThen " + "on " * PROSE_PARAGRAPH + "it ended.\nNext line."
    heading, grew, long_line, following = split_sentences(text)
    assert is_heading(text, heading) and not is_heading(text, grew)
    assert paragraph_break(text, heading.end, grew.start)
    assert not paragraph_break(text, grew.end, long_line.start)  # a wrapped line
    assert paragraph_break(text, long_line.end, following.start)  # a whole one-line paragraph


def test_a_narrow_column_wrapped_before_capitals_is_not_cut_into_headings():
    column = (
        "A short review of the year\n"
        "Its fighters were most active in Bannu, Dera Ismail Khan\n"
        "and Lakki Marwat, and struck police in the districts.\n"
        "Hafiz Gul Bahadur's group, operating from North\n"
        "Waziristan, claimed several attacks on the army in Mir Ali\n"
        "and Miranshah. The newly formed Tehreek-e-Jihad\n"
        "Pakistan claimed the attack on the air base in Punjab.\n"
        "In Balochistan, the Balochistan Liberation Army and the\n"
        "Balochistan Liberation Front intensified attacks on the\n"
        "forces in Kech and Panjgur, while the BLA's\n"
        "Majeed Brigade struck a convoy in Gwadar.\n"
        "Funding\n"
        "Daesh raises funds in Karachi, its officials said in March.\n"
    )
    assert [s.replace("\n", " ") for s in _texts(column)] == [
        "A short review of the year",
        (
            "Its fighters were most active in Bannu, Dera Ismail Khan and Lakki Marwat, and "
            "struck police in the districts."
        ),
        (
            "Hafiz Gul Bahadur's group, operating from North Waziristan, claimed several "
            "attacks on the army in Mir Ali and Miranshah."
        ),
        "The newly formed Tehreek-e-Jihad Pakistan claimed the attack on the air base in Punjab.",
        (
            "In Balochistan, the Balochistan Liberation Army and the Balochistan Liberation "
            "Front intensified attacks on the forces in Kech and Panjgur, while the BLA's "
            "Majeed Brigade struck a convoy in Gwadar."
        ),
        "Funding",
        "Daesh raises funds in Karachi, its officials said in March.",
    ]


def test_a_numbered_paragraph_wrapped_over_lines_is_not_cut_at_its_first_line():
    line = "The group's operations were concentrated in the east and in the capital, as in"
    text = (
        f"S/2024/92\n45. ISIL-K remained the main threat. {line}\n"
        "Kabul and Kunar, while it sought to expand.\n"
        "46. Al-Qaida kept a low profile.\n"
        "- one item\n- another item\n"
    )
    assert [s.replace("\n", " ") for s in _texts(text)] == [
        "S/2024/92",
        "45.",
        "ISIL-K remained the main threat.",
        f"{line} Kabul and Kunar, while it sought to expand.",
        "46.",
        "Al-Qaida kept a low profile.",
        "- one item",
        "- another item",
    ]


def test_table_rows():
    text = "| 2014 | Quetta | TTP |\n2015\tKarachi\tLeT\nThe TTP held Quetta."
    rows = [is_table_row(text, s) for s in split_sentences(text)]
    assert rows == [True, True, False]
