"""Read and extract documents in a child process, so no single file can hang or crash an ingest.

The child loads the gazetteer and lexicon once and then serves one path at a time. A
document that takes longer than ``settings.seconds_per_document`` gets its child killed
and is reported as a :class:`FileProblem`; the next document starts a fresh child. A
child that dies (a parser crash, the kernel's out-of-memory killer) is reported the same
way. The ``spawn`` start method is used because the dashboard calls this from a thread.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from operator import attrgetter
from pathlib import Path
from types import TracebackType
from typing import Self

from atlas import records
from atlas.records import Extraction, FileProblem
from atlas.settings import Settings

log = logging.getLogger(__name__)

READY = "ready"
Serve = Callable[[Connection, Settings], None]


def serve(conn: Connection, settings: Settings) -> None:
    """The child's loop: receive a path, send back an Extraction or a FileProblem."""
    from extraction.engine import load_extractor
    from extraction.readers import UnreadableFile, read_document

    extractor = load_extractor(settings)
    register_reducers()
    conn.send(READY)
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            result: Extraction | FileProblem = extractor(read_document(Path(path), settings))
        except UnreadableFile as err:
            result = err.problem
        except Exception as err:  # one bad document must not stop the others
            log.exception("extraction failed for %s", path)
            result = FileProblem(
                str(path),
                f"extraction failed: {type(err).__name__}: {err}",
                "the other files were processed; please report this file",
            )
        conn.send(result)


# Every record an Extraction or a FileProblem is made of.
_RECORDS = (
    records.Document, records.Section, records.GroupMention, records.GroupCandidate,
    records.YearRef, records.Mention, records.Event, records.FileProblem, records.Extraction,
)  # fmt: skip


def register_reducers() -> None:
    """Send records through the pipe as their classes and field values.

    Pickle's own way for frozen dataclasses with slots looks the fields up and sets each
    one with a Python call, for every record, in both processes: twice the cost of this.
    """
    for cls in _RECORDS:
        ForkingPickler.register(cls, _reducer(cls))


def _reducer(cls: type) -> Callable[[object], tuple]:
    """Pickle rebuilds the record by calling its class with the field values in order."""
    names = [f.name for f in dataclasses.fields(cls)]
    values = attrgetter(*names)
    if len(names) == 1:
        return lambda record: (cls, (values(record),))
    return lambda record: (cls, values(record))


class DocumentWorker:
    """A callable ``path -> Extraction | FileProblem`` backed by a supervised child process."""

    def __init__(
        self, settings: Settings, *, target: Serve = serve, start_seconds: float = 300.0
    ) -> None:
        self.settings = settings
        self._target = target
        self._start_seconds = start_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=self._target,
            args=(child, self.settings),
            name="atlas-document-worker",
            daemon=True,
        )
        process.start()
        child.close()
        if not parent.poll(self._start_seconds):
            process.kill()
            raise RuntimeError("the document worker did not start; run with -v to see why")
        try:
            message = parent.recv()
        except EOFError as err:
            raise RuntimeError("the document worker exited while starting") from err
        if message != READY:
            raise RuntimeError(f"unexpected message from the document worker: {message!r}")
        self._process, self._conn = process, parent
        return parent

    def _stop(self, *, kill: bool) -> None:
        if self._conn is not None:
            if not kill:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
            self._conn.close()
        if self._process is not None:
            if kill:
                self._process.kill()
            self._process.join(timeout=10)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._process, self._conn = None, None

    def __call__(self, path: Path) -> Extraction | FileProblem:
        conn = self._conn or self._start()
        limit = self.settings.seconds_per_document
        conn.send(str(path))
        if conn.poll(limit):
            try:
                return conn.recv()
            except EOFError:
                self._stop(kill=True)
                return FileProblem(
                    str(path),
                    "the reader crashed on this file",
                    "the other files were processed; check the file opens "
                    "elsewhere, or convert it to PDF or plain text",
                )
        self._stop(kill=True)
        return FileProblem(
            str(path),
            f"took longer than {limit:g} s to read and extract",
            "raise ATLAS_SECONDS_PER_DOCUMENT, or split the document",
        )

    def close(self) -> None:
        """Stop the child process."""
        self._stop(kill=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
