"""Sites the index lacks, placed inside the place the text puts them in."""

from __future__ import annotations

import pytest

from gazetteer.located import SitePatterns, locate_sites, place_followed
from gazetteer.records import Place, Resolution
from gazetteer.resolver import Resolver
from tests.test_gazetteer_build import build_fixture_index

KHOST = Place("gn:1136469", "Khost", 33.33951, 69.92041, "city", "AF", "Khowst", 106_083)
PATTERNS = SitePatterns({"camp", "village", "compound", "hotel"})
COMMON = {"Army", "Holly", "Afghan", "Pakistani"}


def _is_name(word: str) -> bool:
    return word[0].isupper() and word not in COMMON


def _located(text: str, taken: tuple[tuple[int, int], ...] = ()) -> list[tuple[str, str, int]]:
    """(surface, place id, start) of the sites placed in the text's one "Khost"."""
    start = text.index("Khost")
    holder = Resolution(start, start + 5, "Khost", KHOST, 0.8)
    answered = [holder]
    found = locate_sites(text, answered, [(start, start + 5), *taken], PATTERNS, _is_name)
    return [(r.text, r.place.place_id, r.start) for r in found]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He ran the Khaldan camp in Khost for years.", "Khaldan camp"),
        ("He trained at Jihadwal, al-Qa'ida's main training camp in Khost.", "Jihadwal"),
        ("Jihadwal, a small camp near Khost, was bombed.", "Jihadwal"),
        ("Drones struck the village of Datta Khel in Khost.", "Datta Khel"),
        ("The Serena Hotel in Khost was attacked.", "Serena Hotel"),
        ("Torkula village of Khost was emptied.", "Torkula village"),
    ],
)
def test_a_site_named_with_its_holder_is_placed_there(text: str, name: str) -> None:
    found = _located(text)
    assert [(surface, place_id) for surface, place_id, _ in found] == [
        (name, f"in:gn:1136469:{name.lower().replace(' ', '-')}")
    ]


def test_a_located_site_keeps_its_holders_point_and_precision_and_a_lower_score() -> None:
    text = "He ran the Khaldan camp in Khost."
    start = text.index("Khost")
    holder = Resolution(start, start + 5, "Khost", KHOST, 0.8)
    (site,) = locate_sites(text, [holder], [(start, start + 5)], PATTERNS, _is_name)
    assert (site.place.lat, site.place.lon) == (KHOST.lat, KHOST.lon)
    assert site.place.feature_type == "city" and site.place.country_code == "AF"
    assert site.place.name == "Khaldan camp" and site.place.population == 0
    assert site.score < holder.score and site.alternatives == ()


def test_later_mentions_of_a_located_name_get_its_answer() -> None:
    text = "They trained at Jihadwal, the camp in Khost. Others came to train in Jihadwal too."
    found = _located(text)
    assert [(s, start) for s, _, start in found] == [
        ("Jihadwal", text.index("Jihadwal")),
        ("Jihadwal", text.rindex("Jihadwal")),
    ]
    assert len({place_id for _, place_id, _ in found}) == 1


def test_a_word_inside_a_longer_word_is_no_later_mention() -> None:
    text = "They trained at Jihadwal, the camp in Khost. Jihadwali fighters left."
    assert len(_located(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Afghan refugee camp in Khost was raided.",  # a demonym, not a name
        "The Pakistani Army camp in Khost was raided.",
        "Shops in the Holly Heights neighborhood of Khost closed.",  # a common word in it
        "Ahmed, a resident of the village in Khost, said so.",  # a person, then "of the"
        "A camp in Khost was raided.",  # no name at all
        "The camp near the river in Khost was raided.",
    ],
)
def test_no_site_without_a_proper_name_before_the_site_word(text: str) -> None:
    assert _located(text) == []


def test_a_name_overlapping_a_taken_span_is_no_site() -> None:
    text = "The Taliban camp in Khost was raided."
    taliban = (text.index("Taliban"), text.index("Taliban") + 7)
    assert _located(text, taken=(taliban,)) == []


def test_a_holder_not_after_a_placing_word_places_nothing() -> None:
    assert _located("The Khaldan camp, Khost and Kabul.") == []


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return Resolver(build_fixture_index(tmp_path_factory.mktemp("index")))


def test_geoparse_places_sites_with_the_shipped_site_words(resolver: Resolver) -> None:
    text = "Abu Zubayda ran the Khaldan camp in Khost. The CIA compound in Khost was hit."
    found = {r.text: r.place for r in resolver.geoparse(text)}
    assert found["Khaldan camp"].place_id == f"in:{found['Khost'].place_id}:khaldan-camp"
    assert "CIA compound" not in found  # capitals: an acronym, not a site's name


