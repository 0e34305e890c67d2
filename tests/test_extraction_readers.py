"""read_document and iter_files: the seeds, folders, vanished files and a round-trip property."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.records import FileProblem
from atlas.settings import Settings
from extraction.dedup import Deduplicator
from extraction.encoding import normalise
from extraction.readers import UnreadableFile, iter_files, read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str):
    return read_document(next(SEEDS.glob(f"{prefix}_*.txt")), Settings())


def kinds(document) -> set[str]:
    return {section.kind for section in document.sections}


def test_document_identity_fields():
    path = next(SEEDS.glob("003_*.txt"))
    document = read_document(str(path), Settings())
    assert document.doc_id == path.name
    assert document.path == str(path)
    assert document.doc_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.language == "en"


def test_seed_000_date_and_url():
    document = seed("000")
    assert document.title == "An offshoot of al-Qaeda is regrouping in Pakistan"
    assert (document.published, document.published_precision) == (dt.date(2016, 6, 3), "day")
    assert document.url.startswith("https://www.washingtonpost.com/")
    assert {"credit", "related"} <= kinds(document)


def test_seed_001_title_source_and_continue():
    document = seed("001")
    assert document.title == "An Offshoot of al-Qaeda has Begun Regrouping in Pakistan"
    assert (document.author, document.source) == ("Tim Craig", "The Washington Post")
    assert document.published is None
    assert {"credit", "continue"} <= kinds(document)


def test_seed_002_month_precision_and_bibliography():
    document = seed("002")
    assert document.title == "Pakistani Jihadis and Global Jihad"
    assert (document.published, document.published_precision) == (dt.date(2021, 6, 1), "month")
    assert "bibliography" in kinds(document)


def test_seed_003_day_notes_and_about_the_author():
    document = seed("003")
    assert document.title == "The Islamic State In Pakistan"
    assert (document.published, document.published_precision) == (dt.date(2016, 9, 27), "day")
    about = [
        s for s in document.sections if document.text[s.start :].startswith("About the Author")
    ]
    assert "notes" in kinds(document) and about and about[0].kind == "boilerplate"


def test_seed_004_byline_block():
    document = seed("004")
    assert (document.author, document.source) == ("Michael Hughes", "AOPNEWS")
    assert (document.published, document.published_precision) == (dt.date(2023, 7, 29), "day")
    assert document.title is None


def test_seed_metadata_from_the_text_alone_matches_the_sidecar(tmp_path):
    # Without sources.csv the text still yields what 002, 003 and 004 print in their openings.
    for prefix in ("002", "003", "004"):
        shutil.copy(next(SEEDS.glob(f"{prefix}_*.txt")), tmp_path)
    documents = {p.name[:3]: read_document(p, Settings()) for p in sorted(tmp_path.iterdir())}
    assert documents["002"].published_precision == "month"
    assert documents["003"].published == dt.date(2016, 9, 27)
    assert (documents["004"].author, documents["004"].source) == ("Michael Hughes", "AOPNEWS")


def test_seed_001_is_read_as_a_near_copy_of_000():
    dedup = Deduplicator()
    original, copy = seed("000"), seed("001")
    assert dedup.add(original) is None
    assert dedup.add(copy) == original.doc_hash


def test_missing_file_is_reported_as_vanished(tmp_path):
    with pytest.raises(UnreadableFile) as err:
        read_document(tmp_path / "gone.txt", Settings())
    assert err.value.problem.reason.startswith("file vanished")
    assert err.value.problem.path == str(tmp_path / "gone.txt")


def test_permission_error_from_the_opener(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text about Kabul.", encoding="utf-8")

    def refuse(name, mode):
        raise PermissionError(13, "Permission denied", name)

    with pytest.raises(UnreadableFile, match="permission denied"):
        read_document(path, Settings(), opener=refuse)


def test_a_file_that_grew_after_stat_is_read_whole_or_refused_over_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Short.", encoding="utf-8")
    grown = b"Militants were seen in Kabul. " * 100  # what the file holds when it is opened

    def opener(name, mode):
        return io.BytesIO(grown)

    assert read_document(path, Settings(), opener=opener).text == grown.decode()
    small = Settings(max_file_bytes=len(grown) - 1)
    with pytest.raises(UnreadableFile, match="grew over the limit"):
        read_document(path, small, opener=opener)


def test_unreadable_file_message_names_file_reason_and_hint(tmp_path):
    path = tmp_path / "x.rtf"
    path.write_text("{\\rtf1}", encoding="utf-8")
    with pytest.raises(UnreadableFile) as err:
        read_document(path, Settings())
    assert str(err.value) == str(err.value.problem)
    assert (
        str(path) in str(err.value)
        and ".rtf" in str(err.value)
        and ".docx" in err.value.problem.hint
    )


def test_iter_files_walks_sorted_and_skips_hidden_and_sidecar(tmp_path):
    skipped = [".hidden.txt", "~$lock.docx", "sources.csv", ".git/x.txt", "README.md", "LICENSE"]
    for name in ["b.txt", "a.md", "sub/c.pdf", "readme-notes.txt", *skipped]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_files([tmp_path, tmp_path / "b.txt"]))
    names = [os.path.relpath(p, tmp_path) for p in found]
    assert names == ["a.md", "b.txt", "readme-notes.txt", os.path.join("sub", "c.pdf"), "b.txt"]
    assert list(iter_files([tmp_path / "README.md"])) == [tmp_path / "README.md"]


def test_iter_files_reports_missing_paths_and_files_deleted_during_the_walk(tmp_path):
    (tmp_path / "kept.txt").write_text("x", encoding="utf-8")

    def listing_with_a_ghost(path):
        # The folder listed a file that was deleted before it could be looked at.
        return os.listdir(path) + ["deleted.txt"]

    found = list(iter_files([tmp_path, tmp_path / "nowhere"], listdir=listing_with_a_ghost))
    assert found == [
        FileProblem(
            str(tmp_path / "deleted.txt"),
            "file vanished while the folder was read",
            "it was moved or deleted while being read; add it again if it is still needed",
        ),
        tmp_path / "kept.txt",
        FileProblem(str(tmp_path / "nowhere"), "no such file or folder", "check the path"),
    ]


def test_iter_files_reports_unlistable_folders_and_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link.txt").symlink_to(target)

    def refuse(path):
        if path.endswith("sub"):
            raise PermissionError(13, "Permission denied", path)
        return os.listdir(path)

    found = list(iter_files([tmp_path], listdir=refuse))
    assert found[0] == target
    assert found[1].reason.startswith("cannot list the folder")
    linked = list(iter_files([tmp_path]))
    assert linked[1].reason == "symbolic link skipped"


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_text_reads_back_the_same(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(text.encode("utf-8"))
        expected = normalise(text)
        if not expected.strip():
            with pytest.raises(UnreadableFile, match="empty file"):
                read_document(path, Settings())
            return
        document = read_document(path, Settings())
        assert document.text == expected
        for section in document.sections:
            assert 0 <= section.start < section.end <= len(document.text)
