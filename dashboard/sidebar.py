"""Sidebar controls: the filters (mirrored in the URL) and adding documents."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas.settings import Settings
from dashboard import uploads
from dashboard.filters import PRECISIONS, FilterState, year_bounds
from dashboard.groups import GroupStyle
from dashboard.text import plain

_LOADED = "_filters_from_url"


def url_state() -> FilterState:
    """The filter state the page's query string asks for."""
    return FilterState.from_params({key: st.query_params.get_all(key) for key in st.query_params})


def _seed_widgets(state: FilterState, groups: list[str], families: list[str], docs: list[str],
                  years: tuple[int, int] | None) -> None:
    """Give the widgets the URL's values once per session (later the widgets lead)."""
    if st.session_state.get(_LOADED):
        return
    st.session_state["f_groups"] = [g for g in (state.groups or groups) if g in groups] \
        if state.groups is not None else list(groups)
    st.session_state["f_families"] = [f for f in state.families if f in families] \
        if state.families is not None else list(families)
    st.session_state["f_docs"] = [d for d in docs if state.docs and d.startswith(tuple(state.docs))]
    if years is not None:
        low, high = state.years or years
        st.session_state["f_years"] = (max(years[0], min(low, years[1])), min(years[1], max(high, years[0])))
    st.session_state["f_precisions"] = list(state.precisions)
    st.session_state["f_confidence"] = state.min_confidence
    st.session_state["f_text"] = state.text
    st.session_state["f_heat"] = state.heat
    st.session_state["f_briefing"] = state.briefing
    st.session_state[_LOADED] = True


def filter_controls(events: pd.DataFrame, documents: pd.DataFrame,
                    styles: Mapping[str, GroupStyle]) -> FilterState:
    """Draw the filters, write their state to the URL, and return it."""
    groups = list(styles)
    families = sorted({s.family for s in styles.values()})
    titles = _document_titles(documents, events)
    years = year_bounds(events)
    _seed_widgets(url_state(), groups, families, list(titles), years)
    st.header("Filters")
    chosen_groups = st.multiselect("Groups", groups, key="f_groups",
                                           format_func=lambda g: styles[g].name)
    chosen_families = st.multiselect("Families", families, key="f_families")
    if years is not None and years[0] < years[1]:
        chosen_years = st.slider("Years", years[0], years[1], key="f_years")
    else:
        chosen_years = years
    chosen_docs = st.multiselect("Documents", list(titles), key="f_docs",
                                         format_func=lambda d: titles[d], placeholder="All documents")
    precisions = st.multiselect(
        "Place precision", list(PRECISIONS), key="f_precisions",
        help="Country-level events are off by default: they clutter a regional map.")
    confidence = st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="f_confidence")
    text = st.text_input("Search evidence", key="f_text", placeholder="words in the sentence")
    heat = st.toggle("Heat map", key="f_heat")
    briefing = st.toggle("Briefing mode", key="f_briefing",
                                 help="A clean full-width map with title, legend and print exports.")
    state = FilterState(
        groups=None if set(chosen_groups) == set(groups) else tuple(chosen_groups),
        families=None if set(chosen_families) == set(families) else tuple(chosen_families),
        docs=tuple(d[:12] for d in chosen_docs) or None,
        years=None if chosen_years is None or tuple(chosen_years) == years else tuple(chosen_years),
        precisions=tuple(p for p in PRECISIONS if p in precisions),
        min_confidence=float(confidence), text=text.strip(), heat=heat, briefing=briefing,
    )
    write_url(state)
    return state


def write_url(state: FilterState) -> None:
    """Put the state in the query string (only when it changed, to avoid needless reruns)."""
    wanted = state.to_params()
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _document_titles(documents: pd.DataFrame, events: pd.DataFrame) -> dict[str, str]:
    """Document hash -> "title (date)" for documents that have events."""
    used = set(events["doc_hash"].astype(str))
    titles: dict[str, str] = {}
    for row in documents.itertuples(index=False):
        if str(row.doc_hash) in used:
            date = f" ({row.published})" if _present(row.published) else ""
            titles[str(row.doc_hash)] = f"{row.title if _present(row.title) else row.doc_id}{date}"
    return dict(sorted(titles.items(), key=lambda kv: kv[1]))


def _present(value: object) -> bool:
    return value is not None and not pd.isna(value) and str(value) != ""


def ingest_controls(settings: Settings) -> bool:
    """Upload files or name a folder to ingest; True when the store changed."""
    st.header("Add documents")
    with st.form("ingest", clear_on_submit=True):
        files = st.file_uploader("Upload files", accept_multiple_files=True,
                                 type=["txt", "md", "html", "htm", "pdf", "docx"])
        folder = st.text_input("…or a folder on this machine", placeholder="/path/to/reports",
                               key="ingest_folder")
        submitted = st.form_submit_button("Ingest", key="ingest_submit")
    if not submitted:
        return False
    paths: list[Path] = []
    try:
        paths += uploads.save_all(((f.name, f.getvalue()) for f in files or []), settings.uploads_dir)
    except (OSError, uploads.UnsafeUpload) as err:
        st.error(f"Could not save an upload: {plain(err)}")
    if folder.strip():
        target = Path(folder.strip()).expanduser()
        if target.is_dir():
            paths.append(target)
        else:
            st.error(f"{plain(target)} is not a folder on this machine.")
    if not paths:
        return False
    bar = st.progress(0.0, text="Reading documents…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=f"{done}/{total} {name}")

    report = uploads.ingest_paths(paths, settings, progress)
    st.session_state["ingest_report"] = report
    return bool(report.added or report.replaced)


def show_ingest_report() -> None:
    """The last ingest's summary: counts, duplicates and unreadable files with reasons."""
    report = st.session_state.get("ingest_report")
    if report is None:
        return
    with st.expander(f"Last ingest: {report.summary()}", expanded=bool(report.problems)):
        for copy, original in report.duplicates:
            st.text(f"Duplicate: {copy} repeats {original}")
        for problem in report.problems:
            st.text(f"Unreadable: {problem}")
