"""The per-document pipeline with a fake resolver; the real resolver when its index is built."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.records import Document, Section
from extraction.lexicon import load_lexicon
from extraction.pipeline import extract
from tests.extraction_fakes import FakeResolver

FIXTURE = Path(__file__).parent / "fixtures" / "groups_small.yaml"
LEXICON = load_lexicon(FIXTURE)

PARAGRAPH = """Karachi, June 3, 2016

Five years after al-Qaeda leaders fled, officials in Karachi say that al-Qaeda in the Indian
Subcontinent (AQIS) is regrouping. A training camp was discovered in Kandahar province in
October, and last month police freed a hostage. From Karachi, AQIS cells ferry money to Quetta,
where part of the Afghan Taliban leadership resides. A new outfit named Jund al-Fida says it
pledged allegiance to Daesh. The Pakistani Taliban sent fighters to Syria in July 2013.

Read more
The TTP in Karachi: a 2010 retrospective
"""


def _document(text, published=dt.date(2016, 6, 3), sections=()):
    return Document(
        "p.txt",
        "hash-p",
        "/tmp/p.txt",
        text,
        title="P",
        published=published,
        sections=tuple(sections),
    )


def test_extract_finds_groups_candidates_places_and_events():
    related = PARAGRAPH.index("Read more")
    extraction = extract(
        _document(PARAGRAPH, sections=[Section(related, len(PARAGRAPH), "related")]),
        FakeResolver(),
        LEXICON,
    )
    assert [g.short for g in extraction.groups] == [
        "AQ",
        "AQIS",
        "AQIS",
        "AQIS",
        "Taliban",
        "IS",
        "TTP",
        "TTP",
    ]
    assert [c.text for c in extraction.candidates] == ["Jund al-Fida"]
    assert {m.text for m in extraction.mentions} >= {
        "Karachi",
        "Kandahar province",
        "Quetta",
        "Syria",
    }
    assert extraction.mentions[-1].section == "related"
    triples = {(e.group_short, e.place, e.year, e.year_source) for e in extraction.events}
    # The dateline line is no prose: its date is the publication date, not a narrative's.
    assert ("AQIS", "Karachi", 2016, "publication") in triples
    assert ("AQIS", "Karachi", 2016, "explicit") not in triples
    assert ("Taliban", "Quetta", 2016, "relative") in triples  # "last month", carried over
    assert ("TTP", "Syria", 2013, "explicit") in triples
    (kandahar,) = [e for e in extraction.events if e.place == "Kandahar"]
    assert (kandahar.group_short, kandahar.year, kandahar.link) == ("AQIS", 2015, "coreference")
    assert kandahar.confidence < 0.3  # only the last-named group of the sentence before
    assert all(e.start < PARAGRAPH.index("Read more") for e in extraction.events)
    assert extraction.warnings == ()


def test_group_names_are_excluded_from_the_place_search():
    resolver = FakeResolver()
    extraction = extract(
        _document("Tehrik-e-Taliban Pakistan men left Pakistan."), resolver, LEXICON
    )
    assert [m.start for m in extraction.mentions] == [len("Tehrik-e-Taliban Pakistan men left ")]
    assert resolver.calls[0][1] == ((0, len("Tehrik-e-Taliban Pakistan")),)


def test_missing_publication_date_is_a_warning():
    extraction = extract(
        _document("The TTP held Karachi.", published=None), FakeResolver(), LEXICON
    )
    assert extraction.warnings == ("p.txt: no publication date; years come from the text only",)
    assert extraction.events[0].year_source == "unknown"


_PIECES = st.sampled_from(
    [
        "Karachi",
        "Quetta",
        "Syria",
        " the TTP ",
        "al-Qa'ida",
        "Taliban",
        " the group ",
        ". ",
        "\n\n",
        " in 2013",
        " last month",
        "\u2022 ",
        "Gen. ",
        "U.S. ",
        "Wilayat Khorasan",
        " a group called Abc Def",
        "'",
        "\u0130",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.text(max_size=20), _PIECES), max_size=40).map("".join),
    st.none() | st.dates(),
)
def test_any_text_gives_consistent_records(text, published):
    extraction = extract(_document(text, published=published), FakeResolver(), LEXICON)
    for m in (*extraction.groups, *extraction.candidates, *extraction.mentions):
        assert text[m.start : m.end] == m.text
    for e in extraction.events:
        assert e.sentence == text[e.start : e.end]
        assert e.start <= e.group_start < e.group_end <= e.end
        assert e.start <= e.place_start < e.place_end <= e.end
        assert 0.0 <= e.confidence <= 1.0
    assert len({e.event_id for e in extraction.events}) == len(extraction.events)


def _real_resolver():
    try:
        from gazetteer import Gazetteer, Resolver
    except ImportError as err:
        pytest.skip(f"the gazetteer resolver is not available yet: {err}")
    try:
        return Resolver(Gazetteer.load())
    except (FileNotFoundError, OSError) as err:
        pytest.skip(f"the gazetteer index is not built (run `make gazetteer`): {err}")


def test_real_resolver_on_an_invented_paragraph():
    resolver = _real_resolver()
    lexicon_path = Path(__file__).parents[1] / "extraction" / "data" / "groups.yaml"
    lexicon = load_lexicon(lexicon_path) if lexicon_path.exists() else LEXICON
    text = (
        "Police in Karachi said on March 3, 2019 that the Pakistani Taliban had moved fighters to Quetta. "
        "Gen. Charles Cleveland said Wilayat Khorasan was active in Nangarhar province last year."
    )
    extraction = extract(_document(text, published=dt.date(2020, 1, 15)), resolver, lexicon)
    places = {m.text: m for m in extraction.mentions}
    assert {"Karachi", "Quetta"} <= places.keys()
    assert places["Karachi"].country_code == "PK" and abs(places["Karachi"].lat - 24.86) < 1.5
    assert "Cleveland" not in places and "Khorasan" not in places
    events = {(e.group_short, e.place_text, e.year) for e in extraction.events}
    assert ("TTP", "Quetta", 2019) in events and ("TTP", "Karachi", 2019) in events
    assert any(
        e.group_id in ("is-k", "iskp") and "Nangarhar" in e.place_text and e.year == 2019
        for e in extraction.events
    )
