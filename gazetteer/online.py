"""Opt-in online fallback: ask a geopy geocoder (Nominatim by default) for names the
local index lacks.

Off unless a user switches it on (``Settings.online_geocoding``); every request goes
through geopy's ``RateLimiter`` (Nominatim's usage policy allows one request a second)
and every answer, a miss included, is kept in an on-disk SQLite cache so a name is asked
for once.  Results are ``Place`` records with ``osm:`` ids; the resolver marks them
``online=True``.  Tests pass a fake geocoder object in; nothing here is imported unless
the fallback is used.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gazetteer.records import FeatureType, Place

logger = logging.getLogger(__name__)

USER_AGENT = "activity-atlas-gazetteer"

#: Nominatim ``addresstype``/``type``/``class`` values -> our feature types.
_FEATURE_TYPES: dict[str, FeatureType] = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "county": "admin2",
    "state_district": "admin2",
    "district": "admin2",
    "municipality": "admin2",
    "city": "city",
    "town": "city",
    "village": "locality",
    "hamlet": "locality",
    "suburb": "locality",
    "neighbourhood": "locality",
    "quarter": "locality",
    "locality": "locality",
    "isolated_dwelling": "locality",
    "peak": "physical",
    "mountain_range": "physical",
    "valley": "physical",
    "natural": "physical",
    "water": "physical",
    "river": "physical",
    "mountain": "physical",
    "pass": "physical",
    "continent": "region",
}


def feature_type(raw: dict[str, Any]) -> FeatureType:
    """Our feature type for a Nominatim answer's ``raw`` dict (landmark when unsure)."""
    for key in ("addresstype", "type", "class"):
        value = str(raw.get(key) or "")
        if value in _FEATURE_TYPES:
            return _FEATURE_TYPES[value]
    return "landmark"


def _place_id(raw: dict[str, Any], name: str) -> str:
    osm_type, osm_id = str(raw.get("osm_type") or ""), raw.get("osm_id")
    if osm_type and osm_id is not None:
        return f"osm:{osm_type[:1].upper()}{osm_id}"
    return "osm:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class OnlineGeocoder:
    """A rate-limited, disk-cached geopy geocoder returning ``Place`` records."""

    def __init__(
        self,
        geocoder: Any = None,
        *,
        cache_path: Path,
        min_delay_seconds: float = 1.0,
        score: float = 0.5,
        user_agent: str = USER_AGENT,
    ) -> None:
        """Wrap ``geocoder`` (any object with geopy's ``geocode(query, exactly_one=...)``;
        default: ``geopy.geocoders.Nominatim(user_agent=user_agent)``)."""
        from geopy.extra.rate_limiter import RateLimiter  # only when the fallback is used

        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=user_agent)
        self.geocoder = geocoder
        self.score = score
        self.rate_limiter = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=2,
            swallow_exceptions=True,
            return_value_on_exception=None,
        )
        self._geocode: Callable[..., Any] = self.rate_limiter
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(cache_path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (query TEXT, country TEXT, place TEXT, PRIMARY KEY (query, country))"
        )
        self.requests = 0

    @classmethod
    def from_settings(cls, settings: Any, geocoder: Any = None) -> OnlineGeocoder | None:
        """The fallback if ``settings.online_geocoding`` is on, else None."""
        if not settings.online_geocoding:
            return None
        return cls(geocoder, cache_path=settings.geocode_cache)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The place a geocoder finds for ``name`` (optionally within a country code)."""
        query, code = " ".join(name.split()), (country or "").lower()
        row = self._db.execute(
            "SELECT place FROM answers WHERE query = ? AND country = ?", (query, code)
        ).fetchone()
        if row is not None:
            return None if row[0] is None else Place(**json.loads(row[0]))
        self.requests += 1
        kwargs: dict[str, Any] = {"exactly_one": True}
        if code:
            kwargs["country_codes"] = code
        location = self._geocode(query, **kwargs)
        place = None if location is None else self._to_place(location, query)
        stored = None if place is None else json.dumps(asdict(place), sort_keys=True)
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (query, code, stored)
            )
        return place

    @staticmethod
    def _to_place(location: Any, query: str) -> Place:
        raw = dict(getattr(location, "raw", None) or {})
        address = raw.get("address") or {}
        country = address.get("country_code")
        return Place(
            place_id=_place_id(raw, query),
            name=str(raw.get("name") or query),
            lat=float(location.latitude),
            lon=float(location.longitude),
            feature_type=feature_type(raw),
            country_code=country.upper() if country else None,
            admin1=address.get("state"),
        )

    def close(self) -> None:
        """Close the cache."""
        self._db.close()
