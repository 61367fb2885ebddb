"""Versions from git: every version of every document, read from the repository in one pass.

This is the only module that imports GitPython. ``load_history`` runs **one** ``git log`` over the
whole history (``--raw -z -M``, merges diffed against each parent) and parses the stream, then
reads the front matter of every version it found with **one** ``git cat-file --batch``. Nothing
here starts a process per file or per commit. git's own cost is its tree diff, O(files in the
touched folder) per commit, which dominates on the repository's flat folders; so the raw record
of every commit read is kept in a user cache (``history_cache``) and the next build diffs only
the commits it has not seen.

Documents are keyed by their id, which is the file name without ``.md`` (checks rule F005), so a
document moved to another folder (``regulations/order/a.md`` -> ``regulations/order/2545/a.md``)
keeps its history whether or not git detects the move as a rename; a move that changes neither the
id nor the text is no version at all (the document did not change: no new "current" version, no
earlier one shown as no longer in force). When a rename changes the file
name (an id corrected), git's rename detection links the old id's earlier versions to the new id.

Merges: a side branch's commits are versions of their own (with their author and date); a merge
commit becomes a version of a document only when the merge leaves the document with a text that
differs from the latest version seen so far (a conflict resolved by hand, or one side's change
overridden). Versions are ordered oldest first, parents before children, otherwise by commit date.

A shallow clone (CI checkouts default to one commit) would show every document as created by the
last commit; ``History.warnings`` then carries a Thai warning telling how to fix the checkout
(``fetch-depth: 0`` for actions/checkout).

Point in time (``PointInTime``; ``periods``, ``in_force``, ``version_labels`` for one-off
questions): each version gets the BE date from which its text applies. The first version applies
from its ``effective_date`` (else its ``date``).
A later version applies from its own ``effective_date`` when that changed in this version; else
from the ``effective_date`` (else ``date``) of the documents that amend it (``amends``) that were
committed at or before it and not yet taken up by an earlier version; else it is an editorial
correction of the previous version and applies from the same date, replacing it. The version in
force on a date is the one with the latest start on or before that date (ties: the newest
version); none is in force before the first start or from the date of a repealing document
(``repeals``) onwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

# Without a git program GitPython would fail at import; let it import and fail when used, so
# that a tarball of the repository still builds (``load_history(..., missing_ok=True)``).
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

import git

from . import history_cache
from .errors import SarabunError
from .model import Document
from .thai import BE_OFFSET, BEDate, DateError, to_thai_digits

log = logging.getLogger(__name__)

try:
    from zoneinfo import ZoneInfo

    BANGKOK: dt.tzinfo = ZoneInfo("Asia/Bangkok")
except Exception:  # pragma: no cover - no tz database: Thailand has kept UTC+7 since 1920
    BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")

#: Folders whose Markdown files are documents (as in ``checks.DOC_ROOTS``) and the registry folder.
DOC_ROOTS = ("regulations", "records")
REGISTRY_DIR = "records/registries"
_DOC_PREFIXES = tuple(f"{d}/" for d in DOC_ROOTS)
#: Paths read by ``load_history`` by default: the documents and the site's own pages.
DEFAULT_PATHS = ("regulations", "records", "docs")

CURRENT = "ฉบับปัจจุบัน"
NOT_IN_FORCE = "ฉบับที่ไม่มีผลบังคับแล้ว"
NOT_YET_IN_FORCE = "ฉบับที่ยังไม่มีผลบังคับ"

SHALLOW_WARNING = (
    "คลัง git นี้เป็น shallow clone (ดึงประวัติมาไม่ครบ) ประวัติการแก้ไขและวันที่ปรับปรุงล่าสุดจะผิด "
    "เช่น ทุกเอกสารจะดูเหมือนสร้างในการบันทึกครั้งล่าสุด วิธีแก้: ใน GitHub Actions ให้ตั้ง "
    "`fetch-depth: 0` ในขั้น actions/checkout หรือในเครื่องให้สั่ง `git fetch --unshallow`"
)

_SEP_RECORD = "\x1e"
_SEP_FIELD = "\x1f"
_FORMAT = _SEP_RECORD + _SEP_FIELD.join(["%H", "%P", "%aN", "%aE", "%aI", "%cI", "%B"]) + _SEP_FIELD
_SUBMODULE_MODE = "160000"


# --- commits and versions ----------------------------------------------------------------------


def _bangkok(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).astimezone(BANGKOK)


def be_date_of(moment: dt.datetime) -> BEDate:
    """The Buddhist-era calendar day of ``moment`` in Bangkok time."""
    local = moment.astimezone(BANGKOK)
    return BEDate(local.year + BE_OFFSET, local.month, local.day)


def thai_datetime(moment: dt.datetime, thai_digits: bool = True) -> str:
    """``๑ มีนาคม ๒๕๖๗ เวลา ๑๐.๓๐ น.`` (Bangkok time)."""
    local = moment.astimezone(BANGKOK)
    day = be_date_of(local).thai(thai_digits=False)
    text = f"{day} เวลา {local.hour:02d}.{local.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


@dataclass(frozen=True)
class Commit:
    """One commit of the history; ``index`` is its position, 0 = oldest."""

    sha: str
    parents: tuple[str, ...]
    author: str
    author_email: str
    authored: dt.datetime  # in Bangkok time
    committed: dt.datetime  # in Bangkok time
    message: str
    index: int

    @property
    def short(self) -> str:
        return self.sha[:12]

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0].strip()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def date(self) -> dt.datetime:
        """When the change entered the repository (the committer date), Bangkok time."""
        return self.committed

    def iso(self) -> str:
        return self.committed.isoformat()

    def be_date(self) -> BEDate:
        return be_date_of(self.committed)

    def thai_date(self, thai_digits: bool = True) -> str:
        """``๑ มีนาคม ๒๕๖๗``: the commit's day, for "last updated" lines."""
        return self.be_date().thai(thai_digits)

    def thai_datetime(self, thai_digits: bool = True) -> str:
        return thai_datetime(self.committed, thai_digits)


