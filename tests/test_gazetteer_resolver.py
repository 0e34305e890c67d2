"""The resolver on the fixture gazetteer: one test per ranking cue, and the API contract."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.cues import Cues
from gazetteer.ranking import Weights
from gazetteer.records import Place, Resolution
from gazetteer.resolver import Resolver, _drop_lonely_towns
from tests.test_gazetteer_build import SOURCE, build_fixture_index


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return Resolver(build_fixture_index(tmp_path_factory.mktemp("index")))


def _resolve(resolver: Resolver, text: str, *names: str) -> list[Resolution | None]:
    spans, start = [], 0
    for name in names:
        begin = text.index(name, start)
        spans.append((begin, begin + len(name)))
        start = begin + len(name)
    return resolver.resolve(text, spans)


def _id(result: Resolution | None) -> str | None:
    return None if result is None else result.place.place_id


def test_population_prior_picks_the_bigger_hyderabad_without_context(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "Hyderabad", "Hyderabad")[0]) == "gn:1269843"


def test_bare_name_of_a_province_capital_is_the_city(resolver: Resolver) -> None:
    assert (
        _id(_resolve(resolver, "A bomb went off in Khost on Monday.", "Khost")[0]) == "gn:1136469"
    )


def test_province_suffix_cue(resolver: Resolver) -> None:
    result = _resolve(resolver, "Militants attacked Khost province on Monday.", "Khost")[0]
    assert _id(result) == "gn:1444362"


def test_plural_unit_word_after_a_list(resolver: Resolver) -> None:
    text = "Militants attacked Khost, Paktia and Logar provinces."
    assert _id(_resolve(resolver, text, "Khost")[0]) == "gn:1444362"


def test_a_list_of_provinces_makes_its_names_provinces(resolver: Resolver) -> None:
    # Bare "Khost" is the city; beside a province in a list, the province.
    text = "Fighting spread in Khost and Punjab."
    assert _id(_resolve(resolver, text, "Khost")[0]) == "gn:1444362"
    text = "Fighting spread in Khost and Karachi."
    assert _id(_resolve(resolver, text, "Khost")[0]) == "gn:1136469"


def test_unit_word_inside_the_span(resolver: Resolver) -> None:
    assert (
        _id(_resolve(resolver, "Fighting in Khost Province", "Khost Province")[0]) == "gn:1444362"
    )


def test_a_place_holding_the_whole_name_beats_one_holding_its_head(resolver: Resolver) -> None:
    # Cleveland, Ohio (388,072 people) is only "Cleveland"; the small town holds "Cleveland
    # Valley" itself.
    text = "Fighting spread through the Cleveland Valley."
    assert _id(_resolve(resolver, text, "Cleveland Valley")[0]) == "gn:4188377"


def test_district_suffix_cue(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "Police in Hyderabad district said", "Hyderabad")[0]) in {
        "gn:1176733"
    }


def test_same_name_with_and_without_a_cue_in_one_text(resolver: Resolver) -> None:
    # Spans of one name are cached by surface when they have no cue, by surface and
    # cues otherwise: the cue must still decide its own span, in either order.
    for text in (
        "Militants attacked Khost province; in Khost on Monday a bomb went off.",
        "In Khost on Monday a bomb went off; militants attacked Khost province.",
    ):
        first, second = text.index("Khost"), text.index("Khost", text.index("Khost") + 1)
        results = resolver.resolve(text, [(first, first + 5), (second, second + 5)])
        cued = 0 if text.startswith("Militants") else 1
        assert _id(results[cued]) == "gn:1444362"
        assert _id(results[1 - cued]) == "gn:1136469"


def test_alternatives_are_the_next_best_by_belief(resolver: Resolver) -> None:
    result = _resolve(resolver, "Hyderabad", "Hyderabad")[0]
    ranked = resolver.search("Hyderabad")
    assert result is not None
    assert [result.place, *(c.place for c in result.alternatives)] == [
        c.place for c in ranked[: 1 + len(result.alternatives)]
    ]
    assert [c.score for c in result.alternatives] == [c.score for c in ranked[1:6]]


def test_city_of_prefix_cue(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "in the city of Khost", "Khost")[0]) == "gn:1136469"


def test_container_after_a_comma(resolver: Resolver) -> None:
    assert (
        _id(_resolve(resolver, "Police in Hyderabad, Sindh said", "Hyderabad")[0]) == "gn:1176734"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop lost in extraction runs the container into the next sentence.
        ("A raid in Hyderabad, Sindh The police said little", "gn:1176734"),
        ("A raid in Hyderabad, Telangana The police said little", "gn:1269843"),
    ],
)
def test_container_read_by_its_known_leading_words(
    resolver: Resolver, text: str, expected: str
) -> None:
    assert _id(_resolve(resolver, text, "Hyderabad")[0]) == expected


def test_a_name_beginning_another_places_name_is_not_that_place(resolver: Resolver) -> None:
    text = "Plans of the Khost Barracks and Hyderabad Heights were found in Khost."
    results = _resolve(resolver, text, "Khost", "Hyderabad", "Khost")
    assert [_id(r) for r in results] == [None, None, "gn:1136469"]


def test_a_small_town_in_a_country_the_text_never_names_is_no_answer(resolver: Resolver) -> None:
    # Bara in Khyber is not in the fixture; Bārah in Sudan (17,000 people) is.
    text = "Gunmen from Bara hit Peshawar; police in Karachi and Lahore were on alert."
    results = _resolve(resolver, text, "Bara", "Peshawar", "Karachi", "Lahore")
    assert _id(results[0]) is None and all(r is not None for r in results[1:])
    # Alone, or with too few names elsewhere to say where the text is, it stays.
    assert _id(_resolve(resolver, "Floods hit Bara.", "Bara")[0]) == "gn:377724"
    text = "Gunmen from Bara hit Peshawar and Karachi."
    assert _id(_resolve(resolver, text, "Bara", "Peshawar", "Karachi")[0]) == "gn:377724"
    # A country the text speaks of by its demonym is no stranger to it.
    text = "Gunmen from Bara hit Peshawar; Sudanese police in Karachi and Lahore were on alert."
    results = _resolve(resolver, text, "Bara", "Peshawar", "Karachi", "Lahore")
    assert _id(results[0]) == "gn:377724"


def test_a_country_or_province_after_in_holds_the_place(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "A cell was found in Hyderabad in Sindh.", "Hyderabad")[0]) == (
        "gn:1176734"
    )
    # A month, or a district, after "in" is no container.
    assert _id(_resolve(resolver, "A cell was found in Hyderabad in March.", "Hyderabad")[0]) == (
        "gn:1269843"
    )


def test_a_place_the_text_puts_where_none_of_its_candidates_lies_is_no_answer(
    resolver: Resolver,
) -> None:
    # The index's only Sialkot is in Pakistan's Punjab: the text means another one.
    assert _resolve(resolver, "A cell was found in Sialkot in Sindh.", "Sialkot")[0] is None
    assert _resolve(resolver, "The old town of Sialkot of Kabul.", "Sialkot")[0] is None
    # "of" holds as "in" does; a town near the holding town, or a country, is not tested.
    results = _resolve(resolver, "The Hyderabad of Sindh.", "Hyderabad")
    assert _id(results[0]) == "gn:1176734"
    text = "The Embassy of Pakistan in Kabul and the Sialkot of Punjab."
    results = _resolve(resolver, text, "Pakistan", "Sialkot")
    assert results[0] is not None and _id(results[1]) == "gn:1164909"


def test_contained_place_before_a_comma_picks_the_province(resolver: Resolver) -> None:
    results = _resolve(resolver, "A blast in Sialkot, Punjab killed two.", "Sialkot", "Punjab")
    assert [_id(r) for r in results] == ["gn:1164909", "gn:1167710"]


def test_document_country_decides_hyderabad(resolver: Resolver) -> None:
    text = "Police in Hyderabad arrested two men, Pakistan's interior ministry said."
    assert _id(_resolve(resolver, text, "Hyderabad", "Pakistan")[0]) == "gn:1176734"


def test_demonym_in_the_text_counts_as_country_context(resolver: Resolver) -> None:
    text = "Pakistani police in Hyderabad arrested two men."
    assert _id(_resolve(resolver, text, "Hyderabad")[0]) == "gn:1176734"


def test_admin1_context_decides_punjab_india(resolver: Resolver) -> None:
    text = "Farmers marched through Punjab, from Amritsar to Ludhiana."
    assert _id(_resolve(resolver, text, "Punjab", "Amritsar", "Ludhiana")[0]) == "gn:1259223"


def test_admin1_context_decides_punjab_pakistan(resolver: Resolver) -> None:
    text = "Police across Punjab were on alert; Lahore was calm."
    assert _id(_resolve(resolver, text, "Punjab", "Lahore")[0]) == "gn:1167710"


def test_closeness_to_other_places_decides_cleveland(resolver: Resolver) -> None:
    georgia = "Storms hit Cleveland, north of Atlanta; Georgia officials said"
    # Atlanta is not in the fixture: Georgia (the state) carries the context here.
    assert _id(_resolve(resolver, georgia, "Cleveland", "Georgia")[0]) == "gn:4188377"
    assert _id(_resolve(resolver, "Cleveland, Ohio", "Cleveland")[0]) == "gn:5150529"


def test_administered_cue_ties_kashmir_to_india(resolver: Resolver) -> None:
    assert (
        _id(_resolve(resolver, "Protests in India-administered Kashmir", "Kashmir")[0])
        == "gn:1269320"
    )


def test_a_possessive_country_ties_the_name_to_it(resolver: Resolver) -> None:
    text = "Drones near Amritsar and Ludhiana; LeT's base in Pakistan's Punjab province."
    results = _resolve(resolver, text, "Amritsar", "Ludhiana", "Punjab")
    assert results[2] is not None and results[2].place.country_code == "PK"
    # Without it, the text's other names decide.
    text = "Drones near Amritsar and Ludhiana; a base in Punjab."
    plain = _resolve(resolver, text, "Amritsar", "Ludhiana", "Punjab")[2]
    assert plain is not None and plain.place.country_code == "IN"
    # A name none of whose candidates lies in the possessor is not answered; a possessor
    # that is no country, province or big city says nothing.
    assert _resolve(resolver, "Karachi's Sialkot district", "Sialkot")[0] is None
    assert _id(_resolve(resolver, "Bin Ladin's Sialkot house", "Sialkot")[0]) == "gn:1164909"


def test_compass_word_favours_large_areas(resolver: Resolver) -> None:
    plain = _resolve(resolver, "They met in Khost.", "Khost")[0]
    eastern = _resolve(resolver, "They met in eastern Khost.", "Khost")[0]
    assert _id(plain) == "gn:1136469"
    assert _id(eastern) == "gn:1444362"


def test_khorasan_in_an_af_pak_text_is_never_irans_province(resolver: Resolver) -> None:
    text = "Fighters moved between Khorasan, Kabul and Peshawar, officials in Afghanistan said."
    result = _resolve(resolver, text, "Khorasan", "Kabul", "Peshawar", "Afghanistan")[0]
    assert _id(result) != "gn:6201375"


def test_group_name_is_not_a_place(resolver: Resolver) -> None:
    assert _resolve(resolver, "Wilayat Khorasan claimed the attack", "Khorasan") == [None]
    assert _resolve(resolver, "IS-Khorasan claimed the attack", "Khorasan") == [None]
    assert _resolve(resolver, "Wilayat Khorasan claimed it", "Wilayat Khorasan") == [None]


def test_person_after_a_title_is_not_a_place(resolver: Resolver) -> None:
    text = "Gen. Charles Cleveland spoke in Kabul."
    assert _resolve(resolver, text, "Cleveland", "Kabul")[0] is None
    assert _resolve(resolver, "Mr. Cleveland said", "Cleveland") == [None]


def test_unknown_names_get_none(resolver: Resolver) -> None:
    assert _resolve(resolver, "We visited Atlantis.", "Atlantis") == [None]


def test_a_resolver_asked_for_no_runners_up_gives_the_same_answers_without_them(
    resolver: Resolver,
) -> None:
    bare = Resolver(resolver.gazetteer, runners_up=0)
    text = "Bombs in Hyderabad and Khost; Punjab police and Karachi officials responded."
    names = ("Hyderabad", "Khost", "Punjab", "Karachi")
    full, lean = _resolve(resolver, text, *names), _resolve(bare, text, *names)
    assert [r and (r.place, r.score) for r in lean] == [r and (r.place, r.score) for r in full]
    assert any(r and r.alternatives for r in full)
    assert all(r is None or r.alternatives == () for r in lean)


def test_resolution_carries_score_and_up_to_five_alternatives(resolver: Resolver) -> None:
    result = _resolve(resolver, "Hyderabad", "Hyderabad")[0]
    assert result is not None and 0.0 <= result.score <= 1.0
    assert 1 <= len(result.alternatives) <= 5
    assert all(0.0 <= c.score <= 1.0 for c in result.alternatives)
    assert result.text == "Hyderabad" and not result.online


def test_one_answer_per_span_in_order_and_bad_spans_rejected(resolver: Resolver) -> None:
    text = "Kabul and Karachi"
    results = resolver.resolve(text, [(10, 17), (0, 5)])
    assert [r.text for r in results if r] == ["Karachi", "Kabul"]
    with pytest.raises(ValueError, match="outside the text"):
        resolver.resolve(text, [(0, 99)])


def test_search_lists_candidates_best_first(resolver: Resolver) -> None:
    found = resolver.search("Punjab")
    assert {c.place.place_id for c in found} == {"gn:1167710", "gn:1259223"}
    assert found[0].score >= found[1].score
    hinted = resolver.search("Punjab", countries=("IN",))
    assert hinted[0].place.place_id == "gn:1259223"
    assert resolver.search("") == []


def test_threshold_turns_weak_answers_into_none(resolver: Resolver) -> None:
    strict = Resolver(resolver.gazetteer, min_score=0.999)
    assert _resolve(strict, "Hyderabad", "Hyderabad") == [None]
    assert _id(_resolve(resolver, "Hyderabad", "Hyderabad")[0]) is not None


def test_geoparse_spots_with_the_spotter_and_respects_exclusions(resolver: Resolver) -> None:
    text = "Wilayat Khorasan fighters attacked Peshawar; police in Hyderabad, Sindh were on alert."
    found = resolver.geoparse(text, exclude=[(0, 16)])
    ids = [r.place.place_id for r in found]
    assert "gn:1168197" in ids and "gn:1176734" in ids
    assert all(r.start >= 16 for r in found)
    assert {(r.start, r.end) for r in found} <= set(resolver.spot(text, exclude=[(0, 16)]))


def test_acronyms_only_name_large_areas(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "officials in the U.S. said", "U.S.")[0]) == "gn:6252001"
    assert _resolve(resolver, "the KHI airport", "KHI") == [None]


def test_bare_compass_words_are_not_places(resolver: Resolver) -> None:
    assert _resolve(resolver, "fighting in the North", "the North") == [None]
    assert _resolve(resolver, "Western officials said", "Western") == [None]


def test_curated_region_wins_over_a_provinces_alternate_name(resolver: Resolver) -> None:
    assert _id(_resolve(resolver, "Militants trained for Kashmir.", "Kashmir")[0]) == "sup:kashmir"


def _with_town(factory: pytest.TempPathFactory, name: str, alternate: str, admin1: str) -> Resolver:
    """The fixture gazetteer plus one big town of the US known also as ``alternate``."""
    source = factory.mktemp("src") / "source"
    shutil.copytree(SOURCE, source)
    row = [
        "9000001", name, name, alternate, "41.0", "-82.0", "P", "PPLC",
        "US", "", admin1, "", "", "", "2000000", "", "200", "America/New_York", "2024-01-01",
    ]  # fmt: skip
    with (source / "geonames" / "cities500.txt").open("a", encoding="utf-8") as handle:
        handle.write("\t".join(row) + "\n")
    return Resolver(build_fixture_index(factory.mktemp("idx"), source))


def _town_belief(resolution: Resolution | None) -> float:
    """The belief in the added town among a resolution's runners-up."""
    assert resolution is not None
    return next(c.score for c in resolution.alternatives if c.place.place_id == "gn:9000001")


