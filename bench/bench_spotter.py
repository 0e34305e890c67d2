"""Toponym spotter: precision, recall and F1 against the gold spans of LGL and GeoWebNews,
and throughput in MB/s over LGL's article texts.

Also scores the five seed documents against the analysts' gold in ``bench/gold``, and times
dense synthetic texts (every word a name) at two sizes to show the cost stays linear.
Reads the corpora in place (never copies them):

    PYTHONPATH=. python bench/bench_spotter.py [--shared ../shared] [--errors N]

Gold toponyms: every LGL toponym; GeoWebNews toponyms of the types that are place names
written as names (Literal, Mixed, Metonymic, Literal_Modifier, Embedded_Literal), written
capitalised.  A found span overlapping any other GeoWebNews annotation (demonyms, modifiers,
organisation names, homonyms, lower-case expressions such as "the city") is ignored rather
than counted as wrong.  A gold span's trailing dot ("U.S.") is dropped, since spans never end
on punctuation.  Scores are given for exact spans and for overlapping ones.
"""

from __future__ import annotations

import argparse
import collections
import csv
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from gazetteer.index import Gazetteer
from gazetteer.spotrules import select_spans
from gazetteer.spotter import Spotter

GWN_TYPES = {"Literal", "Mixed", "Metonymic", "Literal_Modifier", "Embedded_Literal"}


Doc = tuple[str, list[tuple[int, int]], list[tuple[int, int]]]


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold span without a trailing dot ("U.S." -> "U.S"): spans never end on punctuation."""
    return (start, end - 1) if text[start:end].endswith(".") and end - start > 1 else (start, end)


def lgl(path: Path) -> list[Doc]:
    """(text, gold spans, ignored spans) per LGL article."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = [
            _span(text, int(t.findtext("start")), int(t.findtext("end")))
            for t in article.iter("toponym")
        ]
        docs.append((text, gold, []))
    return docs


