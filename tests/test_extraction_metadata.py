"""Metadata from sidecars, file properties and the text, merged field by field."""

from __future__ import annotations

import datetime as dt

from extraction.formats import FileMeta
from extraction.metadata import Metadata, read_sidecar, resolve

TODAY = dt.date(2025, 6, 30)
BODY = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the "
    "fighters withdrew across the border before dawn according to residents of the area.\n"
)


def test_sidecar_wins_field_by_field(tmp_path):
    (tmp_path / "sources.csv").write_text(
        "file,title,publication,author,published,url,note\n"
        "a.txt,Sidecar title,Sidecar Paper,,2020-05,,n\n",
        encoding="utf-8",
    )
    warnings: list[str] = []
    row = read_sidecar(tmp_path, warnings)["a.txt"]
    text = "Text title here\n\nBy Jane Roe\n\n1 January 2019\n\n" + BODY
    meta = resolve(text, FileMeta(title="File title", url="https://x.org/a"), row, TODAY, warnings)
    assert meta == Metadata(
        title="Sidecar title",
        source="Sidecar Paper",
        author="Jane Roe",
        published=dt.date(2020, 5, 1),
        published_precision="month",
        url="https://x.org/a",
    )
    assert warnings == []


def test_file_properties_win_over_text_guesses():
    meta = resolve(
        "Text title here\n\n" + BODY,
        FileMeta(title="Property title", published="2018-02-03"),
        None,
        TODAY,
        [],
    )
    assert (meta.title, meta.published) == ("Property title", dt.date(2018, 2, 3))


def test_bad_sidecar_date_falls_back_to_the_text_with_a_warning():
    warnings: list[str] = []
    meta = resolve(
        "Title of the report\n\nJune 2021\n\n" + BODY,
        FileMeta(),
        {"published": "soon"},
        TODAY,
        warnings,
    )
    assert (meta.published, meta.published_precision) == (dt.date(2021, 6, 1), "month")
    assert any("soon" in w for w in warnings)


def test_missing_or_broken_sidecars(tmp_path):
    warnings: list[str] = []
    assert read_sidecar(tmp_path, warnings) == {}
    (tmp_path / "sources.csv").write_text("name,title\nx,y\n", encoding="utf-8")
    assert read_sidecar(tmp_path, warnings) == {}
    assert "no 'file' column" in warnings[0]
    (tmp_path / "sources.csv").write_bytes(b"file,title\n\xff\xfe,x\n")
    assert read_sidecar(tmp_path, warnings) == {}
    assert "unreadable sidecar" in warnings[1]


def test_sidecar_is_read_again_when_it_changes(tmp_path):
    sidecar = tmp_path / "sources.csv"
    sidecar.write_text("file,title\na.txt,First\n", encoding="utf-8")
    assert read_sidecar(tmp_path, [])["a.txt"]["title"] == "First"
    sidecar.write_text("file,title\na.txt,Second title\n", encoding="utf-8")
    assert read_sidecar(tmp_path, [])["a.txt"]["title"] == "Second title"


def test_a_file_title_that_only_names_the_file_gives_way_to_the_text():
    text = "Thirty-third report of the Monitoring Team\n\n29 January 2024\n\n" + BODY
    for placeholder in ("S/2024/92", "Microsoft Word - draft.docx", "report.pdf", "Untitled"):
        meta = resolve(text, FileMeta(title=placeholder), None, TODAY, [])
        assert meta.title == "Thirty-third report of the Monitoring Team"
    kept = resolve(text, FileMeta(title="The report as filed"), None, TODAY, [])
    assert kept.title == "The report as filed"
