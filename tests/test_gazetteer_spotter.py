"""Tests of the rule-based toponym spotter (gazetteer.spotter, gazetteer.spotrules,
gazetteer.nonplaces) on a small hand-made name list and invented sentences."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gazetteer.nonplaces import COMMON_WORDS, NOT_PLACES
from gazetteer.normalize import fold
from gazetteer.spotter import _KEPT, _KINDS, Spotter

NAMES = [
    "Cleveland",
    "Bari",
    "Karachi",
    "Washington",
    "Khorasan",
    "Pakistan",
    "Kashmir",
    "Pakistan-administered Kashmir",
    "China",
    "Rana",
    "Jones",
    "Vol",
    "North Waziristan",
    "Waziristan",
    "Reading",
    "Mission",
    "Abbottabad",
    "Mumbai",
    "Quetta",
    "Punjab",
    "Khost",
    "Afghanistan",
    "New Delhi",
    "Delhi",
    "Dera Ismail Khan",
    "Khan",
    "Khyber Pakhtunkhwa",
    "Tora Bora",
    "FATA",
    "Peshawar",
    "Lahore",
    "Kabul",
    "Bath",
    "Police",
    "Of",
    "Union",
    "Man",
    "Saeed",
    "Ladin",
    "Bin",
    "Uzbekistan",
    "India",
    "Uzbek",
    "U.S.",
    "Swat",
    "Maarrat",
    "Ma'arrat",
    "Jordan",
    "Kandahar",
    "London",
    "Hurst",
    "Islamabad",
    "Binori Town",
    "Nangarhar",
    "Abu Dhabi",
    "Sialkot",
    "Taiba",
    "Sahab",
    "Mart",
    "Oxford",
    "Chamber",
    "Kristina",
    "DI Khan",
    "Tank",
    "FOB Chapman",
    "coxs bazar",  # as the index folds "Cox's Bazar"
    "Cox",
    "Bazar",
    "Chapman",
    "Centre",  # the French region
]


@pytest.fixture(scope="module")
def spotter() -> Spotter:
    return Spotter(NAMES)


def surfaces(spotter: Spotter, text: str, exclude=()) -> list[str]:
    return [text[s:e] for s, e in spotter.spot(text, exclude)]


# --- matching, offsets and overlaps -----------------------------------------------------


def test_offsets_slice_back_to_the_surface_and_possessive_is_outside(spotter):
    text = "Militants fled Karachi's suburbs for Quetta."
    spans = spotter.spot(text)
    assert [text[s:e] for s, e in spans] == ["Karachi", "Quetta"]
    assert spans[0] == (text.index("Karachi"), text.index("Karachi") + len("Karachi"))


def test_longest_name_wins_over_its_parts(spotter):
    text = "Drone strikes hit North Waziristan and Dera Ismail Khan near New Delhi's envoy."
    assert surfaces(spotter, text) == ["North Waziristan", "Dera Ismail Khan", "New Delhi"]


def test_hyphen_and_apostrophe_variants_match(spotter):
    assert surfaces(spotter, "Refugees reached Khyber-Pakhtunkhwa.") == ["Khyber-Pakhtunkhwa"]
    assert surfaces(spotter, "Shelling near Ma’arrat and Maarrat.") == ["Ma’arrat", "Maarrat"]


def test_places_joined_by_and_and_commas_are_separate(spotter):
    text = "Cells in Lahore, Peshawar and Quetta were raided."
    assert surfaces(spotter, text) == ["Lahore", "Peshawar", "Quetta"]


def test_name_wrapped_across_a_line_is_one_span(spotter):
    text = "fighting in Tora\nBora lasted weeks"
    assert surfaces(spotter, text) == ["Tora\nBora"]


def test_names_inside_words_and_web_addresses_are_not_found(spotter):
    text = "Karachiites read https://example.org/Karachi-Quetta/Peshawar today."
    assert surfaces(spotter, text) == []


@pytest.mark.parametrize(
    "byline",
    [
        "By Lahore Quetta | 3 April 2024",
        "By Lahore Quetta and Karachi Peshawar, Staff Reporters",
        "  By Quetta Lahore\n",
    ],
)
def test_names_in_a_byline_are_no_places(spotter, byline):
    assert surfaces(spotter, f"Headline\n{byline}\nFighters reached Kabul.") == ["Kabul"]


def test_a_byline_ends_before_the_dateline_and_the_outlet(spotter):
    text = "By Nate Lahore. QUETTA (Reuters) - Police said.\nBy Ali Quetta, in Karachi\n"
    assert surfaces(spotter, text) == ["QUETTA", "Karachi"]


def test_a_line_opening_with_by_and_one_name_is_no_byline(spotter):
    assert surfaces(spotter, "By Karachi, the road ends.\nBy 2015 Quetta was calm.") == [
        "Karachi",
        "Quetta",
    ]


def test_exclude_spans_block_places_inside_group_names(spotter):
    text = "Wilayat Khorasan claimed the attack; Khorasan is a historical region."
    group = (0, len("Wilayat Khorasan"))
    spans = spotter.spot(text, exclude=[group])
    assert [text[s:e] for s, e in spans] == ["Khorasan"]
    assert spans[0][0] > group[1]


# --- capitalisation, common words and acronyms -------------------------------------------


def test_lower_case_names_are_not_places(spotter):
    assert surfaces(spotter, "After reading the police report on his mission, he left.") == []


def test_sentence_initial_common_words_are_not_places(spotter):
    text = "Police said the Union of traders met. Of course Man is tired. Reading helps."
    assert surfaces(spotter, text) == []


def test_capitalised_common_word_needs_a_locative_cue(spotter):
    assert surfaces(spotter, "The UN Mission said so.") == []
    assert surfaces(spotter, "He studied in Reading and swam near Bath.") == ["Reading", "Bath"]


def test_a_place_right_before_a_one_word_name_makes_it_a_persons():
    spotter = Spotter(["Mangal", "Bagh", "Bara", "Pakistan", "Syria", "Maiduguri", "Borno State"])
    assert surfaces(spotter, "Then Mangal Bagh ran the group from Bara.") == ["Bara"]
    # Hyphened, or before a name of several words, the two are places.
    assert surfaces(spotter, "It shaped the Pakistan-Syria nexus.") == ["Pakistan", "Syria"]
    assert surfaces(spotter, "They met in Maiduguri Borno State.") == ["Maiduguri", "Borno State"]


def test_a_hotel_named_like_a_town_is_no_place():
    spotter = Spotter(["Serena", "Kabul"])  # La Serena, Chile, is "Serena" too
    assert surfaces(spotter, "Gunmen stormed the Serena Hotel in Kabul.") == ["Kabul"]


def test_a_persian_and_inside_a_name_does_not_break_it():
    spotter = Spotter(["Kuran wa Munjan", "Kuran"])
    assert surfaces(spotter, "Fighters hold Kuran wa Munjan district.") == ["Kuran wa Munjan"]


def test_a_generic_feature_word_heading_a_longer_name_is_no_place():
    # "Lake" and "Bay" are counties' short names; "Lake Chad" is not in this index.
    lakes = Spotter(["Lake", "Bay", "Chad", "Kano"])
    text = "Boats crossed along Lake Chad to Kano; the Bay Area sat near Bay, not at Lake."
    assert surfaces(lakes, text) == ["Chad", "Kano", "Bay", "Lake"]


def test_all_caps_only_for_known_abbreviations_datelines_and_caps_lines(spotter):
    assert surfaces(spotter, "Raids in FATA and the U.S. continued.") == ["FATA", "U.S"]
    assert surfaces(spotter, "The KHOST unit said.") == []
    assert surfaces(spotter, "QUETTA: Gunmen killed two.") == ["QUETTA"]
    assert surfaces(spotter, "Blasts kill two. PESHAWAR, Pakistan (AP) - Police said") == [
        "PESHAWAR",
        "Pakistan",
    ]
    assert surfaces(spotter, "FLOODS HIT PESHAWAR AGAIN\nWater rose.") == ["PESHAWAR"]
    # A wire dateline may carry its date before the agency.
    dated = "QUETTA, Pakistan, Oct. 3, 2022 (Reuters) - Gunmen killed two."
    assert surfaces(spotter, dated) == ["QUETTA", "Pakistan"]
    assert surfaces(spotter, "KHOST, 12 March 2019 - Gunmen killed two.") == ["KHOST"]
    assert surfaces(spotter, "The KHOST, 12 March 2019 report.") == []


def test_a_name_whose_first_word_is_a_possessive(spotter):
    for apostrophe in "'’":
        text = f"Camps near Cox{apostrophe}s Bazar grew; Karachi{apostrophe}s police left."
        assert surfaces(spotter, text) == [f"Cox{apostrophe}s Bazar", "Karachi"]
    # A possessive before words that make no name is the place alone, as before.
    assert surfaces(spotter, "Police in Karachi's Bazar Road said.") == ["Karachi", "Bazar"]


def test_an_acronym_beside_an_ordinary_word_belongs_to_the_name(spotter):
    text = "The bomber struck FOB Chapman near Khost."
    assert surfaces(spotter, text) == ["FOB Chapman", "Khost"]
    # Written all in capitals outside a dateline or capitals line, it is still no name.
    assert surfaces(spotter, "The bomber struck FOB CHAPMAN near Khost.") == ["Khost"]


def test_initials_inside_a_name_and_common_words_in_a_list_of_places(spotter):
    text = "Attacks in D.I. Khan, Tank and Peshawar rose. Tank crews left."
    assert surfaces(spotter, text) == ["D.I. Khan", "Tank", "Peshawar"]


def test_mixed_case_group_acronyms_are_not_places(spotter):
    assert surfaces(Spotter(["LeT", "Karachi"]), "LeT cells in Karachi") == ["Karachi"]


# --- persons ---------------------------------------------------------------------------


def test_names_after_titles_are_people(spotter):
    text = "Gen. Charles Cleveland met President Washington and Hafiz Saeed in Khost."
    assert surfaces(spotter, text) == ["Khost"]


def test_surname_after_given_name_is_a_person_and_stays_one(spotter):
    text = "Khalid Bari was seen in Quetta. Later Bari moved to Mumbai."
    assert surfaces(spotter, text) == ["Quetta", "Mumbai"]


def test_arabic_name_particles_do_not_hide_a_given_name(spotter):
    text = "Usama bin Ladin hid in Abbottabad; Bin Ladin's courier lived there."
    assert surfaces(spotter, text) == ["Abbottabad"]
    # The nasab makes a person's name even with no given name before it.
    assert surfaces(spotter, "Bin Ladin's compound in Abbottabad was raided.") == ["Abbottabad"]


def test_a_speaker_is_a_person_unless_the_text_places_something_there(spotter):
    assert surfaces(spotter, "Kristina said the road was closed.") == []
    text = "Talks were held in Lahore. Lahore said it would reply."
    assert surfaces(spotter, text) == ["Lahore", "Lahore"]
    assert surfaces(spotter, "Islamabad said it would reply.") == ["Islamabad"]


def test_unknown_capitalised_word_before_a_name_makes_it_a_person(spotter):
    assert surfaces(spotter, "Grover Cleveland visited Karachi.") == ["Karachi"]


def test_a_place_that_starts_with_a_given_name_is_still_a_place(spotter):
    assert surfaces(spotter, "Flights from Abu Dhabi reached Jordan.") == ["Abu Dhabi", "Jordan"]


def test_lower_case_role_noun_before_a_name_makes_it_a_person(spotter):
    assert surfaces(spotter, "The militant commander Bari fled to Khost.") == ["Khost"]


def test_tails_of_longer_arabic_and_urdu_names_are_not_places(spotter):
    text = "Lashkar-e-Taiba and Lashkar i Taiba videos by al-Sahab reached Quetta."
    assert surfaces(spotter, text) == ["Quetta"]


def test_hyphenated_brand_is_not_a_place_but_two_places_are(spotter):
    text = "Wal-Mart opened on the Pakistan-Afghanistan border."
    assert surfaces(spotter, text) == ["Pakistan", "Afghanistan"]


def test_less_common_word_is_a_place_only_standing_alone_in_running_text(spotter):
    assert surfaces(spotter, "He studied at Oxford and moved to Oxford later.") == [
        "Oxford",
        "Oxford",
    ]
    assert surfaces(spotter, "Oxford shoes sold well. The Chamber met.") == []


def test_a_role_after_a_place_keeps_the_place_and_makes_the_next_name_a_person(spotter):
    text = "Quetta Commissioner Bari and Khost Prosecutor Cleveland spoke."
    assert surfaces(spotter, text) == ["Quetta", "Khost"]


def test_place_words_and_titles_after_a_name_keep_the_place(spotter):
    text = "Swat Valley and the Karachi Mayor's office and Kandahar Province"
    assert surfaces(spotter, text) == ["Swat", "Karachi", "Kandahar"]


# --- organisations, media, collections, demonyms ----------------------------------------


def test_publications_and_agencies_are_not_places(spotter):
    text = (
        "The Washington Post, Dawn and the Times of India cited Reuters; "
        "Voice of America quoted sources in Kabul."
    )
    assert surfaces(spotter, text) == ["Kabul"]


def test_an_organisation_name_counts_only_when_written_as_a_name(spotter):
    assert surfaces(spotter, "Pakistan today said the Dawn raid hit Quetta.") == [
        "Pakistan",
        "Quetta",
    ]
    assert surfaces(spotter, "Pakistan Today reported it.") == []


def test_organisation_names_with_places_inside_are_not_places(spotter):
    text = "University of Karachi staff and Punjab Police met in Lahore. Lahore Press Club too."
    assert surfaces(spotter, text) == ["Lahore"]


def test_an_organisation_word_heading_a_name_is_no_place(spotter):
    text = "Centre for Research and Security Studies\nIn the Centre, talks were held in Lahore."
    assert surfaces(spotter, text) == ["Centre", "Lahore"]


def test_places_joined_by_a_hyphen_at_the_head_of_an_organisation_name_are_not_places(spotter):
    text = "BLA attacks on the China-Pakistan Economic Corridor and the Pakistan Economic Survey."
    assert surfaces(spotter, text) == []
    assert surfaces(spotter, "on the China-Pakistan border") == ["China", "Pakistan"]
    assert surfaces(spotter, "China-Pakistan. Economic ties grew.") == ["China", "Pakistan"]


def test_firm_names_joined_by_ampersand_are_not_places(spotter):
    text = "Bari & Sons and Quetta & Peshawar traders met."
    assert surfaces(spotter, text) == ["Quetta", "Peshawar"]


def test_document_collections_are_not_places_but_events_are(spotter):
    text = "The Abbottabad files mention the Mumbai attacks."
    assert surfaces(spotter, text) == ["Mumbai"]


def test_publisher_in_a_citation_is_not_a_place(spotter):
    assert surfaces(spotter, "Ahmed, Z. Jihad. London: Hurst, 2015.") == ["London"]


CITING = Spotter([*NAMES, "New York", "Herald", "Brown", "Columbia"])


def test_authors_of_author_year_citations_are_not_places(spotter):
    text = "It is debated (Fair 2014; Jones and Fair 2010). According to Rana (2018, p. 45), no."
    assert surfaces(spotter, text) == []
    assert surfaces(spotter, "Rana (2018) disagrees; the raid in Peshawar (2014) did not.") == [
        "Peshawar"
    ]
    text = "Officials in Jones (2010 census) and the Vol. 12, No. 3 issue"
    assert surfaces(spotter, text) == ["Jones"]
    # A reference list's entry opens with its author; a dateline does not.
    text = "Notes\nRana, Muhammad Amir. 2018. Title.\nPESHAWAR, N.W. (AP) - Police said"
    assert surfaces(spotter, text) == ["PESHAWAR"]


@pytest.mark.parametrize(
    "text, places",
    [
        ("Rana, A. *Storming*. London and New York: Hurst/Columbia Press, 2011.",
         ["London", "New York"]),
        ("Shah, K. *The Plot*, New York: Little, Brown, and Company, 2012.", ["New York"]),
        ("Malik, B. “Valley of Fear,” Herald, March 2016 (updated June 2016).", []),
        ("Aziz, F. ‘Hold Fast,’ ” Herald, January 26, 2015, online.", []),
        ("Noor, J. *Fault Lines*, Herald, May 3, 2019.", []),
    ],
)  # fmt: skip
def test_publishers_and_periodicals_in_citations_are_not_places(text, places):
    assert surfaces(CITING, text) == places


@pytest.mark.parametrize(
    "text, places",
    [
        ("Talks in Kabul: Quetta, Peshawar and Lahore, 2015 was a hard year.",
         ["Kabul", "Quetta", "Peshawar", "Lahore"]),
        ("He left Karachi in March 2016 and reached Lahore, March 2017.", ["Karachi", "Lahore"]),
        ("Ali wrote “we are safe,” then Quetta, March 2016 fell quiet.", ["Quetta"]),
    ],
)  # fmt: skip
def test_places_before_a_year_outside_citations_are_kept(text, places):
    assert surfaces(CITING, text) == places


def test_a_lower_case_particle_alone_is_no_place_nor_a_cue_for_one():
    spotter = Spotter([*NAMES, "An", "And"])  # towns named "An" and "And" exist
    assert surfaces(spotter, "Workers of the Mission, an aid group, left.") == []
    assert surfaces(spotter, "They met Reading, an expert, and then Lahore.") == ["Lahore"]


def test_demonyms_are_not_places_unless_asked(spotter):
    text = "Pakistani officials and Uzbek fighters left Pakistan."
    assert surfaces(spotter, text) == ["Pakistan"]
    with_demonyms = Spotter(NAMES, demonyms=True)
    assert surfaces(with_demonyms, text) == ["Pakistani", "Uzbek", "Pakistan"]
    assert with_demonyms.demonym_place("Pakistani") == "Pakistan"
    assert with_demonyms.demonym_place("Uzbek") == "Uzbekistan"
    assert with_demonyms.demonym_place("Karachi") is None


def test_lower_case_place_word_inside_a_longer_name(spotter):
    assert surfaces(spotter, "the seminary at Binori town in Karachi") == ["Binori town", "Karachi"]
    assert surfaces(spotter, "the town of Sialkot") == ["Sialkot"]


def test_a_lower_case_word_hyphened_inside_a_longer_name(spotter):
    text = "camps in Pakistan-administered Kashmir and Pakistan-based groups"
    assert surfaces(spotter, text) == ["Pakistan-administered Kashmir", "Pakistan"]
    # Not at a name's end, and not unless the whole run is a name.
    assert surfaces(spotter, "Pakistan-administered areas") == ["Pakistan"]


# --- data hygiene ----------------------------------------------------------------------


def test_every_rules_entry_is_a_string_with_a_source():
    for path in (NOT_PLACES, COMMON_WORDS):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, section in data.items():
            assert section.get("source"), f"{path.name}:{name} has no source"
            for key in ("words", "names", "after", "before"):
                for entry in section.get(key, []):
                    if isinstance(entry, dict):
                        assert isinstance(entry.get("name"), str) and entry.get("kind"), entry
                    else:
                        assert isinstance(entry, str), f"{path.name}:{name}: {entry!r}"


# --- properties ------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdeKQPNW .,;:'’-\n()")
    + [
        "Karachi",
        "North Waziristan",
        "Khost",
        "FATA",
        "Bari",
        "Gen. ",
        "Khalid ",
        "Reading",
        "U.S.",
        "’s",
        "http://x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_spans_are_sorted_in_range_disjoint_and_trimmed(text):
    spots = SPOTTER_FOR_PROPERTIES.spot(text)
    assert spots == sorted(spots)
    previous_end = 0
    for start, end in spots:
        assert 0 <= start < end <= len(text)
        assert start >= previous_end
        previous_end = end
        surface = text[start:end]
        assert surface == surface.strip(" \n.,;:'’-()")
        assert fold(surface)


@settings(max_examples=300, deadline=None)
@example("North Waziristan", [(5, 0)])
@given(
    st.lists(st.one_of(st.text(max_size=4), _ALPHABET), max_size=30).map("".join),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=3),
)
def test_any_unicode_text_and_exclusions_keep_the_invariants(text, raw_exclude):
    exclude = [(start, start + length) for start, length in raw_exclude]
    spots = SPOTTER_FOR_PROPERTIES.spot(text, exclude)
    assert spots == sorted(spots)
    for (start, end), following in zip(spots, [*spots[1:], (len(text) + 1, 0)]):
        assert 0 <= start < end <= min(len(text), following[0])
        assert text[start].isalnum() and text[end - 1].isalnum()
        # An empty exclusion covers no character, so nothing overlaps it.
        assert not any(s < end and start < e for s, e in exclude if s < e)


SPOTTER_FOR_PROPERTIES = Spotter(NAMES)


def test_built_from_folded_keys_like_the_gazetteer_gives_them():
    keys = ["dera ismail khan", "ismail", "dera", "22", "x", "qal'a", "bannu", "new\nline"]
    spotter = Spotter(keys)
    text = "From Dera Ismail Khan to Bannu, X and Qal'a via Route 22 and Dera."
    assert surfaces(spotter, text) == ["Dera Ismail Khan", "Bannu", "Qal'a", "Dera"]
    assert surfaces(Spotter(keys[:-1]), text) == surfaces(spotter, text)


_NAME_PIECES = st.sampled_from(["a", "b", "x", "1", "22", " ", "é", "ə", "-", "'", ".", "Q", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_NAME_PIECES, max_size=6).map("".join), max_size=12))
def test_the_name_table_does_not_depend_on_how_the_names_are_read(names):
    """Names taken wholesale as keys give the table that folding each name alone gives
    (names with a line break are read that way), odd spacing and short keys included."""
    one_by_one = Spotter(["dera ismail khan", "new\nline"])
    wholesale = Spotter(["dera ismail khan"])
    by_name = {key for name in names for key in one_by_one._keys(name)}
    assert wholesale._place_keys(names) == dict.fromkeys(by_name, 1)
    assert one_by_one._place_keys([*names, "new\nline"]) == dict.fromkeys(by_name | {"new line"}, 1)


# --- the real index --------------------------------------------------------------------


def test_spotter_over_the_shipped_gazetteer():
    index = pytest.importorskip(
        "gazetteer.index", reason="the gazetteer index module is not there yet"
    )
    try:
        gazetteer = index.Gazetteer.load()
    except index.IndexFormatError as err:
        pytest.skip(f"no built gazetteer index in gazetteer/data yet: {err}")
    spotter = Spotter(gazetteer.names())
    text = (
        "KARACHI: Militants of Tehrik-e-Taliban Pakistan moved from North Waziristan to "
        "Quetta, Gen. Charles Cleveland told The Washington Post."
    )
    group = (text.index("Tehrik"), text.index(" moved"))
    assert surfaces(spotter, text, [group]) == ["KARACHI", "North Waziristan", "Quetta"]


def _matches_by_definition(spotter: Spotter, text: str) -> list[tuple[int, int, int]]:
    """Every run of up to six words whose folded words, joined, are a place, organisation
    or demonym key, starting at a capitalised word or at a particle before one (but no
    particle alone), with its flags."""
    words = spotter._words(text)
    folded, caps, count = words.folded, words.caps, len(words.folded)
    found = []
    for first in range(count):
        head = folded[first] in spotter.rules.particles and first + 1 < count and caps[first + 1]
        if not caps[first] and not head:
            continue
        for last in range(first, min(count, first + 6)):
            value = spotter._names.get(" ".join(folded[first : last + 1]), 0)
            if value & _KINDS and (caps[first] or last > first):
                found.append((first, last, value & _KEPT))
    return found


_MATCH_TEXT = st.lists(
    st.sampled_from(["Dera", "Ismail", "Khan", "dera", "North", "Waziristan", "Abu", "Dhabi"])
    | st.sampled_from(["al", "Al", "Qaim", "Of", "of", "Tora", "Bora", "Karachi", "U.S.", "x"])
    | st.sampled_from([" ", " ", "-", ", ", "\n", "'"]),
    max_size=30,
).map("".join)


SPOTTER_WITH_PARTICLES = Spotter([*NAMES, "Al", "Al Qaim", "Qaim", "Of", "Of Tora"])


@settings(max_examples=500, deadline=None)
@given(_MATCH_TEXT)
def test_matches_are_the_keys_found_from_capitalised_words(text):
    spotter = SPOTTER_WITH_PARTICLES
    assert spotter._matches(spotter._words(text)) == _matches_by_definition(spotter, text)
