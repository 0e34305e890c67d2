"""Shape and correctness of the reviewed gazetteer supplement (gazetteer/data/supplement.csv).

Each check is a function returning the problems it finds, so that it is run on the shipped
file (expecting none) and on small broken rows made here (expecting the problem to be found).
The GeoNames and Natural Earth checks read ``../shared`` and are skipped when it is absent.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from gazetteer.records import FEATURE_TYPES
from gazetteer.sources import GeoName, read_admin_codes, read_countries, read_geonames

REPO = Path(__file__).resolve().parents[1]
SUPPLEMENT = REPO / "gazetteer" / "data" / "supplement.csv"
SHARED = REPO.parent / "shared"
GEONAMES = SHARED / "geonames"
COUNTRIES = SHARED / "boundaries" / "countries-50m.json"

COLUMNS = "place_id name alternate_names feature_type lat lon country_code admin1 same_as source"
COLUMNS = COLUMNS.split()
SUP_ID = re.compile(r"sup:[a-z0-9][a-z0-9_-]*")
GN_ID = re.compile(r"gn:[0-9]+")
#: Natural Earth 1:50m borders and coasts are generalised; a point this close (degrees) counts.
BORDER_TOLERANCE = 0.1

#: Names analysts' texts use that GeoNames cities500 lacks: each must be in the supplement.
_REQUIRED = (
    "Waziristan; North Waziristan; South Waziristan; FATA; "
    "Federally Administered Tribal Areas; NWFP; North-West Frontier Province; Spin Ghar; "
    "Safed Koh; Tora Bora; Zhawar; Zhawara; Tirah; Swat Valley; Kashmir; Jammu and Kashmir; "
    "Azad Kashmir; Gilgit-Baltistan; Durand Line; Hindu Kush; Safoora Goth; Lal Masjid; "
    "Red Mosque; Binori Town; Khorasan; South Asia; Central Asia; Middle East; Levant; "
    "Indian subcontinent; Af-Pak; Fergana Valley; Kurram Agency; Bajaur; Mohmand; Orakzai; "
    "Khyber Agency; Panjshir Valley; Korengal; Helmand Valley; Baluchistan; Balochistan; "
    "Sind; Sindh; Paktiya; Ningarhar; Khowst; Konar; Dehli; Qandahar; Hilmand; Nooristan; "
    "Hirat; Jawzjan; Zabul; Uruzgan; Oruzgan"
)
REQUIRED_NAMES = _REQUIRED.split("; ")


def read_rows(path: Path = SUPPLEMENT) -> list[dict[str, str]]:
    """The supplement's rows as dictionaries (the header is checked separately)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def is_new(row: dict[str, str]) -> bool:
    """A row that defines a new place (no ``same_as``)."""
    return not row["same_as"].strip()


def names_of(row: dict[str, str]) -> list[str]:
    """The row's name followed by its alternate names."""
    return [row["name"], *(n for n in row["alternate_names"].split("|") if n)]


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def shape_problems(rows: list[dict[str, str]]) -> list[str]:
    """Ids, feature types, coordinates, codes, names and sources that break the schema."""
    problems = []
    seen: set[str] = set()
    for row in rows:
        pid = row["place_id"].strip()
        where = f"{pid or row['name']!r}"
        if pid in seen:
            problems.append(f"{where}: duplicate place_id")
        seen.add(pid)
        if row["feature_type"] not in FEATURE_TYPES:
            problems.append(f"{where}: feature_type {row['feature_type']!r}")
        if not row["source"].strip():
            problems.append(f"{where}: no source")
        if not row["name"].strip():
            problems.append(f"{where}: no name")
        code = row["country_code"]
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            problems.append(f"{where}: country_code {code!r}")
        names = row["alternate_names"].split("|") if row["alternate_names"] else []
        if any(n != n.strip() or not n for n in names):
            problems.append(f"{where}: empty or padded alternate name")
        every = [row["name"], *names]
        if len({n.casefold() for n in every}) != len(every):
            problems.append(f"{where}: a name is repeated")
        lat, lon = _number(row["lat"]), _number(row["lon"])
        has_point = bool(row["lat"].strip() or row["lon"].strip())
        if is_new(row):
            if not SUP_ID.fullmatch(pid):
                problems.append(f"{where}: a new place needs a sup:<slug> id")
            if not has_point:
                problems.append(f"{where}: a new place needs coordinates")
        else:
            if not GN_ID.fullmatch(row["same_as"]) or pid != row["same_as"]:
                problems.append(f"{where}: same_as rows carry the gn: id they extend as place_id")
        if has_point and (lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180):
            problems.append(f"{where}: coordinates {row['lat']!r}, {row['lon']!r} out of range")
    return problems


