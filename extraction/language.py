"""A cheap language guess, so that documents in other languages can be flagged for review."""

from __future__ import annotations

import re

# The commonest English words: in English prose they make up well over a tenth of all words.
_STOPWORD_TEXT = """
the of and to in a is that for on was with as by it at from are be this have has were which
said not or an their they but its been who had will after also
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def guess_language(text: str) -> str | None:
    """``"en"`` for text that looks English (Latin letters, common English words), else ``None``."""
    sample = text[:100_000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return None
    ascii_share = sum(1 for c in letters if c.isascii()) / len(letters)
    words = re.findall(r"[a-z]+", sample.lower())
    stop_share = sum(1 for w in words if w in _STOPWORDS) / max(len(words), 1)
    return "en" if ascii_share > 0.9 and stop_share > 0.12 else None
