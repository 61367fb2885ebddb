"""Import originals (PDF, Word, OpenDocument, HTML, text) as draft documents, all or nothing.

For each file: read it, refuse one already imported (same SHA-256 as a file in
``docs/originals/``), extract and repair its text, detect its metadata, build a draft whose
front matter is valid but for placeholders (what could not be detected is filled with a stated
placeholder and listed in the draft's ``todo`` field, which ``sarabun check`` reports as J001
until staff fix the field and remove the item; other doubts go into ``note``), check it with
the single-file and whole-corpus checks and the personal-data guard (``sarabun.pdpa``: an ID
number, mobile number or house address not in the reviewed allow-list stops the import, kind
``personal-data``), and only then write the original (``docs/originals/<sha256:16>.<ext>``) and
the draft (``<category>/<type>/<year>/<id>.md``: ``sarabun.layout``) through temporary files and
``os.replace``. An existing draft is never overwritten unless ``force``, which first copies it to
``.sarabun/backups/``. If anything fails, nothing of that file is left behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sarabun.checks import parse_document
from sarabun.corpus import check_corpus, document_paths
from sarabun.frontmatter import Loaded
from sarabun.ids import DocumentId
from sarabun.layout import document_path
from sarabun.model import DOC_TYPES, Document
from sarabun.pdpa import Allowed, check_file, load_allow
from sarabun.problems import errors
from sarabun.registry import Registry, load_registry
from sarabun.scaffold import BANGKOK
from sarabun.thai import BE_OFFSET, BEDate, DateError

from . import body, detect, html, pdf, text, word
from .base import Extracted, ImportFailure

__all__ = ["SUPPORTED", "Batch", "Extracted", "ImportFailure", "Options", "Result",
           "collect", "extract", "import_file", "import_many"]

SUPPORTED = (".pdf", ".docx", ".odt", ".html", ".htm", ".txt")
ORIGINALS = Path("docs/originals")
BACKUPS = Path(".sarabun/backups")
FALLBACK_TYPE = "report"


@dataclass
class Options:
    root: Path
    type: str | None = None
    issuer: str | None = None
    dest: Path | None = None  # folder for drafts instead of <category>/<type>/<year>/
    force: bool = False


@dataclass
class Result:
    source: Path
    status: str  # imported, skipped or failed
    message: str  # Thai
    kind: str = ""  # failure or skip reason code
    draft: Path | None = None
    original: Path | None = None
    backup: Path | None = None
    missing: list[str] = field(default_factory=list)


@dataclass
class Batch:
    """What one run knows about the repository; updated as files are imported."""

    root: Path
    registry: Registry
    loaded: list[tuple[Document, Loaded]]
    hashes: dict[str, Path]  # sha256 -> original already stored
    allow: list[Allowed] = field(default_factory=list)  # reviewed personal-data exceptions

    @classmethod
    def load(cls, root: Path) -> Batch:
        root = root.resolve()
        loaded: list[tuple[Document, Loaded]] = []
        for rel in document_paths(root):
            doc, fm, _ = parse_document(rel, (root / rel).read_bytes())
            if doc is not None and fm is not None:
                loaded.append((doc, fm))
        hashes: dict[str, Path] = {}
        originals = root / ORIGINALS
        if originals.is_dir():
            for p in sorted(originals.iterdir()):
                if p.is_file() and not p.name.startswith("."):
                    hashes.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), p)
        return cls(root, load_registry(root), loaded, hashes, load_allow(root)[0])

    def citing(self, original: Path) -> list[Document]:
        src = original.relative_to(self.root / "docs").as_posix()
        return [d for d, _ in self.loaded if d.source == src]


def extract(data: bytes, ext: str) -> Extracted:
    """Text of a file's bytes by its extension; ImportFailure when it has none."""
    if not data.strip():
        raise ImportFailure("empty", "ไฟล์ว่าง ไม่มีข้อมูล")
    if ext == ".pdf":
        return pdf.extract(data)
    if ext in (".docx", ".odt"):
        return word.extract(data, ext)
    if ext in (".html", ".htm"):
        return html.extract(data)
    if ext == ".txt":
        return text.extract(data)
    raise ImportFailure("unsupported", f"ไม่รองรับไฟล์ {ext or 'ที่ไม่มีนามสกุล'} "
                        f"(รองรับ {', '.join(SUPPORTED)})")


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Draft:
    id: DocumentId
    type: str
    front: dict[str, str]
    body: str
    missing: list[str]  # everything to review, placeholders first
    todo: list[str] = field(default_factory=list)  # placeholders, written as the todo field


