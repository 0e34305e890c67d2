"""Files uploaded through the dashboard: safe names inside the uploads folder, then ingest.

An uploaded name is only a hint: it is normalised (NFKC, so full-width slashes become
slashes), cut to its last path component, stripped of control and bidi characters, and
reduced to letters, digits, ``.``, ``-`` and ``_``. The result is checked to resolve inside
the uploads folder before anything is written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from atlas.settings import Settings
from atlas.store import EventStore

log = logging.getLogger(__name__)

MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\-]+")


class UnsafeUpload(ValueError):
    """An upload that cannot be saved inside the uploads folder."""


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder, hide itself, or disguise its extension."""
    text = unicodedata.normalize("NFKC", name)
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    text = _UNSAFE.sub("_", text.strip()).strip("._") or "upload"
    stem, dot, ext = text.rpartition(".")
    if dot and len(ext) <= 10:
        return stem[: MAX_NAME - len(ext) - 1].rstrip("._") + "." + ext if stem else "upload." + ext
    return text[:MAX_NAME]


def save_upload(name: str, data: bytes, uploads_dir: Path) -> Path:
    """Write ``data`` under ``uploads_dir`` with a safe name; an identical file is reused."""
    root = uploads_dir.resolve()
    root.mkdir(parents=True, exist_ok=True)
    target = root / safe_name(name)
    digest = hashlib.sha256(data).hexdigest()[:8]
    if target.exists() and target.read_bytes() != data:
        target = target.with_name(f"{target.stem}-{digest}{target.suffix}")
    if target.resolve().parent != root:
        raise UnsafeUpload(f"{name!r} would be saved outside {root}")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target


Progress = Callable[[int, int, str], None]


def ingest_paths(paths: Sequence[Path], settings: Settings, progress: Progress | None = None):
    """Ingest files or folders into the settings' store with the extraction worker."""
    from extraction.ingest import ingest
    from extraction.worker import DocumentWorker

    with DocumentWorker(settings) as worker:
        return ingest(list(paths), EventStore(settings.store), process=worker, progress=progress)


def save_all(files: Iterable[tuple[str, bytes]], uploads_dir: Path) -> list[Path]:
    """Save several uploads (name, bytes) and return where each went."""
    return [save_upload(name, data, uploads_dir) for name, data in files]