#: Front matter of one version, every value a string or a list of strings (as in the files).
Header = dict[str, str | list[str]]

KIND_LABELS = {
    "added": "เพิ่มเอกสาร",
    "modified": "แก้ไข",
    "renamed": "ย้ายหรือเปลี่ยนชื่อไฟล์",
    "merged": "รวมการแก้ไข",
    "deleted": "ลบเอกสาร",
}


@dataclass
class Version:
    """A document as it was after one commit (``kind`` added, modified, renamed or merged)."""

    doc_id: str  # the document's id now (the file may have had another name: ``path``)
    path: str  # posix, relative to the corpus root
    blob: str  # git object id of the file's text at this version
    commit: Commit
    kind: str
    previous_path: str | None = None
    header: Header = field(default_factory=dict)
    number: int = 0  # 1-based position among the document's versions (set by History.versions)

    @property
    def slug(self) -> str:
        """A short, stable name for URLs: the commit's first 12 hex digits."""
        return self.commit.short

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def _date(self, key: str) -> BEDate | None:
        value = self.header.get(key)
        if not isinstance(value, str) or not value.strip():
            return None
        try:
            return BEDate.parse(value)
        except DateError:
            return None

    @property
    def effective_date(self) -> BEDate | None:
        """``effective_date`` of the front matter of this version (None if unset or invalid)."""
        return self._date("effective_date")

    @property
    def doc_date(self) -> BEDate | None:
        """``date`` of the front matter of this version."""
        return self._date("date")

    @property
    def status(self) -> str:
        value = self.header.get("status")
        return value if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        value = self.header.get("title")
        return value if isinstance(value, str) else ""

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON (``sarabun history --format json``)."""
        c = self.commit
        eff = self.effective_date
        return {
            "number": self.number,
            "commit": c.sha,
            "slug": self.slug,
            "date": c.iso(),
            "date_be": c.be_date().iso(),
            "date_thai": c.thai_date(),
            "authored": c.authored.isoformat(),
            "author": c.author,
            "author_email": c.author_email,
            "message": c.message.strip(),
            "subject": c.subject,
            "kind": self.kind,
            "path": self.path,
            "previous_path": self.previous_path,
            "blob": self.blob,
            "effective_date": eff.iso() if eff else None,
            "status": self.status or None,
        }


@dataclass(frozen=True)
class Removal:
    """A commit that deleted a document (or renamed it to another id: ``renamed_to``)."""

    doc_id: str
    path: str
    commit: Commit
    renamed_to: str | None = None


@dataclass(frozen=True)
class _Alias:
    old_id: str
    new_id: str
    index: int  # commit index of the rename


# --- parsing the log stream --------------------------------------------------------------------


@dataclass
class _Entry:
    status: str  # A, M, D, R, C, T (first letter)
    src_path: str
    dst_path: str
    src_blob: str
    dst_blob: str
    dst_mode: str


def parse_log(raw: bytes) -> Iterator[tuple[list[str], list[_Entry]]]:
    """Parse ``git log --raw -z`` output made with ``_FORMAT``: (header fields, entries) records.

    A merge diffed against each parent gives one record per parent (git omits empty ones).
    """
    text = raw.decode("utf-8", errors="surrogateescape")
    for record in text.split(_SEP_RECORD):
        if not record:
            continue
        parts = record.split(_SEP_FIELD)
        if len(parts) < 8:
            raise ValueError(f"unexpected git log record: {record[:200]!r}")
        fields, rest = parts[:7], _SEP_FIELD.join(parts[7:])
        entries: list[_Entry] = []
        tokens = rest.split("\0")
        i = 0
        while i < len(tokens):
            meta = tokens[i].lstrip("\n")
            i += 1
            if not meta.startswith(":"):
                continue
            bits = meta[1:].split()
            if len(bits) < 5:
                raise ValueError(f"unexpected raw diff line: {meta!r}")
            status = bits[4][0]
            if status in "RC":
                src, dst = tokens[i], tokens[i + 1]
                i += 2
            else:
                src = dst = tokens[i]
                i += 1
            entries.append(_Entry(status, src, dst, bits[2], bits[3], bits[1]))
        yield fields, entries


def _decode_path(path: str) -> str:
    """Paths came through ``surrogateescape``; keep valid UTF-8 names readable."""
    return path.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def doc_key(path: str) -> str | None:
    """The document id a repository path holds (its file name), or None if it is no document."""
    if not path.endswith(".md") or not path.startswith(_DOC_PREFIXES):
        return None
    folder, _, name = path.rpartition("/")
    if folder == REGISTRY_DIR or not name[:-3]:
        return None
    return name[:-3]


# --- front matter of a version -----------------------------------------------------------------

_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s+(.*))?$")


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        inner = text[1:-1]
        return inner.replace("''", "'") if text[0] == "'" else inner.replace('\\"', '"')
    # an end-of-line comment
    hash_at = text.find(" #")
    return text[:hash_at].rstrip() if hash_at >= 0 else text


def read_header(data: bytes) -> Header:
    """The front matter of one version's text, fast: top-level ``key: value`` lines and lists.

    Written for speed over thousands of versions; what it does not understand (block scalars,
    nested mappings) is left out, which is safe because only plain fields (dates, status, title,
    id, lists of ids) are used from old versions. Invalid files give an empty header.
    """
    if not data.startswith(b"---"):
        return {}
    end = data.find(b"\n---", 3)
    if end < 0:
        return {}
    try:
        text = data[3:end].decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return {}
    header: Header = {}
    current_list: list[str] | None = None
    for line in text.split("\n")[1:]:
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t-":
            item = line.strip()
            if current_list is not None and item.startswith("-"):
                current_list.append(_scalar(item[1:]))
            continue
        current_list = None
        m = _KEY_RE.match(line)
        if not m:
            continue
        key, value = m.group(1), (m.group(2) or "").strip()
        if not value:
            current_list = []
            header[key] = current_list
        elif value.startswith("[") and value.endswith("]"):
            header[key] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        elif value[0] in "|>&*!{":
            continue
        else:
            header[key] = _scalar(value)
    return header


# --- the history -------------------------------------------------------------------------------


@dataclass
class _State:
    path: str
    blob: str


@dataclass
class History:
    """Everything ``load_history`` learned; the methods answer what the site and CLI ask."""

    root: Path
    commits: list[Commit] = field(default_factory=list)
    shallow: bool = False
    warnings: list[str] = field(default_factory=list)
    _versions: dict[str, list[Version]] = field(default_factory=lambda: defaultdict(list),
                                                repr=False)
    _removals: dict[str, list[Removal]] = field(default_factory=lambda: defaultdict(list),
                                                repr=False)
    _aliases: list[_Alias] = field(default_factory=list, repr=False)
    _path_changed: dict[str, int] = field(default_factory=dict, repr=False)
    _repo: git.Repo | None = field(default=None, repr=False)
    _prefix: str = ""
    _by_old: dict[str, list[_Alias]] = field(default_factory=lambda: defaultdict(list),
                                             repr=False)
    _by_new: dict[str, list[_Alias]] = field(default_factory=lambda: defaultdict(list),
                                             repr=False)

    def _add_alias(self, alias: _Alias) -> None:
        if any(a.new_id == alias.new_id for a in self._by_old.get(alias.old_id, [])):
            return
        self._aliases.append(alias)
        self._by_old[alias.old_id].append(alias)
        self._by_new[alias.new_id].append(alias)

    # -- queries --

    def _out_indices(self, doc_id: str) -> list[int]:
        """Commit indices at which ``doc_id`` was renamed to another id."""
        return sorted(a.index for a in self._by_old.get(doc_id, []))

    def current_id(self, doc_id: str) -> str:
        """Where an id lives now: itself, or the id its file was renamed to (followed on)."""
        seen = {doc_id}
        while True:
            outs = self._by_old.get(doc_id, [])
            if not outs:
                return doc_id
            last = max(outs, key=lambda a: a.index)
            if any(v.commit.index > last.index for v in self._versions.get(doc_id, [])):
                return doc_id  # the id was used again after the rename
            if last.new_id in seen:
                return doc_id
            doc_id = last.new_id
            seen.add(doc_id)

    def ids(self) -> list[str]:
        """Every document id with a history of its own (not renamed away), sorted."""
        return sorted(k for k, v in self._versions.items() if v and self.current_id(k) == k)

    def versions(self, doc_id: str) -> list[Version]:
        """Every version of a document, oldest first, including those under earlier ids.

        The objects returned are fresh copies with ``number`` set (1 = first version).
        """
        outs = self._out_indices(doc_id)
        lo = outs[-1] if outs else -1
        found = self._collect(doc_id, lo, None, {doc_id})
        found.sort(key=lambda v: v.commit.index)
        return [replace(v, doc_id=doc_id, number=n) for n, v in enumerate(found, 1)]

    def _collect(self, doc_id: str, lo: int, hi: int | None, seen: set[str]) -> list[Version]:
        """Versions of ``doc_id`` with ``lo <= index < hi``, and of the ids renamed into it."""
        out = [v for v in self._versions.get(doc_id, [])
               if v.commit.index >= lo and (hi is None or v.commit.index < hi)]
        for alias in self._by_new.get(doc_id, []):
            if (alias.old_id not in seen and alias.index >= lo
                    and (hi is None or alias.index < hi)):
                earlier = [i for i in self._out_indices(alias.old_id) if i < alias.index]
                out += self._collect(alias.old_id, earlier[-1] if earlier else -1, alias.index,
                                     seen | {alias.old_id})
        return out

    def removals(self, doc_id: str) -> list[Removal]:
        return list(self._removals.get(doc_id, []))

    def renamed_from(self, doc_id: str) -> list[str]:
        """Earlier ids of a document (file renamed to a new id), oldest rename first."""
        return [a.old_id for a in sorted(self._by_new.get(doc_id, []), key=lambda a: a.index)]

    def resolve(self, path_or_id: str) -> str:
        """The document id for an id, a repository path or a file path under the root."""
        text = path_or_id.strip()
        if text.endswith(".md") or "/" in text or os.sep in text:
            p = Path(text)
            if p.is_absolute() and p.resolve().is_relative_to(self.root):
                text = p.resolve().relative_to(self.root).as_posix()
            return PurePosixPath(text.replace(os.sep, "/")).stem
        return text

    def last_version(self, doc_id: str) -> Version | None:
        versions = self.versions(doc_id)
        return versions[-1] if versions else None

    def last_updated(self, path_or_id: str) -> Commit | None:
        """The last commit that changed a document (by id) or any scanned file (by path)."""
        index = self._path_changed.get(path_or_id.replace(os.sep, "/"))
        if index is not None:
            return self.commits[index]
        v = self.last_version(path_or_id)
        return v.commit if v else None

    def last_updated_under(self, *folders: str) -> Commit | None:
        """The last commit that changed, added or deleted any scanned file below ``folders``."""
        prefixes = tuple(f.rstrip("/") + "/" for f in folders)
        found = [i for p, i in self._path_changed.items() if p.startswith(prefixes)]
        return self.commits[max(found)] if found else None

    def recent_changes(self, limit: int = 50) -> list[Version | Removal]:
        """The latest changes to any document, newest first (for a "recent changes" page)."""
        items: list[Version | Removal] = []
        for doc_id in self.ids():
            items += self.versions(doc_id)
        for removals in self._removals.values():
            items += [r for r in removals if r.renamed_to is None]
        items.sort(key=lambda x: x.commit.index, reverse=True)
        return items[:limit]

    def previous(self, version: Version) -> Version | None:
        """The version before ``version`` in its document's history."""
        versions = self.versions(version.doc_id)
        for prev, cur in itertools.pairwise(versions):
            if cur.commit.sha == version.commit.sha:
                return prev
        return None

    # -- texts --

    def read_blobs(self, blobs: Iterable[str]) -> dict[str, bytes]:
        """The contents of many git objects with one ``git cat-file --batch``."""
        if self._repo is None:
            raise SarabunError("ประวัตินี้ไม่ได้อ่านจากคลัง git จึงอ่านข้อความฉบับเก่าไม่ได้")
        return _cat_file(self._repo, blobs)

    def texts(self, versions: Iterable[Version]) -> dict[str, str]:
        """Text of each version, keyed by blob id (one git process for all of them)."""
        blobs = self.read_blobs({v.blob for v in versions})
        return {k: v.decode("utf-8", errors="replace") for k, v in blobs.items()}

    def text(self, version: Version) -> str:
        return self.texts([version])[version.blob]


