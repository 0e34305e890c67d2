"""The text layer of PDF files, with the checks that keep hostile PDFs out.

pypdf reads the text (pure Python, and about 13 times faster than pdfplumber on a 50-page
bench file); when pypdf fails on a file, pdfplumber (pdfminer) gets a second try, since the
two parsers break on different damage.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Callable

from extraction.encoding import normalise, sniff_binary
from extraction.formats import Budget, FileMeta, FormatProblem

logger = logging.getLogger(__name__)

_MIN_PAGES = 3
_EDGE_LINES = 2
_DIGITS = re.compile(r"\d+")
_LINE_END_HYPHEN = re.compile(
    r"(?<=[^\W\d_])(?:-\u00ad*|\u00ad+-?)[ \t\u00ad]*\n[ \t\u00ad]*(?=[a-z])|\u00ad"
)
#: A soft hyphen that does not end a line: an invisible break hint, dropped first.
_INNER_SOFT_HYPHEN = re.compile(r"\u00ad(?![ \t]*\n)")

_NO_TEXT = FormatProblem(
    "scanned PDF: no text layer, OCR not available",
    "run OCR on it (e.g. ocrmypdf) and add the result, or add a text version",
)


def _damaged(err: Exception) -> FormatProblem:
    return FormatProblem(
        f"damaged PDF ({type(err).__name__}: {err})", "get a fresh copy of the file"
    )


def _check_bytes(data: bytes) -> None:
    """Refuse files that are not PDFs, or that were cut off, before any parser sees them."""
    if b"%PDF-" not in data[:1024]:
        what = sniff_binary(data)
        raise FormatProblem(
            f"not a PDF (it looks like {what or 'text or an unknown format'})",
            "use the file's real extension",
        )
    if b"%%EOF" not in data[-4096:]:
        raise FormatProblem(
            "truncated or damaged PDF (no end-of-file marker)",
            "the file was probably cut off while copying or downloading: get a fresh copy",
        )


def pypdf_pages(data: bytes, budget: Budget) -> tuple[list[str], FileMeta]:
    """Text of each page, and the title and author, with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    texts = []
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        budget.check_time()
    info = reader.metadata
    return texts, FileMeta(title=_clean(info and info.title), author=_clean(info and info.author))


def pdfplumber_pages(data: bytes, budget: Budget) -> tuple[list[str], FileMeta]:
    """Text of each page with pdfplumber (pdfminer), which survives other damage than pypdf."""
    import pdfplumber

    texts: list[str] = []
    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
            budget.check_time()
    return texts, FileMeta()


Extractor = Callable[[bytes, Budget], tuple[list[str], FileMeta]]


def _count_pages(data: bytes) -> int:
    """The number of pages; refuses files that need a password."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatProblem(
                "encrypted PDF", "encrypted PDF: remove the password and add it again"
            )
        return len(reader.pages)
    except FormatProblem:
        raise
    except Exception as err:  # pypdf raises many types on hostile files
        raise _damaged(err) from err


def read_pdf(
    data: bytes,
    budget: Budget,
    extractors: tuple[Extractor, ...] = (pypdf_pages, pdfplumber_pages),
) -> tuple[str, FileMeta]:
    """The text layer of a PDF; refuses encrypted, damaged, oversized and image-only files.

    ``extractors`` are tried in turn until one reads the file without an error.
    """
    _check_bytes(data)
    pages = _count_pages(data)
    if pages > budget.max_pages:
        raise FormatProblem(
            f"PDF has {pages} pages, over the limit of {budget.max_pages}",
            "raise ATLAS_MAX_PDF_PAGES (max_pdf_pages) or split the file",
        )
    error: Exception | None = None
    for extract in extractors:
        try:
            texts, meta = extract(data, budget)
            break
        except FormatProblem:
            raise
        except Exception as err:  # noqa: BLE001 - parsers raise anything on hostile streams
            logger.info("%s failed (%s: %s)", extract.__name__, type(err).__name__, err)
            error = err
    else:
        raise _damaged(error or ValueError("no PDF reader available"))
    text = "\n\n".join(t.strip() for t in without_running_heads(texts))
    if not text.strip():
        raise _NO_TEXT
    return normalise(join_hyphenated(text)), meta


def without_running_heads(pages: list[str]) -> list[str]:
    """``pages`` without the running heads and feet of the second page on: a line among a
    page's first or last ``_EDGE_LINES`` that recurs (its digits aside: "Page 3 of 12") at
    the edge of at least half the pages of a document of ``_MIN_PAGES`` or more. A
    publication's name or a report's title repeated on every page is no new mention of the
    places in it; the first page keeps its copy (the title)."""
    if len(pages) < _MIN_PAGES:
        return pages
    lines = [page.strip().split("\n") for page in pages]
    counts = Counter(key for page in lines for key in {_line_key(line) for line in _edge(page)})
    running = {key for key, count in counts.items() if key and count * 2 >= len(pages)}
    if not running:
        return pages
    kept = [pages[0]]
    for page in lines[1:]:
        edge = set(range(_EDGE_LINES)) | set(range(len(page) - _EDGE_LINES, len(page)))
        kept.append(
            "\n".join(
                line
                for i, line in enumerate(page)
                if not (i in edge and _line_key(line) in running)
            )
        )
    return kept


def _edge(lines: list[str]) -> list[str]:
    """A page's first and last ``_EDGE_LINES`` lines."""
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def join_hyphenated(text: str) -> str:
    """Words a justified layout hyphenated at a line's end made whole again ("Wazi-" then
    "ristan" is "Waziristan"): a hyphen or soft hyphen ending a line between a letter and
    a lower-case letter. A capital after it keeps the hyphen and the line break
    ("Khyber-" then "Pakhtunkhwa")."""
    return _LINE_END_HYPHEN.sub("", _INNER_SOFT_HYPHEN.sub("", text))


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
