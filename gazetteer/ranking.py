"""Scoring of candidate places: priors, cues and the document's context.

Each span's candidates get a prior (feature type, population, own or alternate name) plus
the bonus of the cues around the span (``gazetteer.cues``).  The document then votes:
every distinct name spreads its belief over the countries and admin-1 units its
candidates lie in, and candidates in the countries/provinces the document is about, or
close to the places chosen for its other names, gain.  Two rounds settle most documents.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from gazetteer.cues import COARSE, PLAIN, TYPE_GROUPS, Cues, SpanCues
from gazetteer.document import DocumentScores
from gazetteer.holders import Holders
from gazetteer.index import Gazetteer
from gazetteer.normalize import fold
from gazetteer.pools import Mention, Pool, Pools
from gazetteer.records import FEATURE_TYPES

_COARSE = np.array([t in COARSE for t in FEATURE_TYPES])
_ACRONYM_CITY_POPULATION = 1_000_000
_LIST_KINDS = frozenset({FEATURE_TYPES.index("country"), FEATURE_TYPES.index("admin1")})
#: Kinds of place for one sense per text: towns, admin units, or each other type alone.
_KIND = np.array(
    [
        "town" if t in ("city", "locality") else "unit" if t in ("admin1", "admin2") else t
        for t in FEATURE_TYPES
    ]
)


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
    country_cue: float = 1.5
    container: float = 0.7
    container_country: float = 0.4
    within: float = 0.5
    within_country: float = 0.3
    list_kind: float = 0.3
    contained: float = 0.45
    country_context: float = 0.45
    admin1_context: float = 0.45
    closeness: float = 0.4
    closeness_km: float = 200.0
    demonym: float = 0.5
    country_hint: float = 1.5
    temperature: float = 0.15
    inner_name: float = -0.3
    max_candidates: int = 40
    lonely_population: int = 30_000
    """A town smaller than this, in a country no other name of the text lies in, ..."""
    lonely_elsewhere: int = 3
    """... while at least this many of its names lie elsewhere, is a namesake's guess."""
    rounds: int = 2


