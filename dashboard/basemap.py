"""The local basemap: simplified Natural Earth country boundaries shipped in dashboard/data.

The shipped file is made by :func:`build_simplified` from ``../shared/boundaries/countries-50m.json``
(``python -m dashboard.basemap``), so the map never needs a tile server.
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import geopandas as gpd
import shapely

log = logging.getLogger(__name__)

COUNTRIES = Path(__file__).parent / "data" / "countries.geojson"
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "boundaries" / "countries-50m.json"
BASEMAP_STYLE = {"fillColor": "#f2efe6", "color": "#9a9a9a", "weight": 0.7, "fillOpacity": 1.0}
SEA_COLOUR = "#dbe7ef"


def build_simplified(
    source: Path = SOURCE, target: Path = COUNTRIES, tolerance: float = 0.02
) -> gpd.GeoDataFrame:
    """Read the Natural Earth TopoJSON, simplify it (degrees), round coordinates and write GeoJSON."""
    countries = gpd.read_file(source, layer="countries")
    countries = countries.set_crs("EPSG:4326", allow_override=True)
    geometry = countries.geometry.make_valid().simplify(tolerance, preserve_topology=True)
    countries = countries.set_geometry(shapely.set_precision(geometry.values, 0.001))
    countries = countries[~countries.geometry.is_empty][["name", "geometry"]]
    target.parent.mkdir(parents=True, exist_ok=True)
    countries.to_file(target, driver="GeoJSON", COORDINATE_PRECISION=3)
    log.info("wrote %d countries to %s", len(countries), target)
    return countries


@functools.lru_cache(maxsize=1)
def load_countries(path: Path = COUNTRIES) -> gpd.GeoDataFrame:
    """The shipped country boundaries in EPSG:4326 (cached; treat as read-only)."""
    return gpd.read_file(path).set_crs("EPSG:4326", allow_override=True)


@functools.lru_cache(maxsize=1)
def countries_geojson(path: Path = COUNTRIES) -> str:
    """The shipped boundaries as a GeoJSON string, for the Leaflet basemap layer."""
    return path.read_text(encoding="utf-8")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    build_simplified(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
