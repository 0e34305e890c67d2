"""Cutting a text into words for the toponym spotter: offsets into the text, folded forms,
and the separators between words that the spotter's rules look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

#: A word: an initialism with its inner dots ("U.S" of "U.S.", folded "us"), or a maximal run
#: of letters and digits, apostrophes inside it included ("Qa'ida", "Shi'ite") but not a
#: possessive "'s" or a contraction ("I've").
WORD = re.compile(
    r"(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])|[^\W_]+(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[^\W_]+)*"
)
_SPLIT = re.compile(f"({WORD.pattern})")
#: Separators that keep two words in one capitalised name ("Gen. Charles Cleveland").
_RUN_SEP = frozenset({" ", "-", "‐", "‑", ". "})


@dataclass(frozen=True, slots=True)
class Words:
    """One text cut into words (maximal runs of letters and digits) with their folded forms."""

    text: str
    starts: list[int]
    ends: list[int]
    folded: list[str]

    def surface(self, i: int) -> str:
        """Word ``i`` as written."""
        return self.text[self.starts[i] : self.ends[i]]

    def sep(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i``."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else ""

    def cap(self, i: int) -> bool:
        """Whether word ``i`` starts with a capital letter."""
        return self.text[self.starts[i]].isupper()

    def allcaps(self, i: int) -> bool:
        """Whether word ``i`` is two or more capital letters ("FATA", "KARACHI")."""
        word = self.surface(i)
        return len(word) > 1 and word.isupper()

    def joined(self, i: int) -> bool:
        """Whether word ``i`` continues the name word ``i - 1`` belongs to."""
        sep = self.sep(i)
        if sep == ". ":
            return len(self.surface(i - 1)) <= 4 and self.cap(i - 1)
        return sep in _RUN_SEP


def cut(text: str, fold_word: Callable[[str], str]) -> Words:
    """Cut ``text`` into words with their offsets and folded forms; ``fold_word`` folds a
    word that is not plain ASCII (the gazetteer's fold, cached)."""
    parts = _SPLIT.split(text)
    bounds = list(accumulate(map(len, parts)))
    tokens = parts[1::2]
    starts, ends = bounds[0::2][: len(tokens)], bounds[1::2]
    if not tokens:
        return Words(text, starts, ends, [])
    # For ASCII the gazetteer's fold is lower-casing and dropping dots ("U.S" -> "us"), done
    # for the whole text at once; only the (few) words with other letters are folded alone.
    folded = " ".join(tokens).lower().replace(".", "").replace("'", "").split(" ")
    if not text.isascii():
        for k, token in enumerate(tokens):
            if not token.isascii():
                folded[k] = fold_word(token) or "_"
    return Words(text, starts, ends, folded)
