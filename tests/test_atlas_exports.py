import io
import json
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pytest

from atlas.exports import ExportError, acled_frame, export_bytes, format_for, write_frame
from atlas.frames import events_frame, mentions_frame
from tests.factories import make_document, make_event, make_mention

HOSTILE = 'TTP struck <script>alert("x")</script> & <img src=x onerror=alert(1)> in Khost.'


@pytest.fixture
def events():
    doc = make_document(HOSTILE)
    return events_frame([make_event(doc, 0), make_event(doc, 1, year=None, feature_type="admin1")])


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.GeoJSON", "geojson"), ("a.gpkg", "gpkg"), ("a.jsonl", "jsonl"),
     ("a.kml", "kml")],
)
def test_format_follows_the_extension(name, fmt):
    assert format_for(name) == fmt


def test_unknown_extension_or_format_is_refused():
    with pytest.raises(ExportError, match="extension"):
        format_for("events.xlsx")
    with pytest.raises(ExportError, match="unknown format"):
        format_for("events.csv", "shp")


def test_csv_has_the_contract_columns(events):
    frame = pd.read_csv(io.BytesIO(export_bytes(events, "csv")))
    for column in ("event_id", "doc_id", "doc_title", "group", "group_family", "place",
                   "place_id", "lat", "lon", "country_code", "feature_type", "year",
                   "year_source", "sentence", "start", "end", "confidence"):
        assert column in frame.columns
    assert frame.loc[0, "sentence"] == HOSTILE


def test_geojson_round_trips_points_in_wgs84(events, tmp_path):
    path = write_frame(events, tmp_path / "out.geojson")
    back = gpd.read_file(path)
    assert back.crs.to_epsg() == 4326
    assert back.geometry.iloc[0].x == pytest.approx(69.92041)
    assert len(back) == 2


def test_gpkg_export_is_a_point_layer(events, tmp_path):
    path = write_frame(events, tmp_path / "out.gpkg")
    back = gpd.read_file(path, layer="events")
    assert list(back.geom_type.unique()) == ["Point"]


def test_jsonl_writes_one_object_per_event_with_nulls(events):
    lines = export_bytes(events, "jsonl").decode().splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 2
    assert rows[1]["year"] is None
    assert rows[0]["lat"] == pytest.approx(33.33951)


def test_kml_escapes_document_text(events):
    data = export_bytes(events, "kml")
    root = ET.fromstring(data)
    descriptions = [el.text for el in root.iter() if el.tag.endswith("description")]
    assert descriptions and all("<script>" not in d for d in descriptions)
    assert "&lt;script&gt;" in descriptions[0]


def test_acled_layout_uses_country_names_and_precision(events):
    frame = acled_frame(events, {"AF": "Afghanistan"})
    assert list(frame.columns[:4]) == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert frame.loc[0, "country"] == "Afghanistan"
    assert frame.loc[0, "event_date"] == "2016-01-01"
    assert frame.loc[0, "geo_precision"] == 1
    assert frame.loc[1, "geo_precision"] == 3
    assert frame.loc[1, "event_date"] == ""


def test_acled_refuses_mentions():
    mentions = mentions_frame([make_mention(make_document())])
    with pytest.raises(ExportError, match="events"):
        export_bytes(mentions, "acled")


def test_mentions_export_as_csv_and_kml():
    mentions = mentions_frame([make_mention(make_document())])
    assert b"Khost" in export_bytes(mentions, "csv")
    assert b"<Placemark" in export_bytes(mentions, "kml")
