"""Loading the built index and looking places up."""

from pathlib import Path

import pytest
import yaml

from gazetteer.build import DATA_DIR
from gazetteer.cues import shipped_cues
from gazetteer.index import Gazetteer, IndexFormatError
from gazetteer.normalize import fold
from tests.test_gazetteer_build import build_fixture_index


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_fixture_index(tmp_path_factory.mktemp("index"))


def test_candidates_by_any_spelling(gaz: Gazetteer) -> None:
    assert [p.place_id for p in gaz.candidates("KHŌST")] == [
        p.place_id for p in gaz.candidates("khost")
    ]
    assert gaz.candidates("Atlantis") == []


def test_candidates_are_most_populous_first(gaz: Gazetteer) -> None:
    populations = [p.population for p in gaz.candidates("Hyderabad")]
    assert populations == sorted(populations, reverse=True)


def test_get_by_id(gaz: Gazetteer) -> None:
    place = gaz.get("gn:1176734")
    assert (place.name, place.country_code, place.admin1) == ("Hyderabad", "PK", "Sindh")
    assert gaz.get("gn:0") is None


def test_names_are_the_folded_keys(gaz: Gazetteer) -> None:
    names = list(gaz.names())
    assert "hyderabad" in names and "khost" in names
    assert names == sorted(names)
    assert "Hyderabad" in gaz


def test_missing_or_foreign_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexFormatError, match="no gazetteer index"):
        Gazetteer.load(tmp_path)
    (tmp_path / "manifest.json").write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(IndexFormatError, match="format 99"):
        Gazetteer.load(tmp_path)


def test_shipped_index_loads() -> None:
    gaz = Gazetteer.load()
    assert len(gaz) > 100_000
    assert any(p.feature_type == "country" for p in gaz.candidates("Pakistan"))


def test_shipped_index_knows_the_spotters_place_abbreviations() -> None:
    """Every all-capital place abbreviation the spotter takes for a place (not_places.yaml)
    is a name in the shipped index or a state abbreviation of cues.csv, so that a spotted
    "KP" or "GB" gets an answer; "LA" alone is left out: as a name it would match "La"."""
    gaz, cues = Gazetteer.load(), shipped_cues()
    data = yaml.safe_load((DATA_DIR / "not_places.yaml").read_text(encoding="utf-8"))
    words = data["place_abbreviations"]["words"]
    unknown = {w for w in words if not gaz.hits(fold(w)) and w not in cues.by_kind["abbreviation"]}
    assert unknown == {"LA"}
    assert {p.name for p in gaz.candidates("KP")} == {"Khyber Pakhtunkhwa"}
    assert {p.name for p in gaz.candidates("GB")} == {"Gilgit-Baltistan"}


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Czech Republic", "CZ"),  # world-countries official name (GeoNames says Czechia)
        ("Burma", "MM"),
        ("Swaziland", "SZ"),
        ("Qamishli", "SY"),  # Al Qamishli without the article
        ("Hodeidah", "YE"),
        ("Sinai", "EG"),
        ("Darfur", "SD"),
        ("Kurdistan Region", "IQ"),
        ("Datta Khel", "PK"),
        ("Panjwai", "AF"),
        ("Kajaki", "AF"),
    ],
)
def test_shipped_index_has_names_analysts_use(shipped: Gazetteer, name: str, country: str) -> None:
    assert country in {p.country_code for p in shipped.candidates(name)}


def test_shipped_index_has_regions_without_a_country(shipped: Gazetteer) -> None:
    gaz = shipped
    assert {p.place_id for p in gaz.candidates("LoC")} == {"sup:line-of-control"}
    assert {p.place_id for p in gaz.candidates("Somaliland")} == {"sup:somaliland"}
