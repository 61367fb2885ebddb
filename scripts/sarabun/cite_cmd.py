"""``sarabun cite FILE... [--format text|json] [--unresolved] [--root DIR]``.

Registers the ``cite`` command on the main parser (``add_command``). For each UTF-8 text or
Markdown file it prints every citation found (offsets are code points into the file's text; in a
Markdown document with front matter only the body is searched, since the header describes the
document itself). ``--unresolved`` prints instead the "wanted" list: documents that are cited but
not in the repository, most cited first, with every place they are cited; without files it reads
every document of the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from sarabun.citations import (
    KIND_LABELS,
    Citation,
    CorpusIndex,
    body_start,
    find_citations,
    wanted,
)
from sarabun.corpus import load_corpus
from sarabun.errors import SarabunError


def read_text(path: Path) -> str:
    """The file's text; Thai errors for a missing or non-UTF-8 file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SarabunError(f"ไม่พบไฟล์ {path}") from None
    except IsADirectoryError:
        raise SarabunError(f"{path} เป็นโฟลเดอร์ ให้ระบุไฟล์") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SarabunError(f"ไฟล์ {path} ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {exc.start})") from None


def cite_text(text: str, index: CorpusIndex) -> list[Citation]:
    """Citations of a file's text: the body only if it is a Markdown document with front matter."""
    return find_citations(text, index, body_start(text))


def _shown(path: Path) -> str:
    """A path as staff typed it or relative to where they are, for messages they can click."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _text_line(path: str, c: Citation) -> str:
    surface = " ".join(c.surface.split())
    what = KIND_LABELS.get(c.kind, c.kind)
    extra = [x for x in (c.clause,) if x]
    target = c.target or "ไม่มีในคลังเอกสาร"
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"{path}:{c.line}: {what}{tail} «{surface}» → {target}"


def cmd_cite(args: argparse.Namespace) -> int:
    from sarabun.cli import find_root  # late: cli imports this module

    root = (getattr(args, "root", None) or find_root(Path.cwd())).resolve()
    if not args.files and not args.unresolved:
        raise SarabunError("ระบุไฟล์ที่จะค้นหาการอ้างอิง หรือใช้ --unresolved เพื่อตรวจทั้งคลังเอกสาร")
    corpus = load_corpus(root)
    index = CorpusIndex.from_corpus(corpus)
    if args.files:
        paths = [Path(f) for f in args.files]
        found = [(_shown(p), c) for p in paths for c in cite_text(read_text(p), index)]
    else:
        found = []
        for doc in sorted(corpus.documents, key=lambda d: d.path.as_posix()):
            text = read_text(root / doc.path)
            found += [(doc.path.as_posix(), c) for c in cite_text(text, index)]
    if args.unresolved:
        report = wanted(found)
        if args.format == "json":
            print(json.dumps([w.as_dict() for w in report], ensure_ascii=False, indent=2))
        else:
            for w in report:
                print(f"{w.count} ครั้ง  {KIND_LABELS.get(w.kind, w.kind)}: {w.label}")
                for path, line, _surface in w.places:
                    print(f"    {path}:{line}")
            print(f"เอกสารที่ถูกอ้างถึงแต่ไม่มีในคลัง {len(report)} รายการ", file=sys.stderr)
        return 0
    if args.format == "json":
        print(json.dumps([{"file": p, **c.as_dict()} for p, c in found],
                         ensure_ascii=False, indent=2))
    else:
        for p, c in found:
            print(_text_line(p, c))
        linked = sum(1 for _, c in found if c.target)
        print(f"พบการอ้างอิง {len(found)} แห่ง เชื่อมกับเอกสารในคลังได้ {linked} แห่ง", file=sys.stderr)
    return 0


def add_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``cite`` to the main parser's subparsers (``parser.add_subparsers()``)."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "cite", help="ค้นหาการอ้างอิงเอกสาร (คำสั่ง ระเบียบ มติ ครม. ฯลฯ) ในไฟล์ข้อความ")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="ไฟล์ข้อความหรือ Markdown (UTF-8) ถ้าไม่ระบุกับ --unresolved จะตรวจทั้งคลัง")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--unresolved", action="store_true",
                   help="แสดงเฉพาะเอกสารที่ถูกอ้างถึงแต่ยังไม่มีในคลัง พร้อมจำนวนครั้งและตำแหน่ง")
    p.set_defaults(func=cmd_cite)
    return p
