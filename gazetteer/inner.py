"""Inner names: a name the index lacks that names an institution after its place.

"Kabul University", "Bank of Japan", "Walker County Sheriff's Office" or "Delhi High
Court" are not in a gazetteer of places, but each stands in the place its name holds.  A
name that is a place name plus only institution words (``data/institutions.csv``, each
with its GeoNames feature class), linking words and compass words ("West Surrey") is
answered by that place, less surely.  Anything else is left unanswered: "Lake Vermont",
"Gulf of Mexico" or "Marjory Stoneman Douglas High School" name another place or a person.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Container, Iterator
from functools import lru_cache
from pathlib import Path

from gazetteer.normalize import fold

INSTITUTIONS_PATH = Path(__file__).resolve().parent / "data" / "institutions.csv"
_LINKING = frozenset({"of", "the", "for", "and", "at", "s"})
_EDGES = ",.;:!?()[]\"'’“”"


@lru_cache(maxsize=4)
def institution_words(path: Path = INSTITUTIONS_PATH) -> frozenset[str]:
    """The folded institution words of ``path`` (comment lines start with #)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        words = frozenset(fold(row["word"]) for row in rows)
    if "" in words:
        raise ValueError(f"{path}: an empty word")
    return words


def inner_names(
    surface: str,
    institutions: frozenset[str],
    directions: Container[str],
    is_common: Callable[[str], bool],
    demonyms: Container[str] = frozenset(),
) -> Iterator[str]:
    """Candidate place names inside ``surface``, longest first, each the rest of whose
    words are institution, linking or compass words.  One-word candidates that are common
    words ("Republic", "Academy"; acronyms such as "US" are not) are never offered, nor
    demonyms after a compass word ("Central American" is not American)."""
    words = [w.strip(_EDGES) for w in surface.replace("'s ", " s ").replace("’s ", " s ").split()]
    words = [w for w in words if w]
    folded = [fold(w) for w in words]
    allowed = [f in institutions or f in _LINKING or f in directions for f in folded]
    if len(words) < 2 or not any(allowed):
        return
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            last = first + size
            if not all(allowed[:first]) or not all(allowed[last:]):
                continue
            part = " ".join(words[first:last])
            if not part[:1].isupper() or (
                size == 1 and is_common(folded[first]) and not part.isupper()
            ):
                continue
            if first and folded[first - 1] in directions and fold(part) in demonyms:
                continue
            yield part