def _cat_file(repo: git.Repo, blobs: Iterable[str]) -> dict[str, bytes]:
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    with tempfile.TemporaryFile() as fh:
        fh.write(("\n".join(wanted) + "\n").encode("ascii"))
        fh.seek(0)
        raw = repo.git.cat_file("--batch", istream=fh, stdout_as_string=False,
                                strip_newline_in_stdout=False)
    assert isinstance(raw, bytes)
    out: dict[str, bytes] = {}
    pos = 0
    while pos < len(raw):
        nl = raw.index(b"\n", pos)
        head = raw[pos:nl].split()
        pos = nl + 1
        if len(head) == 2 and head[1] == b"missing":
            continue
        size = int(head[2])
        out[head[0].decode("ascii")] = raw[pos:pos + size]
        pos += size + 1
    return out


def open_repo(root: Path) -> tuple[git.Repo, str]:
    """The git repository holding ``root`` and ``root``'s path inside it (``""`` at the top)."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
        repo.git.version()
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise SarabunError(f"'{root}' ไม่อยู่ในคลัง git จึงไม่มีประวัติการแก้ไข") from exc
    except git.GitCommandNotFound as exc:
        raise SarabunError("ไม่พบโปรแกรม git ให้ติดตั้ง git ก่อน (เช่น apt-get install git)") from exc
    top = Path(repo.working_tree_dir or root).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    return repo, "" if prefix == "." else prefix + "/"


def _chunks(items: list[str], n: int) -> list[list[str]]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _log_chunk(repo: git.Repo, shas: list[str]) -> bytes:
    """``git log --raw`` of exactly these commits, in this order (one git process)."""
    with tempfile.TemporaryFile() as fh:
        fh.write(("\n".join(shas) + "\n").encode("ascii"))
        fh.seek(0)
        raw = repo.git.log(
            "--no-walk=unsorted", "--stdin", *_LOG_OPTIONS, f"--format={_FORMAT}",
            istream=fh, stdout_as_string=False, strip_newline_in_stdout=False,
        )
    assert isinstance(raw, bytes)
    return raw


_LOG_OPTIONS = ("--raw", "-z", "-M", "--no-abbrev", "--diff-merges=separate")


def _cache_key(repo: git.Repo) -> str:
    """What git's output for a commit depends on besides the commit: the options, ``.mailmap``
    and the settings that change rename detection, author names or the message encoding."""
    try:
        mailmap = repo.git.rev_parse("--verify", "--quiet", "HEAD:.mailmap").strip()
    except git.GitCommandError:
        mailmap = ""
    try:
        settings = repo.git.config("--get-regexp",
                                   r"^(diff\.renamelimit|i18n\.logoutputencoding|mailmap\.)")
    except git.GitCommandError:  # none set
        settings = ""
    text = "\0".join([*_LOG_OPTIONS, _FORMAT, mailmap, settings])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def load_history(root: Path, paths: Iterable[str] = DEFAULT_PATHS,
                 read_headers: bool | tuple[str, ...] = True, jobs: int | None = None,
                 missing_ok: bool = False, cache: bool | None = None) -> History:
    """Read the history of ``paths`` (relative to ``root``) from the git repository at ``root``.

    The commits are listed once (``git rev-list --date-order --reverse HEAD``), then their
    changes are read by ``git log --raw --no-walk`` over contiguous slices of that list, run
    side by side on ``jobs`` cores (default: all), and with ``read_headers`` the front matter of
    every version comes from one ``git cat-file --batch``. No pathspec is given to git: path
    matching inside git costs more than the diff itself on large folders, so paths are filtered
    here. ``read_headers`` may be a tuple of path prefixes (``("regulations/",)``) to read the
    front matter of those versions only: every version's whole text passes through the pipe, so
    a large corpus of long records can skip what it does not need. Raises SarabunError if
    ``root`` is not in a git repository or git is missing; with ``missing_ok`` the answer is
    then an empty History whose ``warnings`` say why (a site built from a tarball).

    ``cache`` (default: on unless ``SARABUN_HISTORY_CACHE=0``) keeps the raw records of the
    commits read in a user cache file (``history_cache``), so the next call diffs only new
    commits; a shallow clone is never cached.
    """
    root = root.resolve()
    try:
        repo, prefix = open_repo(root)
    except SarabunError as exc:
        if not missing_ok:
            raise
        return History(root=root, warnings=[str(exc)])
    history = History(root=root, _repo=repo, _prefix=prefix)
    if repo.git.rev_parse("--is-shallow-repository").strip() == "true":
        history.shallow = True
        history.warnings.append(SHALLOW_WARNING)
        log.warning(SHALLOW_WARNING)
    try:
        repo.git.rev_parse("--verify", "--quiet", "HEAD")
    except git.GitCommandError:
        return history  # no commits yet
    shas = repo.git.rev_list("--date-order", "--reverse", "HEAD").split()
    # a shallow clone's boundary commit looks like it adds every file: never cache that
    use_cache = (cache if cache is not None else history_cache.enabled()) and not history.shallow
    store = history_cache.LogCache.load(history_cache.cache_path(Path(repo.git_dir)),
                                        _cache_key(repo)) if use_cache else None
    todo = store.missing(shas) if store is not None else shas
    jobs = jobs or default_jobs()
    # more slices than cores, so a slice of heavy commits does not leave a core idle
    slices = _chunks(todo, jobs * 4 if jobs > 1 and len(todo) > 2000 else jobs) if todo else []
    builder = _Builder(history, prefix, tuple(p.strip("/") + "/" for p in paths))
    known: dict[str, bytes] = store.records if store is not None else {}
    fresh: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(slices)))) as pool:
        futures = [pool.submit(_log_chunk, repo, part) for part in slices]
        slice_of = {sha: i for i, part in enumerate(slices) for sha in part}
        # Feed the commits in order, parsing what is ready while git still diffs later slices.
        ready: list[bytes] = []
        for sha in shas:
            if sha not in known and sha not in fresh:
                builder.feed(parse_log(b"".join(ready)))
                ready = []
                i = slice_of[sha]
                fresh.update(history_cache.split_records(futures[i].result(), slices[i]))
            ready.append(known[sha] if sha in known else fresh[sha])
        builder.feed(parse_log(b"".join(ready)))
    if store is not None and (fresh or len(store.records) != len(shas)):
        store.update(fresh)
        store.save(shas)
    builder.finish()
    if read_headers:
        wanted = read_headers if isinstance(read_headers, tuple) else ("",)
        blobs = {v.blob for vs in history._versions.values() for v in vs
                 if v.path.startswith(wanted)}
        contents = _cat_file(repo, blobs)
        headers = {b: read_header(data) for b, data in contents.items()}
        for vs in history._versions.values():
            for v in vs:
                v.header = headers.get(v.blob, {})
    return history


class _Builder:
    """Turns parsed log records, oldest first, into commits, versions, removals and aliases."""

    def __init__(self, history: History, prefix: str, paths: tuple[str, ...]) -> None:
        self.history = history
        self.prefix = prefix
        self.paths = paths
        self.docs: dict[str, _State] = {}  # document id -> latest path and blob
        self.files: dict[str, str] = {}  # any scanned path -> latest blob
        self.pending: tuple[list[str], list[_Entry]] | None = None

    def rel(self, path: str) -> str | None:
        """The path relative to the corpus root, or None if it is not scanned."""
        if self.prefix:
            if not path.startswith(self.prefix):
                return None
            path = path[len(self.prefix):]
        if not path.startswith(self.paths):
            return None
        return path if path.isascii() else _decode_path(path)

    def feed(self, records: Iterable[tuple[list[str], list[_Entry]]]) -> None:
        for fields, entries in records:
            if self.pending is not None and self.pending[0][0] == fields[0]:
                self.pending[1].extend(entries)  # the same merge, against its next parent
                continue
            self.flush()
            self.pending = (fields, list(entries))

    def finish(self) -> None:
        self.flush()

    def flush(self) -> None:
        if self.pending is not None:
            self.apply(*self.pending)
            self.pending = None

    def apply(self, fields: list[str], entries: list[_Entry]) -> None:
        history, docs, files = self.history, self.docs, self.files
        sha, parents, an, ae, a_iso, c_iso, message = fields
        commit = Commit(sha=sha, parents=tuple(parents.split()), author=an, author_email=ae,
                        authored=_bangkok(a_iso), committed=_bangkok(c_iso), message=message,
                        index=len(history.commits))
        history.commits.append(commit)
        merge = commit.is_merge

        # The state this commit leaves: which paths exist with which blob, which are gone.
        present: dict[str, str] = {}
        gone: set[str] = set()
        renames: dict[str, str] = {}  # new path -> old path
        for e in entries:
            if e.dst_mode == _SUBMODULE_MODE:
                continue
            src, dst = self.rel(e.src_path), self.rel(e.dst_path)
            if e.status == "D":
                if src is not None:
                    gone.add(src)
            else:
                if dst is not None:
                    present[dst] = e.dst_blob
                if e.status == "R" and src is not None:
                    gone.add(src)
                    if dst is not None:
                        renames[dst] = src
        gone -= present.keys()
        if not present and not gone:
            return

        for path, blob in present.items():
            if not merge or files.get(path) != blob:
                history._path_changed[path] = commit.index
            files[path] = blob
        for path in gone:
            if files.pop(path, None) is not None or not merge:
                history._path_changed[path] = commit.index

        # Documents: grouped by id, so that a move (delete + add of one id) is one version.
        now: dict[str, tuple[str, str]] = {}
        for path, blob in present.items():
            key = doc_key(path)
            if key is not None:
                now[key] = (path, blob)
        for new_path, old_path in renames.items():
            new_id, old_id = doc_key(new_path), doc_key(old_path)
            if new_id and old_id and new_id != old_id and old_id not in now:
                history._add_alias(_Alias(old_id, new_id, commit.index))
        for key, (path, blob) in now.items():
            before = docs.get(key)
            if before is not None and before.blob == blob and before.path == path:
                continue  # a merge bringing a version already seen, or a mode change
            if before is not None and before.blob == blob and not merge:
                # Moved with its id and text unchanged (filed into its year folder): the
                # document did not change, so no version; its file is followed to the new path.
                docs[key] = _State(path, blob)
                continue
            if merge:
                kind = "merged"
            elif before is None:
                kind = "renamed" if doc_key(renames.get(path, "")) else "added"
            elif before.path != path:
                kind = "renamed"
            else:
                kind = "modified"
            previous = renames.get(path) or (before.path if before and before.path != path
                                             else None)
            history._versions[key].append(Version(key, path, blob, commit, kind, previous))
            docs[key] = _State(path, blob)
        for path in gone:
            key = doc_key(path)
            if key is None or key in now or key not in docs or docs[key].path != path:
                continue
            renamed_to = next((doc_key(n) for n, o in renames.items() if o == path), None)
            history._removals[key].append(Removal(key, path, commit, renamed_to))
            del docs[key]


# --- point in time -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """When a version's text applies: from ``start`` (None: unknown, as from the beginning)."""

    version: Version
    start: BEDate | None
    basis: str  # "effective_date", "date", "amendment", "correction" or "unknown"
    amended_by: tuple[str, ...] = ()

    def basis_thai(self) -> str:
        if self.basis == "amendment":
            return "ตามวันที่มีผลของเอกสารที่แก้ไข " + ", ".join(self.amended_by)
        return {
            "effective_date": "ตามวันที่มีผลใช้บังคับของฉบับนี้",
            "date": "ตามวันที่ของเอกสาร (ไม่ได้ระบุวันที่มีผลใช้บังคับ)",
            "correction": "แก้ไขการพิมพ์หรือรูปแบบของฉบับก่อนหน้า ใช้แทนฉบับก่อนหน้าตั้งแต่วันเดียวกัน",
            "unknown": "ไม่ทราบวันที่มีผลใช้บังคับ",
        }[self.basis]


