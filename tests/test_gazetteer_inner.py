"""Inner names: institutions named after their place, and what is not one."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.inner import inner_names, institution_words

WORDS = institution_words()
DIRECTIONS = frozenset({"west", "north", "central"})
DEMONYMS = frozenset({"american", "russian"})


def _names(surface: str) -> list[str]:
    return list(
        inner_names(
            surface, WORDS, DIRECTIONS, {"republic", "academy", "us"}.__contains__, DEMONYMS
        )
    )


@pytest.mark.parametrize(
    ("surface", "place"),
    [
        ("Kabul University", "Kabul"),
        ("University of Peshawar", "Peshawar"),
        ("Colorado State University", "Colorado"),
        ("Delhi High Court", "Delhi"),
        ("Bank of Japan", "Japan"),
        ("Walker County Sheriff's Office", "Walker County"),
        ("Bagram Air Base", "Bagram"),
        ("West Surrey", "Surrey"),
        ("Jinnah International Airport", "Jinnah"),
        ("US Federal Reserve", "US"),
    ],
)
def test_institutions_offer_their_place_longest_first(surface: str, place: str) -> None:
    # The resolver takes the first name the index knows ("Colorado State" is not one).
    names = _names(surface)
    assert place in names
    sizes = [len(n.split()) for n in names]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(
    "surface",
    [
        "Lake Vermont",
        "Gulf of Mexico",
        "Marjory Stoneman Douglas High School",
        "Hamilton Township",
        "Islamic Republic",
        "Kabul",
        "Central American",
        "Smart Dubai Office Tower",
    ],
)
def test_other_names_give_nothing(surface: str) -> None:
    assert _names(surface) == []


def test_words_need_a_source(tmp_path: Path) -> None:
    path = tmp_path / "institutions.csv"
    path.write_text("word,source\n# a comment\nuniversity,S.UNIV\n,nothing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty word"):
        institution_words(path)