def added_names(row: dict[str, str]) -> list[str]:
    """The names a row adds to the gazetteer (a same_as row's name is GeoNames' own)."""
    names = names_of(row)
    return names if is_new(row) else names[1:]


def shared_name_problems(rows: list[dict[str, str]]) -> list[str]:
    """A name the supplement adds to two rows must stay in one country (a province and its capital)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name in added_names(row):
            countries[name.casefold()].add(row["country_code"])
    return [f"{name!r} names places in {sorted(c)}" for name, c in countries.items() if len(c) > 1]


@cache
def cities500() -> tuple[GeoName, ...]:
    """Every cities500 place, read as the build reads them (once per test session)."""
    return tuple(read_geonames(GEONAMES / "cities500.txt"))


@cache
def geonames_units() -> dict[str, tuple[str, str, str | None]]:
    """geonameid -> (kind, country code, admin-1 ASCII name) for every GeoNames id we may extend."""
    units: dict[str, tuple[str, str, str | None]] = {}
    admin1 = read_admin_codes(GEONAMES / "admin1CodesASCII.txt")
    admin1_names = {unit.code: unit.asciiname for unit in admin1}
    for unit in admin1:
        units[str(unit.geonameid)] = ("admin1", unit.code.split(".")[0], unit.asciiname)
    for unit in read_admin_codes(GEONAMES / "admin2Codes.txt"):
        country, a1, _ = unit.code.split(".", 2)
        units[str(unit.geonameid)] = ("admin2", country, admin1_names.get(f"{country}.{a1}"))
    for country in read_countries(GEONAMES / "countryInfo.txt"):
        units[str(country.geonameid)] = ("country", country.iso, None)
    for town in cities500():
        code = f"{town.country_code}.{town.admin1}"
        units[str(town.geonameid)] = ("city", town.country_code, admin1_names.get(code))
    return units


@cache
def empty_admin2() -> set[str]:
    """GeoNames admin-2 ids without any cities500 place: the build cannot place them alone."""
    populated = {f"{t.country_code}.{t.admin1}.{t.admin2}" for t in cities500()}
    return {
        str(unit.geonameid)
        for unit in read_admin_codes(GEONAMES / "admin2Codes.txt")
        if unit.code not in populated
    }


def admin1_names() -> set[tuple[str, str]]:
    """(country code, admin-1 ASCII name) pairs known to GeoNames."""
    return {(c, a) for kind, c, a in geonames_units().values() if kind == "admin1" and a}


def geonames_problems(rows: list[dict[str, str]]) -> list[str]:
    """same_as ids that GeoNames lacks or that disagree with the row's type, country or admin-1."""
    units, known_admin1 = geonames_units(), admin1_names()
    problems = []
    for row in rows:
        where = repr(row["place_id"])
        if row["admin1"] and (row["country_code"], row["admin1"]) not in known_admin1:
            problems.append(f"{where}: admin1 {row['admin1']!r} is not in {row['country_code']}")
        if is_new(row):
            continue
        unit = units.get(row["same_as"].removeprefix("gn:"))
        if unit is None:
            problems.append(f"{where}: same_as {row['same_as']} is not a GeoNames id we ship")
            continue
        kind, country, admin1 = unit
        if unit[0] == "admin2" and row["same_as"][3:] in empty_admin2() and not row["lat"]:
            problems.append(f"{where}: no cities500 place in this unit, so it needs a point")
        if kind != row["feature_type"]:
            problems.append(f"{where}: GeoNames says {kind}, the row says {row['feature_type']}")
        if country != row["country_code"]:
            problems.append(f"{where}: GeoNames says country {country}")
        if admin1 and row["admin1"] and admin1 != row["admin1"]:
            problems.append(f"{where}: GeoNames says admin-1 {admin1!r}")
    return problems


