"""Throughput of ``extraction.pipeline.extract`` over the article texts of benchmark corpora.

Reads ``../shared/benchmarks/lgl.xml`` and ``GWN.xml`` in place (never copied), wraps each
article in a Document, and prints MB per CPU second (``process_time``, so other load on the
machine does not skew it) end to end with the real gazetteer resolver, per stage, and at a
quarter, half and all of the corpus (to show how it scales). The reading stage writes the
texts as UTF-8 .txt files to a temporary folder and times ``read_document`` on them
(encoding, metadata, sections and language included), then each of its parts alone.
Ingest's own per-document work is timed too: near-duplicate detection (``dedup``) and the
worker's hand-over of each Extraction through its pipe (pickling both ways). Stage times
are the best of ``--passes`` runs. ``--no-places`` measures the extraction's own stages
with a geoparser that finds nothing, for when no index is built.

    PYTHONPATH=. python bench/bench_pipeline.py [--corpus PATH ...] [--no-places] [--repeat N]
        [--passes N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from atlas.records import Document, Extraction
from atlas.settings import Settings
from extraction import metadata
from extraction.candidates import cue_words, find_candidates, load_cues
from extraction.dates import years_by_sentence
from extraction.dedup import Deduplicator
from extraction.encoding import decode
from extraction.formats import FileMeta
from extraction.groups import GroupMatcher
from extraction.language import guess_language
from extraction.lexicon import LexiconError, load_lexicon
from extraction.linking import link_events
from extraction.pipeline import extract
from extraction.places import find_places
from extraction.readers import read_document
from extraction.sections import find_sections
from extraction.sentences import split_sentences
from extraction.worker import register_reducers

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
DEFAULT_CORPORA = [BENCHMARKS / "lgl.xml", BENCHMARKS / "GWN.xml"]
FIXTURE_LEXICON = ROOT / "tests" / "fixtures" / "groups_small.yaml"


class NoPlaces:
    """A geoparser that finds nothing: isolates the extraction's own cost."""

    def geoparse(self, text, exclude=()):
        return []


def read_corpus(path: Path) -> list[Document]:
    """One Document per ``<article>``, dated from its download time when present."""
    documents = []
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag != "article":
            continue
        text = element.findtext("text") or ""
        stamp = (element.findtext("dltime") or "")[:10]
        published = dt.date.fromisoformat(stamp) if len(stamp) == 10 else None
        digest = hashlib.sha256(text.encode()).hexdigest()
        key = element.get("docid") or element.get("file") or str(len(documents))
        documents.append(
            Document(
                f"{path.stem}-{key}.txt",
                digest,
                str(path),
                text,
                title=element.findtext("title"),
                published=published,
            )
        )
        element.clear()
    return documents


def resolver_or_none(no_places: bool):
    """The real resolver, or ``NoPlaces`` (with the reason printed) when asked or unavailable."""
    if no_places:
        return NoPlaces(), "no places (--no-places)"
    try:
        from gazetteer import Gazetteer, Resolver

        started = time.process_time()
        resolver = Resolver(Gazetteer.load())
        return resolver, f"real resolver (loaded in {time.process_time() - started:.2f} s)"
    except (ImportError, OSError) as err:
        print(f"real resolver unavailable ({err}); measuring without places", file=sys.stderr)
        return NoPlaces(), "no places (resolver unavailable)"


def lexicon():
    try:
        return load_lexicon(), "shipped lexicon"
    except LexiconError as err:
        print(f"shipped lexicon unusable ({err}); using the test fixture", file=sys.stderr)
        return load_lexicon(FIXTURE_LEXICON), "fixture lexicon"


def timed(documents, resolver, lex) -> tuple[float, int]:
    started = time.process_time()
    events = sum(len(extract(d, resolver, lex).events) for d in documents)
    return time.process_time() - started, events


