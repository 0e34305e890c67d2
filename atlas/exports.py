"""Write events and mentions in the formats analysts' tools read.

The format follows the file extension (``.csv``, ``.geojson``, ``.gpkg``, ``.jsonl``,
``.kml``) unless given; ``acled`` is a CSV in the ACLED column layout. Everything that
came from a document is escaped where a format renders HTML (KML descriptions).
"""

from __future__ import annotations

import html
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import simplekml

FORMATS = ("csv", "geojson", "gpkg", "jsonl", "kml", "acled")
_EXTENSIONS = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
               ".jsonl": "jsonl", ".kml": "kml"}

# ACLED's geo_precision: 1 the place itself, 2 part of a district or near it, 3 a province
# or larger area.
_GEO_PRECISION = {"landmark": 1, "locality": 1, "city": 1, "admin2": 2, "physical": 2,
                  "admin1": 3, "region": 3, "country": 3}
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "actor1", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes")


class ExportError(ValueError):
    """The requested export cannot be written (unknown format, wrong layer)."""


def format_for(path: Path | str, fmt: str | None = None) -> str:
    """The export format named, or the one the file extension implies."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise ExportError(
            f"cannot tell the format of {Path(path).name!r} from its extension; "
            f"use one of {', '.join(sorted(_EXTENSIONS))}"
        )
    return _EXTENSIONS[suffix]


def _attributes(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))


def _jsonl(frame: pd.DataFrame) -> bytes:
    records = _attributes(frame).astype(object).where(_attributes(frame).notna(), None)
    lines = [json.dumps(row, ensure_ascii=False, default=str) for row in records.to_dict("records")]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def _via_file(frame: gpd.GeoDataFrame, driver: str, layer: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        suffix = ".gpkg" if driver == "GPKG" else ".geojson"
        path = Path(tmp) / f"export{suffix}"
        pyogrio.write_dataframe(frame, path, layer=layer, driver=driver, geometry_type="Point")
        return path.read_bytes()


def acled_frame(events: pd.DataFrame, country_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Events in ACLED's column layout; years without a day become 1 January with
    ``time_precision`` 3 and a note, so nothing pretends to more precision than the text."""
    names = country_names or {}
    rows = []
    for event in events.itertuples(index=False):
        year = None if pd.isna(event.year) else int(event.year)
        code = None if pd.isna(event.country_code) else str(event.country_code)
        rows.append({
            "event_id_cnty": event.event_id,
            "event_date": f"{year:04d}-01-01" if year is not None else "",
            "year": year,
            "time_precision": 3,
            "actor1": event.group,
            "country": names.get(code, code) if code else "",
            "admin1": "" if pd.isna(event.admin1) else event.admin1,
            "location": event.place,
            "latitude": event.lat,
            "longitude": event.lon,
            "geo_precision": _GEO_PRECISION.get(str(event.feature_type), 3),
            "source": event.doc_title if not pd.isna(event.doc_title) else event.doc_id,
            "notes": f"{event.sentence} [year: {event.year_source}; doc: {event.doc_id}]",
        })
    return pd.DataFrame(rows, columns=list(ACLED_COLUMNS))


def _kml(frame: pd.DataFrame) -> bytes:
    kml = simplekml.Kml(name="Activity Atlas events")
    for row in frame.itertuples(index=False):
        label = getattr(row, "group_short", None) or getattr(row, "text", "")
        year = getattr(row, "year", None)
        when = "" if year is None or pd.isna(year) else f" ({int(year)})"
        point = kml.newpoint(name=f"{label}: {row.place}{when}", coords=[(row.lon, row.lat)])
        evidence = getattr(row, "sentence", None) or getattr(row, "text", "")
        # Google Earth renders descriptions as HTML: escape document text so it stays text.
        point.description = (
            f"<p>{html.escape(str(evidence))}</p><p>{html.escape(str(row.doc_id))}</p>"
        )
    return kml.kml().encode("utf-8")


def export_bytes(
    frame: pd.DataFrame,
    fmt: str,
    *,
    layer: str = "events",
    country_names: Mapping[str, str] | None = None,
) -> bytes:
    """The frame (events or mentions, with lat/lon) serialised in ``fmt``."""
    fmt = format_for("", fmt)
    if fmt == "csv":
        return _attributes(frame).to_csv(index=False).encode("utf-8")
    if fmt == "acled":
        if "group" not in frame.columns:
            raise ExportError("the ACLED layout is for events, not mentions")
        return acled_frame(frame, country_names).to_csv(index=False).encode("utf-8")
    if fmt == "jsonl":
        return _jsonl(frame)
    if fmt == "kml":
        return _kml(frame)
    geo = frame if isinstance(frame, gpd.GeoDataFrame) else gpd.GeoDataFrame(
        frame, geometry=gpd.points_from_xy(x=frame["lon"], y=frame["lat"]), crs="EPSG:4326"
    )
    return _via_file(geo, "GPKG" if fmt == "gpkg" else "GeoJSON", layer)


def write_frame(
    frame: pd.DataFrame,
    path: Path | str,
    fmt: str | None = None,
    *,
    layer: str = "events",
    country_names: Mapping[str, str] | None = None,
) -> Path:
    """Write the frame to ``path`` in ``fmt`` (default: from the extension); returns the path."""
    path = Path(path)
    data = export_bytes(frame, format_for(path, fmt), layer=layer, country_names=country_names)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