@cache
def country_shapes():
    """Natural Earth 1:50m country polygons with their ISO alpha-2 code (via GeoNames' numeric codes)."""
    gpd = pytest.importorskip("geopandas")
    world = gpd.read_file(COUNTRIES, layer="countries")
    alpha2 = {}
    with (GEONAMES / "countryInfo.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                parts = line.split("\t")
                alpha2[parts[2].zfill(3)] = parts[0]
    world = world[world["id"].notna()]
    return world.assign(cc=world["id"].map(lambda i: alpha2.get(str(i).zfill(3))))


def country_problems(rows: list[dict[str, str]]) -> list[str]:
    """Rows whose point lies outside the country they claim (beyond the border tolerance)."""
    shapely = pytest.importorskip("shapely.geometry")
    shapes = country_shapes()
    problems = []
    for row in rows:
        code = row["country_code"]
        if not code or not row["lat"].strip():
            continue
        polygons = shapes[shapes["cc"] == code]
        if polygons.empty:
            problems.append(f"{row['place_id']!r}: no Natural Earth polygon for {code}")
            continue
        point = shapely.Point(float(row["lon"]), float(row["lat"]))
        distance = polygons.distance(point).min()
        if distance > BORDER_TOLERANCE:
            problems.append(f"{row['place_id']!r}: {distance:.2f} degrees outside {code}")
    return problems


#: A new row placed at one named GeoNames place: "... GeoNames cities500 place Attock City 1184249".
_ONE_PLACE = re.compile(r"representative point: GeoNames cities500 place [^,;]*?(\d+)\b")


@cache
def cities500_points() -> dict[str, tuple[float, float]]:
    """geonameid -> (lat, lon) of every cities500 place, read as the build reads them."""
    return {str(town.geonameid): (town.lat, town.lon) for town in cities500()}


def one_place_problems(rows: list[dict[str, str]]) -> list[str]:
    """Rows placed at one named cities500 place (rivers at their mouth) whose point is not
    that place's, to the four decimals the supplement keeps."""
    points, problems = cities500_points(), []
    for row in rows:
        match = _ONE_PLACE.search(row["source"])
        if not match or not is_new(row):
            continue
        point = points.get(match.group(1))
        if point is None:
            problems.append(f"{row['place_id']}: no cities500 place {match.group(1)}")
        elif max(abs(float(row["lat"]) - point[0]), abs(float(row["lon"]) - point[1])) > 1e-4:
            problems.append(f"{row['place_id']}: not at cities500 place {match.group(1)} {point}")
    return problems


def _row(**values: str) -> dict[str, str]:
    row = {
        "place_id": "sup:test-place",
        "name": "Test Place",
        "alternate_names": "",
        "feature_type": "locality",
        "lat": "34.0",
        "lon": "71.5",
        "country_code": "PK",
        "admin1": "Khyber Pakhtunkhwa",
        "same_as": "",
        "source": "made for this test",
    }
    row.update(values)
    return row


needs_geonames = pytest.mark.skipif(not GEONAMES.is_dir(), reason="../shared/geonames absent")
needs_boundaries = pytest.mark.skipif(
    not (COUNTRIES.is_file() and GEONAMES.is_dir()), reason="../shared boundaries absent"
)


def test_header_is_the_documented_schema():
    with SUPPLEMENT.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS


def test_rows_have_the_documented_shape():
    rows = read_rows()
    assert len(rows) >= 100
    assert shape_problems(rows) == []


def test_shape_check_catches_broken_rows():
    broken = [
        _row(feature_type="valley"),
        _row(place_id="sup:b", source=" "),
        _row(place_id="sup:c", lat="95"),
        _row(place_id="sup:d", lat="", lon=""),
        _row(place_id="Bad Id"),
        _row(place_id="gn:1", same_as="gn:2", lat="", lon=""),
        _row(place_id="sup:e", country_code="Pak"),
        _row(place_id="sup:f", alternate_names="A||B"),
        _row(place_id="sup:f", alternate_names="test place"),
    ]
    found = shape_problems(broken)
    for fragment in (
        "feature_type",
        "no source",
        "out of range",
        "needs coordinates",
        "sup:<slug>",
        "same_as rows",
        "country_code",
        "empty or padded",
        "duplicate place_id",
        "repeated",
    ):
        assert any(fragment in p for p in found), fragment


def test_every_required_name_is_present():
    known = {name.casefold() for row in read_rows() for name in names_of(row)}
    missing = [n for n in REQUIRED_NAMES if n.casefold() not in known]
    assert missing == []


def test_khorasan_is_the_historical_region_not_an_iranian_province():
    rows = [r for r in read_rows() if "khorasan" in {n.casefold() for n in names_of(r)}]
    assert [(r["feature_type"], r["country_code"]) for r in rows] == [("region", "")]


def test_a_shared_name_stays_within_one_country():
    assert shared_name_problems(read_rows()) == []
    clash = [_row(name="Punjab"), _row(place_id="sup:x", name="Punjab", country_code="IN")]
    assert shared_name_problems(clash) != []
    own_names = [
        _row(place_id="gn:1", same_as="gn:1", name="Punjab", lat="", lon=""),
        _row(place_id="gn:2", same_as="gn:2", name="Punjab", country_code="IN", lat="", lon=""),
    ]
    assert shared_name_problems(own_names) == []
    added_twice = [
        _row(place_id="gn:3", same_as="gn:3", alternate_names="Punjab", lat="", lon=""),
        _row(place_id="gn:4", same_as="gn:4", alternate_names="Punjab", country_code="IN"),
    ]
    assert shared_name_problems(added_twice) != []


@needs_geonames
def test_same_as_ids_exist_and_agree_with_geonames():
    assert geonames_problems(read_rows()) == []


@needs_geonames
def test_geonames_check_catches_wrong_ids_and_units():
    khyber_pakhtunkhwa = "gn:1168873"
    wrong = [
        _row(place_id="gn:999999999", same_as="gn:999999999", lat="", lon=""),
        _row(place_id=khyber_pakhtunkhwa, same_as=khyber_pakhtunkhwa, feature_type="city"),
        _row(
            place_id=khyber_pakhtunkhwa,
            same_as=khyber_pakhtunkhwa,
            feature_type="admin1",
            country_code="AF",
        ),
        _row(admin1="Nowhere Province"),
        _row(place_id="gn:1183781", same_as="gn:1183781", feature_type="admin2", lat="", lon=""),
    ]
    found = geonames_problems(wrong)
    assert len(found) >= 4
    assert any("not a GeoNames id" in p for p in found)
    assert any("GeoNames says admin1" in p for p in found)
    assert any("needs a point" in p for p in found)


@needs_boundaries
def test_points_lie_in_the_country_they_claim():
    assert country_problems(read_rows()) == []


@needs_boundaries
def test_country_check_catches_a_point_in_the_wrong_country():
    kabul_as_pakistan = _row(lat="34.53", lon="69.17", country_code="PK")
    karachi_as_pakistan = _row(place_id="sup:k", lat="24.86", lon="67.01", country_code="PK")
    found = country_problems([kabul_as_pakistan, karachi_as_pakistan])
    assert len(found) == 1 and "sup:test-place" in found[0]


@needs_geonames
def test_rows_placed_at_one_named_place_carry_its_point():
    rows = [r for r in read_rows() if _ONE_PLACE.search(r["source"])]
    assert len(rows) >= 20  # the rivers, at their mouths
    assert one_place_problems(rows) == []


@needs_geonames
def test_one_place_check_catches_a_moved_point_and_an_unknown_id():
    source = "river; representative point: GeoNames cities500 place Attock City 1184249, at it"
    moved = _row(lat="33.9", lon="72.36", source=source)
    unknown = _row(place_id="sup:u", source=source.replace("1184249", "99999999999"))
    right = _row(place_id="sup:r", lat="33.76671", lon="72.35977", source=source)
    found = one_place_problems([moved, unknown, right])
    assert len(found) == 2 and "sup:test-place" in found[0] and "sup:u" in found[1]
