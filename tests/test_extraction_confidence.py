"""An event's confidence from its link, closeness, place, year and the sentence's wording."""

from hypothesis import given
from hypothesis import strategies as st

from atlas.records import GroupMention, Mention, YearRef
from extraction.confidence import confidence, gap

TEXT = "Police said the TTP opened an office in Karachi in July 2013."
GROUP = GroupMention(16, 19, "TTP", "ttp", "Tehrik-e-Taliban Pakistan", "TTP", "Taliban")
EXPLICIT = YearRef(2013, None, "explicit", "month", 51, 60)


def _place(start: int = 40, score: float = 0.9, feature_type: str = "city") -> Mention:
    return Mention(
        "t.txt", "h", "Karachi", start, start + 7, "Karachi", "gn:1174872", 24.86, 67.01,
        "PK", "Sindh", feature_type, score,
    )  # fmt: skip


def _confidence(place: Mention | None = None, kind: str = "sentence", **kw) -> float:
    year = kw.pop("year", EXPLICIT)
    return confidence(kw.pop("text", TEXT), GROUP, place or _place(), kind, 0, year, **kw)


def test_a_sentence_link_beats_a_reference_back_and_a_context_link():
    assert _confidence() > _confidence(kind="anaphor") > _confidence(kind="context")
    assert _confidence(kind="context") > _confidence(kind="context_last")


def test_surer_places_and_years_are_more_confident():
    assert _confidence() > _confidence(_place(score=0.3))
    assert _confidence() > _confidence(_place(feature_type="country"))
    publication = YearRef(2016, None, "publication", "year")
    assert _confidence() > _confidence(year=publication)
    assert _confidence() > _confidence(across=True)


def _in(text: str) -> float:
    """The confidence of the sentence link of "TTP" and "Karachi" in ``text``."""
    at = text.index("TTP")
    group = GroupMention(at, at + 3, "TTP", "ttp", "Tehrik-e-Taliban Pakistan", "TTP", "Taliban")
    place = _place(start=text.index("Karachi"))
    return confidence(text, group, place, "sentence", 0, EXPLICIT)


def test_a_targeted_group_and_a_denied_or_hedged_link_are_less_sure():
    plain = _in("In July 2013 police said the TTP has a presence in Karachi.")
    # Far below what the one character of distance between the wordings would explain.
    assert _in("In July 2013 police said attacks against TTP men in Karachi.") < 0.9 * plain
    assert _in("In July 2013 gunmen attacked TTP men in Karachi.") < 0.9 * plain
    assert _in("In July 2013 IS targeted a gathering of TTP men in Karachi.") < 0.9 * plain
    assert _in("In July 2013 police said the TTP has no presence in Karachi.") < 0.9 * plain
    hedged = _in("In July 2013 police said the TTP could set up in Karachi.")
    assert _in("In July 2013 police said the TTP has no presence in Karachi.") < hedged
    assert hedged < 0.9 * plain


@given(st.integers(0, 400), st.integers(0, 400))
def test_confidence_falls_with_distance_and_stays_in_the_unit_interval(near, further):
    near, further = sorted((near, further))
    close, far = _place(start=19 + near), _place(start=19 + further)
    assert gap(GROUP, close) == near
    assert 0.0 <= _confidence(far) <= _confidence(close) <= 1.0
