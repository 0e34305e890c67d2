"""The command line contracts: resolve (JSON Lines), geocode (CSV), search, --help."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

from tests.test_gazetteer_build import build_fixture_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("index")
    build_fixture_index(out)
    return out


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "gazetteer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_resolve_writes_one_line_per_input_line_and_reports_bad_lines(index: Path) -> None:
    lines = [
        {"id": "a", "text": "Militants attacked Khost province.", "spans": [[19, 24]]},
        "this is not json",
        {"id": "c", "text": "", "spans": []},
        {"id": "d", "text": "Kabul", "spans": [[0, 9]]},
        {"id": "e", "text": "Gen. Charles Cleveland visited Kabul.", "spans": [[13, 22], [31, 36]]},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    done = _run("resolve", "--index", str(index), stdin=stdin)
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 5 and done.returncode == 1
    first = out[0]["results"][0]
    assert first["place_id"] == "gn:1444362" and first["feature_type"] == "admin1"
    assert {"lat", "lon", "name", "country_code", "score", "admin1", "alternatives"} <= first.keys()
    assert out[1] == {"id": None, "error": out[1]["error"]} and "malformed JSON" in out[1]["error"]
    assert out[2]["id"] == "c" and "empty" in out[2]["error"]
    assert out[3]["id"] == "d" and "out of range" in out[3]["error"]
    assert out[4]["results"][0] is None and out[4]["results"][1]["name"] == "Kabul"
    assert "line 2:" in done.stderr and "line 3:" in done.stderr and "line 4:" in done.stderr


def test_resolve_all_good_exits_zero(index: Path) -> None:
    done = _run(
        "resolve",
        "--index",
        str(index),
        stdin=json.dumps({"id": 7, "text": "Lahore", "spans": [[0, 6]]}),
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["results"][0]["place_id"] == "gn:1172451"


def test_geocode_adds_columns_to_a_new_file(index: Path, tmp_path: Path) -> None:
    source = tmp_path / "places.csv"
    source.write_text("site,note\nHyderabad,a\nAtlantis,b\n", encoding="utf-8")
    before = source.read_bytes()
    done = _run(
        "geocode", str(source), "--column", "site", "--country-hint", "PK", "--index", str(index)
    )
    assert done.returncode == 0, done.stderr
    assert source.read_bytes() == before
    rows = list(csv.DictReader((tmp_path / "places.geocoded.csv").open(encoding="utf-8")))
    assert (
        rows[0]["place_id"] == "gn:1176734"
        and rows[0]["country_code"] == "PK"
        and rows[0]["note"] == "a"
    )
    assert rows[1]["lat"] == "" and rows[1]["place_id"] == ""
    assert {"lat", "lon", "place", "feature_type", "score"} <= rows[0].keys()


def test_geocode_refuses_to_overwrite_its_input_and_names_missing_columns(
    index: Path, tmp_path: Path
) -> None:
    source = tmp_path / "p.csv"
    source.write_text("site\nKabul\n", encoding="utf-8")
    same = _run(
        "geocode", str(source), "--column", "site", "--out", str(source), "--index", str(index)
    )
    assert same.returncode == 2 and "never overwrites" in same.stderr
    missing = _run("geocode", str(source), "--column", "place", "--index", str(index))
    assert missing.returncode == 2 and "no column 'place'" in missing.stderr


def test_search_lists_candidates_with_scores(index: Path) -> None:
    done = _run("search", "Punjab", "--index", str(index), "--json")
    found = json.loads(done.stdout)
    assert {c["place_id"] for c in found} == {"gn:1167710", "gn:1259223"}
    assert all(0 <= c["score"] <= 1 for c in found)
    table = _run("search", "Punjab", "--country-hint", "IN", "--index", str(index))
    assert table.stdout.splitlines()[1].split()[1] == "gn:1259223"
    assert _run("search", "Atlantis", "--index", str(index)).returncode == 1


@pytest.mark.parametrize("command", [[], ["build"], ["resolve"], ["geocode"], ["search"]])
def test_help_everywhere(command: list[str]) -> None:
    done = _run(*command, "--help")
    assert done.returncode == 0 and "usage:" in done.stdout


def test_resolve_survives_bytes_that_are_not_utf8(index: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stdin = b'{"id": "x", "text": "Lahore \xff", "spans": [[0, 6]]}\n{"id": "y", "text": "Kabul", "spans": [[0, 5]]}\n'
    done = subprocess.run(
        [sys.executable, "-m", "gazetteer", "resolve", "--index", str(index)],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert out[0] == {"id": "x", "error": "not valid UTF-8"}
    assert out[1]["results"][0]["name"] == "Kabul"
    assert b"line 1: not valid UTF-8" in done.stderr


def test_geocode_reports_an_unreadable_file(index: Path, tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("site\nPeshāwar\n".encode("utf-16"))
    done = _run("geocode", str(source), "--column", "site", "--index", str(index))
    assert done.returncode == 2 and "cannot read" in done.stderr


def _feed(stdin: IO[bytes], text: str) -> None:
    """Write ``text`` to a child's stdin, stopping quietly if the child has exited."""
    try:
        stdin.write(text.encode())
        stdin.close()
    except BrokenPipeError:
        pass


def test_a_reader_that_stops_early_is_no_error(index: Path) -> None:
    # `python -m gazetteer resolve < big.jsonl | head -1`: the pipe closes while lines remain.
    line = json.dumps({"id": "d", "text": "Police in Karachi said", "spans": [[10, 17]]})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "gazetteer", "resolve", "--index", str(index)]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=ROOT, env=env,
    ) as process:  # fmt: skip
        assert process.stdin is not None and process.stdout is not None
        feeder = threading.Thread(target=_feed, args=(process.stdin, (line + "\n") * 20_000))
        feeder.start()
        assert json.loads(process.stdout.readline())["id"] == "d"
        process.stdout.close()
        assert process.wait(timeout=120) == 0
        feeder.join(timeout=60)
        assert process.stderr is not None and b"Traceback" not in process.stderr.read()
