"""Reading the words around a span, and the checks on the reviewed cue list."""

from pathlib import Path

import pytest

from gazetteer.cues import PLAIN, CueDataError, Cues, SpanCues, shipped_cues
from gazetteer.index import Gazetteer
from gazetteer.normalize import fold
from gazetteer.records import FEATURE_TYPES


@pytest.fixture(scope="module")
def cues() -> Cues:
    return shipped_cues()


def _read(cues: Cues, text: str, name: str):
    start = text.index(name)
    return cues.read(text, start, start + len(name))


def test_unit_words_after_and_before(cues: Cues) -> None:
    assert _read(cues, "attacks in Kandahar province", "Kandahar").types == {"admin1"}
    assert _read(cues, "in Zhob district,", "Zhob").types == {"admin2"}
    assert _read(cues, "the city of Hyderabad", "Hyderabad").types == {"city", "locality"}
    assert _read(cues, "in Hyderabad today", "Hyderabad").types == frozenset()
    assert _read(cues, "“raids in Kandahar province”.", "Kandahar").types == {"admin1"}


def test_spans_without_cues_share_one_record(cues: Cues) -> None:
    assert _read(cues, "in Hyderabad today", "Hyderabad") is PLAIN
    assert _read(cues, "Hyderabad", "Hyderabad") is PLAIN
    assert PLAIN == SpanCues()
    assert _read(cues, "attacks in Kandahar province", "Kandahar") is not PLAIN
    assert _read(cues, "Sialkot, Punjab, was hit", "Sialkot") is not PLAIN


def test_compass_words(cues: Cues) -> None:
    assert _read(cues, "in eastern Afghanistan", "Afghanistan").coarse
    assert not _read(cues, "in Afghanistan", "Afghanistan").coarse


def test_administered_by_a_country(cues: Cues) -> None:
    assert _read(cues, "India-administered Kashmir", "Kashmir").countries == {"name:india"}
    assert _read(cues, "Indian-held Kashmir", "Kashmir").countries == {"IN"}
    assert _read(cues, "Pakistan-administered Kashmir", "Kashmir").countries == {"name:pakistan"}


def test_a_possessive_place_before_the_name(cues: Cues) -> None:
    assert _read(cues, "in Pakistan's Punjab province", "Punjab").possessor == "Pakistan"
    assert _read(cues, "Karachi’s Lyari", "Lyari").possessor == "Karachi"
    assert _read(cues, "the group's Khost base", "Khost").possessor is None


def test_containers_around_commas(cues: Cues) -> None:
    assert _read(cues, "Sialkot, Punjab, was hit", "Sialkot").container == "Punjab"
    assert _read(cues, "Sialkot, Punjab was hit", "Punjab").contained == "Sialkot"
    assert _read(cues, "Sialkot, Punjab and comprised of", "Punjab").contained == "Sialkot"
    # A list, not a town and its province.
    assert _read(cues, "in Gaibandha, Rajshahi and Dhaka", "Rajshahi").contained is None
    assert _read(cues, "Alexandria, Va., police", "Alexandria").container_admin1 == (
        "US",
        "Virginia",
    )


def test_a_plural_unit_word_ending_a_list_types_every_name_of_it(cues: Cues) -> None:
    text = "cells in Kunduz, Takhar and Badakhshan provinces, and in Dera Ismail Khan or Tank districts"
    assert _read(cues, text, "Kunduz").types == {"admin1"}
    assert _read(cues, text, "Takhar").types == {"admin1"}
    assert _read(cues, text, "Badakhshan").types == {"admin1"}
    assert _read(cues, text, "Dera Ismail Khan").types == {"admin2"}
    # A list is no container: "Kunduz, Takhar" does not put Kunduz in Takhar.
    assert _read(cues, text, "Kunduz").container is None
    assert _read(cues, "Kunduz, Takhar and Badakhshan were hit", "Kunduz").types == frozenset()
    assert _read(cues, "Kunduz, Takhar and Badakhshan towers", "Kunduz").types == frozenset()


def test_a_place_word_that_makes_a_name_of_its_own(cues: Cues) -> None:
    assert _read(cues, "the Lucas Heights reactor", "Lucas").elsewhere
    assert _read(cues, 'and the Victoria Barracks".', "Victoria").elsewhere
    # Written in lower case, the word describes the place named ("the Golan heights").
    assert not _read(cues, "the Golan heights", "Golan").elsewhere
    assert not _read(cues, "attacks in Kandahar province", "Kandahar").elsewhere
    # Such a word is no unit of the name before it: "Lucas Heights" is not Lucas.
    assert cues.unit_word("lucas heights") is None
    assert cues.unit_word("kandahar province") == ("kandahar", "admin1")


def test_the_name_after_in_may_hold_the_span(cues: Cues) -> None:
    assert _read(cues, "a base in Uri in Kashmir in 2016", "Uri").within == "Kashmir"
    assert _read(cues, "Gwadar in the Balochistan province", "Gwadar").within == "Balochistan"
    assert _read(cues, "Hyderabad in Sindh.", "Hyderabad").within == "Sindh"
    assert _read(cues, "Hyderabad in 2016", "Hyderabad").within is None
    assert _read(cues, "the Old City of Hyderabad", "Old City").within == "Hyderabad"
    assert _read(cues, "Kabul in March 2020", "Kabul").within is None  # a time


