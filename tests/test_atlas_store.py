import dataclasses

import pyogrio
import pytest

from atlas.store import EventStore, StoreError
from tests.factories import make_document, make_extraction


@pytest.fixture
def store(tmp_path):
    return EventStore(tmp_path / "data" / "atlas.gpkg")


def test_missing_store_reads_as_empty_layers(store):
    assert not store.exists()
    assert store.is_empty()
    events = store.events()
    assert events.empty and str(events.crs) == "EPSG:4326"
    assert "sentence" in events.columns


def test_put_writes_a_geopackage_qgis_can_open(store):
    doc = make_document()
    with store.writer() as writer:
        writer.put(make_extraction(doc, n_events=2))
    layers = dict(pyogrio.list_layers(store.path))
    assert layers["events"] == "Point" and layers["mentions"] == "Point"
    assert {"documents", "group_candidates", "atlas_meta"} <= set(layers)
    events = store.events()
    assert len(events) == 2
    assert events.crs.to_epsg() == 4326
    assert events.geometry.iloc[0].x == pytest.approx(69.92041)
    assert events.geometry.iloc[0].y == pytest.approx(33.33951)
    docs = store.documents()
    assert docs.loc[0, "doc_hash"] == doc.doc_hash
    assert docs.loc[0, "published"] == "2016-06-03"
    assert docs.loc[0, "text"] == doc.text
    assert len(store.candidates()) == 1


def test_put_again_replaces_the_documents_rows_only(store):
    first, second = make_document("one"), make_document("two", doc_id="b.txt")
    with store.writer() as writer:
        writer.put(make_extraction(first, 2))
        writer.put(make_extraction(second, 1))
    with store.writer() as writer:
        writer.put(make_extraction(first, 3))
    events = store.events()
    assert (events["doc_hash"] == first.doc_hash).sum() == 3
    assert (events["doc_hash"] == second.doc_hash).sum() == 1
    assert len(store.documents()) == 2


def test_remove_drops_every_row_of_a_document(store):
    doc = make_document()
    with store.writer() as writer:
        writer.put(make_extraction(doc, 2))
    with store.writer() as writer:
        assert writer.remove(doc.doc_hash)
        assert not writer.remove("not-there")
    assert store.is_empty() and store.events().empty and store.mentions().empty


def test_events_of_near_duplicates_are_left_out_unless_asked(store):
    original = make_document("the original")
    copy = dataclasses.replace(make_document("the copy", doc_id="copy.txt"),
                               duplicate_of=original.doc_hash)
    with store.writer() as writer:
        writer.put(make_extraction(original, 1))
        writer.put(make_extraction(copy, 1))
    assert set(store.events()["doc_id"]) == {"report.txt"}
    assert len(store.events(include_duplicates=True)) == 2


def test_unchanged_writer_does_not_rewrite_the_file(store):
    with store.writer() as writer:
        writer.put(make_extraction(make_document()))
    before = store.path.stat().st_mtime_ns
    with store.writer():
        pass
    assert store.path.stat().st_mtime_ns == before


def test_failed_block_leaves_the_store_as_it_was(store):
    doc = make_document()
    with store.writer() as writer:
        writer.put(make_extraction(doc))
    with pytest.raises(RuntimeError), store.writer() as writer:
        writer.remove(doc.doc_hash)
        raise RuntimeError("boom")
    assert len(store.documents()) == 1


def test_second_writer_waits_then_fails_with_a_clear_message(store):
    with (
        store.writer(),
        pytest.raises(StoreError, match="another ingest"),
        store.writer(wait_seconds=0.3),
    ):
        pass


def test_stale_temporary_of_a_killed_writer_is_removed(store):
    store.path.parent.mkdir(parents=True)
    stale = store.path.with_name(f".{store.path.name}.99999.tmp.gpkg")
    stale.write_bytes(b"half written")
    with store.writer() as writer:
        writer.put(make_extraction(make_document()))
    assert not stale.exists()


def test_a_file_that_is_not_a_geopackage_gives_a_clear_error(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text("not a database")
    with pytest.raises(StoreError, match="not a readable GeoPackage"):
        store.documents()


def test_documents_can_be_read_without_their_texts(store):
    with store.writer() as writer:
        writer.put(make_extraction(make_document()))
    docs = store.documents(with_text=False)
    assert "text" not in docs.columns
    assert docs.loc[0, "n_chars"] == len(make_document().text)
