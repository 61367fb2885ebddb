"""Build the search index of a built site: static files under ``<site>/search-index/``.

The index is a character n-gram index (n = 1, 2 and 3) of the normalised text of every searched
page (``extract``: the documents, and the site's own pages as results of the kind "หน้าเว็บ").
Any query part of up to three characters is one gram, so its posting list is exactly the set of
pages that contain it; a longer part is looked up by all its trigrams, which every page containing
the part must have, and the browser then confirms each candidate against the page's text. Nothing
depends on where a word segmenter puts word boundaries, so a query finds a word inside a compound
(ราชการ in ข้าราชการ) as surely as a whole word, and never a page that does not contain it.

Files (all gzip-compressed except the manifest; the browser decompresses them itself):

``index.json``
    The manifest: document count, segments, facet values with their Thai labels, the labels of
    the kinds of result that are not documents (``kinds``), build id.
``s<k>/g<j>.gz``
    Gram shard ``j`` of segment ``k``: grams hashed (FNV-1a) into shards of about
    ``SHARD_TARGET`` bytes; each gram's posting list (document deltas, then one weight byte per
    document: occurrences plus ``postings.TITLE_WEIGHT`` per occurrence in the title, at most
    255).
``s<k>/facets.json.gz``
    For every document of the segment, the index of its type, year, issuer, status and provinces
    in the manifest's facet lists (for filters and their counts).
``t/<id // 1000>/<id>.gz``
    One page, as a JSON list: address, title, type (for a site page its kind, ``page``: a site
    page has no facets, so a filter always leaves it out), number, Thai date, issuer, provinces,
    status, year (what a result shows), the number of the first block of the document's own text
    (the blocks before it are the title and the metadata panel), the first blocks of the page's
    text (about ``HEAD_CHARS`` characters, in ``canonical`` form) and how many more pieces of
    text there are. Read to confirm a match, cut an excerpt and show the result, so a result
    usually costs one small file however long the document is.
``r/<id // 1000>/<id>-<k>.gz``
    Piece ``k`` (1, 2, ...) of the rest of a long page's text, about ``PIECE_CHARS`` characters
    each (JSON list of blocks); read in order only while the query is not yet confirmed.

Pages are numbered site pages first, then documents newest first, and split into segments of at
most ``segment_size``, so a query reads posting lists no longer than a segment and the browser
can stop after the newest segments when it already has enough results.

A large site is read and counted by a pool of processes (``jobs``), in chunks of ``CHUNK_DOCS``
pages whose results are joined in order, so the files are the same whatever the number of
processes; ``postings`` has the counting and the shard format. Memory stays bounded however many
pages there are: the pages are read once, their text spilled to a scratch folder and only their
metadata kept (the order needs it), then each chunk's text is read back by the process that writes
its files; and a segment's postings are compressed and written before the next but one segment is
counted, so at most about two segments' postings are held at a time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import marshal
import os
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, BinaryIO

from sarabun.model import DOC_TYPES, STATUSES
from sarabun.thai import THAI_MONTHS, to_arabic_digits, to_thai_digits

from .extract import SITE_PAGE, SITE_PAGE_LABEL, Page, read_pages, site_page_files
from .postings import GRAM, MAX_SEGMENT_SIZE, SHARD_MAGIC, ChunkEntry, SegmentPostings, count_chunk
from .text import canonical_blocks, normalise_blocks

__all__ = ["GRAM", "INDEX_DIR", "SHARD_MAGIC", "IndexStats", "build_index", "fnv1a"]

INDEX_DIR = "search-index"
FORMAT_VERSION = 1
SEGMENT_SIZE = 10_000
TEXT_DIR_SIZE = 1000
#: Characters of a page's text in its first file, and in each further piece (read if needed).
HEAD_CHARS = 2000
PIECE_CHARS = 6000
#: Uncompressed bytes per gram shard the builder aims at.
SHARD_TARGET = 16 * 1024
#: Level 5: 2.7 % larger than level 6 and a third less CPU (measured on the 5k benchmark).
GZIP_LEVEL = 5
#: Documents per unit of work (reading pages, counting grams): the output does not depend on how
#: many processes share the work, only on this.
CHUNK_DOCS = 500
#: Gram shards compressed and written per unit of work.
SHARDS_PER_TASK = 512
#: Below this many pages one process is quicker than starting others.
PARALLEL_MIN_PAGES = 1500
MAX_JOBS = 4


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
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


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
    """The site pages first (a few, always in the first segment the browser searches), then the
    documents newest first (unknown dates last), then by address."""
    by_url = sorted(pages, key=lambda p: p.url)
    return sorted(by_url, key=lambda p: (p.kind != SITE_PAGE, date_key(p)[0] == 0,
                                         tuple(-x for x in date_key(p))))


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

    def segment(self, pages: list[Page]) -> dict[str, list[object]]:
        """The facets file of a segment: each page's value indexes, facet by facet."""
        out: dict[str, list[object]] = {k: [] for k in
                                        ("type", "year", "issuer", "status", "province")}
        for page in pages:
            t, y, i, s, provs = self.doc(page)
            out["type"].append(t)
            out["year"].append(y)
            out["issuer"].append(i)
            out["status"].append(s)
            out["province"].append(provs)
        return out

    def manifest(self) -> dict[str, list[dict[str, object]]]:
        out: dict[str, list[dict[str, object]]] = {}
        for facet, table in self.values.items():
            out[facet] = [{"value": v, "label": self.labels[facet][v],
                           "count": self.counts[facet][v]} for v in table]
        return out


