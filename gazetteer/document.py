"""All candidates of a document's mentions in flat arrays, scored together.

The ranking's document context (``gazetteer.ranking.Ranker.settle``) needs, for every
candidate of every name, the belief the document's *other* names give to its country and
admin-1 unit, and its distance to the places chosen for them.  Doing this for the whole
document in a few numpy operations keeps resolution fast.
"""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from gazetteer.ranking import Mention

_EARTH_KM = 6371.0088


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
        mentions, context, sizes = self._mentions, self._context, self._sizes
        self.index = np.arange(len(self.base))
        self.lat = np.radians(np.concatenate([m.pool.lat for m in mentions]))
        self.lon = np.radians(np.concatenate([m.pool.lon for m in mentions]))
        keys = {k: i for i, k in enumerate(dict.fromkeys(m.key for m in mentions))}
        mention_keys = np.array([keys[m.key] for m in mentions])
        self.key = np.repeat(mention_keys, sizes)
        self.repeats = np.bincount(mention_keys)[self.key]
        units = np.concatenate([m.pool.units for m in mentions])
        self.country, countries = _compact(units[:, 0])
        self.region, _regions = _compact(units[:, 1])
        self.extra = np.array([context.get(c, 0.0) for c in countries] + [0.0])
        self.keys = len(keys)
        # Fixed across rounds: where each candidate's votes go (its country's and its
        # province's cells side by side, one bincount for both), and which chosen places
        # belong to its own name (a name is never its own context).
        self._country_valid, self._region_valid = self.country >= 0, self.region >= 0
        self._split = max(len(countries), 1)
        self._width = self._split + max(len(_regions), 1)
        row = self.key * self._width
        self._country_cell = row + np.where(self._country_valid, self.country, 0)
        self._region_cell = row + self._split + np.where(self._region_valid, self.region, 0)
        self._cells = np.concatenate(
            [self._country_cell[self._country_valid], self._region_cell[self._region_valid]]
        )
        self._voters = np.concatenate(
            [np.flatnonzero(self._country_valid), np.flatnonzero(self._region_valid)]
        )
        self._extra_best = self.extra.max()
        self._own = mention_keys[None, :] == self.key[:, None]
        self._cos = np.cos(self.lat)
        self._lat_column, self._lon_column = self.lat[:, None], self.lon[:, None]
        self._cos_column = self._cos[:, None]

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
        others = per_key.sum(axis=0)[None, :] - per_key
        flat, split = others.ravel(), self._split
        support = np.where(self._country_valid, flat[self._country_cell], 0.0)
        region = np.where(self._region_valid, flat[self._region_cell], 0.0)
        best = others[:, :split].max(axis=1)[self.key]
        best_region = others[:, split:].max(axis=1)[self.key]
        cctx = np.where(
            self.country < 0, best + self._extra_best, support + self.extra[self.country]
        )
        return cctx, np.where(self.country < 0, best_region, region)

    def nearest_other(self, belief: np.ndarray) -> np.ndarray:
        """Distance in km from each candidate to the nearest place chosen for another name
        (haversine, as geopy's ``great_circle``)."""
        self._setup()
        top = belief == np.maximum.reduceat(belief, self.starts)[self.owner]
        best = np.minimum.reduceat(np.where(top, self.index, len(belief)), self.starts)
        olat, olon = self.lat[best], self.lon[best]
        lat, lon = self._lat_column, self._lon_column
        a = (
            np.sin((olat - lat) / 2) ** 2
            + self._cos_column * self._cos[best] * np.sin((olon - lon) / 2) ** 2
        )
        a[self._own] = np.inf
        nearest = a.min(axis=1)
        return np.where(
            np.isinf(nearest), np.inf, 2 * _EARTH_KM * np.arcsin(np.sqrt(np.minimum(nearest, 1.0)))
        )


def _compact(ids: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Renumber ids 0..n-1 (keeping -1), and the original id of each new number."""
    numbers: dict[int, int] = {}
    out = [numbers.setdefault(i, len(numbers)) if i >= 0 else -1 for i in ids.tolist()]
    return np.array(out, dtype=np.int64), list(numbers)
