"""Coordinates for administrative units, which the GeoNames extracts give without any.

* countries: the centre of the largest part of the Natural Earth polygon with the
  country's name, else of the one that holds the country's most populous places (the
  build then takes its midpoint with the point of ``data/country_points.csv``);
* admin-1: the Natural Earth label point with the unit's name (of its main part, and the
  one nearest the unit's member places when that still leaves several), else the label
  point whose nearest populated places belong to the unit, drawn halfway to the median of
  its member places; else that median alone;
* admin-2: its seat (the most populous PPLA2/PPLA/PPLC member), else the median of its
  member places; a unit no place names as its own (GeoNames leaves the admin-2 code of
  most Iranian, Central Asian and many Afghan places empty) lies at the town of its
  province that bears its name ("Tagab" district at Tagab), if there is one.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
from geopy.distance import great_circle

from gazetteer.document import EARTH_KM
from gazetteer.normalize import fold
from gazetteer.sources import GeoName, LabelPoint

logger = logging.getLogger(__name__)

#: Trailing words of admin unit names that English texts often leave out
#: ("Zhob District" is "Zhob", "Rapides Parish" is "Rapides").
ADMIN_WORDS = frozenset(
    [
        "province",
        "state",
        "region",
        "district",
        "county",
        "parish",
        "governorate",
        "department",
        "prefecture",
        "municipality",
        "oblast",
        "division",
        "territory",
        "agency",
        "tehsil",
        "borough",
        "raion",
        "krai",
        "okrug",
        "voivodeship",
        "emirate",
        "canton",
    ]
)
_SEATS = ("PPLC", "PPLA", "PPLA2")


class Centre(NamedTuple):
    """A derived coordinate and the Natural Earth names it was matched by."""

    lat: float
    lon: float
    names: tuple[str, ...]
    voted: tuple[str, ...] = ()
    """Natural Earth names attributed by the vote of nearby places, not by name: often
    old names ("N.W.F.P.", "Sind"), sometimes a merged unit's ("F.A.T.A.")."""


_VOTERS = 5


def strip_admin_word(key: str) -> str:
    """A folded admin name without a trailing unit word ("zhob district" -> "zhob")."""
    words = key.split()
    if len(words) > 1 and words[-1] in ADMIN_WORDS:
        return " ".join(words[:-1])
    return key


