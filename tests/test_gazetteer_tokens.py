"""Tests of cutting a text into words (gazetteer.tokens): the fast whole-text split must
give exactly the words of ``WORD``, with their offsets, separators and capitalisation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.normalize import fold
from gazetteer.tokens import WORD, cut

_PIECES = st.sampled_from(
    list("aAbZs1 .'’-_\n,é́ÉßİΣ")
    + [
        "U.S.",
        "e.g.",
        "Qa'ida",
        "I've",
        "don't",
        "it's",
        "'s ",
        "Karachi’s",
        "3.5",
        "x.Y.z",
        "ab.C.D",
    ]
)


def _fold_word(word: str) -> str:
    return fold(word).replace(" ", "")


def test_words_offsets_separators_and_capitals():
    words = cut("In U.S. bases, Karachi's Qa'ida men--don't go.", _fold_word)
    surfaces = ["In", "U.S", "bases", "Karachi", "s", "Qa'ida", "men", "don", "t", "go"]
    assert words.surfaces == surfaces
    assert [words.text[s:e] for s, e in zip(words.starts, words.ends)] == surfaces
    assert words.folded == ["in", "us", "bases", "karachi", "s", "qaida", "men", "don", "t", "go"]
    assert words.seps == ["", " ", ". ", ", ", "'", " ", " ", "--", "'", " "]
    assert words.caps == [True, True, False, True, False, True, False, False, False, False]
    assert words.allcaps(1) and not words.allcaps(0)
    assert words.joined(1) and not words.joined(3)


def test_no_words():
    words = cut(" ... -- ", _fold_word)
    assert words.starts == words.surfaces == words.seps == words.caps == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_cut_gives_the_words_of_the_word_pattern(text):
    words = cut(text, _fold_word)
    found = list(WORD.finditer(text))
    assert words.surfaces == [m.group() for m in found]
    assert words.starts == [m.start() for m in found]
    assert words.ends == [m.end() for m in found]
    assert words.seps == [
        text[found[i - 1].end() : m.start()] if i else "" for i, m in enumerate(found)
    ]
    assert words.caps == [m.group()[0].isupper() for m in found]
    for surface, folded in zip(words.surfaces, words.folded):
        if surface.isascii():
            assert folded == surface.lower().replace(".", "").replace("'", "")
        else:
            assert folded == (_fold_word(surface) or "_")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aZs1 .'’-\n,“") + ["U.S.", "ve", "S", "I've"]), max_size=40))
def test_cut_of_ascii_letters_gives_the_words_of_the_word_pattern(pieces):
    """Texts whose letters are ASCII (curly quotes allowed) take the faster split."""
    text = "".join(pieces)
    words = cut(text, _fold_word)
    assert words.surfaces == WORD.findall(text)
    assert [text[s:e] for s, e in zip(words.starts, words.ends)] == words.surfaces