def date_key(date: BEDate | None) -> tuple[int, int, int]:
    """Sort key for partial dates: a date known to the year or month counts from its first day."""
    if date is None:
        return (0, 0, 0)
    return (date.year, date.month or 1, date.day or 1)


def _doc_start(doc: Document) -> BEDate | None:
    return doc.effective_date or doc.date


@dataclass(frozen=True)
class InForce:
    """The answer to "which version was in force on this date?"."""

    on: BEDate
    period: Period | None  # None: no version was in force
    reason: str  # Thai explanation

    @property
    def version(self) -> Version | None:
        return self.period.version if self.period else None


class PointInTime:
    """Point-in-time answers for a whole corpus; build once per site build, ask per document.

    ``documents`` are the current documents (``corpus.documents``): their ``amends`` and
    ``repeals`` (with their ``effective_date``, else ``date``) are indexed once.
    """

    def __init__(self, history: History, documents: Iterable[Document]) -> None:
        self.history = history
        self.amended_by: dict[str, list[Document]] = defaultdict(list)
        self.repealed_by: dict[str, list[Document]] = defaultdict(list)
        for doc in documents:
            for target in doc.amends:
                self.amended_by[target].append(doc)
            for target in doc.repeals:
                self.repealed_by[target].append(doc)

    def periods(self, doc_id: str) -> list[Period]:
        """Each version of ``doc_id`` with the date its text applies from (module notes)."""
        versions = self.history.versions(doc_id)
        amendments: list[tuple[int, str, BEDate | None]] = []
        for doc in self.amended_by.get(doc_id, []):
            first = self.history.versions(str(doc.id))
            if first:
                amendments.append((first[0].commit.index, str(doc.id), _doc_start(doc)))
        amendments.sort(key=lambda a: a[0])
        taken: set[str] = set()
        out: list[Period] = []
        for i, v in enumerate(versions):
            own = v.effective_date
            if i == 0:
                if own is not None:
                    out.append(Period(v, own, "effective_date"))
                elif v.doc_date is not None:
                    out.append(Period(v, v.doc_date, "date"))
                else:
                    out.append(Period(v, None, "unknown"))
                continue
            new = [a for a in amendments if a[1] not in taken and a[0] <= v.commit.index]
            taken |= {a[1] for a in new}
            if own is not None and own != versions[i - 1].effective_date:
                out.append(Period(v, own, "effective_date"))
            elif new:
                dates = [a[2] for a in new if a[2] is not None]
                start = max(dates, key=date_key) if dates else out[-1].start
                out.append(Period(v, start, "amendment", tuple(a[1] for a in new)))
            else:
                out.append(Period(v, out[-1].start, "correction"))
        return out

    def repealed_on(self, doc_id: str) -> tuple[BEDate | None, str] | None:
        """(date, repealing id) of the earliest document that repeals ``doc_id``, if any."""
        found = [(_doc_start(d), str(d.id)) for d in self.repealed_by.get(doc_id, [])]
        if not found:
            return None
        return min(found, key=lambda f: date_key(f[0]))

    def in_force(self, doc_id: str, on: BEDate,
                 plist: list[Period] | None = None) -> InForce:
        """The version of ``doc_id`` in force on the BE date ``on``."""
        plist = self.periods(doc_id) if plist is None else plist
        if not plist:
            return InForce(on, None, f"ไม่พบประวัติของเอกสาร '{doc_id}'")
        repeal = self.repealed_on(doc_id)
        if repeal is not None and date_key(repeal[0]) <= date_key(on):
            when = repeal[0].thai() if repeal[0] else "วันที่ไม่ทราบ"
            return InForce(on, None, f"ถูกยกเลิกโดย {repeal[1]} ตั้งแต่ {when}")
        candidates = [p for p in plist if date_key(p.start) <= date_key(on)]
        if not candidates:
            first = min((p.start for p in plist), key=date_key)
            when = first.thai() if first else ""
            return InForce(on, None, f"ยังไม่มีผลใช้บังคับ (เริ่มมีผล {when})")
        best = max(candidates, key=lambda p: (date_key(p.start), p.version.commit.index))
        return InForce(on, best, best.basis_thai())

    def labels(self, doc_id: str, today: BEDate, status: str = "") -> dict[str, str]:
        """Label of each version (by commit sha) on ``today``: CURRENT, NOT_IN_FORCE, NOT_YET.

        ``status`` is the document's current status; ``repealed`` or ``superseded`` makes every
        version NOT_IN_FORCE even when no repealing document gives a date.
        """
        plist = self.periods(doc_id)
        answer = self.in_force(doc_id, today, plist)
        current = answer.version.commit.sha if answer.version and status not in (
            "repealed", "superseded") else None
        labels: dict[str, str] = {}
        for p in plist:
            sha = p.version.commit.sha
            if sha == current:
                labels[sha] = CURRENT
            elif date_key(p.start) > date_key(today):
                labels[sha] = NOT_YET_IN_FORCE
            else:
                labels[sha] = NOT_IN_FORCE
        return labels


