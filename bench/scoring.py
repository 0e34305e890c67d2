"""Score extracted place mentions and events against hand-written gold.

The gold lives in ``bench/gold`` (see its README). Everything here is pure: gold rows and
predicted records (``atlas.records.Mention`` / ``Event``) in, scores and lists of misses out.
A predicted place counts when its span overlaps the gold span and it lies within the gold
row's radius (161 km by default), has the same place id, or, for a country, names the same
country.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from atlas.records import Event, Mention

GOLD_DIR = Path(__file__).parent / "gold"
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """A place the document names as a location, at one occurrence."""

    doc_id: str
    start: int
    end: int
    surface: str
    place: str
    place_id: str
    lat: float
    lon: float
    feature_type: str
    country_code: str | None
    section: str | None
    radius_km: float


@dataclass(frozen=True, slots=True)
class NonPlace:
    """A span a naive geoparser could take for a place but which is not one."""

    doc_id: str
    start: int
    end: int
    surface: str
    kind: str
    strict: bool
    """True: a place predicted here is an error; False: neither credited nor penalised."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A group–place–year triple the document states, with its evidence."""

    doc_id: str
    group: str
    group_id: str | None
    place: str
    place_id: str
    lat: float
    lon: float
    radius_km: float
    year: int | None
    year_end: int | None
    year_source: str
    link: str
    evidence: str
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """What the gold says about a document as a whole."""

    doc_id: str
    published: str | None
    duplicate_of: str | None


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def load_gold_places(path: Path = GOLD_DIR / "seed_places.csv") -> list[GoldPlace]:
    """The gold place occurrences."""
    return [
        GoldPlace(r["doc_id"], int(r["start"]), int(r["end"]), r["surface"], r["place"],
                  r["place_id"], float(r["lat"]), float(r["lon"]), r["feature_type"],
                  r["country_code"] or None, r["section"] or None, float(r["radius_km"]))
        for r in _rows(path)
    ]


def load_non_places(path: Path = GOLD_DIR / "seed_non_places.csv") -> list[NonPlace]:
    """The gold non-places."""
    return [
        NonPlace(r["doc_id"], int(r["start"]), int(r["end"]), r["surface"], r["kind"],
                 r["strict"] == "1")
        for r in _rows(path)
    ]


def load_gold_events(path: Path = GOLD_DIR / "seed_events.csv") -> list[GoldEvent]:
    """The gold triples."""
    return [
        GoldEvent(r["doc_id"], r["group"], r["group_id"] or None, r["place"], r["place_id"],
                  float(r["lat"]), float(r["lon"]), float(r["radius_km"]), _int(r["year"]),
                  _int(r["year_end"]), r["year_source"], r["link"], r["evidence"],
                  int(r["evidence_start"]), int(r["evidence_end"]))
        for r in _rows(path)
    ]


def load_gold_documents(path: Path = GOLD_DIR / "seed_documents.csv") -> list[GoldDocument]:
    """Publication dates and duplicates of the gold documents."""
    return [GoldDocument(r["doc_id"], r["published"] or None, r["duplicate_of"] or None)
            for r in _rows(path)]


def offset_errors(rows: Iterable[GoldPlace | NonPlace | GoldEvent],
                  texts: Mapping[str, str]) -> list[str]:
    """Rows whose offsets do not select their surface (or evidence) in ``texts``."""
    errors = []
    for row in rows:
        if isinstance(row, GoldEvent):
            start, end, want = row.evidence_start, row.evidence_end, row.evidence
        else:
            start, end, want = row.start, row.end, row.surface
        got = texts[row.doc_id][start:end]
        if got != want:
            errors.append(f"{row.doc_id}[{start}:{end}] is {got!r}, gold says {want!r}")
    return errors


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def same_place(gold: GoldPlace | GoldEvent, place_id: str, lat: float, lon: float,
               feature_type: str | None = None, country_code: str | None = None) -> bool:
    """Whether a predicted place is the gold one (id, distance, or same country)."""
    if place_id == gold.place_id:
        return True
    if distance_km(gold.lat, gold.lon, lat, lon) <= gold.radius_km:
        return True
    return (isinstance(gold, GoldPlace) and gold.feature_type == "country"
            and feature_type == "country" and country_code is not None
            and country_code == gold.country_code)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True)
