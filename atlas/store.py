"""The event store: a GeoPackage that QGIS opens as it is.

Layers: ``documents`` (attribute table keyed by the content hash), ``events`` and
``mentions`` (points, EPSG:4326), ``group_candidates`` (unknown group-like names for
review) and ``atlas_meta`` (schema version).

Every commit writes a complete new file next to the store and renames it over the old
one, so a reader (or a process killed mid-write) only ever sees a whole store: each
document is either in its old or its new state. One writer at a time holds a lock file.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from atlas import frames
from atlas.records import Extraction

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
_POINT_LAYERS = {"events": frames.EVENT_COLUMNS, "mentions": frames.MENTION_COLUMNS}
_TABLES = {"documents": frames.DOCUMENT_COLUMNS, "group_candidates": frames.CANDIDATE_COLUMNS}


class StoreError(RuntimeError):
    """The store cannot be read or written; the message says why and what to do."""


class EventStore:
    """Read access to the store at ``path``; ``writer()`` opens it for changes."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def exists(self) -> bool:
        """Whether a store file is there."""
        return self.path.is_file()

    def _read(self, layer: str, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
        columns = columns or _POINT_LAYERS.get(layer) or _TABLES[layer]
        if not self.exists() or layer not in self._layers():
            return frames.empty_points(columns) if layer in _POINT_LAYERS else frames.empty_table(columns)
        present = set(pyogrio.read_info(self.path, layer=layer)["fields"])
        try:
            frame = pyogrio.read_dataframe(self.path, layer=layer, fid_as_index=False,
                                           columns=[c for c in columns if c in present])
        except Exception as err:  # GDAL raises several types for a damaged file
            raise StoreError(f"cannot read layer {layer!r} of {self.path}: {err}") from err
        for column in columns:
            if column not in frame.columns:
                frame[column] = None
        return frames._typed(frame[[*columns, *(["geometry"] if layer in _POINT_LAYERS else [])]])

    def _layers(self) -> set[str]:
        try:
            return {str(name) for name, _ in pyogrio.list_layers(self.path)}
        except Exception as err:
            raise StoreError(
                f"{self.path} is not a readable GeoPackage ({err}); move it aside and ingest again"
            ) from err

    def documents(self, *, with_text: bool = True) -> pd.DataFrame:
        """The documents table, one row per distinct file content (texts can be left out)."""
        columns = frames.DOCUMENT_COLUMNS
        if not with_text:
            columns = tuple(c for c in columns if c != "text")
        return self._read("documents", columns)

    def events(self, *, include_duplicates: bool = False) -> gpd.GeoDataFrame:
        """Events as points in EPSG:4326; near-duplicate documents' events left out by default."""
        events = self._read("events")
        if include_duplicates or events.empty:
            return events
        docs = self._read("documents", ("doc_hash", "duplicate_of"))
        duplicates = set(docs.loc[docs["duplicate_of"].notna(), "doc_hash"])
        return events[~events["doc_hash"].isin(duplicates)].reset_index(drop=True)

    def mentions(self) -> gpd.GeoDataFrame:
        """Every resolved place mention, as points in EPSG:4326."""
        return self._read("mentions")

    def candidates(self) -> pd.DataFrame:
        """Group-like names not in the lexicon, for an analyst to review."""
        return self._read("group_candidates")

    def is_empty(self) -> bool:
        """True when no document has been ingested yet."""
        return self.documents().empty

    @contextlib.contextmanager
    def writer(self, *, wait_seconds: float = 30.0) -> Iterator[StoreWriter]:
        """Open the store for changes; commits what is pending when the block ends cleanly."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with lock_path.open("a") as lock:
            _acquire(lock, lock_path, wait_seconds)
            try:
                _remove_stale_temporaries(self.path)
                writer = StoreWriter(self)
                yield writer
                writer.commit()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _acquire(lock, lock_path: Path, wait_seconds: float) -> None:
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"another ingest is writing to the store (lock {lock_path}); "
                    "wait for it to finish and try again"
                ) from None
            time.sleep(0.2)


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp.gpkg")


def _remove_stale_temporaries(path: Path) -> None:
    """Half-written files of killed writers; safe to delete because we hold the lock."""
    for stale in path.parent.glob(f".{path.name}.*.tmp.gpkg"):
        log.info("removing %s left by an interrupted write", stale)
        stale.unlink(missing_ok=True)


class StoreWriter:
    """Pending changes to a store, held in memory and written whole by ``commit()``."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self._documents = store.documents()
        self._events = store.events(include_duplicates=True)
        self._mentions = store.mentions()
        self._candidates = store.candidates()
        self._dirty = False

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet committed."""
        return self._dirty

    def has(self, doc_hash: str) -> bool:
        """Whether a document with this content is stored."""
        return bool((self._documents["doc_hash"] == doc_hash).any())

    def hash_for_path(self, path: str) -> str | None:
        """The content hash stored for a file path, if that path was ingested."""
        rows = self._documents.loc[self._documents["path"] == path, "doc_hash"]
        return None if rows.empty else str(rows.iloc[0])

    def path_for_hash(self, doc_hash: str) -> str | None:
        """The path a stored content hash was read from."""
        rows = self._documents.loc[self._documents["doc_hash"] == doc_hash, "path"]
        return None if rows.empty else str(rows.iloc[0])

    def documents(self) -> pd.DataFrame:
        """The documents as they stand with pending changes."""
        return self._documents

    def put(self, extraction: Extraction) -> None:
        """Store a document and everything extracted from it, replacing its earlier rows."""
        doc = extraction.document
        self.remove(doc.doc_hash)
        self._documents = _concat(self._documents, frames.documents_frame([doc]))
        self._events = _concat(self._events, frames.events_frame(extraction.events))
        self._mentions = _concat(self._mentions, frames.mentions_frame(extraction.mentions))
        self._candidates = _concat(
            self._candidates, frames.candidates_frame(doc, extraction.candidates)
        )
        self._dirty = True

    def remove(self, doc_hash: str) -> bool:
        """Drop a document and its rows; True if it was there."""
        if not self.has(doc_hash):
            return False
        keep = self._documents["doc_hash"] != doc_hash
        self._documents = self._documents[keep].reset_index(drop=True)
        self._events = self._events[self._events["doc_hash"] != doc_hash].reset_index(drop=True)
        self._mentions = self._mentions[self._mentions["doc_hash"] != doc_hash].reset_index(
            drop=True
        )
        self._candidates = self._candidates[
            self._candidates["doc_hash"] != doc_hash
        ].reset_index(drop=True)
        self._dirty = True
        return True

    def commit(self) -> None:
        """Write the whole store to a temporary file, then rename it over the store."""
        if not self._dirty and self.store.exists():
            return
        target = self.store.path
        temporary = _temporary(target)
        temporary.unlink(missing_ok=True)
        try:
            meta = pd.DataFrame({"key": ["schema_version"], "value": [SCHEMA_VERSION]})
            layers = {
                "events": self._events,
                "mentions": self._mentions,
                "documents": self._documents,
                "group_candidates": self._candidates,
                "atlas_meta": meta,
            }
            for layer, frame in layers.items():
                pyogrio.write_dataframe(
                    frame,
                    temporary,
                    layer=layer,
                    driver="GPKG",
                    geometry_type="Point" if layer in _POINT_LAYERS else None,
                )
            _fsync(temporary)
            os.replace(temporary, target)
            _fsync(target.parent)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self._dirty = False
        log.debug("committed %s", target)


def _concat(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    if right.empty:
        return left
    if left.empty:
        return right.reset_index(drop=True)
    return pd.concat([left, right], ignore_index=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