def test_geoparse_leaves_excluded_names_alone(resolver: Resolver) -> None:
    text = "The Haqqani camp in Khost was raided."
    haqqani = (text.index("Haqqani"), text.index("Haqqani") + 7)
    assert "Haqqani camp" in {r.text for r in resolver.geoparse(text)}
    assert "Haqqani camp" not in {r.text for r in resolver.geoparse(text, exclude=[haqqani])}


def _followed(text: str, *names: str) -> list[Resolution | None]:
    """``place_followed`` over spans of ``names``, where only "Khost" was answered."""
    spans, results, at = [], [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        holder = Resolution(start, start + len(name), name, KHOST, 0.8)
        results.append(holder if name == "Khost" else None)
        at = start + len(name)
    place_followed(text, spans, results, lambda i: True)
    return results


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered at the Serena Palace in Khost on Friday.",
        "Protesters gathered at the Serena Palace, Khost.",
        "Protesters gathered at the Serena Palace near Khost.",
        "Protesters gathered at the Serena Palace, Khost, on Friday.",
    ],
)
def test_an_unanswered_name_right_before_an_answered_one_is_placed_in_it(text: str) -> None:
    site, _khost = _followed(text, "Serena Palace", "Khost")
    assert site is not None and site.place.place_id == "in:gn:1136469:serena-palace"
    assert (site.start, site.end) == (text.index("Serena"), text.index("Serena") + 13)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fire crews came from Harwinton, Khost, Kabul and Lahore.", "Harwinton"),  # a list
        ("Beyond Madinaty, Khost have other academies.", "Madinaty"),  # a clause's comma
        ("Fire crews came from Harwinton and Khost.", "Harwinton"),
    ],
)
def test_a_list_or_a_clause_places_nothing(text: str, name: str) -> None:
    assert _followed(text, name, "Khost")[0] is None


def test_a_possessive_holder_places_the_name_after_it() -> None:
    text = "Boys train in Khost's gated suburb of Madinaty. Madinaty has a pitch."
    results = _followed(text, "Khost", "Madinaty", "Madinaty")
    assert [r and r.place.place_id for r in results[1:]] == ["in:gn:1136469:madinaty"] * 2


def test_a_name_placed_once_is_placed_everywhere_it_is_unanswered() -> None:
    text = "Madinaty opened. The club in Madinaty, Khost, trains boys."
    results = _followed(text, "Madinaty", "Madinaty", "Khost")
    assert results[0] is not None and results[0].start == 0
    assert results[0].place == results[1].place


def test_names_that_may_not_be_asked_about_stay_unanswered() -> None:
    text = "Gen. Charles Cleveland in Khost said so."
    spans = [(13, 22), (26, 31)]
    results: list[Resolution | None] = [None, Resolution(26, 31, "Khost", KHOST, 0.8)]
    place_followed(text, spans, results, lambda i: i != 0)
    assert results[0] is None


def test_resolver_places_a_gold_span_the_index_lacks(resolver: Resolver) -> None:
    text = "Talks were held at the Palais Serena in Khost."
    start = text.index("Palais")
    site, khost = resolver.resolve(text, [(start, start + 13), (text.index("Khost"), len(text) - 1)])
    assert khost is not None and site is not None
    assert site.place.place_id == f"in:{khost.place.place_id}:palais-serena"
    assert site.score < khost.score


def test_a_possessive_before_a_function_word_holds_nothing() -> None:
    text = "Khost's mission to the United Nations said so."
    assert _followed(text, "Khost", "United Nations")[1] is None


def test_a_comma_and_a_compass_word_may_come_between_a_name_and_its_holder() -> None:
    text = "He was shot on the Mozart Estate, in north west Khost."
    site = _followed(text, "Mozart Estate", "Khost")[0]
    assert site is not None and site.place.place_id == "in:gn:1136469:mozart-estate"


def test_a_community_before_a_site_word_names_no_site(resolver: Resolver) -> None:
    text = "A bomber struck a Sufi shrine in Khost and the Hazara neighbourhood in Khost."
    assert {r.text for r in resolver.geoparse(text)} == {"Khost"}


def test_a_spotted_name_is_not_placed_like_a_name_asked_about(resolver: Resolver) -> None:
    # No Cleveland lies in Khost: asked about it, the resolver places it there; spotted,
    # it may be a person's name ("Obama in Orange County"), and stays unanswered.
    text = "Cleveland in Khost spoke."
    asked = resolver.resolve(text, [(0, 9), (13, 18)])[0]
    assert asked is not None and asked.place.place_id.startswith("in:")
    assert [r.text for r in resolver.geoparse(text)] == ["Khost"]