class _Writer:
    """Writes files under the output folder and keeps count (and a hash for the build id)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0
        self.digest = hashlib.sha256()
        self.dirs: set[str] = set()

    def write(self, rel: str, data: bytes) -> None:
        folder, _, _ = rel.rpartition("/")
        if folder not in self.dirs:
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            self.dirs.add(folder)
        # os.open, not pathlib: a large index is tens of thousands of small files
        fd = os.open(os.path.join(self.root, rel), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        self.files += 1
        self.bytes += len(data)
        self.digest.update(rel.encode() + b"\0" + data)


@dataclass
class _Chunk:
    """What a worker made of a chunk of pages: their postings, and the text files it wrote."""

    postings: dict[str, ChunkEntry]
    files: int
    size: int
    digest: bytes


#: Where a page's text was spilled: scratch file number, offset and length.
TextRef = tuple[int, int, int]


def _read_chunk(task: tuple[str, int, list[tuple[str, str]]]) -> list[tuple[Page, TextRef]]:
    """Read pages, spill their text (``marshal``: blocks) to scratch file ``number`` of the
    folder ``spill`` and give them back without it, each with where its text is."""
    spill, number, files = task
    out: list[tuple[Page, TextRef]] = []
    parts: list[bytes] = []
    offset = 0
    for page in read_pages(files):
        data = marshal.dumps(page.blocks)
        parts.append(data)
        out.append((replace(page, blocks=[]), (number, offset, len(data))))
        offset += len(data)
    with open(os.path.join(spill, str(number)), "wb") as f:
        f.write(b"".join(parts))
    return out


def _load_texts(spill: str, pages: list[Page], refs: list[TextRef]) -> list[Page]:
    """The pages with their spilled text read back."""
    handles: dict[int, BinaryIO] = {}
    out = []
    try:
        for page, (number, offset, length) in zip(pages, refs, strict=True):
            f = handles.get(number)
            if f is None:
                f = handles[number] = open(os.path.join(spill, str(number)), "rb")
            f.seek(offset)
            out.append(replace(page, blocks=marshal.loads(f.read(length))))
    finally:
        for f in handles.values():
            f.close()
    return out


def _index_chunk(task: tuple[str, int, int, list[Page], str, list[TextRef] | None]) -> _Chunk:
    """Write the text files of consecutive pages (document numbers from ``first_id``, numbers in
    their segment from ``first_local``) and count their grams; their text is read back from the
    scratch folder when ``refs`` says where it is."""
    root, first_id, first_local, pages, spill, refs = task
    if refs is not None:
        pages = _load_texts(spill, pages, refs)
    writer = _Writer(Path(root))
    for doc_id, page in enumerate(pages, start=first_id):
        pieces = split_text(canonical_blocks(page.blocks))
        kind = SITE_PAGE if page.kind == SITE_PAGE else page.type_code or page.type
        record = [page.url, page.title, kind, page.number, page.date,
                  page.issuer, page.provinces, page.status_code or page.status, page.year,
                  page.body_start, pieces[0], len(pieces) - 1]
        where = f"{doc_id // TEXT_DIR_SIZE}/{doc_id}"
        writer.write(f"t/{where}.gz", _gz(_json(record)))
        for k, piece in enumerate(pieces[1:], start=1):
            writer.write(f"r/{where}-{k}.gz", _gz(_json(piece)))
    postings = count_chunk(((normalise_blocks(p.blocks), normalise_blocks([p.title]))
                            for p in pages), first_local)
    return _Chunk(postings, writer.files, writer.bytes, writer.digest.digest())


def default_jobs(pages: int) -> int:
    """Processes for a site of ``pages`` pages: one for a small site, else one per CPU (at most
    ``MAX_JOBS``)."""
    if pages < PARALLEL_MIN_PAGES:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_JOBS, cpus or 1))


@contextmanager
def _mapper(jobs: int) -> Iterator[Callable[[Callable[[Any], Any], list[Any]], Iterator[Any]]]:
    """``map`` in order, over ``jobs`` processes when there is more than one. The processes are
    forked (quick, and a script calling ``build_index`` needs no ``__main__`` guard) unless the
    caller runs threads (mkdocs serve, tests), which a fork must not copy: then started fresh."""
    if jobs <= 1:
        yield map
        return
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    with get_context(method).Pool(jobs) as pool:
        yield lambda fn, items: pool.imap(fn, items)


def _chunks(start: int, end: int, size: int | None = None) -> Iterator[tuple[int, int]]:
    size = size or CHUNK_DOCS
    for a in range(start, end, size):
        yield a, min(a + size, end)


def _shard_files(seg_no: int, postings: SegmentPostings) -> list[tuple[str, bytes]]:
    """The gram shards of a segment, uncompressed: as many as make each about SHARD_TARGET
    bytes (a power of two, so that the browser finds a gram's shard from its hash)."""
    raw = postings.raw_size()
    shards = 1
    while shards * SHARD_TARGET < raw:
        shards *= 2
    buckets: list[list[str]] = [[] for _ in range(shards)]
    for gram in sorted(postings.grams):
        buckets[fnv1a(gram) & (shards - 1)].append(gram)
    return [(f"s{seg_no}/g{j}.gz", postings.shard_bytes(b)) for j, b in enumerate(buckets)]


def _write_files(task: tuple[str, list[tuple[str, bytes]]]) -> tuple[int, int, bytes]:
    """Compress and write files; their count, bytes and digest."""
    root, files = task
    writer = _Writer(Path(root))
    for rel, data in files:
        writer.write(rel, _gz(data))
    return writer.files, writer.bytes, writer.digest.digest()


def build_index(site_dir: Path | str, *, segment_size: int = SEGMENT_SIZE,
                pages: list[Page] | None = None, jobs: int | None = None) -> IndexStats:
    """Index every document page of the built site ``site_dir`` into ``site_dir/search-index``.

    The folder is written next to the pages and replaced as a whole; no page is changed.
    ``pages`` may be given to index pages already read (the benchmark does). ``jobs`` is the
    number of processes (default: ``default_jobs``); the files do not depend on it.
    """
    start = time.perf_counter()
    site = Path(site_dir)
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"{site}: ไม่พบเว็บไซต์ที่สร้างแล้ว (index.html)")
    if not 1 <= segment_size <= MAX_SEGMENT_SIZE:
        raise ValueError(f"segment_size {segment_size}")
    files = site_page_files(site) if pages is None else []
    if jobs is None:
        jobs = default_jobs(len(files) if pages is None else len(pages))
    tmp = site / f".{INDEX_DIR}.tmp"
    spill = site / f".{INDEX_DIR}.spill"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(spill, ignore_errors=True)
    writer = _Writer(tmp)
    facets = _Facets()
    segments = []
    total_grams = total_postings = total_shards = 0
    # the shard files' counts and digests, added to the build id after the text files' (in
    # segment order) as they always were
    written: list[tuple[int, int, bytes]] = []
    try:
        with _mapper(jobs) as mapper:
            refs: dict[int, TextRef] = {}
            if pages is None:
                spill.mkdir(parents=True)
                groups = [(str(spill), k, files[a:b])
                          for k, (a, b) in enumerate(_chunks(0, len(files)))]
                pages = []
                for group in mapper(_read_chunk, groups):
                    for page, ref in group:
                        refs[id(page)] = ref
                        pages.append(page)
                del groups
            ordered = order_pages(pages)
            del pages
            seg_starts = list(range(0, max(len(ordered), 1), segment_size))

            def count(seg_start: int) -> Iterator[_Chunk]:
                """Start counting a segment (its chunks are queued now, in order)."""
                seg_end = min(seg_start + segment_size, len(ordered))
                return mapper(_index_chunk, [
                    (str(tmp), a, a - seg_start, ordered[a:b], str(spill),
                     [refs[id(p)] for p in ordered[a:b]] if refs else None)
                    for a, b in _chunks(seg_start, seg_end)])

            results = count(seg_starts[0])
            writing: Iterator[tuple[int, int, bytes]] | None = None
            for seg_no, seg_start in enumerate(seg_starts):
                # the next segment is queued before this one's shards, so the processes count
                # it while this process joins this one
                following = count(seg_starts[seg_no + 1]) if seg_no + 1 < len(seg_starts) else None
                seg_pages = ordered[seg_start:seg_start + segment_size]
                postings = SegmentPostings()
                for chunk in results:
                    postings.add(chunk.postings)
                    writer.files += chunk.files
                    writer.bytes += chunk.size
                    writer.digest.update(chunk.digest)
                writer.write(f"s{seg_no}/facets.json.gz", _gz(json.dumps(
                    facets.segment(seg_pages), separators=(",", ":")).encode()))
                if writing is not None:  # the previous segment's shards are written first
                    written += writing
                shard_files = _shard_files(seg_no, postings)
                shards = len(shard_files)
                # compressed and written by the pool, while the next segment is counted (in
                # one process, now: the shards are not kept until later)
                writing = mapper(_write_files, [(str(tmp), shard_files[a:b]) for a, b in
                                                _chunks(0, shards, SHARDS_PER_TASK)])
                if jobs <= 1:
                    writing = iter(list(writing))
                years = sorted({p.year for p in seg_pages if p.year})
                segments.append({"start": seg_start, "count": len(seg_pages), "shards": shards,
                                 "years": [years[0], years[-1]] if years else []})
                total_grams += len(postings.grams)
                total_postings += postings.postings
                total_shards += shards
                del postings, shard_files
                if following is not None:
                    results = following
            if writing is not None:
                written += writing
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    for files_, size, digest in written:
        writer.files += files_
        writer.bytes += size
        writer.digest.update(digest)

    build_id = writer.digest.hexdigest()[:16]
    manifest = {
        "version": FORMAT_VERSION,
        "build": build_id,
        "documents": len(ordered),
        "gram": GRAM,
        "textDirSize": TEXT_DIR_SIZE,
        "segments": segments,
        "facets": facets.manifest(),
        # what a result that is not a document is (its "type" in the page record)
        "kinds": {SITE_PAGE: SITE_PAGE_LABEL},
    }
    writer.write("index.json", _json(manifest))
    final = site / INDEX_DIR
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    return IndexStats(documents=len(ordered), segments=len(segments), shards=total_shards,
                      grams=total_grams, postings=total_postings, files=writer.files,
                      bytes=writer.bytes, seconds=time.perf_counter() - start, out_dir=final,
                      build_id=build_id)
