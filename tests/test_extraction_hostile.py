"""The hostile corpus through ``read_document``: every case gets its exact answer, nothing else escapes."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from atlas.records import Document, FileProblem
from atlas.settings import Settings
from extraction.readers import UnreadableFile, iter_files, read_document, read_with_warnings
from tests import hostile_corpus
from tests.hostile_corpus import Case

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile_corpus.build(folder)


def _read(folder: Path, case: Case) -> Document | FileProblem:
    return hostile_corpus.read_case(folder, case, today=TODAY)


def test_corpus_has_at_least_forty_cases(corpus):
    _, cases = corpus
    assert len(cases) >= 40
    assert len({case.name for case in cases}) == len(cases)


def test_every_case_gets_its_expected_outcome(corpus):
    folder, cases = corpus
    failures = []
    for case in cases:
        outcome = _read(folder, case)
        failures.extend(f"{case.name} ({case.what}): {error}" for error in _check(case, outcome))
    assert not failures, "\n".join(failures)


def _check(case: Case, outcome: Document | FileProblem) -> list[str]:
    if case.problem is not None:
        if not isinstance(outcome, FileProblem):
            return [f"expected a problem matching {case.problem!r}, got a document"]
        errors = []
        if not re.search(case.problem, outcome.reason):
            errors.append(f"reason {outcome.reason!r} does not match {case.problem!r}")
        if case.hint is not None and case.hint not in outcome.hint:
            errors.append(f"hint {outcome.hint!r} lacks {case.hint!r}")
        if not outcome.hint:
            errors.append("no hint")
        if not outcome.path.endswith(case.name):
            errors.append(f"problem names {outcome.path!r}")
        return errors
    if isinstance(outcome, FileProblem):
        return [f"expected a document, got problem {outcome}"]
    errors = [f"text lacks {needle!r}" for needle in case.contains if needle not in outcome.text]
    errors += [f"text contains {needle!r}" for needle in case.absent if needle in outcome.text]
    for name, expected in case.props.items():
        if getattr(outcome, name) != expected:
            errors.append(f"{name} is {getattr(outcome, name)!r}, expected {expected!r}")
    if outcome.doc_id != case.name or "\r" in outcome.text or "\0" in outcome.text:
        errors.append("doc_id or normalisation wrong")
    return errors


def test_no_case_raises_anything_but_unreadable_file(corpus):
    folder, cases = corpus
    for case in cases:
        try:
            read_document(folder / case.name, Settings(), today=TODAY)
        except UnreadableFile:
            pass


def test_dates_left_unknown_come_with_a_warning(corpus):
    folder, _ = corpus
    future = read_with_warnings(folder / "future-date.txt", Settings(), today=TODAY)
    assert any("in the future" in warning for warning in future.warnings)
    unparseable = read_with_warnings(folder / "bad-date.txt", Settings(), today=TODAY)
    assert any(
        "unparseable" in warning and "sometime" in warning for warning in unparseable.warnings
    )


def test_hostile_html_keeps_no_markup_or_script(corpus):
    folder, _ = corpus
    text = read_document(folder / "hostile.html", Settings()).text
    assert "<" not in text and ">" not in text
    assert "onerror" not in text.lower()


def test_walking_the_corpus_reports_the_folder_and_skips_the_sidecar(corpus):
    folder, cases = corpus
    found = list(iter_files([folder]))
    paths = [item for item in found if isinstance(item, Path)]
    problems = [item for item in found if isinstance(item, FileProblem)]
    assert paths == sorted(paths)
    assert not any(path.name == "sources.csv" for path in paths)
    # The folder named folder.txt is walked (it is empty), a README is the folder's own
    # description; every other case file is listed.
    listed = {path.name for path in paths}
    assert listed == {case.name for case in cases} - {"folder.txt", "vanished.txt", "README"}
    assert problems == []


def test_file_deleted_while_the_corpus_folder_is_read(corpus):
    folder, _ = corpus

    def listing(path: str) -> list[str]:
        # The listing still names a file that is deleted before it is looked at.
        ghost = ["deleted-meanwhile.txt"] if Path(path) == folder else []
        return [*os.listdir(path), *ghost]

    found = list(iter_files([folder], listdir=listing))
    problems = [item for item in found if isinstance(item, FileProblem)]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("deleted-meanwhile.txt", "file vanished while the folder was read")
    ]
    assert len(found) > 40


@pytest.mark.slow
def test_fifty_megabyte_text_file_reads(tmp_path):
    path = hostile_corpus.build_large(tmp_path, 50)
    document = read_document(path, Settings())
    assert len(document.text) == 50 * 1024 * 1024
    assert document.language == "en"
    assert document.text.startswith(hostile_corpus.ARTICLE)
