"""Shape and coverage of the reviewed group lexicon (extraction/data/groups.yaml).

The file is read with plain YAML, independently of the extraction code, and each check is a
function returning the problems it finds: it runs on the shipped file (expecting none) and on
small broken entries made here (expecting the problem to be found).
"""

from __future__ import annotations

import colorsys
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

LEXICON = Path(__file__).resolve().parents[1] / "extraction" / "data" / "groups.yaml"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
GROUP_KEYS = {"id", "name", "short", "family", "colour", "aliases", "acronyms", "region", "source"}
OPTIONAL_KEYS = {"parent", "note", "founded", "founded_source"}
# The matcher folds away whitespace, hyphens and apostrophes before comparing names.
SEPARATORS = re.compile("[\\s\\-\u2010\u2011\u2012\u2013'\u2019\u2018\u02bc`\u00b4]+")
#: Ordinary words, places, people and other bodies that must never be a group's alias.
FORBIDDEN_ALIASES = {
    "is",
    "isi",
    "the",
    "state",
    "islamic",
    "jihad",
    "islamic jihad",
    "khorasan",
    "khurasan",
    "hind",
    "haqqani",
    "ansarullah",
    "al-badr",
    "pakistan",
    "afghanistan",
    "kashmir",
    "mujahideen",
}
#: A family's members are drawn in related hues: within this many degrees of the family colour.
HUE_SPREAD = 30
#: Colours lighter than this (HLS lightness) vanish on a light basemap.
MAX_LIGHTNESS = 0.78

#: Names the seed documents use, with the group each must resolve to.
SEED_NAMES = {
    "al-qaeda": ["al-Qaeda", "al-Qaida", "Al Qaeda", "al-Qa'ida", "Al-Qa’ida", "AQ"],
    "aqis": ["AQIS", "al-Qaeda in the Indian Subcontinent", "Al-Qaida in the Indian Sub-continent"],
    "afghan-taliban": ["Taliban", "Afghan Taliban", "Islamic Emirate"],
    "ttp": ["TTP", "Pakistani Taliban", "Tehrik-e-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"],
    "iskp": [
        "IS-K",
        "ISKP",
        "ISIL-K",
        "ISIS-K",
        "IS-KP",
        "ISIL-KP",
        "Wilayat Khorasan",
        "Wilayat Khurasan",
        "Khorasan Province",
        "Khurasan Province",
        "Daesh Khorasan",
    ],
    "islamic-state": [
        "Islamic State",
        "ISIS",
        "ISIL",
        "Daesh",
        "IS",
        "Islamic State in Iraq and al-Sham",
    ],
    "is-pakistan": ["Wilayat Pakistan"],
    "is-hind": ["Wilayat al-Hind"],
    "tehrik-e-khilafat": ["Tehrik-e-Khilafat Pakistan", "TKP"],
    "lashkar-e-taiba": [
        "LeT",
        "LET",
        "Lashkar-e-Taiba",
        "Lashkar-e-Tayyiba",
        "Lashkar-i-Taiba",
        "Laskhar-e-Taiba",
        "Jamaat-ud-Dawa",
        "Jamaatud-Dawa",
        "MDI",
        "Markaz al-Da'wa wal-Irshad",
    ],
    "lashkar-e-jhangvi": ["LeJ", "Lashkar-e-Jhangvi", "Lashkar-i-Jhangvi"],
    "jaish-e-mohammed": ["JeM", "JEM", "Jaish-e-Mohammed"],
    "harakat-ul-mujahideen": [
        "HuM",
        "HUM",
        "Harakat-ul-Mujahideen",
        "Harkat-ul-Mujahidin",
        "Harakat ul-Mujahidin",
        "Harakat-ul-Mujahidin",
    ],
    "huji": ["HuJI", "HJI", "Harakat-al-Jihad-al-Islami"],
    "harakat-ul-ansar": ["HuA", "HUA", "Harakat ul-Ansar"],
    "sipah-e-sahaba": ["SSP", "ASWJ", "Sipah-e-Sahaba Pakistan", "Ahle-Sunnat-Wal-Jamaat"],
    "haqqani-network": ["Haqqani network"],
    "imu": ["IMU", "Islamic Movement of Uzbekistan"],
    "etim": ["ETIM", "TIP"],
    "jamaat-ansarullah": ["Jamaat Ansarullah"],
    "hizb-ut-tahrir": ["Hizb-ut-Tahrir", "Hizb ut-Tahrir"],
    "sawt-al-ummah": ["Sawt-al-Ummah"],
    "abtal-ul-islam": ["Abtal-ul-Islam"],
    "brigade-313": ["Brigade 313", "313 Brigade"],
}
#: Branches that must hang under their global parent.
PARENTS = {
    "aqis": "al-qaeda",
    "iskp": "islamic-state",
    "is-pakistan": "islamic-state",
    "is-hind": "islamic-state",
    "haqqani-network": "afghan-taliban",
}


