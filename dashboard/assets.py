"""Leaflet and plugin assets served from this machine, never from a CDN.

``make assets`` installs the npm packages pinned in dashboard/package-lock.json into
dashboard/static/vendor/<package>/, which Streamlit serves at ``/app/static/vendor/``.
Every folium element we use is pointed at those files (``localise``); a standalone HTML
export gets them inlined (``inline_assets``) so it also works when opened from disk.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

VENDOR = Path(__file__).parent / "static" / "vendor"
STATIC_URL = "/app/static/vendor"
BASEMAP_ASSET = "basemap/countries.geojson"
"""The shipped boundaries (dashboard/data), copied next to the vendor files by ``make assets``."""

# Asset sets by folium element kind: (javascript files, stylesheets), relative to VENDOR.
ASSETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "map": (("leaflet/leaflet.js",), ("leaflet/leaflet.css",)),
    "markercluster": (
        ("leaflet.markercluster/leaflet.markercluster.js",),
        ("leaflet.markercluster/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.Default.css"),
    ),
    "subgroup": (("leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js",), ()),
    "heat": (("leaflet.heat/leaflet-heat.js",), ()),
    "groupedlayercontrol": (
        ("leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.js",),
        ("leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.css",),
    ),
}


def missing_assets(vendor: Path = VENDOR) -> list[str]:
    """Asset files that are not installed (run ``make assets`` to install them)."""
    files = [f for js, css in ASSETS.values() for f in (*js, *css)] + [BASEMAP_ASSET]
    return [f for f in files if not (vendor / f).is_file()]


def localise(element: object, kind: str, base: str = STATIC_URL) -> object:
    """Point a folium element's ``default_js``/``default_css`` at the local copies (and only those)."""
    js, css = ASSETS[kind]
    element.default_js = [(Path(f).name, f"{base}/{f}") for f in js]  # type: ignore[attr-defined]
    element.default_css = [(Path(f).name, f"{base}/{f}") for f in css]  # type: ignore[attr-defined]
    return element


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    """A stylesheet with its relative images turned into data URIs."""

    def replace(match: re.Match[str]) -> str:
        target = (path.parent / match.group(1)).resolve()
        return f"url({_data_uri(target)})" if target.is_file() else match.group(0)

    return re.sub(r"url\(([^)#:'\"]+)\)", replace, path.read_text(encoding="utf-8"))


def inline_assets(page: str, base: str = STATIC_URL, vendor: Path = VENDOR) -> str:
    """Replace links to local assets in a rendered page by the files' contents."""
    prefix = re.escape(base + "/")

    def script(match: re.Match[str]) -> str:
        code = (vendor / match.group(1)).read_text(encoding="utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def style(match: re.Match[str]) -> str:
        return "<style>" + _inline_css(vendor / match.group(1)) + "</style>"

    page = re.sub(rf'<script src="{prefix}([^"]+)"></script>', lambda m: script(m), page)
    return re.sub(rf'<link rel="stylesheet" href="{prefix}([^"]+)"\s*/>', lambda m: style(m), page)
