"""A cheap language guess, so that documents in other languages can be flagged for review.

Every document passes through here, so the counting is done by ``str``/``bytes`` methods
in C rather than by a Python loop over characters.
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
# A table for bytes.translate lower-casing A-Z and turning every other byte but a-z into a space.
_LOWER_WORDS = bytes(
    b if b in _LOWER else b + 32 if b in _LOWER.upper() else 0x20 for b in range(256)
)
# Every letter to "a": a word then starts at each " a", or at an "a" opening the text.
_LETTERS_TO_A = bytes(b"a"[0] if b in _LOWER else b for b in range(256))
_SHARE = 0.12
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
# The only characters outside ASCII that lower-case to an ASCII letter (one each).
_LOWER_TO_ASCII = ("\u0130", "\u212a")


def guess_language(text: str) -> str | None:
    """``"en"`` for text that looks English (Latin letters, common English words), else ``None``.

    Looks at the first 100,000 characters: more than 90% of their letters must be ASCII
    and more than 12% of their ``[a-z]+`` words (after lower-casing) English stopwords.
    """
    sample = text[:_SAMPLE]
    # Non-ASCII characters become "?", so [a-z]+ words and ASCII letters count as they are;
    # str.lower is needed only for the two non-ASCII letters it turns into ASCII ones.
    special = sum(map(sample.count, _LOWER_TO_ASCII)) if not sample.isascii() else 0
    lowered = sample.lower() if special else sample
    words = lowered.encode("ascii", "replace").translate(_LOWER_WORDS)
    ascii_letters = len(words) - words.count(b" ") - special
    if not sample.isascii():
        if not _mostly_ascii_letters(sample, ascii_letters):
            return None
    elif ascii_letters < 20:
        return None
    return "en" if _stopwords_over_share(words) else None


def _stopwords_over_share(words: bytes) -> bool:
    """Whether more than 12% of the space-separated ``words`` are stopwords.

    Splitting costs most, so the words are counted without it and the stopwords in the
    first half first: in English the count there nearly always settles the answer (a
    count can only grow, and by at most the number of words left).
    """
    letters = words.translate(_LETTERS_TO_A)
    total = letters.count(b" a") + letters.startswith(b"a")
    if total == 0:
        return False
    middle = words.find(b" ", len(words) // 2)
    middle = len(words) if middle < 0 else middle
    first = words[:middle].split()
    stops = sum(map(_STOPWORDS.__contains__, first))
    if stops / total > _SHARE:
        return True
    if (stops + total - len(first)) / total <= _SHARE:
        return False
    stops += sum(map(_STOPWORDS.__contains__, words[middle:].split()))
    return stops / total > _SHARE


def _mostly_ascii_letters(sample: str, ascii_letters: int) -> bool:
    """At least 20 letters, more than 90% of them ASCII.

    Every non-ASCII character is at most one letter: when even that many keep the share
    above 90%, the exact count (a Counter of the non-ASCII characters) is not needed.
    """
    others = len(sample) - len(sample.encode("ascii", "ignore"))
    if ascii_letters >= 20 and ascii_letters / (ascii_letters + others) > 0.9:
        return True
    counts = Counter(_ASCII_RUN.sub("", sample))
    letters = ascii_letters + sum(n for char, n in counts.items() if char.isalpha())
    return letters >= 20 and ascii_letters / letters > 0.9
