"""Build-time rules for alternate names: borrowed names dropped, Arabic names without
their article added."""

from __future__ import annotations

from pathlib import Path

from gazetteer.altnames import drop_borrowed_alternates, names_without_article, without_article
from gazetteer.build import DATA_DIR
from gazetteer.curated import read_given_names
from gazetteer.index import ALTERNATE, DERIVED, PRIMARY
from gazetteer.records import Place
from gazetteer.sources import read_countries

SOURCE = Path(__file__).parent / "fixtures" / "gazetteer_source"


def _town(place_id: str, name: str, population: int, country: str = "US") -> Place:
    kind = "city" if population >= 15_000 else "locality"
    return Place(place_id, name, 0.0, 0.0, kind, country, None, population)  # type: ignore[arg-type]


def test_alternates_borrowed_from_bigger_towns_or_foreign_countries_are_dropped() -> None:
    atlanta = (_town("gn:1", "Atlanta", 500_000), [("Atlanta", PRIMARY)])
    lyons = (
        _town("gn:2", "Lyons", 3_000),
        [("Lyons", PRIMARY), ("Atlanta", ALTERNATE), ("Lyon Town", ALTERNATE)],
    )
    estates = (
        _town("gn:3", "Avondale Estates", 3_000),
        [("Avondale Estates", PRIMARY), ("Avondale", ALTERNATE)],
    )
    avondale = (_town("gn:4", "Avondale", 80_000), [("Avondale", PRIMARY)])
    george = (
        _town("gn:5", "Saint George", 2_000),
        [("Saint George", PRIMARY), ("St. George", ALTERNATE)],
    )
    utah = (_town("gn:6", "St. George", 90_000), [("St. George", PRIMARY)])
    mexico_city = (
        _town("gn:7", "Mexico City", 9_000_000, "MX"),
        [("Mexico City", PRIMARY), ("Mexico", ALTERNATE), ("Iraq", ALTERNATE)],
    )
    countries = [
        (Place("gn:8", "Mexico", 23.0, -102.0, "country", "MX", None, 1), [("Mexico", PRIMARY)]),
        (Place("gn:9", "Iraq", 33.0, 44.0, "country", "IQ", None, 1), [("Iraq", PRIMARY)]),
    ]
    towns = [atlanta, lyons, estates, avondale, george, utah, mexico_city]
    drop_borrowed_alternates(towns, countries)
    assert lyons[1] == [("Lyons", PRIMARY), ("Lyon Town", ALTERNATE)]
    # Its own name shortened or abbreviated stays, even when a bigger town bears it.
    assert ("Avondale", ALTERNATE) in estates[1] and ("St. George", ALTERNATE) in george[1]
    # Its own country's name stays (the ranking weighs it); a foreign country's goes.
    assert mexico_city[1] == [("Mexico City", PRIMARY), ("Mexico", ALTERNATE)]


def test_arabic_article_is_taken_off_long_enough_names() -> None:
    assert without_article("Al Ḩasakah") == "hasakah"
    assert without_article("El-Hodeidah") == "hodeidah"
    assert without_article("Ash Shaykh Maskin") == "shaykh maskin"
    assert without_article("As Salt") is None  # too short: "Salt" is a word
    assert without_article("Alexandria") is None and without_article("Kabul") is None


def test_names_without_article_only_for_arabic_countries_cities_and_not_given_names() -> None:
    qamishli = (
        _town("gn:1", "Al Qāmishlī", 0, "SY"),
        [("Al Qāmishlī", PRIMARY), ("Al-Qamishli", ALTERNATE)],
    )
    city = (_town("gn:2", "Al Ḩasakah", 81_539, "SY"), [("Al Ḩasakah", PRIMARY)])
    husayn = (_town("gn:3", "Al Husayn", 20_000, "IQ"), [("Al Husayn", PRIMARY)])
    paso = (_town("gn:4", "El Paso", 680_000, "US"), [("El Paso", PRIMARY)])
    names_without_article(
        [qamishli, city, husayn, paso], frozenset({"SY", "IQ"}), frozenset({"husayn"})
    )
    assert ("hasakah", DERIVED) in city[1]
    # Not for a village, a given name, or a place outside the Arabic-speaking countries.
    assert all(kind != DERIVED for _name, kind in qamishli[1] + husayn[1] + paso[1])


def test_given_names_and_country_languages_are_read() -> None:
    given = read_given_names(DATA_DIR / "not_places.yaml")
    assert {"hussein", "muhammad", "salman"} <= given
    assert read_given_names(Path("/nonexistent/not_places.yaml")) == frozenset()
    pakistan = next(
        c for c in read_countries(SOURCE / "geonames" / "countryInfo.txt") if c.iso == "PK"
    )
    assert pakistan.languages[0].startswith("ur")
