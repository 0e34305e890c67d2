"""Quality of the real pipeline on the seeds against bench/gold, and its end-to-end speed.

Quality: reads every file of the seed folder with the real readers, marks near-duplicates
as ingest does, extracts with the real lexicon and gazetteer, and scores place recall
(within 161 km), false places, non-places taken for places, triple recall and an event
precision estimate (see bench/scoring.py and bench/gold/README.md). Misses are listed.

Speed: the article texts of ../shared/benchmarks/lgl.xml and GWN.xml, read in place and
written as .txt files to a temporary folder (never into the repository), are read and
extracted end to end at 10 %, 50 % and 100 % of the corpus; MB/s of text (wall and CPU)
and the peak resident memory are printed.

    PYTHONPATH=. python bench/bench_extraction.py [SEED_DIR] [--json] [--no-speed]
        [--corpus FILE ...] [--fractions 0.1 0.5 1]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas.records import Extraction
from atlas.settings import Settings, load_settings
from bench import scoring

BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
DEFAULT_CORPORA = (BENCHMARKS / "lgl.xml", BENCHMARKS / "GWN.xml")
MB = 1024 * 1024


def load_pipeline():
    """The real resolver and lexicon, and the extract function."""
    from extraction.lexicon import load_lexicon
    from extraction.pipeline import extract
    from extraction.places import extraction_resolver
    from gazetteer import Gazetteer

    return extraction_resolver(Gazetteer.load()), load_lexicon(), extract


def run_folder(folder: Path, settings: Settings, resolver, lexicon, extract) -> list[Extraction]:
    """Read and extract every file of ``folder`` in name order, marking near-copies."""
    from extraction.dedup import Deduplicator
    from extraction.readers import UnreadableFile, read_document

    finder, out = Deduplicator(), []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".csv"
                       and not p.name.startswith(".") and p.name != "README.md"):
        try:
            document = read_document(path, settings)
        except UnreadableFile as err:
            print(f"unreadable: {err}", file=sys.stderr)
            continue
        original = finder.add(document)
        if original is not None:
            document = dataclasses.replace(document, duplicate_of=original)
        out.append(extract(document, resolver, lexicon))
    return out


def group_resolver(lexicon):
    """Gold row → lexicon id, by the lexicon's own matcher on its canonical and short name."""
    from extraction.groups import GroupMatcher

    matcher = GroupMatcher(lexicon)

    def resolve(row: scoring.GoldEvent) -> str | None:
        whole = [m for m in matcher.find(row.group) if m.end - m.start == len(row.group)]
        return whole[0].group_id if whole else None

    return resolve


