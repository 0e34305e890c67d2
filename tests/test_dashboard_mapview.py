import json
import re

from hypothesis import given
from hypothesis import strategies as st

from atlas.frames import events_frame
from dashboard import mapview
from dashboard.groups import styles_for
from dashboard.markers import build_markers
from dashboard.synthetic import hostile_extraction, synthetic_events
from tests.dashboard_stores import PAYLOAD


def _map(heat=False, online=False):
    events = events_frame(synthetic_events(200, n_groups=3, n_places=20, seed=4)
                          + list(hostile_extraction(PAYLOAD).events))
    markers = build_markers(events)
    styles = styles_for(events, {})
    return mapview.build_map(markers, styles, title="T <i>x</i>", online_tiles=online,
                             heat=markers.frame if heat else None), styles


def _urls(page: str) -> set[str]:
    return set(re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page))


def test_map_loads_only_local_assets():
    m, _ = _map(heat=True)
    page = m.get_root().render()
    urls = _urls(page)
    assert urls and all(u.startswith("/app/static/vendor/") for u in urls), urls
    assert not re.search(r"https?://(?!leafletjs\.com)", page.split("</head>")[0])


def test_standalone_html_inlines_every_asset():
    m, _ = _map(heat=True)
    page = mapview.standalone_html(m)
    assert _urls(page) == set()
    assert "L.markerClusterGroup" in page and "L.heatLayer" in page
    assert "data:image/png;base64," in page  # leaflet.css images
    assert '"name":"Afghanistan"' in page.replace(" ", "") and "fetch(" not in page  # basemap inlined


def test_served_map_fetches_the_basemap_from_the_static_server():
    m, _ = _map()
    page = m.get_root().render()
    assert 'fetch("/app/static/vendor/basemap/countries.geojson")' in page
    assert "Afghanistan" not in page


def test_online_tiles_only_when_asked():
    offline, _ = _map()
    assert "tile.openstreetmap.org" not in offline.get_root().render()
    online, _ = _map(online=True)
    page = online.get_root().render()
    assert "tile.openstreetmap.org" in page and "Online basemaps (go online)" in page
    assert "opentopomap.org" in page
    assert "apikey" not in page.lower()  # no provider that needs a key to draw anything


def test_document_text_never_reaches_the_page_as_markup():
    m, _ = _map()
    page = m.get_root().render()
    assert "__pwned" in page  # the text is there, as escaped data
    assert "<script>window.__pwned" not in page
    assert "<img" not in page
    assert "<i>x</i>" not in page


def test_layers_per_group_grouped_by_family():
    m, styles = _map()
    page = m.get_root().render()
    assert "L.control.groupedLayers" in page
    for style in styles.values():
        assert json.dumps(style.family) in page
        assert f"atlas-g-{mapview.css_slug(style.group_id)}" in page


@given(st.text(max_size=50))
def test_safe_json_cannot_close_a_script(text):
    encoded = mapview.safe_json({"t": text})
    assert "<" not in encoded and ">" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_marker_size_grows_with_count_and_is_bounded():
    sizes = [mapview.marker_size(n) for n in (1, 2, 10, 100, 10_000)]
    assert sizes == sorted(sizes) and sizes[0] >= 10 and sizes[-1] <= 36


def test_far_off_outliers_do_not_zoom_the_map_out():
    import pandas as pd

    core = pd.DataFrame({"lat": [30.0 + i * 0.1 for i in range(20)],
                         "lon": [70.0 + i * 0.1 for i in range(20)], "count": [5] * 20})
    outlier = pd.DataFrame({"lat": [51.5], "lon": [-0.1], "count": [1]})
    (lat0, lon0), (lat1, lon1) = mapview.marker_bounds(pd.concat([core, outlier]))
    assert lat1 < 40 and lon0 > 60
    few = pd.DataFrame({"lat": [33.0, 34.0, 34.5, 29.8], "lon": [70.0, 71.5, 69.0, -95.4],
                        "count": [5, 4, 3, 1]})
    (lat0, lon0), (lat1, lon1) = mapview.marker_bounds(few)
    assert lon0 > 60 and lat0 < 33
    spread = pd.DataFrame({"lat": [24.0, 38.0] * 10, "lon": [61.0, 88.0] * 10, "count": [1] * 20})
    (lat0, lon0), (lat1, lon1) = mapview.marker_bounds(spread)
    assert lat0 < 24 and lat1 > 38 and lon0 < 61 and lon1 > 88


def test_many_scattered_far_places_still_leave_the_core_in_view():
    import pandas as pd

    # 80 events in Af-Pak, 20 spread over Syria, Iraq, New York, Paris and Sydney.
    core = pd.DataFrame({"lat": [31.0 + i * 0.2 for i in range(16)],
                         "lon": [66.0 + i * 0.3 for i in range(16)], "count": [5] * 16})
    abroad = pd.DataFrame({"lat": [35.0, 33.3, 40.7, 48.9, -33.9],
                           "lon": [38.5, 44.4, -74.0, 2.35, 151.2], "count": [4] * 5})
    (lat0, lon0), (lat1, lon1) = mapview.marker_bounds(pd.concat([core, abroad]))
    assert lon0 > 45 and lon1 < 90 and lat0 > 20 and lat1 < 45
