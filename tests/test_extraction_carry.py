"""The year an undated sentence takes from the narrative before it."""

import datetime as dt

import pytest

from extraction.carry import Narrative
from extraction.dates import find_years
from extraction.sentences import split_sentences

PUBLISHED = dt.date(2016, 6, 3)


def _carried(text, reported=None):
    sentences = split_sentences(text)
    years = [find_years(text, s.start, s.end, PUBLISHED) for s in sentences]
    narrative = Narrative(text, sentences, years, reported or [True] * len(sentences))
    found = narrative.carried(len(sentences) - 1)
    return None if found is None else (found[0].year, found[1])


def test_the_last_year_of_the_closest_dated_sentence_and_whether_a_paragraph_ended():
    assert _carried("In 2009 it began. In 2013 it grew. Fighters went to Khost.") == (2013, False)
    assert _carried("In 2013 it grew.\n\nFighters went to Khost.") == (2013, True)
    assert _carried("In 2013 it grew.\n\nThen more.\n\nFighters went to Khost.") is None
    assert _carried("Fighters went to Khost.") is None


def test_a_year_inside_an_aside_is_not_passed_on():
    text = "JA, founded by Tajik militants in 2010, operates there. Its men are in Khost."
    assert _carried(text) is None
    assert _carried("In 2012 JA, founded in 2010, moved. Its men went to Khost.") == (2012, False)


def test_nothing_from_non_reporting_text():
    assert _carried("In 2013 it grew. Fighters went to Khost.", [False, True]) is None


@pytest.mark.parametrize(
    "last", ["The TTP is still in Khost.", "Separately, the TTP hit Khost.", "It now holds Khost."]
)
def test_the_present_or_another_story_takes_no_year(last):
    assert _carried(f"In 2013 it grew. {last}") is None


def test_the_present_inside_a_quotation_is_the_speakers():
    text = "In November 1997 he wrote of Murad Beg. He said that “there has now been progress” in Khost."
    assert _carried(text) == (1997, False)
    text = "In November 1997 he wrote of Murad Beg. He says “progress” has now come to Khost."
    assert _carried(text) is None


def test_a_title_or_date_line_passes_no_year_but_cited_prose_does():
    assert _carried("Report pursuant to resolution 2253 (2015)\n9 May 2016\n\nISIL-K grew.") is None
    assert _carried("In 2015 it grew in Sialkot.16 Its men went to Khost.") == (2015, False)
    assert _carried("In 2015 it grew in Sialkot.[3] Its men went to Khost.") == (2015, False)
