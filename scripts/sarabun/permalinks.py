"""Permalinks never break: published URLs stay, or a redirect entry says where they went.

A document's URL is ``<category>/<id>/`` (``Document.url``), so renaming a document (its id) or
moving it to the other category changes its URL. ``records/registries/redirects.yaml`` lists old
URLs and the document each now leads to::

    - from: opm-order-2545-301    # the old id, or the old URL regulations/opm-order-2545-301/
      to: opm-order-2545-310      # the id of a document in the corpus
      note: เปลี่ยนรหัสตามเลขที่ที่ถูกต้อง  # optional

The site gets a small page at each old URL that sends the reader on (``sarabun.publish``).

What is published is what the branch ``main`` holds (``gitcmd.base_ref``): every document URL
and every redirect on ``main`` must still be served, by a document or by a redirect entry, or
the check fails with U001. Redirect entries themselves are checked with U002 (their target must
be a document, their old URL must not be a live document's), and their shape with R004.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from . import gitcmd
from .frontmatter import FrontMatterError, compose, node_to_value
from .ids import DocumentId, IdError
from .model import DOC_TYPES, Category, Document
from .problems import Problem, problem
from .registry import REGISTRY_DIR

REDIRECTS_FILE = REGISTRY_DIR / "redirects.yaml"
_KEYS = ("from", "to", "note")
_URL_RE = re.compile(r"^/?(?P<cat>regulations|records)/(?P<slug>[a-z0-9][a-z0-9-]*)/?$")
_CATEGORIES = tuple(c.value for c in Category)


@dataclass(frozen=True)
class Redirect:
    """An old URL (``regulations/<old-id>/``) that now leads to the document ``target``."""

    source: str
    target: str
    note: str = ""
    line: int = 1
    col: int = 1


def url_of(text: str) -> str | None:
    """The site URL an entry's ``from`` names: an old id or an old URL; None if neither."""
    text = text.strip()
    m = _URL_RE.match(text)
    if m:
        return f"{m.group('cat')}/{m.group('slug')}/"
    try:
        doc_id = DocumentId.parse(text)
    except IdError:
        return None
    doc_type = DOC_TYPES.get(doc_id.type)
    return f"{doc_type.category.value}/{doc_id}/" if doc_type else None


def path_url(path: str | PurePosixPath) -> str | None:
    """The URL of a document file from its path alone: ``regulations/order/x.md`` -> ``...x/``."""
    p = PurePosixPath(path)
    if p.suffix != ".md" or len(p.parts) < 2 or p.parts[0] not in _CATEGORIES:
        return None
    if p.parts[:2] == tuple(REGISTRY_DIR.parts):
        return None
    return f"{p.parts[0]}/{p.stem}/"


def parse_redirects(text: str, rel: Path = REDIRECTS_FILE) -> tuple[list[Redirect], list[Problem]]:
    """Read the redirects registry; its shape errors are R004 problems."""
    try:
        node = compose(text)
    except FrontMatterError as exc:
        return [], [problem(rel, exc.line, exc.col, "R004", str(exc))]
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [problem(rel, node.start_mark.line + 1, node.start_mark.column + 1, "R004",
                            "ทะเบียนย้ายที่อยู่ต้องเป็นรายการของ - from: ... to: ...")]
    out: list[Redirect] = []
    probs: list[Problem] = []
    for item in node.value:
        line, col = item.start_mark.line + 1, item.start_mark.column + 1
        value = node_to_value(item)
        if not isinstance(value, dict):
            probs.append(problem(rel, line, col, "R004",
                                 "แต่ละรายการต้องมี from: (รหัสหรือที่อยู่เดิม) และ to: (รหัสใหม่)"))
            continue
        unknown = [k for k in value if k not in _KEYS]
        if unknown:
            probs.append(problem(rel, line, col, "R004",
                                 f"ไม่รู้จักช่อง '{unknown[0]}' (ใช้ได้: {', '.join(_KEYS)})"))
        source, target, note = (value.get(k, "") for k in _KEYS)
        if not (isinstance(source, str) and source.strip() and isinstance(target, str)
                and target.strip()):
            probs.append(problem(rel, line, col, "R004",
                                 "แต่ละรายการต้องมี from: (รหัสหรือที่อยู่เดิม) และ to: (รหัสใหม่) "
                                 "เป็นข้อความ"))
            continue
        out.append(Redirect(source.strip(), target.strip(),
                            note.strip() if isinstance(note, str) else "", line, col))
    return out, probs


