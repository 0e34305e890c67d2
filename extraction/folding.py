"""Spelling-tolerant folding of names, keeping a map back to the original offsets.

Group names are written with hyphens, spaces, apostrophes or nothing between their parts
("al-Qaeda", "al Qaeda", "al-Qa'ida", "Jamaatud-Dawa"). Folding deletes those separators
so that every spelling of a name becomes the same key, and :class:`Folded` maps an index
in the folded string back to the document's text. Folding a document is vectorised with
numpy because it runs over every character of every document.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache

import numpy as np

# Whitespace, hyphens/en dashes and apostrophe-like marks (ASCII, typographic, modifier
# letters, acute and grave accents used as apostrophes, prime).
_MARKS = "-\u2010\u2011\u2012\u2013'\u2019\u2018\u02bc\u02b9`\u00b4\u2032"
_SEPARATORS = re.compile(f"[\\s{re.escape(_MARKS)}]+")


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
    folded = codes[keep].tobytes().decode("utf-32-le", "surrogatepass")
    return Folded(folded, lower_same_length(folded), np.flatnonzero(keep))


def fold_name(name: str) -> str:
    """The folded key of a name (case kept)."""
    return _SEPARATORS.sub("", name)


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
    return table
