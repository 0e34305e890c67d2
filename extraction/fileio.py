"""Small, frequent file-system chores done without the cost of Python's file objects.

Reading a document of a few kilobytes cost as much in ``pathlib`` and buffered file objects
as in everything done with its text; these do the same with string methods and a file
descriptor.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_descriptor(path: str, first: int, limit: int) -> bytes:
    """``first`` bytes of the file (fewer at its end), and up to ``limit`` if there are more."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        data = _read_up_to(fd, first)
        if len(data) == first:
            data += _read_up_to(fd, limit - first)
        return data
    finally:
        os.close(fd)


def _read_up_to(fd: int, size: int) -> bytes:
    """``size`` bytes, or all that is left; ``os.read`` may return less than asked."""
    data = os.read(fd, size)
    if len(data) in (0, size):
        return data
    chunks = [data]
    while size > (got := sum(map(len, chunks))) and (chunk := os.read(fd, size - got)):
        chunks.append(chunk)
    return b"".join(chunks)


def name_parts(name: str) -> tuple[str, str, str]:
    """``Path(name)``'s name, suffix and parent: by string methods for a plain path (pathlib
    costs as much as reading a small file), by pathlib for anything it would normalise."""
    if not name or name.startswith(".") or name.endswith("/") or "//" in name or "/." in name:
        where = Path(name)
        return where.name, where.suffix, str(where.parent)
    folder, slash, base = name.rpartition("/")
    dot = base.rfind(".")
    suffix = base[dot:] if 0 < dot < len(base) - 1 else ""
    return base, suffix, folder if folder else "/" if slash else "."
