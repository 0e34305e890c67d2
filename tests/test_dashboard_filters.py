from hypothesis import given
from hypothesis import strategies as st

from atlas.frames import events_frame
from dashboard.filters import (
    DEFAULT_PRECISIONS,
    FilterState,
    apply,
    describe,
    precision_of,
    year_bounds,
)
from dashboard.synthetic import synthetic_events

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda s: s != "-")
states = st.builds(
    FilterState,
    groups=st.none() | st.lists(names, max_size=4).map(tuple),
    families=st.none() | st.lists(names, max_size=3).map(tuple),
    docs=st.none() | st.lists(st.text("0123456789abcdef", min_size=12, max_size=12), max_size=3).map(tuple),
    years=st.none() | st.tuples(st.integers(1900, 2100), st.integers(1900, 2100)).map(lambda t: tuple(sorted(t))),
    precisions=st.lists(st.sampled_from(["country", "province", "district", "city", "locality"]),
                        unique=True).map(lambda ps: tuple(p for p in ["country", "province", "district", "city", "locality"] if p in ps)),
    min_confidence=st.sampled_from([0.0, 0.25, 0.5, 0.95]),
    text=st.text(max_size=30).map(str.strip),
    heat=st.booleans(),
    briefing=st.booleans(),
)


@given(states)
def test_state_survives_the_url(state):
    assert FilterState.from_params(state.to_params()) == state


def test_defaults_make_an_empty_query_string():
    assert FilterState().to_params() == {}
    assert FilterState.from_params({}) == FilterState()


def test_emptied_selection_is_not_read_back_as_all():
    state = FilterState(groups=(), precisions=())
    params = state.to_params()
    assert params["g"] == ["-"] and params["p"] == ["-"]
    assert FilterState.from_params(params).groups == ()


def test_garbage_parameters_fall_back_to_defaults():
    state = FilterState.from_params({"y": ["soon"], "c": ["nan"], "p": ["planet"], "heat": ["yes"]})
    assert state.years is None and state.min_confidence == 0.0
    assert state.precisions == () and state.heat is False
    assert FilterState.from_params({"c": ["7"], "y": ["2020-2001"]}).min_confidence == 1.0
    assert FilterState.from_params({"y": ["2020-2001"]}).years == (2001, 2020)


def test_precision_classes():
    assert precision_of("admin1") == "province" and precision_of("admin2") == "district"
    assert precision_of("country") == "country" and precision_of("landmark") == "locality"
    assert "country" not in DEFAULT_PRECISIONS


def _events():
    return events_frame(synthetic_events(400, n_groups=3, n_places=40, seed=5))


def test_apply_each_filter():
    events = _events()
    everything = FilterState(precisions=("country", "province", "district", "city", "locality"))
    assert len(apply(events, everything)) == len(events)
    default = apply(events, FilterState())
    assert not (default["feature_type"] == "country").any()
    one = apply(events, everything.with_(groups=("syn-g1",)))
    assert set(one["group_id"]) == {"syn-g1"}
    assert apply(events, everything.with_(groups=())).empty
    fam = apply(events, everything.with_(families=("Family South",)))
    assert set(fam["group_family"]) == {"Family South"}
    years = apply(events, everything.with_(years=(2005, 2007)))
    assert years["year"].between(2005, 2007).all() and len(years) < len(events)
    confident = apply(events, everything.with_(min_confidence=0.8))
    assert (confident["confidence"] >= 0.8).all() and len(confident) < len(events)
    doc = events["doc_hash"].iloc[0]
    by_doc = apply(events, everything.with_(docs=(doc[:12],)))
    assert set(by_doc["doc_hash"]) == {doc}
    text = apply(events, everything.with_(text="PLACE 7."))
    assert len(text) and text["sentence"].str.contains("Place 7.", regex=False).all()


def test_year_bounds_and_description():
    events = _events()
    low, high = year_bounds(events)
    assert 2001 <= low < high <= 2024
    line = describe(FilterState(groups=("syn-g1",), min_confidence=0.5, text="x"),
                    {"syn-g1": "Group 1"}, (low, high))
    assert f"{low}–{high}" in line and "Group 1" in line and "≥ 0.5" in line and "“x”" in line
