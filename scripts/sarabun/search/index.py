"""Build the search index of a built site: static files under ``<site>/search-index/``.

The index is a character n-gram index (n = 1, 2 and 3) of every document page's normalised text.
Any query part of up to three characters is one gram, so its posting list is exactly the set of
pages that contain it; a longer part is looked up by all its trigrams, which every page containing
the part must have, and the browser then confirms each candidate against the page's text. Nothing
depends on where a word segmenter puts word boundaries, so a query finds a word inside a compound
(ราชการ in ข้าราชการ) as surely as a whole word, and never a page that does not contain it.

Files (all gzip-compressed except the manifest; the browser decompresses them itself):

``index.json``
    The manifest: document count, segments, facet values with their Thai labels, build id.
``s<k>/g<j>.gz``
    Gram shard ``j`` of segment ``k``: grams hashed (FNV-1a) into shards of about
    ``SHARD_TARGET`` bytes; each gram's posting list (document deltas, then one weight byte per
    document: occurrences plus ``TITLE_WEIGHT`` per occurrence in the title, at most 255).
``s<k>/facets.json.gz``
    For every document of the segment, the index of its type, year, issuer, status and provinces
    in the manifest's facet lists (for filters and their counts).
``t/<id // 1000>/<id>.gz``
    One document, as a JSON list: address, title, type, number, Thai date, issuer, provinces,
    status, year (what a result shows), the number of the first block of the document's own text
    (the blocks before it are the title and the metadata panel), the first blocks of the page's
    text (about ``HEAD_CHARS`` characters, in ``canonical`` form) and how many more pieces of
    text there are. Read to confirm a match, cut an excerpt and show the result, so a result
    usually costs one small file however long the document is.
``r/<id // 1000>/<id>-<k>.gz``
    Piece ``k`` (1, 2, ...) of the rest of a long page's text, about ``PIECE_CHARS`` characters
    each (JSON list of blocks); read in order only while the query is not yet confirmed.

Documents are numbered newest first and split into segments of at most ``segment_size``, so a
query reads posting lists no longer than a segment and the browser can stop after the newest
segments when it already has enough results.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import struct
import time
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from sarabun.model import DOC_TYPES, STATUSES
from sarabun.thai import THAI_MONTHS, to_arabic_digits, to_thai_digits

from .extract import Page, site_pages
from .text import canonical, normalise_blocks

INDEX_DIR = "search-index"
FORMAT_VERSION = 1
GRAM = 3
TITLE_WEIGHT = 4
SEGMENT_SIZE = 10_000
TEXT_DIR_SIZE = 1000
#: Characters of a page's text in its first file, and in each further piece (read if needed).
HEAD_CHARS = 2000
PIECE_CHARS = 6000
#: Uncompressed bytes per gram shard the builder aims at.
SHARD_TARGET = 16 * 1024
SHARD_MAGIC = b"SBG1"


@dataclass
class IndexStats:
    """What ``build_index`` wrote."""

    documents: int
    segments: int
    shards: int
    grams: int
    postings: int
    files: int
    bytes: int
    seconds: float
    out_dir: Path
    build_id: str = ""


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (the browser computes the same)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def split_text(blocks: list[str]) -> list[list[str]]:
    """A page's blocks cut into its first piece (about ``HEAD_CHARS`` characters) and further
    pieces of about ``PIECE_CHARS``; a block is never cut."""
    pieces: list[list[str]] = [[]]
    size, limit = 0, HEAD_CHARS
    for block in blocks:
        if size >= limit:
            pieces.append([])
            size, limit = 0, PIECE_CHARS
        pieces[-1].append(block)
        size += len(block)
    return pieces


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def doc_grams(blocks: list[str], title: list[str]) -> dict[str, int]:
    """Weight of every 1-, 2- and 3-gram of a page's normalised blocks (see module docstring)."""
    counts: Counter[str] = Counter()
    for s in blocks:
        n = len(s)
        counts.update(s)
        counts.update([s[i:i + 2] for i in range(n - 1)])
        counts.update([s[i:i + 3] for i in range(n - 2)])
    for s in title:
        n = len(s)
        for k in range(1, GRAM + 1):
            for i in range(n - k + 1):
                counts[s[i:i + k]] += TITLE_WEIGHT
    return {g: min(c, 255) for g, c in counts.items()}


