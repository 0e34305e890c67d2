"""Events: a group, a place and a year that one passage of the text ties together.

A group and a place in the same sentence make a ``sentence`` event, unless a clause that
turns to another group parts them (``extraction.clauses``: "JA operates in Badakhshan,
while KIB fights in Idlib"). A sentence with places but no group is linked to the most
recent group mention of the one or two sentences before it (a ``coreference`` event) when
it refers back ("the group", "its fighters", "they", "It also claimed"; "the two groups"
means all of them), or, with less confidence, to the group the sentence just before in
the same paragraph names (its last-named one, with even less, if it names several); a
sentence that referred back stands for its group to the references after it. The
evidence then runs from the sentence naming the group to the place's sentence. It is
also linked to the groups the next sentence of its paragraph says claimed it ("The BLA
claimed responsibility"), the evidence running on to the claim; or to another group's
claim of what a sentence naming a group reports. No events come from non-reporting sections
(bibliography, notes, related links, credits), nor from a country named as an actor
("U.S. commanders", "Pakistan army"; ``extraction.actors``), nor from a wire dateline's
place when the sentence names another (``extraction.datelines``), nor from a group named
to describe another ("the al-Qaeda-aligned group").

The year is the reference nearest the place in its clause, then its sentence (not one
inside an aside the place is not in: "JeM, already responsible for the attack two years
earlier, scouted Delhi"), and each year listed with it makes an event of its own ("in 2009,
2012 and 2014"; ``extraction.events``); failing that, the one the narrative before
carries into the sentence (``extraction.carry``); failing that, the publication year. A
year from long before the group was founded (the lexicon's ``founded``) dates something
else and is passed over.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Mapping, Sequence

from atlas.records import Document, Event, GroupCandidate, GroupMention, Mention, YearRef
from extraction.actors import names_actor
from extraction.carry import Narrative
from extraction.clauses import (
    aside_at,
    asides,
    claim_at,
    first_turn,
    parted,
    reported_with_claim,
)
from extraction.confidence import gap
from extraction.datelines import datelines, event_places, place_date_lines
from extraction.events import Link, events_of, evidence_start
from extraction.references import WINDOW, antecedent, around_asides, asides_only
from extraction.sentences import Sentence

_FOUNDERS_YEARS = 10
"""Years before a group's founding that a text may still tell under its name (its founders'
careers: "LeT's leader fought in Afghanistan in the early 1980s"); a year older than that
dates something else ("partitioned in 1947")."""

# A group named to describe another, not as an actor: "the al-Qaeda-aligned group" (but
# "Daesh-linked militants" are the group's own).
_ATTRIBUTIVE = re.compile(
    r"[-\u2010\u2011](?:linked|aligned|affiliated|allied|backed|inspired|leaning|style|type)"
    r"\s+(?:[\w-]+\s+)?(?:groups?|organi[sz]ations?|outfits?|factions?|movements?|networks?"
    r"|part(?:y|ies))\b",
    re.IGNORECASE,
)
# The same after the noun: "a Tajik group aligned with the Taliban", "an outfit closely
# linked to LeT" (but "militants linked to al-Qaeda" are its own).
_ALIGNED_WITH = re.compile(
    r"\b(?:group|organi[sz]ation|outfit|faction|movement|network|offshoot|splinter)s?\s+"
    r"(?:(?:that|which)\s+(?:is|was|are|were)\s+)?(?:[a-z]+ly\s+)?"
    r"(?:aligned|allied|linked|affiliated|associated|connected|close|loyal)\s+(?:with|to)\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)


def link_events(
    document: Document,
    sentences: Sequence[Sentence],
    groups: Sequence[GroupMention],
    places: Sequence[Mention],
    years: Sequence[tuple[YearRef, ...]],
    founded: Mapping[str, int] | None = None,
    unknown: Sequence[GroupCandidate] = (),
) -> tuple[Event, ...]:
    """Events of ``document``; ``years[i]`` are the references found in ``sentences[i]``;
    ``founded``: group id -> first year active (a year from more than a decade before it
    does not date the group); ``unknown``: group-like names the lexicon lacks ("a group
    calling itself ..."), whose sentences are about them, not about a group named before.

    Only sentences with places and a group in them, in the ``WINDOW`` before or in the
    next one (where events can come from) are visited; the year carried into one is looked
    up when it makes events.
    """
    text = document.text
    groups = [g for g in groups if not _describes_another(text, g)]
    if not groups or not places:
        return ()
    groups_in = _bucket(sentences, groups)
    places_in = _bucket(sentences, places)
    unknown_in = _bucket(sentences, unknown)
    reported = [not _unreported(document, s) for s in sentences]
    narrative = Narrative(text, sentences, years, reported)
    filed, bare = datelines(text), place_date_lines(text)
    events: dict[str, Event] = {}
    # Sentences that name no group but refer to one ("The group's leadership is based in
    # Paktika"): a reference in the next sentence may lead through them to the group.
    chained: set[int] = set()
    for i in sorted(places_in):
        if not any(k in groups_in for k in range(i - WINDOW, i + 2)):
            continue  # no group to link to
        if not reported[i]:
            continue
        reporting = [p for p in places_in[i] if p.section is None and not names_actor(text, p)]
        reporting = event_places(reporting, filed, bare)
        links = list(
            _links(
                text, sentences, i, groups_in, reporting, unknown_in.get(i, ()), places_in, chained
            )
        )
        if not links:
            continue
        if i not in groups_in:
            referred = {link.group.group_id: link.group for link in links if link.kind == "anaphor"}
            if referred:
                groups_in[i] = list(referred.values())
                chained.add(i)
        # Needed too when the sentence's years all lie in asides (``events_of``).
        carried = narrative.carried(i)
        for link in links:
            founding = founded.get(link.group.group_id) if founded else None
            earliest = None if founding is None else founding - _FOUNDERS_YEARS
            for event in events_of(document, link, years[i], carried, earliest):
                known = events.get(event.event_id)
                if known is None or known.confidence < event.confidence:
                    events[event.event_id] = event
    return tuple(sorted(events.values(), key=lambda e: (e.start, e.place_start, e.group_start)))


def _describes_another(text: str, group: GroupMention) -> bool:
    """Whether the group is named to describe another, not as an actor: "the
    al-Qaeda-aligned group", "Jamaat Ansarullah, a Tajik group aligned with the Taliban"."""
    if _ATTRIBUTIVE.match(text, group.end):
        return True
    return _ALIGNED_WITH.search(text, max(0, group.start - 90), group.start) is not None


def _unreported(document: Document, sentence: Sentence) -> bool:
    """Whether the sentence starts in a non-reporting section."""
    return bool(document.sections) and document.section_at(sentence.start) is not None


def _bucket(sentences: Sequence[Sentence], spans: Sequence) -> dict[int, list]:
    """The spans lying wholly inside each sentence, by sentence index (none: no entry)."""
    buckets: dict[int, list] = {}
    if not spans:
        return buckets
    starts = [s.start for s in sentences]
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        if i >= 0 and span.end <= sentences[i].end:
            buckets.setdefault(i, []).append(span)
    return buckets


def _links(
    text: str,
    sentences: Sequence[Sentence],
    i: int,
    groups: dict[int, list[GroupMention]],
    places: list[Mention],
    unknown: Sequence[GroupCandidate] = (),
    placed: Mapping[int, list[Mention]] | None = None,
    chained: Container[int] = (),
):
    sentence = sentences[i]
    if not places:
        return
    away = asides_only(text, sentence, groups[i]) if i in groups else None
    if away is not None:
        yield from around_asides(text, sentences, i, groups, places, chained, away)
        return
    if i in groups:
        # A first clause that names no group but refers back ("Since then, the group has
        # attacked Tank, while IS-K ...") is about the group referred to.
        cut = first_turn(text, sentence)
        referred = None
        if cut is not None and all(g.start > cut for g in groups[i]):
            referred = antecedent(text, sentences, i, groups, clause_end=cut, chained=chained)
        if referred is not None:
            j, kind, antecedents = referred
            start = evidence_start(sentences, j, antecedents)
            for group in antecedents:
                for place in places:
                    if place.start < cut:
                        yield Link(group, place, kind, start, sentence.end)
        # One link per group and place: the closest pair of their mentions.
        best: dict[tuple[str, str], tuple[int, GroupMention, Mention]] = {}
        ids = frozenset(g.group_id for g in referred[2]) if referred else frozenset()
        other_clause = parted(text, sentence, groups[i], ids, unknown)
        for group in groups[i]:
            for place in places:
                if other_clause(group, place):
                    continue
                key, apart = (group.group_id, place.place_id), gap(group, place)
                if key not in best or apart < best[key][0]:
                    best[key] = (apart, group, place)
        for _, group, place in best.values():
            yield Link(group, place, "sentence", sentence.start, sentence.end)
        # Another group may claim what it did ("JMB gunmen stormed the bakery in Dhaka. The
        # Islamic State claimed the attack.").
        named = {g.group_id for g in groups[i]}
        for group in _claimants(text, sentences, i, groups, placed):
            if group.group_id not in named:
                for place in places:
                    yield Link(group, place, "claim", sentence.start, sentences[i + 1].end)
        return
    found = None if unknown else antecedent(text, sentences, i, groups, chained=chained)
    if found is not None:
        j, kind, referred = found
        start = evidence_start(sentences, j, referred)
        for group in referred:
            for place in places:
                yield Link(group, place, kind, start, sentence.end)
    for group in _claimants(text, sentences, i, groups, placed):
        for place in places:
            yield Link(group, place, "claim", sentence.start, sentences[i + 1].end)


def _claimants(
    text: str,
    sentences: Sequence[Sentence],
    i: int,
    groups: dict[int, list[GroupMention]],
    placed: Mapping[int, list[Mention]] | None = None,
) -> list[GroupMention]:
    """The groups that the next sentence says claimed what this one reports ("Militants
    stormed a checkpoint in Kech. The BLA claimed responsibility."): those named before the
    claim, and it may open the next paragraph (a news story's paragraphs are a sentence or
    two). Not when it claims what it reports itself, as a place this one does not name
    tells (``placed``: the places of each sentence; ``reported_with_claim``): "... in Dhaka,
    and the Islamic State claimed it"; "ISIS claims the bombing of the shrine in Sehwan"
    (but "said it carried out the Bela assault" is this one's)."""
    j = i + 1
    if j not in groups:
        return []
    claim = claim_at(text, sentences[j].start, sentences[j].end)
    if claim is None:
        return []
    placed = placed or {}
    own = placed.get(j, ())
    if own:
        known = {p.place_id for p in placed.get(i, ())}
        reported = reported_with_claim(text, sentences[j], claim)
        if any(p.place_id not in known and reported(p.start) for p in own):
            return []
    # Not a group the claimant is described by ("TRF, which police describe as a front for
    # LeT, claimed responsibility").
    away = asides(text, sentences[j].start, claim)
    return [g for g in groups[j] if g.end <= claim and aside_at(away, g.start) is None]