def gwn(path: Path) -> list[Doc]:
    """(text, gold spans, ignored spans) per GeoWebNews article: place-name types are gold,
    the other annotations (demonyms, organisations, expressions) neither count for nor
    against a found span."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold, ignored = [], []
        for t in article.iter("toponym"):
            span = _span(text, int(t.findtext("start")), int(t.findtext("end")))
            if t.findtext("type") in GWN_TYPES and text[span[0] : span[1]][:1].isupper():
                gold.append(span)
            else:
                ignored.append(span)
        docs.append((text, gold, ignored))
    return docs


def seeds(root: Path) -> tuple[list[Doc], list[list[tuple[int, int]]]]:
    """(text, gold places, ignored spans) per seed from ``bench/gold``, and per seed the
    spans of armed-group names, passed as ``exclude`` as the extraction stage does."""
    gold_dir = root / "bench" / "gold"
    places: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    ignored: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    groups: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    with open(gold_dir / "seed_places.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            places[row["doc_id"]].append((int(row["start"]), int(row["end"])))
    for doc_id, spans in places.items():
        text = (root / "seeds" / doc_id).read_text(encoding="utf-8")
        places[doc_id] = [_span(text, s, e) for s, e in spans]
    with open(gold_dir / "seed_non_places.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            span = (int(row["start"]), int(row["end"]))
            if row["kind"] == "group":
                groups[row["doc_id"]].append(span)
            if row["strict"] == "0":
                ignored[row["doc_id"]].append(span)
    docs, excludes = [], []
    for path in sorted((root / "seeds").glob("*.txt")):
        docs.append((path.read_text(encoding="utf-8"), places[path.name], ignored[path.name]))
        excludes.append(groups[path.name])
    return docs, excludes


def score(spotter: Spotter, docs, show: int, excludes=None) -> None:
    """Print exact and overlap precision/recall/F1; list the commonest errors."""
    tp = fp = fn = otp = ofp = ofn = 0
    false_pos: collections.Counter[str] = collections.Counter()
    false_neg: collections.Counter[str] = collections.Counter()
    for n, (text, gold, ignored) in enumerate(docs):
        gold_set = set(gold)
        exclude = excludes[n] if excludes else ()
        found = {
            (s, e)
            for s, e in spotter.spot(text, exclude)
            if (s, e) in gold_set or not any(s < ie and is_ < e for is_, ie in ignored)
        }
        tp += len(found & gold_set)
        fp += len(found - gold_set)
        fn += len(gold_set - found)
        for s, e in found:
            hit = any(s < ge and gs < e for gs, ge in gold_set)
            otp += hit
            ofp += not hit
            if not hit:
                false_pos[text[s:e]] += 1
        for gs, ge in gold_set:
            if not any(s < ge and gs < e for s, e in found):
                ofn += 1
                false_neg[text[gs:ge]] += 1
    for label, t, p, n in (("exact", tp, fp, fn), ("overlap", otp, ofp, ofn)):
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  {label:8s} P={precision:.3f} R={recall:.3f} F1={f1:.3f}  (tp={t} fp={p} fn={n})")
    if show:
        print("  false positives:", false_pos.most_common(show))
        print("  false negatives:", false_neg.most_common(show))


def stages(spotter: Spotter, texts: list[str], mb: float, repeat: int) -> None:
    """Print the CPU time of each stage of ``Spotter.spot`` over ``texts`` (best of
    ``repeat``): cutting into words, looking names up, and the rules."""
    best = {"words": float("inf"), "look-ups": float("inf"), "rules": float("inf")}
    for _ in range(repeat):
        cpu = time.process_time()
        cuts = [spotter._words(text) for text in texts]
        best["words"] = min(best["words"], time.process_time() - cpu)
        cpu = time.process_time()
        found = [spotter._matches(words) for words in cuts]
        best["look-ups"] = min(best["look-ups"], time.process_time() - cpu)
        cpu = time.process_time()
        for words, matches in zip(cuts, found):
            select_spans(words, matches, spotter.rules, (), spotter.demonyms)
        best["rules"] = min(best["rules"], time.process_time() - cpu)
    print(
        "stages (CPU s per MB): "
        + ", ".join(f"{name} {seconds / mb:.3f}" for name, seconds in best.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--errors", type=int, default=40, help="commonest errors to list")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (the best counts)")
    args = parser.parse_args()
    benchmarks = args.shared / "benchmarks"

    t0 = time.perf_counter()
    names = list(Gazetteer.load().names())
    t1, cpu = time.perf_counter(), time.process_time()
    spotter = Spotter(names)
    t2, cpu = time.perf_counter(), time.process_time() - cpu
    print(
        f"gazetteer names: {len(names):,} loaded in {t1 - t0:.2f}s; spotter built in "
        f"{t2 - t1:.2f}s ({cpu:.2f}s CPU, reading the rules' YAML included)"
    )

    lgl_docs = lgl(benchmarks / "lgl.xml")
    texts = [text for text, _, _ in lgl_docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    best_wall = best_cpu = float("inf")
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        spans = sum(len(spotter.spot(text)) for text in texts)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    mb = size / 1e6
    print(
        f"speed: {mb:.2f} MB of LGL text: {mb / best_cpu:.2f} MB/s of CPU time "
        f"({best_cpu:.3f}s, {spans / best_cpu:,.0f} spans/s), {mb / best_wall:.2f} MB/s wall "
        f"({best_wall:.3f}s); one core, best of {args.repeat}"
    )

    stages(spotter, texts, mb, args.repeat)

    for unit in ("Karachi ", "Gen. Khalid Bari of Quetta, ", "KARACHI: "):
        rates = []
        for copies in (5_000, 50_000):
            text = unit * copies
            cpu = time.process_time()
            spotter.spot(text)
            rates.append(len(text) / 1e6 / max(time.process_time() - cpu, 1e-9))
        print(f"worst case {unit!r} x 5k / x 50k: {rates[0]:.2f} / {rates[1]:.2f} MB/s of CPU time")

    print("LGL (all gold toponyms):")
    score(spotter, lgl_docs, args.errors)
    print("GeoWebNews (place-name types, capitalised):")
    score(spotter, gwn(benchmarks / "GWN.xml"), args.errors)
    seed_docs, excludes = seeds(Path(__file__).resolve().parent.parent)
    print("Seeds (bench/gold; group names passed as exclude, strict=0 spans ignored):")
    score(spotter, seed_docs, args.errors, excludes)


if __name__ == "__main__":
    main()
