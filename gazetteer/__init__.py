"""Offline gazetteer: a compact place index built from GeoNames, Natural Earth and a
curated supplement, and a context-aware toponym resolver.

    from gazetteer import Gazetteer, Resolver
    resolver = Resolver(Gazetteer.load())
    resolver.geoparse(text, exclude=group_name_spans)
"""

from typing import Any

from gazetteer.records import Candidate, FeatureType, Place, Resolution

__all__ = [
    "Candidate",
    "FeatureType",
    "Gazetteer",
    "OnlineGeocoder",
    "Place",
    "Resolution",
    "Resolver",
    "Weights",
    "fold",
]

# Loaded on first use, so that importing the records (as atlas/ does) stays light.
_LAZY = {
    "Gazetteer": "gazetteer.index",
    "Resolver": "gazetteer.resolver",
    "Weights": "gazetteer.ranking",
    "OnlineGeocoder": "gazetteer.online",
    "fold": "gazetteer.normalize",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
