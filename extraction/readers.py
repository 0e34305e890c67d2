"""Files on disk to ``atlas.records.Document``: the one entry point for reading documents.

``read_document`` never lets a parser's own exception escape: anything wrong with a file
becomes ``UnreadableFile`` carrying a ``FileProblem`` (which file, what is wrong, what to do).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from atlas.records import Document, FileProblem
from atlas.settings import Settings
from extraction import metadata
from extraction.fileio import name_parts, read_descriptor
from extraction.formats import (
    Budget,
    FileMeta,
    FormatProblem,
    read_docx,
    read_html,
    read_text,
)
from extraction.language import guess_language
from extraction.pdf import read_pdf
from extraction.sections import find_sections

logger = logging.getLogger(__name__)

_MB = 1024 * 1024
READERS: dict[str, Callable[[bytes, Budget], tuple[str, FileMeta]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
SUPPORTED = tuple(sorted(READERS))
# Files that describe a folder rather than report anything (given by name they are still read).
_FOLDER_DOCS = re.compile(
    r"^(?:readme|licen[cs]e|copying|notice)(?:\.(?:md|txt|markdown))?$", re.IGNORECASE
)
_VANISHED_HINT = "it was moved or deleted while being read; add it again if it is still needed"


class UnreadableFile(Exception):
    """A file that cannot be turned into a document; ``problem`` says why and what to do."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Reading:
    """A document and the warnings met while reading it (e.g. a date left unknown)."""

    document: Document
    warnings: tuple[str, ...] = ()


def _problem(path: str, reason: str, hint: str = "") -> UnreadableFile:
    return UnreadableFile(FileProblem(path=path, reason=reason, hint=hint))


def _os_problem(path: str, err: OSError) -> UnreadableFile:
    if isinstance(err, FileNotFoundError):
        return _problem(path, "file vanished (no such file)", _VANISHED_HINT)
    if isinstance(err, PermissionError):
        return _problem(path, "permission denied", "make the file readable (chmod +r) or copy it")
    if err.errno == errno.EISDIR:
        return _problem(path, "is a folder, not a file", "give the folder to ingest instead")
    return _problem(
        path, f"cannot read the file ({err.strerror or err})", "check the disk and the file"
    )


