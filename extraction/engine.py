"""Assemble the real extractor (gazetteer, resolver, lexicon) once per process."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from atlas.records import Document, Extraction
from atlas.settings import Settings
from extraction.ingest import Extractor

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def _components(gazetteer_path: Path | None, online: bool, cache: Path):
    from extraction.lexicon import load_lexicon
    from extraction.places import extraction_resolver
    from gazetteer import Gazetteer

    gazetteer = Gazetteer.load(gazetteer_path)
    geocoder = None
    if online:
        from gazetteer.online import OnlineGeocoder

        log.warning("online geocoding is on: unknown place names are sent to Nominatim")
        geocoder = OnlineGeocoder(cache_path=cache)
    return extraction_resolver(gazetteer, geocoder), load_lexicon()


def load_extractor(settings: Settings) -> Extractor:
    """The document → extraction function used by the CLI and the dashboard."""
    from extraction.pipeline import extract

    resolver, lexicon = _components(
        settings.gazetteer_path, settings.online_geocoding, settings.geocode_cache
    )

    def run(document: Document) -> Extraction:
        return extract(document, resolver, lexicon)

    return run
