"""Command line: ``python -m gazetteer {build,resolve,geocode,search}``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from gazetteer.index import DEFAULT_PATH

logger = logging.getLogger(__name__)


def _build(args: argparse.Namespace) -> int:
    from gazetteer.build import build  # heavy and build-time only

    manifest = build(args.source, args.out)
    print(f"built {sum(manifest['feature_types'].values())} places into {args.out}")  # type: ignore[union-attr]
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m gazetteer``."""
    top = argparse.ArgumentParser(prog="python -m gazetteer", description=__doc__)
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
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    return args.run(args)