def build_draft(ext: Extracted, source_name: str, original: str, digest: str, opts: Options,
                registry: Registry) -> Draft:
    """Front matter and body of a draft (pure: no file system access)."""
    if ext.markdown:
        items = body.blocks(ext.text)
        plain = [body.plain(b) for b in items]
    else:
        paras = [p for p in ext.text.split("\n\n") if p.strip()]
        plain = [body.plain(p) if i in ext.tables else p for i, p in enumerate(paras)]
        items = [p if i in ext.tables else body.escape_plain(p) for i, p in enumerate(paras)]
    d = detect.detect(plain, registry, opts.type, opts.issuer)
    missing = list(d.notes)
    # Placeholders put in fields and missing content: sarabun check reports them (J001).
    todo: list[str] = list(ext.todo)
    type_code = d.type if d.type in DOC_TYPES else None
    if type_code is None:
        type_code = FALLBACK_TYPE
        todo.append(f"ช่อง type (ประเภท): หาในต้นฉบับไม่พบ จึงใส่ '{FALLBACK_TYPE}' ไว้ชั่วคราว "
                    "ให้ใส่ประเภทที่ถูกต้อง แก้รหัสเอกสาร (id) และย้ายไฟล์ไปโฟลเดอร์ของประเภทนั้น "
                    "(หรือนำเข้าใหม่ด้วย --type)")
    doc_type = DOC_TYPES[type_code]
    issuer = d.issuer if d.issuer in registry.organizations else None
    if issuer is None:
        issuer = _fallback_issuer(registry)
        todo.append(f"ช่อง issuer (หน่วยงานที่ออก): ไม่พบหน่วยงานที่ออกในต้นฉบับ จึงใส่ '{issuer}' "
                    "ไว้ชั่วคราว ให้ใส่รหัสหน่วยงานที่ออกเอกสารจาก "
                    "records/registries/organizations.yaml แล้วแก้รหัสเอกสาร (id) "
                    "และชื่อไฟล์ให้ขึ้นต้นด้วยรหัสนั้น")
    title = d.title or f"ไม่ทราบชื่อเรื่อง (นำเข้าจาก {source_name})"
    if not d.title:
        todo.append("ช่อง title (ชื่อเรื่อง): ไม่พบชื่อเรื่อง ให้ใส่ชื่อเรื่องตามต้นฉบับ")
    number = d.number
    if number:
        try:
            BEDate.parse(number.split("/")[1])
        except DateError:
            missing.append(f"เลขที่ '{number}' ไม่ใช้ปี พ.ศ. จึงไม่ได้ใส่")
            number = ""
    elif doc_type.code in ("order", "announcement", "cabinet-resolution", "minutes"):
        missing.append("ไม่พบเลขที่ (ที่ N/ปปปป)")
    date = d.date
    if date is None:
        if number:
            date = BEDate(int(number.split("/")[1]))
            missing.append("ไม่พบวันที่ ใส่เฉพาะปีตามเลขที่")
        elif doc_type.needs_date:
            date = BEDate(dt.datetime.now(BANGKOK).year + BE_OFFSET)
            todo.append(f"ช่อง date (วันที่): ไม่พบวันที่ จึงใส่ปีปัจจุบัน {date.year} ไว้ชั่วคราว "
                        "ให้ใส่วันที่ลงนามตามต้นฉบับ แบบ พ.ศ. ปปปป-ดด-วว")
        else:
            missing.append("ไม่พบวันที่")
    year = int(number.split("/")[1]) if number else (date.year if date else None)
    doc_id = DocumentId(issuer, type_code, year, number.split("/")[0] if number else None,
                        None if number else f"import-{digest[:8]}")
    kept = [b for i, b in enumerate(items) if i not in set(d.header)]
    text_body = "\n\n".join(body.clause_headings(kept))
    note = f"ร่างนำเข้าอัตโนมัติจากไฟล์ {source_name} ต้องตรวจทานกับต้นฉบับ"
    details = [*ext.warnings, *missing]
    if details:
        note += " | " + " | ".join(details)
    front = {"id": str(doc_id), "type": type_code, "title": title}
    if number:
        front["number"] = number
    front["issuer"] = issuer
    if date:
        front["date"] = date.iso()
    front |= {"status": "draft", "source": original, "note": note}
    return Draft(doc_id, type_code, front, text_body, [*todo, *ext.warnings, *missing], todo)