def _load_bytes(path: str, settings: Settings, opener: Callable[..., BinaryIO]) -> bytes:
    """The file's bytes after checking that it exists, is a regular file, and is within limits."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise _os_problem(path, err) from err
    if not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise _problem(path, "is a folder, not a file", "give the folder to ingest instead")
        raise _problem(path, "not a regular file", "copy the document into a normal file")
    if info.st_size > settings.max_file_bytes:
        raise _problem(
            path,
            f"file is {info.st_size / _MB:.1f} MB, over the limit of "
            f"{settings.max_file_bytes / _MB:.0f} MB (max_file_bytes)",
            "raise ATLAS_MAX_FILE_MB or split the file",
        )
    if info.st_size == 0:
        raise _problem(path, "empty file (0 bytes)", "check the source; the copy may have failed")
    # Read one byte more than stat said: the file may have grown since. Asking for the
    # whole limit at once would allocate that much for every small file.
    limit = settings.max_file_bytes + 1
    try:
        if opener is open:  # a file descriptor costs half what a buffered file object does
            data = read_descriptor(path, info.st_size + 1, limit)
        else:
            with opener(path, "rb") as handle:
                data = handle.read(info.st_size + 1)
                if len(data) > info.st_size:
                    data += handle.read(limit - len(data))
    except OSError as err:
        raise _os_problem(path, err) from err
    if len(data) > settings.max_file_bytes:
        raise _problem(
            path,
            f"file grew over the limit of {settings.max_file_bytes / _MB:.0f} MB while being read",
            "raise ATLAS_MAX_FILE_MB or split the file",
        )
    return data


def read_with_warnings(
    path: str | os.PathLike[str],
    settings: Settings,
    *,
    today: dt.date | None = None,
    clock: Callable[[], float] = time.monotonic,
    opener: Callable[..., BinaryIO] = open,
) -> Reading:
    """Read one file into a ``Document`` and say what was doubtful; raises ``UnreadableFile``."""
    name = str(path)
    base, suffix, folder = name_parts(name)
    suffix = suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise _problem(
            name,
            f"unsupported file type {suffix or '(no extension)'!r}",
            "supported: " + ", ".join(SUPPORTED) + "; convert the file to one of these",
        )
    data = _load_bytes(name, settings, opener)
    budget = Budget(
        max_bytes=settings.max_file_bytes,
        max_pages=settings.max_pdf_pages,
        seconds=settings.seconds_per_document,
        started=clock(),
        clock=clock,
    )
    try:
        text, file_meta = reader(data, budget)
        budget.check_time()
    except FormatProblem as err:
        raise _problem(name, err.reason, err.hint) from err
    except Exception as err:  # third-party parsers raise anything on hostile input
        logger.exception("unexpected error reading %s", name)
        raise _problem(
            name,
            f"could not read the file ({type(err).__name__}: {err})",
            "report this file to the developers",
        ) from err
    if not text or text.isspace():
        raise _problem(
            name, "empty file (no text)", "check the source; the copy may have no content"
        )
    return _assemble(name, base, folder, data, text, file_meta, today or dt.date.today())


def _assemble(
    name: str, base: str, folder: str, data: bytes, text: str, file_meta: FileMeta, today: dt.date
) -> Reading:
    """Put text, metadata, sections and language together into the ``Document``."""
    warnings: list[str] = []
    row = metadata.read_sidecar(folder, warnings).get(base)
    meta = metadata.resolve(text, file_meta, row, today, warnings)
    for warning in warnings:
        logger.warning("%s: %s", name, warning)
    document = Document(
        doc_id=base,
        doc_hash=hashlib.sha256(data).hexdigest(),
        path=name,
        text=text,
        title=meta.title,
        source=meta.source,
        author=meta.author,
        published=meta.published,
        published_precision=meta.published_precision,
        url=meta.url,
        language=guess_language(text),
        sections=find_sections(text),
    )
    return Reading(document, tuple(warnings))


def read_document(
    path: str | os.PathLike[str],
    settings: Settings,
    *,
    today: dt.date | None = None,
    clock: Callable[[], float] = time.monotonic,
    opener: Callable[..., BinaryIO] = open,
) -> Document:
    """Read one file (.txt, .md, .html, .pdf, .docx) into a ``Document``.

    Raises ``UnreadableFile`` (with a ``FileProblem``) for anything that cannot be used.
    ``today``, ``clock`` and ``opener`` are for tests: the date future dates are judged
    against, the timer for ``seconds_per_document``, and how the file is opened.
    """
    return read_with_warnings(path, settings, today=today, clock=clock, opener=opener).document


def _skipped(name: str) -> bool:
    """Hidden files, Office lock files, the sidecar, and a folder's own README/LICENSE."""
    return (
        name.startswith((".", "~$")) or name == metadata.SIDECAR or bool(_FOLDER_DOCS.match(name))
    )


def iter_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    listdir: Callable[[str], list[str]] = os.listdir,
) -> Iterator[Path | FileProblem]:
    """Every file under ``paths`` (files as given, folders walked), sorted, or a problem.

    Hidden files and folders, Office lock files (``~$…``), the ``sources.csv`` sidecar and a
    folder's README/LICENSE files are skipped. A file that
    vanishes between listing and looking at it, or a folder that cannot be listed, is
    yielded as a ``FileProblem`` and the walk goes on. ``listdir`` is replaceable for tests.
    """
    for path in paths:
        yield from _walk(str(path), listdir, top=True)


def _walk(
    path: str, listdir: Callable[[str], list[str]], top: bool
) -> Iterator[Path | FileProblem]:
    try:
        info = os.lstat(path) if not top else os.stat(path)
    except FileNotFoundError:
        reason = "no such file or folder" if top else "file vanished while the folder was read"
        yield FileProblem(path, reason, _VANISHED_HINT if not top else "check the path")
        return
    except OSError as err:
        yield FileProblem(path, f"cannot look at it ({err.strerror or err})", "check permissions")
        return
    if stat.S_ISDIR(info.st_mode):
        try:
            names = sorted(listdir(path))
        except OSError as err:
            yield FileProblem(
                path, f"cannot list the folder ({err.strerror or err})", "check permissions"
            )
            return
        for name in names:
            if _skipped(name):
                continue
            yield from _walk(os.path.join(path, name), listdir, top=False)
    elif stat.S_ISREG(info.st_mode):
        yield Path(path)
    elif stat.S_ISLNK(info.st_mode):
        yield FileProblem(path, "symbolic link skipped", "copy the file itself into the folder")
    else:
        yield FileProblem(path, "not a regular file", "copy the document into a normal file")
