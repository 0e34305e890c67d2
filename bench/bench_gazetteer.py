"""Toponym resolution accuracy and speed on LGL and GeoWebNews (gold spans, read in place).

    python bench/bench_gazetteer.py [--corpora ../shared/benchmarks] [--json] [--limit N]

For each corpus: the gold toponyms with coordinates are resolved with their whole article
as context; errors are great-circle km to the gold point, a missing answer counts as
20,039 km (half the Earth's circumference).  Printed: accuracy within 161 km (100 miles),
mean and median error, and the AUC of the log error curve (Gritta et al. 2018; lower is
better).  For GeoWebNews, toponyms without a GeoNames id (streets, buildings, ...) are out
of the gazetteer's reach: they are counted and also left out in a second line.  A line per
corpus keeps only the toponyms whose gold GeoNames id the index holds (what the resolver
could have answered exactly), and the answers that name the gold's own place yet lie more
than 161 km from its point are counted (Natural Earth's label point for Canada or Hawaii
is not GeoNames' point: a convention, not a wrong place).  Speed:
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
    geonames_id: str
    """The gold GeoNames id ("" when the toponym has none: streets, buildings, ...)."""

    @property
    def in_geonames(self) -> bool:
        return bool(self.geonames_id)


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
                    tag.get("geonameid") or "",
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
                    (top.findtext("geonamesID") or "").strip(),
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


@dataclass(frozen=True)
class Outcome:
    """One gold toponym's result: error in km and the place id answered ("" for none)."""

    gold: Gold
    km: float
    place_id: str

    @property
    def same_place_far(self) -> bool:
        """The gold's own GeoNames place, but more than 161 km from the gold point: the
        point chosen for a country or province differs (Natural Earth's label point, say,
        against GeoNames' own), not the place."""
        return self.km > 161.0 and self.place_id == f"gn:{self.gold.geonames_id}"


def evaluate(resolver: Resolver, articles: list[Article]) -> tuple[list[Outcome], float, int]:
    """Outcome per gold toponym, seconds spent, spans."""
    outcomes: list[Outcome] = []
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
                outcomes.append(Outcome(gold, MISSING_KM, ""))
            else:
                km = great_circle((gold.lat, gold.lon), (result.place.lat, result.place.lon)).km
                outcomes.append(Outcome(gold, km, result.place.place_id))
    return outcomes, spent, spans


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
        outcomes, spent, spans = evaluate(resolver, articles)
        total_spans, total_s = total_spans + spans, total_s + spent
        report[name] = metrics([o.km for o in outcomes])
        if name == "GWN":
            report["GWN (GeoNames toponyms only)"] = metrics(
                [o.km for o in outcomes if o.gold.in_geonames]
            )
            report["GWN out of reach (no GeoNames id: streets, buildings, ...)"] = sum(
                not o.gold.in_geonames for o in outcomes
            )
        in_index = [
            o
            for o in outcomes
            if o.gold.in_geonames and gazetteer.row_of(f"gn:{o.gold.geonames_id}") is not None
        ]
        report[f"{name} (gold id in the index)"] = metrics([o.km for o in in_index])
        report[f"{name} same place, other point"] = sum(o.same_place_far for o in outcomes)
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
    for name in ("LGL", "GWN"):
        print(
            f"{name}: answers naming the gold's own GeoNames place but more than 161 km from "
            f"the gold point (a country's or province's point differs): "
            f"{report[f'{name} same place, other point']}"
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
