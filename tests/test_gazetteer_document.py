"""The vectorised document context: votes of the other names, and closeness."""

import numpy as np
from geopy.distance import great_circle
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.document import DocumentScores, unit_vectors
from gazetteer.pools import Mention, Pool
from gazetteer.records import FEATURE_TYPES


def _mention(
    key: str,
    units: list[tuple[int, int]],
    points: list[tuple[float, float]],
    types: list[str] | None = None,
) -> Mention:
    """A mention whose candidates are towns unless ``types`` says otherwise."""
    n = len(units)
    pool = Pool(
        rows=np.arange(n),
        prior=np.zeros(n),
        ftype=np.array([FEATURE_TYPES.index(t) for t in types or ["city"] * n], dtype=np.uint8),
        xyz=unit_vectors(np.array([p[0] for p in points]), np.array([p[1] for p in points])),
        units=np.array(units),
        relief=np.zeros(n),
    )
    return Mention(key, pool, np.zeros(n))


def test_support_comes_from_other_names_only() -> None:
    # "hyderabad": India (country 1, unit 11) or Pakistan (country 2, unit 21);
    # "karachi": Pakistan (2, 21) only; "sindh" appears twice and votes once.
    doc = DocumentScores(
        [
            _mention("hyderabad", [(1, 11), (2, 21)], [(17.4, 78.5), (25.4, 68.4)]),
            _mention("karachi", [(2, 21)], [(24.9, 67.0)]),
            _mention("sindh", [(2, 21)], [(26.4, 68.9)]),
            _mention("sindh", [(2, 21)], [(26.4, 68.9)]),
        ],
        {},
    )
    belief = np.array([0.5, 0.5, 1.0, 1.0, 1.0])
    country, region = doc.support(belief)
    assert country.tolist() == [0.0, 2.0, 1.5, 1.5, 1.5]
    assert region.tolist() == country.tolist()


def test_countryless_regions_get_the_best_country_support() -> None:
    doc = DocumentScores(
        [
            _mention("khorasan", [(-1, -1), (3, 31)], [(33.8, 66.0), (36.3, 59.6)]),
            _mention("kabul", [(4, 41)], [(34.5, 69.2)]),
        ],
        {},
    )
    country, _region = doc.support(np.array([0.5, 0.5, 1.0]))
    assert country[0] == country.max() == 1.0 and country[1] == 0.0


def test_extra_context_votes_count_for_their_country() -> None:
    doc = DocumentScores(
        [_mention("punjab", [(1, 11), (2, 21)], [(31.0, 75.4), (31.4, 72.3)])], {1: 0.5}
    )
    country, _region = doc.support(np.array([0.5, 0.5]))
    assert country.tolist() == [0.5, 0.0]


def test_nearest_other_ignores_the_names_own_candidates() -> None:
    doc = DocumentScores(
        [
            _mention("a", [(1, 11), (1, 12)], [(0.0, 0.0), (0.0, 10.0)]),
            _mention("b", [(1, 11)], [(0.0, 1.0)]),
        ],
        {},
    )
    km = doc.nearest_other(np.array([0.9, 0.1, 1.0]))
    assert abs(km[0] - 111.2) < 1.0 and abs(km[1] - 1000.7) < 2.0 and abs(km[2] - 111.2) < 1.0


@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180))
def test_nearest_other_is_the_great_circle_distance(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    doc = DocumentScores(
        [_mention("a", [(1, 11)], [(lat1, lon1)]), _mention("b", [(1, 11)], [(lat2, lon2)])], {}
    )
    km = doc.nearest_other(np.array([1.0, 1.0]))
    expected = great_circle((lat1, lon1), (lat2, lon2)).km
    assert abs(km[0] - expected) < 1e-3 and abs(km[1] - expected) < 1e-3


def test_a_country_or_province_is_at_no_distance_from_places_chosen_in_it() -> None:
    # "mexico": the country (unit 1), the state of Mexico (1, 11) and a US town; the
    # text also names a city in country 1 but in province 12.
    doc = DocumentScores(
        [
            _mention(
                "mexico",
                [(1, -1), (1, 11), (2, 21)],
                [(23.5, -102.3), (19.4, -99.6), (39.2, -91.9)],
                ["country", "admin1", "city"],
            ),
            _mention("mexico city", [(1, 12)], [(19.4, -99.1)]),
        ],
        {},
    )
    km = doc.nearest_other(np.array([0.4, 0.4, 0.2, 1.0]))
    assert km[0] == 0.0
    assert 40.0 < km[1] < 60.0 and km[2] > 1000.0
    # Mexico City is at no distance from the country chosen for "mexico", only close to it.
    assert km[3] > 500.0


def test_a_lone_name_has_no_nearest_other() -> None:
    doc = DocumentScores(
        [_mention("a", [(1, 11)], [(1.0, 2.0)]), _mention("a", [(1, 11)], [(1.0, 2.0)])], {}
    )
    assert np.isinf(doc.nearest_other(np.array([1.0, 1.0]))).all()
