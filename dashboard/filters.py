"""The view's filter state, its round trip through the URL query string, and applying it.

A missing parameter means "the default" (every group, every year, all precisions but
country); an explicitly emptied selection is written as ``-`` so that it survives the URL.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

PRECISIONS = ("country", "province", "district", "city", "locality")
_PRECISION_OF = {
    "country": "country", "admin1": "province", "admin2": "district", "region": "district",
    "city": "city", "locality": "locality", "landmark": "locality", "physical": "locality",
}
DEFAULT_PRECISIONS = ("province", "district", "city", "locality")
_NONE = "-"


def precision_of(feature_type: object) -> str:
    """The map's precision class for a gazetteer feature type (unknown types: locality)."""
    return _PRECISION_OF.get(str(feature_type), "locality")


@dataclass(frozen=True, slots=True)
class FilterState:
    """What the analyst asked to see. ``None`` selections mean "all"."""

    groups: tuple[str, ...] | None = None
    families: tuple[str, ...] | None = None
    docs: tuple[str, ...] | None = None
    """Document hashes, or their first 12 characters (as the URL carries them)."""
    years: tuple[int, int] | None = None
    precisions: tuple[str, ...] = DEFAULT_PRECISIONS
    min_confidence: float = 0.0
    text: str = ""
    heat: bool = False
    briefing: bool = False

    def to_params(self) -> dict[str, list[str]]:
        """Query parameters for this state (defaults left out, so URLs stay short)."""
        params: dict[str, list[str]] = {}
        for key, values in (("g", self.groups), ("f", self.families), ("d", self.docs)):
            if values is not None:
                params[key] = list(values) or [_NONE]
        if self.years is not None:
            params["y"] = [f"{self.years[0]}-{self.years[1]}"]
        if tuple(self.precisions) != DEFAULT_PRECISIONS:
            params["p"] = list(self.precisions) or [_NONE]
        if self.min_confidence > 0:
            params["c"] = [f"{self.min_confidence:g}"]
        if self.text:
            params["q"] = [self.text]
        if self.heat:
            params["heat"] = ["1"]
        if self.briefing:
            params["view"] = ["briefing"]
        return params

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str]]) -> FilterState:
        """Parse query parameters, ignoring values that make no sense rather than failing."""

        def listed(key: str) -> tuple[str, ...] | None:
            values = [v for v in params.get(key, []) if v]
            if not values:
                return None
            return tuple(v for v in values if v != _NONE)

        precisions = listed("p")
        return cls(
            groups=listed("g"),
            families=listed("f"),
            docs=listed("d"),
            years=_years(params.get("y", [])),
            precisions=DEFAULT_PRECISIONS if precisions is None
            else tuple(p for p in precisions if p in PRECISIONS),
            min_confidence=_confidence(params.get("c", [])),
            text=(params.get("q") or [""])[-1][:200],
            heat=(params.get("heat") or [""])[-1] == "1",
            briefing=(params.get("view") or [""])[-1] == "briefing",
        )

    def with_(self, **changes: object) -> FilterState:
        """A copy with some fields changed."""
        return replace(self, **changes)


def _years(values: Sequence[str]) -> tuple[int, int] | None:
    try:
        low, high = (int(v) for v in values[-1].split("-", 1))
    except (IndexError, ValueError):
        return None
    return (min(low, high), max(low, high))


def _confidence(values: Sequence[str]) -> float:
    try:
        value = float(values[-1])
    except (IndexError, ValueError):
        return 0.0
    return min(max(value, 0.0), 1.0) if math.isfinite(value) else 0.0


def year_bounds(events: pd.DataFrame) -> tuple[int, int] | None:
    """The smallest and largest year in ``events``, or None when no event is dated."""
    years = pd.to_numeric(events["year"], errors="coerce").dropna()
    if years.empty:
        return None
    return int(years.min()), int(years.max())


def apply(events: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The events the state selects (undated events drop out once a year range is set)."""
    keep = pd.Series(True, index=events.index)
    if state.groups is not None:
        keep &= events["group_id"].isin(state.groups)
    if state.families is not None:
        keep &= events["group_family"].isin(state.families)
    if state.docs is not None:
        prefixes = tuple(state.docs)
        keep &= events["doc_hash"].astype(str).str.startswith(prefixes) if prefixes else False
    if state.years is not None:
        years = pd.to_numeric(events["year"], errors="coerce")
        keep &= years.between(*state.years).fillna(False).astype(bool)
    keep &= events["feature_type"].map(precision_of).isin(state.precisions)
    if state.min_confidence > 0:
        keep &= pd.to_numeric(events["confidence"], errors="coerce").fillna(0) >= state.min_confidence
    if state.text:
        keep &= events["sentence"].astype(str).str.contains(state.text, case=False, regex=False)
    return events[keep.to_numpy(dtype=bool)]


def describe(state: FilterState, names: Mapping[str, str], full_years: tuple[int, int] | None) -> str:
    """A one-line human summary of the filters (the briefing map's subtitle)."""
    parts: list[str] = []
    years = state.years or full_years
    if years:
        parts.append(f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0]))
    if state.groups is not None:
        shown = [names.get(g, g) for g in state.groups]
        parts.append("groups: " + (", ".join(shown[:6]) + (" …" if len(shown) > 6 else "") or "none"))
    if state.families is not None:
        parts.append("families: " + (", ".join(state.families) or "none"))
    if state.docs is not None:
        parts.append(f"{len(state.docs)} document(s)")
    if tuple(state.precisions) != PRECISIONS:
        parts.append("precision: " + (", ".join(state.precisions) or "none"))
    if state.min_confidence > 0:
        parts.append(f"confidence ≥ {state.min_confidence:g}")
    if state.text:
        parts.append(f"evidence contains “{state.text}”")
    return " · ".join(parts)
