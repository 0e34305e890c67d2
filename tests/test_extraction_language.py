"""The cheap language guess."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from extraction.language import guess_language

BODY = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the "
    "fighters withdrew across the border before dawn according to residents of the area.\n"
)


def test_language_guess():
    assert guess_language(BODY * 2) == "en"
    assert (
        guess_language(
            "Les militants ont attaqué un poste de police dans la province de Khost lundi."
        )
        is None
    )
    assert (
        guess_language(
            "حکام کے مطابق عسکریت پسندوں نے پیر کے روز صوبہ خوست میں پولیس چوکی پر حملہ کیا۔"
        )
        is None
    )
    assert guess_language("12 34") is None


def _reference(text: str) -> str | None:
    """The definition, character by character (the module counts the same in C)."""
    import re

    from extraction.language import _STOPWORDS

    sample = text[:100_000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return None
    ascii_share = sum(1 for c in letters if c.isascii()) / len(letters)
    words = re.findall(r"[a-z]+", sample.lower())
    stop_share = sum(1 for w in words if w.encode() in _STOPWORDS) / max(len(words), 1)
    return "en" if ascii_share > 0.9 and stop_share > 0.12 else None


_WORDS = ["the", "of", "and", "Taliban", "Khost", "said", "attaque", "İstanbul", "Kelvin\u212a",
          "خوست", "\u00e9t\u00e9", "12", "²", "Ⅻ", "\ud800", "_", "the\u00a0of", "ß", "ﬁ"]  # fmt: skip


@example(BODY.upper().split())
@example(["the"] * 12 + ["Khost"] * 88)  # exactly 12%: not English
@example(["Khost"] * 87 + ["the"] * 13)  # the stopwords all in the second half
@example(["the"] * 13 + ["Khost"] * 87)  # settled by the first half
@example(["Khost"] * 60 + ["the"] * 40)  # the first half rules nothing out
@example(["said"] * 9 + ["\u00e9"] * 4)
@example(["said"] * 9 + ["\u00e9"] * 3 + ["\u2019"] * 5)
@example(["Khost"] * 40 + ["a\u0130"] * 8)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), min_size=0, max_size=60))
def test_language_guess_counts_as_the_definition(words):
    text = " ".join(words)
    assert guess_language(text) == _reference(text)


def test_language_guess_reads_only_the_first_100000_characters():
    french = "Les militants ont attaqué un poste de police dans la province de Khost lundi. "
    assert guess_language(BODY * 1000) == "en"
    assert guess_language(french * 2000 + BODY * 1000) is None
