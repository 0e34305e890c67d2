"""The Streamlit dashboard: rendering only, over the event store."""
