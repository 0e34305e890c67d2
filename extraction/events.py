"""Event records of links: the year of each, its confidence and a stable id.

A link (``extraction.linking``) ties a group to a place in a passage. Its year is the one
nearest the place in its clause, or the one an earlier sentence carries in; a year the
text lists with it ("attacked Peshawar in 2009, 2012 and 2014") makes an event of its own,
so that a period filter finds each.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from atlas.records import Document, Event, GroupMention, Mention, YearRef
from extraction.clauses import aside_at, asides, outside_asides
from extraction.confidence import confidence
from extraction.dates import coordinated, year_near
from extraction.sentences import Sentence


@dataclass(frozen=True, slots=True)
class Link:
    """A group and a place tied by the passage ``[start, end)`` of a document; ``kind``:
    how ("sentence", "anaphor", "claim", "context", "context_last")."""

    group: GroupMention
    place: Mention
    kind: str
    start: int
    end: int


def events_of(
    document: Document,
    link: Link,
    refs: tuple[YearRef, ...],
    carried: tuple[YearRef, bool] | None,
    founded: int | None = None,
) -> tuple[Event, ...]:
    """The events of ``link``: one for its year, and one for each year listed with it.

    ``refs``: the years of the place's sentence; ``carried``: the year an earlier sentence
    carries into one that gives none for the place (``refs`` empty, or all inside asides
    the place is not in), and whether it comes from the paragraph before; ``founded``: the
    earliest year that can date the group."""
    place = link.place
    if refs:
        refs = outside_asides(document.text, link.start, link.end, place, refs)
    year = year_near(
        refs or ((carried[0],) if carried else ()),
        place.start,
        place.end,
        document.published,
        founded,
        document.text,
    )
    across = bool(carried and carried[1] and year is carried[0])
    listed = coordinated(refs, year, document.text) if year in refs else ()
    aside = link.kind == "sentence" and _in_aside_without(document.text, link)
    return (
        _event(document, link, year, across, aside, first=True),
        *(_event(document, link, other, False, aside) for other in listed),
    )


def _event(
    document: Document,
    link: Link,
    year: YearRef,
    across: bool,
    aside: bool,
    first: bool = False,
) -> Event:
    group, place = link.group, link.place
    return Event(
        event_id=event_id(
            document.doc_hash,
            group.group_id,
            place.place_id,
            place.start,
            None if first else year.year,
        ),
        doc_id=document.doc_id,
        doc_hash=document.doc_hash,
        doc_title=document.title,
        group=group.group,
        group_id=group.group_id,
        group_short=group.short,
        group_family=group.family,
        place=place.place,
        place_id=place.place_id,
        place_text=place.text,
        lat=place.lat,
        lon=place.lon,
        country_code=place.country_code,
        admin1=place.admin1,
        feature_type=place.feature_type,
        year=year.year,
        year_end=year.year_end,
        year_source=year.source,
        year_precision=year.precision,
        sentence=document.text[link.start : link.end],
        start=link.start,
        end=link.end,
        group_start=group.start,
        group_end=group.end,
        place_start=place.start,
        place_end=place.end,
        confidence=confidence(
            document.text,
            group,
            place,
            link.kind,
            link.start,
            year,
            across=across,
            aside=aside,
        ),
        link="sentence" if link.kind == "sentence" else "coreference",
        published=document.published,
    )


def _in_aside_without(text: str, link: Link) -> bool:
    """Whether the link's group stands in an aside of its sentence that the place is not in."""
    aside = aside_at(asides(text, link.start, link.end), link.group.start)
    return aside is not None and not aside[0] <= link.place.start < aside[1]


def event_id(
    doc_hash: str, group_id: str, place_id: str, at: int, year: int | None = None
) -> str:
    """A stable id: the same document, group, place and place mention (its offset ``at``)
    give the same id (and ``year``, for the further years a passage lists for one place).
    Two mentions of a place are two events: "ISK rebuilt its networks in Kabul. Its cells
    in Kabul have attacked since 2021" says two things of ISK in Kabul."""
    key = f"{doc_hash}|{group_id}|{place_id}|{at}" + ("" if year is None else f"|{year}")
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def evidence_start(sentences: Sequence[Sentence], j: int, groups: list[GroupMention]) -> int:
    """Where the evidence of a reference back starts: at the sentence it refers to, or
    further back at the sentence naming the group it led through to."""
    first = min(g.start for g in groups)
    naming = bisect_right(sentences, first, key=lambda s: s.start) - 1
    return min(sentences[j].start, sentences[naming].start)
