"""How much to trust an event: how its group and place are linked, how near they stand,
how sure the place and its year are, and whether the sentence makes the group a target,
denies the link or states it as a possibility."""

from __future__ import annotations

import re

from atlas.records import GroupMention, Mention, YearRef
from extraction.negation import HEDGED, NEGATED, hedged, negated

_BASE = {"sentence": 0.9, "anaphor": 0.6, "claim": 0.6, "context": 0.4, "context_last": 0.25}
_FEATURE = {
    "landmark": 1.0, "locality": 1.0, "city": 1.0, "admin2": 0.95, "admin1": 0.9,
    "physical": 0.9, "country": 0.75, "region": 0.7,
}  # fmt: skip
_YEAR = {"explicit": 1.0, "relative": 0.95, "publication": 0.85, "unknown": 0.8}
_TARGET_PENALTY = 0.6
_CARRIED = 0.9
"""A year read from an earlier sentence of the paragraph is a little less sure."""
_CARRIED_ACROSS = 0.85
"""One read from the paragraph before is less sure again."""
_ASIDE = 0.6
"""A group named in an aside, linked to a place outside it."""
_FAR = 300
"""Characters between group and place at which the distance factor bottoms out (0.5)."""

# The group is what is attacked, not the actor ("attacks against Taliban figures", "IS-K
# fighters attacked Taliban positions", "targeted a gathering of Taliban militia").
_TARGET = re.compile(
    r"\b(?:against|targeting|targeted|attacks?\s+on|war\s+(?:on|with)|undermining|rivals?\s+of"
    r"|attacked|attacking|ambushed|ambushing|raided|raiding|killed|killing|struck|striking)"
    r"\s+(?:[\w-]+\s+){0,2}(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def confidence(
    text: str,
    group: GroupMention,
    place: Mention,
    kind: str,
    start: int,
    year: YearRef,
    *,
    across: bool = False,
    aside: bool = False,
) -> float:
    """The confidence of an event in [0, 1]: ``kind`` of link ("sentence", "anaphor",
    "claim", "context", "context_last") from the evidence starting at ``start``, closeness, place
    score and type, ``year`` (``across``: carried from the paragraph before), whether the group
    stands in an aside the place is outside of (``aside``: "LeT, which has ties to the TTP,
    trained in Muridke" says little of the TTP in Muridke), and whether the
    sentence makes the group a target, denies the link or states it as a possibility."""
    value = _BASE[kind]
    if kind == "sentence":
        value *= 1.0 - 0.5 * min(gap(group, place), _FAR) / _FAR
    value *= 0.5 + 0.5 * min(max(place.score, 0.0), 1.0)
    value *= _FEATURE.get(place.feature_type, 0.8)
    value *= _YEAR[year.source] * (_CARRIED if 0 <= year.start < start else 1.0)
    if across:
        value *= _CARRIED_ACROSS
    if aside:
        value *= _ASIDE
    if _TARGET.search(text, max(0, group.start - 40), group.start):
        value *= _TARGET_PENALTY
    spans = (group.start, group.end), (place.start, place.end)
    if kind == "sentence" and negated(text, *spans):
        value *= NEGATED
    if kind == "sentence" and hedged(text, *spans):
        value *= HEDGED
    return round(min(max(value, 0.0), 1.0), 3)


def gap(group: GroupMention, place: Mention) -> int:
    """Characters between the two spans (0 if they touch or overlap)."""
    return max(place.start - group.end, group.start - place.end, 0)
