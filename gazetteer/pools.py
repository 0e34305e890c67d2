"""Candidate pools: every place a folded name can stand for, with its prior.

The prior is what an analyst knows of a place before reading the text around its name:
its feature type and population, whether it is a capital or a curated entry, and how it
bears the name (its own, an alternate, one derived by dropping a unit word, or its
province's name shared with its main town).  Pools are made with numpy alone, from
columns computed once per index, and cached per name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from gazetteer.document import unit_vectors
from gazetteer.index import ALTERNATE, DERIVED, Gazetteer
from gazetteer.namesakes import NAMESAKE_UNIT, UNIT_CITY, unit_numbers
from gazetteer.records import FEATURE_TYPES

if TYPE_CHECKING:
    from gazetteer.ranking import Weights

_TYPE_PRIOR = {
    "country": 1.0,
    "admin1": 0.75,
    "region": 0.8,
    "physical": 0.6,
    "landmark": 0.55,
    "city": 0.35,
    "admin2": 0.2,
    "locality": 0.0,
}
#: Feature-type prior, indexed like ``FEATURE_TYPES``.
TYPE_PRIOR = np.array([_TYPE_PRIOR[t] for t in FEATURE_TYPES])
_UNPEOPLED = np.array([t in ("region", "physical") for t in FEATURE_TYPES])


@dataclass(frozen=True)
class Pool:
    """The candidates of one folded name, with what scoring needs of them."""

    rows: np.ndarray
    prior: np.ndarray
    ftype: np.ndarray
    xyz: np.ndarray
    """Unit vectors of the candidates (``gazetteer.document.unit_vectors``)."""
    units: np.ndarray
    """(country, admin-1) ids per candidate (-1: none), numbered by the ranker."""
    relief: np.ndarray
    """Penalties a matching type cue lifts: a name derived by dropping the unit word
    ("Hyderabad District" -> "Hyderabad") or shared with the unit's own town."""


@dataclass
class Mention:
    """Spans sharing a name and cues: scored once, answered for each span."""

    key: str
    pool: Pool
    base: np.ndarray
    spans: list[int] = field(default_factory=list)
    score: np.ndarray = field(default_factory=lambda: np.zeros(0))
    belief: np.ndarray = field(default_factory=lambda: np.zeros(0))


class Pools:
    """Builds candidate pools and caches them per folded name."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights) -> None:
        """Pools of ``gazetteer`` places, with priors weighed by ``weights``."""
        self.gazetteer, self.weights = gazetteer, weights
        self._pools: dict[str, Pool] = {}
        # Per row of the index, once: its country and (country, admin-1) numbers (-1:
        # none) and whether it is curated, so that pools are made with numpy alone.
        codes, admin1 = gazetteer.columns()
        count = len(codes)
        country_of, region_of, units = unit_numbers(codes, admin1)
        self._row_units = np.stack([country_of, region_of], axis=1)
        self._units, self._next_unit = units, len(units)
        self._curated = np.fromiter((i.startswith("sup:") for i in gazetteer.ids), bool, count)
        self._xyz = unit_vectors(gazetteer.lat, gazetteer.lon)
        # Priors of every posting at once: a name's pool then slices them.
        self._rows, self._posting_prior, self._posting_relief = self._posting_priors()
        self._posting_prior.flags.writeable = self._posting_relief.flags.writeable = False

    def get(self, key: str) -> Pool:
        """The candidates of a folded name (cached)."""
        cached = self._pools.get(key)
        if cached is None:
            found = self.gazetteer.slice_of(key)
            if found.start == found.stop and key.startswith("the "):
                found = self.gazetteer.slice_of(key[4:])
            cached = self.make(
                self._rows[found], self._posting_prior[found], self._posting_relief[found]
            )
            self._pools[key] = cached
        return cached

    def make(self, rows: np.ndarray, prior: np.ndarray, relief: np.ndarray | None = None) -> Pool:
        """A pool of ``rows`` with their priors (at most ``max_candidates``, the best)."""
        gaz, w = self.gazetteer, self.weights
        relief = np.zeros(len(rows)) if relief is None else relief
        if len(rows) > w.max_candidates:
            keep = np.argsort(-prior, kind="stable")[: w.max_candidates]
            rows, prior, relief = rows[keep], prior[keep], relief[keep]
        return Pool(
            rows,
            prior,
            gaz.ftype[rows],
            self._xyz[rows],
            self._row_units[rows],
            relief,
        )

    def unit(self, unit: str | tuple[str, str]) -> int:
        """A stable number for a country code or a (country, admin-1) pair."""
        number = self._units.get(unit)
        if number is None:
            number = self._units[unit] = self._next_unit
            self._next_unit += 1
        return number

    def regions(self, pool: Pool) -> list[tuple[str, str]]:
        """(country, admin-1) of each candidate ("" when it has none)."""
        gaz = self.gazetteer
        return [(gaz.country_of(r), gaz.admin1_of(r)) for r in pool.rows.tolist()]

    def _posting_priors(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every posting's place row, prior score, and the part of it a type cue may lift.

        A unit sharing its name with a town in it (Kabul province, Kabul) is lowered: the
        bare name usually means the town; a city's alternate name that is its own unit's
        name is as good as its own name ("New York"), and a town known by its country's
        name ("Mexico" for Mexico City) is ranked like such a unit (``gazetteer.namesakes``
        flags, computed by the build); a cue ("province", "the city of") says otherwise."""
        w = self.weights
        rows, kinds, flags = self.gazetteer.postings()
        units, cities = (flags & NAMESAKE_UNIT) > 0, (flags & UNIT_CITY) > 0
        penalty = w.derived_name * (kinds == DERIVED) + w.namesake_unit * units
        prior = (
            self._place_priors()[rows]
            + w.alternate_name * ((kinds == ALTERNATE) & ~cities)
            + penalty
        )
        return rows, prior, -penalty

    def _place_priors(self) -> np.ndarray:
        """The part of the prior that depends on the place alone, for every row."""
        gaz, w = self.gazetteer, self.weights
        pop = np.clip(np.log10(gaz.population + 1.0) / 7.0, 0.0, 1.0)
        # Regions and physical features have no population in the data: they are not
        # small for it, so they get the population term of a middling admin unit.
        pop = np.where(_UNPEOPLED[gaz.ftype], w.unpeopled, pop)
        return (
            TYPE_PRIOR[gaz.ftype]
            + w.population * pop
            + w.capital * gaz.capital
            + w.curated * self._curated
        )

    @staticmethod
    def subset(pool: Pool, keep: np.ndarray) -> Pool:
        """The candidates of ``pool`` where ``keep`` is true."""
        return Pool(
            pool.rows[keep],
            pool.prior[keep],
            pool.ftype[keep],
            pool.xyz[keep],
            pool.units[keep],
            pool.relief[keep],
        )
