"""Tests of the spotter's rules (gazetteer.spotrules, gazetteer.namecontext,
gazetteer.citations): the shortcuts the rules take must give what their definitions give,
on invented texts over a small hand-made name list."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gazetteer.namecontext import DEMONYM, LISTED, NEVER_ALONE, PLACE
from gazetteer.spotrules import _blocked_words, _Judge
from gazetteer.spotter import Spotter

_ACRONYM_LIKE = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]?[A-Z]?")

SPOTTER = Spotter(
    [
        *("Karachi", "Quetta", "Lahore", "Khost", "Kabul", "Tank", "Bath", "Reading"),
        *("Police", "Union", "Man", "Of", "An", "Mission", "Chamber", "Oxford", "Jordan"),
        *("North Waziristan", "Waziristan", "Dera Ismail Khan", "Khan", "New York", "York"),
        *("U.S.", "FATA", "Bari", "Saeed", "Ladin", "Bin", "Kristina", "Herald", "London"),
        *("Hurst", "Abu Dhabi", "Binori Town", "Swat", "Uzbek", "Al Qaim", "Charles"),
    ]
)

#: Words the rules look at around names, and names, few enough that hypothesis puts them
#: side by side often ("coach Reading", "in Kristina", "University of Karachi").
_WORDS = st.sampled_from(
    [
        *("Karachi", "Quetta", "Tank", "Bath", "Reading", "Police", "Man", "Of", "Oxford"),
        *("Waziristan", "North", "Dera Ismail Khan", "Khan", "New York", "York", "U.S.", "US"),
        *("FATA", "KARACHI", "Bari", "Ladin", "Bin", "bin", "Kristina", "Herald", "London"),
        *("Hurst", "Binori town", "Uzbek", "al", "Al Qaim", "Charles", "Gen.", "Khalid"),
        *("coach", "University", "of", "the", "in", "and", "said", "files", "Press", "LeT"),
        *("Sons", "Wal", "Mart", "2015", "March", "Co.", "An", "an", "Mission"),
    ]
)
_SEPS = st.sampled_from([" ", " ", " ", " ", ", ", ". ", ": ", "-", " & ", "\n", "”, ", "’s "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPS).map("".join), max_size=24).map("".join)
_EXCLUDE = st.lists(st.tuples(st.integers(0, 120), st.integers(1, 30)), max_size=2)


def _judges(text, exclude, count=2):
    """The words, matches, and ``count`` fresh judges of one text (blocked words as the
    spotter blocks them)."""
    words = SPOTTER._words(text)
    matches = SPOTTER._matches(words)
    blocked = _blocked_words(words, [(s, s + n) for s, n in exclude])
    judges = [_Judge(words, matches, SPOTTER.rules, set(blocked), False) for _ in range(count)]
    return words, matches, *judges


def _judge_word_by_definition(judge: _Judge, i: int) -> bool:
    """A one-word name judged as the rules define it: every name-part rule (through the
    general chain walk), then the common-word rules."""
    w, rules = judge.w, judge.rules
    if not w.caps[i] or i in judge.blocked:
        return False
    surface = w.surfaces[i].replace(".", "")
    abbreviation = surface in rules.abbreviations
    if not abbreviation and (
        w.folded[i] in rules.never_alone
        or (len(surface) < 6 and not surface[1:].islower() and _ACRONYM_LIKE.fullmatch(surface))
    ):
        return False
    allcaps = len(w.surfaces[i]) > 1 and w.surfaces[i].isupper()
    if not abbreviation and allcaps and not judge._caps_context(i, i):
        return False
    if not judge._chain_ok(i, i):
        return False
    return abbreviation or judge._common_word_ok(i)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, _EXCLUDE)
@example("He met coach Reading there, in Reading.", [])  # a role noun before a listed word
@example("Gen. Charles Khan and Khalid Bari of Quetta: Hurst, 2015.", [(0, 4)])
def test_judging_a_word_gives_what_the_rules_define(text, exclude):
    """The name table's flags (``NEVER_ALONE``, ``LISTED``) and the shortcut for a name no
    chain precedes change no verdict and no surname noted."""
    words, matches, fast, slow, parts, chains = _judges(text, exclude, 4)
    for first, last, flags in matches:
        if first == last and flags & PLACE and not flags & DEMONYM:
            expected = _judge_word_by_definition(slow, first)
            assert fast.judge(first, last, flags) == expected, (text, first)
            if flags & NEVER_ALONE:
                assert not expected
            if not flags & LISTED:
                abbreviation = words.surfaces[first].replace(".", "") in SPOTTER.rules.abbreviations
                assert abbreviation or slow._common_word_ok(first)
        if flags & PLACE:
            assert parts._not_a_name_part(first, last) == chains._chain_ok(first, last)
    assert fast.surnames == slow.surnames
    assert parts.surnames == chains.surnames


def _surname_alone(judge: _Judge, first: int, last: int, cued: set[str]) -> bool:
    """The surname rule by its definition (every cued name worked out beforehand)."""
    if first != last:
        return False
    w = judge.w
    word, nxt = w.folded[first], first + 1
    if word in judge.surnames:
        return True
    if nxt >= len(w.caps):
        return False
    if w.joined(nxt) and w.caps[nxt] and w.folded[nxt] in judge.surnames:
        return True
    return (
        word not in cued
        and word not in judge.rules.speaking_places
        and w.folded[nxt] in judge.rules.person_cues
        and w.seps[nxt].strip() in ("", ",")
    )


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
@example("Talks in Kristina. Kristina said, and Bari said so.")
def test_surnames_and_speakers_are_dropped_as_defined(text):
    words, matches, judge, _ = _judges(text, [])
    accepted = [(f, l) for f, l, flags in matches if flags & PLACE and judge.judge(f, l, flags)]
    cued = {words.folded[f] for f, l in accepted if f == l and judge.has_cue(f)}
    expected = [(f, l) for f, l in accepted if not _surname_alone(judge, f, l, cued)]
    assert judge.without_surnames(accepted) == expected


def test_flags_of_the_name_table():
    names = SPOTTER._names
    assert names["police"] & NEVER_ALONE and names["man"] & NEVER_ALONE
    assert names["us"] & LISTED and not names["us"] & NEVER_ALONE  # "US" is judged
    assert names["reading"] & LISTED and not names["reading"] & NEVER_ALONE
    assert not names["karachi"] & (LISTED | NEVER_ALONE)
    assert not names["new york"] & (LISTED | NEVER_ALONE)
