"""Golden checks: the real pipeline (readers, lexicon, gazetteer) on the five seeds, scored
against the hand-written gold in bench/gold (see its README).

Thresholds are honest floors, not the issue's targets: the issue asks for every place and
no false places; ``bench/bench_extraction.py`` prints what is reached and lists the misses.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest

from bench import scoring

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PLACE_RECALL_FLOOR = 0.95
TRIPLE_RECALL_FLOOR = 0.80

try:
    from atlas.settings import Settings
    from extraction.dedup import Deduplicator
    from extraction.lexicon import load_lexicon
    from extraction.pipeline import extract
    from extraction.readers import read_document
    from gazetteer.index import Gazetteer
    from gazetteer.resolver import Resolver
except ImportError as err:  # pragma: no cover - only while the pipeline is being assembled
    pytest.skip(f"pipeline modules not importable yet: {err}", allow_module_level=True)

pytestmark = pytest.mark.slow


@functools.cache
def extractions():
    """Every seed read, deduplicated as ingest does, and extracted (once per session)."""
    resolver, lexicon, finder = Resolver(Gazetteer.load()), load_lexicon(), Deduplicator()
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        document = read_document(path, Settings())
        original = finder.add(document)
        if original is not None:
            document = dataclasses.replace(document, duplicate_of=original)
        out[path.name] = extract(document, resolver, lexicon)
    return out


def mentions():
    return [m for x in extractions().values() for m in x.mentions]


def test_gold_places_are_found_and_resolved_within_161_km():
    score = scoring.score_places(scoring.load_gold_places(), [], mentions())
    missed = [f"{g.doc_id[:3]}:{g.start} {g.surface!r} -> {m.place if m else None}"
              for g, m in score.missed if g.section is None]
    assert score.recall_reporting >= PLACE_RECALL_FLOOR, missed


def test_nothing_on_the_non_places_list_becomes_a_place():
    score = scoring.score_places(scoring.load_gold_places(), scoring.load_non_places(),
                                 mentions())
    taken = [f"{n.doc_id[:3]} {n.surface!r} ({n.kind}) -> {m.place}"
             for n, m in score.non_place_errors]
    assert taken == []


def test_stated_triples_are_found():
    by_id = extractions()
    gold = [g for g in scoring.load_gold_events() if g.doc_id in by_id]
    originals = [g for g in gold if by_id[g.doc_id].document.duplicate_of is None]
    events = [e for x in by_id.values() if x.document.duplicate_of is None for e in x.events]
    score = scoring.score_events(originals, events)
    missed = [f"{g.doc_id[:3]} {g.group} @ {g.place} {g.year}" for g in score.missed]
    assert score.recall >= TRIPLE_RECALL_FLOOR, missed


def test_the_syndicated_copy_is_marked_and_its_events_not_counted_twice():
    by_id = extractions()
    original = by_id["000_761c87a15b1aedf1.txt"].document
    copy = by_id["001_2324ae9fed006139.txt"].document
    assert copy.duplicate_of == original.doc_hash
    assert all(x.document.duplicate_of is None for name, x in by_id.items()
               if name != copy.doc_id)
    flags = {name: x.document.duplicate_of for name, x in by_id.items()}
    events = [e for x in by_id.values() for e in x.events]
    without_copy = [e for e in events if e.doc_id != copy.doc_id]
    assert scoring.corpus_triples(events, flags) == scoring.corpus_triples(without_copy, flags)
