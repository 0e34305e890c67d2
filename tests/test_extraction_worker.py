from pathlib import Path

import pytest

from atlas.records import Extraction, FileProblem
from atlas.settings import Settings
from extraction.worker import DocumentWorker
from tests.ingest_fakes import serve_with_tricks


@pytest.fixture
def files(tmp_path):
    for name in ("good.txt", "slow.txt", "crash.txt", "after.txt"):
        (tmp_path / name).write_text("TTP@Khost\n")
    return tmp_path


def test_results_come_back_from_the_child(files):
    with DocumentWorker(Settings(), target=serve_with_tricks) as worker:
        result = worker(files / "good.txt")
    assert isinstance(result, Extraction)
    assert result.events[0].place == "Khost"


def test_a_document_over_the_time_limit_is_reported_and_the_next_still_runs(files):
    settings = Settings(seconds_per_document=1.0)
    with DocumentWorker(settings, target=serve_with_tricks) as worker:
        slow = worker(files / "slow.txt")
        after = worker(files / "after.txt")
    assert isinstance(slow, FileProblem)
    assert "longer than 1 s" in slow.reason and "ATLAS_SECONDS_PER_DOCUMENT" in slow.hint
    assert isinstance(after, Extraction)


def test_a_crashing_parser_is_reported_and_the_next_still_runs(files):
    with DocumentWorker(Settings(), target=serve_with_tricks) as worker:
        crashed = worker(files / "crash.txt")
        after = worker(Path(files / "after.txt"))
    assert isinstance(crashed, FileProblem) and "crashed" in crashed.reason
    assert isinstance(after, Extraction)
