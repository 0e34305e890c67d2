"""Ingest files and folders into the event store, incrementally and safely.

The same file twice is a no-op (its content hash and path are already stored) unless it
is refreshed (after an upgrade of the gazetteer, the lexicon or the rules: its rows are
extracted again and replace the old ones); a changed file replaces its own rows only; a
file that cannot be read is reported by name and leaves the store as it was for that
file, while every other file is still processed.
Changes are committed every few seconds and at the end, each commit atomic.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from atlas.records import Document, Extraction, FileProblem
from atlas.settings import Settings
from atlas.store import EventStore, StoreWriter

log = logging.getLogger(__name__)

Extractor = Callable[[Document], Extraction]
Reader = Callable[[Path, Settings], Document]
Processor = Callable[[Path], "Extraction | FileProblem"]
"""Reads and extracts one file: the extraction, or the reason it could not be read."""
FileLister = Callable[[Sequence[Path]], Iterable["Path | FileProblem"]]
Progress = Callable[[int, int, str], None]


class DuplicateFinder(Protocol):
    """Remembers documents and names the earlier near-copy of a new one, if any; a
    document whose ``doc_hash`` it already knows is no copy (a refreshed file is not a
    copy of itself)."""

    def add(self, document: Document) -> str | None: ...


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did, file by file."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    """(document, the document it copies) for near-duplicates and identical copies."""
    problems: tuple[FileProblem, ...] = ()
    events: int = 0
    refreshed: tuple[str, ...] = ()
    """Unchanged files extracted again (``ingest(..., refresh=True)``)."""

    def summary(self) -> str:
        """One line for a terminal or a status message."""
        parts = [
            f"{len(self.added)} added",
            f"{len(self.replaced)} replaced",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.duplicates)} duplicates",
            f"{len(self.problems)} unreadable",
            f"{self.events} events",
        ]
        if self.refreshed:
            parts.insert(2, f"{len(self.refreshed)} refreshed")
        return ", ".join(parts)


@dataclass
class _Tally:
    added: list[str] = dataclasses.field(default_factory=list)
    replaced: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    duplicates: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    problems: list[FileProblem] = dataclasses.field(default_factory=list)
    events: int = 0
    refreshed: list[str] = dataclasses.field(default_factory=list)

    def report(self) -> IngestReport:
        return IngestReport(
            tuple(self.added), tuple(self.replaced), tuple(self.unchanged),
            tuple(self.duplicates), tuple(self.problems), self.events, tuple(self.refreshed),
        )


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _seed_duplicates(finder: DuplicateFinder, writer: StoreWriter) -> dict[str, str]:
    """Teach the finder the stored originals; returns doc_id by hash for messages."""
    docs = writer.documents()
    names = dict(zip(docs["doc_hash"].astype(str), docs["doc_id"].astype(str), strict=True))
    for row in docs.itertuples(index=False):
        if isinstance(row.duplicate_of, str):
            continue
        finder.add(Document(doc_id=str(row.doc_id), doc_hash=str(row.doc_hash),
                            path=str(row.path), text=str(row.text or "")))
    return names


def in_process(reader: Reader, extractor: Extractor, settings: Settings) -> Processor:
    """A processor that reads and extracts in this process, with no time limit."""
    from extraction.readers import UnreadableFile  # the readers pull in heavy parsers

    def process(path: Path) -> Extraction | FileProblem:
        try:
            return extractor(reader(path, settings))
        except UnreadableFile as err:
            return err.problem

    return process


def _ingest_file(
    path: Path,
    writer: StoreWriter,
    tally: _Tally,
    names: dict[str, str],
    process: Processor,
    finder: DuplicateFinder | None,
    refresh: bool = False,
) -> None:
    key = str(path)
    try:
        digest = file_hash(path)
    except OSError as err:
        tally.problems.append(FileProblem(key, f"cannot read the file: {err.strerror or err}",
                                          "check that it exists and is readable"))
        return
    previous = writer.hash_for_path(key)
    if writer.has(digest):
        original = writer.path_for_hash(digest)
        if original != key:
            tally.duplicates.append((path.name, names.get(digest, str(original))))
            return
        if not refresh:
            tally.unchanged.append(path.name)
            return
    extraction = process(path)
    if isinstance(extraction, FileProblem):
        tally.problems.append(extraction)
        return
    document = extraction.document
    digest = document.doc_hash  # the file may have changed between hashing and reading
    if finder is not None:
        original = finder.add(document)
        if original is not None:
            document = dataclasses.replace(document, duplicate_of=original)
            extraction = dataclasses.replace(extraction, document=document)
            tally.duplicates.append((document.doc_id, names.get(original, original)))
    if previous is not None and previous != digest:
        writer.remove(previous)
        tally.replaced.append(document.doc_id)
    elif previous == digest:  # refreshed: this path's stored content, extracted again
        writer.remove(digest)
        tally.refreshed.append(document.doc_id)
    else:
        tally.added.append(document.doc_id)
    writer.put(extraction)
    names[digest] = document.doc_id
    if document.duplicate_of is None:
        tally.events += len(extraction.events)


def ingest(
    paths: Sequence[Path | str],
    store: EventStore,
    *,
    process: Processor,
    lister: FileLister | None = None,
    duplicates: DuplicateFinder | None = None,
    progress: Progress | None = None,
    commit_seconds: float = 5.0,
    refresh: bool = False,
) -> IngestReport:
    """Add the files under ``paths`` to ``store``; see the module docstring for the rules.

    ``refresh``: extract files already stored and unchanged again, replacing their rows
    (a file that can no longer be read keeps them).

    ``process`` reads and extracts one file (see :func:`in_process` and
    :class:`extraction.worker.DocumentWorker`); ``lister`` defaults to
    :func:`extraction.readers.iter_files`; ``duplicates`` to a near-duplicate finder seeded
    with the stored documents. ``progress(done, total, name)`` is called after each file.
    """
    if lister is None:
        from extraction.readers import iter_files as lister
    if duplicates is None:
        from extraction.dedup import Deduplicator

        duplicates = Deduplicator()
    finder = duplicates
    tally = _Tally()
    items = list(lister([Path(p) for p in paths]))
    with store.writer() as writer:
        names = _seed_duplicates(finder, writer)
        last_commit = time.monotonic()
        for done, item in enumerate(items, start=1):
            if isinstance(item, FileProblem):
                tally.problems.append(item)
                name = item.path
            else:
                name = item.name
                _ingest_file(item, writer, tally, names, process, finder, refresh)
            if writer.dirty and time.monotonic() - last_commit >= commit_seconds:
                writer.commit()
                last_commit = time.monotonic()
            if progress is not None:
                progress(done, len(items), name)
    report = tally.report()
    log.info("ingest: %s", report.summary())
    return report


def prune(store: EventStore) -> list[str]:
    """Drop documents whose files no longer exist; returns their doc_ids."""
    dropped: list[str] = []
    with store.writer() as writer:
        docs = writer.documents()
        for row in docs.itertuples(index=False):
            if not Path(str(row.path)).exists():
                writer.remove(str(row.doc_hash))
                dropped.append(str(row.doc_id))
    return dropped


def remove(store: EventStore, keys: Iterable[str]) -> tuple[list[str], list[str]]:
    """Drop documents named by path, file name or content hash; returns (removed, not found)."""
    removed: list[str] = []
    missing: list[str] = []
    with store.writer() as writer:
        docs = writer.documents()
        for key in keys:
            match = docs[(docs["path"] == key) | (docs["doc_id"] == key) | (docs["doc_hash"] == key)
                         | (docs["path"] == str(Path(key)))]
            if match.empty:
                missing.append(key)
                continue
            for row in match.itertuples(index=False):
                if writer.remove(str(row.doc_hash)):
                    removed.append(str(row.doc_id))
    return removed, missing
