"""The command line end to end, on one real seed and the real gazetteer and lexicon."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from extraction.cli import EXIT_UNREADABLE

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_04b6d9e090ac8a66.txt"
EVENT_COLUMNS = ["event_id", "doc_id", "doc_title", "group", "group_family", "place", "place_id",
                 "lat", "lon", "country_code", "feature_type", "year", "year_source", "sentence",
                 "start", "end", "confidence"]
MENTION_COLUMNS = ["doc_id", "text", "start", "end", "place", "place_id", "lat", "lon",
                   "country_code", "feature_type", "score"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ATLAS_STORE", None)
    return subprocess.run([sys.executable, "-m", "extraction", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def workdir(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    return tmp_path


@pytest.mark.parametrize("command", [[], ["ingest"], ["remove"], ["prune"], ["export"], ["status"]])
def test_every_command_explains_itself(command, tmp_path):
    result = cli(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "usage: python -m extraction" in result.stdout


@pytest.mark.slow
def test_extract_to_csv_and_mentions_without_touching_the_store(workdir):
    result = cli("docs", "--out", "events.csv", "--mentions", "mentions.geojson", "-q",
                 cwd=workdir)
    assert result.returncode == 0, result.stderr
    events = pd.read_csv(workdir / "events.csv")
    assert list(events.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS or set(EVENT_COLUMNS) <= set(events.columns)
    assert len(events) > 0
    assert set(events["doc_id"]) == {SEED.name}
    # The UN report this article covers puts IS-K attacks in Balkh, Badakhshan and Baghlan.
    isk = events[events["group"].str.contains("Khorasan")]
    assert {"Balkh", "Badakhshan", "Baghlan"} <= set(isk["place"].str.split().str[0])
    text = SEED.read_text(encoding="utf-8")
    for row in events.itertuples():
        assert text[row.start : row.end] == row.sentence
    mentions = gpd.read_file(workdir / "mentions.geojson")
    assert set(MENTION_COLUMNS) <= set(mentions.columns)
    assert mentions.crs.to_epsg() == 4326
    assert not (workdir / "data").exists()


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".jsonl", ".kml"])
def test_extract_writes_the_format_of_the_extension(workdir, suffix):
    out = workdir / f"events{suffix}"
    result = cli("docs", "--out", str(out), "-q", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert rows and set(EVENT_COLUMNS) <= set(rows[0])


@pytest.mark.slow
def test_ingest_status_export_remove(workdir):
    (workdir / "docs" / "empty.txt").write_text("")
    first = cli("ingest", "docs", "-q", cwd=workdir)
    assert first.returncode == EXIT_UNREADABLE, first.stderr
    assert "empty.txt" in first.stderr and "1 added" in first.stderr
    assert (workdir / "data" / "atlas.gpkg").is_file()

    again = cli("ingest", "docs", "-q", "--if-empty", cwd=workdir)
    assert again.returncode == 0 and "nothing to do" in again.stderr

    refreshed = cli("ingest", "docs", "-q", "--refresh", cwd=workdir)
    assert refreshed.returncode == EXIT_UNREADABLE, refreshed.stderr
    assert "1 refreshed" in refreshed.stderr and "0 added" in refreshed.stderr

    status = cli("status", cwd=workdir)
    assert "documents: 1" in status.stdout and "AOPNEWS" not in status.stderr

    acled = cli("export", "--out", "acled.csv", "--format", "acled", cwd=workdir)
    assert acled.returncode == 0, acled.stderr
    frame = pd.read_csv(workdir / "acled.csv")
    assert "Afghanistan" in set(frame["country"])

    removed = cli("remove", SEED.name, cwd=workdir)
    assert removed.returncode == 0 and "removed 1" in removed.stderr
    assert "documents: 0" in cli("status", cwd=workdir).stdout


def test_unknown_extension_is_a_clear_error(workdir):
    result = cli("docs", "--out", "events.xlsx", "-q", cwd=workdir)
    assert result.returncode == 1
    assert "extension" in result.stderr


def test_an_empty_folder_is_said_to_be_empty(tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("empty", "--out", "events.csv", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no files under empty" in result.stderr and ".pdf" in result.stderr
    assert (tmp_path / "events.csv").exists()