def seed_report(extractions: list[Extraction], gold_dir: Path, lexicon) -> dict:
    """Every seed score as a JSON-ready dict (lists of misses included)."""
    gold_places = scoring.load_gold_places(gold_dir / "seed_places.csv")
    non_places = scoring.load_non_places(gold_dir / "seed_non_places.csv")
    gold_events = scoring.load_gold_events(gold_dir / "seed_events.csv")
    gold_docs = {d.doc_id: d for d in scoring.load_gold_documents(gold_dir / "seed_documents.csv")}
    by_id = {x.document.doc_id: x for x in extractions}
    hashes = {x.document.doc_hash: x.document.doc_id for x in extractions}
    dup_of = {d: hashes.get(x.document.duplicate_of, x.document.duplicate_of)
              for d, x in by_id.items()}
    mentions = [m for x in extractions for m in x.mentions]
    places = scoring.score_places([g for g in gold_places if g.doc_id in by_id],
                                  non_places, mentions)
    originals = [g for g in gold_events if g.doc_id in by_id and gold_docs.get(g.doc_id)
                 and gold_docs[g.doc_id].duplicate_of is None]
    kept = [e for x in extractions if dup_of[x.document.doc_id] is None for e in x.events]
    events = scoring.score_events(originals, kept, group_resolver(lexicon))
    per_doc = {}
    for doc_id in sorted(by_id):
        p = scoring.score_places([g for g in gold_places if g.doc_id == doc_id], non_places,
                                 [m for m in mentions if m.doc_id == doc_id])
        e = scoring.score_events([g for g in gold_events if g.doc_id == doc_id],
                                 list(by_id[doc_id].events), group_resolver(lexicon))
        per_doc[doc_id] = {"places": f"{p.found}/{p.gold}", "false_places": len(p.false_places),
                           "triples": f"{e.found}/{e.gold}", "events": e.predicted,
                           "precision": round(e.precision, 3)}
    everything = [e for x in extractions for e in x.events]
    duplicates = {d: {"expected": g.duplicate_of, "got": dup_of.get(d)}
                  for d, g in gold_docs.items() if d in by_id}
    return {
        "place_recall": round(places.recall, 4),
        "place_recall_reporting": round(places.recall_reporting, 4),
        "places_found": places.found, "gold_places": places.gold,
        "false_places": [_mention(m) for m in places.false_places],
        "non_places_taken": [{"doc": n.doc_id, "surface": n.surface, "kind": n.kind,
                              "as": m.place, "place_id": m.place_id}
                             for n, m in places.non_place_errors],
        "missed_places": [{"doc": g.doc_id, "start": g.start, "surface": g.surface,
                           "gold": g.place, "section": g.section,
                           "got": None if m is None else f"{m.place} ({m.place_id})"}
                          for g, m in places.missed],
        "triple_recall": round(events.recall, 4), "triples_found": events.found,
        "gold_triples": events.gold, "event_precision": round(events.precision, 4),
        "events_judged": events.predicted,
        "missed_triples": [{"doc": g.doc_id, "group": g.group, "place": g.place,
                            "year": _years(g.year, g.year_end), "evidence": g.evidence[:90]}
                           for g in events.missed],
        "unsupported_events": [{"doc": e.doc_id, "group": e.group_short, "place": e.place,
                                "year": e.year, "sentence": e.sentence[:90]}
                               for e in events.unsupported],
        "duplicates": duplicates,
        "corpus_triples": len(scoring.corpus_triples(everything, dup_of)),
        "corpus_triples_counting_copies": len(scoring.corpus_triples(everything, {})),
        "per_document": per_doc,
    }


def _mention(m) -> dict:
    return {"doc": m.doc_id, "start": m.start, "text": m.text, "as": m.place,
            "place_id": m.place_id}


def _years(year, year_end) -> str:
    if year is None:
        return "?"
    return str(year) if year_end is None else f"{year}-{year_end}"


def corpus_texts(paths) -> list[tuple[str, str]]:
    """(name, text) of every article of the benchmark files, parsed in place."""
    texts = []
    for path in paths:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag == "article":
                key = element.get("docid") or element.get("file") or str(len(texts))
                texts.append((f"{Path(path).stem}-{key}.txt", element.findtext("text") or ""))
                element.clear()
    return texts


def speed(paths, fractions, settings, resolver, lexicon, extract) -> list[dict]:
    """Read+extract wall and CPU time over growing shares of the corpus."""
    from extraction.readers import read_document

    texts = corpus_texts(paths)
    rows = []
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        files = []
        for name, text in texts:
            target = Path(tmp) / name
            target.write_text(text, encoding="utf-8")
            files.append(target)
        for fraction in fractions:
            chosen = files[: max(1, math.ceil(fraction * len(files)))]
            size = sum(f.stat().st_size for f in chosen)
            wall, cpu = time.perf_counter(), time.process_time()
            events = 0
            for path in chosen:
                events += len(extract(read_document(path, settings), resolver, lexicon).events)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            rows.append({"fraction": fraction, "documents": len(chosen),
                         "mb": round(size / MB, 3), "seconds": round(wall, 2),
                         "cpu_seconds": round(cpu, 2), "mb_per_s": round(size / MB / wall, 3),
                         "mb_per_cpu_s": round(size / MB / cpu, 3), "events": events,
                         "peak_rss_mb": round(_peak_rss_mb(), 1)})
    return rows


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def print_report(report: dict) -> None:
    """The seed scores as a table, then the misses."""
    print(f"{'document':28} {'places':>9} {'false':>6} {'triples':>9} {'events':>7} {'prec':>6}")
    for doc, row in report["per_document"].items():
        print(f"{doc:28} {row['places']:>9} {row['false_places']:>6} {row['triples']:>9} "
              f"{row['events']:>7} {row['precision']:>6.2f}")
    print(f"\nplace recall {report['place_recall']:.3f} ({report['places_found']}/"
          f"{report['gold_places']}), in reporting text {report['place_recall_reporting']:.3f}")
    print(f"false places {len(report['false_places'])}, non-places taken for places "
          f"{len(report['non_places_taken'])}")
    print(f"triple recall {report['triple_recall']:.3f} ({report['triples_found']}/"
          f"{report['gold_triples']}, duplicates excluded), event precision "
          f"{report['event_precision']:.3f} over {report['events_judged']} events")
    print(f"corpus triples {report['corpus_triples']} (counting copies: "
          f"{report['corpus_triples_counting_copies']}); duplicates {report['duplicates']}")
    for title, key in (("missed places", "missed_places"), ("false places", "false_places"),
                       ("non-places taken for places", "non_places_taken"),
                       ("missed triples", "missed_triples"),
                       ("unsupported events", "unsupported_events")):
        print(f"\n{title} ({len(report[key])}):")
        for row in report[key]:
            print("  " + "  ".join(f"{k}={' '.join(str(v).split())}" for k, v in row.items()))


