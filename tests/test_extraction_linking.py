"""Linking groups, places and years into events."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atlas.records import Document, Section
from extraction.candidates import find_candidates, load_cues
from extraction.dates import find_years
from extraction.events import event_id, events_of
from extraction.groups import GroupMatcher
from extraction.lexicon import load_lexicon
from extraction.linking import link_events
from extraction.places import find_places
from extraction.sentences import split_sentences
from tests.extraction_fakes import PLACES, FakeResolver

FIXTURE = Path(__file__).parent / "fixtures" / "groups_small.yaml"
LEXICON = load_lexicon(FIXTURE)
CUES = load_cues()


@pytest.fixture(scope="module")
def matcher():
    return GroupMatcher(LEXICON)


def _events(matcher, text, published=dt.date(2016, 6, 3), sections=()):
    doc = Document(
        "t.txt",
        "hash-t",
        "/tmp/t.txt",
        text,
        title="T",
        published=published,
        sections=tuple(sections),
    )
    groups = matcher.find(text)
    unknown = find_candidates(text, groups, CUES)
    exclude = [(g.start, g.end) for g in groups] + [(c.start, c.end) for c in unknown]
    places = find_places(doc, FakeResolver(), exclude)
    sentences = split_sentences(text)
    years = [find_years(text, s.start, s.end, published) for s in sentences]
    return link_events(doc, sentences, groups, places, years, LEXICON.founding_years(), unknown)


def _triples(events):
    return [(e.group_short, e.place, e.year, e.year_source, e.link) for e in events]


def test_group_and_place_in_one_sentence(matcher):
    text = "Police said the TTP opened an office in Karachi in July 2013. Nothing else happened."
    (event,) = _events(matcher, text)
    assert _triples([event]) == [("TTP", "Karachi", 2013, "explicit", "sentence")]
    assert event.sentence == text[event.start : event.end] == text.split(". ")[0] + "."
    assert text[event.group_start : event.group_end] == "TTP"
    assert text[event.place_start : event.place_end] == event.place_text == "Karachi"
    assert (event.doc_id, event.doc_title, event.published) == ("t.txt", "T", dt.date(2016, 6, 3))
    at = text.index("Karachi")
    assert event.event_id == event_id("hash-t", "ttp", PLACES["Karachi"].place_id, at)
    assert 0.0 < event.confidence <= 1.0 and event.year_precision == "month"


def test_every_group_with_every_place_and_the_nearest_year(matcher):
    text = "In 1989 HuJI and LeT camps were in Khost, and their men were in Faisalabad in 2002."
    assert sorted(_triples(_events(matcher, text))) == [
        ("HuJI", "Faisalabad", 2002, "explicit", "sentence"),
        ("HuJI", "Khost", 1989, "explicit", "sentence"),
        ("LeT", "Faisalabad", 2002, "explicit", "sentence"),
        ("LeT", "Khost", 1989, "explicit", "sentence"),
    ]
    # A clause turning to another group keeps its places to that group.
    text = "In 1989 HuJI camps were in Khost, while LeT men were seen in Faisalabad in 2002."
    assert sorted(_triples(_events(matcher, text))) == [
        ("HuJI", "Khost", 1989, "explicit", "sentence"),
        ("LeT", "Faisalabad", 2002, "explicit", "sentence"),
    ]


def test_closer_pairs_are_more_confident(matcher):
    text = "The TTP struck Karachi, and weeks later, after long talks with many tribal elders, Quetta fell."
    by_place = {e.place: e.confidence for e in _events(matcher, text)}
    assert by_place["Karachi"] > by_place["Quetta"]


def test_a_target_is_less_confident_than_an_actor(matcher):
    actor = _events(matcher, "The TTP attacked police in Karachi.")[0]
    target = _events(matcher, "Police attacks against the TTP in Karachi.")[0]
    assert target.confidence < actor.confidence


def test_referring_back_links_to_the_most_recent_group(matcher):
    text = "The Taliban met. The TTP was founded in 2007. The group then sent its fighters to Syria in 2013."
    (event,) = _events(matcher, text)
    assert _triples([event]) == [("TTP", "Syria", 2013, "explicit", "coreference")]
    assert text[event.start : event.end].startswith("The TTP was founded")
    assert event.start <= event.group_start < event.group_end <= event.place_start


def test_it_with_a_groups_deed_refers_back(matcher):
    text = "The TTP struck Quetta and Bannu in 2014. It also claimed killings in Karachi."
    events = {e.place: e for e in _events(matcher, text)}
    assert events["Karachi"].link == "coreference"
    weather = "The TTP struck Quetta and Bannu in 2014. It rained hard in Karachi."
    (context,) = [e for e in _events(matcher, weather) if e.place == "Karachi"]
    assert context.confidence < events["Karachi"].confidence


def test_a_reference_leads_through_a_sentence_that_referred_back(matcher):
    text = (
        "The TTP grew in 2014. Its fighters moved to Khost.\n\n"
        "The group's leaders are based in Quetta. Officials in Karachi worried."
    )
    events = {e.place: e for e in _events(matcher, text)}
    assert events["Quetta"].group_short == "TTP" and events["Quetta"].link == "coreference"
    assert text[events["Quetta"].start :].startswith("The TTP grew")
    assert "Karachi" not in events  # no mere context link through a referring sentence


def test_referring_back_passes_over_a_group_in_an_aside(matcher):
    text = "The TTP, the faction that broke with LeT in 2009, grew. The group then moved to Quetta."
    (event,) = _events(matcher, text)
    assert (event.group_short, event.place, event.link) == ("TTP", "Quetta", "coreference")


def test_a_sentence_whose_groups_stand_in_asides_is_about_the_group_it_refers_to(matcher):
    text = (
        "The TTP attacked Karachi in 2013. The group, which is allied with LeT, has bases in"
        " Quetta. The militants also operate from Khost."
    )
    triples = {(e.group_short, e.place) for e in _events(matcher, text)}
    assert triples == {
        ("TTP", "Karachi"),
        ("TTP", "Quetta"),
        ("TTP", "Khost"),  # a reference back through the sentence that referred back
    }
    # The aside's group keeps the places inside its aside.
    text = "The TTP attacked Karachi. The group, which LeT trained in Khost, has bases in Quetta."
    triples = {(e.group_short, e.place) for e in _events(matcher, text)}
    assert triples == {("TTP", "Karachi"), ("TTP", "Quetta"), ("LeT", "Khost")}


def test_referring_back_reaches_over_a_heading(matcher):
    text = "The TTP was founded in 2007.\n\nHistory\n\nThe group's base is in Quetta."
    (event,) = _events(matcher, text)
    assert (event.group_short, event.place, event.link) == ("TTP", "Quetta", "coreference")
    prose = "The TTP was founded in 2007.\n\nMany things happened.\n\nThe group's base is in Quetta."
    assert _events(matcher, prose) == ()


def test_a_table_row_refers_to_no_other_row(matcher):
    text = "| 2014 | Quetta | TTP |\n| 2015 | Karachi | the group |\n"
    assert [(e.group_short, e.place) for e in _events(matcher, text)] == [("TTP", "Quetta")]


def test_context_link_only_from_the_sentence_just_before(matcher):
    text = "Shahzad got money from the TTP. On May 1, 2010, he parked a truck in Karachi."
    (event,) = _events(matcher, text)
    assert _triples([event]) == [("TTP", "Karachi", 2010, "explicit", "coreference")]
    two_groups = "Shahzad met the TTP and LeT. On May 1, 2010, he parked a truck in Karachi."
    (last,) = _events(matcher, two_groups)
    assert (last.group_short, last.link) == ("LeT", "coreference")
    assert last.confidence < event.confidence
    far = "The TTP grew. Nobody knew. Later a truck was parked in Karachi."
    assert _events(matcher, far) == ()


def test_coreference_is_weaker_than_a_sentence_link(matcher):
    text = (
        "The TTP was founded. The group opened an office in Karachi. The TTP opened one in Quetta."
    )
    events = {e.place: e for e in _events(matcher, text)}
    assert events["Karachi"].link == "coreference" and events["Quetta"].link == "sentence"
    assert events["Karachi"].confidence < events["Quetta"].confidence


def test_no_events_from_non_reporting_sections(matcher):
    text = "The TTP held Karachi.\nBibliography\nThe TTP in Karachi, a study, 2010."
    start = text.index("Bibliography")
    events = _events(matcher, text, sections=[Section(start, len(text), "bibliography")])
    assert [e.start for e in events] == [0]


def test_publication_year_and_unknown(matcher):
    (published,) = _events(matcher, "The TTP held Karachi.")
    assert (published.year, published.year_source) == (2016, "publication")
    (unknown,) = _events(matcher, "The TTP held Karachi.", published=None)
    assert (unknown.year, unknown.year_source) == (None, "unknown")


def test_a_year_from_long_before_the_group_was_founded_dates_something_else(matcher):
    # The fixture's TTP was founded in 2007: its founders' careers may be told under its
    # name, but not a history older than a decade before it.
    (history,) = _events(matcher, "Partitioned in 1947, Karachi now hosts the TTP.")
    assert (history.year, history.year_source) == (2016, "publication")
    (founders,) = _events(matcher, "In 1999 the TTP's future leaders met in Karachi.")
    assert (founders.year, founders.year_source) == (1999, "explicit")
    (later,) = _events(matcher, "Partitioned in 1947, Karachi saw the TTP arrive in 2008.")
    assert (later.year, later.year_source) == (2008, "explicit")


def test_a_sentence_about_a_group_the_lexicon_lacks_is_not_the_group_named_before(matcher):
    before = "The TTP met in Quetta in 2015."
    unknown = f"{before} A group calling itself Jamaat Tawhid claimed an attack in Karachi."
    assert [e.place for e in _events(matcher, unknown)] == ["Quetta"]
    known = f"{before} Its fighters later claimed an attack in Karachi."
    assert [e.place for e in _events(matcher, known)] == ["Quetta", "Karachi"]


def test_a_group_the_lexicon_lacks_owns_the_clause_it_opens(matcher):
    text = "The TTP hit Quetta in 2015, and a group called Jund al-Fida operates in Karachi."
    assert [(e.group_short, e.place) for e in _events(matcher, text)] == [("TTP", "Quetta")]


def test_a_claim_in_the_next_sentence_links_its_group_to_what_was_claimed(matcher):
    attack = "Gunmen stormed a checkpoint in Karachi in March 2014."
    (event,) = _events(matcher, f"{attack} The TTP claimed responsibility for the attack.")
    assert _triples([event]) == [("TTP", "Karachi", 2014, "explicit", "coreference")]
    assert event.sentence.startswith("Gunmen") and event.sentence.endswith("the attack.")
    sentence = _events(matcher, "The TTP stormed a checkpoint in Karachi in March 2014.")[0]
    assert event.confidence < sentence.confidence
    # Into the next paragraph only when the claim names no place of its own; not without
    # a claim, not for a group named after the claim.
    (across,) = _events(matcher, f"{attack}\n\nThe TTP claimed responsibility.")
    assert (across.place, across.link) == ("Karachi", "coreference")
    assert [e.place for e in _events(matcher, f"{attack}\n\nThe TTP claimed Quetta.")] == [
        "Quetta"
    ]
    assert _events(matcher, f"{attack} The TTP denied any role.") == ()
    assert _events(matcher, f"{attack} Police, who claimed the attack, blamed the TTP.") == ()
    # Not a group the claimant is described by.
    claim = "The TTP, which police describe as a front for LeT, claimed responsibility."
    assert [e.group_short for e in _events(matcher, f"{attack} {claim}")] == ["TTP"]


def test_a_claim_of_what_another_group_did(matcher):
    text = "LeT gunmen stormed a checkpoint in Karachi in 2014. The TTP claimed the attack."
    assert sorted(_triples(_events(matcher, text))) == [
        ("LeT", "Karachi", 2014, "explicit", "sentence"),
        ("TTP", "Karachi", 2014, "explicit", "coreference"),
    ]


@pytest.mark.parametrize(
    ("claim", "places"),
    [
        ("Bombers hit Quetta; the TTP claimed it.", ["Quetta"]),
        ("The TTP claimed the bombing of a shrine in Quetta.", ["Quetta"]),
        ("In a statement from Quetta, the TTP claimed responsibility.", ["Karachi", "Quetta"]),
    ],
)
def test_a_claim_of_what_its_own_sentence_reports(matcher, claim, places):
    text = f"Gunmen stormed a checkpoint in Karachi in 2014. {claim}"
    assert sorted(e.place for e in _events(matcher, text) if e.group_short == "TTP") == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The TTP held Quetta in 2014, while LeT trained in Karachi.",
            [("TTP", "Quetta"), ("LeT", "Karachi")],
        ),
        (
            "The TTP held Quetta in 2014; LeT trained in Karachi.",
            [("TTP", "Quetta"), ("LeT", "Karachi")],
        ),
        # ", and" opens a clause when a group opens it, not inside a list of groups.
        (
            "The TTP held Quetta in 2014, and LeT trained in Karachi.",
            [("TTP", "Quetta"), ("LeT", "Karachi")],
        ),
        (
            "The TTP, and LeT, trained in Karachi in 2014.",
            [("TTP", "Karachi"), ("LeT", "Karachi")],
        ),
        # A clause that does not open with a group shares the first clause's group, and
        # the group it names later is still no actor of the first clause.
        (
            "The TTP held Quetta in 2014, while in Karachi it worked with LeT.",
            [("TTP", "Quetta"), ("TTP", "Karachi"), ("LeT", "Karachi")],
        ),
        (
            "The TTP held Quetta in 2014, while LeT trained nowhere.",
            [("TTP", "Quetta")],
        ),
        # A first clause naming no group but referring back is the earlier group's.
        (
            "The TTP met. Later the group hit Quetta, while LeT trained in Karachi.",
            [("TTP", "Quetta"), ("LeT", "Karachi")],
        ),
        # A clause that claims what the one before reports is about its places.
        (
            "The TTP attacked Quetta in 2014, and LeT claimed it.",
            [("TTP", "Quetta"), ("LeT", "Quetta")],
        ),
        # A leading subordinate clause is a clause of its own when it names a group; when
        # it names none, it sets the scene for the main clause's group.
        (
            "Since the Taliban took Quetta in 2021, the TTP has regrouped in Karachi.",
            [("Taliban", "Quetta"), ("TTP", "Karachi")],
        ),
        (
            "When he was captured in Quetta in 2002, he was in a safe house run by LeT.",
            [("LeT", "Quetta")],
        ),
        # A comma that goes on with the same clause ends no leading clause.
        (
            "After 2001 the TTP moved to Quetta, where it fought alongside LeT in Karachi.",
            [("TTP", "Quetta"), ("TTP", "Karachi"), ("LeT", "Quetta"), ("LeT", "Karachi")],
        ),
        # A clause of no group is not the actor's of a later clause that a group opens.
        (
            "The TTP met. Later gunmen hit Quetta, while LeT trained in Karachi.",
            [("LeT", "Karachi")],
        ),
    ],
)
def test_a_clause_turning_to_another_group_keeps_its_places_to_itself(matcher, text, expected):
    events = _events(matcher, text)
    assert sorted((e.group_short, e.place) for e in events) == sorted(expected)


def test_a_year_inside_an_aside_does_not_date_the_places_outside_it(matcher):
    text = (
        "In July 2015 the TTP, already notorious since its 2009 raid on Quetta, moved to Karachi."
    )
    years = {e.place: e.year for e in _events(matcher, text)}
    assert years == {"Quetta": 2009, "Karachi": 2015}


def test_a_sentence_whose_only_year_is_in_an_aside_dates_its_places_as_if_it_gave_none(matcher):
    aside = "The TTP, which raided Quetta in 2009, runs camps in Karachi."
    years = {e.place: (e.year, e.year_source) for e in _events(matcher, aside)}
    assert years == {"Quetta": (2009, "explicit"), "Karachi": (2016, "publication")}
    carried = {e.place: e.year for e in _events(matcher, f"The war began in 2012. {aside}")}
    assert carried == {"Quetta": 2009, "Karachi": 2012}


def test_each_year_listed_for_a_place_makes_an_event(matcher):
    text = "The TTP attacked Karachi in 2009, 2012 and 2014."
    events = _events(matcher, text)
    assert [(e.place, e.year) for e in events] == [("Karachi", y) for y in (2009, 2012, 2014)]
    assert len({e.event_id for e in events}) == 3
    # The first keeps the id an event of one year has.
    at = text.index("Karachi")
    assert events[0].event_id == event_id("hash-t", "ttp", PLACES["Karachi"].place_id, at)


def test_each_mention_of_a_place_says_something_of_its_own(matcher):
    text = "The TTP rebuilt its networks in Karachi in 2009. Its cells in Karachi struck in 2013."
    assert [(e.place, e.year, e.link) for e in _events(matcher, text)] == [
        ("Karachi", 2009, "sentence"),
        ("Karachi", 2013, "coreference"),
    ]


def test_a_group_in_an_aside_is_a_less_sure_actor_of_the_places_outside_it(matcher):
    events = _events(matcher, "LeT, which has ties to the TTP, trained men in Karachi in 2015.")
    confidence = {e.group_short: e.confidence for e in events}
    assert set(confidence) == {"LeT", "TTP"} and confidence["TTP"] < 0.7 * confidence["LeT"]


def test_a_group_named_to_describe_another_is_no_actor(matcher):
    events = _events(matcher, "LeT, the al-Qaeda-aligned group, was active in Karachi in 2015.")
    assert [(e.group_short, e.place) for e in events] == [("LeT", "Karachi")]
    # Militants linked to a group are its own.
    events = _events(matcher, "In 2015 al-Qaeda-linked militants were operating in Karachi.")
    assert [(e.group_short, e.place) for e in events] == [("AQ", "Karachi")]
    events = _events(matcher, "In 2015 militants linked to al-Qaeda were operating in Karachi.")
    assert [(e.group_short, e.place) for e in events] == [("AQ", "Karachi")]
    # A group described by the group it is aligned with.
    text = "LeT, a Punjabi group closely aligned with al-Qaeda, was active in Karachi in 2015."
    assert [(e.group_short, e.place) for e in _events(matcher, text)] == [("LeT", "Karachi")]


def test_one_event_per_group_place_and_sentence(matcher):
    events = _events(matcher, "The TTP in Karachi and again the TTP in Karachi.")
    assert len(events) == 1


def test_year_carries_over_into_the_next_paragraph_and_no_further(matcher):
    text = (
        "The raid came in December 2003. Police said the TTP ran a cell in Karachi.\n\n"
        "The TTP also held Quetta.\n\nOfficials met.\n\nThe TTP later took Khost."
    )
    events = {e.place: e for e in _events(matcher, text)}
    karachi, quetta, khost = events["Karachi"], events["Quetta"], events["Khost"]
    assert (karachi.year, karachi.year_source, karachi.year_precision) == (
        2003,
        "explicit",
        "month",
    )
    assert (quetta.year, quetta.year_source) == (2003, "explicit")
    assert (khost.year, khost.year_source) == (2016, "publication")
    same = _events(matcher, "Police said the TTP ran a cell in Karachi in December 2003.")[0]
    assert karachi.confidence < same.confidence
    # From the paragraph before, the year is less sure than from the sentence before.
    within = _events(matcher, "The raid came in December 2003. The TTP also held Quetta.")[0]
    across = _events(matcher, "The raid came in December 2003.\n\nThe TTP also held Quetta.")[0]
    assert within.year == across.year == 2003 and across.confidence < within.confidence


def test_plural_reference_links_every_group_of_the_sentence_before(matcher):
    text = "The TTP fought the Taliban and LeT. War between the two groups spread to Karachi."
    events = _events(matcher, text)
    assert sorted((e.group_short, e.place, e.link) for e in events) == [
        ("LeT", "Karachi", "coreference"),
        ("TTP", "Karachi", "coreference"),
        ("Taliban", "Karachi", "coreference"),
    ]


@pytest.mark.parametrize(
    "present",
    [
        "The TTP is still active in Karachi.",
        "The TTP, another group, is active in Karachi.",
        "TTP cells are also present in Karachi.",
        "The TTP maintains cells in Karachi.",
        "The TTP has a presence in Karachi.",
        "TTP leaders are believed to live in Karachi.",
        "The TTP's leader is based in Karachi.",
        "The TTP operates in Karachi.",
        "The TTP recruits in Karachi.",
        "The TTP shelters in Karachi.",
    ],
)
def test_a_sentence_about_the_present_keeps_the_publication_year(matcher, present):
    (event,) = _events(matcher, f"The war began in December 2014. {present}")
    assert (event.year, event.year_source) == (2016, "publication")


@pytest.mark.parametrize(
    "opening", ["Separately, the TTP", "Elsewhere the TTP", "In another incident, the TTP"]
)
def test_a_sentence_opening_another_story_takes_no_earlier_year(matcher, opening):
    (event,) = _events(matcher, f"The war began in December 2014.\n\n{opening} hit Karachi.")
    assert (event.year, event.year_source) == (2016, "publication")
    (carried,) = _events(matcher, "The war began in December 2014.\n\nThe TTP hit Karachi.")
    assert (carried.year, carried.year_source) == (2014, "explicit")


def test_one_line_paragraphs_end_paragraphs_but_wrapped_lines_do_not(matcher):
    filler = "and officials spoke of it at length " * 6
    dated = f"In December 2003 the raid came, {filler}afterwards."
    one_line = f"{dated}\nThe TTP held Karachi."
    two_lines = f"{dated}\nLater, {filler}again.\nThe TTP held Karachi."
    wrapped = "In December 2003 the raid came.\nThe TTP held Karachi."
    (across,), (within,) = _events(matcher, one_line), _events(matcher, wrapped)
    assert across.year == within.year == 2003 and across.confidence < within.confidence
    assert _events(matcher, two_lines)[0].year_source == "publication"


def _link_events_by_definition(document, sentences, groups, places, years):
    """Every sentence with places or years visited in order, the year carried along."""
    from extraction import carry, linking
    from extraction.clauses import outside_asides
    from extraction.sentences import paragraph_break

    text = document.text
    groups_in = linking._bucket(sentences, groups)
    places_in = linking._bucket(sentences, places)
    events, context, breaks, last, chained = {}, None, 0, 0, set()
    for i in sorted(places_in.keys() | {i for i, refs in enumerate(years) if refs}):
        if context is not None:
            breaks += sum(
                paragraph_break(text, sentences[k - 1].end, sentences[k].start)
                for k in range(max(last + 1, 1), i + 1)
            )
            if breaks > 1:
                context = None
        last = i
        sentence = sentences[i]
        if document.section_at(sentence.start) is not None:
            continue
        reporting = [
            p
            for p in places_in.get(i, ())
            if p.section is None and not linking.names_actor(text, p)
        ]
        links = list(
            linking._links(text, sentences, i, groups_in, reporting, (), places_in, chained)
        )
        if i not in groups_in:  # a reference back that later references may lead through
            referred = {link.group.group_id: link.group for link in links if link.kind == "anaphor"}
            if referred:
                groups_in[i] = list(referred.values())
                chained.add(i)
        # The year carried into a sentence that gives none for a place (``_event`` decides),
        # unless it speaks of the present or opens another story.
        carried = None if context is None else (context, breaks == 1)
        if carried is not None and (
            carry._present(text, sentence)
            or carry._NEW_STORY.match(text, sentence.start, sentence.end)
        ):
            carried = None
        for link in links:
            for event in events_of(document, link, years[i], carried):
                known = events.get(event.event_id)
                if known is None or known.confidence < event.confidence:
                    events[event.event_id] = event
        passed = outside_asides(text, sentence.start, sentence.end, None, years[i])
        if passed and carry._ends(text, sentence):  # only prose passes its year on
            context, breaks = passed[-1], 0
    return tuple(sorted(events.values(), key=lambda e: (e.start, e.place_start, e.group_start)))


_STORY = ["The TTP", "LeT men", "the group", "They", "its fighters", "both groups", "Karachi",
          "Khost", "Quetta", "in 2013", "in July 2010", "last year", "still", "attacks against",
          " ", ", ", ". ", ".\n", "\n\n", "\n", "officials said", ", which ", "Separately, ", "The group's base is in ",
          "said “it is still ", "” "]  # fmt: skip


@settings(deadline=None)  # speed is measured in bench/, not asserted here
@example("The TTP in 2013. Karachi. \n\nthe group Khost.", [])
@example("The TTP in 2013.\n\nThe TTP Karachi.", [])  # the year lasts into the next paragraph
@example("The TTP in 2013.\n\nOfficials said.\n\nThe TTP Karachi.", [])  # and no further
@example("The TTP met. Officials said. They hit Karachi.", [])  # the group two sentences back
@example("The TTP met. They hit Karachi.\n\nThe group's base is in Quetta.", [])  # a chain
@example("Report pursuant to 2013\n\nThe TTP Karachi.", [])  # a title passes no year on
@example("in 2013. The TTP still Quetta. in July 2010. The TTP Khost.", [(0, 10)])
@given(
    st.lists(st.sampled_from(_STORY), max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 80)), max_size=2),
)
def test_visiting_only_sentences_near_groups_gives_the_events_of_visiting_all(text, spans):
    matcher = GroupMatcher(load_lexicon(FIXTURE))
    sections = sorted(
        {(s, min(s + n, len(text))) for s, n in spans if s < min(s + n, len(text))}
    )[:1]  # fmt: skip
    doc = Document(
        "t.txt", "hash-t", "/tmp/t.txt", text, published=dt.date(2016, 6, 3),
        sections=tuple(Section(s, e, "notes") for s, e in sections),
    )  # fmt: skip
    groups = matcher.find(text)
    places = find_places(doc, FakeResolver(), [(g.start, g.end) for g in groups])
    sentences = split_sentences(text)
    years = [find_years(text, s.start, s.end, doc.published) for s in sentences]
    expected = _link_events_by_definition(doc, sentences, groups, places, years)
    assert link_events(doc, sentences, groups, places, years) == expected


def test_a_denied_link_is_kept_with_little_confidence(matcher):
    stated = _events(matcher, "The minister said the TTP has a presence in Karachi.")[0]
    denied = _events(matcher, "The minister said the TTP has no presence in Karachi.")[0]
    assert (denied.group_id, denied.place) == (stated.group_id, stated.place)
    assert denied.confidence < 0.5 * stated.confidence


def test_a_country_named_as_an_actor_makes_no_event(matcher):
    text = "The Pakistan army said the TTP regrouped in Karachi. TTP men fled to Pakistan."
    assert [(e.group_short, e.place) for e in _events(matcher, text)] == [
        ("TTP", "Karachi"),
        ("TTP", "Pakistan"),
    ]
