"""Year references: explicit, relative to publication, and numbers that are not years."""

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atlas.records import YearRef
from extraction.dates import coordinated, find_years, year_near, years_by_sentence

PUBLISHED = dt.date(2016, 6, 3)


def _refs(text, published=PUBLISHED):
    return [
        (text[r.start : r.end], r.year, r.year_end, r.source, r.precision)
        for r in find_years(text, 0, len(text), published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("arrested on Feb. 12, 2015 in", ("Feb. 12, 2015", 2015, None, "explicit", "day")),
        ("Dated 27 Sep 2016 under", ("27 Sep 2016", 2016, None, "explicit", "day")),
        ("regrouped in mid-2015 near", ("mid-2015", 2015, None, "explicit", "year")),
        ("| 2015-03-04 | IS-K |", ("2015-03-04", 2015, None, "explicit", "day")),
        ("on 04/03/2015 in", ("04/03/2015", 2015, None, "explicit", "day")),
        ("raided on 4.3.2015.", ("4.3.2015", 2015, None, "explicit", "day")),
        ("In July 2013, the group", ("July 2013", 2013, None, "explicit", "month")),
        ("In mid-May of 1989 he", ("May of 1989", 1989, None, "explicit", "month")),
        ("in late 2001 they fled", ("2001", 2001, None, "explicit", "year")),
        ("during the summer of 2012 it", ("summer of 2012", 2012, None, "explicit", "season")),
        ("Emerging in the 1980s when", ("1980s", 1980, 1989, "explicit", "decade")),
        ("in the early 1990s it", ("early 1990s", 1990, 1993, "explicit", "decade")),
        ("since the late 80s groups", ("the late 80s", 1986, 1989, "explicit", "decade")),
        (
            "between late 2001 and early 2002 he",
            ("between late 2001 and early 2002", 2001, 2002, "explicit", "range"),
        ),
        (
            "for LET between 2006 and 2009, when",
            ("between 2006 and 2009", 2006, 2009, "explicit", "range"),
        ),
        ("the Taliban, 1996-2001, study", ("1996-2001", 1996, 2001, "explicit", "range")),
        ("last month police said", ("last month", 2016, None, "relative", "month")),
        ("Last year the cell", ("Last year", 2015, None, "relative", "year")),
        ("an effort two years ago to", ("two years ago", 2014, None, "relative", "year")),
        ("released earlier this week", ("this week", 2016, None, "relative", "day")),
        ("discovered in October, and", ("in October", 2015, None, "relative", "month")),
        ("attacked Kunar in January.", ("in January", 2016, None, "relative", "month")),
        ("attacked on 14 August.", ("14 August", 2015, None, "relative", "day")),
        ("on the 3rd of June the", ("3rd of June", 2016, None, "relative", "day")),
        ("seized in May by police", ("in May", 2016, None, "relative", "month")),
        ("the report, dated July 25 but", ("July 25", 2015, None, "relative", "day")),
    ],
)
def test_forms(text, expected):
    assert _refs(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "about 2000 fighters crossed",
        "some 1500 militants",
        "the 313 Brigade and 20 or more groups",
        "see page 1998 of the report",
        "Inquiry & Analysis Series no. 1158",
        "the 9/11 Commission said",
        "www.example.com/2016/06/03/story",
        "the 2,000\u20133,000 members",
        "it may be that the camp is big",
        "they plan to grow by 2030",
        "the September 11 attacks",
        "the report S/2015/441 and version 1.2.2015.5",
        "call 2012-555-1234",
    ],
)
def test_numbers_that_are_not_years(text):
    assert _refs(text) == []


def test_relative_forms_need_a_publication_date():
    assert _refs("last month and in October", published=None) == []
    assert _refs("in 2014", published=None) == [("2014", 2014, None, "explicit", "year")]


def test_offsets_are_absolute_and_limited_to_the_span():
    text = "In 2001 they fled. In 2003 they returned."
    (ref,) = find_years(text, 19, len(text), PUBLISHED)
    assert (ref.year, text[ref.start : ref.end]) == (2003, "2003")


