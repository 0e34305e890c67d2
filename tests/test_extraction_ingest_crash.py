"""Kill an ingest with SIGKILL at random moments: the store must always open, hold each
document in its old or its new state, and a re-run must complete it."""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atlas.store import EventStore

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(folder: Path, version: int, count: int) -> dict[str, str]:
    """``count`` documents whose events depend on ``version``; returns hash by name."""
    folder.mkdir(exist_ok=True)
    hashes = {}
    for i in range(count):
        lines = [f"G{version}@P{i}-{k}" for k in range(1 + (i + version) % 4)]
        data = ("\n".join(lines) + "\n").encode()
        (folder / f"doc{i:02d}.txt").write_bytes(data)
        hashes[f"doc{i:02d}.txt"] = hashlib.sha256(data).hexdigest()
    return hashes


def driver(store: Path, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.ingest_fakes", str(store), str(folder)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def events_per_doc(store: EventStore) -> dict[str, int]:
    return store.events().groupby("doc_id").size().to_dict()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_sigkill_leaves_each_document_old_or_new(tmp_path, seed):
    rng = random.Random(seed)
    folder, store_path = tmp_path / "docs", tmp_path / "atlas.gpkg"
    old = write_corpus(folder, version=1, count=12)
    assert driver(store_path, folder).wait(timeout=120) == 0
    old_counts = events_per_doc(EventStore(store_path))

    new = write_corpus(folder, version=2, count=24)
    process = driver(store_path, folder)
    # Kill after a random number of commits, a random moment into the next file's write.
    for _ in range(rng.randint(1, 20)):
        assert process.stdout.readline().startswith(b"committed")
    time.sleep(rng.uniform(0.0, 0.1))
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    store = EventStore(store_path)
    docs = store.documents().set_index("doc_id")
    counts = events_per_doc(store)
    for name, doc_hash in docs["doc_hash"].items():
        assert doc_hash in (old.get(name), new[name]), f"{name} is neither old nor new"
        expected = old_counts if doc_hash == old.get(name) else None
        if expected is not None:
            assert counts.get(name, 0) == expected.get(name, 0)
        else:
            assert counts.get(name, 0) == len((folder / name).read_text().splitlines())
    assert set(old) <= set(docs.index), "a committed document was lost"

    rerun = driver(store_path, folder)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    final = EventStore(store_path).documents().set_index("doc_id")["doc_hash"].to_dict()
    assert final == new
    assert not list(tmp_path.glob(".atlas.gpkg.*.tmp.gpkg"))
