"""Namesake flags: how a place bears a name shared with a town or a unit around it.

Admin units often share their name with their main town (Kabul province and Kabul; New
York state and New York City), and some towns are known by their country's name
("Mexico" for Mexico City).  The bare name then usually means the town, or the country:
the ranking lowers such units and towns unless a cue says otherwise ("Kabul province",
"the city of").  The flags depend only on the places that share a folded name, so the
build computes them once per posting of the index (``write_index``), for all names at
once, and resolution reads them instead of working them out per name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gazetteer.records import FEATURE_TYPES

#: A unit named like a town in it, a province known by a big city's own name (Gaza
#: Province in Mozambique as "Gaza", Almaty Region as "Almaty"), or a town known by its
#: country's name.
NAMESAKE_UNIT = 1
#: A city whose alternate name is its own admin-1 unit's primary name ("New York").
UNIT_CITY = 2

_PRIMARY, _ALTERNATE = 0, 1
_TOWN = np.array([t in ("city", "locality") for t in FEATURE_TYPES])
_UNIT = np.array([t in ("admin1", "admin2") for t in FEATURE_TYPES])
_CITY = FEATURE_TYPES.index("city")
_COUNTRY = FEATURE_TYPES.index("country")
_ADMIN1 = FEATURE_TYPES.index("admin1")
#: A city this big bearing a name as its own outranks a province bearing it as another.
BIG_CITY = 100_000


def namesake_flags(
    offsets: np.ndarray,
    postings: np.ndarray,
    kinds: np.ndarray,
    ftype: np.ndarray,
    countries: Sequence[str],
    admin1: Sequence[str],
    population: np.ndarray,
) -> np.ndarray:
    """``NAMESAKE_UNIT`` / ``UNIT_CITY`` bits for every posting of an index.

    ``offsets`` delimit each name's slice of ``postings`` (place rows) and ``kinds``
    (0 own name, 1 alternate, 2 derived); ``ftype``, ``countries``, ``admin1`` and
    ``population`` are per place.  Flags only ever relate places under the same name."""
    key = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    country, region, _numbers = unit_numbers(countries, admin1)
    kind, types = kinds, ftype[postings]
    country, region = country[postings], region[postings]
    has_country, has_region = country >= 0, region >= 0
    # (name, unit) pairs as single integers: "a town under this name in this unit".
    in_region = key * (int(region.max(initial=0)) + 1) + region
    in_country = key * (int(country.max(initial=0)) + 1) + country
    towns = (_TOWN[types] & (kind == _PRIMARY)) | ((types == _CITY) & (kind == _ALTERNATE))
    units = _UNIT[types] & has_region & np.isin(in_region, in_region[towns & has_region])
    named = in_region[units & (kind == _PRIMARY)]
    cities = (types == _CITY) & (kind == _ALTERNATE) & has_region & np.isin(in_region, named)
    nations = in_country[(types == _COUNTRY) & (kind == _PRIMARY) & has_country]
    units |= _TOWN[types] & (kind == _ALTERNATE) & has_country & np.isin(in_country, nations)
    big = (types == _CITY) & (kind == _PRIMARY) & (population[postings] >= BIG_CITY)
    units |= (types == _ADMIN1) & (kind != _PRIMARY) & np.isin(key, key[big])
    return (units * NAMESAKE_UNIT + cities * UNIT_CITY).astype(np.uint8)


def unit_numbers(
    countries: Sequence[str], admin1: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, dict[str | tuple[str, str], int]]:
    """Per place, a number for its country and one for its (country, admin-1) unit (-1:
    none), and the numbering itself (countries and units share it, numbers never clash)."""
    numbers: dict[str | tuple[str, str], int] = {}
    count = len(countries)
    country = np.fromiter(
        (numbers.setdefault(c, len(numbers)) if c else -1 for c in countries), np.int64, count
    )
    region = np.fromiter(
        (
            numbers.setdefault((c, a), len(numbers)) if c and a else -1
            for c, a in zip(countries, admin1, strict=True)
        ),
        np.int64,
        count,
    )
    return country, region, numbers
