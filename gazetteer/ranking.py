"""Scoring of candidate places: priors, cues and the document's context.

Each span's candidates get a prior (feature type, population, own or alternate name) plus
the bonus of the cues around the span (``gazetteer.cues``).  The document then votes:
every distinct name spreads its belief over the countries and admin-1 units its
candidates lie in, and candidates in the countries/provinces the document is about, or
close to the places chosen for its other names, gain.  Two rounds settle most documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gazetteer.cues import COARSE, PLAIN, TYPE_GROUPS, Cues, SpanCues
from gazetteer.document import DocumentScores, unit_vectors
from gazetteer.index import ALTERNATE, DERIVED, PRIMARY, Gazetteer
from gazetteer.normalize import fold
from gazetteer.records import FEATURE_TYPES

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
_COARSE = np.array([t in COARSE for t in FEATURE_TYPES])
_TOWN = np.array([t in ("city", "locality") for t in FEATURE_TYPES])
_UNIT = np.array([t in ("admin1", "admin2") for t in FEATURE_TYPES])
_CITY = FEATURE_TYPES.index("city")
_COUNTRY = FEATURE_TYPES.index("country")
_UNPEOPLED = np.array([t in ("region", "physical") for t in FEATURE_TYPES])


def _among(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``np.isin`` for the few candidates of a name (broadcasting is faster there)."""
    return (values[:, None] == wanted[None, :]).any(axis=1)


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts (tuned on LGL/GeoWebNews as a whole)."""

    population: float = 0.5
    unpeopled: float = 0.5
    capital: float = 0.6
    curated: float = 0.3
    alternate_name: float = -0.15
    derived_name: float = -0.35
    namesake_unit: float = -0.45
    demonym_prior: float = 0.9
    type_cue: float = 0.7
    other_type: float = -0.25
    coarse_cue: float = 0.35
    country_cue: float = 0.8
    container: float = 0.7
    container_country: float = 0.4
    contained: float = 0.45
    country_context: float = 0.45
    admin1_context: float = 0.45
    closeness: float = 0.4
    closeness_km: float = 200.0
    demonym: float = 0.5
    country_hint: float = 1.5
    temperature: float = 0.15
    max_candidates: int = 40
    rounds: int = 2


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


class Ranker:
    """Builds candidate pools (cached per name) and settles a document's mentions."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues, weights: Weights) -> None:
        """Score against ``gazetteer`` with ``cues`` and ``weights``."""
        self.gazetteer, self.cues, self.weights = gazetteer, cues, weights
        self._pools: dict[str, Pool] = {}
        self._spans: dict[str | tuple[str, SpanCues], tuple[str, Pool, np.ndarray] | None] = {}
        # Per row of the index, once: its country and (country, admin-1) numbers (-1:
        # none) and whether it is curated, so that pools are made with numpy alone.
        codes, admin1 = gazetteer.columns()
        count = len(codes)
        units: dict[str | tuple[str, str], int] = {}
        country_of = np.fromiter(
            (units.setdefault(c, len(units)) if c else -1 for c in codes), np.int64, count
        )
        region_of = np.fromiter(
            (
                units.setdefault((c, a), len(units)) if c and a else -1
                for c, a in zip(codes, admin1, strict=True)
            ),
            np.int64,
            count,
        )
        self._row_units = np.stack([country_of, region_of], axis=1)
        self._units, self._next_unit = units, len(units)
        self._curated = np.fromiter((i.startswith("sup:") for i in gazetteer.ids), bool, count)
        self._place_prior = self._place_priors()
        self._xyz = unit_vectors(gazetteer.lat, gazetteer.lon)

    def pool(self, key: str) -> Pool:
        """The candidates of a folded name (cached)."""
        cached = self._pools.get(key)
        if cached is None:
            rows, kinds = self.gazetteer.lookup(key)
            if not len(rows) and key.startswith("the "):
                rows, kinds = self.gazetteer.lookup(key[4:])
            cached = self._make_pool(rows, *self._prior(rows, kinds))
            self._pools[key] = cached
        return cached

    def _make_pool(
        self, rows: np.ndarray, prior: np.ndarray, relief: np.ndarray | None = None
    ) -> Pool:
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

    def _unit(self, unit: str | tuple[str, str]) -> int:
        """A stable number for a country code or a (country, admin-1) pair."""
        number = self._units.get(unit)
        if number is None:
            number = self._units[unit] = self._next_unit
            self._next_unit += 1
        return number

    def _regions(self, pool: Pool) -> list[tuple[str, str]]:
        """(country, admin-1) of each candidate ("" when it has none)."""
        gaz = self.gazetteer
        return [(gaz.country_of(r), gaz.admin1_of(r)) for r in pool.rows.tolist()]

    def _prior(self, rows: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Prior scores of candidates, and the part of them a type cue may lift."""
        w = self.weights
        units, cities = self._namesakes(rows, kinds)
        penalty = w.derived_name * (kinds == DERIVED) + w.namesake_unit * units
        prior = (
            self._place_prior[rows] + w.alternate_name * ((kinds == ALTERNATE) & ~cities) + penalty
        )
        return prior, -penalty

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

    def _namesakes(self, rows: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Admin units sharing their name with a town in them (Kabul province, Kabul;
        New York state, New York City): the bare name usually means the town, and a
        city's alternate name that is its own unit's name is as good as its own name
        ("New York"), while a town known by its country's name ("Mexico" for Mexico
        City) is ranked like such a unit; a cue ("province", "the city of") says otherwise."""
        if len(rows) < 2:
            return np.zeros(len(rows), dtype=bool), np.zeros(len(rows), dtype=bool)
        ftype, region = self.gazetteer.ftype[rows], self._row_units[rows, 1]
        known = region >= 0
        towns = (_TOWN[ftype] & (kinds == PRIMARY)) | ((ftype == _CITY) & (kinds == ALTERNATE))
        units = _UNIT[ftype] & known & _among(region, region[towns & known])
        named = region[units & (kinds == PRIMARY)]
        cities = (ftype == _CITY) & (kinds == ALTERNATE) & known & _among(region, named)
        # A town known by its country's name ("Mexico" for Mexico City) is the country.
        country = self._row_units[rows, 0]
        nations = country[(ftype == _COUNTRY) & (kinds == PRIMARY)]
        units |= _TOWN[ftype] & (kinds == ALTERNATE) & (country >= 0) & _among(country, nations)
        return units, cities

    def special(self, surface: str, key: str) -> Pool | None:
        """A state abbreviation ("Va.") or a demonym ("Pakistani") standing for a place."""
        gaz = self.gazetteer
        abbreviations = self.cues.by_kind["abbreviation"]
        unit = abbreviations.get(surface) or abbreviations.get(surface.replace(" ", ""))
        if unit:
            country, _, admin1 = unit.partition("|")
            admin = FEATURE_TYPES.index("admin1")
            rows = [
                h.row
                for h in gaz.hits(fold(admin1))
                if gaz.ftype[h.row] == admin and gaz.country_of(h.row) == country
            ]
            return (
                self._make_pool(np.array(rows[:1], dtype=np.int64), np.ones(len(rows[:1])))
                if rows
                else None
            )
        return self.demonym(key)

    def demonym(self, key: str) -> Pool | None:
        """The country or continent a demonym stands for ("pakistani", "europeans")."""
        demonyms = self.cues.demonyms()
        value = demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)
        if value is None:
            return None
        row = (
            self.gazetteer.row_of(value)
            if value.startswith("gn:")
            else self.gazetteer.country_row(value)
        )
        if row is None:
            return None
        return self._make_pool(
            np.array([row], dtype=np.int64), np.array([self.weights.demonym_prior])
        )

    def codes(self, name: str) -> tuple[set[str], set[tuple[str, str]]]:
        """Countries and (country, admin-1) units a name can stand for or lie in."""
        regions = self._regions(self.pool(fold(name)))
        return {r[0] for r in regions if r[0]}, {r for r in regions if r[0] and r[1]}

    def candidates(self, surface: str, cues: SpanCues) -> tuple[str, Pool, np.ndarray] | None:
        """The key, pool and cue-adjusted base scores of a span, or None if unknown
        (cached per surface and cues: names repeat within and across documents)."""
        # Most spans have no cue: the surface alone is the key (no hashing of the cues).
        label = surface if cues is PLAIN else (surface, cues)
        cached = self._spans.get(label, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        found = self._candidates(surface, cues)
        if len(self._spans) < 100_000:
            self._spans[label] = found
        return found

    def _candidates(self, surface: str, cues: SpanCues) -> tuple[str, Pool, np.ndarray] | None:
        key = fold(surface)
        if (
            not key
            or self.cues.is_group_name(key)
            or key.removeprefix("the ") in self.cues.by_kind["direction"]
        ):
            # A bare compass word ("the North", "Western") is a direction, not Ghana's
            # Western Region.
            return None
        w = self.weights
        pool = self.pool(key)
        types = set(cues.types)
        split = self.cues.unit_word(key)
        if split is not None:
            head = self.pool(split[0])
            types |= TYPE_GROUPS.get(split[1], frozenset())
            known = set(pool.rows.tolist())
            extra = [i for i, r in enumerate(head.rows.tolist()) if r not in known]
            if extra:
                pool = self._make_pool(
                    np.concatenate([pool.rows, head.rows[extra]]),
                    np.concatenate([pool.prior, head.prior[extra]]),
                    np.concatenate([pool.relief, head.relief[extra]]),
                )
        demonym = self.demonym(key) if len(pool.rows) else None
        if demonym is not None and demonym.rows[0] not in set(pool.rows.tolist()):
            # "Canadian" is also a town in Texas: the country competes with it.
            pool = self._make_pool(
                np.concatenate([pool.rows, demonym.rows]),
                np.concatenate([pool.prior, demonym.prior]),
                np.concatenate([pool.relief, demonym.relief]),
            )
        if len(pool.rows) == 0 or surface in self.cues.by_kind["abbreviation"]:
            # "Pa." is Pennsylvania, not Pa in China; a name nobody has may be a demonym.
            pool = self.special(surface, key)
            if pool is None:
                return None
        if len(key) <= 3 and surface.isupper():
            # An acronym ("EU", "KP") names a country, province or region, never a
            # village that happens to be spelled alike ("Eu", Normandy).
            coarse = _COARSE[pool.ftype]
            if not coarse.any():
                return None
            pool = self._subset(pool, coarse)
        base = pool.prior + self._cue_bonus(cues, types, pool)
        base.flags.writeable = False
        if len(base) > 1:
            # Context adds at most this much: candidates further behind cannot win.
            reach = w.country_context + w.admin1_context + w.closeness
            keep = base >= base.max() - reach
            if not keep.all():
                pool, base = self._subset(pool, keep), base[keep]
        return key, pool, base

    @staticmethod
    def _subset(pool: Pool, keep: np.ndarray) -> Pool:
        return Pool(
            pool.rows[keep],
            pool.prior[keep],
            pool.ftype[keep],
            pool.xyz[keep],
            pool.units[keep],
            pool.relief[keep],
        )

    def _cue_bonus(self, cues: SpanCues, types: set[str], pool: Pool) -> np.ndarray | float:
        w = self.weights
        bonus: np.ndarray | float = 0.0
        if types:
            wanted = np.array([FEATURE_TYPES[t] in types for t in pool.ftype.tolist()])
            bonus = bonus + np.where(wanted, w.type_cue + pool.relief, w.other_type)
        if cues.coarse:
            bonus = bonus + w.coarse_cue * _COARSE[pool.ftype]
        if cues.countries:
            codes = {c for c in cues.countries if not c.startswith("name:")}
            for name in (c[5:] for c in cues.countries if c.startswith("name:")):
                codes |= self.codes(name)[0]
            bonus = bonus + w.country_cue * np.array([r[0] in codes for r in self._regions(pool)])
        if cues.container or cues.container_admin1:
            countries, units = self.codes(cues.container) if cues.container else (set(), set())
            if cues.container_admin1:
                countries.add(cues.container_admin1[0])
                units.add(cues.container_admin1)
            bonus = bonus + np.array(
                [
                    w.container if r in units else w.container_country if r[0] in countries else 0.0
                    for r in self._regions(pool)
                ]
            )
        if cues.contained:
            countries, units = self.codes(cues.contained)
            bonus = bonus + w.contained * _COARSE[pool.ftype] * np.array(
                [
                    1.0 if r in units else 0.5 if r[0] in countries else 0.0
                    for r in self._regions(pool)
                ]
            )
        return bonus

    def settle(self, mentions: list[Mention], context: dict[str, float]) -> None:
        """Score every mention in the light of the others, all candidates of the document
        at once (``context``: extra country votes, e.g. from demonyms in the text)."""
        w = self.weights
        if not mentions:
            return
        doc = DocumentScores(mentions, {self._unit(c): v for c, v in context.items()})
        belief = doc.softmax(doc.base, w.temperature)
        score = doc.base
        if len(mentions) > 1 or context:
            for _round in range(w.rounds):
                cctx, rctx = doc.context(belief)
                score = (
                    doc.base
                    + w.country_context * (1.0 - np.exp(-cctx))
                    + w.admin1_context * (1.0 - np.exp(-rctx))
                    + w.closeness * np.exp(-doc.nearest_other(belief) / w.closeness_km)
                )
                belief = doc.softmax(score, w.temperature)
        for m, (a, b) in zip(mentions, doc.bounds, strict=True):
            m.score, m.belief = score[a:b], belief[a:b]
