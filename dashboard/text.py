"""Text from documents, URLs and file names, made inert for Streamlit's Markdown elements.

``st.caption``, ``st.error`` and friends render Markdown: an unescaped ``![x](http://…)`` in a
search term or a file name would make the browser fetch an outside image, and ``[a](…)`` would
show a link. Every such character is backslash-escaped so the text shows as typed.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def plain(text: object) -> str:
    """``text`` with Markdown (and HTML) syntax escaped, so Streamlit shows it literally."""
    return _MARKDOWN.sub(r"\\\1", str(text))