def periods(history: History, doc_id: str, documents: Iterable[Document]) -> list[Period]:
    """``PointInTime(history, documents).periods(doc_id)`` (for one-off questions)."""
    return PointInTime(history, documents).periods(doc_id)


def in_force(history: History, doc_id: str, documents: Iterable[Document],
             on: BEDate) -> InForce:
    """The version of ``doc_id`` in force on the BE date ``on``."""
    return PointInTime(history, documents).in_force(doc_id, on)


def version_labels(history: History, doc_id: str, documents: Iterable[Document],
                   today: BEDate, status: str = "") -> dict[str, str]:
    """Label of each version (by commit sha) as of ``today``; see ``PointInTime.labels``."""
    return PointInTime(history, documents).labels(doc_id, today, status)


def today_be() -> BEDate:
    return be_date_of(dt.datetime.now(BANGKOK))


def history_json(history: History, doc_id: str,
                 labels: Mapping[str, str] | None = None) -> dict[str, object]:
    """The JSON answer of ``sarabun history``: the document and all its versions.

    ``labels`` (from ``version_labels``, by commit sha) adds a ``label`` to each version.
    """
    versions = history.versions(doc_id)
    items = []
    for v in versions:
        item = v.as_dict()
        if labels is not None:
            item["label"] = labels.get(v.commit.sha)
        items.append(item)
    return {
        "id": doc_id,
        "path": versions[-1].path if versions else None,
        "renamed_from": history.renamed_from(doc_id),
        "shallow": history.shallow,
        "warnings": list(history.warnings),
        "versions": items,
        "removed": [{"commit": r.commit.sha, "date": r.commit.iso(), "path": r.path,
                     "renamed_to": r.renamed_to} for r in history.removals(doc_id)],
    }


def texts_by_version(history: History, versions: Iterable[Version]) -> Mapping[str, str]:
    """Text of each version keyed by commit sha (convenience for the site)."""
    vs = list(versions)
    by_blob = history.texts(vs)
    return {v.commit.sha: by_blob[v.blob] for v in vs}