def best_of(passes: int, run) -> float:
    """The least CPU time of ``passes`` runs: other load on a shared machine only adds."""
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def stages(documents, lex, resolver, passes: int = 1) -> dict[str, float]:
    """Seconds spent in each stage, run on its own over inputs made beforehand."""
    cues, spent = load_cues(), {}
    matcher = GroupMatcher(lex, cue_words(cues))  # as extract() uses it
    texts = [d.text for d in documents]
    groups, present = zip(*map(matcher.find_with_cues, texts), strict=True)
    candidates = [find_candidates(t, g, cues, p) for t, g, p in zip(texts, groups, present)]
    sentences = [split_sentences(t) for t in texts]
    years = [years_by_sentence(t, s, d.published) for d, t, s in zip(documents, texts, sentences)]
    places = [find_places(d, resolver, [(g.start, g.end) for g in gs])
              for d, gs in zip(documents, groups)]  # fmt: skip
    extractions = [
        Extraction(d, places[i], groups[i], candidates[i],
                   link_events(d, sentences[i], groups[i], places[i], years[i]))
        for i, d in enumerate(documents)
    ]  # fmt: skip
    register_reducers()

    def clock(name, work):
        spent[name] = best_of(
            passes, lambda: [work(i, d, texts[i]) for i, d in enumerate(documents)]
        )

    clock("groups", lambda i, d, t: matcher.find_with_cues(t))
    clock("candidates", lambda i, d, t: find_candidates(t, groups[i], cues, present[i]))
    clock("sentences", lambda i, d, t: split_sentences(t))
    clock("years", lambda i, d, t: years_by_sentence(t, sentences[i], d.published))
    clock("linking", lambda i, d, t: link_events(d, sentences[i], groups[i], places[i], years[i]))
    clock("places", lambda i, d, t: resolver.geoparse(t))
    spent["dedup"] = best_of(passes, lambda: list(map(Deduplicator().add, documents)))
    clock("hand-over", lambda i, d, t: pickle.loads(ForkingPickler.dumps(extractions[i])))
    return spent


def reading(documents, passes: int = 1) -> dict[str, float]:
    """Seconds ``read_document`` takes on the texts as .txt files, in all and per part."""
    settings, today, spent = Settings(), dt.date(2026, 1, 1), {}
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        paths = []
        for document in documents:
            paths.append(Path(tmp) / document.doc_id)
            paths[-1].write_text(document.text, encoding="utf-8")
        for path in paths:  # import the readers' dependencies (dateparser) once, untimed
            read_document(path, settings, today=today)
        spent["read"] = best_of(
            passes, lambda: [read_document(p, settings, today=today) for p in paths]
        )
        texts = [read_document(p, settings, today=today).text for p in paths]
        data = [p.read_bytes() for p in paths]

    def clock(name, work, inputs):
        spent[name] = best_of(passes, lambda: list(map(work, inputs)))

    clock("  decode", decode, data)
    clock("  metadata", lambda t: metadata.resolve(t, FileMeta(), None, today, []), texts)
    clock("  sections", find_sections, texts)
    clock("  language", guess_language, texts)
    return spent


def main() -> None:
    """Print the throughput numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT_CORPORA)
    parser.add_argument("--no-places", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="concatenate the corpus N times")
    parser.add_argument("--passes", type=int, default=3, help="stage times: best of N passes")
    args = parser.parse_args()
    documents = [d for path in args.corpus for d in read_corpus(path)] * args.repeat
    size = sum(len(d.text.encode()) for d in documents)
    lex, lex_note = lexicon()
    resolver, note = resolver_or_none(args.no_places)
    print(
        f"corpus: {', '.join(p.name for p in args.corpus)} x{args.repeat}, {len(documents)} "
        f"documents, {size / 1e6:.2f} MB"
    )
    print(f"with: {note}, {lex_note} ({len(lex.groups)} groups)")
    started = time.process_time()
    extract(documents[0], resolver, lex)  # warm the matcher and cue caches, build the spotter
    print(f"first document (builds the spotter): {time.process_time() - started:.2f} s CPU")
    for fraction in (0.25, 0.5, 1.0):
        part = documents[: max(1, int(len(documents) * fraction))]
        part_size = sum(len(d.text.encode()) for d in part)
        seconds, events = timed(part, resolver, lex)
        print(f"  {fraction:>4.0%} {part_size / 1e6:6.2f} MB  {seconds:6.2f} s  "
              f"{part_size / 1e6 / seconds:6.2f} MB/s  {events} events")  # fmt: skip
    spent = reading(documents, args.passes) | stages(documents, lex, resolver, args.passes)
    print(f"stages (best of {args.passes} passes):")
    for name, seconds in spent.items():
        print(f"  stage {name:<12} {size / 1e6 / max(seconds, 1e-6):8.2f} MB/s"
              f"  {seconds / (size / 1e6):7.3f} CPU-s/MB")  # fmt: skip
    ingest_only = ("places", "dedup", "hand-over")
    own = sum(v for k, v in spent.items() if not k.startswith(" ") and k not in ingest_only)
    print(
        f"  all but places: {size / 1e6 / own:8.2f} MB/s  {own / (size / 1e6):7.3f} CPU-s/MB"
        "  (read, groups, candidates, sentences, years, linking)"
    )
    own += spent["dedup"] + spent["hand-over"]
    print(
        f"  all but places, with ingest's: {size / 1e6 / own:8.2f} MB/s  "
        f"{own / (size / 1e6):7.3f} CPU-s/MB  (and dedup, the worker's hand-over)"
    )


if __name__ == "__main__":
    main()
