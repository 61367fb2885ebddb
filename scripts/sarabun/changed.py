"""``sarabun check-changed [--base REF] [--summary FILE]``: check what a pull request changes.

The documents changed since the merge base with the published branch (``main``, or
``origin/main`` in a pull request's CI checkout; see ``gitcmd.base_ref``), plus the documents
that cite them (``amends``/``repeals`` or their id in the text), are reported on; the whole corpus
is still loaded so that references, duplicate ids and published URLs (U001) are checked against
everything. A changed registry can affect any document, so it makes the check cover all of them.
Without a base (no git, no ``main``) every document is checked.

``--summary`` appends a short Thai Markdown report (for the pull request's page: GitHub's
``$GITHUB_STEP_SUMMARY``) with each problem's fix from ``problems.CODES``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from . import gitcmd
from .checks import DOC_ROOTS
from .corpus import Corpus, load_corpus
from .problems import CODES, Problem, errors
from .registry import REGISTRY_DIR
from .thai import to_thai_digits

#: The summary lists at most this many problems; the full list is in the job's log.
SUMMARY_ROWS = 50


@dataclass
class Selection:
    """Which documents a change touches."""

    base: str | None
    changed: set[str] = field(default_factory=set)  # POSIX paths, in the document folders
    citing: set[str] = field(default_factory=set)
    everything: bool = False  # no base, or a registry changed

    @property
    def wanted(self) -> set[str]:
        return self.changed | self.citing


def _in_doc_roots(path: str) -> bool:
    return PurePosixPath(path).parts[:1] in {(r,) for r in DOC_ROOTS}


def _is_registry(path: str) -> bool:
    return PurePosixPath(path).parent == PurePosixPath(REGISTRY_DIR.as_posix())


def select(root: Path, corpus: Corpus, base: str | None) -> Selection:
    """The changed files under regulations/ and records/ and the documents citing them."""
    sel = Selection(base)
    if base is None:
        sel.everything = True
        return sel
    present, deleted = gitcmd.changed_files(root, base)
    sel.changed = {p for p in present if _in_doc_roots(p)}
    if any(_is_registry(p) for p in present + deleted):
        sel.everything = True
    by_path = {d.path.as_posix(): d for d in corpus.documents}
    ids = {str(by_path[p].id) for p in sel.changed if p in by_path}
    ids |= {PurePosixPath(p).stem for p in deleted + sorted(sel.changed)
            if _in_doc_roots(p) and p.endswith(".md") and not _is_registry(p)}
    if ids:
        mention = re.compile(r"(?<![a-z0-9-])(?:" + "|".join(map(re.escape, sorted(ids)))
                             + r")(?![a-z0-9-])")
        for doc in corpus.documents:
            path = doc.path.as_posix()
            if path in sel.changed:
                continue
            if ids & set(doc.amends + doc.repeals) or mention.search(doc.body):
                sel.citing.add(path)
    return sel


def filter_problems(problems: list[Problem], sel: Selection) -> list[Problem]:
    if sel.everything:
        return problems
    registry = REGISTRY_DIR.as_posix() + "/"
    return [p for p in problems if p.path in sel.wanted or p.path.startswith(registry)]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def summary_markdown(sel: Selection, problems: list[Problem], documents: int,
                     errors_url: str | None = None) -> str:
    """The Thai report for the pull request page."""
    def n(x: int) -> str:
        return to_thai_digits(str(x))

    if sel.everything:
        scope = f"ตรวจเอกสารทั้งคลัง {n(documents)} ฉบับ"
        if sel.base is None:
            scope += " (ไม่พบสาขา main ให้เทียบ)"
        else:
            scope += " เพราะมีการแก้ทะเบียน"
    elif not sel.wanted:
        scope = f"ไม่มีเอกสารที่เปลี่ยนเมื่อเทียบกับ {sel.base}"
    else:
        scope = f"ตรวจเอกสารที่เปลี่ยน {n(len(sel.changed))} ไฟล์"
        if sel.citing:
            scope += f" และเอกสารที่อ้างถึง {n(len(sel.citing))} ฉบับ"
        scope += f" (เทียบกับ {sel.base})"
    verdict = f"**พบ {n(len(problems))} ปัญหา**" if problems else "ไม่พบปัญหา ✅"
    out = ["## ผลการตรวจเอกสาร (sarabun check)", "", f"{scope}: {verdict}", ""]
    if problems:
        out += ["| ตำแหน่ง | รหัส | ปัญหา | วิธีแก้ |", "|---|---|---|---|"]
        for p in problems[:SUMMARY_ROWS]:
            code = f"[{p.code}]({errors_url}#{p.code.lower()})" if errors_url else p.code
            fix = CODES.get(p.code, ("", ""))[1]
            out.append(f"| `{_cell(p.path)}:{p.line}:{p.col}` | {code} | {_cell(p.message)} "
                       f"| {_cell(fix)} |")
        if len(problems) > SUMMARY_ROWS:
            out += ["", f"และอีก {n(len(problems) - SUMMARY_ROWS)} ปัญหา ดูรายการทั้งหมดในบันทึกของงาน"]
        out += ["", "ดูความหมายของแต่ละรหัสและวิธีแก้ได้ที่หน้า \"รหัสข้อผิดพลาด\" ของเว็บไซต์ "
                "(staff/errors/) แก้แล้ว push ใหม่ การตรวจจะทำงานอีกครั้ง"]
    return "\n".join(out) + "\n"


def errors_page_url() -> str | None:
    """The error-code page on the published site, when its address is known."""
    site = os.environ.get("SARABUN_SITE_URL", "").strip()
    return f"{site.rstrip('/')}/staff/errors/" if site.startswith(("https://", "http://")) \
        else None


def cmd_check_changed(args: argparse.Namespace) -> int:
    from .cli import find_root  # late: cli imports the command modules

    root = (getattr(args, "root", None) or find_root(Path.cwd())).resolve()
    if args.base:  # the published-URL check (U001) in load_corpus compares with the same ref
        os.environ["SARABUN_BASE_REF"] = args.base
    base = gitcmd.base_ref(root, args.base)
    if args.base and base is None and args.base.lower() not in gitcmd.NO_BASE:
        print(f"ไม่พบ '{args.base}' ในที่เก็บ git: ตรวจทั้งคลังแทน", file=sys.stderr)
    corpus = load_corpus(root)
    sel = select(root, corpus, base)
    problems = filter_problems(corpus.problems, sel)
    for p in problems:
        print(p.text())
    report = summary_markdown(sel, problems, len(corpus.documents), errors_page_url())
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as fh:
            fh.write(report)
    print(report.split("\n")[2], file=sys.stderr)
    return 1 if errors(problems) else 0


def add_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``check-changed`` to the main parser's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "check-changed", help="ตรวจเฉพาะเอกสารที่เปลี่ยนเมื่อเทียบกับ main และเอกสารที่อ้างถึง")
    p.add_argument("--base", help="สาขาหรือ commit ที่เทียบ (ค่าเริ่มต้น: $SARABUN_BASE_REF, main, "
                                  "origin/main; none = ตรวจทั้งคลัง)")
    p.add_argument("--summary", help="ต่อท้ายรายงานภาษาไทยแบบ Markdown ลงไฟล์นี้ "
                                     "(เช่น $GITHUB_STEP_SUMMARY)")
    p.set_defaults(func=cmd_check_changed)
    return p
