"""Unknown group-like names surfaced for review."""

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extraction.candidates import find_candidates, load_cues
from extraction.groups import GroupMatcher
from extraction.lexicon import load_lexicon

FIXTURE = Path(__file__).parent / "fixtures" / "groups_small.yaml"


@pytest.fixture(scope="module")
def find():
    matcher = GroupMatcher(load_lexicon(FIXTURE))
    cues = load_cues()
    return lambda text: [(c.text, c.cue) for c in find_candidates(text, matcher.find(text), cues)]


def test_naming_phrases(find):
    assert find(
        "Police arrested members of a new outfit named Jund al-Khilafa Hind last week."
    ) == [("Jund al-Khilafa Hind", "named")]
    assert find("They formed a splinter group called \u201cAhrar Sangar\u201d in 2019.") == [
        ("Ahrar Sangar", "named")
    ]
    # Arabic connectors written apart stay inside the name.
    assert find("A group calling itself Jamaat Tawhid wal Jihad claimed it.") == [
        ("Jamaat Tawhid wal Jihad", "organisational name")
    ]
    assert find("Fighters of Katibat al-Tawhid wal-Jihad moved.") == [
        ("Katibat al-Tawhid wal-Jihad", "organisational name")
    ]


def test_a_name_after_the_or_a_ban(find):
    assert find("It was claimed by a group calling itself the Khalistan Liberation Force.") == [
        ("Khalistan Liberation Force", "named")
    ]
    assert find("Police busted a module of the banned Babbar Khalsa International (BKI).") == [
        ("Babbar Khalsa International", "banned")
    ]
    assert find("Members of the proscribed outfit Lashkar-e-Zil were held.") == [
        ("Lashkar-e-Zil", "organisational name")
    ]
    assert find("They banned Facebook. The banned TTP struck.") == []


def test_allegiance_and_responsibility(find):
    assert find("More recently, Sawt-al-Ummah pledged allegiance to Daesh.") == [
        ("Sawt-al-Ummah", "pledged allegiance")
    ]
    assert find("Jundallah later claimed responsibility for the blast.") == [
        ("Jundallah", "claimed responsibility")
    ]


def test_a_lone_nationality_is_a_person_not_a_group(find):
    assert find("The Egyptian claimed responsibility for recruiting them.") == []
    assert find("A Pakistani pledged allegiance to the new emir.") == []


def test_organisational_names(find):
    found = find("Fighters of the 313 Brigade and Lashkar-e-Zil joined the Mahaz-e-Fidayeen.")
    assert found == [
        ("313 Brigade", "organisational name"),
        ("Lashkar-e-Zil", "organisational name"),
        ("Mahaz-e-Fidayeen", "organisational name"),
    ]


def test_organisational_words_of_syrian_groups(find):
    assert find("KIB fights alongside Hayat Tahrir al-Sham and Ahrar al-Sham in Idlib.") == [
        ("Hayat Tahrir al-Sham", "organisational name"),
        ("Ahrar al-Sham", "organisational name"),
    ]
    assert find("Protesters filled Tahrir Square in Cairo.") == []


def test_lexicon_names_and_state_forces_are_not_candidates(find):
    assert find("The Pakistan Army fought the Pakistani Taliban and al-Qaeda.") == []
    assert find("The Taliban pledged allegiance to nobody.") == []
    assert find("The Army said so. The Front fell.") == []


_CALLED_ALTERNATION = re.compile(
    r"(?:called|named|known\s+as|dubbed|calling\s+itself)\s+(?:the\s+)?[\"\u201c\u2018']?"
)
_CLAIM_ALTERNATION = re.compile(
    r"(?:pledged|pledges|swore|sworn|declared)\s+(?:allegiance|loyalty|bay['\u2019]?ah)"
    r"|claimed\s+responsibility"
)
_CUE_WORDS = ["called", "calling", "itself", "named", "renamed", "known", "as", "dubbed", " ", "the ",
              "\n", "\u201c", "'", "pledged", "pledges", "swore", "sworn", "declared",
              "claimed", "allegiance", "loyalty", "bay'ah", "bayah", "responsibility", "x"]  # fmt: skip


@example("they sworn allegiance, swore loyalty, pledges bay\u2019ah and pledged bayah")
@example(
    "a group calling itself \u201cX\u201d, renamed 'Y', known  as Z, dubbed W; claimed responsibility"
)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=25).map("".join))
def test_cue_scans_find_what_the_alternations_find(text):
    from extraction.candidates import _CALLED, _CLAIM, _in_order

    for patterns, alternation in ((_CALLED, _CALLED_ALTERNATION), (_CLAIM, _CLAIM_ALTERNATION)):
        got = [m.span() for m in _in_order(patterns, text)]
        assert got == [m.span() for m in alternation.finditer(text)]


_CUE_PIECES = ["a group called ", "an outfit named ", "known as ", "dubbed ", "calling itself ",
               "the banned ", "proscribed outfit ", "Babbar Khalsa International",
               "Lashkar", "Jaish", "Sipah-e", "Sipah\u2011e", "Army", "army", "Front", "Tehrik",
               " pledged allegiance", " swore bay\u2019ah", " claimed  responsibility",
               "Jund al-Khilafa Hind", "Ahrar Sangar", "The ", " of the ", "Pakistan", " ", "\n",
               "-", "'", "\u2019", "\u00e9", "\u212a", "\u00a0", "\u201c", ". ", "TTP", "LeT"]  # fmt: skip


@example("Police arrested members of a new outfit named Jund al-Khilafa Hind.")
@example("Jundallah later claimed\u00a0responsibility. Lashkar-e-Jhangvi al-Alami struck.")
@example("The \u00e9 Sipah\u2011e Sahaba Front")
@example("They joined a faction calling itself Ahrar Sangar. Others swore bay'ah.")
@given(st.lists(st.sampled_from(_CUE_PIECES) | st.text(max_size=3), max_size=16).map("".join))
def test_scans_skipped_for_absent_cue_words_find_what_every_scan_finds(text):
    from extraction.candidates import cue_words

    cues = load_cues()
    matcher = GroupMatcher(load_lexicon(FIXTURE), cue_words(cues))
    groups, present = matcher.find_with_cues(text)
    assert groups == matcher.find(text) == GroupMatcher(load_lexicon(FIXTURE)).find(text)
    assert find_candidates(text, groups, cues, present) == find_candidates(text, groups, cues)