def fresh_speed_run(args) -> list[dict]:
    """One throughput measurement in a fresh process (cold caches), as ``speed`` rows."""
    command = [sys.executable, __file__, str(args.seeds), "--gold", str(args.gold), "--json",
               "--corpus", *map(str, args.corpus), "--fractions", *map(str, args.fractions)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)["speed"]


def summarize_runs(runs: list[list[dict]]) -> list[dict]:
    """Per share of the corpus, the median and range of MB per CPU second over ``runs``."""
    rows = []
    for share in zip(*runs, strict=True):
        rates = sorted(row["mb_per_cpu_s"] for row in share)
        rows.append({"fraction": share[0]["fraction"], "documents": share[0]["documents"],
                     "mb": share[0]["mb"], "runs": len(rates),
                     "median_mb_per_cpu_s": statistics.median(rates),
                     "min_mb_per_cpu_s": rates[0], "max_mb_per_cpu_s": rates[-1],
                     "peak_rss_mb": max(row["peak_rss_mb"] for row in share)})
    return rows


def repeat_speed(args, run_once=fresh_speed_run) -> int:
    """The throughput of ``args.repeat`` fresh processes: per share, the median and the
    range (one run of a small share lasts a tenth of a second, so a single run says little
    on a busy machine)."""
    rows = summarize_runs([run_once(args) for _ in range(args.repeat)])
    if args.json:
        print(json.dumps({"speed_repeated": rows}, indent=1))
        return 0
    for row in rows:
        print(f"speed {row['fraction']:.0%}: {row['documents']} docs, {row['mb']} MB: median "
              f"{row['median_mb_per_cpu_s']} MB/CPU-s over {row['runs']} fresh runs (range "
              f"{row['min_mb_per_cpu_s']}-{row['max_mb_per_cpu_s']}); peak RSS "
              f"{row['peak_rss_mb']} MB")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=scoring.GOLD_DIR)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput run")
    parser.add_argument("--corpus", nargs="+", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("--fractions", nargs="+", type=float, default=[0.1, 0.5, 1.0])
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run the throughput N times, each in a fresh process (cold "
                             "caches), and print the median and range per share")
    args = parser.parse_args(argv)
    if args.repeat > 1 and not args.no_speed:
        return repeat_speed(args)
    settings = load_settings()
    started = time.perf_counter()
    resolver, lexicon, extract = load_pipeline()
    loaded = time.perf_counter() - started
    extractions = run_folder(args.seeds, settings, resolver, lexicon, extract)
    warm = time.perf_counter() - started - loaded
    report = {"load_seconds": round(loaded, 2), "seeds_seconds": round(warm, 2),
              "seeds": seed_report(extractions, args.gold, lexicon)}
    if not args.no_speed:
        report["speed"] = speed(args.corpus, args.fractions, settings, resolver, lexicon, extract)
    if args.json:
        print(json.dumps(report, indent=1, default=str))
        return 0
    print(f"pipeline loaded in {report['load_seconds']} s; seeds read and extracted in "
          f"{report['seeds_seconds']} s (includes first-use warm-up)\n")
    print_report(report["seeds"])
    for row in report.get("speed", []):
        print(f"\nspeed {row['fraction']:.0%}: {row['documents']} docs, {row['mb']} MB in "
              f"{row['seconds']} s = {row['mb_per_s']} MB/s wall, {row['mb_per_cpu_s']} MB/CPU-s;"
              f" {row['events']} events; peak RSS {row['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
