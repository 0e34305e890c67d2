"""Clauses that part a sentence's groups from places, asides that keep their years, and claims."""

import datetime as dt

import pytest

from atlas.records import GroupMention
from extraction.clauses import asides, claim_at, outside_asides, parted, reported_with_claim
from extraction.dates import find_years
from extraction.sentences import split_sentences
from tests.factories import make_document, make_mention


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The BLA claimed responsibility in a statement.", "claimed responsibility"),
        ("Hours later the TTP took credit for it.", "took credit"),
        ("JeM claimed the attack within hours.", "claimed the attack"),
        ("The TTP claims full responsibility.", "claims full responsibility"),
        ("The BLA said it had carried out the raid.", "said it had carried out"),
        ("and the Islamic State claimed it.", "claimed it"),
        ("He claimed it was a police raid.", None),
        ("The TTP denied any role.", None),
        ("He claimed the TTP was behind it.", None),
    ],
)
def test_a_claim_of_an_attack(text, claim):
    at = claim_at(text, 0, len(text))
    assert (None if at is None else text[at : at + len(claim)]) == claim


def _places(text: str, *names: str):
    """Place mentions of ``names`` (their first occurrences) in ``text``."""
    document = make_document(text)
    return tuple(
        make_mention(document, start=text.index(n), end=text.index(n) + len(n)) for n in names
    )


def _group(text: str, name: str) -> GroupMention:
    start = text.index(name)
    return GroupMention(start, start + len(name), name, name.lower(), name, name, "family")


def test_a_clause_opening_with_another_group_parts_it_from_the_first_clauses_places():
    text = "JA operates near Khorog, while KIB fights in Idlib; the TTP holds Tank."
    (sentence,) = split_sentences(text)
    ja, kib, ttp = (_group(text, n) for n in ("JA", "KIB", "TTP"))
    khorog, idlib, tank = _places(text, "Khorog", "Idlib", "Tank")
    other = parted(text, sentence, [ja, kib, ttp])
    assert [other(ja, p) for p in (khorog, idlib, tank)] == [False, True, True]
    assert [other(kib, p) for p in (khorog, idlib, tank)] == [True, False, True]
    assert [other(ttp, p) for p in (khorog, idlib, tank)] == [True, True, False]


def test_a_where_clause_keeps_the_place_it_is_about():
    text = "Raids hit Lahore and the border, where JA operates from Zahedan; LeT went to Kunar, where JA sheltered."
    (sentence,) = split_sentences(text)
    ja, let = _group(text, "JA"), _group(text, "LeT")
    ja_again = GroupMention(text.rindex("JA"), text.rindex("JA") + 2, "JA", "ja", "JA", "JA", "f")
    lahore, zahedan, kunar = _places(text, "Lahore", "Zahedan", "Kunar")
    other = parted(text, sentence, [ja, let, ja_again])
    assert [other(ja, p) for p in (lahore, zahedan, kunar)] == [True, False, True]
    assert [other(ja_again, p) for p in (lahore, zahedan, kunar)] == [True, False, False]
    assert [other(let, p) for p in (lahore, zahedan, kunar)] == [True, True, False]


def test_a_clause_may_describe_its_group_before_naming_it():
    text = "AQ stayed in Kunar, and that its South Asian affiliate, AQIS, had fighters in Ghazni."
    (sentence,) = split_sentences(text)
    aq, aqis = _group(text, "AQ"), _group(text, "AQIS")
    kunar, ghazni = _places(text, "Kunar", "Ghazni")
    other = parted(text, sentence, [aq, aqis])
    assert [other(aq, kunar), other(aq, ghazni), other(aqis, ghazni)] == [False, True, False]


def test_a_relative_clause_about_a_group_keeps_its_places_to_it():
    text = "HQN mediated in Bannu with the TTP leadership, which is based in Kunar and Paktika."
    (sentence,) = split_sentences(text)
    hqn, ttp = _group(text, "HQN"), _group(text, "TTP")
    bannu, kunar, paktika = _places(text, "Bannu", "Kunar", "Paktika")
    other = parted(text, sentence, [hqn, ttp])
    assert [other(hqn, p) for p in (bannu, kunar, paktika)] == [False, True, True]
    assert [other(ttp, p) for p in (bannu, kunar, paktika)] == [False, False, False]
    # Not a relative clause about a group: "Kunar, which ..." is about Kunar.
    text = "HQN and the TTP moved to Kunar, which is based on the border, and Paktika."
    (sentence,) = split_sentences(text)
    hqn, ttp = _group(text, "HQN"), _group(text, "TTP")
    (paktika,) = _places(text, "Paktika")
    assert not parted(text, sentence, [hqn, ttp])(hqn, paktika)


