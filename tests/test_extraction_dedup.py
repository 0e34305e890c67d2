"""Near-duplicate detection on invented texts and on the seeds."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from atlas.records import Document
from extraction.dedup import Deduplicator, containment, shingles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_WORDS = [
    "militants",
    "attacked",
    "police",
    "checkpoint",
    "district",
    "officials",
    "said",
    "fighters",
    "withdrew",
    "border",
    "dawn",
    "residents",
    "province",
    "group",
    "leader",
    "commander",
    "army",
    "killed",
    "wounded",
    "claimed",
    "responsibility",
    "statement",
    "spokesman",
    "network",
    "cell",
    "arrested",
    "raid",
    "camp",
    "training",
    "recruits",
    "funding",
    "council",
    "government",
    "talks",
    "ceasefire",
    "highway",
    "convoy",
    "market",
    "mosque",
    "school",
    "village",
    "valley",
    "river",
]


def doc(text: str, name: str = "x.txt") -> Document:
    return Document(
        doc_id=name,
        doc_hash=hashlib.sha256((name + text).encode()).hexdigest(),
        path=name,
        text=text,
    )


def invented(seed: int, words: int = 600) -> str:
    rng = random.Random(seed)
    sentences = []
    for _ in range(words // 12):
        sentences.append(" ".join(rng.choice(_WORDS) for _ in range(12)).capitalize() + ".")
    return " ".join(sentences)


def test_shingles_are_sampled_consistently():
    text = invented(1)
    assert shingles(text).tolist() == shingles(text).tolist()
    full = set(shingles(text, sample=1).tolist())
    assert set(shingles(text, sample=4).tolist()) <= full
    assert len(shingles("", sample=1)) == 0
    assert len(shingles("two words", sample=1)) == 1


def test_containment_uses_the_smaller_set():
    original = shingles(invented(2), sample=1)
    half = shingles(invented(2)[: len(invented(2)) // 2], sample=1)
    assert containment(half, original) > 0.95
    assert containment(original, half) == containment(half, original)


def test_shortened_copy_of_an_invented_text_is_a_duplicate():
    original = invented(3)
    dedup = Deduplicator()
    first = doc(original, "a.txt")
    assert dedup.add(first) is None
    copy = (
        "Syndicated from elsewhere.\n"
        + original[: len(original) // 3]
        + "\nClick here to continue."
    )
    assert dedup.add(doc(copy, "b.txt")) == first.doc_hash


def test_unrelated_invented_texts_are_never_duplicates():
    dedup = Deduplicator()
    for seed in range(20):
        assert dedup.add(doc(invented(100 + seed), f"{seed}.txt")) is None


def test_threshold_decides_for_a_half_rewritten_copy():
    original = invented(4)
    words = original.split()
    rng = random.Random(5)
    # Rewrite every seventh word: only the 5-word shingles between two edits survive (2 in 7).
    edited = " ".join(w if i % 7 else rng.choice(_WORDS) + "x" for i, w in enumerate(words))
    score = containment(shingles(edited, sample=1), shingles(original, sample=1))
    assert 0.0 < score < 0.5
    lenient, strict = (
        Deduplicator(threshold=score / 2, sample=1),
        Deduplicator(threshold=0.9, sample=1),
    )
    for dedup in (lenient, strict):
        dedup.add(doc(original, "a.txt"))
    assert lenient.add(doc(edited, "b.txt")) is not None
    assert strict.add(doc(edited, "b.txt")) is None


def test_copies_point_to_the_first_original_and_re_adding_is_a_no_op():
    original = invented(6)
    dedup = Deduplicator()
    first = doc(original, "a.txt")
    dedup.add(first)
    second = doc(original[: len(original) // 2], "b.txt")
    third = doc(original[: len(original) // 4], "c.txt")
    assert dedup.add(second) == first.doc_hash
    assert dedup.add(third) == first.doc_hash
    assert dedup.add(first) is None


def test_tiny_and_empty_documents():
    # Too short for the default sampling: compare every shingle.
    dedup = Deduplicator(sample=1)
    assert dedup.add(doc("", "empty.txt")) is None
    assert dedup.add(doc("Kabul.", "one.txt")) is None
    assert dedup.add(doc("Attack in Khost on Monday, officials said.", "a.txt")) is None
    assert dedup.add(doc("Attack in Khost on Monday, officials said!", "b.txt")) is not None


def test_threshold_must_be_a_share():
    with pytest.raises(ValueError):
        Deduplicator(threshold=0.0)


def _seed(prefix: str) -> Document:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    data = path.read_bytes()
    return Document(path.name, hashlib.sha256(data).hexdigest(), str(path), data.decode("utf-8"))


def test_seed_001_is_a_copy_of_000_and_the_others_are_not():
    dedup = Deduplicator()
    seeds = {prefix: _seed(prefix) for prefix in ("000", "001", "002", "003", "004")}
    answers = {prefix: dedup.add(document) for prefix, document in seeds.items()}
    assert answers == {
        "000": None,
        "001": seeds["000"].doc_hash,
        "002": None,
        "003": None,
        "004": None,
    }


def _shingles_by_definition(text, size=5, sample=4):
    """The words by regex, their CRC-32s, and the rolling hash, step by step."""
    import re
    import zlib

    import numpy as np

    words = re.findall(r"\w+", text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    ids = np.array([zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words], np.uint64)
    count = len(ids) - min(size, len(ids)) + 1
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(min(size, len(ids))):
            hashes = hashes * np.uint64(1_099_511_628_211) + ids[offset : offset + count]
        hashes ^= hashes >> np.uint64(29)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(32)
    return np.unique(hashes[hashes % np.uint64(sample) == 0])


_PIECES = ["militants", "Said", " ", "\n", "_", "-", "2015", "\u2019", "\u201c", "\u00e9t\u00e9",
           "\u0130", "\u00bd", "\u0663", "\u00a0", "\ud800", "\u212a", "\u3000", "x\u0301", "\U0001d400"]  # fmt: skip


@example("Don\u2019t \u201cstop\u201d \u2014 \u0130stanbul \u00bd \ud800 end_of", 1)
@given(
    st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=40).map("".join),
    st.sampled_from([1, 2, 3, 4]),
)
def test_shingles_keep_their_definition(text, sample):
    assert (
        shingles(text, sample=sample).tolist()
        == _shingles_by_definition(text, sample=sample).tolist()
    )
