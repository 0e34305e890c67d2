"""References back: which group a sentence that names none, or names one only in an
aside, is about.

"The group", "its fighters", "they", "It also claimed" mean the most recent group named
outside an aside in the one or two sentences before (``WINDOW``); "the two groups", "both
parties" mean every group of that sentence. A sentence whose groups all stand in asides
and that refers back before them ("The group, which is allied with the Afghan Taliban, has
stepped up attacks") is about the group it refers to, and a later reference leads through
it to that group.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from atlas.records import GroupMention, Mention
from extraction.clauses import aside_at, asides
from extraction.events import Link, evidence_start
from extraction.sentences import Sentence, is_heading, is_table_row, paragraph_break

WINDOW = 2
"""How many sentences back a referring expression may find its group."""

_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:group|organi[sz]ation|outfit|movement|network|faction"
    r"|militants|insurgents|jihadists)\b"
    r"|\b(?:its|their)\s+(?:[\w-]+\s+)?(?:fighters|members|militants|leaders?|leadership|cadres?"
    r"|operatives|commanders?|cells?|camps?|men|ranks|affiliate|branch|bases?|recruits)\b"
    r"|\bthey\b"
    # "It also claimed ...": a sentence opening with "It" and a group's deed.
    r"|\b(?-i:It)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)*(?:claimed|carried\s+out|attacked"
    r"|struck|bombed|killed|kidnapped|abducted|operates|operated|runs|ran|maintains|maintained"
    r"|moved|relocated|established|set\s+up|recruits|recruited|controls|controlled|trains|trained)\b",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    r"\b(?:the|these|both|all)\s+(?:two\s+|three\s+)?(?:groups|parties|organi[sz]ations|outfits"
    r"|movements|sides|factions)\b",
    re.IGNORECASE,
)


def antecedent(
    text: str,
    sentences: Sequence[Sentence],
    i: int,
    groups: dict[int, list[GroupMention]],
    clause_end: int | None = None,
    chained: Container[int] = (),
) -> tuple[int, str, list[GroupMention]] | None:
    """The earlier sentence this one refers back to, how, and the groups it means.

    "The group", "its fighters", "they": the most recent group mention outside an aside.
    "The two groups", "both parties": the last mention of every group of that sentence.
    With ``clause_end``, only what the sentence's text before it says plainly counts.
    A ``chained`` sentence names no group but refers to one: only a reference back leads
    through it, not a sentence that merely follows it.
    """
    sentence = sentences[i]
    end = sentence.end if clause_end is None else clause_end
    if is_table_row(text, sentence):
        return None  # a row is a record of its own: "the group" names none of another row's
    for j in range(i - 1, max(-1, i - 1 - WINDOW), -1):
        if j in groups:
            break
    else:
        return None
    same_paragraph = not paragraph_break(text, sentences[j].end, sentence.start)
    # A heading between ("## History") leaves the reference to the paragraph before it.
    headed = all(is_heading(text, sentences[k]) for k in range(j + 1, i))
    if not same_paragraph and not headed:
        return None
    if _PLURAL.search(text, sentence.start, end):
        return j, "anaphor", list({g.group_id: g for g in groups[j]}.values())
    # The last group named outside the asides: "LeJ, the group that emerged from SSP,
    # targeted Quetta. Later the group split" means LeJ.
    away = asides(text, sentences[j].start, sentences[j].end)
    outside = [g for g in groups[j] if aside_at(away, g.start) is None]
    main = (outside or groups[j])[-1]
    if not outside:
        # "The group, which is allied with the Afghan Taliban, ..." is about the group it
        # refers to, and so is a reference back to it.
        deeper = antecedent(text, sentences, j, groups, clause_end=away[0][0], chained=chained)
        if deeper is not None:
            main = deeper[2][-1]
    if _ANAPHOR.search(text, sentence.start, end):
        return j, "anaphor", [main]
    if j == i - 1 and same_paragraph and clause_end is None and j not in chained:
        several = len({g.group_id for g in groups[j]}) > 1
        return j, "context_last" if several else "context", [main]
    return None


def asides_only(
    text: str, sentence: Sentence, named: list[GroupMention]
) -> list[tuple[int, int]] | None:
    """The sentence's asides, when every group it names stands in one ("The group, which
    is allied with the Afghan Taliban, has stepped up attacks"); else None."""
    away = asides(text, sentence.start, sentence.end)
    if away and all(aside_at(away, g.start) is not None for g in named):
        return away
    return None


def around_asides(
    text: str,
    sentences: Sequence[Sentence],
    i: int,
    groups: dict[int, list[GroupMention]],
    places: list[Mention],
    chained: Container[int],
    away: list[tuple[int, int]],
):
    """Links of a sentence whose groups all stand in asides (``away``, as ``asides_only``
    gives them): when it refers back before its first aside ("The group, which ..."), its
    other places are the referred group's; an aside's group keeps only the places inside
    its aside."""
    sentence = sentences[i]
    referred = antecedent(text, sentences, i, groups, clause_end=away[0][0], chained=chained)
    inside = {p.start: aside_at(away, p.start) for p in places}
    if referred is not None:
        j, kind, antecedents = referred
        start = evidence_start(sentences, j, antecedents)
        for group in antecedents:
            for place in places:
                if inside[place.start] is None:
                    yield Link(group, place, kind, start, sentence.end)
    for group in groups[i]:
        for place in places:
            aside = inside[place.start]
            if referred is None or (aside is not None and aside[0] <= group.start < aside[1]):
                yield Link(group, place, "sentence", sentence.start, sentence.end)
