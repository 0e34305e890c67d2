"""Event stores made for the dashboard tests from synthetic documents."""

from __future__ import annotations

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
    with store.writer() as writer:
        for extraction in extractions:
            writer.put(extraction)
    return store
