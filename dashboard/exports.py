"""The export side of the dashboard: file names and lazily built bytes for downloads.

Data formats come from ``atlas.exports`` (one exporter for the CLI and the UI); briefing
images from :mod:`dashboard.briefing`; the interactive map from :mod:`dashboard.mapview`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from atlas.exports import export_bytes

DATA_FORMATS = {
    "csv": ("CSV", "text/csv"),
    "geojson": ("GeoJSON", "application/geo+json"),
    "kml": ("KML (Google Earth)", "application/vnd.google-earth.kml+xml"),
    "gpkg": ("GeoPackage", "application/geopackage+sqlite3"),
}


def file_stem(title: str) -> str:
    """A download name from the view's title."""
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60] or "atlas"


def data_export(events: pd.DataFrame, fmt: str) -> Callable[[], bytes]:
    """A callable that writes the filtered events in ``fmt`` (run only when downloaded).

    The frame is the cached, read-only view: it is not copied on every rerun.
    """
    return lambda: export_bytes(events, fmt, layer="events")
