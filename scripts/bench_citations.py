"""Benchmark: citation detection and resolution throughput (documents per second).

Builds a synthetic corpus of N documents from the seed texts (real Thai: each document is a run of
consecutive seed paragraphs, about the size of a typical order or regulation), indexes the real
repository for resolution, and times ``find_citations`` over every document, single process and
with one worker per core. Not a test: numbers go into notes.
Usage: python scripts/bench_citations.py [N]   (default 5000)
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sarabun.citations import CorpusIndex, find_citations
from sarabun.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
_INDEX: CorpusIndex | None = None


def documents(n: int) -> list[str]:
    paras = [p for f in sorted((ROOT / "docs" / "originals").glob("00*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    size = 12  # paragraphs per document
    return ["\n".join(paras[(i * 5 + k) % len(paras)] for k in range(size)) for i in range(n)]


def _init() -> None:
    global _INDEX
    _INDEX = CorpusIndex.from_corpus(load_corpus(ROOT))


def _count(texts: list[str]) -> int:
    assert _INDEX is not None
    return sum(len(find_citations(t, _INDEX)) for t in texts)


def main(n: int) -> None:
    texts = documents(n)
    chars = sum(len(t) for t in texts)
    _init()
    start = time.perf_counter()
    found = _count(texts)
    one = time.perf_counter() - start
    print(f"{n} documents, {chars / n:.0f} characters each on average, {found} citations")
    print(f"1 process : {one:6.2f} s  {n / one:8.0f} documents/s")
    workers = os.cpu_count() or 1
    chunks = [texts[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, initializer=_init) as pool:
        list(pool.map(_count, [c[:1] for c in chunks]))  # warm up: index built in each worker
        start = time.perf_counter()
        total = sum(pool.map(_count, chunks))
        par = time.perf_counter() - start
    assert total == found
    print(f"{workers} processes: {par:6.2f} s  {n / par:8.0f} documents/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
