"""Event stores made for the dashboard tests from synthetic documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from atlas.store import EventStore
from dashboard.synthetic import hostile_extraction, synthetic_extractions

PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def build_store(path: Path, n_events: int = 600, *, hostile: bool = True, n_groups: int = 4,
                seed: int = 3) -> EventStore:
    """A store with ``n_events`` synthetic events (+1 hostile one) spread over 2001–2024."""
    store = EventStore(path)
    extractions = synthetic_extractions(n_events, n_groups=n_groups, n_places=60,
                                        events_per_doc=100, seed=seed)
    if hostile:
        extractions.append(hostile_extraction(PAYLOAD))
        extractions.append(_sparse(synthetic_extractions(3, n_groups=1, seed=seed + 1)[0]))
    with store.writer() as writer:
        for extraction in extractions:
            writer.put(extraction)
    return store


def _sparse(extraction):
    """The same document with nothing known about it: no title, no date, undated events."""
    document = replace(extraction.document, title=None, published=None, doc_id="untitled.txt",
                       doc_hash="0" * 64)
    events = tuple(replace(e, doc_title=None, doc_id="untitled.txt", doc_hash="0" * 64, year=None,
                           published=None, year_source="unknown", event_id=f"untitled-{i}")
                   for i, e in enumerate(extraction.events))
    return replace(extraction, document=document, events=events)
