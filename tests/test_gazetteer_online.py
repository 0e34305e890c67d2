"""The opt-in online fallback with a fake geocoder (never the network)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gazetteer.online import OnlineGeocoder, feature_type
from gazetteer.resolver import Resolver
from tests.test_gazetteer_build import build_fixture_index


@dataclass
class FakeLocation:
    latitude: float
    longitude: float
    raw: dict[str, Any]


@dataclass
class FakeGeocoder:
    """Answers from a dict and records every query, like geopy's geocoders' ``geocode``."""

    answers: dict[str, FakeLocation]
    queries: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def geocode(self, query: str, **kwargs: Any) -> FakeLocation | None:
        self.queries.append((query, kwargs))
        return self.answers.get(query)


SAFOORA = FakeLocation(
    24.93,
    67.13,
    {
        "osm_type": "node",
        "osm_id": 42,
        "name": "Safoora Goth",
        "addresstype": "neighbourhood",
        "address": {"country_code": "pk", "state": "Sindh"},
    },
)


def _online(tmp_path: Path, fake: FakeGeocoder) -> OnlineGeocoder:
    return OnlineGeocoder(fake, cache_path=tmp_path / "cache.sqlite", min_delay_seconds=0.0)


def test_answers_become_places_and_are_cached_on_disk(tmp_path: Path) -> None:
    fake = FakeGeocoder({"Safoora Goth": SAFOORA})
    online = _online(tmp_path, fake)
    place = online.lookup("Safoora  Goth")
    assert place is not None
    assert (place.place_id, place.feature_type, place.country_code, place.admin1) == (
        "osm:N42",
        "locality",
        "PK",
        "Sindh",
    )
    assert online.lookup("Safoora Goth") == place
    online.close()
    again = _online(tmp_path, fake)  # a new process: the answer comes from the disk cache
    assert again.lookup("Safoora Goth") == place
    assert len(fake.queries) == 1


def test_misses_are_cached_too(tmp_path: Path) -> None:
    fake = FakeGeocoder({})
    online = _online(tmp_path, fake)
    assert online.lookup("Nowhere") is None
    assert online.lookup("Nowhere") is None
    assert len(fake.queries) == 1


def test_requests_go_through_geopys_rate_limiter(tmp_path: Path) -> None:
    fake = FakeGeocoder({})
    online = OnlineGeocoder(fake, cache_path=tmp_path / "c.sqlite", min_delay_seconds=1.5)
    assert online.rate_limiter.min_delay_seconds == 1.5
    online.lookup("Zhawar", country="AF")
    assert fake.queries == [("Zhawar", {"exactly_one": True, "country_codes": "af"})]


def test_feature_types_are_mapped() -> None:
    assert feature_type({"addresstype": "state"}) == "admin1"
    assert feature_type({"type": "peak"}) == "physical"
    assert feature_type({"class": "amenity", "type": "mosque"}) == "landmark"


def test_off_by_default_in_settings(tmp_path: Path) -> None:
    from atlas.settings import Settings

    assert OnlineGeocoder.from_settings(Settings()) is None
    on = OnlineGeocoder.from_settings(
        Settings(data_dir=tmp_path, online_geocoding=True), FakeGeocoder({})
    )
    assert on is not None


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory):
    return build_fixture_index(tmp_path_factory.mktemp("index"))


def test_resolver_asks_online_only_for_unknown_names_and_marks_the_answer(
    gaz, tmp_path: Path
) -> None:
    fake = FakeGeocoder({"Safoora Goth": SAFOORA})
    resolver = Resolver(gaz, geocoder=_online(tmp_path, fake))
    text = "Gunmen attacked a bus in Safoora Goth, Karachi."
    karachi, safoora = text.index("Karachi"), text.index("Safoora Goth")
    results = resolver.resolve(text, [(safoora, safoora + 12), (karachi, karachi + 7)])
    assert results[0] is not None and results[0].online and results[0].place.place_id == "osm:N42"
    assert results[1] is not None and not results[1].online
    assert [q for q, _ in fake.queries] == ["Safoora Goth"]


def test_no_geocoder_means_no_online_answer(gaz) -> None:
    text = "Gunmen attacked a bus in Safoora Goth."
    start = text.index("Safoora Goth")
    assert Resolver(gaz).resolve(text, [(start, start + 12)]) == [None]