class Ranker:
    """Reads a span's candidates in the light of its cues, and settles a document's
    mentions together."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues, weights: Weights) -> None:
        """Score against ``gazetteer`` with ``cues`` and ``weights``."""
        self.gazetteer, self.cues, self.weights = gazetteer, cues, weights
        self.pools = Pools(gazetteer, weights)
        self.holders = Holders(self.pools)
        self._spans: dict[str | tuple[str, SpanCues], tuple[str, Pool, np.ndarray] | None] = {}

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
                self.pools.make(np.array(rows[:1], dtype=np.int64), np.ones(len(rows[:1])))
                if rows
                else None
            )
        return self.demonym(key)

    def demonym(self, key: str) -> Pool | None:
        """The country, continent or region a demonym stands for ("pakistani",
        "europeans", "kurdish")."""
        demonyms = self.cues.demonyms()
        value = demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)
        if value is None:
            return None
        # A place id ("gn:6255148", "sup:kurdistan") or a country code ("PK").
        row = self.gazetteer.row_of(value) if ":" in value else self.gazetteer.country_row(value)
        if row is None:
            return None
        return self.pools.make(
            np.array([row], dtype=np.int64), np.array([self.weights.demonym_prior])
        )

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
        pool = self.pools.get(key)
        types = set(cues.types)
        split = self.cues.unit_word(key)
        if split is not None:
            head = self.pools.get(split[0])
            types |= TYPE_GROUPS.get(split[1], frozenset())
            known = set(pool.rows.tolist())
            extra = [i for i, r in enumerate(head.rows.tolist()) if r not in known]
            if extra:
                # A place that holds only the head ("Rasht", a city in Iran) is less likely
                # than one holding the whole name ("Rasht Valley", in Tajikistan).
                pool = self.pools.make(
                    np.concatenate([pool.rows, head.rows[extra]]),
                    np.concatenate([pool.prior, head.prior[extra] + w.derived_name]),
                    np.concatenate([pool.relief, head.relief[extra]]),
                )
        demonym = self.demonym(key) if len(pool.rows) else None
        if demonym is not None and demonym.rows[0] not in set(pool.rows.tolist()):
            # "Canadian" is also a town in Texas: the country competes with it.
            pool = self.pools.make(
                np.concatenate([pool.rows, demonym.rows]),
                np.concatenate([pool.prior, demonym.prior]),
                np.concatenate([pool.relief, demonym.relief]),
            )
        if len(pool.rows) == 0 or surface in self.cues.by_kind["abbreviation"]:
            # "Pa." is Pennsylvania, not Pa in China; a name nobody has may be a demonym.
            pool = self.special(surface, key)
            if pool is None:
                return None
        if cues.within and self.holders.outside(pool, cues.within):
            return None
        if cues.possessor and self.holders.prominent(cues.possessor):
            # "Dhaka's Gulshan area": none of Gulshan's candidates is in Dhaka.
            if self.holders.outside(pool, cues.possessor):
                return None
            cues = replace(cues, countries=cues.countries | {f"name:{cues.possessor}"})
        if len(key) <= 3 and surface.isupper():
            # An acronym ("EU", "KP") names a country, province or region, or a city of a
            # million people ("NYC"), never a village spelled alike ("Eu", Normandy).
            coarse = _COARSE[pool.ftype] | (
                self.gazetteer.population[pool.rows] >= _ACRONYM_CITY_POPULATION
            )
            if not coarse.any():
                return None
            pool = self.pools.subset(pool, coarse)
        base = pool.prior + self._cue_bonus(cues, types, pool)
        base.flags.writeable = False
        if len(base) > 1:
            # Context adds at most this much: candidates further behind cannot win.
            reach = w.country_context + w.admin1_context + w.closeness
            keep = base >= base.max() - reach
            if not keep.all():
                pool, base = self.pools.subset(pool, keep), base[keep]
        return key, pool, base

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
                codes |= self.holders.codes(name, container=True)[0]
            bonus = bonus + w.country_cue * np.array(
                [r[0] in codes for r in self.pools.regions(pool)]
            )
        if cues.container or cues.container_admin1:
            countries, units = (
                self.holders.codes(cues.container, container=True)
                if cues.container
                else (set(), set())
            )
            if cues.container_admin1:
                countries.add(cues.container_admin1[0])
                units.add(cues.container_admin1)
            # "Hyderabad, India" names the country as plainly as "Parkland, Florida" names
            # the state: a container that is only a country counts as much as a unit.
            in_country = w.container_country if units else w.container
            bonus = bonus + self.holders.held(pool, countries, units, w.container, in_country)
        if cues.mates:
            kinds = set()
            for mate in cues.mates:
                mates = self.pools.get(fold(mate))
                if len(mates.rows):
                    kinds.add(int(mates.ftype[int(np.argmax(mates.prior))]))
            if len(kinds) == 1 and kinds <= _LIST_KINDS:
                # Its list mates are provinces (or countries): so is it, most likely.
                bonus = bonus + w.list_kind * (pool.ftype == kinds.pop())
        if cues.within:
            countries, units = self.holders.codes(cues.within, coarse=True)
            bonus = bonus + self.holders.held(pool, countries, units, w.within, w.within_country)
        if cues.contained:
            countries, units = self.holders.codes(cues.contained)
            held = self.holders.held(pool, countries, units, 1.0, 0.5)
            bonus = bonus + w.contained * _COARSE[pool.ftype] * held
        return bonus

    def settle(self, mentions: list[Mention], context: dict[str, float]) -> None:
        """Score every mention in the light of the others, all candidates of the document
        at once (``context``: extra country votes, e.g. from demonyms in the text)."""
        w = self.weights
        if not mentions:
            return
        doc = DocumentScores(mentions, {self.pools.unit(c): v for c, v in context.items()})
        if len(mentions) > 1 or context:
            score, belief = doc.settle(w)
        else:
            score, belief = doc.base, doc.softmax(doc.base, w.temperature)
        for m, (a, b) in zip(mentions, doc.bounds, strict=True):
            m.score, m.belief = score[a:b], belief[a:b]
        _one_sense(mentions)


def _one_sense(mentions: list[Mention]) -> None:
    """Bare mentions of a name take the answer its cued mentions agree on ("Parkland,
    Florida" ... "the Parkland students"): a text means one town by one name.  Cued
    mentions that disagree ("Hyderabad, India" and "Hyderabad, Sindh") leave the bare
    ones to the context, and so does a cue to another kind of place ("Khost province")."""
    if len({m.key for m in mentions}) == len(mentions):
        return  # no name with mentions of different cues: nothing to carry over
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    for same in by_key.values():
        if len(same) < 2:
            continue
        bare = [m for m in same if np.array_equal(m.base, m.pool.prior)]
        cued = [m for m in same if not np.array_equal(m.base, m.pool.prior)]
        if not bare or len({int(m.pool.rows[m.belief.argmax()]) for m in cued}) != 1:
            continue
        best = max(cued, key=lambda m: float(m.belief.max()))
        top = int(best.belief.argmax())
        answer, kind = int(best.pool.rows[top]), _KIND[best.pool.ftype[top]]
        where = {row: i for i, row in enumerate(best.pool.rows.tolist())}
        for m in bare:
            if answer not in m.pool.rows or _KIND[m.pool.ftype[m.belief.argmax()]] != kind:
                # A province named beside its town ("Khost province ... in Khost") is
                # another place of the same name: only a namesake of one kind follows.
                continue
            # The cued beliefs carry over; candidates the cues left out get none.
            at = np.array([where.get(row, -1) for row in m.pool.rows.tolist()])
            known = at >= 0
            m.belief = np.where(known, best.belief[at], 0.0)
            m.score = np.where(known, best.score[at], m.score)