def test_year_near_picks_the_closest_reference_then_falls_back():
    text = "A camp was found in Kandahar province in October, and last month a raid in Paktia."
    refs = find_years(text, 0, len(text), PUBLISHED)
    kandahar, paktia = text.index("Kandahar"), text.index("Paktia")
    assert year_near(refs, kandahar, kandahar + 8, PUBLISHED).year == 2015
    assert year_near(refs, paktia, paktia + 6, PUBLISHED).year == 2016
    fallback = year_near((), 0, 1, PUBLISHED)
    assert (fallback.year, fallback.source, fallback.start) == (2016, "publication", -1)
    unknown = year_near((), 0, 1, None)
    assert (unknown.year, unknown.source) == (None, "unknown")


def test_year_near_keeps_to_the_places_clause_when_given_the_text():
    text = "In November 2014 it hit the consulate in Karachi, and in April 2016 a bomber struck."
    refs = find_years(text, 0, len(text), PUBLISHED)
    karachi = text.index("Karachi")
    assert year_near(refs, karachi, karachi + 7, PUBLISHED).year == 2016  # nearer
    assert year_near(refs, karachi, karachi + 7, PUBLISHED, text=text).year == 2014


def test_a_since_period_set_off_by_a_comma_is_background():
    text = "In March 2015, after weeks of threats by its leaders, a bomber struck Kabul, the first attack since 2011."
    refs = find_years(text, 0, len(text), PUBLISHED)
    kabul = text.index("Kabul")
    assert year_near(refs, kabul, kabul + 5, PUBLISHED).year == 2011  # nearer
    assert year_near(refs, kabul, kabul + 5, PUBLISHED, text=text).year == 2015
    # Attached to the place, the period dates it.
    text = "JuA has struck Peshawar since 2011, including the March 2015 bombing in Lahore."
    refs = find_years(text, 0, len(text), PUBLISHED)
    peshawar = text.index("Peshawar")
    assert year_near(refs, peshawar, peshawar + 8, PUBLISHED, text=text).year == 2011


def test_year_near_passes_over_references_before_a_given_year():
    text = "In 1947 the region was split; in the 1980s and in 2015, fighters came."
    refs = find_years(text, 0, len(text), PUBLISHED)
    region = text.index("region")
    assert year_near(refs, region, region + 6, PUBLISHED).year == 1947
    decade = year_near(refs, region, region + 6, PUBLISHED, not_before=1985)
    assert (decade.year, decade.year_end) == (1980, 1989)  # a range that reaches it counts
    assert year_near(refs, region, region + 6, PUBLISHED, not_before=1990).year == 2015
    fallback = year_near(refs, region, region + 6, PUBLISHED, not_before=2016)
    assert (fallback.year, fallback.source) == (2016, "publication")


@settings(deadline=None)  # speed is measured in bench/, not asserted here
@given(st.text(), st.none() | st.dates())
def test_any_text_gives_ordered_references_inside_it(text, published):
    refs = find_years(text, 0, len(text), published)
    for ref in refs:
        assert 0 <= ref.start < ref.end <= len(text)
        assert ref.year_end is None or ref.year_end >= ref.year
    for a, b in pairwise(refs):
        assert a.end <= b.start


def test_years_by_sentence_keeps_each_reference_in_its_sentence():
    text = "In 2001 they fled. Then last month they returned in October 2015."
    sentences = [(0, 18), (19, len(text))]
    first, second = years_by_sentence(text, sentences, PUBLISHED)
    assert [r.year for r in first] == [2001]
    assert [(r.year, r.source) for r in second] == [(2016, "relative"), (2015, "explicit")]
    assert years_by_sentence(text, [(5, 10)], PUBLISHED) == [()]


