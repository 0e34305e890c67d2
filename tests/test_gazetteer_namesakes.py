"""Namesake flags, computed for a whole index at once, against their per-name definition."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.namesakes import BIG_CITY, NAMESAKE_UNIT, UNIT_CITY, namesake_flags
from gazetteer.records import FEATURE_TYPES

PRIMARY, ALTERNATE, DERIVED = 0, 1, 2


def _flags_of_name(postings: list[tuple]) -> list[int]:
    """The definition, for one name's postings of (feature type, kind, country, admin-1,
    population)."""
    flags = [0] * len(postings)
    towns = {
        (c, a)
        for t, k, c, a, _n in postings
        if c
        and a
        and ((t in ("city", "locality") and k == PRIMARY) or (t == "city" and k == ALTERNATE))
    }
    named = set()
    for i, (t, k, c, a, _n) in enumerate(postings):
        if t in ("admin1", "admin2") and c and a and (c, a) in towns:
            flags[i] |= NAMESAKE_UNIT
            if k == PRIMARY:
                named.add((c, a))
    nations = {c for t, k, c, _a, _n in postings if t == "country" and k == PRIMARY and c}
    big_city = any(t == "city" and k == PRIMARY and n >= BIG_CITY for t, k, _c, _a, n in postings)
    for i, (t, k, c, a, _n) in enumerate(postings):
        if t == "city" and k == ALTERNATE and c and a and (c, a) in named:
            flags[i] |= UNIT_CITY
        if t in ("city", "locality") and k == ALTERNATE and c in nations:
            flags[i] |= NAMESAKE_UNIT
        if t == "admin1" and k != PRIMARY and big_city:
            flags[i] |= NAMESAKE_UNIT
    return flags


def _index(names: list[list[tuple]]) -> tuple:
    """Index arrays with one place per posting (places may repeat across names in real
    indexes; flags never depend on it)."""
    places = [p if len(p) == 5 else (*p, 0) for postings in names for p in postings]
    offsets = np.cumsum([0] + [len(postings) for postings in names])
    rows = np.arange(len(places), dtype=np.int32)
    kinds = np.array([p[1] for p in places], dtype=np.uint8)
    ftype = np.array([FEATURE_TYPES.index(p[0]) for p in places], dtype=np.uint8)
    population = np.array([p[4] for p in places], dtype=np.int64)
    return (
        offsets,
        rows,
        kinds,
        ftype,
        [p[2] for p in places],
        [p[3] for p in places],
        population,
    )


def test_kabul_new_york_and_mexico():
    names = [
        # kabul: the province is lowered, the city keeps its own name's standing.
        [("admin1", PRIMARY, "AF", "Kabul"), ("city", PRIMARY, "AF", "Kabul")],
        # new york: the state is lowered, the city bearing it as an alternate is not.
        [("admin1", PRIMARY, "US", "New York"), ("city", ALTERNATE, "US", "New York")],
        # mexico: the capital known by the country's name ranks like a namesake unit.
        [("country", PRIMARY, "MX", ""), ("city", ALTERNATE, "MX", "Mexico City")],
        # a town in another province does not lower the unit.
        [("admin1", PRIMARY, "PK", "Punjab"), ("city", PRIMARY, "PK", "Sindh")],
        # gaza: a province known by a big city's own name yields to the city, wherever.
        [("admin1", ALTERNATE, "MZ", "Gaza", 273_382), ("city", PRIMARY, "PS", "Gaza", 410_000)],
        # a province's own name, or a small town's, lowers nothing.
        [("admin1", PRIMARY, "IN", "Punjab"), ("city", PRIMARY, "PK", "Lahore", 6_300_000)],
        [("admin1", DERIVED, "PK", "Kurram"), ("city", PRIMARY, "AF", "Kandahar", 5_000)],
    ]
    flags = namesake_flags(*_index(names)).tolist()
    assert flags == [
        *(NAMESAKE_UNIT, 0, NAMESAKE_UNIT, UNIT_CITY, 0, NAMESAKE_UNIT, 0, 0),
        *(NAMESAKE_UNIT, 0, 0, 0, 0, 0),
    ]


_posting = st.tuples(
    st.sampled_from(FEATURE_TYPES),
    st.sampled_from([PRIMARY, ALTERNATE, DERIVED]),
    st.sampled_from(["", "AF", "PK"]),
    st.sampled_from(["", "Kabul", "Punjab"]),
    st.sampled_from([0, 5_000, BIG_CITY, 4_000_000]),
).map(lambda p: (p[0], p[1], p[2], p[3] if p[2] else "", p[4]))


@given(st.lists(st.lists(_posting, min_size=1, max_size=6), min_size=1, max_size=8))
def test_flags_for_all_names_at_once_equal_each_name_alone(names):
    expected = [f for postings in names for f in _flags_of_name(postings)]
    assert namesake_flags(*_index(names)).tolist() == expected
