"""Read a built search index from Python: the same query the browser runs, for tests and the CLI.

``search(index_dir, query)`` follows ``docs/assets/search/core.js`` step by step (grams, shards,
intersection, filters, confirmation against the page text) and returns the confirmed documents,
so ``sarabun search-index SITE --query ...`` shows what the site would find.
"""

from __future__ import annotations

import gzip
import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .index import SHARD_MAGIC, fnv1a
from .text import lookup_grams, normalise_blocks, query_parts

FACETS = ("type", "year", "issuer", "province", "status")


@dataclass
class Hit:
    id: int
    url: str
    title: str
    prior: int


@dataclass
class Result:
    query: str
    parts: list[str]
    candidates: list[Hit] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [h.url for h in self.hits]


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def read_shard(data: bytes) -> dict[str, tuple[list[int], bytes]]:
    """``{gram: (document numbers within the segment, weights)}`` of one shard file."""
    if data[:4] != SHARD_MAGIC:
        raise ValueError("not a gram shard")
    (count,) = struct.unpack_from("<I", data, 4)
    off = 8
    out: dict[str, tuple[list[int], bytes]] = {}
    for _ in range(count):
        key_len, n = struct.unpack_from("<BI", data, off)
        off += 5
        key = data[off:off + key_len].decode("utf-8")
        off += key_len
        deltas = struct.unpack_from(f"<{n}I", data, off)
        off += 4 * n
        ids, acc = [], 0
        for d in deltas:
            acc += d
            ids.append(acc)
        out[key] = (ids, data[off:off + n])
        off += n
    return out


def _passes(facets: dict[str, list[Any]], d: int, wanted: dict[str, int]) -> bool:
    for facet, idx in wanted.items():
        value = facets[facet][d]
        if (idx not in value) if facet == "province" else (value != idx):
            return False
    return True


class IndexReader:
    def __init__(self, index_dir: Path) -> None:
        self.dir = index_dir
        self.manifest: dict[str, Any] = json.loads((index_dir / "index.json").read_text("utf-8"))
        self._shards: dict[tuple[int, int], dict[str, tuple[list[int], bytes]]] = {}
        self._records: dict[int, list[Any]] = {}
        self._normalised: dict[int, list[str]] = {}

    def shard(self, seg: int, j: int) -> dict[str, tuple[list[int], bytes]]:
        if (seg, j) not in self._shards:
            self._shards[(seg, j)] = read_shard(_read(self.dir / f"s{seg}" / f"g{j}.gz"))
        return self._shards[(seg, j)]

    def postings(self, seg: int, gram: str) -> tuple[list[int], bytes] | None:
        shards = self.manifest["segments"][seg]["shards"]
        return self.shard(seg, fnv1a(gram) & (shards - 1)).get(gram)

    def record(self, doc_id: int) -> list[Any]:
        """url, title, type, number, date, issuer, provinces, status, year, body_start, first
        blocks, number of further blocks."""
        if doc_id not in self._records:
            size = self.manifest["textDirSize"]
            self._records[doc_id] = json.loads(
                _read(self.dir / "t" / str(doc_id // size) / f"{doc_id}.gz"))
        return self._records[doc_id]

    def text(self, doc_id: int) -> list[str]:
        """All blocks of the page's text (first file, then the further pieces)."""
        record = self.record(doc_id)
        blocks: list[str] = list(record[-2])
        folder = self.dir / "r" / str(doc_id // self.manifest["textDirSize"])
        for k in range(1, record[-1] + 1):
            blocks += json.loads(_read(folder / f"{doc_id}-{k}.gz"))
        return blocks

    def facets(self, seg: int) -> dict[str, list[Any]]:
        data: dict[str, list[Any]] = json.loads(_read(self.dir / f"s{seg}" / "facets.json.gz"))
        return data

    def search(self, query: str, filters: dict[str, str] | None = None) -> Result:
        """Candidates from the grams, then confirmed against each page's text."""
        parts = query_parts(query)
        result = Result(query, parts)
        if not parts:
            return result
        m = self.manifest
        wanted = {}
        for facet, value in (filters or {}).items():
            if value:
                values = [e["value"] for e in m["facets"].get(facet, [])]
                wanted[facet] = values.index(value) if value in values else -2
        for seg_no, seg in enumerate(m["segments"]):
            count = seg["count"]
            hits = [0] * count
            prior = [0] * count
            usable = True
            for part in parts:
                gs = lookup_grams(part, m["gram"])
                seen = [0] * count
                min_w = [255] * count
                for g in gs:
                    post = self.postings(seg_no, g)
                    if post is None:
                        usable = False
                        break
                    for d, w in zip(*post, strict=True):
                        seen[d] += 1
                        min_w[d] = min(min_w[d], w)
                if not usable:
                    break
                for d in range(count):
                    if seen[d] == len(gs):
                        hits[d] += 1
                        prior[d] += min_w[d]
            if not usable:
                continue
            facets = self.facets(seg_no) if wanted else {}
            for d in range(count):
                if hits[d] != len(parts):
                    continue
                if not _passes(facets, d, wanted):
                    continue
                doc_id = seg["start"] + d
                row = self.record(doc_id)
                result.candidates.append(Hit(doc_id, row[0], row[1], prior[d]))
        for cand in result.candidates:
            if cand.id not in self._normalised:
                self._normalised[cand.id] = normalise_blocks(self.text(cand.id))
            blocks = self._normalised[cand.id]
            if all(any(p in b for b in blocks) for p in parts):
                result.hits.append(cand)
        result.hits.sort(key=lambda h: (-h.prior, h.id))
        return result


def search(index_dir: Path, query: str, filters: dict[str, str] | None = None) -> Result:
    return IndexReader(index_dir).search(query, filters)
