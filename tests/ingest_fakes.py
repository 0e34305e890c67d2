"""Fakes for ingest tests: a lister, a processor and a duplicate finder that follow simple,
visible rules, and child-process loops for the document worker. Importable by a spawned
child, so kept at module level.

Fake documents are text files; each line ``GROUP@PLACE`` becomes one event, a file whose
text starts with ``BAD`` cannot be read, and a file whose text starts with ``COPY`` is a
near-duplicate of the file named on the rest of its first line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import time
from pathlib import Path

from atlas.records import Document, Extraction, FileProblem
from extraction.ingest import ingest
from extraction.worker import READY
from tests.factories import make_event


def list_files(paths):
    """Every regular file under the paths, sorted."""
    for root in paths:
        if root.is_dir():
            yield from sorted(p for p in root.rglob("*") if p.is_file())
        else:
            yield root


def process(path: Path) -> Extraction | FileProblem:
    """Read ``GROUP@PLACE`` lines into events."""
    data = path.read_bytes()
    text = data.decode("utf-8")
    if text.startswith("BAD"):
        return FileProblem(str(path), "fake: unreadable", "fix it")
    document = Document(doc_id=path.name, doc_hash=hashlib.sha256(data).hexdigest(),
                        path=str(path), text=text)
    events = tuple(
        dataclasses.replace(make_event(document, i), group_short=line.split("@")[0],
                            place=line.split("@")[1])
        for i, line in enumerate(text.splitlines()) if "@" in line
    )
    return Extraction(document=document, events=events)


class CopyFinder:
    """Near-duplicates are declared by their first line: ``COPY <doc_id>``."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def add(self, document: Document) -> str | None:
        self.seen[document.doc_id] = document.doc_hash
        first = document.text.splitlines()[0] if document.text else ""
        if first.startswith("COPY "):
            return self.seen.get(first.removeprefix("COPY ").strip())
        return None


def serve_with_tricks(conn, settings) -> None:
    """A worker loop: ``slow`` files never finish, ``crash`` files kill the child."""
    conn.send(READY)
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        name = Path(path).name
        if "slow" in name:
            time.sleep(60)
        if "crash" in name:
            os._exit(3)
        conn.send(process(Path(path)))


def main(argv: list[str]) -> int:
    """Ingest a folder with the fakes, committing after every file (the crash test's driver)."""
    from atlas.store import EventStore

    store, folder = Path(argv[0]), Path(argv[1])

    def progress(done: int, total: int, name: str) -> None:
        print(f"committed {done}/{total}", flush=True)

    report = ingest([folder], EventStore(store), process=process, lister=list_files,
                    duplicates=CopyFinder(), progress=progress, commit_seconds=0)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
