import json

from atlas.frames import events_frame
from dashboard.exports import DATA_FORMATS, data_export, file_stem
from dashboard.synthetic import hostile_extraction, synthetic_events
from tests.dashboard_stores import PAYLOAD


def test_file_stem():
    assert file_stem("Armed group activity, 2015–2020") == "armed-group-activity-2015-2020"
    assert file_stem("../../<script>") == "script"
    assert file_stem("") == "atlas"


def test_each_data_format_holds_the_filtered_view():
    events = events_frame(synthetic_events(30, n_groups=2, n_places=5, seed=1)
                          + list(hostile_extraction(PAYLOAD).events))
    outputs = {fmt: data_export(events, fmt)() for fmt in DATA_FORMATS}
    assert outputs["csv"].decode().count("\n") == len(events) + 1
    features = json.loads(outputs["geojson"])["features"]
    assert len(features) == len(events)
    assert outputs["gpkg"][:16] == b"SQLite format 3\x00"
    kml = outputs["kml"].decode()
    assert kml.count("<Placemark") == len(events) and "<script>" not in kml
