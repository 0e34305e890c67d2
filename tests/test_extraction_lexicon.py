"""The group lexicon: loading the schema and naming the entry at fault."""

from pathlib import Path

import pytest
import yaml

from extraction.lexicon import LexiconError, load_lexicon, parse_lexicon

FIXTURE = Path(__file__).parent / "fixtures" / "groups_small.yaml"


def _data() -> dict:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def test_loads_groups_with_family_names_and_canonical_name_as_alias():
    lexicon = load_lexicon(FIXTURE)
    ttp = lexicon.group("ttp")
    assert ttp.family == "taliban" and ttp.family_name == "Taliban"
    assert ttp.aliases[0] == "Tehrik-e-Taliban Pakistan"
    assert "Pakistani Taliban" in ttp.aliases and ttp.acronyms == ("TTP",)
    assert lexicon.group("aqis").parent == "al-qaeda"
    with pytest.raises(KeyError):
        lexicon.group("nobody")
    assert (ttp.founded, lexicon.group("aqis").founded) == (2007, None)
    assert lexicon.founding_years() == {"ttp": 2007}


def test_lexicon_is_hashable_and_frozen():
    lexicon = load_lexicon(FIXTURE)
    assert hash(lexicon) == hash(load_lexicon(FIXTURE))
    with pytest.raises(AttributeError):
        lexicon.groups = ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["groups"][1].update(family="nope"), "group 'aqis': family 'nope'"),
        (lambda d: d["groups"][0].update(colour="blue"), "group 'al-qaeda': colour 'blue'"),
        (lambda d: d["groups"][2].pop("source"), "group 'afghan-taliban': 'source'"),
        (lambda d: d["groups"][3].update(parent="ghost"), "group 'ttp': parent 'ghost'"),
        (lambda d: d["groups"].append(dict(d["groups"][0])), "group id 'al-qaeda' appears twice"),
        (lambda d: d["groups"][4].update(aliases=["Al Qaida"]), "name 'alqaida' already names"),
        (lambda d: d["groups"][4].update(aliases="Daesh"), "group 'is-core': 'aliases'"),
        (lambda d: d.pop("families"), "'families' must be a non-empty list"),
        (lambda d: d["families"][0].update(id="Bad Id"), "family 'Bad Id': id must be"),
        (lambda d: d["groups"][3].update(founded="2007"), "group 'ttp': 'founded' must be a year"),
        (lambda d: d["groups"][3].update(founded=207), "group 'ttp': 'founded' must be a year"),
        (lambda d: d["groups"][3].pop("founded_source"), "group 'ttp': 'founded_source' must be"),
        (
            lambda d: d["groups"][0].update(founded_source="a book"),
            "group 'al-qaeda': 'founded_source' without 'founded'",
        ),
    ],
)
def test_invalid_entries_are_named(change, message):
    data = _data()
    change(data)
    with pytest.raises(LexiconError, match=message.replace("(", r"\(")):
        parse_lexicon(data, origin="fixture.yaml")


def test_missing_and_malformed_files(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("families: [\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_lexicon(bad)


@pytest.mark.skipif(
    not (Path(__file__).parents[1] / "extraction" / "data" / "groups.yaml").exists(),
    reason="the shipped lexicon extraction/data/groups.yaml has not landed yet",
)
def test_shipped_lexicon_loads():
    lexicon = load_lexicon()
    assert len(lexicon.groups) >= 30
