"""Synthetic documents and events for tests and benchmarks (never shown as real data).

Names are invented ("Group 3", "Place 17"); coordinates fall in South and Central Asia so
the map and the briefing look like a real regional view.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from atlas.records import Document, Event, Extraction

FEATURE_TYPES = ("city", "city", "city", "locality", "admin2", "admin1", "country")
FAMILIES = ("Family North", "Family South", "Family East")


@dataclass(frozen=True, slots=True)
class SyntheticGroup:
    group_id: str
    name: str
    short: str
    family: str


@dataclass(frozen=True, slots=True)
class SyntheticPlace:
    place_id: str
    name: str
    lat: float
    lon: float
    feature_type: str


def make_groups(n: int) -> list[SyntheticGroup]:
    """``n`` invented groups spread over three families."""
    return [
        SyntheticGroup(f"syn-g{i}", f"Group {i}", f"G{i}", FAMILIES[i % len(FAMILIES)])
        for i in range(n)
    ]


def make_places(n: int, rng: random.Random) -> list[SyntheticPlace]:
    """``n`` invented places between Iran's border and Bangladesh."""
    return [
        SyntheticPlace(
            f"syn:p{i}", f"Place {i}", round(rng.uniform(24.0, 38.0), 4),
            round(rng.uniform(61.0, 88.0), 4), rng.choice(FEATURE_TYPES),
        )
        for i in range(n)
    ]


def _event(doc: Document, group: SyntheticGroup, place: SyntheticPlace, year: int,
           sentence: str, offset: int, index: int, rng: random.Random) -> Event:
    g0 = offset + sentence.index(group.name)
    p0 = offset + sentence.index(place.name)
    return Event(
        event_id=f"{doc.doc_hash[:12]}-{index}", doc_id=doc.doc_id, doc_hash=doc.doc_hash,
        doc_title=doc.title, group=group.name, group_id=group.group_id,
        group_short=group.short, group_family=group.family, place=place.name,
        place_id=place.place_id, place_text=place.name, lat=place.lat, lon=place.lon,
        country_code="PK", admin1=None, feature_type=place.feature_type, year=year,
        year_end=None, year_source="explicit", year_precision="year", sentence=sentence,
        start=offset, end=offset + len(sentence), group_start=g0,
        group_end=g0 + len(group.name), place_start=p0, place_end=p0 + len(place.name),
        confidence=round(rng.uniform(0.3, 1.0), 2), published=doc.published,
    )


def synthetic_extractions(
    n_events: int, *, n_groups: int = 12, n_places: int | None = None,
    events_per_doc: int = 50, seed: int = 7, years: tuple[int, int] = (2001, 2024),
    title_prefix: str = "Synthetic report",
) -> list[Extraction]:
    """Documents with ``n_events`` events in total, as the store takes them."""
    rng = random.Random(seed)
    groups = make_groups(n_groups)
    places = make_places(n_places or max(5, min(4000, n_events // 10)), rng)
    extractions: list[Extraction] = []
    made = 0
    while made < n_events:
        k = min(events_per_doc, n_events - made)
        number = len(extractions)
        picks = [(rng.choice(groups), rng.choice(places), rng.randint(*years)) for _ in range(k)]
        sentences = [f"In {y}, {g.name} was active around {p.name}." for g, p, y in picks]
        text = " ".join(sentences)
        digest = hashlib.sha256(f"{seed}-{number}-{text}".encode()).hexdigest()
        doc = Document(
            doc_id=f"synthetic_{number:05d}.txt", doc_hash=digest, path=f"synthetic_{number:05d}.txt",
            text=text, title=f"{title_prefix} {number}", source="synthetic",
            published=dt.date(max(y for _, _, y in picks), 12, 31), language="en",
        )
        events, offset = [], 0
        for i, ((g, p, y), sentence) in enumerate(zip(picks, sentences, strict=True)):
            events.append(_event(doc, g, p, y, sentence, offset, i, rng))
            offset += len(sentence) + 1
        extractions.append(Extraction(document=doc, events=tuple(events)))
        made += k
    return extractions


def hostile_extraction(payload: str, *, seed: int = 99) -> Extraction:
    """One document whose title and evidence carry ``payload`` (markup that must never run)."""
    rng = random.Random(seed)
    group = make_groups(1)[0]
    place = SyntheticPlace("syn:hostile", "Hostile Town", 33.0, 70.0, "city")
    sentence = f"In 2015, {group.name} {payload} was active around {place.name}."
    digest = hashlib.sha256(sentence.encode()).hexdigest()
    doc = Document(
        doc_id="hostile <img src=x onerror=alert(1)>.html", doc_hash=digest, path="hostile.html",
        text=sentence, title=f"Report {payload}", source="synthetic",
        published=dt.date(2016, 1, 1),
    )
    return Extraction(document=doc, events=(_event(doc, group, place, 2015, sentence, 0, 0, rng),))


def synthetic_events(n_events: int, **kwargs) -> list[Event]:
    """The events of :func:`synthetic_extractions`, flattened."""
    return [e for x in synthetic_extractions(n_events, **kwargs) for e in x.events]
