"""Build-time rules for the alternate names of GeoNames places.

GeoNames lists, among a town's alternate names, historical names and names of its
neighbours ("Philadelphia" for Amman, "Atlanta" for Lyons): in a text such a name means
the place that bears it, so the build drops it (``drop_borrowed_alternates``). Arabic
place names carry the definite article ("Al Qāmishlī", "Al Ḩasakah", "El-Hodeidah") that
English texts usually leave out ("Qamishli", "Hasakah", "Hodeidah"): the build adds the
name without it as a derived name (``names_without_article``).
"""

from __future__ import annotations

from collections import defaultdict

from gazetteer.index import ALTERNATE, DERIVED, PRIMARY
from gazetteer.normalize import fold
from gazetteer.records import Place

Entry = tuple[Place, list[tuple[str, int]]]

#: Romanisations of the Arabic article, folded ("Al", "El", "Ar" before r, "Ash" before sh, ...).
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "at", "ath", "ad", "adh", "an", "az"})
#: Shorter remainders are too often words or other places' names ("As Salt" -> "Salt").
MIN_REMAINDER = 5
_SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_WITH_ARTICLE_TYPES = frozenset({"city", "admin1", "admin2"})


def drop_borrowed_alternates(towns: list[Entry], countries: list[Entry]) -> None:
    """Drop a town's alternate names that are the own name of a bigger town or of a
    foreign country: GeoNames lists historical and neighbouring names as alternates
    ("Philadelphia" for Amman, "Atlanta" for Lyons, "White House" for Guntersville), and
    such a name in a text means the place that bears it. A town known by its own
    country's name ("Mexico" for Mexico City) keeps it: the ranking weighs that case."""
    bearers: dict[str, list[Place]] = defaultdict(list)
    for place, names in towns + countries:
        for key in {fold(n) for n, kind in names if kind == PRIMARY}:
            bearers[key].append(place)
    for place, names in towns:
        own = {_spelled_out(fold(n)) for n, kind in names if kind == PRIMARY}
        names[:] = [
            (name, kind)
            for name, kind in names
            if kind != ALTERNATE
            or _own_form(fold(name), own)
            or not any(_outranks(other, place) for other in bearers.get(fold(name), ()))
        ]


def _outranks(other: Place, town: Place) -> bool:
    if other.feature_type == "country":
        return other.country_code != town.country_code
    return other.population > town.population


def _spelled_out(key: str) -> str:
    return " ".join(_SHORT_WORDS.get(word, word) for word in key.split())


def _own_form(key: str, own: set[str]) -> bool:
    """The alternate is one of the town's own names, abbreviated ("St. George") or
    shortened to its first words ("Avondale" for Avondale Estates)."""
    key = _spelled_out(key)
    return any(name == key or name.startswith(key + " ") for name in own)


def without_article(name: str) -> str | None:
    """The folded name without a leading Arabic article ("Al Ḩasakah" -> "hasakah"), or
    None when it has none or too little is left."""
    first, _, rest = fold(name).partition(" ")
    if first in ARABIC_ARTICLES and len(rest.replace(" ", "")) >= MIN_REMAINDER:
        return rest
    return None


def names_without_article(
    entries: list[Entry], countries: frozenset[str], given_names: frozenset[str] = frozenset()
) -> None:
    """Give the cities and admin units of ``countries`` (those whose main language is
    Arabic) their names without the article, as derived names. Not villages, and no
    remainder that is a given name (folded ``given_names``): "Al Husayn" must not make
    "Hussein" a place."""
    for place, names in entries:
        if place.country_code not in countries or place.feature_type not in _WITH_ARTICLE_TYPES:
            continue
        keys = {fold(n) for n, _kind in names}
        extra = {short for n, _kind in names if (short := without_article(n)) is not None}
        names.extend((short, DERIVED) for short in sorted(extra - keys - given_names))
