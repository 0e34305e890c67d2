"""Countries and capitals named as actors: "U.S. commanders", "talks with Islamabad".

A country name right before one of the reviewed nouns of ``data/actors.yaml`` (state
forces, government, what they do) names the country acting, not where anything happened:
"U.S. intelligence officials worried about al-Qaeda" does not put al-Qaeda in the United
States. Towns are left alone there: "Karachi police arrested LeT men" does place them.
A country or town right after one of its dealings ("talks with", "pressure on", "ties
between Kabul and") or right before a verb of speaking ("Pakistan says", "a charge Kabul
denies") names a government too: "Since the breakdown of talks with Islamabad,
the TTP has intensified attacks" puts no TTP in Islamabad; as do the places a group is
"banned in". Nor does a place name a group's whereabouts when it names a process held
there ("the 2020 Doha agreement"), nor where an outlet, a think tank or an analyst is
based ("an Islamabad-based outlet"). The place mention is kept (it is still a resolved
place of the text); it only makes no event.
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
# A preposition right before a place: whoever speaks after it is there, not the place.
_LOCATIVE_END = re.compile(r"\b(?:in|at|from|near|of|outside|inside)\s+(?:the\s+)?\Z", re.IGNORECASE)
# The noun after "<Place>-based" ("Islamabad-based outlet", "Kabul-based think tank").
_BASED = re.compile(r"[-‐‑ ]based[ \t]+([A-Za-z][a-z-]*)")


_TOWNS_AND_COUNTRIES = frozenset({"country", "city", "locality"})
# The states that ban a group, and every name of the list: "banned in Uzbekistan,
# Tajikistan and Kazakhstan".
_BANNED_IN = re.compile(
    r"\b(?:banned|outlawed|proscribed|illegal)\s+in\s+"
    r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*(?:,\s+and\s+|,\s+|\s+and\s+))*\Z"
)


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data.get("source") or not data.get("words"):
        raise ValueError(f"{path}: expected 'source' and a list of 'words'")
    return data


def actor_words(path: Path = DEFAULT_PATH) -> frozenset[str]:
    """The reviewed actor nouns of ``path`` (``source`` and ``words``)."""
    return frozenset(str(word).lower() for word in _load(path)["words"])


@lru_cache(maxsize=4)
def dealings(path: Path = DEFAULT_PATH) -> re.Pattern[str]:
    """A pattern ending where a government is named after one of the dealings of ``path``
    ("talks with ", "ties between Kabul and "); one that never matches if it lists none."""
    words = [re.escape(str(w).lower()) for w in _load(path).get("dealings") or ()]
    if not words:
        return re.compile(r"(?!)")
    return re.compile(
        rf"\b(?:{'|'.join(words)})\s+(?:with|on|between|among)\s+(?:the\s+)?"
        r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s+and\s+)?\Z",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def processes(path: Path = DEFAULT_PATH) -> frozenset[str]:
    """The nouns of diplomatic processes named after their venue ("Doha agreement")."""
    return frozenset(str(word).lower() for word in _load(path).get("processes") or ())


@lru_cache(maxsize=4)
def speech(path: Path = DEFAULT_PATH) -> frozenset[str]:
    """The verbs of a government speaking ("Pakistan says", "Kabul denies")."""
    return frozenset(str(word).lower() for word in _load(path).get("speech") or ())


@lru_cache(maxsize=4)
def based(path: Path = DEFAULT_PATH) -> frozenset[str]:
    """The nouns of organisations named by their base ("an Islamabad-based outlet")."""
    return frozenset(str(word).lower() for word in _load(path).get("based") or ())


def names_actor(text: str, place: Mention, words: frozenset[str] | None = None) -> bool:
    """Whether ``place`` is a country or capital named as an actor in ``text`` ("U.S.
    commanders", "talks with Islamabad"), or names where an organisation other than an
    armed group is based ("a Kabul-based analyst"); ``words``: the actor nouns (default:
    the shipped list)."""
    match = _NEXT_WORD.match(text, place.end)
    if match is not None and match.group(1) in processes():
        return True  # "the Doha agreement": the process, not the town
    base = _BASED.match(text, place.end)
    if base is not None and base.group(1).lower() in based():
        return True  # "an Islamabad-based outlet": the outlet's base
    if place.feature_type not in _TOWNS_AND_COUNTRIES:
        return False
    before = text[max(0, place.start - 120) : place.start]
    if match is not None and match.group(1) in speech() and not _LOCATIVE_END.search(before):
        return True  # "Pakistan says", "a charge Kabul denies" (not "police in Karachi said")
    if dealings().search(before[-60:]) or _BANNED_IN.search(before):
        return True
    if place.feature_type != "country":
        return False
    return match is not None and match.group(1) in (actor_words() if words is None else words)
