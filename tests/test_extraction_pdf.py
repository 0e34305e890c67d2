"""PDF reading on PDFs assembled for each test."""

from __future__ import annotations

import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extraction.formats import Budget, FormatProblem
from extraction.pdf import (
    join_hyphenated,
    pdfplumber_pages,
    pypdf_pages,
    read_pdf,
    without_running_heads,
)
from tests.hostile_corpus import encrypted_pdf, image_pdf, text_pdf

_MB = 1024 * 1024


def budget(max_pages: int = 500, seconds: float = 120.0, clock=None):
    return Budget(64 * _MB, max_pages, seconds, started=0.0, clock=clock or (lambda: 0.0))


def test_pdf_pages_are_read_in_order():
    text, _ = read_pdf(text_pdf([["first page"], ["second page"], ["third page"]]), budget())
    assert text.index("first") < text.index("second") < text.index("third")


def test_words_hyphenated_at_a_lines_end_are_whole_again():
    lines = ["Attacks in Wazi-", "ristan and Khyber-", "Pakhtunkhwa rose."]
    text, _ = read_pdf(text_pdf([lines]), budget())
    assert "Waziristan" in text and "Khyber-\nPakhtunkhwa" in text


def test_running_heads_and_page_numbers_are_kept_once():
    head = "CTC SENTINEL | JUNE 2021"
    pages = [[head, f"Attacks in {town} rose.", f"Page {n} of 3"] for n, town in
             enumerate(["Quetta", "Karachi", "Lahore"], start=1)]  # fmt: skip
    text, _ = read_pdf(text_pdf(pages), budget())
    assert text.count(head) == 1 and text.count("Page") == 1
    assert all(f"Attacks in {town} rose." in text for town in ("Quetta", "Karachi", "Lahore"))


def test_short_documents_and_lines_that_do_not_recur_are_left_alone():
    two = ["Peshawar report\nThe TTP", "Peshawar report\nstruck."]
    assert without_running_heads(two) == two
    pages = ["A\nQuetta one\nB", "C\nKarachi two\nD", "E\nLahore three\nF"]
    assert without_running_heads(pages) == pages


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Wazi-\nristan", "Waziristan"),
        ("Wazi-  \n  ristan", "Waziristan"),
        ("Wazi\u00ad\nristan and hy\u00adphen", "Waziristan and hyphen"),
        ("Khyber-\nPakhtunkhwa", "Khyber-\nPakhtunkhwa"),
        ("in 2014-\n2015", "in 2014-\n2015"),
        ("a dash -\nand more", "a dash -\nand more"),
        ("a dash--\nand more", "a dash--\nand more"),
        ("Wazi-\u00ad\nristan", "Waziristan"),
    ],
)
def test_join_hyphenated(text, joined):
    assert join_hyphenated(text) == joined


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


def test_title_and_author_come_from_the_document_information():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([["body text"]]))))
    writer.add_metadata({"/Title": "Monitoring report", "/Author": "Team B"})
    out = io.BytesIO()
    writer.write(out)
    _, meta = read_pdf(out.getvalue(), budget())
    assert (meta.title, meta.author) == ("Monitoring report", "Team B")


def test_second_reader_takes_over_when_the_first_fails():
    def broken(data, budget):
        raise KeyError("/Contents")

    text, _ = read_pdf(text_pdf([["rescued text"]]), budget(), (broken, pdfplumber_pages))
    assert text == "rescued text"


def test_all_readers_failing_is_a_damaged_pdf():
    def broken(data, budget):
        raise ValueError("bad stream")

    with pytest.raises(FormatProblem, match=r"damaged PDF \(ValueError: bad stream\)"):
        read_pdf(text_pdf([["x"]]), budget(), (broken,))


def test_both_readers_agree_on_a_simple_page():
    data = text_pdf([["Khost and Paktia"]])
    assert (
        pypdf_pages(data, budget())[0]
        == pdfplumber_pages(data, budget())[0]
        == ["Khost and Paktia"]
    )


_page_lines = st.lists(st.sampled_from(["CTC SENTINEL", "Page 1", "Page 2", "Quetta", "Karachi", ""]),
                       max_size=6)  # fmt: skip


@given(st.lists(_page_lines.map("\n".join), min_size=1, max_size=6))
def test_running_heads_only_ever_drop_lines_after_the_first_page(pages):
    kept = without_running_heads(pages)
    assert len(kept) == len(pages) and kept[0] == pages[0]
    for before, after in zip(pages[1:], kept[1:], strict=True):
        assert _subsequence(_lines(after), _lines(before))


@example("K- \u00ad\na")  # a soft hyphen among the spaces after the hyphen
@given(st.text(alphabet="ab-\u00ad \nK", max_size=40))
def test_joining_hyphenated_words_is_idempotent_and_only_drops_characters(text):
    joined = join_hyphenated(text)
    assert join_hyphenated(joined) == joined
    assert _subsequence(joined, text)


def _lines(page: str) -> list[str]:
    return page.strip().split("\n") if page.strip() else []


def _subsequence(part, whole) -> bool:
    """Whether ``part`` is ``whole`` with some items left out."""
    items = iter(whole)
    return all(any(item == wanted for item in items) for wanted in part)
