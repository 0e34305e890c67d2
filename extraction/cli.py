"""``python -m extraction``: ingest documents into the store, or extract straight to a file.

Exit status: 0 when every file was read, 3 when some files could not be read (the others
were processed), 2 for a usage error, 1 for any other failure.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from atlas.exports import FORMATS, ExportError, format_for, write_frame
from atlas.records import FileProblem
from atlas.settings import Settings, load_settings
from atlas.store import EventStore, StoreError

log = logging.getLogger(__name__)

COMMANDS = ("ingest", "remove", "prune", "export", "status")
EXIT_UNREADABLE = 3

_DESCRIPTION = """\
Activity Atlas extraction: who was active where, and when.

  python -m extraction PATH... --out FILE [--mentions FILE]
      Extract events from files or folders and write them to FILE, whose extension picks
      the format (.csv .geojson .gpkg .jsonl .kml; --format acled for an ACLED-style CSV).
      The event store is not touched.
  python -m extraction ingest PATH... [--if-empty] [--refresh]
      Add files or folders to the event store (data/atlas.gpkg unless ATLAS_STORE says
      otherwise). Re-ingesting is incremental: unchanged files are skipped (--refresh
      extracts them again, after an upgrade), changed files replace their own rows.
  python -m extraction remove PATH|FILENAME|HASH...   drop documents from the store
  python -m extraction prune                          drop documents whose files are gone
  python -m extraction export --out FILE              write the store's events to a file
  python -m extraction status                         what the store holds

Run any command with --help for its options.
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, help="event store (default: settings / data/atlas.gpkg)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")


def _parser(command: str | None) -> argparse.ArgumentParser:
    prog = "python -m extraction" + (f" {command}" if command else "")
    if command is None:
        parser = argparse.ArgumentParser(
            prog=prog, description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders to read")
        parser.add_argument("--out", type=Path, required=True, help="events file to write")
        parser.add_argument("--mentions", type=Path, help="also write every resolved place mention")
        parser.add_argument("--format", choices=FORMATS, help="override the format of --out")
        _common(parser)
        return parser
    parser = argparse.ArgumentParser(prog=prog)
    _common(parser)
    if command == "ingest":
        parser.description = "Add files or folders to the event store."
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--if-empty", action="store_true",
                            help="only ingest when the store holds no documents yet")
        parser.add_argument("--refresh", action="store_true",
                            help="extract unchanged files again and replace their rows "
                                 "(after upgrading the gazetteer, lexicon or rules)")
    elif command == "remove":
        parser.description = "Drop documents (by path, file name or content hash) from the store."
        parser.add_argument("keys", nargs="+")
    elif command == "prune":
        parser.description = "Drop documents whose files no longer exist."
    elif command == "export":
        parser.description = "Write the store's events (and optionally mentions) to files."
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--mentions", type=Path)
        parser.add_argument("--format", choices=FORMATS)
        parser.add_argument("--include-duplicates", action="store_true",
                            help="keep events of near-duplicate documents")
    elif command == "status":
        parser.description = "Summarise what the event store holds."
    return parser


def _progress(total_hint: str, quiet: bool):
    """A tqdm progress callback for ingest, or None when quiet."""
    if quiet:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="file", desc=total_hint, file=sys.stderr, dynamic_ncols=True)

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.set_postfix_str(name[-40:], refresh=False)
        bar.update(done - bar.n)

    return update, bar.close


def _report_problems(problems) -> None:
    for problem in problems:
        print(f"unreadable: {problem}", file=sys.stderr)


def _country_names(settings: Settings, codes) -> dict[str, str]:
    """English country names for ISO codes, from the gazetteer's country entries."""
    from gazetteer import Gazetteer

    gazetteer = Gazetteer.load(settings.gazetteer_path)
    names = {}
    for code in {str(c) for c in codes if isinstance(c, str) and c}:
        row = gazetteer.country_row(code)
        if row is not None:
            names[code] = gazetteer.place(row).name
    return names


def _ingest(args: argparse.Namespace, settings: Settings, store: EventStore) -> int:
    from extraction.ingest import ingest
    from extraction.worker import DocumentWorker

    if args.if_empty and not store.is_empty():
        print(f"{store.path} already holds documents; nothing to do (--if-empty)", file=sys.stderr)
        return 0
    update, close = _progress("ingest", args.quiet)
    try:
        with DocumentWorker(settings) as worker:
            report = ingest(
                args.paths, store, process=worker, progress=update, refresh=args.refresh
            )
    finally:
        close()
    for copy, original in report.duplicates:
        print(f"duplicate: {copy} repeats {original}; its events are not counted twice",
              file=sys.stderr)
    _report_problems(report.problems)
    print(f"{store.path}: {report.summary()}", file=sys.stderr)
    return EXIT_UNREADABLE if report.problems else 0


