"""Events to map markers: one per place and group, with escaped popups.

Above ``max_markers`` place+group markers the view is aggregated further to one marker
per group per grid cell, the cell growing until the map stays responsive.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.filters import precision_of

MAX_MARKERS = 3000
EVIDENCE_PER_MARKER = 3
_CELLS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True, slots=True)
class Markers:
    """Marker rows (group_id, label, lat, lon, precision, count, popup) and how they were made."""

    frame: pd.DataFrame
    cell_degrees: float | None = None
    """Grid cell size when aggregated beyond place+group, else None."""


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def highlight(sentence: str, start: int, spans: list[tuple[int, int, str]]) -> str:
    """``sentence`` as escaped HTML with each (start, end, css class) document span marked.

    Spans are document offsets; the sentence starts at ``start``. Spans that fall outside the
    sentence or overlap an earlier one are left unmarked rather than guessed at.
    """
    pieces, cursor = [], 0
    for s, e, css in sorted(spans):
        s, e = s - start, e - start
        if s < cursor or e > len(sentence) or s >= e:
            continue
        pieces.append(html.escape(sentence[cursor:s]))
        pieces.append(f'<mark class="{css}">{html.escape(sentence[s:e])}</mark>')
        cursor = e
    pieces.append(html.escape(sentence[cursor:]))
    return "".join(pieces)


def evidence_html(row) -> str:
    """One event's evidence for a popup: highlighted sentence, year, document title and date."""
    try:
        start = int(row.start)
        spans = [(int(row.group_start), int(row.group_end), "g"),
                 (int(row.place_start), int(row.place_end), "p")]
    except (TypeError, ValueError):
        start, spans = 0, []
    year = _text(row.year) or "year unknown"
    title = html.escape(_text(row.doc_title) or _text(row.doc_id))
    published = html.escape(_text(row.published))
    return (
        f'<div class="ev"><q>{highlight(_text(row.sentence), start, spans)}</q>'
        f'<div class="src">{html.escape(year)} · <i>{title}</i>'
        f'{" (" + published + ")" if published else ""}</div></div>'
    )


def _popup(group: str, place: str, count: int, years: str, evidence: list[str], extra: str) -> str:
    head = (
        f"<b>{html.escape(group)}</b><br>{html.escape(place)}"
        f"<br>{count} event{'s' if count != 1 else ''}{' · ' + html.escape(years) if years else ''}"
    )
    more = count - len(evidence)
    tail = f'<div class="more">+{more} more{extra}</div>' if more > 0 else ""
    return f'<div class="atlas-popup">{head}{"".join(evidence)}{tail}</div>'


def _years(low: float, high: float) -> str:
    if np.isnan(low):
        return ""
    return f"{int(low)}" if low == high else f"{int(low)}–{int(high)}"


def build_markers(events: pd.DataFrame, max_markers: int = MAX_MARKERS) -> Markers:
    """Aggregate filtered events to markers, coarsening to grid cells when there are too many."""
    columns = ["group_id", "group", "label", "lat", "lon", "precision", "count", "popup", "dx", "dy"]
    if events.empty:
        return Markers(pd.DataFrame(columns=columns))
    frame = pd.DataFrame({
        "group_id": events["group_id"].astype(str).to_numpy(),
        "group": events["group"].astype(str).to_numpy(),
        "key": events["place_id"].astype(str).to_numpy(),
        "label": events["place"].astype(str).to_numpy(),
        "lat": events["lat"].astype(float).to_numpy(),
        "lon": events["lon"].astype(float).to_numpy(),
        "precision": events["feature_type"].map(precision_of).to_numpy(),
        "year": pd.to_numeric(events["year"], errors="coerce").astype(float).to_numpy(),
        "confidence": pd.to_numeric(events["confidence"], errors="coerce").to_numpy(),
    }, index=events.index)
    cell = None
    groups = pd.factorize(frame["group_id"])[0].astype(np.int64)
    key = pd.factorize(frame["key"])[0].astype(np.int64)
    if _combinations(groups, key) > max_markers:
        for cell in _CELLS:
            key = _cell_keys(frame["lat"].to_numpy(), frame["lon"].to_numpy(), cell)
            if _combinations(groups, key) <= max_markers:
                break
    frame["key"] = key
    keys = ["group_id", "key"]
    grouped = frame.groupby(keys, sort=False)
    summary = grouped.agg(
        group=("group", "first"), label=("label", "first"), lat=("lat", "mean"),
        lon=("lon", "mean"), precision=("precision", "first"), count=("group", "size"),
        places=("label", "nunique"), y0=("year", "min"), y1=("year", "max"),
    ).reset_index()
    best = frame.sort_values("confidence", ascending=False, kind="stable")
    best = best.groupby(keys, sort=False).head(EVIDENCE_PER_MARKER)
    rows = events.loc[best.index]
    texts = pd.Series([evidence_html(r) for r in rows.itertuples(index=False)], index=best.index)
    evidence = texts.groupby([best["group_id"], best["key"]], sort=False).agg(list)
    popups = []
    for row in summary.itertuples(index=False):
        label = row.label if row.places == 1 else f"{row.places} places near {row.label}"
        extra = "" if cell is None else f" (aggregated to {cell:g}° cells)"
        popups.append(_popup(row.group, label, int(row.count), _years(row.y0, row.y1),
                             evidence.get((row.group_id, row.key), []), extra))
    summary["popup"] = popups
    summary.loc[summary["places"] > 1, "label"] = summary["places"].astype(str) + " places"
    summary["dx"], summary["dy"] = _offsets(summary)
    return Markers(summary[columns], cell)


def _offsets(summary: pd.DataFrame, radius: float = 8.0) -> tuple[np.ndarray, np.ndarray]:
    """Pixel offsets that fan out the markers sharing one point, so none hides another:
    the groups at one place, and a site placed at its holder's point ("Khaldan camp" in
    Khost, see ``gazetteer.located``)."""
    point = [summary["lat"].round(6), summary["lon"].round(6)]
    by_place = summary.groupby(point, sort=False)["group_id"]
    rank = by_place.cumcount().to_numpy()
    size = by_place.transform("size").to_numpy()
    angle = 2 * np.pi * rank / size
    spread = np.where(size > 1, radius, 0.0)
    return np.rint(spread * np.sin(angle)).astype(int), np.rint(-spread * np.cos(angle)).astype(int)


def _combinations(groups: np.ndarray, keys: np.ndarray) -> int:
    """How many distinct (group, key) pairs there are: the number of markers they make."""
    return len(np.unique(groups * (int(keys.max()) + 1) + keys))


def _cell_keys(lat: np.ndarray, lon: np.ndarray, cell: float) -> np.ndarray:
    """An integer id for the grid cell of each point (cells of ``cell`` degrees)."""
    row = np.floor((lat + 90.0) / cell).astype(np.int64)
    col = np.floor((lon + 180.0) / cell).astype(np.int64)
    return row * (int(360 / cell) + 2) + col
