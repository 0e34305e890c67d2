"""The app's logic through Streamlit's AppTest: empty states, filters <-> URL, escaping."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard_stores import build_store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ATLAS_STORE", str(tmp_path / "atlas.gpkg"))
    return tmp_path / "atlas.gpkg"


def _run(params=None):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params or {})
    return at.run()


def _param(at, key):
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def _texts(at):
    return " ".join(e.value for e in [*at.info, *at.caption, *at.markdown, *at.warning])


def test_no_store_explains_how_to_ingest(store_env):
    at = _run()
    assert not at.exception
    assert "No event store yet" in _texts(at) and "python -m extraction ingest" in _texts(at)
    assert len(at.get("form")) == 1  # the ingest form is there


def test_empty_store_says_so(store_env):
    build_store(store_env, 0, hostile=False)
    at = _run()
    assert not at.exception
    assert "no events yet" in _texts(at)


def test_query_params_restore_the_view(store_env):
    build_store(store_env, 400)
    at = _run({"g": ["syn-g1", "syn-g2"], "y": ["2005-2010"], "c": ["0.5"], "q": ["Place"],
               "p": ["city", "district"]})
    assert not at.exception
    assert at.multiselect(key="f_groups").value == ["syn-g1", "syn-g2"]
    assert at.slider(key="f_years").value == (2005, 2010)
    assert at.slider(key="f_confidence").value == 0.5
    assert at.text_input(key="f_text").value == "Place"
    assert at.multiselect(key="f_precisions").value == ["city", "district"]
    caption = at.caption[0].value
    shown = int(caption.split(" of ")[0].replace(",", ""))
    assert 0 < shown < 400


def test_changing_a_filter_updates_the_url(store_env):
    build_store(store_env, 400)
    at = _run()
    assert dict(at.query_params) == {}
    at.multiselect(key="f_groups").unselect("syn-g0").run()
    assert sorted(_param(at, "g")) == ["syn-g1", "syn-g2", "syn-g3"]
    at.slider(key="f_years").set_value((2010, 2012)).run()
    assert _param(at, "y") == ["2010-2012"]
    at.toggle(key="f_briefing").set_value(True).run()
    assert _param(at, "view") == ["briefing"]
    assert at.text_input(key="brief_title").value


def test_evidence_table_escapes_document_text(store_env):
    build_store(store_env, 50)
    at = _run({"q": ["pwned"]})
    assert not at.exception
    table = at.html[0].proto.body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in table
    assert "<script>window" not in table and "<img" not in table
    assert '<mark class="g">' in table and '<mark class="p">Hostile Town</mark>' in table


def test_documents_without_title_date_or_year_still_show(store_env):
    build_store(store_env, 100)
    at = _run({"p": ["city", "district", "province", "locality", "country"]})
    assert not at.exception
    assert "untitled.txt" in at.multiselect(key="f_docs").options
    assert "untitled.txt" in at.html[0].proto.body


def test_filters_that_match_nothing_say_what_to_do(store_env):
    build_store(store_env, 100)
    at = _run({"q": ["no sentence says this"]})
    assert not at.exception
    assert any("No event matches" in w.value for w in at.warning)


def test_a_folder_is_ingested_from_the_sidebar(store_env, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "report.txt").write_text(
        "Peshawar, 12 March 2019.\n\nIn 2019, Tehrik-e-Taliban Pakistan attacked a police "
        "checkpoint in Peshawar, officials said.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    at = _run()
    assert "No event store yet" in _texts(at)
    at.text_input(key="ingest_folder").input(str(folder))
    at.button(key="ingest_submit").click().run()
    assert not at.exception
    summary = " ".join(e.label for e in at.sidebar.expander)
    assert "1 added" in summary and "1 unreadable" in summary
    assert any("empty.txt" in t.value for t in at.sidebar.text)
    assert store_env.is_file()
    assert "Tehrik-e-Taliban Pakistan" in at.html[0].proto.body


def test_table_order_changes_without_touching_the_filters(store_env):
    build_store(store_env, 200)
    at = _run()
    at.selectbox(key="table_order").select("oldest").run()
    assert not at.exception
    body = at.html[0].proto.body
    first_year = int(body.split("</td><td>", 3)[2][:4])
    assert first_year == 2001
    assert dict(at.query_params) == {}


def test_search_text_is_not_rendered_as_markdown(store_env):
    build_store(store_env, 50)
    at = _run({"q": ["![x](http://203.0.113.9/x.png)"]})
    assert not at.exception
    assert r"\!\[x\]\(http\://203\.0\.113\.9/x\.png\)" in at.caption[0].value


def test_unknown_group_names_are_listed_for_review(store_env):
    from atlas.records import GroupCandidate
    from atlas.store import EventStore
    from tests.factories import make_document, make_extraction

    build_store(store_env, 50, hostile=False)
    doc = make_document("A group called Jaish al-Nasr claimed the attack in Khost.",
                        doc_id="new-group.txt")
    extraction = make_extraction(doc)
    found = GroupCandidate(start=15, end=29, text="Jaish al-Nasr", cue="a group called")
    with EventStore(store_env).writer() as writer:
        writer.put(extraction.__class__(document=doc, events=extraction.events,
                                        candidates=(found,)))
    at = _run()
    assert not at.exception
    expander = next(e for e in at.expander if e.label.startswith("Group names to review"))
    assert expander.label == "Group names to review (1)"
    table = expander.dataframe[0].value
    assert table.loc[0, "text"] == "Jaish al-Nasr" and table.loc[0, "documents"] == "new-group.txt"
