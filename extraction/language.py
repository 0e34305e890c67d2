"""A cheap language guess, so that documents in other languages can be flagged for review.

Every document passes through here, so the counting is done by ``str``/``bytes`` methods
and a regex in C rather than a Python loop over characters.
"""

from __future__ import annotations

import re
from collections import Counter

# The commonest English words: in English prose they make up well over a tenth of all words.
_STOPWORD_TEXT = """
the of and to in a is that for on was with as by it at from are be this have has were which
said not or an their they but its been who had will after also
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.encode().split())
_SAMPLE = 100_000
_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_ASCII_LETTERS = _LOWER + _LOWER.upper()
# Bytes that are not ASCII letters (deleted to count letters) and a table turning every
# byte but a-z into a space (to split lower-cased text into its [a-z]+ words).
_NOT_LETTERS = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_WORDS_ONLY = bytes(b if b in _LOWER else 0x20 for b in range(256))
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def guess_language(text: str) -> str | None:
    """``"en"`` for text that looks English (Latin letters, common English words), else ``None``.

    Looks at the first 100,000 characters: more than 90% of their letters must be ASCII
    and more than 12% of their ``[a-z]+`` words (after lower-casing) English stopwords.
    """
    sample = text[:_SAMPLE]
    # Non-ASCII characters become "?" (not a letter), so the ASCII letters count as they are.
    ascii_letters = len(sample.encode("ascii", "replace").translate(None, _NOT_LETTERS))
    other_letters = 0
    if not sample.isascii():
        counts = Counter(_ASCII_RUN.sub("", sample))
        other_letters = sum(n for char, n in counts.items() if char.isalpha())
    letters = ascii_letters + other_letters
    if letters < 20:
        return None
    # str.lower first: a few non-ASCII letters lower-case to ASCII ones ("\u0130" -> "i\u0307").
    words = sample.lower().encode("ascii", "replace").translate(_WORDS_ONLY).split()
    stop_share = sum(map(_STOPWORDS.__contains__, words)) / max(len(words), 1)
    return "en" if ascii_letters / letters > 0.9 and stop_share > 0.12 else None
