import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from atlas.frames import events_frame
from dashboard.markers import build_markers, highlight
from dashboard.synthetic import hostile_extraction, synthetic_events
from tests.dashboard_stores import PAYLOAD


def test_highlight_marks_spans_and_escapes_everything():
    sentence = "In 2015, <b>TTP</b> attacked Khost & more."
    start = 100
    g0 = start + sentence.index("<b>TTP</b>")
    p0 = start + sentence.index("Khost")
    out = highlight(sentence, start, [(g0, g0 + 10, "g"), (p0, p0 + 5, "p")])
    assert '<mark class="g">&lt;b&gt;TTP&lt;/b&gt;</mark>' in out
    assert '<mark class="p">Khost</mark> &amp; more.' in out
    assert "<b>" not in out


def test_highlight_ignores_spans_outside_or_overlapping():
    out = highlight("abc def", 0, [(0, 3, "g"), (2, 5, "p"), (5, 99, "p"), (4, 4, "g")])
    assert out == '<mark class="g">abc</mark> def'


@given(st.text(max_size=80), st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=4))
def test_highlight_never_lets_markup_through(sentence, spans):
    out = highlight(sentence, 0, [(s, e, "g") for s, e in spans])
    stripped = out.replace('<mark class="g">', "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_one_marker_per_place_and_group_with_counts():
    events = events_frame(synthetic_events(300, n_groups=3, n_places=20, seed=1))
    markers = build_markers(events)
    assert markers.cell_degrees is None
    assert len(markers.frame) == events.groupby(["group_id", "place_id"]).ngroups
    assert markers.frame["count"].sum() == len(events)
    assert set(markers.frame["precision"]) <= {"country", "province", "district", "city", "locality"}


def test_many_markers_are_aggregated_to_grid_cells():
    events = events_frame(synthetic_events(3000, n_groups=5, n_places=400, seed=2))
    markers = build_markers(events, max_markers=200)
    assert markers.cell_degrees is not None
    assert len(markers.frame) <= 200
    assert markers.frame["count"].sum() == len(events)
    assert "aggregated" in markers.frame["popup"].iloc[0] or markers.frame["count"].iloc[0] <= 3


def test_popups_escape_document_text():
    events = events_frame(hostile_extraction(PAYLOAD).events)
    popup = build_markers(events).frame["popup"].iloc[0]
    assert "<script" not in popup and "<img" not in popup
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in popup


def test_empty_events_give_no_markers():
    events = events_frame([])
    assert build_markers(events).frame.empty


def test_markers_sharing_a_point_fan_out():
    # One group in Khost, and at a site the text placed in Khost (its holder's point).
    events = events_frame(synthetic_events(12, n_groups=1, n_places=1, seed=3))
    site = events.iloc[:1].assign(place_id="in:site", place="Khaldan camp")
    markers = build_markers(pd.concat([events, site], ignore_index=True)).frame
    assert len(markers) == 2
    assert len(set(zip(markers["dx"], markers["dy"]))) == 2
