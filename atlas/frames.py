"""Records to (Geo)DataFrames and back: the one place where columns are defined.

Events and mentions become point layers in EPSG:4326 built with
``points_from_xy(x=lon, y=lat)``; documents are an attribute table. Dates are kept as
ISO strings so that partial dates and empty values survive a GeoPackage round trip.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import pandas as pd

from atlas.records import Document, Event, GroupCandidate, Mention

CRS = "EPSG:4326"

EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
MENTION_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Mention))
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_hash",
    "doc_id",
    "path",
    "title",
    "source",
    "author",
    "published",
    "published_precision",
    "url",
    "language",
    "duplicate_of",
    "n_chars",
    "text",
)
CANDIDATE_COLUMNS: tuple[str, ...] = ("doc_hash", "doc_id", "text", "start", "end", "cue")

_INT_COLUMNS = {
    "year", "year_end", "start", "end", "group_start", "group_end", "place_start", "place_end",
    "n_chars",
}
_FLOAT_COLUMNS = {"lat", "lon", "confidence", "score"}
_BOOL_COLUMNS = {"online"}


def _plain(value: Any) -> Any:
    """A value as a GeoPackage column can hold it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give known columns stable dtypes (nullable ints, floats, strings)."""
    for column in frame.columns:
        if column in _INT_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
        elif column in _FLOAT_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif column in _BOOL_COLUMNS:
            frame[column] = frame[column].fillna(False).astype(bool)
        elif column != "geometry":
            frame[column] = frame[column].astype("string")
    return frame


def _point_frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> gpd.GeoDataFrame:
    frame = _typed(pd.DataFrame(rows, columns=list(columns)))
    geometry = gpd.points_from_xy(x=frame["lon"], y=frame["lat"], crs=CRS)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


def events_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """Events as a point GeoDataFrame in EPSG:4326, one column per ``Event`` field."""
    rows = [{k: _plain(v) for k, v in dataclasses.asdict(e).items()} for e in events]
    return _point_frame(rows, EVENT_COLUMNS)


def mentions_frame(mentions: Iterable[Mention]) -> gpd.GeoDataFrame:
    """Place mentions as a point GeoDataFrame in EPSG:4326."""
    rows = [{k: _plain(v) for k, v in dataclasses.asdict(m).items()} for m in mentions]
    return _point_frame(rows, MENTION_COLUMNS)


def document_row(document: Document) -> dict[str, Any]:
    """The documents-table row of a document (its text included, so nothing is lost)."""
    return {
        "doc_hash": document.doc_hash,
        "doc_id": document.doc_id,
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "author": document.author,
        "published": _plain(document.published),
        "published_precision": document.published_precision,
        "url": document.url,
        "language": document.language,
        "duplicate_of": document.duplicate_of,
        "n_chars": len(document.text),
        "text": document.text,
    }


def documents_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """Documents as an attribute table keyed by ``doc_hash``."""
    return _typed(pd.DataFrame([document_row(d) for d in documents], columns=list(DOCUMENT_COLUMNS)))


def candidates_frame(doc: Document, candidates: Iterable[GroupCandidate]) -> pd.DataFrame:
    """Unknown group-like names found in a document, kept for review."""
    rows = [
        {"doc_hash": doc.doc_hash, "doc_id": doc.doc_id, "text": c.text, "start": c.start,
         "end": c.end, "cue": c.cue}
        for c in candidates
    ]
    return _typed(pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS)))


def empty_points(columns: tuple[str, ...]) -> gpd.GeoDataFrame:
    """An empty point layer with the given columns, for a store with nothing in it yet."""
    return _point_frame([], columns)


def empty_table(columns: tuple[str, ...]) -> pd.DataFrame:
    """An empty attribute table with the given columns."""
    return _typed(pd.DataFrame([], columns=list(columns)))
