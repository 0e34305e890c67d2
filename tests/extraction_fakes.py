"""A fake resolver for the extraction tests: finds the given names and answers fixed places."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from gazetteer.records import Place, Resolution


def place(
    place_id: str,
    name: str,
    lat: float,
    lon: float,
    feature_type: str = "city",
    country_code: str | None = "PK",
    admin1: str | None = None,
) -> Place:
    """A gazetteer place made for a test."""
    return Place(place_id, name, lat, lon, feature_type, country_code, admin1)


PLACES = {
    "Karachi": place("gn:1174872", "Karachi", 24.86, 67.01, "city", "PK", "Sindh"),
    "Quetta": place("gn:1167528", "Quetta", 30.19, 67.01, "city", "PK", "Balochistan"),
    "Khost": place("gn:1444362", "Khost", 33.33, 69.92, "admin1", "AF", "Khowst"),
    "Kandahar province": place("gn:1138335", "Kandahar", 31.0, 65.75, "admin1", "AF", "Kandahar"),
    "Pakistan": place("gn:1168579", "Pakistan", 30.0, 70.0, "country", "PK"),
    "Syria": place("gn:163843", "Syria", 35.0, 38.0, "country", "SY"),
    "Nangarhar": place("gn:1131256", "Nangarhar", 34.25, 70.5, "admin1", "AF", "Nangarhar"),
    "Faisalabad": place("gn:1179400", "Faisalabad", 31.41, 73.08, "city", "PK", "Punjab"),
}


class FakeResolver:
    """Finds each known name as a whole word (outside ``exclude``) with a fixed place and score."""

    def __init__(self, places: Mapping[str, Place] = PLACES, score: float = 0.9) -> None:
        self.places = dict(places)
        self.score = score
        self.calls: list[tuple[str, tuple]] = []
        names = sorted(self.places, key=len, reverse=True)
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        )

    def geoparse(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Resolution]:
        self.calls.append((text, tuple(exclude)))
        if self._pattern is None:
            return []
        excluded = bytearray(len(text) + 1)
        for s, e in exclude:
            excluded[s:e] = b"\x01" * (min(e, len(text)) - s)
        found = []
        for m in self._pattern.finditer(text):
            if any(excluded[m.start() : m.end()]):
                continue
            found.append(
                Resolution(m.start(), m.end(), m.group(), self.places[m.group()], self.score)
            )
        return found
