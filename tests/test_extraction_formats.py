"""The per-format readers on small files made for each test."""

from __future__ import annotations

import io
import zipfile

import pytest

from extraction.formats import (
    Budget,
    FormatProblem,
    check_zip,
    read_docx,
    read_html,
    read_text,
)
from tests.hostile_corpus import (
    ARTICLE,
    html_page,
    word_document,
    zip_bomb,
)

_MB = 1024 * 1024


def budget(max_bytes: int = 64 * _MB, max_pages: int = 500, seconds: float = 120.0, clock=None):
    return Budget(max_bytes, max_pages, seconds, started=0.0, clock=clock or (lambda: 0.0))


def test_markdown_keeps_its_markup_so_offsets_match_the_file():
    text, meta = read_text(b"# Title\r\n\r\n*Khost* attack\r\n", budget())
    assert text == "# Title\n\n*Khost* attack\n"
    assert meta.title is None


def test_docx_paragraphs_tables_and_properties():
    data = word_document(["First paragraph.", "Second paragraph."], title="T", author="A. B.")
    text, meta = read_docx(data, budget())
    assert text.splitlines()[:3] == ["First paragraph.", "Second paragraph.", "Location\tJalalabad"]
    assert (meta.title, meta.author) == ("T", "A. B.")


def test_zip_bomb_is_caught_from_the_directory_by_size_limit():
    # Only 3 MB expanded, but the limit here is 2 MB: refused without inflating anything.
    with pytest.raises(FormatProblem, match="zip bomb: .* 3 MB, over the limit of 2 MB"):
        check_zip(zip_bomb(3), max_bytes=2 * _MB)


def test_zip_bomb_is_caught_by_compression_ratio_under_the_size_limit():
    with pytest.raises(FormatProblem, match=r"zip bomb: .* 5 MB from \d+ KB \(\d+:1\)"):
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


def test_the_outlet_after_the_headline_in_the_title_is_the_source():
    head = (
        "<title>Blast kills 9 in Quetta - The Daily Frontier</title>"
        "<meta property='og:title' content='Blast kills 9 in Quetta'>"
        "<link rel='canonical' href='https://dailyfrontier.example.pk/news/quetta-blast'>"
    )
    body = f"<article><h1>Blast kills 9 in Quetta</h1><p>{ARTICLE}</p></article>"
    _, meta = read_html(html_page(body, head), budget())
    assert (meta.title, meta.source) == ("Blast kills 9 in Quetta", "The Daily Frontier")


def test_every_reader_drops_invisible_word_breaks():
    page = html_page(f"<article><p>{ARTICLE} Kara&shy;chi and Pesha\u200bwar.</p></article>")
    assert "Karachi and Peshawar." in read_html(page, budget())[0]
    text, _ = read_docx(word_document(["Kara\u00adchi and Pesha\u200bwar."]), budget())
    assert text.startswith("Karachi and Peshawar.")


def test_tiny_html_falls_back_to_visible_text_without_scripts():
    page = html_page("<p>Short note on Kabul.</p><script>alert('x')</script><style>b{}</style>")
    text, _ = read_html(page, budget())
    assert text == "Short note on Kabul."


def test_html_text_is_plain_even_with_escaped_markup_in_the_source():
    page = html_page(f"<article><p>{ARTICLE} &lt;script&gt;alert(1)&lt;/script&gt;</p></article>")
    text, _ = read_html(page, budget())
    # Escaped markup is text the author wrote: kept as characters, never as a tag.
    assert "<script>alert(1)</script>" in text
