"""Countries named as actors: "U.S. commanders", "Pakistan army", "US withdrawal".

A country name right before one of the reviewed nouns of ``data/actors.yaml`` (state
forces, government, what they do) names the country acting, not where anything happened:
"U.S. intelligence officials worried about al-Qaeda" does not put al-Qaeda in the United
States. The place mention is kept (it is still a resolved place of the text); it only
makes no event. Towns are left alone: "Karachi police arrested LeT men" does place them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from atlas.records import Mention

DEFAULT_PATH = Path(__file__).parent / "data" / "actors.yaml"

# The next word, in lower case, after the name ("U.S" may be spotted without its last dot).
_NEXT_WORD = re.compile(r"\.?[ \t]+([a-z][a-z-]*)")


@lru_cache(maxsize=4)
def actor_words(path: Path = DEFAULT_PATH) -> frozenset[str]:
    """The reviewed actor nouns of ``path`` (``source`` and ``words``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data.get("source") or not data.get("words"):
        raise ValueError(f"{path}: expected 'source' and a list of 'words'")
    return frozenset(str(word).lower() for word in data["words"])


def names_actor(text: str, place: Mention, words: frozenset[str] | None = None) -> bool:
    """Whether ``place`` is a country named as an actor in ``text`` ("U.S. commanders");
    ``words``: the actor nouns (default: the shipped list)."""
    if place.feature_type != "country":
        return False
    match = _NEXT_WORD.match(text, place.end)
    return match is not None and match.group(1) in (actor_words() if words is None else words)
