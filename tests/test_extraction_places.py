"""Place mentions from the resolver passed in."""

from atlas.records import Document, Section
from extraction.places import find_places
from gazetteer.records import Resolution
from tests.extraction_fakes import PLACES, FakeResolver, place


def _doc(text, sections=()):
    return Document("a.txt", "hash-a", "/tmp/a.txt", text, sections=tuple(sections))


def test_mentions_carry_the_place_and_the_section():
    text = "Raids in Karachi and Quetta.\nNotes\n1. Dawn, Karachi edition."
    notes = text.index("Notes")
    resolver = FakeResolver()
    mentions = find_places(
        _doc(text, [Section(notes, len(text), "notes")]), resolver, exclude=[(0, 4)]
    )
    assert [(m.text, m.place_id, m.section) for m in mentions] == [
        ("Karachi", PLACES["Karachi"].place_id, None),
        ("Quetta", PLACES["Quetta"].place_id, None),
        ("Karachi", PLACES["Karachi"].place_id, "notes"),
    ]
    first = mentions[0]
    assert (first.doc_id, first.doc_hash, first.lat, first.lon, first.admin1) == (
        "a.txt",
        "hash-a",
        24.86,
        67.01,
        "Sindh",
    )
    assert (first.feature_type, first.score, first.country_code) == ("city", 0.9, "PK")
    assert resolver.calls == [(text, ((0, 4),))]


def test_excluded_spans_are_passed_merged_and_enforced():
    text = "Tehrik-e-Taliban Pakistan fighters left Pakistan."

    class Careless:
        """A resolver that ignores ``exclude`` (the pipeline must still drop those spans)."""

        def geoparse(self, text, exclude=()):
            self.exclude = exclude
            pakistan = PLACES["Pakistan"]
            return [
                Resolution(17, 25, "Pakistan", pakistan, 0.8),
                Resolution(40, 48, "Pakistan", pakistan, 0.8),
                Resolution(45, 99, "bogus", pakistan, 0.8),
            ]

    careless = Careless()
    mentions = find_places(_doc(text), careless, exclude=[(0, 16), (10, 25)])
    assert careless.exclude == ((0, 25),)
    assert [(m.start, m.end) for m in mentions] == [(40, 48)]


def test_no_places():
    assert (
        find_places(_doc("Nothing here."), FakeResolver({"Nowhere": place("sup:x", "X", 0, 0)}))
        == ()
    )
