"""Who published a document, when, and under what title: from a sidecar, the file, or the text.

Precedence, field by field: the ``sources.csv`` sidecar beside the file, then what the format
stores (HTML head, Word or PDF properties), then guesses from the text's opening and closing
lines (``extraction.textmeta``). Dates are parsed strictly (``extraction.pubdate``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace

from atlas.records import Metadata
from extraction.formats import FileMeta
from extraction.pubdate import parse_date
from extraction.sidecar import SIDECAR, SIDECAR_COLUMNS, read_sidecar
from extraction.textmeta import from_text

__all__ = [
    "SIDECAR",
    "SIDECAR_COLUMNS",
    "Metadata",
    "from_text",
    "parse_date",
    "read_sidecar",
    "resolve",
]

_NO_FILE_META = FileMeta()
#: A file's title property that names the file, not the text: a document symbol or code
#: ("S/2024/92"), a file name, a word processor's "Microsoft Word - draft.docx", "Untitled".
_PLACEHOLDER_TITLE = re.compile(
    r"^\s*(?:\S+|Microsoft Word - .*|.*\.(?:docx?|pdf|txt|html?|rtf|odt)|untitled(?: document)?)\s*$",
    re.IGNORECASE,
)


def resolve(
    text: str,
    file_meta: FileMeta,
    sidecar_row: Mapping[str, str] | None,
    today: dt.date,
    warnings: list[str],
) -> Metadata:
    """Combine sidecar, file and text metadata, field by field in that order of trust (a
    file's title that only names the file gives way to the text's)."""
    guessed = from_text(text, today, warnings)
    if not sidecar_row and file_meta == _NO_FILE_META:  # a plain text file: the text alone
        return Metadata(
            title=guessed.title or None,
            source=guessed.source or None,
            author=guessed.author or None,
            published=guessed.published,
            published_precision=guessed.published_precision,
            url=guessed.url or None,
        )
    title = file_meta.title if file_meta.title and not _PLACEHOLDER_TITLE.match(file_meta.title) else None
    stored = Metadata(title=title, source=file_meta.source, author=file_meta.author, url=file_meta.url)
    if file_meta.published:
        parsed = parse_date(file_meta.published, today, warnings, "the file's properties")
        if parsed:
            stored = replace(stored, published=parsed[0], published_precision=parsed[1])
    row = sidecar_row or {}
    side = Metadata(
        title=row.get("title") or None,
        source=row.get("publication") or None,
        author=row.get("author") or None,
        url=row.get("url") or None,
    )
    if row.get("published"):
        parsed = parse_date(row["published"], today, warnings, SIDECAR)
        if parsed:
            side = replace(side, published=parsed[0], published_precision=parsed[1])
    merged = {}
    for name in ("title", "source", "author", "url"):
        merged[name] = next(
            (getattr(m, name) for m in (side, stored, guessed) if getattr(m, name)), None
        )
    dated = next((m for m in (side, stored, guessed) if m.published is not None), None)
    return Metadata(
        **merged,
        published=dated.published if dated else None,
        published_precision=dated.published_precision if dated else None,
    )
