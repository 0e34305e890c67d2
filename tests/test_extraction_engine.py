from atlas.records import Document, Extraction
from atlas.settings import Settings
from extraction.engine import load_extractor


def test_the_real_extractor_turns_a_document_into_events():
    run = load_extractor(Settings())
    text = "Tehrik-e-Taliban Pakistan fighters attacked a school in Peshawar in 2014."
    result = run(Document(doc_id="a.txt", doc_hash="h", path="a.txt", text=text))
    assert isinstance(result, Extraction)
    event = result.events[0]
    assert (event.group_short, event.place, event.year) == ("TTP", "Peshawar", 2014)
    assert text[event.place_start:event.place_end] == "Peshawar"


def test_online_geocoding_is_off_unless_switched_on(tmp_path):
    from extraction.engine import _components

    offline, _ = _components(None, False, tmp_path / "cache.sqlite")
    assert offline.geocoder is None
    online, _ = _components(None, True, tmp_path / "cache.sqlite")
    assert online.geocoder is not None  # constructed only: no request is made here
    assert (tmp_path / "cache.sqlite").exists()

