import dataclasses
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


def test_records_cross_the_pipe_as_their_field_values():
    import pickle
    import pickletools
    from multiprocessing.reduction import ForkingPickler

    from atlas.records import GroupMention, Section, YearRef
    from extraction.worker import register_reducers
    from tests.factories import make_document, make_extraction

    document = make_document(sections=(Section(0, 3, "notes"),))
    extraction = dataclasses.replace(
        make_extraction(document, n_events=2),
        groups=(GroupMention(0, 3, "TTP", "ttp", "Tehrik-e-Taliban Pakistan", "TTP", "Taliban"),),
        warnings=("a warning",),
    )
    problem = FileProblem("a.pdf", "unreadable", "convert it")
    register_reducers()
    for record in (extraction, problem, YearRef(2015, None, "explicit", "year", 3, 7)):
        data = bytes(ForkingPickler.dumps(record))
        # The reducer was used: records are made by calling their classes, never by
        # pickle's own object-then-state way (BUILD).
        assert "BUILD" not in {op.name for op, _, _ in pickletools.genops(data)}
        assert pickle.loads(data) == record
