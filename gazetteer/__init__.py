"""Offline gazetteer: a compact place index built from GeoNames, Natural Earth and a
curated supplement, and a context-aware toponym resolver."""

from gazetteer.records import Candidate, FeatureType, Place, Resolution

__all__ = ["Candidate", "FeatureType", "Place", "Resolution"]
