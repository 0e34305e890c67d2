"""Countries and capitals named as actors ("U.S. commanders", "talks with Islamabad")."""

from pathlib import Path

import pytest

from extraction.actors import actor_words, dealings, names_actor, processes
from tests.factories import make_document, make_mention


def _mention(text: str, name: str, feature_type: str = "country"):
    start = text.index(name)
    return make_mention(
        make_document(text), text=name, start=start, end=start + len(name),
        feature_type=feature_type,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("U.S. commanders in Afghanistan fear al-Qaeda.", "U.S.", True),
        ("U.S. commanders in Afghanistan fear al-Qaeda.", "U.S", True),
        ("The IS-K bomber killed 13 US service members in Kabul.", "US", True),
        ("The Pakistan army fought the TTP.", "Pakistan", True),
        ("After the US withdrawal, LeT grew.", "US", True),
        ("TTP fighters crossed into Pakistan and Afghanistan.", "Pakistan", False),
        ("Pakistan, where the TTP is based, objected.", "Pakistan", False),
        ("Syria-based leaders of Daesh spoke.", "Syria", False),
    ],
)
def test_a_country_before_an_actor_noun_is_an_actor(text, name, actor):
    assert names_actor(text, _mention(text, name)) is actor


def test_towns_are_no_actors_before_actor_nouns():
    text = "Karachi police arrested LeT men."
    assert names_actor(text, _mention(text, "Karachi", "city")) is False


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("Since the breakdown of talks with Islamabad, the TTP attacked Bannu.", "Islamabad", True),
        ("Ties between Kabul and Islamabad soured as the TTP struck.", "Islamabad", True),
        ("Ties between Kabul and Islamabad soured as the TTP struck.", "Kabul", True),
        ("US pressure on Pakistan grew after LeT struck.", "Pakistan", True),
        ("The TTP held talks in Islamabad.", "Islamabad", False),
        ("The TTP struck Islamabad after the talks.", "Islamabad", False),
        ("HuT, banned in Uzbekistan, Tajikistan and Kazakhstan, grew.", "Tajikistan", True),
        ("HuT, banned in Uzbekistan, Tajikistan and Kazakhstan, grew.", "Kazakhstan", True),
        ("HuT is banned in Uzbekistan but recruits in Tajikistan.", "Tajikistan", False),
        ("The TTP ended a ceasefire with Islamabad in 2022.", "Islamabad", True),
        ("Pakistan says the TTP operates from Kunar, a charge Kabul denies.", "Pakistan", True),
        ("Pakistan says the TTP operates from Kunar, a charge Kabul denies.", "Kabul", True),
        ("While Pakistan blamed the attacks on al-Qaeda, the group struck.", "Pakistan", False),
        ("Police in Karachi said the TTP moved to Quetta.", "Karachi", False),
        ("The Haqqanis mediated between Islamabad and the TTP.", "Islamabad", True),
    ],
)
def test_a_government_dealt_with_is_an_actor(text, name, actor):
    kind = "city" if name in ("Islamabad", "Kabul") else "country"
    assert names_actor(text, _mention(text, name, kind)) is actor


def test_a_list_without_dealings_has_none(tmp_path: Path):
    own = tmp_path / "actors.yaml"
    own.write_text("source: test\nwords: [envoys]\n", encoding="utf-8")
    assert dealings(own).search("talks with ") is None


def test_words_come_from_the_reviewed_list(tmp_path: Path):
    assert {"army", "officials", "withdrawal", "commanders"} <= actor_words()
    own = tmp_path / "actors.yaml"
    own.write_text("source: test\nwords: [envoys]\n", encoding="utf-8")
    text = "Pakistan envoys met the Taliban."
    assert names_actor(text, _mention(text, "Pakistan"), actor_words(own)) is True
    assert names_actor(text, _mention(text, "Pakistan")) is False


def test_a_list_without_a_source_is_refused(tmp_path: Path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("words: [army]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source"):
        actor_words(bad)


def test_a_place_naming_a_process_held_there_is_no_whereabouts():
    assert "agreement" in processes()
    text = "The Taliban's pledge under the 2020 Doha agreement not to host al-Qaeda."
    assert names_actor(text, _mention(text, "Doha", "city")) is True
    office = "The Taliban opened a political office in Doha in 2013."
    assert names_actor(office, _mention(office, "Doha", "city")) is False


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The Khorasan Diary, an Islamabad-based outlet, says ISKP grew.", "Islamabad", True),
        ("A Kabul-based analyst said the TTP moved.", "Kabul", True),
        ("The Lahore-based think tank PIPS counted TTP attacks.", "Lahore", True),
        ("The Quetta-based shura of the Taliban met.", "Quetta", False),
        ("A Peshawar-based group of TTP fighters struck.", "Peshawar", False),
        ("Syria-based leaders of Daesh spoke.", "Syria", False),
    ],
)
def test_a_place_where_an_organisation_is_based_is_no_whereabouts(text, name, actor):
    assert names_actor(text, _mention(text, name, "city")) is actor
