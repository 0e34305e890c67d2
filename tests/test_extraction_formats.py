"""The per-format readers on small files made for each test."""

from __future__ import annotations

import io
import zipfile

import pytest

from extraction.formats import (
    READERS,
    Budget,
    FormatProblem,
    check_zip,
    read_docx,
    read_html,
    read_pdf,
    read_text,
)
from tests.hostile_corpus import (
    ARTICLE,
    encrypted_pdf,
    html_page,
    image_pdf,
    text_pdf,
    word_document,
    zip_bomb,
)

_MB = 1024 * 1024


def budget(max_bytes: int = 64 * _MB, max_pages: int = 500, seconds: float = 120.0, clock=None):
    return Budget(max_bytes, max_pages, seconds, started=0.0, clock=clock or (lambda: 0.0))


def test_every_supported_extension_has_a_reader():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= set(READERS)


def test_markdown_keeps_its_markup_so_offsets_match_the_file():
    text, meta = read_text(b"# Title\r\n\r\n*Khost* attack\r\n", budget())
    assert text == "# Title\n\n*Khost* attack\n"
    assert meta.title is None


def test_pdf_pages_are_read_in_order():
    text, _ = read_pdf(text_pdf([["first page"], ["second page"], ["third page"]]), budget())
    assert text.index("first") < text.index("second") < text.index("third")


def test_pdf_over_the_page_limit_names_the_setting():
    with pytest.raises(FormatProblem) as err:
        read_pdf(text_pdf([["a"], ["b"]]), budget(max_pages=1))
    assert "2 pages" in err.value.reason and "ATLAS_MAX_PDF_PAGES" in err.value.hint


def test_pdf_with_a_user_password_is_refused_with_the_advice():
    with pytest.raises(FormatProblem) as err:
        read_pdf(encrypted_pdf(text_pdf([["secret text"]]), "pw"), budget())
    assert err.value.hint == "encrypted PDF: remove the password and add it again"


def test_pdf_with_only_an_owner_password_is_read():
    text, _ = read_pdf(encrypted_pdf(text_pdf([["open text"]]), "", "owner"), budget())
    assert "open text" in text


def test_image_only_pdf_has_no_text_layer():
    with pytest.raises(FormatProblem, match="no text layer, OCR not available"):
        read_pdf(image_pdf(), budget())


def test_truncated_pdf_is_refused_before_parsing():
    pdf = text_pdf([["some text"]])
    with pytest.raises(FormatProblem, match="truncated"):
        read_pdf(pdf[:-20], budget())


def test_slow_pdf_stops_at_the_time_limit():
    ticks = iter(range(0, 10_000, 100))
    with pytest.raises(FormatProblem) as err:
        read_pdf(text_pdf([["a"], ["b"], ["c"]]), budget(seconds=150, clock=lambda: next(ticks)))
    assert "ATLAS_SECONDS_PER_DOCUMENT" in err.value.hint


def test_docx_paragraphs_tables_and_properties():
    data = word_document(["First paragraph.", "Second paragraph."], title="T", author="A. B.")
    text, meta = read_docx(data, budget())
    assert text.splitlines()[:3] == ["First paragraph.", "Second paragraph.", "Location\tJalalabad"]
    assert (meta.title, meta.author) == ("T", "A. B.")


def test_zip_bomb_is_caught_from_the_directory_by_size_limit():
    # Only 3 MB expanded, but the limit here is 2 MB: refused without inflating anything.
    with pytest.raises(FormatProblem, match="zip bomb"):
        check_zip(zip_bomb(3), max_bytes=2 * _MB)


def test_zip_bomb_is_caught_by_compression_ratio_under_the_size_limit():
    with pytest.raises(FormatProblem, match="zip bomb"):
        read_docx(zip_bomb(5), budget())


def test_ordinary_docx_passes_the_zip_checks():
    archive = check_zip(word_document([ARTICLE * 20]), max_bytes=_MB)
    assert "word/document.xml" in archive.namelist()


def test_docx_that_is_a_zip_of_something_else():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(FormatProblem, match="not a Word document"):
        read_docx(out.getvalue(), budget())


def test_html_main_text_and_metadata():
    head = (
        "<title>Raid in Paktia</title><meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2020-05-06'>"
    )
    body = f"<nav><a href='/'>Home page link</a></nav><article><p>{ARTICLE}</p></article>"
    text, meta = read_html(html_page(body, head), budget())
    assert ARTICLE in text and "Home page link" not in text
    assert (meta.title, meta.author, meta.published) == ("Raid in Paktia", "Jane Roe", "2020-05-06")


def test_tiny_html_falls_back_to_visible_text_without_scripts():
    page = html_page("<p>Short note on Kabul.</p><script>alert('x')</script><style>b{}</style>")
    text, _ = read_html(page, budget())
    assert text == "Short note on Kabul."


def test_html_text_is_plain_even_with_escaped_markup_in_the_source():
    page = html_page(f"<article><p>{ARTICLE} &lt;script&gt;alert(1)&lt;/script&gt;</p></article>")
    text, _ = read_html(page, budget())
    # Escaped markup is text the author wrote: kept as characters, never as a tag.
    assert "<script>alert(1)</script>" in text
