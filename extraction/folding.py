"""Spelling-tolerant folding of names, keeping a map back to the original offsets.

Group names are written with hyphens, spaces, apostrophes or nothing between their parts
("al-Qaeda", "al Qaeda", "al-Qa'ida", "Jamaatud-Dawa"). Folding deletes those separators
so that every spelling of a name becomes the same key, and :class:`Folded` maps an index
in the folded string back to the document's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Whitespace, hyphens/en dashes and apostrophe-like marks (ASCII, typographic, modifier
# letters, acute and grave accents used as apostrophes, prime).
_SEPARATORS = re.compile("[\\s\\-\u2010\u2011\u2012\u2013'\u2019\u2018\u02bc\u02b9`\u00b4\u2032]+")


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` with separators deleted; ``shifts`` locate the deletions."""

    text: str
    lower: str
    """``text`` lower-cased character by character, so it has the same length."""
    shifts: tuple[int, ...]
    counts: tuple[int, ...]

    def original(self, index: int) -> int:
        """The offset in the unfolded text of the folded character at ``index``."""
        k = bisect_right(self.shifts, index)
        return index + (self.counts[k - 1] if k else 0)


def fold(text: str) -> Folded:
    """Fold ``text`` for name matching (see the module docstring)."""
    shifts: list[int] = []
    counts: list[int] = []
    deleted = 0
    for match in _SEPARATORS.finditer(text):
        deleted += match.end() - match.start()
        shifts.append(match.start() - (deleted - (match.end() - match.start())))
        counts.append(deleted)
    folded = _SEPARATORS.sub("", text)
    return Folded(folded, lower_same_length(folded), tuple(shifts), tuple(counts))


def fold_name(name: str) -> str:
    """The folded key of a name (case kept)."""
    return _SEPARATORS.sub("", name)


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer are kept as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