def load(path: Path = LEXICON) -> dict:
    """The lexicon file as plain YAML data."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def fold(name: str) -> str:
    """A name as the matcher compares it (separators removed, case kept)."""
    return SEPARATORS.sub("", name)


def name_keys(group: dict) -> set[tuple[bool, str]]:
    """(case-sensitive?, folded name) for every alias, the canonical name and every acronym."""
    keys = {(False, fold(a).casefold()) for a in [group["name"], *group.get("aliases", [])]}
    return keys | {(True, fold(a)) for a in group.get("acronyms", [])}


def shape_problems(data: dict) -> list[str]:
    """Missing keys, bad ids or colours, unknown families and parents, parent cycles."""
    problems = []
    families = data.get("families") or []
    groups = data.get("groups") or []
    family_ids = [f.get("id") for f in families]
    group_ids = [g.get("id") for g in groups]
    for kind, ids in (("family", family_ids), ("group", group_ids)):
        problems += [f"{kind} id {i!r} repeated" for i in set(ids) if ids.count(i) > 1]
    for family in families:
        missing = {"id", "name", "colour", "source"} - {k for k, v in family.items() if v}
        problems += [f"family {family.get('id')!r}: no {k}" for k in sorted(missing)]
    colours = [g.get("colour") for g in groups]
    problems += [f"colour {c} used twice" for c in set(colours) if colours.count(c) > 1]
    founded = {g.get("id"): g.get("founded") for g in groups}
    for group in groups:
        where = f"group {group.get('id')!r}"
        missing = {k for k in GROUP_KEYS - {"acronyms"} if not group.get(k)}
        problems += [f"{where}: no {k}" for k in sorted(missing)]
        problems += [f"{where}: unknown key {k}" for k in set(group) - GROUP_KEYS - OPTIONAL_KEYS]
        if not SLUG.fullmatch(str(group.get("id"))):
            problems.append(f"{where}: id is not a slug")
        for item in [group, *(f for f in families if f.get("id") == group.get("family"))]:
            if not COLOUR.fullmatch(str(item.get("colour"))):
                problems.append(f"{where}: colour {item.get('colour')!r} is not #rrggbb")
        if group.get("family") not in family_ids:
            problems.append(f"{where}: family {group.get('family')!r} does not exist")
        if "parent" in group and group["parent"] not in group_ids:
            problems.append(f"{where}: parent {group['parent']!r} does not exist")
        parent_founded = founded.get(group.get("parent"))
        if parent_founded and group.get("founded") and group["founded"] < parent_founded:
            problems.append(f"{where}: founded before its parent")
        if any(not isinstance(a, str) or not a.strip() for a in group.get("aliases") or []):
            problems.append(f"{where}: an alias is empty")
        if any(not re.search("[A-Z]", a) or " " in a for a in group.get("acronyms") or []):
            problems.append(f"{where}: an acronym has no capital or has a space")
    parents = {g.get("id"): g.get("parent") for g in groups}
    for start in parents:
        seen, node = set(), start
        while node is not None and node not in seen:
            seen.add(node)
            node = parents.get(node)
        if node is not None:
            problems.append(f"group {start!r}: parent chain loops at {node!r}")
    return problems


def shared_name_problems(data: dict) -> list[str]:
    """Folded names given to two groups, unless both groups' notes mention the name."""
    owners: dict[tuple[bool, str], list[dict]] = defaultdict(list)
    for group in data["groups"]:
        for key in name_keys(group):
            owners[key].append(group)
    problems = []
    for (_, folded), groups in owners.items():
        if len(groups) > 1 and not all(
            folded.casefold() in fold(g.get("note") or "").casefold() for g in groups
        ):
            problems.append(f"{folded!r} names {[g['id'] for g in groups]}")
    return problems


def forbidden_alias_problems(data: dict) -> list[str]:
    """Aliases that are ordinary words, places or people rather than a group's name."""
    forbidden = {fold(w).casefold() for w in FORBIDDEN_ALIASES}
    return [
        f"group {g['id']!r}: alias {a!r}"
        for g in data["groups"]
        for a in [g["name"], *g.get("aliases", [])]
        if fold(a).casefold() in forbidden
    ]


def colour_problems(data: dict) -> list[str]:
    """Group colours too light for the basemap or far from their family's hue."""
    family_hue = {f["id"]: _hls(f["colour"])[0] for f in data["families"]}
    problems = []
    for group in data["groups"]:
        hue, lightness, _ = _hls(group["colour"])
        apart = abs(hue - family_hue[group["family"]]) * 360
        if min(apart, 360 - apart) > HUE_SPREAD:
            problems.append(f"group {group['id']!r}: hue {min(apart, 360 - apart):.0f}° off")
        if lightness > MAX_LIGHTNESS:
            problems.append(f"group {group['id']!r}: colour too light ({lightness:.2f})")
    return problems


def _hls(colour: str) -> tuple[float, float, float]:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)