def load_redirects(root: Path) -> tuple[list[Redirect], list[Problem]]:
    """The redirects registry of the work tree; a missing file means no redirects."""
    path = root / REDIRECTS_FILE
    if not path.exists():
        return [], []
    entries, probs = parse_redirects(path.read_text(encoding="utf-8"))
    return entries, probs


def check_redirects(entries: Iterable[Redirect], live: set[str],
                    documents: dict[str, Document]) -> tuple[list[Redirect], list[Problem]]:
    """Entries that can be served (``from`` normalised to a URL) and U002 for the others."""
    good: list[Redirect] = []
    probs: list[Problem] = []
    seen: set[str] = set()
    for e in entries:
        def bad(message: str, e: Redirect = e) -> None:
            probs.append(problem(REDIRECTS_FILE, e.line, e.col, "U002", message))

        url = url_of(e.source)
        if url is None:
            bad(f"'{e.source}' ไม่ใช่รหัสเอกสารหรือที่อยู่แบบ regulations/<รหัส>/ หรือ records/<รหัส>/")
            continue
        if e.target not in documents:
            bad(f"ปลายทาง '{e.target}' ไม่มีในคลังเอกสาร ให้ใส่รหัสของเอกสารปัจจุบัน")
            continue
        if url in live:
            bad(f"ที่อยู่ '{url}' ยังเป็นของเอกสารในคลัง จึงย้ายไปที่อื่นไม่ได้ ให้ลบรายการนี้")
            continue
        if url in seen:
            bad(f"ที่อยู่ '{url}' มีรายการย้ายซ้ำ ให้เหลือรายการเดียว")
            continue
        seen.add(url)
        good.append(Redirect(url, e.target, e.note, e.line, e.col))
    return good, probs


def published_urls(root: Path, ref: str) -> dict[str, str]:
    """URL -> what publishes it on ``ref``: a document file's path, or the redirects registry."""
    out: dict[str, str] = {}
    for path in gitcmd.ls_tree(root, ref, *_CATEGORIES):
        url = path_url(path)
        if url is not None:
            out.setdefault(url, path)
    text = gitcmd.show(root, ref, REDIRECTS_FILE.as_posix())
    if text:
        entries, _ = parse_redirects(text)
        for e in entries:
            url = url_of(e.source)
            if url is not None:
                out.setdefault(url, REDIRECTS_FILE.as_posix())
    return out


def check_published(served: set[str], published: dict[str, str], ref: str) -> list[Problem]:
    """U001 for every URL on ``ref`` that the work tree serves no more."""
    probs = []
    for url in sorted(set(published) - served):
        old_id = url.rstrip("/").split("/")[-1]
        where = published[url]
        what = (f"เอกสาร {where}" if where != REDIRECTS_FILE.as_posix()
                else "รายการย้ายที่อยู่ในทะเบียนนี้")
        probs.append(problem(
            REDIRECTS_FILE, 1, 1, "U001",
            f"ที่อยู่ '{url}' ({what}) เผยแพร่แล้วบน {ref} แต่ไม่มีแล้ว "
            f"ให้เพิ่มรายการ '- from: {old_id}' และ 'to: <รหัสเอกสารใหม่>' ในไฟล์นี้"))
    return probs


def check_permalinks(root: Path, paths: Iterable[Path], documents: Iterable[Document],
                     ref: str | None = None) -> tuple[list[Redirect], list[Problem]]:
    """Redirect entries that can be served, and the R004/U001/U002 problems of the work tree.

    ``paths`` are all document files of the work tree (relative to ``root``); their URLs count
    as live even when a file has errors, so one mistake is not reported twice.
    """
    docs = {str(d.id): d for d in documents}
    live = {d.url for d in docs.values()}
    live |= {u for p in paths if (u := path_url(p.as_posix())) is not None}
    entries, probs = load_redirects(root)
    good, more = check_redirects(entries, live, docs)
    probs += more
    base = gitcmd.base_ref(root, ref)
    if base is not None:
        served = live | {r.source for r in good}
        # An entry with a mistake (U002) still counts as served, to report the mistake once.
        served |= {u for e in entries if (u := url_of(e.source)) is not None}
        probs += check_published(served, published_urls(root, base), base)
    return good, probs
