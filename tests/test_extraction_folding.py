"""Folding names so spellings agree, and mapping back to the original offsets."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.folding import fold, fold_name, lower_same_length


def test_spellings_fold_to_one_key():
    keys = {
        fold_name(n).lower()
        for n in ["al-Qaeda", "al Qaeda", "Al\u2011Qaeda", "al-Qa'eda", "al\u2013Qa\u2019eda"]
    }
    assert keys == {"alqaeda"}
    assert fold_name("Jamaatud-Dawa") == fold_name("Jamaat ud  Dawa")


def test_original_offsets():
    text = "the al-Qa'ida  cell"
    folded = fold(text)
    assert folded.text == "thealQaidacell"
    i = folded.text.index("Qaida")
    assert text[folded.original(i)] == "Q"
    assert text[folded.original(i + 4)] == "a"
    assert folded.original(folded.text.index("cell")) == text.index("cell")


def test_lower_keeps_length_for_expanding_characters():
    assert lower_same_length("\u0130STANBUL") == "\u0130stanbul"


@settings(deadline=None)  # speed is measured in bench/, not asserted here
@given(st.text())
def test_every_folded_character_maps_to_itself(text):
    folded = fold(text)
    assert len(folded.lower) == len(folded.text)
    for i, char in enumerate(folded.text):
        assert text[folded.original(i)] == char