def test_the_names_coordinated_with_a_span(cues: Cues) -> None:
    assert _read(cues, "raids in Khost and Paktia.", "Khost").mates == ("Paktia",)
    assert _read(cues, "in Khost and Paktia. Ansar Bangla", "Khost").mates == ("Paktia",)
    assert _read(cues, "raids in Kunar, Khost or Paktia.", "Khost").mates == ("Kunar", "Paktia")
    assert _read(cues, "such as California or Washington.", "Washington").mates == ("California",)
    # The name after a comma is a container, not a list mate ("Sialkot, Punjab").
    assert _read(cues, "Sialkot, Punjab, was hit", "Sialkot").mates == ()
    assert _read(cues, "in Khost on Monday", "Khost").mates == ()


def test_people_and_group_names(cues: Cues) -> None:
    assert _read(cues, "Gen. Charles Cleveland said", "Cleveland").person
    assert _read(cues, "President Kabul", "Kabul").person
    assert not _read(cues, "he went to Cleveland", "Cleveland").person
    assert _read(cues, "Gen. J. Smith Cleveland", "Cleveland").person
    assert not _read(cues, "said President Obama. Cleveland voted", "Cleveland").person
    assert _read(cues, "the outfit led by Mangal Bagh, once", "Bagh").person
    assert not _read(cues, "a delegation led by Pakistan met", "Pakistan").person
    assert not _read(cues, "was attacked by Kabul police", "Kabul").person
    assert _read(cues, "Wilayat Khorasan", "Khorasan").group
    assert _read(cues, "IS-Khorasan", "Khorasan").group
    assert not _read(cues, "this is Khorasan", "Khorasan").group
    assert cues.is_group_name("wilayat khorasan")


def test_unit_word_split(cues: Cues) -> None:
    assert cues.unit_word("kandahar province") == ("kandahar", "admin1")
    assert cues.unit_word("kandahar") is None


def test_unit_words_of_several_words(cues: Cues) -> None:
    assert cues.unit_word("gwoza local government area") == ("gwoza", "admin2")
    assert cues.unit_word("gwoza lga") == ("gwoza", "admin2")
    assert cues.unit_word("nenagh municipal district") == ("nenagh", "admin2")
    assert cues.unit_word("local government area") is None  # a unit word with no name


def test_cue_rows_need_a_kind_and_a_source(tmp_path: Path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("cue,kind,value,source\nprovince,suffix,admin1,\n", encoding="utf-8")
    with pytest.raises(CueDataError, match="line 2"):
        Cues.load(path)
    path.write_text("cue,kind,value,source\nprovince,sufix,admin1,usage\n", encoding="utf-8")
    with pytest.raises(CueDataError, match="line 2"):
        Cues.load(path)


def test_shipped_demonyms_cover_countries_beyond_the_region() -> None:
    demonyms = shipped_cues().demonyms()
    assert demonyms["malaysian"] == "MY"
    assert demonyms["salvadoran"] == "SV"
    assert demonyms["south korean"] == "KR"
    # A shared demonym names the most populous country ("American": not US Minor Islands).
    assert demonyms["american"] == "US"
    # A region's demonym names its place id ("Kurdish": no country's).
    assert demonyms["kurdish"] == "sup:kurdistan"
    # Place names are not demonyms (the world-countries list gives "Djibouti").
    assert "djibouti" not in demonyms


def test_shipped_abbreviations_name_admin1_units_of_the_shipped_index() -> None:
    gaz, admin1 = Gazetteer.load(), FEATURE_TYPES.index("admin1")
    abbreviations = shipped_cues().by_kind["abbreviation"]
    for surface, value in abbreviations.items():
        country, _, name = value.partition("|")
        rows = [h.row for h in gaz.hits(fold(name)) if gaz.ftype[h.row] == admin1]
        assert any(gaz.country_of(row) == country for row in rows), surface
    assert abbreviations["B.C."] == abbreviations["BC"] == "CA|British Columbia"
    assert abbreviations["NJ"] == "US|New Jersey" and abbreviations["NSW"] == "AU|New South Wales"
    # Codes two units share, or that name a city first, are left out.
    assert not {"WA", "SA", "NT", "LA", "CA"} & abbreviations.keys()


def test_shipped_demonyms_of_states_and_nations_name_admin1_units() -> None:
    demonyms, gaz = shipped_cues().demonyms(), Gazetteer.load()
    assert gaz.get(demonyms["ohioan"]).name == "Ohio"
    assert gaz.get(demonyms["new yorker"]).name == "New York"
    assert gaz.get(demonyms["english"]).name == "England"
    assert demonyms["philippine"] == "PH"
    # The country's demonym is not taken over by the US state of the same name.
    assert demonyms["georgian"] == "GE"
    for value in demonyms.values():
        assert not value.startswith("gn:") or gaz.get(value) is not None, value
