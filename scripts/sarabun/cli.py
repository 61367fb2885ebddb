"""The ``sarabun`` command line: check, check-changed, new, export, import,
cite, history, disclosure.

Every command returns an exit code; ``main`` is the one place that turns exceptions into plain
Thai messages (no tracebacks for staff), in the manner of datasette's CLI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .changed import add_command as add_check_changed_command
from .cite_cmd import add_command as add_cite_command
from .corpus import load_corpus
from .disclosure_cmd import add_command as add_disclosure_command
from .errors import SarabunError
from .export import export
from .history_cmd import add_command as add_history_command
from .import_cmd import add_command as add_import_command
from .problems import errors
from .scaffold import scaffold
from .search_cmd import add_command as add_search_command


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder with ``mkdocs.yml`` or ``records/registries``."""
    for p in [start, *start.parents]:
        if (p / "mkdocs.yml").exists() or (p / "records" / "registries").is_dir():
            return p
    raise SarabunError("ไม่พบคลังเอกสาร (โฟลเดอร์ที่มี mkdocs.yml) ให้ใช้ --root")


def cmd_check(args: argparse.Namespace) -> int:
    root = args.root or find_root(Path.cwd())
    paths = [Path(p) for p in args.paths] if args.paths else None
    if paths:
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise SarabunError(f"ไม่พบไฟล์ {', '.join(map(str, missing))}")
    corpus = load_corpus(root, paths, disclosure=args.disclosure)
    if args.format == "json":
        print(json.dumps({"documents": len(corpus.documents),
                          "problems": [p.as_dict() for p in corpus.problems]},
                         ensure_ascii=False, indent=2))
    else:
        for p in corpus.problems:
            print(p.text())
        n = len(errors(corpus.problems))
        warned = len(corpus.problems) - n
        summary = f"ตรวจ {len(corpus.documents)} เอกสาร: " + (f"พบ {n} ปัญหา" if n else "ไม่พบปัญหา")
        summary += f" คำเตือน {warned} รายการ" if warned else ""
        print(summary, file=sys.stderr)
    return 1 if errors(corpus.problems) else 0


def cmd_new(args: argparse.Namespace) -> int:
    root = args.root or find_root(Path.cwd())
    corpus = load_corpus(root)
    path = scaffold(corpus, args.type, args.issuer, args.year, args.number, args.slug, args.title)
    print(path.relative_to(corpus.root).as_posix())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    root = args.root or find_root(Path.cwd())
    corpus = load_corpus(root)
    if errors(corpus.problems):
        for p in corpus.problems:
            print(p.text(), file=sys.stderr)
        raise SarabunError(f"คลังเอกสารมี {len(errors(corpus.problems))} ปัญหา แก้ก่อนส่งออกข้อมูล")
    for path in export(corpus, Path(args.outdir)):
        print(path.as_posix())
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="sarabun", description="เครื่องมือคลังเอกสารราชการ sarabun")
    ap.add_argument("--root", type=Path, help="โฟลเดอร์คลังเอกสาร (ค่าเริ่มต้น: ค้นหาจากโฟลเดอร์ปัจจุบัน)")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="ตรวจเอกสาร")
    c.add_argument("paths", nargs="*", help="ไฟล์หรือโฟลเดอร์ที่จะตรวจ (ค่าเริ่มต้น: ทั้งคลัง)")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--disclosure", action="store_true",
                   help="รายงานรายการเปิดเผยข้อมูล (ITA/OIT) ที่ยังไม่มีเอกสาร (T001) ด้วย")
    c.set_defaults(func=cmd_check)
    n = sub.add_parser("new", help="สร้างเอกสารใหม่จากแม่แบบ")
    n.add_argument("type", help="ประเภท เช่น order, regulation, minutes")
    n.add_argument("--issuer", required=True, help="รหัสหน่วยงาน เช่น opm")
    n.add_argument("--year", help="ปี พ.ศ. (ค่าเริ่มต้น: ปีปัจจุบัน) เลขไทยหรืออารบิกก็ได้")
    n.add_argument("--number", help="เลขที่ (ค่าเริ่มต้น: เลขถัดไปที่ยังว่าง)")
    n.add_argument("--slug", help="คำภาษาอังกฤษสำหรับรหัส เมื่อเอกสารไม่มีเลขที่")
    n.add_argument("--title", help="ชื่อเรื่องภาษาไทย")
    n.set_defaults(func=cmd_new)
    e = sub.add_parser("export", help="ส่งออก documents.json และ documents.csv")
    e.add_argument("outdir")
    e.set_defaults(func=cmd_export)
    add_import_command(sub)
    add_check_changed_command(sub)
    add_cite_command(sub)
    add_history_command(sub)
    add_search_command(sub)
    add_disclosure_command(sub)
    # Staff type --root after the command as often as before it: every command takes it. SUPPRESS,
    # so that a command without it does not overwrite a --root given before the command name.
    for command in sub.choices.values():
        command.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                             help="โฟลเดอร์คลังเอกสาร (ค่าเริ่มต้น: ค้นหาจากโฟลเดอร์ปัจจุบัน)")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        root = getattr(args, "root", None)
        if root is not None and not Path(root).is_dir():
            raise SarabunError(f"ไม่พบโฟลเดอร์คลังเอกสาร {root} (ที่ระบุด้วย --root)")
        code: int = args.func(args)
        return code
    except SarabunError as exc:
        print(f"ข้อผิดพลาด: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ข้อผิดพลาด: อ่านหรือเขียนไฟล์ไม่ได้: {exc.filename or ''} ({exc.strerror})",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
