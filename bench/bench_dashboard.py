"""Dashboard speed: time to first map and to a filter change, on synthetic stores and the seeds.

Two measures per store:
- server: reading the store, filtering, aggregating to markers and rendering the folium page
  (what Streamlit does before the browser gets anything);
- browser: the real app in headless Chromium, from navigation until the map's legend is drawn,
  and from removing a group in the sidebar until the map is redrawn.

Targets (issue 5): first map < 3 s, filter change < 5 s. Run: `python bench/bench_dashboard.py`
(`--sizes 10000` for a quicker run, `--no-browser` for the server side only).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas.store import EventStore
from dashboard import filters, mapview
from dashboard.groups import read_lexicon_styles, styles_for
from dashboard.markers import build_markers
from dashboard.synthetic import synthetic_extractions

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MAP = 'iframe[title="streamlit_folium.st_folium"]'


def build_synthetic(path: Path, n: int) -> EventStore:
    store = EventStore(path)
    with store.writer() as writer:
        for extraction in synthetic_extractions(n, events_per_doc=500, seed=11):
            writer.put(extraction)
    return store


def build_seeds(directory: Path) -> EventStore | None:
    """Ingest the seed documents with the project's CLI; None when that does not work yet."""
    env = {**os.environ, "ATLAS_DATA_DIR": str(directory), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "extraction", "ingest", "seeds", "--quiet"],
                          check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    store = EventStore(directory / "atlas.gpkg")
    if not store.exists() or store.events().empty:
        print(f"seeds: no events ingested (exit {done.returncode}): "
              f"{(done.stderr.strip().splitlines() or ['?'])[-1]}")
        return None
    return store


def server_side(store: EventStore) -> dict[str, float]:
    """Seconds for each server step of a first map and of a filter change."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    events, _documents = store.events(), store.documents()
    timings["read store"] = time.perf_counter() - t
    styles = styles_for(events, read_lexicon_styles())
    for name, state in (("first", filters.FilterState()), ("change", _changed(events, styles))):
        t = time.perf_counter()
        chosen = filters.apply(events, state)
        markers = build_markers(chosen)
        page = mapview.build_map(markers, styles, title="bench").get_root().render()
        timings[f"{name} map"] = time.perf_counter() - t
        timings[f"{name} markers"] = len(markers.frame)
        timings[f"{name} page MB"] = len(page) / 1e6
    timings["events"] = len(events)
    return timings


def _changed(events, styles) -> filters.FilterState:
    groups = tuple(list(styles)[1:])
    bounds = filters.year_bounds(events)
    years = None if bounds is None else (bounds[0] + (bounds[1] - bounds[0]) // 3, bounds[1])
    return filters.FilterState(groups=groups, years=years)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_side(store: EventStore) -> dict[str, float]:
    """Seconds until the map is drawn in Chromium, and until it is redrawn after a filter change."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "ATLAS_STORE": str(store.path), "ATLAS_DATA_DIR": str(store.path.parent),
           "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
         "--server.headless", "true"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_health(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t = time.perf_counter()
            page.goto(url)
            legend = _legend(page, None)
            first = time.perf_counter() - t
            page.goto(url)  # a second visit: the store is cached by then
            t = time.perf_counter()
            legend = _legend(page, None)
            warm = time.perf_counter() - t
            remove = page.locator('[data-testid="stSidebar"] button[aria-label^="Remove "]').first
            t = time.perf_counter()
            remove.click()
            _legend(page, legend)
            change = time.perf_counter() - t
            browser.close()
        return {"first map (cold)": first, "first map (warm)": warm, "filter change": change}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_health(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not start")


def _legend(page, previous: str | None, timeout: float = 300) -> str:
    from playwright.sync_api import Error as PlaywrightError

    legend = page.frame_locator(MAP).locator(".atlas-legend")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            text = legend.inner_text(timeout=1000)
        except PlaywrightError:  # the frame is being replaced after a rerun
            continue
        if text != previous:
            return text
        page.wait_for_timeout(50)
    raise RuntimeError("the map was not drawn in time")


def report(name: str, store: EventStore, browser: bool) -> None:
    server = server_side(store)
    print(f"\n{name}: {int(server['events']):,} events")
    print(f"  server  read store {server['read store']:.2f} s | first map {server['first map']:.2f} s "
          f"({int(server['first markers']):,} markers, page {server['first page MB']:.1f} MB) | "
          f"filter change {server['change map']:.2f} s ({int(server['change markers']):,} markers)")
    if browser:
        timing = browser_side(store)
        print("  browser " + " | ".join(f"{k} {v:.2f} s" for k, v in timing.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-seeds", action="store_true")
    args = parser.parse_args()
    browser = not args.no_browser and Path(CHROMIUM).exists()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_seeds:
            seeds = build_seeds(Path(tmp) / "seeds")
            if seeds is not None:
                report("seeds", seeds, browser)
        for n in args.sizes:
            t = time.perf_counter()
            store = build_synthetic(Path(tmp) / f"synthetic-{n}.gpkg", n)
            print(f"\n(built a {n:,}-event synthetic store in {time.perf_counter() - t:.1f} s)")
            report(f"synthetic {n:,}", store, browser)


if __name__ == "__main__":
    main()