_THAI_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(THAI_MONTHS)}


def date_key(page: Page) -> tuple[int, int, int]:
    """(year, month, day) of a page for ordering; 0 where unknown."""
    year = int(page.year) if page.year.isdigit() else 0
    month = day = 0
    text = to_arabic_digits(page.date)
    for name, number in _THAI_MONTH_NUMBER.items():
        if name in text:
            month = number
            m = re.match(r"\s*(\d{1,2})\s", text)
            day = int(m.group(1)) if m else 0
            break
    return (year, month, day)


def order_pages(pages: Iterable[Page]) -> list[Page]:
    """Newest first (unknown dates last), then by address."""
    by_url = sorted(pages, key=lambda p: p.url)
    return sorted(by_url, key=lambda p: (date_key(p)[0] == 0, tuple(-x for x in date_key(p))))


@dataclass
class _Facets:
    """Facet values in first-seen order, and each document's value indexes."""

    values: dict[str, dict[str, int]] = field(default_factory=lambda: {
        k: {} for k in ("type", "year", "issuer", "province", "status")})
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: {
        k: {} for k in ("type", "year", "issuer", "province", "status")})
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {
        k: Counter() for k in ("type", "year", "issuer", "province", "status")})

    def index(self, facet: str, value: str, label: str) -> int:
        if not value:
            return -1
        table = self.values[facet]
        if value not in table:
            table[value] = len(table)
            self.labels[facet][value] = label
        self.counts[facet][value] += 1
        return table[value]

    def doc(self, page: Page) -> tuple[int, int, int, int, list[int]]:
        type_label = DOC_TYPES[page.type_code].label if page.type_code in DOC_TYPES else page.type
        status_label = (STATUSES[page.status_code].label if page.status_code in STATUSES
                        else page.status)
        return (
            self.index("type", page.type_code or page.type, type_label),
            self.index("year", page.year, f"พ.ศ. {to_thai_digits(page.year)}"),
            self.index("issuer", page.issuer, page.issuer),
            self.index("status", page.status_code or page.status, status_label),
            [self.index("province", p, p) for p in page.provinces],
        )

    def manifest(self) -> dict[str, list[dict[str, object]]]:
        out: dict[str, list[dict[str, object]]] = {}
        for facet, table in self.values.items():
            out[facet] = [{"value": v, "label": self.labels[facet][v],
                           "count": self.counts[facet][v]} for v in table]
        return out


def _shard_bytes(entries: list[tuple[str, array[int], bytearray]]) -> bytes:
    parts = [SHARD_MAGIC, struct.pack("<I", len(entries))]
    for gram, ids, weights in entries:
        key = gram.encode("utf-8")
        deltas = array("I", [ids[0]])
        deltas.extend(b - a for a, b in pairwise(ids))
        if deltas.itemsize != 4:  # pragma: no cover - "I" is 4 bytes on every platform we run
            raise RuntimeError("array('I') is not 32-bit here")
        if struct.pack("=I", 1) != struct.pack("<I", 1):  # pragma: no cover - big endian
            deltas.byteswap()
        parts += [struct.pack("<BI", len(key), len(ids)), key, deltas.tobytes(), bytes(weights)]
    return b"".join(parts)


