"""What the text says holds a name: "Hyderabad, *India*", "Uri *in Kashmir*", "the Old
City *of Hyderabad*".  The countries and provinces such a holder stands for, which of a
name's candidates lie in them, and whether none does (the index then lacks the place meant).
"""

from __future__ import annotations

import numpy as np

from gazetteer.document import EARTH_KM
from gazetteer.namesakes import BIG_CITY
from gazetteer.normalize import fold
from gazetteer.pools import Pool, Pools
from gazetteer.records import FEATURE_TYPES

_CONTAINER = np.array([t in ("country", "admin1", "admin2") for t in FEATURE_TYPES])
_HOLDER = np.array([t in ("country", "admin1", "region") for t in FEATURE_TYPES])
#: How far from a town or district a place the text puts in it may lie (its label point
#: is not its centre, and a district is wider than a town).
_NEAR_KM = {"city": 50.0, "admin2": 100.0}
#: How large a feature type may be, for what may lie in what: towns and features lie in
#: districts, which lie in provinces (or regions), which lie in countries.
_SIZE = np.array(
    [{"country": 0, "admin1": 1, "region": 1, "admin2": 2}.get(t, 3) for t in FEATURE_TYPES]
)


class Holders:
    """Reads holders against the candidate pools of ``pools``."""

    def __init__(self, pools: Pools) -> None:
        """Holders looked up in ``pools`` (their candidate pools are cached there)."""
        self.pools = pools

    def codes(
        self, name: str, *, container: bool = False, coarse: bool = False
    ) -> tuple[set[str], set[tuple[str, str]]]:
        """Countries and (country, admin-1) units a name can stand for or lie in; for a
        ``container`` ("Hyderabad, India"), only its countries and admin units if it has
        any (not the Gambian village called India); for a ``coarse`` one ("Uri in
        Kashmir"), only its countries, provinces and regions.  A container the index lacks is
        read by its longest known leading words: text that lost a full stop runs the
        container into the next sentence ("in Parkland, Florida The controversy")."""
        key = fold(name)
        pool = self.pools.get(key)
        if coarse:
            # Only a country, province or region holds a place named "in" it: not the
            # Swiss district of March in "Kabul in March".
            pool = self.pools.subset(pool, _HOLDER[pool.ftype])
        elif container:
            words = key.split()
            while not len(pool.rows) and len(words) > 1:
                words.pop()
                pool = self.pools.get(" ".join(words))
            units = _CONTAINER[pool.ftype]
            if units.any():
                pool = self.pools.subset(pool, units)
        regions = self.pools.regions(pool)
        return {r[0] for r in regions if r[0]}, {r for r in regions if r[0] and r[1]}

    def prominent(self, name: str) -> bool:
        """Whether ``name`` stands first for a country, a province or a city of 100,000 or
        more: a possessive before a name ("Dhaka's Gulshan") then says where it lies, where
        a person's name ("Ladin's Kandahar compound") that some village bears would not."""
        found = self.pools.get(fold(name))
        if not len(found.rows):
            return False
        best = int(np.argmax(found.prior))
        kind = FEATURE_TYPES[found.ftype[best]]
        population = self.pools.gazetteer.population[found.rows[best]]
        return kind in ("country", "admin1") or (kind == "city" and population >= BIG_CITY)

    def outside(self, pool: Pool, holder: str) -> bool:
        """Whether the text puts a name in a place ("the Old City *of Hyderabad*", "Saddar
        in Karachi") that none of its candidates lies in: the index lacks the place meant,
        and Jerusalem's Old City would be a wrong point.  Only a holder that is a country,
        province, district or town, in every sense the index knows, can be tested."""
        found = self.pools.get(fold(holder))
        if not len(found.rows) or not len(pool.rows):
            return False
        kinds = [FEATURE_TYPES[t] for t in found.ftype.tolist()]
        if any(k not in _NEAR_KM and k not in ("country", "admin1") for k in kinds):
            return False
        # A name that may be as large as its holder is not put in it ("the Embassy of
        # Ukraine in Nigeria"): only a smaller unit, a town or a feature can be tested.
        sizes = _SIZE[pool.ftype]
        if sizes.min() < max(_SIZE[found.ftype].min(), 1):
            return False
        for i, kind in enumerate(kinds):
            if kind in ("country", "admin1"):
                column = 0 if kind == "country" else 1
                if (pool.units[:, column] == found.units[i, column]).any():
                    return False
            elif (pool.xyz @ found.xyz[i] >= np.cos(_NEAR_KM[kind] / EARTH_KM)).any():
                return False
        return True

    def held(
        self,
        pool: Pool,
        countries: set[str],
        units: set[tuple[str, str]],
        in_unit: float,
        in_country: float,
    ) -> np.ndarray:
        """Per candidate: ``in_unit`` if it lies in one of ``units``, else ``in_country`` if
        in one of ``countries``, else 0."""
        return np.array(
            [
                in_unit if r in units else in_country if r[0] in countries else 0.0
                for r in self.pools.regions(pool)
            ]
        )
