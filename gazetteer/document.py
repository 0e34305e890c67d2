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

if TYPE_CHECKING:
    from gazetteer.pools import Mention

_EARTH_KM = 6371.0088


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
        self.repeats = np.bincount(mention_keys)[self.key]
        units = np.concatenate([m.pool.units for m in mentions])
        self.country, countries = _compact(units[:, 0])
        self.region, regions = _compact(units[:, 1])
        self.extra = np.array([self._context.get(c, 0.0) for c in countries] + [0.0])
        self.keys = len(keys)
        # Fixed across rounds: where each candidate's votes go (its country's and its
        # province's cells side by side, one bincount for both), and which chosen places
        # belong to its own name (a name is never its own context).
        self._country_valid, self._region_valid = self.country >= 0, self.region >= 0
        self._countryless = ~self._country_valid
        self._split = max(len(countries), 1)
        self._width = self._split + max(len(regions), 1)
        row = self.key * self._width
        self._country_cell = row + np.where(self._country_valid, self.country, 0)
        self._region_cell = row + self._split + np.where(self._region_valid, self.region, 0)
        self._cells = np.concatenate(
            [self._country_cell[self._country_valid], self._region_cell[self._region_valid]]
        )
        self._voters = np.concatenate(
            [np.flatnonzero(self._country_valid), np.flatnonzero(self._region_valid)]
        )
        self._own_extra = np.where(self._country_valid, self.extra[self.country], self.extra.max())
        self._own = mention_keys[None, :] == self.key[:, None]

    def softmax(self, score: np.ndarray, temperature: float) -> np.ndarray:
        """Softmax within each mention's candidates."""
        top = np.maximum.reduceat(score, self.starts)[self.owner]
        z = np.exp((score - top) / temperature)
        return z / np.add.reduceat(z, self.starts)[self.owner]

    def context(self, belief: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Country and admin-1 support of each candidate by the document's other names:
        the belief mass on its own unit from the other names (a repeated name's mentions
        share one vote).

        A place in no country (a supra-national region such as Khorasan) fits whatever
        countries the text is about: it gets the best-supported country's support, and the
        best-supported province's (Kashmir the region, where the text names Srinagar and
        Muzaffarabad, is as well supported as India's Jammu and Kashmir)."""
        self._setup()
        per_key = np.bincount(
            self._cells,
            weights=(belief / self.repeats)[self._voters],
            minlength=self.keys * self._width,
        ).reshape(self.keys, self._width)
        others = per_key.sum(axis=0) - per_key
        flat, split = others.ravel(), self._split
        # Cells of a missing unit are 0 in every row but the first unit's: mask them.
        support = np.where(self._country_valid, flat[self._country_cell], 0.0)
        region = np.where(self._region_valid, flat[self._region_cell], 0.0)
        best = others[:, :split].max(axis=1)[self.key]
        best_region = others[:, split:].max(axis=1)[self.key]
        countryless = self._countryless
        return (
            np.where(countryless, best, support) + self._own_extra,
            np.where(countryless, best_region, region),
        )

    def nearest_other(self, belief: np.ndarray) -> np.ndarray:
        """Distance in km from each candidate to the nearest place chosen for another name
        (great-circle, as geopy's ``great_circle``; inf when there is no other name)."""
        self._setup()
        top = belief == np.maximum.reduceat(belief, self.starts)[self.owner]
        best = np.minimum.reduceat(np.where(top, self.index, len(belief)), self.starts)
        cosines = self.xyz @ self.xyz[best].T
        cosines[self._own] = -np.inf
        nearest = cosines.max(axis=1)
        # The chord's half-angle from the cosine: sin²(θ/2) = (1 - cos θ) / 2.
        half = np.sqrt(np.clip((1.0 - nearest) * 0.5, 0.0, 1.0))
        return np.where(nearest == -np.inf, np.inf, 2 * _EARTH_KM * np.arcsin(half))


def _compact(ids: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Renumber ids 0..n-1 (keeping -1), and the original id of each new number."""
    numbers: dict[int, int] = {}
    out = [numbers.setdefault(i, len(numbers)) if i >= 0 else -1 for i in ids.tolist()]
    return np.array(out, dtype=np.int64), list(numbers)
