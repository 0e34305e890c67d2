"""Readers for text, HTML and Word files: bytes in, plain text and the format's metadata out.

PDF is read in ``extraction.pdf``. Every reader raises ``FormatProblem`` (what is wrong, what to do) for files it cannot use;
``extraction.readers`` turns that into a ``FileProblem`` naming the file.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from extraction.encoding import BinaryData, decode, normalise

logger = logging.getLogger(__name__)

_MB = 1024 * 1024
# A real .docx compresses text about 5-10x; hundreds of times is a bomb, not a document.
_MAX_ZIP_RATIO = 200


class FormatProblem(Exception):
    """A file this format's reader cannot use."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class FileMeta:
    """Metadata a format stores beside the text (HTML head, Word properties)."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None
    """As the file gives it; parsed and checked by ``extraction.metadata``."""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Budget:
    """The limits one document must stay within (from ``atlas.settings.Settings``)."""

    max_bytes: int
    max_pages: int
    seconds: float
    started: float
    clock: Callable[[], float] = time.monotonic

    def check_time(self) -> None:
        """Raise ``FormatProblem`` once the document has used up its time."""
        if self.clock() - self.started > self.seconds:
            raise FormatProblem(
                f"reading took longer than the limit of {self.seconds:g} s per document",
                "raise ATLAS_SECONDS_PER_DOCUMENT (seconds_per_document) or split the file",
            )


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014:]\s+([^-|\u2013\u2014:]{2,60}?)\s*")


def read_text(data: bytes, budget: Budget) -> tuple[str, FileMeta]:
    """Plain text and Markdown: decode and normalise; the markup of .md is kept as written."""
    try:
        text, _ = decode(data)
    except BinaryData as err:
        raise FormatProblem(
            str(err), "check the file: save it as plain text or use its real extension"
        ) from err
    return text, FileMeta()


def read_html(data: bytes, budget: Budget) -> tuple[str, FileMeta]:
    """The main text of a web page (no navigation, scripts or styles) with its title, author, date."""
    import trafilatura

    try:
        html, _ = decode(data)
    except BinaryData as err:
        raise FormatProblem(str(err), "check the file: it is not a web page") from err
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    budget.check_time()
    # Entities decode only now ("&shy;" is a soft hyphen): the text is normalised as well.
    text = normalise(
        extracted.text if extracted is not None and extracted.text else _fallback_html_text(html)
    )
    if not text.strip() and html.strip():
        raise FormatProblem(
            "no readable text in the web page",
            "the page may be built by scripts, malformed or nested too deeply: open it in a "
            "browser, save it as text and add that",
        )
    if extracted is None:
        return text, FileMeta()
    return text, FileMeta(
        title=extracted.title or None,
        author=extracted.author or None,
        source=_outlet(html, extracted.title) or extracted.sitename or None,
        published=extracted.date or None,
        url=extracted.url or None,
    )


def _outlet(html: str, title: str | None) -> str | None:
    """The outlet a page's <title> names after its headline ("Blast kills 9 in Quetta - The
    Daily Frontier"): sites write their name there more often than in their metadata."""
    found = _TITLE_TAG.search(html, 0, 100_000)
    if not title or found is None:
        return None
    whole = " ".join(unescape(found.group(1)).split())
    if not whole.startswith(title):
        return None
    rest = _TITLE_SUFFIX.fullmatch(whole[len(title) :])
    return rest.group(1) if rest and len(rest.group(1).split()) <= 6 else None


def _fallback_html_text(html: str) -> str:
    """Visible text of a page too small for trafilatura: scripts and styles dropped, tags removed."""
    from lxml import html as lxml_html
    from lxml.html.clean import Cleaner

    try:
        tree = lxml_html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types on garbage; no text then
        return ""
    cleaned = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
    lines = (line.strip() for line in cleaned.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def check_zip(data: bytes, max_bytes: int) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking, from its directory alone, that it is not a bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise FormatProblem(
            "not a valid .docx (not a zip archive)",
            "open it in Word and save it again as .docx, or use its real extension",
        ) from err
    entries = archive.infolist()
    expanded = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    hint = "do not open this file; if it is genuine, raise ATLAS_MAX_FILE_MB (max_file_bytes)"
    if expanded > max_bytes:
        raise FormatProblem(
            f"zip bomb: the .docx would expand to {expanded / _MB:.0f} MB, over the limit of "
            f"{max_bytes / _MB:.0f} MB",
            hint,
        )
    if expanded > _MB and expanded > _MAX_ZIP_RATIO * max(packed, 1):
        raise FormatProblem(
            f"zip bomb: the .docx would expand to {expanded / _MB:.0f} MB from "
            f"{max(packed, 1) / 1024:.0f} KB ({expanded // max(packed, 1)}:1)",
            hint,
        )
    return archive


def read_docx(data: bytes, budget: Budget) -> tuple[str, FileMeta]:
    """Paragraphs and table cells of a Word document in reading order, with its title and author."""
    import docx
    from docx.table import Table

    archive = check_zip(data, budget.max_bytes)
    if "word/document.xml" not in archive.namelist():
        raise FormatProblem(
            "zip archive but not a Word document (no word/document.xml)",
            "use its real extension, or save it again from Word as .docx",
        )
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    blocks.append("\t".join(cell.text for cell in row.cells))
            else:
                blocks.append(block.text)
            if len(blocks) % 500 == 0:
                budget.check_time()
        props = document.core_properties
        meta = FileMeta(title=props.title or None, author=props.author or None)
    except FormatProblem:
        raise
    except Exception as err:  # python-docx/lxml raise many types on hostile files
        raise FormatProblem(
            f"damaged .docx ({type(err).__name__}: {err})", "open it in Word and save it again"
        ) from err
    return normalise("\n".join(blocks)), meta
