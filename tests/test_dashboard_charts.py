"""The charts beside the map: events per year, and the places with most events."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import timeline, top_places
from dashboard.groups import GroupStyle

STYLES = {
    "ttp": GroupStyle("ttp", "Tehrik-e-Taliban Pakistan", "TTP", "Taliban", "#2e7d32"),
    "isk": GroupStyle("isk", "Islamic State Khorasan Province", "IS-K", "Islamic State", "#4a148c"),
}


def _events(rows: list[tuple[str, str, str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["group_id", "place_id", "place", "year"])


def test_top_places_names_every_place_most_events_first() -> None:
    # 14 places: place k has k + 1 events, half of them by each group.
    rows = [
        ("ttp" if i % 2 else "isk", f"gn:{k}", f"Place {k}", 2020)
        for k in range(14)
        for i in range(k + 1)
    ]
    spec = top_places(_events(rows), STYLES, n=12).to_dict()
    y = spec["encoding"]["y"]
    assert y["sort"] == [f"Place {k}" for k in range(13, 1, -1)]
    assert y["axis"]["labelOverlap"] is False
    assert spec["height"] == {"step": 22}
    assert {r["place"] for r in spec["datasets"][spec["data"]["name"]]} == set(y["sort"])


def test_no_chart_without_events_or_years() -> None:
    assert top_places(_events([]), STYLES) is None
    assert timeline(_events([("ttp", "gn:1", "Quetta", None)]), STYLES) is None


def test_timeline_counts_events_per_year_and_group() -> None:
    rows = [("ttp", "gn:1", "Quetta", 2010), ("ttp", "gn:1", "Quetta", 2010),
            ("isk", "gn:2", "Jalalabad", 2016)]  # fmt: skip
    spec = timeline(_events(rows), STYLES).to_dict()
    data = spec["datasets"][spec["data"]["name"]]
    assert sorted((r["year"], r["group"], r["events"]) for r in data) == [
        (2010, "Tehrik-e-Taliban Pakistan", 2),
        (2016, "Islamic State Khorasan Province", 1),
    ]