class PlaceScore:
    """How the predicted mentions compare with the gold places."""

    gold: int
    found: int
    """Gold occurrences with an overlapping prediction resolved to the right place."""
    gold_reporting: int
    found_reporting: int
    missed: list[tuple[GoldPlace, Mention | None]] = field(default_factory=list)
    """Gold rows not found, with the overlapping prediction when it was resolved elsewhere."""
    false_places: list[Mention] = field(default_factory=list)
    """Predictions in reporting text with no gold place and no lenient non-place under them."""
    non_place_errors: list[tuple[NonPlace, Mention]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def recall_reporting(self) -> float:
        return self.found_reporting / self.gold_reporting if self.gold_reporting else 1.0


def score_places(gold: Sequence[GoldPlace], non_places: Sequence[NonPlace],
                 mentions: Sequence[Mention]) -> PlaceScore:
    """Recall of ``gold`` by ``mentions``, false places, and places put on non-places."""
    by_doc: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_doc.setdefault(mention.doc_id, []).append(mention)
    found = found_reporting = 0
    missed: list[tuple[GoldPlace, Mention | None]] = []
    for row in gold:
        near = [m for m in by_doc.get(row.doc_id, ()) if _overlaps(row.start, row.end, m.start, m.end)]
        hit = any(same_place(row, m.place_id, m.lat, m.lon, m.feature_type, m.country_code)
                  for m in near)
        if hit:
            found += 1
            found_reporting += row.section is None
        else:
            missed.append((row, near[0] if near else None))
    false_places: list[Mention] = []
    errors: list[tuple[NonPlace, Mention]] = []
    for mention in mentions:
        if any(g.doc_id == mention.doc_id and _overlaps(g.start, g.end, mention.start, mention.end)
               for g in gold):
            continue
        under = [n for n in non_places if n.doc_id == mention.doc_id
                 and _overlaps(n.start, n.end, mention.start, mention.end)]
        strict = [n for n in under if n.strict]
        errors.extend((n, mention) for n in strict)
        if mention.section is None and (strict or not under):
            false_places.append(mention)
    return PlaceScore(len(gold), found, sum(g.section is None for g in gold), found_reporting,
                      missed, false_places, errors)


def years_overlap(gold: GoldEvent, year: int | None, year_end: int | None) -> bool:
    """Whether a predicted year (or range) agrees with the gold year (or range)."""
    if gold.year is None:
        return True
    if year is None:
        return False
    gold_end = gold.year_end if gold.year_end is not None else gold.year
    return year <= gold_end and gold.year <= (year_end if year_end is not None else year)


def event_matches(gold: GoldEvent, event: Event, group_id: str) -> bool:
    """Same document, same group id, same place (within the radius), agreeing years."""
    return (event.doc_id == gold.doc_id and event.group_id == group_id
            and same_place(gold, event.place_id, event.lat, event.lon)
            and years_overlap(gold, event.year, event.year_end))


@dataclass(frozen=True)
class EventScore:
    """How the predicted events compare with the gold triples."""

    gold: int
    found: int
    predicted: int
    supported: int
    """Predicted events that match some gold triple of their document."""
    missed: list[GoldEvent] = field(default_factory=list)
    unsupported: list[Event] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.supported / self.predicted if self.predicted else 1.0


def score_events(gold: Sequence[GoldEvent], events: Sequence[Event],
                 resolve_group: Callable[[GoldEvent], str | None] | None = None) -> EventScore:
    """Recall of the gold triples and the share of predicted events the gold supports.

    ``resolve_group`` gives the lexicon id of a gold row without ``group_id``. Only events
    of documents that have gold rows are judged for precision.
    """
    ids = [g.group_id or (resolve_group(g) if resolve_group else None) or "" for g in gold]
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    found, missed = 0, []
    for row, group_id in zip(gold, ids, strict=True):
        if any(event_matches(row, e, group_id) for e in by_doc.get(row.doc_id, ())):
            found += 1
        else:
            missed.append(row)
    judged = [e for e in events if any(g.doc_id == e.doc_id for g in gold)]
    unsupported = [e for e in judged
                   if not any(event_matches(g, e, i) for g, i in zip(gold, ids, strict=True))]
    return EventScore(len(gold), found, len(judged), len(judged) - len(unsupported), missed,
                      unsupported)


def corpus_triples(events: Iterable[Event], duplicates: Mapping[str, str | None]) -> set[tuple]:
    """Distinct (group, place, year) triples of the events of documents that are not copies."""
    return {(e.group_id, e.place_id, e.year) for e in events if duplicates.get(e.doc_id) is None}
