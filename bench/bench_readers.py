"""Speed of reading documents: MB/s per format, and near-duplicate checks per document.

Files are generated in a temporary folder (plain text of 1, 10 and 50 MB, an HTML page,
a 50-page PDF, a Word document) and read with ``read_document`` a few times; the best wall
time and the best CPU time (``process_time``, which other load on the machine does not
skew) are reported with the text size. The deduplicator is fed N invented documents of about
5 KB each to show how the cost of ``add`` grows with the number already seen.

    PYTHONPATH=. python bench/bench_readers.py [--repeat 3] [--docs 1000 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas.records import Document
from atlas.settings import Settings
from extraction.dedup import Deduplicator
from extraction.readers import read_document
from tests.hostile_corpus import ARTICLE, build_large, html_page, text_pdf, word_document

_MB = 1024 * 1024


def _files(folder: Path) -> dict[str, Path]:
    files = {}
    for size in (1, 10, 50):
        sub = folder / f"txt{size}"
        sub.mkdir()
        files[f"txt {size} MB"] = build_large(sub, size)
    rng = random.Random(2)
    words = ARTICLE.split()
    # Varied paragraphs: trafilatura drops repeated identical ones as boilerplate.
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(words) for _ in range(60)) + ".</p>" for _ in range(2000)
    )
    (folder / "page.html").write_bytes(html_page(f"<article>{paragraphs}</article>"))
    files["html"] = folder / "page.html"
    lines = [ARTICLE[i : i + 90] for i in range(0, len(ARTICLE), 90)] * 12
    (folder / "doc.pdf").write_bytes(text_pdf([lines] * 50))
    files["pdf 50 pages"] = folder / "doc.pdf"
    (folder / "doc.docx").write_bytes(word_document([f"{i}. {ARTICLE}" for i in range(2000)]))
    files["docx"] = folder / "doc.docx"
    return files


def bench_formats(repeat: int) -> None:
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in _files(Path(tmp)).items():
            best, best_cpu, chars = float("inf"), float("inf"), 0
            for _ in range(repeat):
                started, cpu = time.perf_counter(), time.process_time()
                document = read_document(path, settings)
                best = min(best, time.perf_counter() - started)
                best_cpu = min(best_cpu, time.process_time() - cpu)
                chars = len(document.text.encode("utf-8"))
            print(
                f"{label:>14}: file {path.stat().st_size / _MB:7.2f} MB, text {chars / _MB:7.2f} MB,"
                f" {best:6.2f} s, {chars / _MB / best:7.2f} MB/s of text,"
                f" {chars / _MB / max(best_cpu, 1e-9):7.2f} MB per CPU-s"
            )


def _invented(rng: random.Random) -> str:
    words = ARTICLE.split()
    return " ".join(rng.choice(words) for _ in range(800))


def bench_dedup(counts: list[int]) -> None:
    rng = random.Random(1)
    for count in counts:
        texts = [_invented(rng) for _ in range(count)]
        documents = [
            Document(f"{i}.txt", hashlib.sha256(t.encode()).hexdigest(), f"{i}.txt", t)
            for i, t in enumerate(texts)
        ]
        dedup = Deduplicator()
        started = time.perf_counter()
        copies = sum(dedup.add(document) is not None for document in documents)
        elapsed = time.perf_counter() - started
        print(
            f"dedup {count:>6} docs of ~5 KB: {elapsed:6.2f} s, "
            f"{elapsed / count * 1000:6.2f} ms per add, {copies} flagged"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    bench_formats(args.repeat)
    bench_dedup(args.docs)


if __name__ == "__main__":
    main()
