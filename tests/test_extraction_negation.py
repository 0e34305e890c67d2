"""Denied and hedged links between a group and a place, and their short scope."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.negation import hedged, negated


def _spans(text: str, group: str, place: str) -> tuple[tuple[int, int], tuple[int, int]]:
    g, p = text.index(group), text.index(place)
    return (g, g + len(group)), (p, p + len(place))


@pytest.mark.parametrize(
    ("text", "group", "place"),
    [
        ("The minister said the Daesh has no presence in Pakistan.", "Daesh", "Pakistan"),
        (
            "There is no evidence of Daesh's leadership directing attacks in Pakistan.",
            "Daesh",
            "Pakistan",
        ),
        (
            "Supporters who had no ties to Wilayat Khorasan had travelled to Syria.",
            "Wilayat Khorasan",
            "Syria",
        ),
        ("The cell did not have any discernible links to al-Qaeda in Yemen.", "al-Qaeda", "Yemen"),
        ("The Taliban denied involvement in the Kabul bombing.", "Taliban", "Kabul"),
        ("In Swat, the TTP is no longer active.", "TTP", "Swat"),
        ("Officials said LeT was not behind the attack in Mumbai.", "LeT", "Mumbai"),
        ("There is no evidence that JeM is in Baramulla, though it is in Kashmir.", "JeM", "Baramulla"),
        ("JeM is in Kunar, but has no presence in Baramulla.", "JeM", "Baramulla"),
    ],
)
def test_denied_links(text: str, group: str, place: str) -> None:
    assert negated(text, *_spans(text, group, place))


@pytest.mark.parametrize(
    ("text", "group", "place"),
    [
        ("Daesh has a growing presence in Pakistan.", "Daesh", "Pakistan"),
        (
            "The most lethal group in Pakistan, TTP, has not expressed support for Daesh.",
            "TTP",
            "Pakistan",
        ),
        # The denial is about the first group; the second is named after it, affirmed.
        (
            "They had no ties to Wilayat Khorasan, but had established links with Daesh in Syria.",
            "Daesh",
            "Syria",
        ),
        # A contrast ends the denial's scope.
        (
            "There is no evidence that JeM is in Baramulla, though the outfit remains in Kashmir.",
            "JeM",
            "Kashmir",
        ),
        (
            "No one doubts that al-Qaeda trained fighters in Kunar and Nuristan.",
            "al-Qaeda",
            "Kunar",
        ),
        (
            "IS-K claimed attacks in Balkh, Badakhshan and Baghlan, leaving no survivors.",
            "IS-K",
            "Balkh",
        ),
    ],
)
def test_affirmed_links(text: str, group: str, place: str) -> None:
    assert not negated(text, *_spans(text, group, place))


@given(st.text(alphabet="abc .,", max_size=60), st.text(alphabet="abc .,", max_size=60))
def test_cue_far_from_the_link_does_not_count(before: str, filler: str) -> None:
    # A denial more than the scope away before the group says nothing of this link.
    text = "Daesh has no presence there. " + "x" * 40 + before + " LeT " + filler + " in Lahore."
    group = text.index(" LeT ") + 1
    place = text.index("Lahore")
    assert not negated(text, (group, group + 3), (place, place + 6))


@pytest.mark.parametrize(
    ("text", "group", "place", "expected"),
    [
        ("Analysts fear that al-Qaeda could return to Helmand.", "al-Qaeda", "Helmand", True),
        ("If the TTP regroups in Swat, talks will fail.", "TTP", "Swat", True),
        ("In Kunar, IS-K might rebuild its camps.", "IS-K", "Kunar", True),
        ("The TTP is expected to intensify attacks in Bannu.", "TTP", "Bannu", True),
        ("Al-Qaeda returned to Helmand in 2021.", "Al-Qaeda", "Helmand", False),
        ("ISKP may also try to strike targets in Dushanbe.", "ISKP", "Dushanbe", True),
        ("The TTP threatened to attack Lahore.", "TTP", "Lahore", True),
        ("In May the TTP attacked Lahore.", "TTP", "Lahore", False),
        # A hedge about something else, further back, does not reach the link.
        (
            "It could rain for weeks, officials said after the storm; LeT trained in Muridke.",
            "LeT",
            "Muridke",
            False,
        ),
    ],
)
def test_hedged_links(text: str, group: str, place: str, expected: bool) -> None:
    assert hedged(text, *_spans(text, group, place)) is expected
