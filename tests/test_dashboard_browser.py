"""The real dashboard in headless Chromium, with every request checked to stay on 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from matplotlib import image as mpimg

from atlas.store import EventStore
from dashboard.filters import FilterState, apply
from dashboard.markers import build_markers
from tests.dashboard_stores import build_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MAP = 'iframe[title="streamlit_folium.st_folium"]'
LOCAL = ("http://127.0.0.1:", "data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _serve(data: Path):
    """``streamlit run dashboard/app.py`` on a free port over the store in ``data``."""
    port = _free_port()
    env = {**os.environ, "ATLAS_DATA_DIR": str(data), "ATLAS_STORE": str(data / "atlas.gpkg"),
           "PYTHONPATH": str(ROOT)}
    log = (data / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((data / "streamlit.log").read_text()) from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A running dashboard over a synthetic store holding a hostile document."""
    _need_chromium()
    data = tmp_path_factory.mktemp("atlas")
    store = build_store(data / "atlas.gpkg", 500, n_groups=4)
    with _serve(data) as url:
        yield url, store.events()


@pytest.fixture(scope="module")
def seeds_app(tmp_path_factory):
    """A running dashboard over the seed documents, ingested with the project's command line."""
    _need_chromium()
    data = tmp_path_factory.mktemp("seeds")
    env = {**os.environ, "ATLAS_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "extraction", "ingest", "seeds", "--quiet"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    with _serve(data) as url:
        yield url, EventStore(data / "atlas.gpkg").events()


@pytest.fixture
def page(app):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.requests = requests
        yield page
        outside = sorted({u for u in requests if not u.startswith(LOCAL)})
        browser.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"


def _legend(page, previous: str | None = None, timeout: float = 60, until=lambda text: True) -> str:
    """The map legend's text once the map is drawn, differs from ``previous`` and passes ``until``."""
    from playwright.sync_api import Error as PlaywrightError

    legend = page.frame_locator(MAP).locator(".atlas-legend")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            text = legend.inner_text(timeout=2000)
        except PlaywrightError:  # the frame is being replaced after a rerun
            continue
        idle = page.locator('[data-testid="stStatusWidget"]').count() == 0
        if text != previous and idle and until(text):
            return text
        page.wait_for_timeout(250)
    raise AssertionError(f"the map did not (re)draw; legend still {previous!r}")


def _markers(page) -> tuple[int, dict[str, int]]:
    """Markers on the map once clustering has settled (two equal readings in a row)."""
    last = None
    for _ in range(40):
        page.wait_for_timeout(400)
        reading = _count_markers(page)
        if reading == last:
            return reading
        last = reading
    raise AssertionError("the map's markers never settled")


def _count_markers(page) -> tuple[int, dict[str, int]]:
    """Markers on the map: loose ones plus those inside clusters; loose ones by group class."""
    frame = page.frame_locator(MAP)
    loose = frame.locator(".atlas-marker")
    clustered = sum(frame.locator(".atlas-cluster svg").evaluate_all(
        "els => els.map(e => Number(e.dataset.markers))"))
    by_group: dict[str, int] = {}
    for classes in loose.evaluate_all("els => els.map(e => e.className)"):
        for name in classes.split():
            if name.startswith("atlas-g-"):
                by_group[name] = by_group.get(name, 0) + 1
    return loose.count() + clustered, by_group


def _expected(events, state: FilterState) -> int:
    return len(build_markers(apply(events, state)).frame)


def test_map_shows_markers_offline(app, page, tmp_path):
    url, events = app
    page.goto(url)
    legend = _legend(page)
    total, _ = _markers(page)
    assert total == _expected(events, FilterState()) > 0
    assert "Group 0" in legend and "Natural Earth" in legend
    assert page.frame_locator(MAP).locator(".leaflet-atlasBasemap-pane path").count() > 50  # basemap
    page.screenshot(path=tmp_path / "map.png")


def test_switching_a_group_off_removes_its_markers(app, page):
    url, events = app
    page.goto(url)
    before = _legend(page)
    total_before, _ = _markers(page)
    page.locator('[data-testid="stSidebar"] button[aria-label="Remove Group 0"]').click()
    after = _legend(page, before, until=lambda text: "Group 0" not in text)
    total_after, loose = _markers(page)
    assert "Group 1" in after
    assert "atlas-g-syn-g0" not in loose
    assert total_after == _expected(events, FilterState(groups=("syn-g1", "syn-g2", "syn-g3"))) < total_before
    assert "g=syn-g1" in page.url


def test_year_slider_narrows_the_markers(app, page):
    url, events = app
    page.goto(url)
    before = _legend(page)
    total_before, _ = _markers(page)
    start = page.locator('input[aria-label="Years — start"]')
    start.focus()
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    after = _legend(page, before, until=lambda text: "y=2013-2024" in page.url)
    total_after, _ = _markers(page)
    assert total_after < total_before
    assert "y=2013-2024" in page.url
    assert total_after == _expected(events, FilterState(years=(2013, 2024)))
    assert after != before


def test_a_url_restores_the_view(app, page):
    url, events = app
    page.goto(f"{url}/?g=syn-g1&g=syn-g2&y=2005-2010&p=city&p=district")
    legend = _legend(page)
    assert "Group 1" in legend and "Group 2" in legend and "Group 0" not in legend
    tags = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    assert tags.locator("[data-tag]").all_inner_texts() == ["Group 1", "Group 2"]
    state = FilterState(groups=("syn-g1", "syn-g2"), years=(2005, 2010), precisions=("district", "city"))
    assert _markers(page)[0] == _expected(events, state)


def test_png_export_is_produced_and_not_blank(app, page):
    url, _ = app
    page.goto(url)
    _legend(page)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Briefing PNG").click()
    data = Path(download.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = mpimg.imread(io.BytesIO(data))
    assert pixels.shape[0] > 1500 and pixels.shape[1] > 2200
    colours = np.unique((pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 50


def test_injected_markup_never_runs(app, page):
    url, _ = app
    page.goto(f"{url}/?q=pwned")
    _legend(page)
    marker = page.frame_locator(MAP).locator('.atlas-marker[title^="G0: Hostile Town"]')
    marker.click()
    popup = page.frame_locator(MAP).locator(".leaflet-popup-content")
    assert "<script>window.__pwned=1</script>" in popup.inner_text()
    table = page.locator("table.atlas-ev")
    assert "<script>window.__pwned=1</script>" in table.inner_text()
    page.wait_for_timeout(500)
    assert all(frame.evaluate("typeof window.__pwned") == "undefined" for frame in page.frames)


def test_markdown_in_the_url_fetches_nothing(app, page):
    url, _ = app
    page.goto(f"{url}/?q=%21%5Bx%5D%28http%3A%2F%2F203.0.113.9%2Fx.png%29")
    _legend(page)
    page.wait_for_timeout(500)
    assert "![x](http://203.0.113.9/x.png)" in page.locator('[data-testid="stCaptionContainer"]').first.inner_text()


def test_the_seeds_map_shows_markers(seeds_app, page):
    url, events = seeds_app
    page.goto(url)
    legend = _legend(page)
    expected = _expected(events, FilterState())
    assert expected > 0
    total, _ = _markers(page)
    assert 0 < total <= expected  # markers far from the region may be a pan away
    assert f"{expected:,} markers" in legend
