"""``sarabun import FILE|FOLDER... [--type T] [--issuer ORG] [--dest DIR] [--force]``.

Registers the ``import`` command on the main parser (``add_command``). Each file becomes a draft
document with its original kept under ``docs/originals/``; folders are walked. A progress bar
(rich, on stderr, only when it is a terminal) shows the batch; at the end a summary lists what
was imported, skipped (already imported, not an importable file) and failed, each with its
reason, and under each imported file what it could not detect (placeholders to fill in, which
``sarabun check`` keeps reporting as J001 until done). The exit code is 0 when nothing failed,
1 otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from sarabun.errors import SarabunError
from sarabun.importers import Options, Result, collect, import_many
from sarabun.model import DOC_TYPES

LABELS = {"imported": "นำเข้าแล้ว", "skipped": "ข้าม", "failed": "ไม่สำเร็จ"}


def summary(results: list[Result], root: Path) -> str:
    """Plain-text report of a batch: one line per file, then the counts."""
    lines = []
    for r in results:
        src = r.source.resolve()
        name = src.relative_to(root).as_posix() if src.is_relative_to(root) else str(r.source)
        lines.append(f"{LABELS[r.status]}: {name}: {r.message}")
        # What could not be detected, one item a line, so staff see what to fill in.
        lines += [f"    - {item}" for item in r.missing]
    counts = {s: sum(1 for r in results if r.status == s) for s in LABELS}
    lines.append(f"สรุป: นำเข้า {counts['imported']} ไฟล์, ข้าม {counts['skipped']} ไฟล์, "
                 f"ไม่สำเร็จ {counts['failed']} ไฟล์")
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace) -> int:
    from sarabun.cli import find_root  # late: cli imports this module

    root = (getattr(args, "root", None) or find_root(Path.cwd())).resolve()
    if args.type and args.type not in DOC_TYPES:
        raise SarabunError(f"ไม่รู้จักประเภท '{args.type}' (ใช้ได้: {', '.join(DOC_TYPES)})")
    paths = [Path(p) for p in args.files]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SarabunError(f"ไม่พบไฟล์ {', '.join(missing)}")
    opts = Options(root=root, type=args.type, issuer=args.issuer,
                   dest=Path(args.dest) if args.dest else None, force=args.force)
    total = len(collect(paths))
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("กำลังนำเข้า", total=total)

        def step(path: Path, _result: Result) -> None:
            bar.update(task, advance=1, description=f"นำเข้า {path.name}")

        results = import_many(paths, opts, step)
    print(summary(results, root))
    return 1 if any(r.status == "failed" for r in results) else 0


def add_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``import`` to the main parser's subparsers (``parser.add_subparsers()``)."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "import", help="นำเข้าไฟล์ต้นฉบับ (PDF, Word, ODT, HTML, TXT) เป็นร่างเอกสาร")
    p.add_argument("files", nargs="+", help="ไฟล์หรือโฟลเดอร์ที่จะนำเข้า")
    p.add_argument("--type", help="ประเภทเอกสาร ถ้าไม่ระบุจะเดาจากชื่อเรื่อง เช่น order, regulation")
    p.add_argument("--issuer", help="รหัสหน่วยงานที่ออก ถ้าไม่ระบุจะค้นจากชื่อเรื่อง")
    p.add_argument("--dest", help="โฟลเดอร์ที่จะเขียนร่าง (ค่าเริ่มต้น: <หมวด>/<ประเภท>/<ปี>/)")
    p.add_argument("--force", action="store_true",
                   help="นำเข้าซ้ำและเขียนทับร่างเดิม โดยเก็บสำเนาเดิมไว้ใน .sarabun/backups/")
    p.set_defaults(func=cmd_import)
    return p
