"""Finding lexicon groups: aliases, acronyms, spelling variants, longest match."""

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extraction.groups import GroupMatcher
from extraction.lexicon import load_lexicon

FIXTURE = Path(__file__).parent / "fixtures" / "groups_small.yaml"


@pytest.fixture(scope="module")
def matcher() -> GroupMatcher:
    return GroupMatcher(load_lexicon(FIXTURE))


def _found(matcher, text):
    return [(m.text, m.group_id) for m in matcher.find(text)]


@pytest.mark.parametrize(
    "spelling", ["al-Qaeda", "al Qaeda", "Al-Qaida", "al-Qa'ida", "AL-QAEDA", "al\u2011Qa\u2019ida"]
)
def test_spelling_variants_of_an_alias(matcher, spelling):
    assert _found(matcher, f"Officials said {spelling} regrouped.") == [(spelling, "al-qaeda")]


def test_longest_match_decides_between_overlapping_names(matcher):
    text = "The Pakistani Taliban and the Taliban; al-Qaeda in the Indian Subcontinent; Islamic State Khorasan."
    assert _found(matcher, text) == [
        ("Pakistani Taliban", "ttp"),
        ("Taliban", "afghan-taliban"),
        ("al-Qaeda in the Indian Subcontinent", "aqis"),
        ("Islamic State Khorasan", "is-k"),
    ]


def test_possessives_and_compounds_keep_the_name(matcher):
    text = "Islamic State's Khorasan branch grew; al-Qaeda's camp; an al-Qaeda-linked cell; the Islamic State\u2019s men."
    assert _found(matcher, text) == [
        ("Islamic State's Khorasan branch", "is-k"),
        ("al-Qaeda", "al-qaeda"),
        ("al-Qaeda", "al-qaeda"),
        ("Islamic State", "is-core"),
    ]


def test_a_parents_possessive_before_its_branch_is_one_mention_of_the_branch(matcher):
    text = "The Islamic State's Khurasan Province and Islamic State’s  ISKP grew; al-Qaeda's ISKP."
    assert _found(matcher, text) == [
        ("Islamic State's Khurasan Province", "is-k"),
        ("Islamic State’s  ISKP", "is-k"),
        ("al-Qaeda", "al-qaeda"),  # not its parent: two mentions
        ("ISKP", "is-k"),
    ]


def test_a_parents_branch_named_by_its_region_and_role(matcher):
    text = "Daesh's Khorasan affiliate grew; ISIS’s Indian branch is no group; al-Qaeda's Indian wing."
    assert _found(matcher, text) == [
        ("Daesh's Khorasan affiliate", "is-k"),
        ("ISIS", "is-core"),  # "Indian" names no branch of the Islamic State
        ("al-Qaeda's Indian wing", "aqis"),
    ]
    text = "ISIL \u2013 Khorasan (ISIL-K) grew; ISIL-Khorasan too; ISIL - Indian no; ISIL-Iraq."
    assert _found(matcher, text) == [
        ("ISIL \u2013 Khorasan", "is-k"),
        ("ISIL-K", "is-k"),
        ("ISIL-Khorasan", "is-k"),
        ("ISIL", "is-core"),
        ("ISIL", "is-core"),
    ]


def test_word_boundaries(matcher):
    assert _found(matcher, "Talibanisation and Daeshist ideas; ISISx") == []


def test_acronyms_are_case_sensitive(matcher):
    assert _found(matcher, "LeT and LET fought; let them; ttp; TTP.") == [
        ("LeT", "let"),
        ("LET", "let"),
        ("TTP", "ttp"),
    ]
    assert _found(matcher, "IS-K, IS K and ISKP") == [
        ("IS-K", "is-k"),
        ("IS K", "is-k"),
        ("ISKP", "is-k"),
    ]


def test_acronym_inside_shouted_heading_is_ignored(matcher):
    assert _found(matcher, "WHY IS THIS HAPPENING") == []
    assert _found(matcher, "Both IS and AQ") == [("IS", "is-core"), ("AQ", "al-qaeda")]


def test_mention_fields(matcher):
    (mention,) = matcher.find("Recruits joined the TTP.")
    assert (mention.group, mention.short, mention.family) == (
        "Tehrik-e-Taliban Pakistan",
        "TTP",
        "Taliban",
    )
    assert (mention.start, mention.end) == (20, 23)


@settings(deadline=None)  # speed is measured in bench/, not asserted here
@given(st.text())
def test_spans_match_the_text_and_do_not_overlap(text):
    matcher = GroupMatcher(load_lexicon(FIXTURE))
    mentions = matcher.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.start < m.end
    for a, b in pairwise(mentions):
        assert a.end <= b.start


def test_a_parents_branch_is_the_child_named_last_before(matcher):
    text = "Wilayat Khorasan grew. The Taliban fought the Islamic State's affiliate. The Islamic State's men."
    assert _found(matcher, text) == [
        ("Wilayat Khorasan", "is-k"),
        ("Taliban", "afghan-taliban"),
        ("Islamic State's affiliate", "is-k"),
        ("Islamic State", "is-core"),
    ]
    assert _found(matcher, "The Islamic State's affiliate grew.") == [("Islamic State", "is-core")]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_folding_by_translate_is_the_folding(text):
    from extraction.folding import fold
    from extraction.groups import _ascii_folds

    folded = fold(text)
    assert _ascii_folds(text.encode("ascii")) == (folded.lower, folded.text)


_NAME_PIECES = ["al", "Qaeda", "qa", "ida", "TTP", "LeT", "Taliban", "Tehrik", "Pakistan", " ",
                "-", "'", "\u2019", "\u2011", "\u00a0", "\u3000", "\u00e9", "\u0130", "\u212a",
                "\u212aabul", "\u062e", "\U0001f600", "\ud800", "x", "."]  # fmt: skip


@example("al\u2019Qa\u00a0ida")
@example("al\u00e9Qaeda")
@example("\u212aTTP")
@given(st.lists(st.sampled_from(_NAME_PIECES) | st.text(max_size=3), max_size=14).map("".join))
def test_the_ascii_prefilter_finds_what_folding_everything_finds(text):
    fast = GroupMatcher(load_lexicon(FIXTURE))
    exact = GroupMatcher(load_lexicon(FIXTURE))
    exact._ascii_keys = False  # every text not in ASCII folded whole, as defined
    assert fast._ascii_keys
    assert fast.find(text) == exact.find(text)
