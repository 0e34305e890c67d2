"""Reviewed, hand-curated inputs of the build: the supplement and the alias list.

``supplement.csv`` (schema in docs/architecture.md) adds places GeoNames extracts lack
(``sup:`` ids) and names of existing places (rows with ``same_as``).  ``aliases.csv``
(``place_id,name,source``) adds English short forms of GeoNames places ("U.S.", "UK").
Both files may be absent or empty; a malformed row stops the build with an error naming
the file and the row, because a silently skipped reviewed entry is a lost correction.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from gazetteer.normalize import fold
from gazetteer.records import FEATURE_TYPES

SUPPLEMENT_COLUMNS = (
    "place_id",
    "name",
    "alternate_names",
    "feature_type",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "same_as",
    "source",
)
ALIAS_COLUMNS = ("place_id", "name", "source")
_SUP_ID = re.compile(r"sup:[a-z0-9][a-z0-9_-]*")
_GN_ID = re.compile(r"gn:[0-9]+")


class CuratedDataError(ValueError):
    """A row of a curated file is malformed; the message names the file and row."""


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    """A new place defined by the supplement."""

    place_id: str
    name: str
    alternate_names: tuple[str, ...]
    feature_type: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None


@dataclass(frozen=True, slots=True)
class ExtraNames:
    """Names added to an existing GeoNames place (``same_as`` rows and aliases)."""

    place_id: str
    names: tuple[str, ...]
    where: str
    """File and row, for error messages."""
    point: tuple[float, float] | None = None
    """Coordinates given on a ``same_as`` row: used only for a GeoNames unit the build
    cannot place itself (an admin-2 unit without any populated place in cities500)."""


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a CSV file with their line numbers; [] when absent or empty."""
    if not path.is_file() or not path.read_text(encoding="utf-8").strip():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise CuratedDataError(f"{path}: missing column(s) {', '.join(missing)}")
        return [
            (reader.line_num, row) for row in reader if any((v or "").strip() for v in row.values())
        ]


def _coordinate(path: Path, line: int, row: dict[str, str], key: str, limit: float) -> float:
    text = (row.get(key) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise CuratedDataError(
            f"{path}, row at line {line}: {key} {text!r} is not a number"
        ) from None
    if not math.isfinite(value) or abs(value) > limit:
        raise CuratedDataError(f"{path}, row at line {line}: {key} {value} is out of range")
    return value


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (text or "").split("|") if n.strip())


def read_supplement(
    path: Path, *, geonames_ids: bool = False
) -> tuple[list[CuratedPlace], list[ExtraNames]]:
    """Validate and read supplement.csv into new places and extra names of GeoNames places.

    With ``geonames_ids`` the new places carry ``gn:`` ids (``geonames_extra.csv``:
    GeoNames features missing from the extracts, such as continents)."""
    id_pattern, id_form = (
        (_GN_ID, "gn:<geonameid>") if geonames_ids else (_SUP_ID, "sup:<slug> (a-z, 0-9, _ or -)")
    )
    places: list[CuratedPlace] = []
    extra: list[ExtraNames] = []
    seen: set[str] = set()
    for line, row in _rows(path, SUPPLEMENT_COLUMNS):
        where = f"{path}, row at line {line}"
        name = (row["name"] or "").strip()
        if not name:
            raise CuratedDataError(f"{where}: empty name")
        if not (row["source"] or "").strip():
            raise CuratedDataError(f"{where}: {name!r} has no source")
        same_as = (row["same_as"] or "").strip()
        if same_as:
            if not _GN_ID.fullmatch(same_as):
                raise CuratedDataError(f"{where}: same_as {same_as!r} is not a gn:<geonameid> id")
            point = None
            if (row["lat"] or "").strip() or (row["lon"] or "").strip():
                point = (
                    _coordinate(path, line, row, "lat", 90.0),
                    _coordinate(path, line, row, "lon", 180.0),
                )
            extra.append(ExtraNames(same_as, (name, *_split(row["alternate_names"])), where, point))
            continue
        place_id = (row["place_id"] or "").strip()
        if not id_pattern.fullmatch(place_id):
            raise CuratedDataError(f"{where}: place_id {place_id!r} is not {id_form}")
        if place_id in seen:
            raise CuratedDataError(f"{where}: duplicate place_id {place_id}")
        seen.add(place_id)
        feature_type = (row["feature_type"] or "").strip()
        if feature_type not in FEATURE_TYPES:
            raise CuratedDataError(
                f"{where}: feature_type {feature_type!r} is not one of {', '.join(FEATURE_TYPES)}"
            )
        country = (row["country_code"] or "").strip().upper() or None
        if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
            raise CuratedDataError(f"{where}: country_code {country!r} is not a two-letter code")
        places.append(
            CuratedPlace(
                place_id=place_id,
                name=name,
                alternate_names=_split(row["alternate_names"]),
                feature_type=feature_type,
                lat=_coordinate(path, line, row, "lat", 90.0),
                lon=_coordinate(path, line, row, "lon", 180.0),
                country_code=country,
                admin1=(row["admin1"] or "").strip() or None,
            )
        )
    return places, extra


