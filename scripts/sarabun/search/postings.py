"""The posting lists of the gram index: counting pages' grams and writing them as gram shards.

Pages are counted a chunk at a time (consecutive documents of one segment, in a worker process
when the index is built in parallel): ``count_chunk`` gives, for every 1-, 2- and 3-gram of the
chunk, the documents that have it (numbers within the segment, ascending) already encoded the way a
shard stores them: 32-bit little-endian deltas and one weight byte per document (occurrences plus
``TITLE_WEIGHT`` per occurrence in the title, at most 255). ``SegmentPostings`` joins the chunks
of a segment in order, which only needs the first delta of each later chunk corrected, and
``shard_bytes`` writes one shard. The per-occurrence work runs in C loops (``map`` over builtins),
because a large site has tens of millions of postings and a Python loop over them is the slowest
part of a build.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import chain, repeat
from operator import add, sub

GRAM = 3
TITLE_WEIGHT = 4
SHARD_MAGIC = b"SBG1"
MAX_WEIGHT = 255
#: Document numbers are 32-bit in the shard format.
MAX_SEGMENT_SIZE = 2**32 - 1

_U32 = struct.Struct("<I")
_ENTRY_HEAD = struct.Struct("<BI")
_BIG_ENDIAN = sys.byteorder == "big"

#: A gram's postings within one chunk: first and last document, deltas (the first one from 0),
#: weights.
ChunkEntry = tuple[int, int, bytes, bytes]


def _block_grams(blocks: Sequence[str]) -> Counter[str]:
    """How often each 1-, 2- and 3-gram occurs in the blocks (none across two blocks)."""
    s = "\n".join(blocks)  # a normalised block has no white space: "\n" only separates
    counts: Counter[str] = Counter(s)
    if len(s) > 1:
        bigrams = list(map(add, s[:-1], s[1:]))
        counts.update(bigrams)
        counts.update(map(add, bigrams[:-1], s[2:]))
    pos = s.find("\n")
    while pos >= 0:  # drop every gram that contains a separator
        for key in (s[pos:pos + 1], s[pos - 1:pos + 1], s[pos:pos + 2], s[max(pos - 2, 0):pos + 1],
                    s[pos - 1:pos + 2], s[pos:pos + 3]):
            counts.pop(key, None)
        pos = s.find("\n", pos + 1)
    return counts


def doc_grams(blocks: Sequence[str], title: Sequence[str]) -> Counter[str]:
    """Weight of every 1-, 2- and 3-gram of a page's normalised blocks and title blocks (before
    the cap at ``MAX_WEIGHT``)."""
    counts = _block_grams(blocks)
    if title:
        for gram, n in _block_grams(title).items():
            counts[gram] += TITLE_WEIGHT * n
    return counts


def _u32_bytes(values: array[int]) -> bytes:
    if _BIG_ENDIAN:  # pragma: no cover - the shard format is little endian
        values.byteswap()
    return values.tobytes()


def count_chunk(docs: Iterable[tuple[Sequence[str], Sequence[str]]],
                first: int) -> dict[str, ChunkEntry]:
    """The postings of consecutive documents numbered from ``first``: each document given as
    (normalised blocks, normalised title blocks)."""
    ids: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
    weights: defaultdict[str, bytearray] = defaultdict(bytearray)
    for number, (blocks, title) in enumerate(docs, start=first):
        counts = doc_grams(blocks, title)
        # for gram in counts: ids[gram].append(number); weights[gram].append(min(w, 255)), in C
        deque(map(array.append, map(ids.__getitem__, counts), repeat(number)), maxlen=0)
        capped: Iterable[int] = counts.values()
        if max(capped, default=0) > MAX_WEIGHT:  # only long pages: min() per gram is slow
            capped = map(min, capped, repeat(MAX_WEIGHT))
        deque(map(bytearray.append, map(weights.__getitem__, counts), capped), maxlen=0)
    out: dict[str, ChunkEntry] = {}
    for gram, numbers in ids.items():
        deltas = array("I", map(sub, numbers, chain((0,), numbers)))
        out[gram] = (numbers[0], numbers[-1], _u32_bytes(deltas), bytes(weights[gram]))
    return out


class _Gram:
    """A gram's postings in a segment, as pieces of shard bytes."""

    __slots__ = ("count", "deltas", "last", "weights")

    def __init__(self, count: int, last: int, deltas: bytes, weights: bytes) -> None:
        self.count = count
        self.last = last
        self.deltas: list[bytes | memoryview] = [deltas]
        self.weights = [weights]


class SegmentPostings:
    """The postings of one segment, joined from its chunks (given in document order)."""

    def __init__(self) -> None:
        self.grams: dict[str, _Gram] = {}
        self.postings = 0

    def add(self, chunk: dict[str, ChunkEntry]) -> None:
        grams = self.grams
        for gram, (first, last, deltas, weights) in chunk.items():
            self.postings += len(weights)
            entry = grams.get(gram)
            if entry is None:
                grams[gram] = _Gram(len(weights), last, deltas, weights)
                continue
            # this chunk's first delta was counted from 0: count it from the last document
            entry.deltas += [_U32.pack(first - entry.last), memoryview(deltas)[4:]]
            entry.weights.append(weights)
            entry.count += len(weights)
            entry.last = last

    def raw_size(self) -> int:
        """Bytes of all the shards before compression."""
        return sum(len(g.encode()) + 5 + 5 * e.count for g, e in self.grams.items())

    def shard_bytes(self, grams: Iterable[str]) -> bytes:
        """One shard holding ``grams`` (in the order given)."""
        out: list[bytes | memoryview] = [SHARD_MAGIC, b""]
        count = 0
        for gram in grams:
            entry = self.grams[gram]
            key = gram.encode("utf-8")
            out += [_ENTRY_HEAD.pack(len(key), entry.count), key, *entry.deltas, *entry.weights]
            count += 1
        out[1] = _U32.pack(count)
        return b"".join(out)
