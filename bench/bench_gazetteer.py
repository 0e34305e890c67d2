"""Toponym resolution accuracy and speed on LGL and GeoWebNews (gold spans, read in place).

    python bench/bench_gazetteer.py [--corpora ../shared/benchmarks] [--json] [--limit N]

For each corpus: the gold toponyms with coordinates are resolved with their whole article
as context; errors are great-circle km to the gold point, a missing answer counts as
20,039 km (half the Earth's circumference).  Printed: accuracy within 161 km (100 miles),
mean and median error, and the AUC of the log error curve (Gritta et al. 2018; lower is
better).  For GeoWebNews, toponyms without a GeoNames id (streets, buildings, ...) are out
of the gazetteer's reach: they are counted and also left out in a second line.  Speed:
index load time, spans resolved per second after loading, peak resident memory.  The
corpora (GPL-3.0) are never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from geopy.distance import great_circle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gazetteer.index import Gazetteer
from gazetteer.resolver import Resolver

MISSING_KM = 20039.0
DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    in_geonames: bool


@dataclass(frozen=True)
class Article:
    text: str
    gold: tuple[Gold, ...]


def read_lgl(path: Path) -> list[Article]:
    """LGL articles: toponyms with a GeoNames tag (the others have no gold point)."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(
                Gold(
                    int(top.findtext("start")),
                    int(top.findtext("end")),
                    float(tag.findtext("lat")),
                    float(tag.findtext("lon")),
                    True,
                )
            )
        articles.append(Article(text, _valid(text, gold)))
    return articles


def _valid(text: str, gold: list[Gold]) -> tuple[Gold, ...]:
    """Gold toponyms whose offsets lie in the text (a few GWN entries have negative ones)."""
    return tuple(g for g in gold if 0 <= g.start < g.end <= len(text))


def read_gwn(path: Path) -> list[Article]:
    """GeoWebNews articles: toponyms with gold coordinates (locational ones)."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            lat = (top.findtext("latitude") or "").strip()
            if not lat or top.findtext("nonLocational") == "Yes":
                continue
            gold.append(
                Gold(
                    int(top.findtext("start")),
                    int(top.findtext("end")),
                    float(lat),
                    float(top.findtext("longitude")),
                    bool((top.findtext("geonamesID") or "").strip()),
                )
            )
        articles.append(Article(text, _valid(text, gold)))
    return articles


def metrics(errors: list[float]) -> dict[str, float]:
    """acc@161, mean/median km and AUC of the sorted log-error curve."""
    if not errors:
        return {"n": 0}
    ordered = np.sort(np.array(errors))
    logs = np.log(ordered + 1.0) / np.log(MISSING_KM + 1.0)
    auc = float(np.trapezoid(logs) / max(len(logs) - 1, 1))
    return {
        "n": len(errors),
        "acc161": float(np.mean(ordered <= 161.0)),
        "mean_km": float(np.mean(ordered)),
        "median_km": float(statistics.median(errors)),
        "auc": auc,
        "missing": int(np.sum(ordered >= MISSING_KM)),
    }


def evaluate(
    resolver: Resolver, articles: list[Article]
) -> tuple[list[float], list[bool], float, int]:
    """Errors per gold toponym (and whether it is in GeoNames), seconds spent, spans."""
    errors: list[float] = []
    reach: list[bool] = []
    spent, spans = 0.0, 0
    for article in articles:
        if not article.gold:
            continue
        started = time.process_time()
        results = resolver.resolve(article.text, [(g.start, g.end) for g in article.gold])
        spent += time.process_time() - started
        spans += len(article.gold)
        for gold, result in zip(article.gold, results, strict=True):
            if result is None:
                errors.append(MISSING_KM)
            else:
                errors.append(
                    great_circle((gold.lat, gold.lon), (result.place.lat, result.place.lon)).km
                )
            reach.append(gold.in_geonames)
    return errors, reach, spent, spans


def run(corpora: Path, limit: int | None) -> dict[str, object]:
    """Load the index, resolve both corpora, and collect the numbers."""
    started, cpu = time.perf_counter(), time.process_time()
    gazetteer = Gazetteer.load()
    load_s, load_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    resolver = Resolver(gazetteer)
    report: dict[str, object] = {
        "load_s": load_s,
        "load_cpu_s": load_cpu_s,
        "resolver_s": time.perf_counter() - started,
    }
    total_spans, total_s = 0, 0.0
    corpus = {
        "LGL": read_lgl(corpora / "lgl.xml")[:limit],
        "GWN": read_gwn(corpora / "GWN.xml")[:limit],
    }
    for name, articles in corpus.items():
        errors, reach, spent, spans = evaluate(resolver, articles)
        total_spans, total_s = total_spans + spans, total_s + spent
        report[name] = metrics(errors)
        if name == "GWN":
            report["GWN (GeoNames toponyms only)"] = metrics(
                [e for e, r in zip(errors, reach, strict=True) if r]
            )
            report["GWN out of reach (no GeoNames id: streets, buildings, ...)"] = reach.count(
                False
            )
    report["spans_per_s"] = total_spans / total_s if total_s else 0.0
    # A second pass shows the steady state of a long-running process (name caches warm).
    documents = [
        (a.text, [(g.start, g.end) for g in a.gold])
        for arts in corpus.values()
        for a in arts
        if a.gold
    ]
    started = time.process_time()
    for text, spans in documents:
        resolver.resolve(text, spans)
    report["spans_per_s_warm"] = total_spans / (time.process_time() - started)
    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA, help="folder with lgl.xml and GWN.xml"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N articles of each corpus"
    )
    args = parser.parse_args(argv)
    report = run(args.corpora, args.limit)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(
        f"{'corpus':<32} {'n':>6} {'acc@161':>8} {'mean km':>9} {'median km':>10} {'AUC':>6} {'missing':>8}"
    )
    for key, value in report.items():
        if isinstance(value, dict) and value.get("n"):
            print(
                f"{key[:32]:<32} {value['n']:>6} {value['acc161']:>8.3f} {value['mean_km']:>9.1f} "
                f"{value['median_km']:>10.1f} {value['auc']:>6.3f} {value['missing']:>8}"
            )
    print(
        f"GWN toponyms out of reach (no GeoNames id): {report['GWN out of reach (no GeoNames id: streets, buildings, ...)']}"
    )
    print(
        f"index load: {report['load_s']:.2f} s wall, {report['load_cpu_s']:.2f} s CPU, "
        f"then resolver set-up {report['resolver_s']:.2f} s   "
        f"peak RSS: {report['peak_rss_mb']:.0f} MB"
    )
    print(
        f"resolution (spans per CPU second): first pass {report['spans_per_s']:,.0f}, "
        f"second pass {report['spans_per_s_warm']:,.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