def _fallback_issuer(registry: Registry) -> str:
    """A registry id to hold the place of an unknown issuer: th, else a root organization."""
    if "th" in registry.organizations:
        return "th"
    roots = [o.id for o in registry.organizations.values() if not o.parent]
    return roots[0] if roots else "th"


def render(draft: Draft) -> str:
    lines = ["---", *(f"{k}: {_yaml(v)}" for k, v in draft.front.items())]
    if draft.todo:
        lines += ["todo:", *(f"  - {_yaml(t)}" for t in draft.todo)]
    lines += ["---", ""]
    return "\n".join(lines) + draft.body.rstrip("\n") + "\n"


def _rel(root: Path, path: Path) -> Path:
    return path.relative_to(root) if path.is_relative_to(root) else path


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return Path(tmp)


def _validate(batch: Batch, rel: Path, raw: bytes, replacing: Path | None) -> list[str]:
    doc, fm, probs = parse_document(rel, raw)
    if doc is None or fm is None:
        return [p.text() for p in probs]
    others = [(d, f) for d, f in batch.loaded if replacing is None or d.path != replacing]
    probs += [p for p in check_corpus([*others, (doc, fm)], batch.registry)
              if p.path == rel.as_posix()]
    # J001 (placeholders left to fill in) is what the draft's todo field is for.
    # Warnings (a phone number, a house address) are reported, not blocking: see _import.
    return [p.text() for p in errors(probs) if p.code != "J001"]


def import_file(path: Path, opts: Options, batch: Batch | None = None) -> Result:
    """Import one file; never raises for a bad file, the Result says what happened."""
    batch = batch or Batch.load(opts.root)
    try:
        return _import(path, opts, batch)
    except ImportFailure as exc:
        return Result(path, "skipped" if exc.kind == "duplicate" else "failed", str(exc), exc.kind)
    except OSError as exc:
        return Result(path, "failed", f"อ่านหรือเขียนไฟล์ไม่ได้: {exc.filename or path} "
                      f"({exc.strerror})", "io")


