"""Command line of the gazetteer (stable contracts: other tools call these).

    python -m gazetteer build   [--source ../shared] [--out DIR]
    python -m gazetteer resolve [--index DIR] [--online]      < docs.jsonl > answers.jsonl
    python -m gazetteer geocode FILE.csv --column NAME [--country-hint PK] [--out FILE]
    python -m gazetteer search  NAME [--country-hint PK] [--json]

``resolve`` reads JSON Lines, one document a line: {"id", "text", "spans": [[start, end],
...]}, and writes exactly one line per input line, in order: {"id", "results": [result or
null per span]}.  A bad line (malformed JSON, empty text, a span outside the text) gets
{"id": <id or null>, "error": "..."} on stdout and "line N: ..." on stderr, and the other
lines still resolve; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from gazetteer.index import DEFAULT_PATH, Gazetteer
from gazetteer.records import Candidate, Place, Resolution

logger = logging.getLogger(__name__)
ADDED_COLUMNS = ("lat", "lon", "place", "place_id", "country_code", "feature_type", "score")


class BadLine(ValueError):
    """A line of ``resolve`` input that cannot be resolved."""


def _place_json(place: Place, score: float) -> dict[str, Any]:
    return {
        "lat": place.lat,
        "lon": place.lon,
        "name": place.name,
        "place_id": place.place_id,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "feature_type": place.feature_type,
        "score": score,
    }


def result_json(resolution: Resolution | None) -> dict[str, Any] | None:
    """The JSON object ``resolve`` writes for one span."""
    if resolution is None:
        return None
    out = _place_json(resolution.place, resolution.score)
    out["online"] = resolution.online
    out["alternatives"] = [_place_json(c.place, c.score) for c in resolution.alternatives]
    return out


def _resolver(args: argparse.Namespace) -> Any:
    from atlas.settings import load_settings
    from gazetteer.online import OnlineGeocoder
    from gazetteer.resolver import Resolver

    geocoder = None
    if getattr(args, "online", False):
        geocoder = OnlineGeocoder(cache_path=load_settings().geocode_cache)
    return Resolver(Gazetteer.load(args.index), geocoder=geocoder)


def parse_line(line: str) -> tuple[Any, str, list[tuple[int, int]]]:
    """Check one input line of ``resolve``; raise BadLine saying what is wrong."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadLine(f"malformed JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(doc, dict):
        raise BadLine("expected a JSON object with id, text and spans")
    text, spans = doc.get("text"), doc.get("spans", [])
    if not isinstance(text, str) or not text.strip():
        raise BadLine("empty or missing text")
    if not isinstance(spans, list):
        raise BadLine("spans must be a list of [start, end] pairs")
    checked = []
    for span in spans:
        if not (isinstance(span, list) and len(span) == 2 and all(type(v) is int for v in span)):
            raise BadLine(f"span {span!r} is not a [start, end] pair of integers")
        if not 0 <= span[0] < span[1] <= len(text):
            raise BadLine(f"span {span!r} is out of range for a text of {len(text)} characters")
        checked.append((span[0], span[1]))
    return doc.get("id"), text, checked


def resolve_stream(resolver: Any, lines: Iterable[bytes | str], out: TextIO, err: TextIO) -> int:
    """Resolve JSON Lines from ``lines`` into ``out``; returns how many lines were bad."""
    bad = 0
    for number, raw in enumerate(lines, start=1):
        doc_id = None
        line = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
        try:
            if not isinstance(raw, str) and line != raw.decode("utf-8", errors="ignore"):
                raise BadLine("not valid UTF-8")
            doc_id, text, spans = parse_line(line)
            results = [result_json(r) for r in resolver.resolve(text, spans)]
            answer: dict[str, Any] = {"id": doc_id, "results": results}
        except BadLine as problem:
            bad += 1
            try:
                doc_id = json.loads(line).get("id")
            except (json.JSONDecodeError, AttributeError):
                doc_id = None
            print(f"line {number}: {problem}", file=err)
            answer = {"id": doc_id, "error": str(problem)}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()
    return bad


def _resolve(args: argparse.Namespace) -> int:
    return 1 if resolve_stream(_resolver(args), sys.stdin.buffer, sys.stdout, sys.stderr) else 0


