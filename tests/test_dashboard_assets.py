import folium

from dashboard.assets import ASSETS, BASEMAP_ASSET, inline_assets, localise, missing_assets


def test_localise_replaces_cdn_links():
    m = localise(folium.Map(tiles=None), "map", "/static")
    assert m.default_js == [("leaflet.js", "/static/leaflet/leaflet.js")]
    assert m.default_css == [("leaflet.css", "/static/leaflet/leaflet.css")]


def test_missing_assets_lists_what_is_not_installed(tmp_path):
    expected = {f for js, css in ASSETS.values() for f in (*js, *css)} | {BASEMAP_ASSET}
    assert set(missing_assets(tmp_path)) == expected
    (tmp_path / "leaflet").mkdir()
    (tmp_path / "leaflet" / "leaflet.js").write_text("x")
    assert "leaflet/leaflet.js" not in missing_assets(tmp_path)


def test_inline_assets_embeds_scripts_styles_and_images(tmp_path):
    (tmp_path / "lib" / "images").mkdir(parents=True)
    (tmp_path / "lib" / "a.js").write_text("var a = '</script>';")
    (tmp_path / "lib" / "a.css").write_text(".x{background:url(images/i.png)} .y{behavior:url(#default#VML)}")
    (tmp_path / "lib" / "images" / "i.png").write_bytes(b"\x89PNG")
    page = ('<script src="/v/lib/a.js"></script><link rel="stylesheet" href="/v/lib/a.css"/>'
            '<script src="https://elsewhere/x.js"></script>')
    out = inline_assets(page, "/v", tmp_path)
    assert "<script>var a = '<\\/script>';</script>" in out
    assert "url(data:image/png;base64,iVBORw==)" in out and "url(#default#VML)" in out
    assert '<script src="https://elsewhere/x.js"></script>' in out
