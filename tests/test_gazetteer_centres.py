"""Derived coordinates of admin units, and the distance formula the ranking uses."""

import numpy as np
from geopy.distance import great_circle

from gazetteer.centres import (
    admin1_centres,
    admin2_centre,
    haversine_km,
    midpoint,
    named_seats,
    seat_by_name,
    strip_admin_word,
)
from gazetteer.sources import GeoName, LabelPoint


def _town(code: str, lat: float, lon: float, pop: int = 1000, admin1: str = "04") -> GeoName:
    return GeoName(1, "x", "x", (), lat, lon, "P", code, "PK", admin1, "", pop)


def test_haversine_agrees_with_geopy_great_circle() -> None:
    km = haversine_km(33.34, 69.92, np.array([17.38, 25.39]), np.array([78.46, 68.37]))
    for value, point in zip(km, [(17.38, 78.46), (25.39, 68.37)], strict=True):
        assert abs(value - great_circle((33.34, 69.92), point).km) < 1.0


def test_admin2_centre_is_the_seat_else_the_median() -> None:
    seat = _town("PPLA2", 30.0, 70.0, pop=10)
    assert admin2_centre([_town("PPL", 31.0, 71.0, pop=99), seat]) == (30.0, 70.0)
    assert admin2_centre(
        [_town("PPL", 31.0, 71.0), _town("PPL", 33.0, 73.0), _town("PPL", 35.0, 75.0)]
    ) == (33.0, 73.0)
    assert admin2_centre([]) is None


def test_admin1_prefers_named_label_point_of_the_main_part() -> None:
    points = [
        LabelPoint("PK", "Punjab", 24.0, 67.0, rank=5),
        LabelPoint("PK", "Punjab", 31.36, 72.34, rank=1),
    ]
    centres = admin1_centres({"PK.04": {"punjab"}}, {"PK.04": [_town("PPL", 31.5, 74.3)]}, points)
    # The main part's label point, drawn halfway to where the unit's towns are.
    assert (centres["PK.04"].lat, centres["PK.04"].lon) == midpoint(31.36, 72.34, 31.5, 74.3)


def test_admin1_without_a_named_point_gets_the_point_its_places_surround() -> None:
    members = {
        "PK.02": [_town("PPL", 27.0, 65.0, admin1="02"), _town("PPL", 28.0, 66.0, admin1="02")]
    }
    points = [LabelPoint("PK", "Baluchistan", 27.5, 65.5, rank=1)]
    centre = admin1_centres({"PK.02": {"balochistan"}}, members, points)["PK.02"]
    assert (centre.lat, centre.names, centre.voted) == (27.5, (), ("Baluchistan",))


def test_strip_admin_word() -> None:
    assert strip_admin_word("zhob district") == "zhob"
    assert strip_admin_word("district") == "district"
    assert strip_admin_word("new york") == "new york"


def test_midpoint_is_equidistant_and_handles_the_antimeridian() -> None:
    lat, lon = midpoint(60.0, 100.0, 64.0, 90.0)
    to_a, to_b = (
        great_circle((lat, lon), (60.0, 100.0)).km,
        great_circle((lat, lon), (64.0, 90.0)).km,
    )
    assert abs(to_a - to_b) < 1.0
    lat, lon = midpoint(-17.0, 179.0, -17.0, -179.0)
    assert abs(lat + 17.0) < 0.1 and abs(abs(lon) - 180.0) < 0.01


def test_country_point_averages_agreeing_estimates_only():
    from gazetteer.centres import country_point

    # Russia: polygon centre and listed point a few hundred km apart -> their midpoint.
    lat, lon = country_point((61.9, 97.6), (60.0, 100.0))
    assert 60.0 < lat < 61.9 and 97.6 < lon < 100.0
    # French Guiana shares France's polygon: the centre is in Europe, keep the listed point.
    assert country_point((46.5, 2.5), (4.0, -53.0)) == (4.0, -53.0)
    assert country_point(None, (4.0, -53.0)) == (4.0, -53.0)
    assert country_point((46.5, 2.5), None) == (46.5, 2.5)
    assert country_point(None, None) is None


def _named(geonameid: int, name: str, admin1: str, pop: int, country: str = "AF") -> GeoName:
    return GeoName(geonameid, name, name, (), 34.0, 69.0, "P", "PPL", country, admin1, "", pop)


def test_an_admin2_unit_without_member_places_lies_at_the_town_of_its_name():
    towns = [
        _named(1, "Tagāb", "14", 8_000),
        _named(2, "Tagab", "14", 9_000),  # the more populous namesake in the province
        _named(3, "Tagab", "09", 50_000),  # another province's
        _named(4, "Khōst", "37", 10_000),
    ]
    seats = named_seats(towns)
    assert seat_by_name("AF.14.7053090", ["Tagāb", "Tagab District"], seats).geonameid == 2
    assert seat_by_name("AF.37.1", ["Khost District"], seats).geonameid == 4  # unit word
    assert seat_by_name("AF.14.2", ["Shinwar"], seats) is None
