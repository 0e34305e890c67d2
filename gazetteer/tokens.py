"""Cutting a text into words for the toponym spotter: offsets into the text, folded forms,
and the separators between words that the spotter's rules look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter, not_

#: A word: an initialism with its inner dots ("U.S" of "U.S.", folded "us"), or a maximal run
#: of letters and digits, apostrophes inside it included ("Qa'ida", "Shi'ite") but not a
#: possessive "'s" or a contraction ("I've").
WORD = re.compile(
    r"(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])|[^\W_]+(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[^\W_]+)*"
)
#: ``WORD`` as a capture for ``re.split``, with the first letter or digit taken before the
#: alternatives, and the commonest (more letters or digits) tried first: the same words,
#: faster, since the regex engine tries far fewer branches.
_SPLIT = re.compile(
    r"([^\W_](?:[^\W_]++(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[^\W_]+)*"
    r"|(?<=[^\W\d_])\.(?:[^\W\d_]\.)*[^\W\d_](?![^\W_])"
    r"|(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[^\W_]+)*))"
)
#: ``_SPLIT`` for a text whose letters and digits are all ASCII (curly quotes and dashes
#: allowed): ranges instead of Unicode categories, a third faster.
_SPLIT_PLAIN = re.compile(
    r"([A-Za-z0-9](?:[A-Za-z0-9]++(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[A-Za-z0-9]+)*"
    r"|(?<=[A-Za-z])\.(?:[A-Za-z]\.)*[A-Za-z](?![A-Za-z0-9])"
    r"|(?:['’](?!(?:s|ve|re|ll|d|t|m)\b)[A-Za-z0-9]+)*))"
)
#: A letter or digit outside ASCII (``\w`` is ``str.isalnum`` or "_").
_NON_ASCII_ALNUM = re.compile(r"[^\W\x00-\x7f]")
#: Separators that keep two words in one capitalised name ("Gen. Charles Cleveland").
_RUN_SEP = frozenset({" ", "-", "‐", "‑", ". "})
_FIRST = itemgetter(0)


@dataclass(frozen=True, slots=True)
class Words:
    """One text cut into words (maximal runs of letters and digits) with their folded forms.

    Every per-word list is made at once by C-level list operations, so that the spotter's
    rules index lists rather than slice the text."""

    text: str
    starts: list[int]
    ends: list[int]
    folded: list[str]
    surfaces: list[str]
    """Each word as written."""
    seps: list[str]
    """The characters between word ``i - 1`` and word ``i`` ("" for the first word)."""
    caps: list[bool]
    """Whether each word starts with a capital letter."""

    def allcaps(self, i: int) -> bool:
        """Whether word ``i`` is two or more capital letters ("FATA", "KARACHI")."""
        word = self.surfaces[i]
        return len(word) > 1 and word.isupper()

    def joined(self, i: int) -> bool:
        """Whether word ``i`` continues the name word ``i - 1`` belongs to."""
        sep = self.seps[i]
        if sep == ". ":
            return len(self.surfaces[i - 1]) <= 4 and self.caps[i - 1]
        return sep in _RUN_SEP


def cut(text: str, fold_word: Callable[[str], str]) -> Words:
    """Cut ``text`` into words with their offsets and folded forms; ``fold_word`` folds a
    word that is not plain ASCII (the gazetteer's fold, cached)."""
    plain = text.isascii() or not _NON_ASCII_ALNUM.search(text)
    parts = (_SPLIT_PLAIN if plain else _SPLIT).split(text)
    tokens = parts[1::2]
    if not tokens:
        return Words(text, [], [], [], [], [], [])
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    seps = parts[0:-1:2]
    seps[0] = ""
    # For ASCII the gazetteer's fold is lower-casing and dropping dots ("U.S" -> "us"), done
    # for the whole text at once; only the (few) words with other letters are folded alone.
    joined = " ".join(tokens)
    folded = joined.lower().replace(".", "").replace("'", "").split(" ")
    if not joined.isascii():  # non-ASCII letters, or a "’" inside a word
        for k in compress(range(len(tokens)), map(not_, map(str.isascii, tokens))):
            folded[k] = fold_word(tokens[k]) or "_"
    caps = list(map(str.isupper, map(_FIRST, tokens)))
    return Words(text, starts, ends, folded, tokens, seps, caps)