def haversine_km(lat1: float, lon1: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances in km from one point to arrays of points (vectorised;
    geopy's ``distance`` is used where single distances are needed)."""
    p1, p2 = np.radians(lat1), np.radians(lats)
    dlat, dlon = p2 - p1, np.radians(lons - lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The great-circle midpoint of two points (correct across the antimeridian)."""
    p1, p2 = np.radians([lat1, lon1]), np.radians([lat2, lon2])
    vectors = [
        np.array([np.cos(p[0]) * np.cos(p[1]), np.cos(p[0]) * np.sin(p[1]), np.sin(p[0])])
        for p in (p1, p2)
    ]
    x, y, z = vectors[0] + vectors[1]
    lat, lon = np.degrees(np.arctan2(z, np.hypot(x, y))), np.degrees(np.arctan2(y, x))
    return round(float(lat), 5), round(float(lon), 5)


# Farther apart than this, the polygon centre belongs to another entity: an overseas
# territory (French Guiana, Martinique) shares its parent's Natural Earth polygon.
AGREE_KM = 1000.0


def country_point(
    centre: tuple[float, float] | None, point: tuple[float, float] | None
) -> tuple[float, float] | None:
    """A country's point from its polygon centre and its listed point: their midpoint when
    both describe the same territory, else the listed point, else the centre."""
    if centre is None or point is None:
        return point or centre
    if great_circle(centre, point).km > AGREE_KM:
        return point
    return midpoint(*centre, *point)


def median_point(members: Sequence[GeoName]) -> tuple[float, float]:
    """Coordinate-wise median of places (robust to an outlying exclave)."""
    return (
        float(np.median([m.lat for m in members])),
        float(np.median([m.lon for m in members])),
    )


def admin2_centre(members: Sequence[GeoName]) -> tuple[float, float] | None:
    """The seat of an admin-2 unit, else the median of its member places."""
    if not members:
        return None
    seats = [m for m in members if m.feature_code in _SEATS]
    if seats:
        seat = max(seats, key=lambda m: (m.population, -m.geonameid))
        return seat.lat, seat.lon
    return median_point(members)


def named_seats(towns: Iterable[GeoName]) -> dict[tuple[str, str], GeoName]:
    """(``CC.A1`` code, folded name) -> the most populous town of that province known by
    that name or ascii name: where an admin-2 unit without member places lies."""
    seats: dict[tuple[str, str], GeoName] = {}
    for town in towns:
        province = f"{town.country_code}.{town.admin1}"
        for name in {fold(town.name), fold(town.asciiname)}:
            known = seats.get((province, name))
            if known is None or (town.population, -town.geonameid) > (
                known.population,
                -known.geonameid,
            ):
                seats[(province, name)] = town
    return seats


def seat_by_name(
    code: str, names: Iterable[str], seats: dict[tuple[str, str], GeoName]
) -> GeoName | None:
    """The town of the admin-2 unit ``code``'s province that bears one of its ``names``
    (without a trailing unit word: "Shinwar District" -> "shinwar")."""
    province = code.rsplit(".", 1)[0]
    for name in names:
        key = fold(name)
        for candidate in (key, strip_admin_word(key)):
            town = seats.get((province, candidate))
            if town is not None:
                return town
    return None


def admin1_centres(
    units: dict[str, set[str]],
    members: dict[str, list[GeoName]],
    points: Iterable[LabelPoint],
) -> dict[str, Centre]:
    """Coordinates of admin-1 units keyed ``CC.A1``, with the Natural Earth names used.

    ``units`` maps each code to its folded names (already including variants without a
    trailing unit word); ``members`` maps it to its populated places.
    """
    by_country: dict[str, list[LabelPoint]] = defaultdict(list)
    for point in points:
        by_country[point.country_code].append(point)
    centres: dict[str, Centre] = {}
    for country in sorted({code.split(".")[0] for code in units}):
        codes = sorted(c for c in units if c.split(".")[0] == country)
        centres.update(_country_admin1(codes, units, members, by_country.get(country, [])))
    return centres


def _country_admin1(
    codes: list[str],
    units: dict[str, set[str]],
    members: dict[str, list[GeoName]],
    points: list[LabelPoint],
) -> dict[str, Centre]:
    keys = [strip_admin_word(fold(p.name)) for p in points]
    medians = {c: median_point(members[c]) for c in codes if members.get(c)}
    matched: set[int] = set()
    centres: dict[str, Centre] = {}
    for code in codes:
        hits = [i for i, key in enumerate(keys) if key in units[code]]
        if hits:
            centres[code] = _nearest(hits, points, medians.get(code))
            matched.update(hits)
    votes = _vote(points, matched, [m for c in codes for m in members.get(c, [])])
    for code in codes:
        if code in centres:
            continue
        if votes.get(code):
            centre = _nearest(votes[code], points, medians.get(code))
            centres[code] = centre._replace(names=(), voted=centre.names)
        elif code in medians:
            centres[code] = Centre(*medians[code], ())
    # A label point is placed for a map label, the median of the unit's towns where its
    # people are: their midpoint is closer to where texts and other gazetteers put the
    # unit (Hawaii between the Big Island and Oahu).
    for code, centre in centres.items():
        if (centre.names or centre.voted) and code in medians:
            centres[code] = centre._replace(
                **dict(
                    zip(
                        ("lat", "lon"),
                        midpoint(centre.lat, centre.lon, *medians[code]),
                        strict=True,
                    )
                )
            )
    return centres


def _nearest(
    indexes: list[int], points: list[LabelPoint], anchor: tuple[float, float] | None
) -> Centre:
    names = tuple(sorted({points[i].name for i in indexes}))
    main = min(points[i].rank for i in indexes)
    indexes = [i for i in indexes if points[i].rank == main]
    if anchor is None or len(indexes) == 1:
        return Centre(points[indexes[0]].lat, points[indexes[0]].lon, names)
    lats = np.array([points[i].lat for i in indexes])
    lons = np.array([points[i].lon for i in indexes])
    best = indexes[int(np.argmin(haversine_km(anchor[0], anchor[1], lats, lons)))]
    return Centre(points[best].lat, points[best].lon, names)


def _vote(
    points: list[LabelPoint], matched: set[int], places: list[GeoName]
) -> dict[str, list[int]]:
    """Unnamed label points, attributed to the unit most of their nearest places are in."""
    if not places:
        return {}
    lats = np.array([p.lat for p in places])
    lons = np.array([p.lon for p in places])
    votes: dict[str, list[int]] = defaultdict(list)
    for i, point in enumerate(points):
        if i in matched:
            continue
        near = np.argsort(haversine_km(point.lat, point.lon, lats, lons), kind="stable")[:_VOTERS]
        code, _count = Counter(
            f"{places[j].country_code}.{places[j].admin1}" for j in near
        ).most_common(1)[0]
        votes[code].append(i)
    return votes


def country_centres(
    shapes: list[tuple[str, float, float, object]],
    names: dict[str, set[str]],
    biggest_places: dict[str, list[GeoName]],
) -> dict[str, Centre]:
    """Coordinates of countries keyed by ISO code from Natural Earth shapes: the shape
    with the country's name, else the shape holding most of its biggest places."""
    import shapely  # build-time only

    tree = shapely.STRtree([shape[3] for shape in shapes])
    by_name = {fold(shape[0]): i for i, shape in enumerate(shapes)}
    centres = {}
    for iso in sorted(names):
        chosen = next((by_name[n] for n in sorted(names[iso]) if n in by_name), None)
        if chosen is None:
            ballot: Counter[int] = Counter()
            for place in biggest_places.get(iso, []):
                hits = tree.query(shapely.Point(place.lon, place.lat), predicate="intersects")
                ballot.update(int(h) for h in hits)
            chosen = min(ballot, key=lambda i: (-ballot[i], i)) if ballot else None
        if chosen is not None:
            centres[iso] = Centre(shapes[chosen][1], shapes[chosen][2], (shapes[chosen][0],))
    logger.info("countries with a Natural Earth centre: %d of %d", len(centres), len(names))
    return centres
