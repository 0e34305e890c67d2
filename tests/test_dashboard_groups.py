from atlas.frames import events_frame
from dashboard.groups import GroupStyle, read_lexicon_styles, styles_for
from dashboard.synthetic import synthetic_events
from extraction.lexicon import load_lexicon


def test_lexicon_colours_and_families_are_used():
    lexicon = load_lexicon()
    styles = read_lexicon_styles()
    group = lexicon.groups[0]
    assert styles[group.id].colour == group.colour
    assert styles[group.id].family == group.family_name


def test_unknown_groups_get_distinct_palette_colours_and_bad_colours_are_replaced():
    events = events_frame(synthetic_events(200, n_groups=6, n_places=10, seed=1))
    lexicon = {"syn-g0": GroupStyle("syn-g0", "Zero", "Z", "Known family", '#fff"/><script>')}
    styles = styles_for(events, lexicon)
    assert set(styles) == {f"syn-g{i}" for i in range(6)}
    assert styles["syn-g0"].name == "Zero" and styles["syn-g0"].colour.startswith("#")
    assert len(styles["syn-g0"].colour) == 7
    others = [styles[f"syn-g{i}"].colour for i in range(1, 6)]
    assert len(set(others)) == 5
    families = [s.family for s in styles.values()]
    assert families == sorted(families)


def test_no_events_no_styles():
    assert styles_for(events_frame([]), {}) == {}