def _extract_to_file(args: argparse.Namespace, settings: Settings) -> int:
    from atlas.frames import events_frame, mentions_frame
    from extraction.dedup import Deduplicator
    from extraction.readers import SUPPORTED, iter_files
    from extraction.worker import DocumentWorker

    fmt = format_for(args.out, args.format)
    finder = Deduplicator()
    items = list(iter_files(args.paths))
    if not items:
        print(
            f"warning: no files under {', '.join(map(str, args.paths))}"
            f" (documents are {', '.join(SUPPORTED)}); writing an empty {args.out}",
            file=sys.stderr,
        )
    events, mentions, problems = [], [], []
    update, close = _progress("extract", args.quiet)
    try:
        with DocumentWorker(settings) as worker:
            for done, item in enumerate(items, start=1):
                result = worker(item) if isinstance(item, Path) else item
                if isinstance(result, FileProblem):
                    problems.append(result)
                else:
                    mentions.extend(result.mentions)
                    if finder.add(result.document) is None:
                        events.extend(result.events)
                    else:
                        print(f"duplicate: {result.document.doc_id} repeats an earlier document;"
                              " its events are not counted twice", file=sys.stderr)
                if update:
                    update(done, len(items), item.name if isinstance(item, Path) else item.path)
    finally:
        close()
    frame = events_frame(events)
    names = _country_names(settings, frame["country_code"].dropna()) if fmt == "acled" else None
    write_frame(frame, args.out, fmt, country_names=names)
    if args.mentions:
        write_frame(mentions_frame(mentions), args.mentions, layer="mentions")
    _report_problems(problems)
    print(f"{len(events)} events from {len(items) - len(problems)} documents -> {args.out}",
          file=sys.stderr)
    return EXIT_UNREADABLE if problems else 0


def _export(args: argparse.Namespace, settings: Settings, store: EventStore) -> int:
    fmt = format_for(args.out, args.format)
    events = store.events(include_duplicates=args.include_duplicates)
    names = _country_names(settings, events["country_code"].dropna()) if fmt == "acled" else None
    write_frame(events, args.out, fmt, country_names=names)
    if args.mentions:
        write_frame(store.mentions(), args.mentions, layer="mentions")
    print(f"{len(events)} events -> {args.out}", file=sys.stderr)
    return 0


def _status(store: EventStore) -> int:
    docs = store.documents()
    events = store.events()
    print(f"store: {store.path}")
    print(f"documents: {len(docs)} ({int(docs['duplicate_of'].notna().sum())} near-duplicates)")
    print(f"events: {len(events)}  mentions: {len(store.mentions())}  "
          f"unreviewed group names: {len(store.candidates())}")
    for row in docs.fillna("").itertuples(index=False):
        mark = " (duplicate)" if row.duplicate_of else ""
        print(f"  {row.doc_id}  {row.published or 'undated'}  {row.title}{mark}")
    candidates = store.candidates()
    if not candidates.empty:
        print("group names to review (not in extraction/data/groups.yaml):")
        for (text, cue), rows in candidates.groupby(["text", "cue"]):
            print(f"  {text!r} ({cue}) in {', '.join(sorted(set(rows['doc_id'])))}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(command).parse_args(argv[1:] if command else argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        store = EventStore(args.store or settings.store)
        if command is None:
            return _extract_to_file(args, settings)
        if command == "ingest":
            return _ingest(args, settings, store)
        if command == "remove":
            from extraction.ingest import remove

            removed, missing = remove(store, args.keys)
            for key in missing:
                print(f"not in the store: {key}", file=sys.stderr)
            print(f"removed {len(removed)} documents", file=sys.stderr)
            return 1 if missing and not removed else 0
        if command == "prune":
            from extraction.ingest import prune

            print(f"removed {len(prune(store))} documents whose files are gone", file=sys.stderr)
            return 0
        if command == "export":
            return _export(args, settings, store)
        return _status(store)
    except (StoreError, ExportError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the store keeps its last committed state", file=sys.stderr)
        return 130
