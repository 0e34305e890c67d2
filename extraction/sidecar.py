"""The ``sources.csv`` sidecar: metadata for the documents of a folder, one row per file.

Read once per folder and cached on the file's path, size and modification time; a broken
or oversized sidecar is ignored with a warning, never an error.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

SIDECAR = "sources.csv"
SIDECAR_COLUMNS = ("file", "title", "publication", "author", "published", "url", "note")
_MAX_SIDECAR_BYTES = 16 * 1024 * 1024


def read_sidecar(
    folder: str | os.PathLike[str], warnings: list[str]
) -> Mapping[str, Mapping[str, str]]:
    """The rows of ``folder/sources.csv`` by file name; empty when there is none or it is broken.

    The parsed file is cached on its path, size and modification time, so a folder of many
    documents reads its sidecar once.
    """
    # The same string pathlib's ``folder / SIDECAR`` gives, without its cost per document.
    path = SIDECAR if str(folder) == "." else os.path.join(folder, SIDECAR)
    # Most folders have no sidecar: os.access says so without the cost of an exception.
    # (It answers False for other errors too, but the folder was just read through.)
    if not os.access(path, os.F_OK):
        return {}
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return {}
    except OSError as err:
        warnings.append(f"{path}: unreadable sidecar ({err}); ignored")
        return {}
    if info.st_size > _MAX_SIDECAR_BYTES:
        warnings.append(
            f"{path}: sidecar larger than {_MAX_SIDECAR_BYTES // 1024 // 1024} MB; ignored"
        )
        return {}
    rows, problem = _load_sidecar(path, info.st_size, info.st_mtime_ns)
    if problem:
        warnings.append(problem)
    return rows


@lru_cache(maxsize=16)
def _load_sidecar(
    path: str, size: int, mtime_ns: int
) -> tuple[Mapping[str, Mapping[str, str]], str | None]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                return {}, f"{path}: no 'file' column; sidecar ignored"
            rows = {
                (row.get("file") or "").strip(): MappingProxyType(
                    {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
                )
                for row in reader
            }
            return MappingProxyType(rows), None
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        return {}, f"{path}: unreadable sidecar ({err}); ignored"