@given(
    st.lists(
        st.sampled_from(
            [
                "In 2001",
                " they fled.",
                " Then",
                " last month",
                "\n\n",
                " 2015-16",
                " the 1990s.",
                " October",
                " 3",
                ".",
            ]
        ),
        max_size=20,
    ).map("".join),
    st.lists(st.integers(0, 200), max_size=8),
)
def test_years_by_sentence_is_find_years_cut_by_sentence(text, cuts):
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    sentences = list(pairwise(bounds))
    refs = find_years(text, 0, len(text), PUBLISHED)
    expected = [tuple(r for r in refs if s <= r.start < e and r.end <= e) for s, e in sentences]
    assert years_by_sentence(text, sentences, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("police said yesterday that", "yesterday"),
        ("Today the cell", "Today"),
        ("raided on Monday night", "on Monday"),
        ("a Monday routine", None),
        ("birthday party", None),
    ],
)
def test_days_relative_to_publication(text, found):
    refs = _refs(text)
    assert [r[0] for r in refs] == ([found] if found else [])
    assert all(r[1:] == (2016, None, "relative", "day") for r in refs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("which has lost territory since 2015.", [("since 2015", 2015, 2016, "explicit", "range")]),
        ("In the years following 9/11, they fled", [("9/11", 2001, None, "explicit", "day")]),
        ("a post-9/11 world", [("9/11", 2001, None, "explicit", "day")]),
        ("another 9/11-style attack", []),
        (
            "In mid-February 2011, Jaish said the attack two years earlier was theirs.",
            [
                ("February 2011", 2011, None, "explicit", "month"),
                ("two years earlier", 2009, None, "relative", "year"),
            ],
        ),
        ("Three years later they left.", []),
    ],
)
def test_since_nine_eleven_and_years_counted_from_the_text(text, expected):
    assert _refs(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It happened on Mon\nday in Kabul.", [("on Mon\nday", 2016, None, "day")]),
        ("It happened last\nyear.", [("last\nyear", 2015, None, "year")]),
        ("In 2001 the holiday and birthday came.", [("2001", 2001, None, "year")]),
        ("In June\n2015 they came.", [("June\n2015", 2015, None, "month")]),
        ("from mid-2015 to 2016", [("from mid-2015 to 2016", 2015, 2016, "range")]),
    ],
)
def test_heads_across_line_breaks_and_words_ending_in_day(text, found):
    refs = find_years(text, 0, len(text), PUBLISHED)
    assert [(text[r.start : r.end], r.year, r.year_end, r.precision) for r in refs] == found


def _non_overlapping_by_definition(found):
    """Longest first, then earliest, each kept unless it shares a character with one kept
    before; in text order."""
    kept = []
    for ref in sorted(found, key=lambda r: (r.start - r.end, r.start)):
        if not any(max(ref.start, k.start) < min(ref.end, k.end) for k in kept):
            kept.append(ref)
    return sorted(kept, key=lambda r: r.start)


_SPANS = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1]))


@example([(0, 4), (4, 8)])
@example([(3, 3), (3, 7)])
@example([(2, 9), (4, 6), (0, 3)])
@given(st.lists(_SPANS, max_size=8))
def test_overlapping_references_keep_the_longest_then_earliest(spans):
    from extraction.dates import _non_overlapping

    refs = [YearRef(2000 + i, None, "explicit", "year", s, e) for i, (s, e) in enumerate(spans)]
    assert _non_overlapping(refs) == _non_overlapping_by_definition(refs)


def test_years_listed_together_are_coordinated_and_clauses_are_not():
    def lists(text):
        refs = find_years(text, 0, len(text), PUBLISHED)
        return [[r.year for r in coordinated(refs, ref, text)] for ref in refs]

    assert lists("attacked in 2009, 2012, and 2014") == [[2012, 2014], [2009, 2014], [2009, 2012]]
    assert lists("attacked in 2009 and again in 2014") == [[2014], [2009]]
    assert lists("hit Quetta in 2009, and in 2014 a bomber struck") == [[], []]
    assert lists("found in October, and last month police said") == [[], []]
