"""The bench's scoring against gold, on hand-made predictions; and the shipped gold itself."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import scoring
from bench.scoring import GoldEvent, GoldPlace, NonPlace
from tests.factories import make_document, make_event, make_mention

TEXT = "Gen. Charles Cleveland said TTP fighters moved from Khost to Karachi in 2015."
DOC = make_document(TEXT, doc_id="a.txt")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def gold_place(surface: str, place_id: str, lat: float, lon: float, **kw) -> GoldPlace:
    start = TEXT.index(surface)
    base = GoldPlace("a.txt", start, start + len(surface), surface, surface, place_id, lat, lon,
                     "city", "PK", None, 161.0)
    return dataclasses.replace(base, **kw)


def mention(surface: str, place_id: str, lat: float, lon: float, **kw):
    start = TEXT.index(surface)
    return make_mention(DOC, text=surface, start=start, end=start + len(surface),
                        place=surface, place_id=place_id, lat=lat, lon=lon, **kw)


KHOST = gold_place("Khost", "gn:1444362", 33.363, 69.8211, feature_type="admin1",
                   country_code="AF")
KARACHI = gold_place("Karachi", "gn:1174872", 24.8608, 67.0104)
CLEVELAND = NonPlace("a.txt", TEXT.index("Charles"), TEXT.index(" said"), "Charles Cleveland",
                     "person", True)


def test_distance_is_haversine():
    # Karachi to Lahore is about 1,030 km on the great circle.
    assert scoring.distance_km(24.8608, 67.0104, 31.558, 74.35071) == pytest.approx(1030, abs=15)
    assert scoring.distance_km(10, 20, 10, 20) == 0


def test_a_city_within_161_km_of_the_gold_province_counts():
    found = scoring.score_places([KHOST], [], [mention("Khost", "gn:1136469", 33.33951, 69.92041)])
    assert found.found == 1 and found.recall == 1.0 and not found.missed


def test_a_namesake_far_away_is_a_miss_and_is_listed():
    wrong = mention("Karachi", "gn:999", 40.0, -75.0)
    score = scoring.score_places([KARACHI], [], [wrong])
    assert score.found == 0
    assert score.missed == [(KARACHI, wrong)]


def test_partial_overlap_is_enough_and_no_prediction_is_a_plain_miss():
    wider = make_mention(DOC, text="Karachi in", start=TEXT.index("Karachi"),
                         end=TEXT.index("Karachi") + 10, place_id="gn:1174872", lat=24.86,
                         lon=67.01)
    assert scoring.score_places([KARACHI], [], [wider]).found == 1
    assert scoring.score_places([KARACHI], [], []).missed == [(KARACHI, None)]


def test_same_country_counts_for_a_country_whatever_its_centre():
    gold = gold_place("Karachi", "gn:1168579", 29.95, 69.34, feature_type="country")
    predicted = mention("Karachi", "gn:other", 24.0, 64.0, feature_type="country",
                        country_code="PK")
    assert scoring.score_places([gold], [], [predicted]).found == 1


def test_false_places_exclude_sections_and_lenient_spans_but_not_strict_non_places():
    on_person = mention("Cleveland", "gn:5150529", 41.5, -81.7)
    in_notes = mention("fighters", "gn:1", 0.0, 0.0, section="notes")
    lenient = NonPlace("a.txt", TEXT.index("2015"), TEXT.index("2015") + 4, "2015",
                       "ambiguous", False)
    on_lenient = mention("2015", "gn:2", 0.0, 0.0)
    stray = mention("moved", "gn:3", 0.0, 0.0)
    score = scoring.score_places([KARACHI], [CLEVELAND, lenient],
                                 [on_person, in_notes, on_lenient, stray])
    assert score.false_places == [on_person, stray]
    assert score.non_place_errors == [(CLEVELAND, on_person)]


def test_recall_in_reporting_text_leaves_notes_out():
    noted = gold_place("Karachi", "gn:1174872", 24.8608, 67.0104, section="notes")
    score = scoring.score_places([KHOST, noted], [], [])
    assert (score.gold, score.gold_reporting) == (2, 1)


def gold_event(**kw) -> GoldEvent:
    base = GoldEvent("a.txt", "Tehrik-e-Taliban Pakistan", "ttp", "Khost", "gn:1444362", 33.363,
                     69.8211, 161.0, 2015, None, "explicit", "sentence", "TTP", 28, 31)
    return dataclasses.replace(base, **kw)


@pytest.mark.parametrize("changes, matches", [
    ({}, True),
    ({"group_id": "iskp"}, False),
    ({"lat": 24.86, "lon": 67.01, "place_id": "gn:1174872"}, False),
    ({"year": 2016}, False),
    ({"year": None}, False),
    ({"year": 2014, "year_end": 2016}, True),
    ({"doc_id": "b.txt"}, False),
])
def test_an_event_matches_on_group_place_and_year(changes, matches):
    event = make_event(DOC, **{"year": 2015, **changes})
    assert scoring.event_matches(gold_event(), event, "ttp") is matches


def test_a_gold_year_range_or_no_year_accepts_years_inside():
    assert scoring.years_overlap(gold_event(year=1980, year_end=1985), 1983, None)
    assert not scoring.years_overlap(gold_event(year=1980, year_end=1985), 1986, None)
    assert scoring.years_overlap(gold_event(year=None), None, None)


def test_event_recall_precision_and_the_lists():
    gold = [gold_event(), gold_event(year=2009)]
    right = make_event(DOC, 0, year=2015)
    stray = make_event(DOC, 1, group_id="iskp", year=2015)
    elsewhere = make_event(make_document("x", doc_id="z.txt"), 2)
    score = scoring.score_events(gold, [right, stray, elsewhere])
    assert (score.found, score.gold, score.predicted, score.supported) == (1, 2, 2, 1)
    assert score.missed == [gold[1]] and score.unsupported == [stray]
    assert score.recall == 0.5 and score.precision == 0.5


def test_a_gold_row_without_group_id_is_resolved_by_the_callback():
    score = scoring.score_events([gold_event(group_id=None)], [make_event(DOC, year=2015)],
                                 resolve_group=lambda g: "ttp")
    assert score.found == 1


def test_corpus_triples_leave_copies_out():
    copy = make_document(TEXT, doc_id="b.txt")
    events = [make_event(DOC, 0), make_event(copy, 0), make_event(copy, 5, group_id="iskp")]
    triples = scoring.corpus_triples(events, {"a.txt": None, "b.txt": "a.txt"})
    assert triples == {("ttp", "gn:1136469", 2016)}


@given(st.floats(-89, 89), st.floats(-179, 179), st.floats(-89, 89), st.floats(-179, 179))
def test_distance_is_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    d = scoring.distance_km(lat1, lon1, lat2, lon2)
    assert d == pytest.approx(scoring.distance_km(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0 <= d <= 20016


def test_offset_errors_names_the_bad_row():
    bad = gold_place("Khost", "gn:1", 0, 0, start=0, end=5)
    assert scoring.offset_errors([KHOST], {"a.txt": TEXT}) == []
    assert "gold says 'Khost'" in scoring.offset_errors([bad], {"a.txt": TEXT})[0]


def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


def test_every_shipped_gold_offset_selects_its_text():
    texts = seed_texts()
    rows = (scoring.load_gold_places() + scoring.load_non_places()
            + scoring.load_gold_events())
    assert scoring.offset_errors(rows, texts) == []
    assert {r.doc_id for r in rows} == set(texts)


def test_shipped_gold_is_consistent():
    places = scoring.load_gold_places()
    events = scoring.load_gold_events()
    docs = {d.doc_id: d for d in scoring.load_gold_documents()}
    assert docs["001_2324ae9fed006139.txt"].duplicate_of == "000_761c87a15b1aedf1.txt"
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in places + events)
    assert all(p.place_id.startswith(("gn:", "sup:")) for p in places + events)
    # every gold event place is also a gold place occurrence of its document
    named = {(p.doc_id, p.place_id) for p in places}
    assert {(e.doc_id, e.place_id) for e in events} <= named
    # the duplicate's triples are a subset of its original's (years aside)
    def triples(doc):
        return {(e.group_id, e.place_id) for e in events if e.doc_id == doc}
    assert triples("001_2324ae9fed006139.txt") <= triples("000_761c87a15b1aedf1.txt")