def resolve(data: dict, text: str) -> set[str]:
    """The ids of the groups a whole name refers to (aliases ignore case, acronyms do not)."""
    return {g["id"] for g in data["groups"] for key in name_keys(g) if key in _keys_of(text)}


def _keys_of(text: str) -> set[tuple[bool, str]]:
    return {(False, fold(text).casefold()), (True, fold(text))}


def _group(**values) -> dict:
    group = {
        "id": "test-group",
        "name": "Test Group",
        "short": "TG",
        "family": "f",
        "colour": "#123456",
        "aliases": ["Test Group"],
        "acronyms": ["TG"],
        "region": "nowhere",
        "source": "made for this test",
    }
    group.update(values)
    return group


def _data(*groups: dict) -> dict:
    family = {"id": "f", "name": "F", "colour": "#123456", "source": "made for this test"}
    return {"families": [family], "groups": list(groups)}


def test_the_lexicon_has_the_documented_shape():
    data = load()
    assert len(data["groups"]) >= 30
    assert shape_problems(data) == []


def test_shape_check_catches_broken_entries():
    broken = _data(
        _group(source=""),
        _group(id="Bad Id", colour="red"),
        _group(id="b", family="nowhere", colour="#abcdef"),
        _group(id="c", parent="d", colour="#123456"),
        _group(id="d", parent="c", colour="#abcde1", acronyms=["tg"]),
        _group(id="e", colour="#abcde2", parent="missing", colours="#fff"),
        _group(id="f", colour="#abcde3", founded=2007),
        _group(id="g", colour="#abcde4", parent="f", founded=2001),
    )
    found = shape_problems(broken)
    for fragment in (
        "founded before its parent",
        "no source",
        "not a slug",
        "is not #rrggbb",
        "does not exist",
        "loops",
        "unknown key",
        "no capital",
        "used twice",
    ):
        assert any(fragment in p for p in found), fragment


def test_no_name_belongs_to_two_groups():
    assert shared_name_problems(load()) == []


def test_shared_name_check_folds_spelling_and_honours_notes():
    other = {"id": "b", "name": "Other", "aliases": ["Other"], "acronyms": ["OT"]}
    twins = _data(
        _group(aliases=["Lashkar-e-Taiba"]), _group(**{**other, "aliases": ["Lashkar e Taiba"]})
    )
    assert shared_name_problems(twins) == ["'lashkaretaiba' names ['test-group', 'b']"]
    note = "Lashkar-e-Taiba is shared on purpose."
    noted = _data(
        _group(aliases=["Lashkar-e-Taiba"], note=note),
        _group(**{**other, "aliases": ["Lashkar e Taiba"]}, note=note),
    )
    assert shared_name_problems(noted) == []
    acronym_case = _data(_group(acronyms=["HUM"]), _group(**{**other, "acronyms": ["HuM"]}))
    assert shared_name_problems(acronym_case) == []


def test_no_alias_is_an_ordinary_word_place_or_person():
    assert forbidden_alias_problems(load()) == []
    assert forbidden_alias_problems(_data(_group(aliases=["IS", "Haqqani"]))) != []


def test_colours_are_visible_and_grouped_by_family():
    assert colour_problems(load()) == []
    wrong = _data(_group(colour="#00ff00"), _group(id="b", colour="#fefefe"))
    wrong["families"][0]["colour"] = "#ff0000"
    assert len(colour_problems(wrong)) == 2


def test_every_group_the_seeds_name_is_found_by_its_names():
    data = load()
    wrong = {
        text: sorted(resolve(data, text))
        for group_id, names in SEED_NAMES.items()
        for text in names
        if resolve(data, text) != {group_id}
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "group_id"),
    [
        ("Islamic State's Afghan affiliate", "iskp"),
        ("Soldiers of the Caliphate", "islamic-state"),
        ("Hafiz Gul Bahadur's group", "gul-bahadur-group"),
        ("Babbar Khalsa International", "babbar-khalsa"),
        ("KZF", "khalistan-zindabad-force"),
        ("CPI (Maoist)", "cpi-maoist"),
        ("ULFA-I", "ulfa"),
        ("Tamil Tigers", "ltte"),
    ],
)
def test_names_wires_and_other_texts_use(text, group_id):
    assert resolve(load(), text) == {group_id}


def test_acronyms_are_case_sensitive_and_aliases_are_not():
    data = load()
    assert resolve(data, "hum") == set()
    assert resolve(data, "let") == set()
    assert resolve(data, "LASHKAR-E-TAIBA") == {"lashkar-e-taiba"}


def test_branches_hang_under_their_global_parents():
    groups = {g["id"]: g for g in load()["groups"]}
    assert {child: groups[child].get("parent") for child in PARENTS} == PARENTS
    assert {groups[child]["family"] for child in ("aqis", "al-qaeda")} == {"al-qaeda"}
    assert {groups[c]["family"] for c in ("iskp", "is-pakistan", "is-hind")} == {"islamic-state"}