class _Writer:
    """Writes files under the output folder and keeps count (and a hash for the build id)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0
        self.digest = hashlib.sha256()

    def write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)
        self.digest.update(rel.encode() + b"\0" + data)


def build_index(site_dir: Path | str, *, segment_size: int = SEGMENT_SIZE,
                pages: list[Page] | None = None) -> IndexStats:
    """Index every document page of the built site ``site_dir`` into ``site_dir/search-index``.

    The folder is written next to the pages and replaced as a whole; no page is changed.
    ``pages`` may be given to index pages already read (the benchmark does).
    """
    start = time.perf_counter()
    site = Path(site_dir)
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"{site}: ไม่พบเว็บไซต์ที่สร้างแล้ว (index.html)")
    ordered = order_pages(pages if pages is not None else site_pages(site))
    tmp = site / f".{INDEX_DIR}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    writer = _Writer(tmp)
    facets = _Facets()
    segments = []
    total_grams = total_postings = total_shards = 0

    for seg_no, seg_start in enumerate(range(0, max(len(ordered), 1), segment_size)):
        seg_pages = ordered[seg_start:seg_start + segment_size]
        postings: dict[str, tuple[array[int], bytearray]] = {}
        seg_facets: dict[str, list[object]] = {k: [] for k in
                                               ("type", "year", "issuer", "status", "province")}
        for local, page in enumerate(seg_pages):
            doc_id = seg_start + local
            pieces = split_text([canonical(b) for b in page.blocks])
            record = [page.url, page.title, page.type_code or page.type, page.number, page.date,
                      page.issuer, page.provinces, page.status_code or page.status, page.year,
                      page.body_start, pieces[0], len(pieces) - 1]
            where = f"{doc_id // TEXT_DIR_SIZE}/{doc_id}"
            writer.write(f"t/{where}.gz", _gz(_json(record)))
            for k, piece in enumerate(pieces[1:], start=1):
                writer.write(f"r/{where}-{k}.gz", _gz(_json(piece)))
            weights = doc_grams(normalise_blocks(page.blocks), normalise_blocks([page.title]))
            for gram, weight in weights.items():
                entry = postings.get(gram)
                if entry is None:
                    entry = postings[gram] = (array("I"), bytearray())
                entry[0].append(local)
                entry[1].append(weight)
            t, y, i, s, provs = facets.doc(page)
            seg_facets["type"].append(t)
            seg_facets["year"].append(y)
            seg_facets["issuer"].append(i)
            seg_facets["status"].append(s)
            seg_facets["province"].append(provs)
        raw = sum(len(g.encode()) + 5 + 5 * len(ids) for g, (ids, _) in postings.items())
        shards = 1
        while shards * SHARD_TARGET < raw:
            shards *= 2
        buckets: list[list[tuple[str, array[int], bytearray]]] = [[] for _ in range(shards)]
        for gram in sorted(postings):
            ids, weights_ = postings[gram]
            buckets[fnv1a(gram) & (shards - 1)].append((gram, ids, weights_))
            total_postings += len(ids)
        for j, bucket in enumerate(buckets):
            writer.write(f"s{seg_no}/g{j}.gz", _gz(_shard_bytes(bucket)))
        writer.write(f"s{seg_no}/facets.json.gz",
                     _gz(json.dumps(seg_facets, separators=(",", ":")).encode()))
        years = sorted({p.year for p in seg_pages if p.year})
        segments.append({"start": seg_start, "count": len(seg_pages), "shards": shards,
                         "years": [years[0], years[-1]] if years else []})
        total_grams += len(postings)
        total_shards += shards

    build_id = writer.digest.hexdigest()[:16]
    manifest = {
        "version": FORMAT_VERSION,
        "build": build_id,
        "documents": len(ordered),
        "gram": GRAM,
        "textDirSize": TEXT_DIR_SIZE,
        "segments": segments,
        "facets": facets.manifest(),
    }
    writer.write("index.json", _json(manifest))
    final = site / INDEX_DIR
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    return IndexStats(documents=len(ordered), segments=len(segments), shards=total_shards,
                      grams=total_grams, postings=total_postings, files=writer.files,
                      bytes=writer.bytes, seconds=time.perf_counter() - start, out_dir=final,
                      build_id=build_id)
