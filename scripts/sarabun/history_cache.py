"""A cache of the ``git log`` records of commits already read, so a build re-reads only new commits.

Why: git's cost for ``git log --raw`` is its tree diff, which reads and walks the whole folder a
commit touched. In the repository's layout (``regulations/<type>/<id>.md``, thousands of files in
one folder) that is O(files in the folder) per commit whatever we do in Python (profiled: ~20 s of
git CPU for 10k documents x 5 commits in one folder, ~75 % of it delta-unpacking and walking the
10k-entry tree objects). A commit never changes, so its raw record (exactly the bytes git printed
for it) can be kept and reused: the next build diffs only the commits it has not seen.

The cache is one file per repository under ``$SARABUN_CACHE_DIR`` (default
``$XDG_CACHE_HOME/sarabun`` or ``~/.cache/sarabun``), outside the repository so that nothing in
the working tree or ``.git`` changes. Its name hashes the repository's git folder; a ``key``
(the git options and whatever changes git's output, such as ``.mailmap``) is stored inside and a
different key means an empty cache. The file holds an index (``sha length`` lines) then the
records; it is replaced atomically (temp file + rename) and keeps only the commits still reachable.
A damaged or foreign file is ignored (and rewritten), never trusted beyond splitting bytes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"sarabun-history-cache 1\n"
_SEP_RECORD = b"\x1e"
_SEP_FIELD = b"\x1f"


def cache_dir() -> Path:
    """Where caches live: ``$SARABUN_CACHE_DIR``, else ``$XDG_CACHE_HOME/sarabun``."""
    explicit = os.environ.get("SARABUN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sarabun"


def enabled() -> bool:
    """``SARABUN_HISTORY_CACHE=0`` turns the cache off (to measure a cold build)."""
    return os.environ.get("SARABUN_HISTORY_CACHE", "1").strip() not in ("0", "no", "off")


def cache_path(git_dir: Path) -> Path:
    digest = hashlib.sha256(str(git_dir.resolve()).encode("utf-8")).hexdigest()[:24]
    return cache_dir() / "history" / f"{digest}.bin"


def split_records(raw: bytes, shas: Iterable[str]) -> dict[str, bytes]:
    """The raw records of ``raw`` grouped by commit; a sha git printed nothing for gets ``b""``.

    A merge diffed against each parent has one record per parent; they stay together, in order.
    """
    parts: dict[str, list[bytes]] = {s: [] for s in shas}
    for record in raw.split(_SEP_RECORD):
        if not record:
            continue
        end = record.find(_SEP_FIELD)
        sha = record[:end].decode("ascii", errors="replace") if end > 0 else ""
        parts.setdefault(sha, []).append(_SEP_RECORD + record)
    return {s: b"".join(p) for s, p in parts.items()}


@dataclass
class LogCache:
    """Raw records by commit sha, loaded from and saved to ``path``."""

    path: Path
    key: str
    records: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, key: str) -> LogCache:
        cache = cls(path, key)
        try:
            data = path.read_bytes()
        except OSError:
            return cache
        try:
            cache.records = _decode(data, key)
        except (ValueError, IndexError) as exc:
            log.info("ignoring the history cache %s: %s", path, exc)
        return cache

    def missing(self, shas: Iterable[str]) -> list[str]:
        return [s for s in shas if s not in self.records]

    def update(self, records: Mapping[str, bytes]) -> None:
        self.records.update(records)

    def save(self, shas: list[str]) -> None:
        """Write the records of ``shas`` (the reachable commits) only; failures only log."""
        kept = [(s, self.records[s]) for s in shas if s in self.records]
        index = b"".join(f"{s} {len(r)}\n".encode("ascii") for s, r in kept)
        data = b"".join([MAGIC, self.key.encode("ascii"), b"\n", index, b"\n",
                         *(r for _, r in kept)])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".history-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a read-only home must not fail the build
            log.info("could not write the history cache %s: %s", self.path, exc)


def _decode(data: bytes, key: str) -> dict[str, bytes]:
    if not data.startswith(MAGIC):
        raise ValueError("not a sarabun history cache")
    pos = len(MAGIC)
    nl = data.index(b"\n", pos)
    if data[pos:nl].decode("ascii", errors="replace") != key:
        raise ValueError("made with other git options")
    # the index ends with an empty line: "key\n" + "sha size\n"... + "\n"
    header_end = data.index(b"\n\n", nl)
    lines = data[nl + 1:header_end].split(b"\n")
    offset = header_end + 2
    records: dict[str, bytes] = {}
    for line in lines:
        if not line:
            continue
        sha, size = line.split(b" ")
        n = int(size)
        chunk = data[offset:offset + n]
        if len(chunk) != n or (n and not chunk.startswith(_SEP_RECORD + sha)):
            raise ValueError("truncated or damaged")
        records[sha.decode("ascii")] = chunk
        offset += n
    if offset != len(data):
        raise ValueError("trailing bytes")
    return records
