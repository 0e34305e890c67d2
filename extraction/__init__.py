"""From analyst documents to events: who was active where, and when, with evidence.

The public API: read a file with :func:`read_document`, extract from it with
:func:`extract` (given a gazetteer ``Resolver`` and the group lexicon from
:func:`load_lexicon`), and ingest files into the event store with :func:`ingest`.
Imports are lazy so that ``python -m extraction --help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "read_document": "extraction.readers",
    "UnreadableFile": "extraction.readers",
    "iter_files": "extraction.readers",
    "extract": "extraction.pipeline",
    "load_lexicon": "extraction.lexicon",
    "Lexicon": "extraction.lexicon",
    "LexiconError": "extraction.lexicon",
    "GroupMatcher": "extraction.groups",
    "Geoparser": "extraction.places",
    "Deduplicator": "extraction.dedup",
    "ingest": "extraction.ingest",
    "IngestReport": "extraction.ingest",
    "load_extractor": "extraction.engine",
    "DocumentWorker": "extraction.worker",
}

__all__ = [
    "Deduplicator",
    "DocumentWorker",
    "Geoparser",
    "GroupMatcher",
    "IngestReport",
    "Lexicon",
    "LexiconError",
    "UnreadableFile",
    "extract",
    "ingest",
    "iter_files",
    "load_extractor",
    "load_lexicon",
    "read_document",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'extraction' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
