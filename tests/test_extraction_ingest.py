import dataclasses

import pytest

from atlas.records import FileProblem
from atlas.store import EventStore
from extraction.ingest import IngestReport, file_hash, ingest, prune, remove
from tests.ingest_fakes import CopyFinder, list_files, process


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("TTP@Khost\nAQIS@Karachi\n")
    (docs / "b.txt").write_text("LeT@Faisalabad\n")
    return docs


@pytest.fixture
def store(tmp_path):
    return EventStore(tmp_path / "atlas.gpkg")


def run(paths, store, **kwargs) -> IngestReport:
    kwargs.setdefault("duplicates", CopyFinder())
    return ingest(paths, store, process=process, lister=list_files, **kwargs)


def test_ingest_adds_documents_and_their_events(folder, store):
    report = run([folder], store)
    assert report.added == ("a.txt", "b.txt")
    assert report.events == 3
    assert sorted(store.events()["place"]) == ["Faisalabad", "Karachi", "Khost"]
    assert "2 added" in report.summary()


def test_ingesting_the_same_folder_twice_changes_nothing(folder, store):
    run([folder], store)
    before = store.path.read_bytes()
    report = run([folder], store)
    assert report.unchanged == ("a.txt", "b.txt") and not report.added
    assert store.path.read_bytes() == before


def test_a_changed_file_replaces_its_own_rows_only(folder, store):
    run([folder], store)
    old_hash = file_hash(folder / "a.txt")
    (folder / "a.txt").write_text("IS-K@Nangarhar\n")
    report = run([folder], store)
    assert report.replaced == ("a.txt",) and report.unchanged == ("b.txt",)
    events = store.events()
    assert sorted(events["place"]) == ["Faisalabad", "Nangarhar"]
    assert old_hash not in set(store.documents()["doc_hash"])


def test_an_unreadable_file_is_reported_and_the_rest_ingested(folder, store):
    (folder / "c.txt").write_text("BAD bytes")
    report = run([folder], store)
    assert [p.path for p in report.problems] == [str(folder / "c.txt")]
    assert report.added == ("a.txt", "b.txt")


def test_a_file_that_turns_unreadable_keeps_its_earlier_rows(folder, store):
    run([folder], store)
    (folder / "b.txt").write_text("BAD now")
    report = run([folder], store)
    assert len(report.problems) == 1
    assert "Faisalabad" in set(store.events()["place"])


def test_lister_problems_are_reported(folder, store):
    def lister(paths):
        yield from list_files(paths)
        yield FileProblem("gone.txt", "vanished while the folder was read", "")

    report = ingest([folder], store, process=process, lister=lister, duplicates=CopyFinder())
    assert [p.path for p in report.problems] == ["gone.txt"]


def test_an_identical_copy_elsewhere_is_a_duplicate_not_a_new_document(folder, store, tmp_path):
    run([folder], store)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "a-copy.txt").write_bytes((folder / "a.txt").read_bytes())
    report = run([other], store)
    assert report.duplicates == (("a-copy.txt", "a.txt"),)
    assert len(store.documents()) == 2


def test_near_duplicate_is_stored_but_its_events_not_counted(folder, store):
    (folder / "c.txt").write_text("COPY a.txt\nTTP@Khost\n")
    report = run([folder], store)
    assert report.duplicates == (("c.txt", "a.txt"),)
    assert report.events == 3
    docs = store.documents().set_index("doc_id")
    assert docs.loc["c.txt", "duplicate_of"] == docs.loc["a.txt", "doc_hash"]
    assert len(store.events()) == 3
    assert len(store.events(include_duplicates=True)) == 4


def test_stored_documents_teach_the_duplicate_finder(folder, store):
    run([folder], store)
    finder = CopyFinder()
    (folder / "c.txt").write_text("COPY b.txt\n")
    report = run([folder], store, duplicates=finder)
    assert {"a.txt", "b.txt"} <= set(finder.seen)
    assert report.duplicates == (("c.txt", "b.txt"),)


def test_progress_is_reported_and_each_commit_is_visible(folder, store):
    seen = []

    def progress(done, total, name):
        seen.append((done, total, name, len(EventStore(store.path).documents())))

    run([folder], store, progress=progress, commit_seconds=0)
    assert seen == [(1, 2, "a.txt", 1), (2, 2, "b.txt", 2)]


def test_prune_and_remove(folder, store):
    run([folder], store)
    (folder / "a.txt").unlink()
    assert prune(store) == ["a.txt"]
    removed, missing = remove(store, ["b.txt", "nope"])
    assert removed == ["b.txt"] and missing == ["nope"]
    assert store.is_empty()


def _upgraded(path):
    """``process`` after an upgrade: the same files give other places."""
    found = process(path)
    if isinstance(found, FileProblem):
        return found
    events = tuple(dataclasses.replace(e, place=e.place.upper()) for e in found.events)
    return dataclasses.replace(found, events=events)


def test_refresh_extracts_unchanged_files_again_and_replaces_their_rows(folder, store):
    run([folder], store)
    plain = ingest([folder], store, process=_upgraded, lister=list_files, duplicates=CopyFinder())
    assert plain.unchanged == ("a.txt", "b.txt")
    assert sorted(store.events()["place"]) == ["Faisalabad", "Karachi", "Khost"]
    report = ingest(
        [folder], store, process=_upgraded, lister=list_files, duplicates=CopyFinder(),
        refresh=True,
    )  # fmt: skip
    assert report.refreshed == ("a.txt", "b.txt") and not report.added and not report.unchanged
    assert "2 refreshed" in report.summary() and report.events == 3
    assert sorted(store.events()["place"]) == ["FAISALABAD", "KARACHI", "KHOST"]
    assert len(store.documents()) == 2


def test_refresh_keeps_the_rows_of_a_file_that_can_no_longer_be_read(folder, store):
    run([folder], store)

    def broken(path):
        return FileProblem(str(path), "fake: the new parser fails", "report it")

    report = ingest([folder / "a.txt"], store, process=broken, lister=list_files, refresh=True)
    assert [p.reason for p in report.problems] == ["fake: the new parser fails"]
    assert sorted(store.events()["place"]) == ["Faisalabad", "Karachi", "Khost"]


def test_a_refreshed_original_is_no_copy_of_itself_and_its_copy_stays_one(tmp_path, store):
    docs = tmp_path / "copies"
    docs.mkdir()
    story = " ".join(f"TTP@Khost word{i} militants crossed the border again" for i in range(40))
    (docs / "a.txt").write_text(story)
    (docs / "b.txt").write_text(story + " and one more line")
    ingest([docs], store, process=process, lister=list_files)
    report = ingest([docs], store, process=process, lister=list_files, refresh=True)
    assert report.refreshed == ("a.txt", "b.txt")
    docs_now = store.documents()
    copies = dict(zip(docs_now["doc_id"], docs_now["duplicate_of"], strict=True))
    assert not isinstance(copies["a.txt"], str)  # missing: no copy of anything
    assert copies["b.txt"] == file_hash(docs / "a.txt")