def _import(path: Path, opts: Options, batch: Batch) -> Result:
    root = batch.root
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise ImportFailure("unsupported", f"ไม่รองรับไฟล์ {ext or 'ที่ไม่มีนามสกุล'} "
                            f"(รองรับ {', '.join(SUPPORTED)})")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    existing = batch.hashes.get(digest)
    if existing is not None and not opts.force:
        docs = ", ".join(d.path.as_posix() for d in batch.citing(existing)) or "ยังไม่มีเอกสารอ้างถึง"
        raise ImportFailure("duplicate", f"นำเข้าไฟล์นี้แล้ว: {_rel(root, existing).as_posix()} "
                            f"({docs}) ใช้ --force เพื่อนำเข้าซ้ำ")
    original = existing or root / ORIGINALS / f"{digest[:16]}{ext}"
    extracted = extract(data, ext)
    src = original.relative_to(root / "docs").as_posix()
    draft = build_draft(extracted, path.name, src, digest, opts, batch.registry)
    doc_type = DOC_TYPES[draft.type]
    # The id's year folder (``layout``), unless a document with this id is already elsewhere
    # (a flat older file): then that file is the one that exists, as before.
    placed = [d.path for d, _ in batch.loaded if d.id == draft.id]
    default_rel = placed[0] if placed else document_path(doc_type.category.value, draft.type,
                                                         draft.id)
    target = (opts.dest.resolve() / f"{draft.id}.md") if opts.dest else root / default_rel
    rel = _rel(root, target)
    raw = render(draft).encode("utf-8")
    if target.exists() and not opts.force:
        raise ImportFailure("exists", f"มีไฟล์ {rel.as_posix()} อยู่แล้ว จะไม่เขียนทับ "
                            "(ใช้ --force เพื่อเขียนทับโดยเก็บสำเนาเดิมไว้)")
    # An ID number (P001) stops the import; a phone number or house address is a warning, as in
    # ``sarabun check``: the draft is written and the warning is listed for the reviewer.
    found = check_file(default_rel, raw, batch.allow)
    personal = errors(found)
    warned = [p.text() for p in found if p.severity == "warning"]
    if personal:
        raise ImportFailure("personal-data", "ร่างมีข้อมูลส่วนบุคคล จึงไม่นำเข้า "
                            "(ลบออกจากต้นฉบับ หรือให้ผู้ตรวจทานเพิ่มใน "
                            "records/registries/pdpa-allow.yaml): "
                            + "; ".join(p.text() for p in personal))
    # A draft put elsewhere with --dest is checked as if it were in its place in the corpus.
    problems = _validate(batch, default_rel, raw, rel if target.exists() else None)
    if problems:
        raise ImportFailure("invalid", "ร่างที่สร้างไม่ผ่านการตรวจ: " + "; ".join(problems))
    backup = _commit(root, data, original, existing is None, target, raw, opts.force)
    batch.hashes[digest] = original
    doc, fm, _ = parse_document(rel, raw)
    if doc is not None and fm is not None:
        batch.loaded = [(d, f) for d, f in batch.loaded if d.path != rel] + [(doc, fm)]
    where = "ช่อง todo และ note" if draft.todo else "ช่อง note"
    missing = f" (ต้องตรวจ: {len(draft.missing)} รายการ ดู{where})" if draft.missing else ""
    return Result(path, "imported", f"{rel.as_posix()}{missing}", "", target, original, backup,
                  [*draft.missing, *warned])


def _commit(root: Path, data: bytes, original: Path, new_original: bool, target: Path,
            raw: bytes, force: bool) -> Path | None:
    """Write original and draft all or nothing; back up an overwritten draft first."""
    orig_tmp = _write_temp(original.parent, original.name, data) if new_original else None
    draft_tmp: Path | None = None
    placed_original = False
    try:
        draft_tmp = _write_temp(target.parent, target.name, raw)
        backup = None
        if target.exists():
            if not force:
                raise ImportFailure("exists", f"มีไฟล์ {_rel(root, target).as_posix()} อยู่แล้ว")
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            backup = root / BACKUPS / stamp / _rel(root, target.resolve())
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, backup)
        if orig_tmp is not None:
            os.replace(orig_tmp, original)
            placed_original = True
        if force:
            os.replace(draft_tmp, target)
        else:
            try:
                os.link(draft_tmp, target)  # fails if the target appeared meanwhile
            except FileExistsError:
                raise ImportFailure("exists", f"มีไฟล์ {_rel(root, target).as_posix()} "
                                    "อยู่แล้ว") from None
            except OSError:
                if target.exists():
                    raise
                os.replace(draft_tmp, target)
        return backup
    except BaseException:
        if placed_original:
            original.unlink(missing_ok=True)
        raise
    finally:
        for tmp in (orig_tmp, draft_tmp):
            if tmp is not None:
                tmp.unlink(missing_ok=True)


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files to import: the files named, and every file in the folders named (sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file()
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def import_many(paths: Iterable[Path], opts: Options,
                progress: Callable[[Path, Result], None] | None = None) -> list[Result]:
    """Import every file in ``paths`` (folders walked); ``progress`` is called after each."""
    paths = list(paths)
    named = {p for p in paths if not p.is_dir()}
    batch = Batch.load(opts.root)
    results = []
    for p in collect(paths):
        if not p.exists():
            r = Result(p, "failed", "ไม่พบไฟล์", "missing")
        elif p not in named and p.suffix.lower() not in SUPPORTED:
            r = Result(p, "skipped", f"ไม่ใช่ไฟล์ที่นำเข้าได้ ({p.suffix or 'ไม่มีนามสกุล'})",
                       "unsupported")
        else:
            r = import_file(p, opts, batch)
        results.append(r)
        if progress:
            progress(p, r)
    return results