def test_one_group_or_no_turn_parts_nothing():
    text = "JA operates near Khorog, while its men fight in Idlib."
    (sentence,) = split_sentences(text)
    ja = _group(text, "JA")
    (idlib,) = _places(text, "Idlib")
    assert not parted(text, sentence, [ja])(ja, idlib)


def test_asides_that_tell_of_something_else():
    text = (
        "In 2021 JeM, already blamed for the 2019 attack, scouted Delhi; LeT, which grew, waited."
    )
    found = [text[s:e] for s, e in asides(text, 0, len(text))]
    assert found == [", already blamed for the 2019 attack,", ", which grew,"]
    assert asides("In 2021 JeM, in Delhi, scouted targets.", 0, 40) == []


def test_appositives_that_describe_are_asides_but_list_items_are_not():
    text = "LeJ, the sectarian group that emerged from SSP in 1996, targeted Quetta."
    assert [text[s:e] for s, e in asides(text, 0, len(text))] == [
        ", the sectarian group that emerged from SSP in 1996,"
    ]
    listed = "The TTP, the Haqqani network, and a faction based in Kunar fought there."
    assert asides(listed, 0, len(listed)) == []
    subject = "Illustrating the ties, the leader of AQ contended that it grew, and thanked them."
    assert asides(subject, 0, len(subject)) == []
    seen = "The TJP, widely seen as a front for the TTP, claimed the attack on Mianwali."
    assert [seen[s:e] for s, e in asides(seen, 0, len(seen))] == [
        ", widely seen as a front for the TTP,"
    ]
    ally = "In August, the IMU, an al Qaeda ally, lost its leader in Mir Ali."
    assert [ally[s:e] for s, e in asides(ally, 0, len(ally))] == [", an al Qaeda ally,"]
    front = "The TJP, a front for the TTP, struck."
    assert [front[s:e] for s, e in asides(front, 0, len(front))] == [", a front for the TTP,"]
    offshoot = "The IJU, an offshoot of the IMU, has cells in Kunduz."
    founded = "JA, founded by Tajik militants in 2010, operates along the border."
    assert [offshoot[s:e] for s, e in asides(offshoot, 0, len(offshoot))] == [
        ", an offshoot of the IMU,"
    ]
    assert [founded[s:e] for s, e in asides(founded, 0, len(founded))] == [
        ", founded by Tajik militants in 2010,"
    ]


def test_years_inside_an_aside_date_only_its_own_places():
    text = "In 2021 JeM, already blamed for the 2019 raid on Quetta, scouted Delhi."
    refs = find_years(text, 0, len(text), dt.date(2021, 6, 1))
    delhi, quetta = _places(text, "Delhi", "Quetta")
    assert [r.year for r in outside_asides(text, 0, len(text), delhi, refs)] == [2021]
    assert [r.year for r in outside_asides(text, 0, len(text), quetta, refs)] == [2021, 2019]
    # With nothing outside, nothing dates Delhi (linking falls back as for no year).
    aside_only = tuple(r for r in refs if r.year == 2019)
    assert outside_asides(text, 0, len(text), delhi, aside_only) == ()


@pytest.mark.parametrize(
    ("text", "place", "reported"),
    [
        ("JMB hit a cafe in Dhaka, and the IS claimed it.", "Dhaka", True),
        ("IS claims the bombing of the shrine in Sehwan, Sindh.", "Sehwan", True),
        ("IS claimed the bombing, and fled to Sehwan.", "Sehwan", False),
        ("Its official in Khurasan claimed responsibility for it.", "Khurasan", False),
        ("IS claimed responsibility for the attack in Sehwan.", "Sehwan", True),
        ("IS claimed responsibility, and fled to Sehwan.", "Sehwan", False),
    ],
)
def test_what_a_claiming_sentence_reports_itself(text, place, reported):
    (sentence,) = split_sentences(text)
    test = reported_with_claim(text, sentence, claim_at(text, 0, len(text)))
    assert test(text.index(place)) is reported


def test_a_headlines_bare_as_turns_between_two_groups():
    def parts(text):
        (sentence,) = split_sentences(text)
        taliban, isk = _group(text, "Taliban"), _group(text, "IS-K")
        kunduz, jalalabad = _places(text, "Kunduz", "Jalalabad")
        other = parted(text, sentence, [taliban, isk])
        return other(taliban, jalalabad), other(isk, kunduz)

    assert parts("Taliban seize Kunduz as IS-K strikes Jalalabad") == (True, True)
    # Prose keeps a bare "as" in its clause, as it does a bare "while".
    assert parts("Taliban seize Kunduz as IS-K strikes Jalalabad.") == (False, False)
    assert parts("Taliban seize Kunduz, known as IS-K in Jalalabad") == (False, False)
