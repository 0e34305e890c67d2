"""Near-duplicate documents: syndicated, shortened or re-posted copies of a text seen before.

Each document becomes a set of hashed word shingles (runs of ``shingle`` words). A fixed share
of them (those whose hash is divisible by ``sample``) is kept, the same share for every
document, so the overlap of the kept sets estimates the true overlap. A document is a copy of
an earlier one when most of the smaller of the two is contained in the other: containment,
not Jaccard similarity, because a shortened copy shares only a fraction of the original.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter, defaultdict

import numpy as np

from atlas.records import Document

logger = logging.getLogger(__name__)

_PRIME = np.uint64(1_099_511_628_211)
# Candidates are found through a sparser index (a quarter of the kept shingles), then
# checked on the full kept sets.
_INDEX_EVERY = 4


def shingles(text: str, size: int = 5, sample: int = 4) -> np.ndarray:
    """Sorted unique 64-bit hashes of the sampled ``size``-word shingles of ``text``.

    Words are the ``\\w+`` runs of the lower-cased text, each hashed as the CRC-32 of its
    UTF-8 bytes.
    """
    words = _words(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    if len(_CRC32) > _CRC32_LIMIT:
        _CRC32.clear()
    ids = np.fromiter(map(_CRC32.__getitem__, words), dtype=np.uint64, count=len(words))
    span = min(size, len(ids))
    count = len(ids) - span + 1
    hashes = ids[:count].copy()
    with np.errstate(over="ignore"):
        for offset in range(1, span):
            hashes *= _PRIME
            hashes += ids[offset : offset + count]
        # Mix the high bits down so that the modulo sampling is not biased by the last word.
        hashes ^= hashes >> np.uint64(29)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(32)
    if sample > 1 and sample & (sample - 1) == 0:
        # A power of two divides a number exactly when the bits below it are zero.
        hashes = hashes[(hashes & np.uint64(sample - 1)) == 0]
    elif sample > 1:
        hashes = hashes[hashes % np.uint64(sample) == 0]
    return _sorted_unique(hashes)


class _Crc32Cache(dict):
    """CRC-32 of words, kept across documents: most words of a document were seen before."""

    def __missing__(self, word: bytes) -> int:
        value = self[word] = zlib.crc32(word)
        return value


_CRC32 = _Crc32Cache()
_CRC32_LIMIT = 200_000  # words (about 20 MB); then it starts again
# ASCII bytes that are not word characters ([0-9A-Za-z_]) become spaces; the others
# (bytes of characters beyond ASCII included) stay.
_ASCII_NON_WORD = bytes(
    b if b >= 0x80 or chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(256)
)
_ASCII_BYTES = bytes(range(128))


def _words(text: str) -> list[bytes]:
    """The UTF-8 bytes (lone surrogates passed through) of the ``\\w+`` runs of ``text``.

    Non-ASCII characters that are not word characters (quotes, dashes) become spaces, then
    the bytes are split on spaces in C instead of a regex making a string per word. (UTF-8
    never holds one character's bytes inside another's, so replacing bytes is exact.)
    """
    data = text.encode("utf-8", "surrogatepass")
    if len(data) != len(text):
        others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        for char in set(others):
            if not char.isalnum():  # what re's \\w is beyond ASCII
                data = data.replace(char.encode("utf-8", "surrogatepass"), b" ")
    return data.translate(_ASCII_NON_WORD).split()


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` with less overhead for the small arrays of one document."""
    values = np.sort(values)
    if len(values) > 1:
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller of two shingle sets found in the other (0.0 when either is empty)."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return float(np.isin(small, large, assume_unique=True).sum()) / len(small)


class Deduplicator:
    """Remembers the documents added so far and says which earlier one a new one copies.

    ``sample`` trades memory for accuracy: documents shorter than about ``4 * sample`` words
    keep too few shingles to be compared and are never flagged (use ``sample=1`` for them).
    """

    def __init__(self, threshold: float = 0.7, shingle: int = 5, sample: int = 4) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.shingle = shingle
        self.sample = sample
        self._sets: dict[str, np.ndarray] = {}
        self._keys: dict[str, int] = {}
        self._original: dict[str, str] = {}
        self._index: dict[int, list[str]] = defaultdict(list)
        self._keyless: list[str] = []

    def _candidates(self, keys: np.ndarray) -> list[str]:
        """Earlier documents sharing enough index keys with ``keys`` to be worth comparing."""
        if len(keys) == 0:
            return list(self._keyless)
        hits = Counter(doc for key in keys.tolist() for doc in self._index.get(key, ()))
        # A copy shares about `containment` of the smaller document's keys; half of that is
        # a safe floor that skips documents sharing only a stock phrase or two.
        return sorted(
            doc
            for doc, count in hits.items()
            if count >= 0.5 * self.threshold * min(len(keys), self._keys[doc])
        )

    def add(self, document: Document) -> str | None:
        """Remember ``document``; return the ``doc_hash`` of the earlier document it copies, if any.

        The earlier document is the original even when the later copy is longer, since the
        original may already be stored. Adding the same ``doc_hash`` twice returns ``None``.
        """
        if document.doc_hash in self._sets:
            return None
        mine = shingles(document.text, self.shingle, self.sample)
        keys = mine[mine % np.uint64(_INDEX_EVERY * self.sample) == 0]
        best, best_score = None, 0.0
        for doc_hash in self._candidates(keys):
            score = containment(mine, self._sets[doc_hash])
            if score > best_score:
                best, best_score = doc_hash, score
        self._sets[document.doc_hash] = mine
        self._keys[document.doc_hash] = len(keys)
        for key in keys.tolist():
            self._index[key].append(document.doc_hash)
        if len(keys) == 0:
            self._keyless.append(document.doc_hash)
        if best is None or best_score < self.threshold:
            return None
        original = self._original.get(best, best)
        self._original[document.doc_hash] = original
        logger.info(
            "%s is a near-copy of %s (containment %.2f)", document.doc_id, original, best_score
        )
        return original
