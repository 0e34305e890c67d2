"""Charts beside the map: events per year by group, and the places with most events."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from dashboard.groups import GroupStyle


def _colour_scale(styles: Mapping[str, GroupStyle], present: set[str]) -> alt.Scale:
    shown = [s for gid, s in styles.items() if gid in present]
    return alt.Scale(domain=[s.name for s in shown], range=[s.colour for s in shown])


def timeline(events: pd.DataFrame, styles: Mapping[str, GroupStyle]) -> alt.Chart | None:
    """Stacked bars of dated events per year, coloured by group as on the map (None when undated)."""
    dated = events.assign(year=pd.to_numeric(events["year"], errors="coerce")).dropna(subset=["year"])
    if dated.empty:
        return None
    counts = dated.groupby(["year", "group_id"]).size().rename("events").reset_index()
    counts["group"] = counts["group_id"].map(lambda g: styles[g].name)
    counts["year"] = counts["year"].astype(int)
    return (
        alt.Chart(counts, title="Events per year")
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=None),
            y=alt.Y("events:Q", title="events"),
            color=alt.Color("group:N", scale=_colour_scale(styles, set(counts["group_id"])),
                            legend=None),
            tooltip=["year:O", "group:N", "events:Q"],
        )
        .properties(height=260)
    )


def top_places(events: pd.DataFrame, styles: Mapping[str, GroupStyle], n: int = 12) -> alt.Chart | None:
    """Horizontal bars for the ``n`` places with most events, split by group."""
    if events.empty:
        return None
    totals = events.groupby("place_id").size().nlargest(n)
    top = events[events["place_id"].isin(totals.index)]
    counts = top.groupby(["place_id", "place", "group_id"]).size().rename("events").reset_index()
    counts["group"] = counts["group_id"].map(lambda g: styles[g].name)
    order = [events.loc[events["place_id"] == p, "place"].iloc[0] for p in totals.index]
    return (
        alt.Chart(counts, title=f"Top {len(totals)} places")
        .mark_bar()
        .encode(
            # Every place named: a fixed step per bar, labels never thinned out.
            y=alt.Y(
                "place:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=160)
            ),
            x=alt.X("events:Q", title="events"),
            color=alt.Color("group:N", scale=_colour_scale(styles, set(counts["group_id"])), legend=None),
            tooltip=["place:N", "group:N", "events:Q"],
        )
        .properties(height=alt.Step(22))
    )
