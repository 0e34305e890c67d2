"""The interactive folium map: offline basemap, one clustered layer per group, heat, legend.

Document text reaches the page only as escaped HTML inside JSON that is itself safe in a
``<script>`` block (``<``, ``>`` and ``&`` written as ``\\u`` escapes).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from folium.plugins import FeatureGroupSubGroup, GroupedLayerControl, HeatMap, MarkerCluster
from jinja2 import Template

from dashboard.assets import BASEMAP_ASSET, STATIC_URL, inline_assets, localise
from dashboard.basemap import BASEMAP_STYLE, SEA_COLOUR, countries_geojson
from dashboard.filters import PRECISIONS
from dashboard.groups import GroupStyle
from dashboard.markers import Markers

REGION = [[23.0, 60.0], [40.0, 90.0]]
SOURCE_LINE = "Sources: analysed documents · places: GeoNames (CC BY 4.0) · boundaries: Natural Earth"
# Providers that need no API key (CARTO's basemaps now do, and load blank without one).
ONLINE_TILES = {
    "OpenStreetMap (online)": "OpenStreetMap",
    "OpenTopoMap (online)": "OpenTopoMap",
}
# One SVG per place precision; COLOUR and SIZE are filled in (the legend uses the same shapes).
SHAPES = {
    "country": '<circle cx="10" cy="10" r="8" fill="COLOUR" fill-opacity="0.25" stroke="COLOUR" '
    'stroke-width="2.5" stroke-dasharray="3 2"/>',
    "province": '<polygon points="10,1 19,10 10,19 1,10" fill="COLOUR" stroke="#ffffff" stroke-width="1.5"/>',
    "district": '<rect x="3" y="3" width="14" height="14" fill="COLOUR" stroke="#ffffff" stroke-width="1.5"/>',
    "city": '<circle cx="10" cy="10" r="8" fill="COLOUR" stroke="#ffffff" stroke-width="1.5"/>',
    "locality": '<circle cx="10" cy="10" r="6" fill="COLOUR" stroke="#222222" stroke-width="1.5"/>',
}
CSS = f"""<style>
div.leaflet-container {{ background: {SEA_COLOUR}; }}
.atlas-marker, .atlas-cluster {{ background: none; border: none; }}
.atlas-cluster svg {{ display: block; filter: drop-shadow(0 0 2px rgba(0,0,0,.45)); }}
.atlas-marker svg {{ display: block; overflow: visible; filter: drop-shadow(0 0 1px rgba(0,0,0,.5)); }}
.atlas-popup {{ font: 12px/1.35 sans-serif; max-height: 260px; overflow-y: auto; }}
.atlas-popup .ev {{ margin-top: 6px; border-top: 1px solid #ddd; padding-top: 4px; }}
.atlas-popup .src {{ color: #555; font-size: 11px; }}
.atlas-popup mark.g {{ background: #ffe08a; }} .atlas-popup mark.p {{ background: #b9e3ff; }}
.atlas-legend {{ background: rgba(255,255,255,.92); padding: 6px 9px; font: 11px/1.3 sans-serif;
  border-radius: 4px; box-shadow: 0 0 4px rgba(0,0,0,.3); max-height: 55vh; max-width: 260px; overflow-y: auto; }}
.atlas-legend h4 {{ margin: 0 0 3px; font-size: 12px; cursor: pointer; }} .atlas-legend .sub {{ color: #333; margin-bottom: 3px; }}
.atlas-north {{ background: rgba(255,255,255,.85); border-radius: 4px; padding: 2px 4px; }}
.atlas-legend h4::after {{ content: " ▾"; color: #777; }} .atlas-legend.folded h4::after {{ content: " ▸"; }}
.atlas-legend.folded > :not(h4) {{ display: none; }} .atlas-legend .fam {{ font-weight: bold; margin-top: 4px; }}
.atlas-legend svg {{ vertical-align: middle; margin-right: 4px; }} .atlas-legend .src {{ color: #555; margin-top: 4px; }}
</style>"""


def safe_json(value: object) -> str:
    """JSON that cannot close a ``<script>`` element or open markup, whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def shape_svg(precision: str, colour: str, size: int) -> str:
    """The marker symbol for a precision class, as inline SVG."""
    body = SHAPES[precision].replace("COLOUR", colour)
    return f'<svg width="{size}" height="{size}" viewBox="0 0 20 20">{body}</svg>'


def css_slug(text: str) -> str:
    """A class-name-safe form of a group id (used by tests and styling)."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-") or "x"


class _Script(MacroElement):
    """A block of map script with a JSON payload, added to its parent layer or map."""

    def __init__(self, script: str, **payload: object) -> None:
        super().__init__()
        self._name = "AtlasScript"
        self.payload = {k: safe_json(v) for k, v in payload.items()}
        self._template = Template(
            "{% macro script(this, kwargs) %}(function(parent){" + script + "})({{ this._parent.get_name() }});{% endmacro %}"
        )


# The boundaries go in their own pane under every overlay; they are fetched from the static
# server (cached by the browser across reruns) or, in a standalone page, inlined.
_BASEMAP_JS = (
    "var style = {{ this.payload.style }}, pane = parent.createPane('atlasBasemap');"
    "pane.style.zIndex = 250; pane.style.pointerEvents = 'none';"
    "var data = {% if this.inline %}Promise.resolve({{ this.inline }}){% else %}"
    "fetch({{ this.payload.url }}).then(function(r){return r.json();}){% endif %};"
    "data.then(function(d){ L.geoJSON(d, {style: function(){return style;}, interactive: false,"
    " pane: 'atlasBasemap'}).addTo(parent); });"
)
_MARKERS_JS = (
    "var rows = {{ this.payload.rows }}, svg = {{ this.payload.shapes }}, colour = {{ this.payload.colour }},"
    " css = {{ this.payload.css }};"
    "rows.forEach(function(r){ var s = r[2]; var icon = L.divIcon({className: 'atlas-marker ' + css,"
    " html: '<svg width=\"' + s + '\" height=\"' + s + '\" viewBox=\"0 0 20 20\">' +"
    " svg[r[3]].split('COLOUR').join(colour) + '</svg>', iconSize: [s, s],"
    " iconAnchor: [s / 2 - r[6], s / 2 - r[7]]});"
    " var m = L.marker([r[0], r[1]], {icon: icon, title: r[5], atlasColour: colour, atlasCount: r[8]});"
    " m.bindPopup(r[4], {maxWidth: 380});"
    " parent.addLayer(m); });"
)
# Cluster icons: a ring split by the groups' shares of the events inside, the event count in
# the middle, and the number of markers in data-markers.
_CLUSTER_ICON = """function(cluster) {
  var kids = cluster.getAllChildMarkers(), tally = {}, events = 0;
  kids.forEach(function(m) { var c = m.options.atlasColour, n = m.options.atlasCount || 1;
    tally[c] = (tally[c] || 0) + n; events += n; });
  var size = Math.round(Math.min(56, 30 + 4 * Math.log2(kids.length))), offset = 25, parts = '';
  Object.keys(tally).forEach(function(c) { var pct = 100 * tally[c] / events;
    parts += '<circle r="15.9155" cx="21" cy="21" fill="none" stroke="' + c + '" stroke-width="6"'
      + ' stroke-dasharray="' + pct + ' ' + (100 - pct) + '" stroke-dashoffset="' + offset + '"/>';
    offset -= pct; });
  var html = '<svg data-markers="' + kids.length + '" width="' + size + '" height="' + size
    + '" viewBox="0 0 42 42"><circle r="13" cx="21" cy="21" fill="#ffffff" fill-opacity="0.92"/>'
    + parts + '<text x="21" y="25" text-anchor="middle" font-size="10" font-weight="bold"'
    + ' font-family="sans-serif" fill="#222">' + events + '</text></svg>';
  return L.divIcon({html: html, className: 'atlas-cluster', iconSize: [size, size]});
}"""
_NORTH_JS = (
    "var north = L.control({position: 'topright'});"
    "north.onAdd = function(){ var div = L.DomUtil.create('div', 'atlas-north');"
    " div.innerHTML = '<svg width=\"26\" height=\"38\" viewBox=\"0 0 26 38\"><polygon points=\"13,2 22,26 13,20 4,26\"'"
    " + ' fill=\"#222\"/><text x=\"13\" y=\"37\" text-anchor=\"middle\" font-size=\"11\"'"
    " + ' font-weight=\"bold\" font-family=\"sans-serif\">N</text></svg>'; return div; };"
    "north.addTo(parent);"
)
_LEGEND_JS = (
    "var legend = L.control({position: 'bottomleft'});"
    "legend.onAdd = function(){ var div = L.DomUtil.create('div', 'atlas-legend');"
    " div.innerHTML = {{ this.payload.html }}; L.DomEvent.disableScrollPropagation(div);"
    " div.querySelector('h4').onclick = function(){ div.classList.toggle('folded'); };"
    " L.DomEvent.disableClickPropagation(div); return div; };"
    "legend.addTo(parent);"
)


def marker_size(count: int) -> int:
    """Marker diameter in pixels: grows with the log of the number of events."""
    return int(min(36, 12 + 5 * math.log2(max(count, 1))))


def legend_html(title: str, styles: Mapping[str, GroupStyle], counts: Mapping[str, int],
                n_events: int, n_markers: int, note: str = "", subtitle: str = "") -> str:
    """The legend's HTML (escaped): groups by family with counts, precision shapes, sources."""
    rows = [f"<h4>{html.escape(title)}</h4>",
            f"<div class='sub'>{html.escape(subtitle)}</div>" if subtitle else "",
            f"<div class='count'>{n_events:,} events · {n_markers:,} markers</div>"]
    family = None
    for gid, style in styles.items():
        if gid not in counts:
            continue
        if style.family != family:
            family = style.family
            rows.append(f"<div class='fam'>{html.escape(family)}</div>")
        rows.append(f"<div>{shape_svg('city', style.colour, 12)}{html.escape(style.name)}"
                    f" ({counts[gid]:,})</div>")
    rows.append("<div class='fam'>Place precision</div>")
    rows.append("".join(f"<span>{shape_svg(p, '#777777', 12)}{p}</span> " for p in PRECISIONS))
    if note:
        rows.append(f"<div class='src'>{html.escape(note)}</div>")
    rows.append(f"<div class='src'>{html.escape(SOURCE_LINE)}</div>")
    return "".join(rows)


def build_map(markers: Markers, styles: Mapping[str, GroupStyle], *, title: str, subtitle: str = "",
              heat: pd.DataFrame | None = None, online_tiles: bool = False, north_arrow: bool = False,
              asset_base: str = STATIC_URL, bounds: list[list[float]] | None = None) -> folium.Map:
    """The folium map for a filtered view (assets served locally from ``asset_base``)."""
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.5, maxZoom=14, minZoom=2)
    localise(m, "map", asset_base)
    m.get_root().header.add_child(Element(CSS), name="atlas_css")
    basemap = _Script(_BASEMAP_JS, style=BASEMAP_STYLE, url=f"{asset_base}/{BASEMAP_ASSET}")
    basemap.inline = None
    basemap.add_to(m, name="atlas_basemap")
    overlays: dict[str, list] = {}
    if online_tiles:
        for name, tiles in ONLINE_TILES.items():
            layer = folium.TileLayer(tiles, name=name, overlay=True, show=False)
            layer.add_to(m)
            overlays.setdefault("Online basemaps (go online)", []).append(layer)
    cluster = localise(MarkerCluster(control=False, icon_create_function=_CLUSTER_ICON,
                                     options={"disableClusteringAtZoom": 8, "maxClusterRadius": 30}),
                       "markercluster", asset_base)
    cluster.add_to(m)
    frame = markers.frame
    counts = frame.groupby("group_id")["count"].sum().to_dict() if not frame.empty else {}
    for gid, rows in frame.groupby("group_id", sort=False):
        style = styles[gid]
        sub = localise(FeatureGroupSubGroup(cluster, name=html.escape(style.name)), "subgroup", asset_base)
        sub.add_to(m)
        data = [[round(r.lat, 5), round(r.lon, 5), marker_size(int(r.count)), r.precision, r.popup,
                 f"{style.short}: {r.label} ({int(r.count)})", int(r.dx), int(r.dy), int(r.count)]
                for r in rows.itertuples(index=False)]
        _Script(_MARKERS_JS, rows=data, shapes=SHAPES, colour=style.colour,
                css=f"atlas-g-{css_slug(gid)}").add_to(sub)
        overlays.setdefault(style.family, []).append(sub)
    if heat is not None and not heat.empty:
        points = heat[["lat", "lon", "count"]].astype(float).round(4).values.tolist()
        layer = localise(HeatMap(points, name="Heat map", radius=22, blur=18, min_opacity=0.3),
                         "heat", asset_base)
        layer.add_to(m)
        overlays.setdefault("View", []).append(layer)
    if overlays:
        control = GroupedLayerControl(overlays, exclusive_groups=False, collapsed=True)
        localise(control, "groupedlayercontrol", asset_base).add_to(m)
    note = "" if markers.cell_degrees is None else f"Aggregated to {markers.cell_degrees:g}° cells"
    n_events = int(frame["count"].sum()) if not frame.empty else 0
    _Script(_LEGEND_JS, html=legend_html(title, styles, counts, n_events, len(frame), note,
                                         subtitle)).add_to(m)
    if north_arrow:
        _Script(_NORTH_JS).add_to(m)
    # Keep the markers clear of the legend (bottom left, at most 260 px wide).
    m.fit_bounds(bounds or marker_bounds(frame) or REGION, padding_top_left=(270, 10),
                 padding_bottom_right=(10, 10))
    return m


def marker_bounds(frame: pd.DataFrame) -> list[list[float]] | None:
    """South-west and north-east corners around the markers, padded a little.

    Far-off places (a plot abroad, fighters travelling to Syria, a misread name) should not
    zoom the map out to the whole world: the initial view frames the markers nearest the
    events' weighted median that together hold 80% of the events (and everything within
    15 degrees of it); the others stay on the map, a pan away.
    """
    if frame.empty:
        return None
    lat = frame["lat"].to_numpy(dtype=float)
    lon = frame["lon"].to_numpy(dtype=float)
    weights = frame["count"].to_numpy(dtype=float) if "count" in frame else np.ones(len(frame))
    mid_lat, mid_lon = _weighted_median(lat, weights), _weighted_median(lon, weights)
    distance = np.hypot(lat - mid_lat, (lon - mid_lon) * np.cos(np.radians(mid_lat)))
    order = distance.argsort()
    cumulative = weights[order].cumsum()
    core = distance[order][cumulative.searchsorted(0.8 * cumulative[-1])]
    keep = distance <= max(15.0, core)
    lat0, lat1, lon0, lon1 = lat[keep].min(), lat[keep].max(), lon[keep].min(), lon[keep].max()
    pad = max(0.5, 0.05 * max(lat1 - lat0, lon1 - lon0))
    return [[float(lat0 - pad), float(lon0 - pad)], [float(lat1 + pad), float(lon1 + pad)]]


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = values.argsort()
    cumulative = weights[order].cumsum()
    return float(values[order][cumulative.searchsorted(cumulative[-1] / 2)])


def standalone_html(m: folium.Map) -> str:
    """The map as one HTML page with every asset inlined, for opening from disk offline."""
    basemap = m._children["atlas_basemap"]
    basemap.inline = countries_geojson()
    try:
        return inline_assets(m.get_root().render())
    finally:
        basemap.inline = None
