"""Spelling-tolerant folding of names, keeping a map back to the original offsets.

Group names are written with hyphens, spaces, apostrophes or nothing between their parts
("al-Qaeda", "al Qaeda", "al-Qa'ida", "Jamaatud-Dawa"), and scholarly texts mark long
vowels and emphatic consonants ("Lashkar-e-Ṭayyiba", "Tehrīk-i-Ṭālibān"). Folding deletes
those separators (and combining accents) and writes an accented Latin letter as its base
letter, so that every spelling of a name becomes the same key, and :class:`Folded` maps an
index in the folded string back to the document's text. Folding a document is vectorised
with numpy because it runs over every character of every document.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np

# Whitespace, hyphens/en dashes and apostrophe-like marks (ASCII, typographic, modifier
# letters, acute and grave accents used as apostrophes, prime).
_MARKS = "-\u2010\u2011\u2012\u2013'\u2019\u2018\u02bc\u02b9`\u00b4\u2032"
_SEPARATORS = re.compile(f"[\\s{re.escape(_MARKS)}\u0300-\u036f]+")
#: Accented Latin letters (Latin-1 Supplement, Extended-A and -B, Extended Additional) are
#: read as their base letter: "ā" as "a", "Ṭ" as "T".
_ACCENTED = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))


@dataclass(frozen=True, slots=True, eq=False)
class Folded:
    """``text`` with separators deleted; ``index[i]`` is where its ``i``-th character came from."""

    text: str
    lower: str
    """``text`` lower-cased character by character, so it has the same length."""
    index: np.ndarray

    def original(self, i: int) -> int:
        """The offset in the unfolded text of the folded character at ``i``."""
        return int(self.index[i])


def fold(text: str) -> Folded:
    """Fold ``text`` for name matching (see the module docstring)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    keep = ~_separator_table()[codes]
    kept = codes[keep]
    bases = _base_table()
    if kept.size and int(kept.max()) >= 0xC0:
        inside = kept < len(bases)
        kept = np.where(inside, bases[np.where(inside, kept, 0)], kept).astype("<u4")
    folded = kept.tobytes().decode("utf-32-le", "surrogatepass")
    return Folded(folded, lower_same_length(folded), np.flatnonzero(keep))


def fold_name(name: str) -> str:
    """The folded key of a name (case kept)."""
    bases = _base_table()
    return "".join(
        chr(bases[ord(c)]) if ord(c) < len(bases) else c for c in _SEPARATORS.sub("", name)
    )


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer are kept as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@cache
def _separator_table() -> np.ndarray:
    """``table[c]`` says whether ``_SEPARATORS`` deletes code point ``c`` (built on first use)."""
    table = np.zeros(sys.maxunicode + 1, dtype=bool)
    table[[c for c in range(sys.maxunicode + 1) if chr(c).isspace()]] = True
    table[[ord(c) for c in _MARKS]] = True
    table[0x300:0x370] = True  # combining accents ("a" + U+0304 as written in NFD text)
    return table


@cache
def _base_table() -> np.ndarray:
    """``table[c]``: the code point ``fold`` writes for ``c`` (itself unless it is an
    accented Latin letter), for every ``c`` below the end of Latin Extended Additional."""
    table = np.arange(0x1F00, dtype="<u4")
    for code in _ACCENTED:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = ord(base)
    return table
