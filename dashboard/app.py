"""Activity Atlas dashboard: `streamlit run dashboard/app.py`.

It only renders: events come from the store (atlas), group colours from the lexicon
(extraction), exports from atlas.exports. Everything is served from this machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run` adds only dashboard/

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from atlas.settings import load_settings
from atlas.store import EventStore, StoreError
from dashboard import charts, exports, filters, mapview, sidebar
from dashboard.assets import missing_assets
from dashboard.groups import read_lexicon_styles, styles_for
from dashboard.markers import build_markers
from dashboard.table import ORDERS, table_html
from dashboard.text import plain

DEFAULT_TITLE = "Armed group activity"


# cache_resource, not cache_data: the frames are shared read-only, never copied per rerun.
@st.cache_resource(show_spinner="Reading the event store…", max_entries=2)
def load_store(path: str, mtime: float) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Events and documents (without their text), cached until the store file changes."""
    store = EventStore(path)
    return store.events(), store.documents(with_text=False)


@st.cache_resource(max_entries=16, show_spinner=False)
def markers_for(path: str, mtime: float, state: filters.FilterState):
    """Filtered events and their markers, cached per store version and filter state."""
    events, _ = load_store(path, mtime)
    chosen = filters.apply(events, state)
    return chosen, build_markers(chosen)


@st.cache_resource
def lexicon_styles():
    return read_lexicon_styles()


def empty_state(settings, reason: str) -> None:
    st.title("Activity Atlas")
    st.info(
        f"{reason}\n\nAdd documents with **Add documents** in the sidebar (upload files or name "
        "a folder), or from a terminal:\n\n"
        f"```\npython -m extraction ingest /path/to/reports\n```\n\nThe store is {plain(settings.store)}."
    )


def exports_panel(chosen: pd.DataFrame, markers, styles, title: str, subtitle: str, m) -> None:
    """Downloads of the filtered view; files are built only when a button is pressed."""
    stem = exports.file_stem(title)

    def render(fmt: str) -> bytes:
        from dashboard import briefing  # matplotlib loads only when a briefing is asked for

        return briefing.render(briefing.Briefing(title, subtitle, markers.frame, styles), fmt)

    cols = st.columns(3)
    cols[0].download_button("Briefing PNG", lambda: render("png"),
                            file_name=f"{stem}.png", mime="image/png", on_click="ignore", key="dl_png")
    cols[1].download_button("Briefing PDF", lambda: render("pdf"),
                            file_name=f"{stem}.pdf", mime="application/pdf", on_click="ignore", key="dl_pdf")
    cols[2].download_button("Interactive map (HTML)", lambda: mapview.standalone_html(m).encode("utf-8"),
                            file_name=f"{stem}.html", mime="text/html", on_click="ignore", key="dl_html")
    cols = st.columns(len(exports.DATA_FORMATS))
    for col, (fmt, (label, mime)) in zip(cols, exports.DATA_FORMATS.items(), strict=True):
        col.download_button(label, exports.data_export(chosen, fmt), file_name=f"{stem}.{fmt}",
                            mime=mime, on_click="ignore", key=f"dl_{fmt}")


