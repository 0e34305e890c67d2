"""Wire datelines: their spans, their date, and their places kept out of other places' events."""

import datetime as dt
from pathlib import Path

import pytest

from atlas.records import Document
from extraction.datelines import dateline_date, datelines, place_date_lines
from extraction.dates import find_years
from extraction.groups import GroupMatcher
from extraction.lexicon import load_lexicon
from extraction.linking import link_events
from extraction.places import find_places
from extraction.sentences import split_sentences
from tests.extraction_fakes import PLACES, FakeResolver

LEXICON = load_lexicon(Path(__file__).parent / "fixtures" / "groups_small.yaml")
RESOLVER = FakeResolver({**PLACES, "QUETTA": PLACES["Quetta"], "KARACHI": PLACES["Karachi"]})


@pytest.mark.parametrize(
    ("text", "dateline", "date"),
    [
        ("QUETTA, Pakistan, Oct. 3, 2022 (Reuters) - Gunmen", "QUETTA, Pakistan, Oct. 3, 2022 (Reuters) - ", "Oct. 3, 2022"),
        ("PESHAWAR, Pakistan (AP) — Police said", "PESHAWAR, Pakistan (AP) — ", None),
        ("KARACHI: Police said", "KARACHI: ", None),
        ("WASHINGTON, Sept. 4, 2019 (AP) -- The", "WASHINGTON, Sept. 4, 2019 (AP) -- ", "Sept. 4, 2019"),
        ("Quetta, Pakistan - police said", None, None),
        ("Srinagar: Militants", "Srinagar: ", None),
        ("New Delhi, 9 October 2018 (PTI): The", "New Delhi, 9 October 2018 (PTI): ", "9 October 2018"),
        ("The TTP said: more would come", None, None),
    ],
)  # fmt: skip
def test_a_dateline_opens_a_line_in_capitals_and_ends_at_its_dash_or_colon(text, dateline, date):
    story = f"Title of the story\n\n{text} more text."
    spans = datelines(story)
    assert [story[s:e] for s, e in spans] == ([dateline] if dateline else [])
    assert dateline_date(story) == date


def test_datelines_open_every_story_of_a_page_but_only_lines():
    page = "KARACHI: One story.\nAnd QUETTA: is not one.\nQUETTA (AP) - Another story."
    assert [page[s:e] for s, e in datelines(page)] == ["KARACHI: ", "QUETTA (AP) - "]


def _events(text: str):
    doc = Document("t.txt", "hash-t", "/tmp/t.txt", text, title="T", published=dt.date(2022, 10, 4))
    groups = GroupMatcher(LEXICON).find(text)
    places = find_places(doc, RESOLVER, [(g.start, g.end) for g in groups])
    sentences = split_sentences(text)
    years = [find_years(text, s.start, s.end, doc.published) for s in sentences]
    return link_events(doc, sentences, groups, places, years)


def test_a_datelines_place_makes_events_only_when_the_sentence_names_no_other():
    elsewhere = _events("QUETTA, Pakistan, Oct. 3, 2022 (Reuters) - The TTP attacked Karachi.")
    assert [(e.group_short, e.place) for e in elsewhere] == [("TTP", "Karachi")]
    alone = _events("QUETTA (Reuters) - The TTP attacked a checkpoint, killing five.")
    assert [(e.group_short, e.place) for e in alone] == [("TTP", "Quetta")]
    # The same name in the story itself is a place like any other.
    again = _events("KARACHI: The TTP attacked a police post in Quetta and in KARACHI.")
    assert sorted(e.place for e in again) == ["Karachi", "Quetta"]


def test_a_line_of_a_place_and_a_date_alone_makes_no_event():
    text = "TTP cells busted in Karachi\nQuetta, 12 November 2022\n\nThe TTP denied it."
    assert [text[s:e] for s, e in place_date_lines(text)] == ["Quetta, 12 November 2022"]
    assert [e.place for e in _events(text)] == ["Karachi"]
    assert place_date_lines("The TTP hit Quetta, 12 November 2022, at dawn.") == []
