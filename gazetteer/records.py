"""Typed records the gazetteer hands out: places, ranked candidates and resolutions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FeatureType = Literal[
    "country", "admin1", "admin2", "city", "locality", "region", "landmark", "physical"
]

#: Coarse to fine, so a place's precision can be compared and filtered on.
FEATURE_TYPES: tuple[FeatureType, ...] = (
    "region",
    "country",
    "admin1",
    "admin2",
    "physical",
    "city",
    "locality",
    "landmark",
)


@dataclass(frozen=True, slots=True)
class Place:
    """One entry of the gazetteer.

    ``place_id`` is ``gn:<geonameid>`` for anything taken from GeoNames (countries,
    admin-1 and admin-2 units and populated places alike) and ``sup:<slug>`` for the
    curated supplement, so ids are stable across rebuilds.  A name the index lacks that
    the text places inside one of these is ``in:<holder id>:<folded name>``, at its
    holder's point and with its feature type (``gazetteer.located``); an online answer's
    id is ``osm:...``.
    """

    place_id: str
    name: str
    lat: float
    lon: float
    feature_type: FeatureType
    country_code: str | None = None
    admin1: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place considered for a name, with the resolver's score in [0, 1]."""

    place: Place
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place chosen for the span ``text[start:end]``, with the runners-up."""

    start: int
    end: int
    text: str
    place: Place
    score: float
    alternatives: tuple[Candidate, ...] = ()
    online: bool = False
