"""All candidates of a document's mentions in flat arrays, scored together.

The ranking's document context (``gazetteer.ranking.Ranker.settle``) needs, for every
candidate of every name, the belief the document's *other* names give to its country and
admin-1 unit, and its distance to the places chosen for them.  Doing this for the whole
document in a few numpy operations keeps resolution fast: a typical news article has a
few dozen candidates, where each numpy call costs more than the arithmetic it does, so
the work is arranged for few calls rather than few flops.
"""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

from gazetteer.records import FEATURE_TYPES

if TYPE_CHECKING:
    from gazetteer.pools import Mention
    from gazetteer.ranking import Weights

#: Mean Earth radius (km), as geopy's great_circle uses it.
EARTH_KM = 6371.0088
_COUNTRY = FEATURE_TYPES.index("country")
_ADMIN1 = FEATURE_TYPES.index("admin1")
_NOWHERE = -2
"""A unit number no place has (not even -1, "none"): candidates that are no unit hold
nothing."""


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points on the unit sphere (one row of x, y, z per place) from degrees: the cosine
    of the angle between two places is then their dot product."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)


class DocumentScores:
    """All candidates of a document's mentions in flat arrays, for vectorised scoring."""

    def __init__(self, mentions: list[Mention], context: dict[int, float]) -> None:
        sizes = [len(m.base) for m in mentions]
        ends = list(accumulate(sizes))
        starts = [end - size for end, size in zip(ends, sizes, strict=True)]
        self.starts = np.array(starts)
        self.bounds = list(zip(starts, ends, strict=True))
        self.owner = np.repeat(np.arange(len(mentions)), sizes)
        self.base = np.concatenate([m.base for m in mentions])
        self._mentions, self._sizes, self._context, self._ready = mentions, sizes, context, False

    def _setup(self) -> None:
        """What the context rounds need (left out for a lone name in a text without
        context, which needs only the softmax)."""
        if self._ready:
            return
        self._ready = True
        mentions, sizes = self._mentions, self._sizes
        self.index = np.arange(len(self.base))
        self.xyz = np.concatenate([m.pool.xyz for m in mentions])
        keys = {k: i for i, k in enumerate(dict.fromkeys(m.key for m in mentions))}
        mention_keys = np.array([keys[m.key] for m in mentions])
        self.key = np.repeat(mention_keys, sizes)
        self._share = 1.0 / np.bincount(mention_keys)[self.key]
        units = np.concatenate([m.pool.units for m in mentions])
        country, countries = _compact(units[:, 0])
        region, regions = _compact(units[:, 1])
        extra = np.array([self._context.get(c, 0.0) for c in countries] + [0.0])
        # One row of cells per name: its countries, its provinces, then a dead cell that
        # no vote reaches, which candidates without a country or province read (as 0).
        split, width = max(len(countries), 1), max(len(countries), 1) + max(len(regions), 1) + 1
        row = self.key * width
        has_country, has_region = country >= 0, region >= 0
        country_cell = row + np.where(has_country, country, width - 1)
        region_cell = row + np.where(has_region, split + region, width - 1)
        self._cells = np.concatenate([country_cell[has_country], region_cell[has_region]])
        self._voters = np.concatenate([np.flatnonzero(has_country), np.flatnonzero(has_region)])
        self._read = np.stack([country_cell, region_cell])
        self._shape, self._split = (len(keys), width), split
        self._extra = np.stack(
            [np.where(has_country, extra[country], extra.max()), np.zeros(len(country))]
        )
        self._countryless = None if has_country.all() else ~has_country
        self._own = np.where(mention_keys[None, :] == self.key[:, None], -np.inf, 0.0)
        # The unit a candidate *is* (a country holds the places chosen in its country, a
        # province those in its province; numbers of countries and provinces differ).
        ftype = np.concatenate([m.pool.ftype for m in mentions])
        held = np.where(ftype == _COUNTRY, units[:, 0], np.where(ftype == _ADMIN1, units[:, 1], -1))
        self._units = units
        self._held = None if (held < 0).all() else np.where(held >= 0, held, _NOWHERE)[:, None]

    def softmax(self, score: np.ndarray, temperature: float) -> np.ndarray:
        """Softmax within each mention's candidates."""
        top = np.maximum.reduceat(score, self.starts)[self.owner]
        z = np.exp((score - top) / temperature)
        return z / np.add.reduceat(z, self.starts)[self.owner]

    def support(self, belief: np.ndarray) -> np.ndarray:
        """Country (row 0) and admin-1 (row 1) support of each candidate by the
        document's other names: the belief mass on its own unit from the other names (a
        repeated name's mentions share one vote), plus the context's extra country votes.

        A place in no country (a supra-national region such as Khorasan) fits whatever
        countries the text is about: it gets the best-supported country's support, and the
        best-supported province's (Kashmir the region, where the text names Srinagar and
        Muzaffarabad, is as well supported as India's Jammu and Kashmir)."""
        self._setup()
        per_key = np.bincount(
            self._cells,
            weights=(belief * self._share)[self._voters],
            minlength=self._shape[0] * self._shape[1],
        ).reshape(self._shape)
        others = per_key.sum(axis=0) - per_key
        support = others.ravel()[self._read]
        if self._countryless is not None:
            split = self._split
            best = np.stack([others[:, :split].max(axis=1), others[:, split:-1].max(axis=1)])[
                :, self.key
            ]
            support = np.where(self._countryless, best, support)
        return support + self._extra

    def nearest_other(self, belief: np.ndarray) -> np.ndarray:
        """Distance in km from each candidate to the nearest place chosen for another name
        (great-circle, as geopy's ``great_circle``; inf when there is no other name).

        A country or province is at no distance from a place chosen inside it: its label
        point says nothing of where in it the text's places lie."""
        self._setup()
        top = belief == np.maximum.reduceat(belief, self.starts)[self.owner]
        best = np.minimum.reduceat(np.where(top, self.index, len(belief)), self.starts)
        cosines = self.xyz @ self.xyz[best].T
        if self._held is not None:
            chosen = self._units[best]
            inside = (self._held == chosen[:, 0]) | (self._held == chosen[:, 1])
            cosines = np.where(inside, 1.0, cosines)
        cosines += self._own
        nearest = cosines.max(axis=1)
        return np.where(
            nearest == -np.inf, np.inf, EARTH_KM * np.arccos(np.clip(nearest, -1.0, 1.0))
        )

    def settle(self, weights: Weights) -> tuple[np.ndarray, np.ndarray]:
        """Scores and beliefs after ``weights.rounds`` rounds of context: each round
        reads the other names' beliefs of the round before."""
        w = weights
        belief = self.softmax(self.base, w.temperature)
        ceiling = self.base + (w.country_context + w.admin1_context)
        pull = np.array([w.country_context, w.admin1_context])
        score = self.base
        for _round in range(w.rounds):
            score = (
                ceiling
                - pull @ np.exp(-self.support(belief))
                + w.closeness * np.exp(self.nearest_other(belief) * (-1.0 / w.closeness_km))
            )
            belief = self.softmax(score, w.temperature)
        return score, belief


def _compact(ids: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Renumber ids 0..n-1 (keeping -1), and the original id of each new number."""
    numbers: dict[int, int] = {}
    out = [numbers.setdefault(i, len(numbers)) if i >= 0 else -1 for i in ids.tolist()]
    return np.array(out, dtype=np.int64), list(numbers)