def read_aliases(path: Path) -> list[ExtraNames]:
    """Validate and read aliases.csv: extra names for GeoNames places."""
    extra = []
    for line, row in _rows(path, ALIAS_COLUMNS):
        where = f"{path}, row at line {line}"
        place_id, name = (row["place_id"] or "").strip(), (row["name"] or "").strip()
        if not _GN_ID.fullmatch(place_id):
            raise CuratedDataError(f"{where}: place_id {place_id!r} is not a gn:<geonameid> id")
        if not name or not (row["source"] or "").strip():
            raise CuratedDataError(f"{where}: a name and a source are required")
        extra.append(ExtraNames(place_id, (name,), where))
    return extra


COUNTRY_POINT_COLUMNS = ("country_code", "lat", "lon", "source")


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """Validate and read country_points.csv: one representative point per ISO code."""
    points: dict[str, tuple[float, float]] = {}
    for line, row in _rows(path, COUNTRY_POINT_COLUMNS):
        code = (row["country_code"] or "").strip()
        if not re.fullmatch(r"[A-Z]{2}", code) or not (row["source"] or "").strip():
            raise CuratedDataError(
                f"{path}, row at line {line}: needs a two-letter country code and a source"
            )
        if code in points:
            raise CuratedDataError(f"{path}, row at line {line}: duplicate country {code}")
        points[code] = (
            _coordinate(path, line, row, "lat", 90.0),
            _coordinate(path, line, row, "lon", 180.0),
        )
    return points


COUNTRY_NAME_COLUMNS = ("country_code", "name", "source")


def read_country_names(path: Path) -> dict[str, tuple[str, ...]]:
    """Validate and read country_names.csv: further names of countries by ISO code
    (official names, short forms, endonyms), in file order."""
    names: dict[str, list[str]] = {}
    for line, row in _rows(path, COUNTRY_NAME_COLUMNS):
        code, name = (row["country_code"] or "").strip(), (row["name"] or "").strip()
        if not re.fullmatch(r"[A-Z]{2}", code) or not name or not (row["source"] or "").strip():
            raise CuratedDataError(
                f"{path}, row at line {line}: needs a two-letter country code, a name and a source"
            )
        names.setdefault(code, []).append(name)
    return {code: tuple(found) for code, found in names.items()}


def read_given_names(path: Path) -> frozenset[str]:
    """The folded ``given_names`` of ``not_places.yaml`` (names that are never places
    alone), or none when the file is missing."""
    if not path.is_file():
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = (data.get("given_names") or {}).get("names") or []
    return frozenset(fold(str(name)) for name in names)