def test_bare_unit_name_that_is_also_its_big_citys_alternate_name_is_the_city(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "New York": the state's own name and an alternate name of New York City in it.
    resolver = _with_town(tmp_path_factory, "Ohio Metropolis", "Ohio", "OH")
    assert _id(_resolve(resolver, "Protests in Ohio on Monday", "Ohio")[0]) == "gn:9000001"
    assert _id(_resolve(resolver, "Protests in Ohio state", "Ohio")[0]) == "gn:5165418"


def test_bare_country_name_that_is_also_its_capitals_alternate_name_is_the_country(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Mexico": the country, and an alternate name of Mexico City.
    resolver = _with_town(tmp_path_factory, "United States City", "United States", "OH")
    text = "Police in Cleveland and United States officials"
    ranked = _resolve(resolver, text, "Cleveland", "United States")[1]
    assert _id(ranked) == "gn:6252001"
    # The country holds Cleveland, so it wins on closeness too; the rule is what keeps
    # the town (60 km from Cleveland) far behind it.
    unranked = Resolver(resolver.gazetteer, weights=Weights(namesake_unit=0.0))
    unranked_town = _resolve(unranked, text, "Cleveland", "United States")[1]
    assert _town_belief(ranked) < 0.5 * _town_belief(unranked_town)
    text = "in the city of United States"
    assert _id(_resolve(resolver, text, "United States")[0]) == "gn:9000001"


def test_region_keeps_its_name_against_a_province_supported_by_its_towns(
    resolver: Resolver,
) -> None:
    # Srinagar supports India's Jammu and Kashmir, but it lies in the Kashmir region too.
    text = "Militants from Srinagar crossed into Kashmir."
    assert _id(_resolve(resolver, text, "Srinagar", "Kashmir")[1]) == "sup:kashmir"


def test_regions_and_features_are_not_ranked_as_empty_places(resolver: Resolver) -> None:
    weights = Resolver(resolver.gazetteer, weights=Weights(unpeopled=0.0)).ranker.pools.get(
        "kashmir"
    )
    assert resolver.ranker.pools.get("kashmir").prior.max() > weights.prior.max()


def test_demonym_span_resolves_to_its_country(resolver: Resolver) -> None:
    results = _resolve(resolver, "Iranian and Pakistanis' officials met.", "Iranian", "Pakistanis'")
    assert [_id(r) for r in results] == ["gn:130758", "gn:1168579"]


def test_demonym_of_a_region_resolves_to_the_region_and_votes_for_no_country(
    resolver: Resolver,
) -> None:
    cues = Cues([("khorasani", "demonym", "sup:khorasan"), ("pakistani", "demonym", "PK")])
    regional = Resolver(resolver.gazetteer, cues=cues)
    text = "Khorasani and Pakistani fighters met."
    found = _resolve(regional, text, "Khorasani", "Pakistani")
    assert [_id(r) for r in found] == ["sup:khorasan", "gn:1168579"]
    assert regional._context(text) == {"PK": regional.ranker.weights.demonym}


def test_bare_mentions_take_the_place_their_cued_mention_names(resolver: Resolver) -> None:
    # Srinagar and Amritsar alone would pull the bare Hyderabad to India's.
    text = (
        "Police in Hyderabad, Sindh arrested two men. In Srinagar and Amritsar, Hyderabad was news."
    )
    found = _resolve(resolver, text, "Hyderabad", "Srinagar", "Amritsar", "Hyderabad")
    assert _id(found[0]) == _id(found[3]) == "gn:1176734"
    assert found[3] is not None and found[3].score == found[0].score
    alone = _resolve(
        resolver,
        "In Srinagar and Amritsar, Hyderabad was news.",
        "Srinagar",
        "Amritsar",
        "Hyderabad",
    )
    assert _id(alone[2]) == "gn:1269843"


def test_cued_mentions_that_disagree_leave_bare_ones_to_the_context(resolver: Resolver) -> None:
    text = "Hyderabad, Telangana and Hyderabad, Sindh both flooded; Hyderabad was worst hit."
    india, pakistan, bare = _resolve(resolver, text, "Hyderabad", "Hyderabad", "Hyderabad")
    assert (_id(india), _id(pakistan)) == ("gn:1269843", "gn:1176734")
    assert bare is not None and bare.score < min(india.score, pakistan.score)


def test_a_country_after_a_comma_outweighs_the_texts_other_country(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # A town called India (in Ohio) must not make "India" a weaker container than a
    # province: the container is read as the country or unit it names.
    resolver = _with_town(tmp_path_factory, "India", "India", "OH")
    text = "Police in Karachi and Lahore said the suspect had come from Hyderabad, India."
    found = _resolve(resolver, text, "Karachi", "Lahore", "Hyderabad", "India")
    assert _id(found[2]) == "gn:1269843" and _id(found[3]) == "gn:1269750"


def test_an_institution_is_answered_by_the_place_it_is_named_after(resolver: Resolver) -> None:
    text = "Students at Peshawar University and lawyers at the Lahore High Court protested."
    university, court = _resolve(resolver, text, "Peshawar University", "Lahore High Court")
    assert _id(university) == _id(_resolve(resolver, "Peshawar", "Peshawar")[0])
    assert _id(court) == _id(_resolve(resolver, "Lahore", "Lahore")[0])
    assert university is not None and university.text == "Peshawar University"


def test_a_namesake_feature_is_not_its_place(resolver: Resolver) -> None:
    found = _resolve(
        resolver, "Boats on Lake Kabul and the Karachi Canal", "Lake Kabul", "Karachi Canal"
    )
    assert found == [None, None]


def test_an_acronym_names_a_city_of_a_million(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The added town has 2,000,000 people and the alternate name "Mcy", written "MCY" (as
    # New York City has "NYC"); villages stay out (test_acronyms_only_name_large_areas).
    resolver = _with_town(tmp_path_factory, "Metro City", "Mcy", "OH")
    assert _id(_resolve(resolver, "Protests in MCY on Monday", "MCY")[0]) == "gn:9000001"


_answer = st.builds(
    lambda name, kind, code, population: Resolution(
        0, 1, name, Place(f"gn:{name}{code}", name, 0.0, 0.0, kind, code, None, population), 0.9
    ),
    st.sampled_from(["Bara", "Tank", "Quetta", "Idlib"]),
    st.sampled_from(["city", "locality", "admin1", "country"]),
    st.sampled_from(["PK", "SD", "SY", None]),
    st.sampled_from([0, 17_000, 29_999, 30_000, 2_000_000]),
)


@given(
    st.lists(st.one_of(st.none(), _answer), max_size=8),
    st.sets(st.sampled_from(["PK", "SD", "SY"]), max_size=2),
)
def test_only_small_towns_alone_in_their_country_are_unanswered(results, context):
    """Against the rule's definition, span by span (``context``: countries the text
    speaks of by demonyms)."""
    kept = list(results)
    _drop_lonely_towns(kept, Weights(), context)
    answered = [r for r in results if r is not None]
    for before, after in zip(results, kept, strict=True):
        if before is None:
            assert after is None
            continue
        place = before.place
        lonely = (
            place.feature_type in ("city", "locality")
            and place.population < 30_000
            and place.country_code is not None
            and place.country_code not in context
            and not any(
                r.place.country_code == place.country_code and r.text != before.text
                for r in answered
            )
            and sum(r.place.country_code != place.country_code for r in answered) >= 3
        )
        assert after is (None if lonely else before)