def _geocode(args: argparse.Namespace) -> int:
    source: Path = args.file
    out: Path = args.out or source.with_name(f"{source.stem}.geocoded.csv")
    if out.resolve() == source.resolve():
        print(
            f"error: --out {out} is the input file; geocode never overwrites its input",
            file=sys.stderr,
        )
        return 2
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or [])
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        print(f"error: cannot read {source} as a UTF-8 CSV file: {err}", file=sys.stderr)
        return 2
    if args.column not in columns:
        print(
            f"error: no column {args.column!r} in {source} (columns: {', '.join(columns)})",
            file=sys.stderr,
        )
        return 2
    clash = [c for c in ADDED_COLUMNS if c in columns]
    if clash:
        print(f"error: {source} already has column(s) {', '.join(clash)}", file=sys.stderr)
        return 2
    resolver = _resolver(args)
    countries = (args.country_hint.upper(),) if args.country_hint else ()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns + list(ADDED_COLUMNS))
        writer.writeheader()
        found = 0
        for row in rows:
            name = (row.get(args.column) or "").strip()
            answer = (
                resolver.resolve(name, [(0, len(name))], countries=countries)[0] if name else None
            )
            added = dict.fromkeys(ADDED_COLUMNS, "")
            if answer is not None:
                found += 1
                p = answer.place
                added.update(
                    lat=p.lat,
                    lon=p.lon,
                    place=p.name,
                    place_id=p.place_id,
                    country_code=p.country_code or "",
                    feature_type=p.feature_type,
                    score=answer.score,
                )
            writer.writerow({**row, **added})
    print(f"{found} of {len(rows)} names placed; wrote {out}", file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    resolver = _resolver(args)
    countries = (args.country_hint.upper(),) if args.country_hint else ()
    candidates: list[Candidate] = resolver.search(args.name, countries=countries)
    if args.json:
        print(
            json.dumps(
                [_place_json(c.place, c.score) for c in candidates], ensure_ascii=False, indent=1
            )
        )
        return 0 if candidates else 1
    if not candidates:
        print(f"no place called {args.name!r} in the index", file=sys.stderr)
        return 1
    print(
        f"{'score':>6}  {'place_id':<14} {'type':<9} {'cc':<3} {'lat':>8} {'lon':>9}  name (admin-1)"
    )
    for c in candidates[: args.limit]:
        p = c.place
        print(
            f"{c.score:>6.3f}  {p.place_id:<14} {p.feature_type:<9} {p.country_code or '':<3} "
            f"{p.lat:>8.3f} {p.lon:>9.3f}  {p.name} ({p.admin1 or '-'})"
        )
    return 0


def _build(args: argparse.Namespace) -> int:
    from gazetteer.build import build  # heavy and build-time only

    manifest = build(args.source, args.out)
    print(f"built {sum(manifest['feature_types'].values())} places into {args.out}")  # type: ignore[union-attr]
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m gazetteer``."""
    top = argparse.ArgumentParser(
        prog="python -m gazetteer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build", help="rebuild the place index from GeoNames/Natural Earth data"
    )
    build.add_argument(
        "--source",
        type=Path,
        default=Path("../shared"),
        help="folder holding geonames/ and boundaries/ (default ../shared)",
    )
    build.add_argument("--out", type=Path, default=DEFAULT_PATH, help="index directory to write")
    build.set_defaults(run=_build)
    resolve = commands.add_parser(
        "resolve", help="resolve spans of JSON Lines documents (stdin -> stdout)"
    )
    geocode = commands.add_parser(
        "geocode", help="add lat/lon/place columns to a CSV of place names"
    )
    geocode.add_argument("file", type=Path, help="the CSV file (never overwritten)")
    geocode.add_argument("--column", required=True, help="the column holding place names")
    geocode.add_argument(
        "--out", type=Path, help="output CSV (default FILE.geocoded.csv beside the input)"
    )
    search = commands.add_parser("search", help="list the candidates for a name with their scores")
    search.add_argument("name")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=20, help="rows to print (default 20)")
    for command, run in ((resolve, _resolve), (geocode, _geocode), (search, _search)):
        command.add_argument(
            "--index", type=Path, default=None, help="a built index (default: the shipped one)"
        )
        command.add_argument(
            "--online",
            action="store_true",
            help="ask Nominatim (rate-limited, cached) for names the index lacks",
        )
        command.set_defaults(run=run)
    for command in (geocode, search):
        command.add_argument(
            "--country-hint", help="ISO country code the names are most likely in (e.g. PK)"
        )
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader stopped early (`search X | head`): nothing is wrong with the output
        # sent; keep Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
