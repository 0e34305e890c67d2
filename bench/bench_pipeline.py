"""Throughput of ``extraction.pipeline.extract`` over the article texts of a benchmark corpus.

Reads ``../shared/benchmarks/lgl.xml`` in place (never copied), wraps each article in a
Document, and prints MB per CPU second (``process_time``, so other load on the machine
does not skew it) end to end with the real gazetteer resolver, per stage, and at a
quarter, half and all of the corpus (to show how it scales). ``--no-places`` measures the
extraction's own stages with a geoparser that finds nothing, for when no index is built.

    PYTHONPATH=. python bench/bench_pipeline.py [--corpus PATH] [--no-places] [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from atlas.records import Document
from extraction.candidates import find_candidates, load_cues
from extraction.dates import years_by_sentence
from extraction.groups import GroupMatcher
from extraction.lexicon import LexiconError, load_lexicon
from extraction.pipeline import extract
from extraction.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "benchmarks" / "lgl.xml"
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
        documents.append(
            Document(
                f"{element.get('docid')}.txt",
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


def stages(documents, lex, resolver) -> dict[str, float]:
    """Seconds spent in each stage, run on its own (places: the resolver's ``geoparse``)."""
    matcher, cues, spent = GroupMatcher(lex), load_cues(), {}
    texts = [d.text for d in documents]

    def clock(name, work):
        started = time.process_time()
        for document, text in zip(documents, texts):
            work(document, text)
        spent[name] = time.process_time() - started

    clock("groups", lambda d, t: matcher.find(t))
    clock("candidates", lambda d, t: find_candidates(t, matcher.find(t), cues))
    clock("sentences", lambda d, t: split_sentences(t))
    clock("years", lambda d, t: years_by_sentence(t, split_sentences(t), d.published))
    clock("places", lambda d, t: resolver.geoparse(t))
    return spent


def main() -> None:
    """Print the throughput numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-places", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="concatenate the corpus N times")
    args = parser.parse_args()
    documents = read_corpus(args.corpus) * args.repeat
    size = sum(len(d.text.encode()) for d in documents)
    lex, lex_note = lexicon()
    resolver, note = resolver_or_none(args.no_places)
    print(
        f"corpus: {args.corpus.name} x{args.repeat}, {len(documents)} documents, {size / 1e6:.2f} MB"
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
    for name, seconds in stages(documents, lex, resolver).items():
        print(f"  stage {name:<10} {size / 1e6 / max(seconds, 1e-6):8.2f} MB/s")


if __name__ == "__main__":
    main()
