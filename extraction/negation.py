"""Denied and hedged links: "Daesh has no presence in Pakistan" names a group and a place
together but says the opposite of an event; "al-Qaeda could return to Helmand" speaks of
what may be, not of what was.

Such sentences still make events (the analyst sees the claim and its denial or hedge in
the evidence), with a confidence lowered by ``NEGATED`` or ``HEDGED``.  The denials follow
NegEx (Chapman et al. 2001, "A simple algorithm for identifying negated findings and
diseases in discharge summaries") narrowed to what reports deny of armed groups: presence,
links, activity, responsibility; the hedges are ConText's "hypothetical" modifiers
(Harkema et al. 2009) narrowed to modal verbs, conditions, expectations ("is expected
to") and stated intent ("threatened to").  The scope of both is short, as in NegEx, and
ends at a contrast (", though", ", but"): the words just before the group ("no ties to
Wilayat Khorasan"), those between the group and a place after it ("Daesh has no presence
in Pakistan"), or just after the group when the place comes first ("In Pakistan, Daesh
has no presence").
"""

from __future__ import annotations

import re

NEGATED = 0.4
"""Confidence factor of an event whose link the sentence denies."""
HEDGED = 0.6
"""Confidence factor of an event whose link the sentence states as a possibility."""

_BEFORE = 30
"""Characters between the end of a cue and the group ("no evidence of Daesh's ...")."""
_LONGEST = 60
"""Characters a cue may span ("did not have any discernible links")."""
_AFTER = 40
"""Characters after the group a cue may stand in when the place comes first."""

_TERMINATOR = re.compile(
    r"[,;]\s+(?:\w+\s+){0,3}?(?:though|although|but|while|whereas|however|yet)\b", re.IGNORECASE
)
_LINK = (
    r"(?:presence|links?|ties|connections?|contacts?|evidence|foothold|affiliation|role"
    r"|operations|activity|activities)"
)
_CUE = re.compile(
    rf"\b(?:no|little|scant)\s+(?:[\w-]+\s+){{0,2}}?{_LINK}\b"
    r"|\b(?:not|never|n't)\s+(?:[\w-]+\s+){0,2}?(?:present|active|operating|operated|operate"
    r"|operates|based|linked|tied|connected|involved|responsible|behind)\b"
    rf"|\bnot\s+(?:have|had|has)\s+(?:any\s+)?(?:[\w-]+\s+)?{_LINK}\b"
    rf"|\bwithout\s+(?:any\s+)?(?:[\w-]+\s+)?{_LINK}\b"
    r"|\b(?:denied|denies|deny|denying|ruled\s+out|no\s+longer)\b",
    re.IGNORECASE,
)


_HEDGE = re.compile(
    r"\b(?:could|might|if|possibly|potentially|(?:fears?|feared)\s+that"
    r"|(?:is|are)\s+(?:expected|likely)\s+to|(?:plan|threaten|vow)(?:s|ed)?\s+to"
    # "may" as a verb, not the month ("In May, the TTP ...").
    r"|(?-i:may))\b",
    re.IGNORECASE,
)


def negated(text: str, group: tuple[int, int], place: tuple[int, int]) -> bool:
    """Whether ``text`` denies the link between the group and the place at these spans.

    >>> negated("Daesh has no presence in Pakistan.", (0, 5), (25, 33))
    True
    >>> negated("Daesh has a presence in Pakistan.", (0, 5), (24, 32))
    False
    """
    return _in_scope(_CUE, text, group, place)


def hedged(text: str, group: tuple[int, int], place: tuple[int, int]) -> bool:
    """Whether ``text`` states the link between the group and the place as a possibility.

    >>> hedged("Analysts fear that al-Qaeda could return to Helmand.", (19, 27), (44, 51))
    True
    >>> hedged("Al-Qaeda returned to Helmand.", (0, 8), (21, 28))
    False
    """
    return _in_scope(_HEDGE, text, group, place)


def _in_scope(
    cues: re.Pattern[str], text: str, group: tuple[int, int], place: tuple[int, int]
) -> bool:
    """A cue just before the group, between it and a place after it, or just after it
    when the place comes first."""
    (g_start, g_end), (p_start, _p_end) = group, place
    # As in NegEx, a contrast ends the scope: "no evidence that JeM has a presence in
    # Baramulla, though the outfit remains active in south Kashmir".
    turn = _TERMINATOR.search(text, g_end, p_start) if p_start >= g_end else None
    if turn is not None:
        return cues.search(text, turn.end(), p_start) is not None
    # A cue before the group counts if it ends close to it; it may start further back.
    for cue in cues.finditer(text, max(0, g_start - _BEFORE - _LONGEST), g_start):
        if cue.end() >= g_start - _BEFORE:
            return True
    if p_start >= g_end:
        return cues.search(text, g_end, p_start) is not None
    return cues.search(text, g_end, min(len(text), g_end + _AFTER)) is not None