def main() -> None:
    briefing_view = sidebar.url_state().briefing
    st.set_page_config(page_title="Activity Atlas", page_icon="🗺️", layout="wide",
                       initial_sidebar_state="collapsed" if briefing_view else "auto")
    settings = load_settings()
    path = settings.store
    filter_box, ingest_box = st.sidebar.container(), st.sidebar.container()
    with ingest_box:
        if sidebar.ingest_controls(settings):
            st.rerun()
        sidebar.show_ingest_report()
    if not path.is_file():
        empty_state(settings, "No event store yet.")
        return
    mtime = path.stat().st_mtime
    try:
        events, documents = load_store(str(path), mtime)
    except StoreError as err:
        st.error(plain(err))
        return
    if events.empty:
        empty_state(settings, "The store holds no events yet.")
        return
    styles = styles_for(events, lexicon_styles())
    with filter_box:
        state = sidebar.filter_controls(events, documents, styles)
        online = st.toggle("Online basemap tiles", value=settings.online_tiles,
                               help="Adds OpenStreetMap and CARTO tiles: the browser then contacts "
                                    "those servers. Off keeps everything on this machine.")
    chosen, markers = markers_for(str(path), mtime, state)
    names = {g: s.name for g, s in styles.items()}
    subtitle = filters.describe(state, names, filters.year_bounds(events))
    title = st.session_state.get("brief_title", DEFAULT_TITLE)
    m = mapview.build_map(markers, styles, title=title, online_tiles=online,
                          subtitle=subtitle if state.briefing else "", north_arrow=state.briefing,
                          heat=markers.frame if state.heat else None)
    missing = missing_assets()
    if state.briefing:
        title = st.text_input("Map title", value=DEFAULT_TITLE, key="brief_title")
        st.caption(plain(subtitle))
    else:
        st.title("Activity Atlas")
        st.caption(f"{len(chosen):,} of {len(events):,} events · {plain(subtitle)}")
    if missing:
        st.error("The map's Leaflet files are not installed: run `make assets` "
                 f"(missing: {', '.join(missing[:3])}…).")
    elif state.briefing:
        st_folium(m, height=720, use_container_width=True, returned_objects=[], key="map")
    else:
        left, right = st.columns([2, 1])
        with left:
            st_folium(m, height=620, use_container_width=True, returned_objects=[], key="map")
        with right:
            for chart in (charts.timeline(chosen, styles), charts.top_places(chosen, styles)):
                if chart is not None:
                    st.altair_chart(chart, width="stretch")
    if markers.cell_degrees is not None:
        st.caption(f"{len(markers.frame):,} markers: places aggregated to {markers.cell_degrees:g}° "
                   "cells per group to keep the map responsive; narrow the filters for single places.")
    if chosen.empty:
        st.warning("No event matches these filters: widen the years, add groups or precisions.")
    st.subheader("Exports")
    exports_panel(chosen, markers, styles, title, subtitle, m)
    if not state.briefing:
        evidence_table(chosen)
        review_panel(str(path), mtime)


@st.cache_resource(max_entries=2, show_spinner=False)
def load_candidates(path: str, mtime: float) -> pd.DataFrame:
    """Group-like names not in the lexicon, with how often and where they occur."""
    candidates = EventStore(path).candidates()
    if candidates.empty:
        return candidates
    grouped = candidates.groupby(["text", "cue"], as_index=False).agg(
        mentions=("doc_id", "size"), documents=("doc_id", lambda d: ", ".join(sorted(set(d))))
    )
    return grouped.sort_values(["mentions", "text"], ascending=[False, True]).reset_index(drop=True)


def review_panel(path: str, mtime: float) -> None:
    """Names that look like armed groups but are not in the lexicon, so none is silently lost."""
    names = load_candidates(path, mtime)
    if names.empty:
        return
    with st.expander(f"Group names to review ({len(names)})"):
        st.caption("These look like armed groups but are not in the group lexicon "
                   "(extraction/data/groups.yaml). Add the real ones there, with a source, and "
                   "ingest again to map them.")
        # st.dataframe shows cells as text, never as HTML, so document text stays inert.
        st.dataframe(names, hide_index=True, width="stretch")


@st.fragment
def evidence_table(chosen: pd.DataFrame) -> None:
    """The evidence table; changing its order or length reruns only this fragment, not the map."""
    st.subheader("Evidence")
    left, right = st.columns(2)
    order = left.selectbox("Order", list(ORDERS), key="table_order")
    limit = right.select_slider("Rows", [50, 100, 200, 500, 1000], value=200, key="table_rows")
    st.caption(f"{min(limit, len(chosen)):,} of {len(chosen):,} events; exports hold them all.")
    st.html(table_html(chosen, limit, order))


main()
