"""``sarabun disclosure [--year YEAR] [--format text|json] [--root DIR]``.

Registers the ``disclosure`` command on the main parser (``add_command``). For each disclosure
checklist (``records/registries/disclosure-<year>.yaml``, or only the year asked for) it prints
every item with the documents that satisfy it, then the missing items as ``path:line:col T001
...`` lines, as ``sarabun check --disclosure`` does. The exit code is 1 when an item is missing
or a checklist is malformed (T002), so CI can require a complete checklist.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sarabun.corpus import load_corpus
from sarabun.disclosure import missing
from sarabun.errors import SarabunError
from sarabun.thai import to_arabic_digits


def cmd_disclosure(args: argparse.Namespace) -> int:
    from sarabun.cli import find_root  # late: cli imports this module

    root = args.root or find_root(Path.cwd())
    corpus = load_corpus(root)
    checklists = corpus.checklists
    if args.year:
        year = to_arabic_digits(args.year.strip())
        checklists = [c for c in checklists if str(c.year) == year]
        if not checklists:
            raise SarabunError(f"ไม่พบรายการเปิดเผยข้อมูลปี {args.year} "
                               f"(records/registries/disclosure-{year}.yaml)")
    broken = [p for p in corpus.problems if p.code == "T002"]
    if not checklists and not broken:
        raise SarabunError("ยังไม่มีรายการเปิดเผยข้อมูล ให้สร้าง "
                           "records/registries/disclosure-<ปี พ.ศ.>.yaml")
    docs = corpus.documents
    gaps = missing(checklists, docs)
    if args.format == "json":
        out = [{"year": c.year, "path": c.path.as_posix(), "source": c.source,
                "example": c.example,
                "items": [{"code": i.code, "title": i.title, "example": i.example,
                           "documents": [str(d.id) for d in c.satisfying(i, docs)]}
                          for i in c.items]} for c in checklists]
        print(json.dumps({"checklists": out, "problems": [p.as_dict() for p in broken + gaps]},
                         ensure_ascii=False, indent=2))
    else:
        for c in checklists:
            print(f"{c.label} ({c.path.as_posix()})")
            for item in c.items:
                found = c.satisfying(item, docs)
                state = f"มีแล้ว {len(found)} ฉบับ" if found else "ยังไม่มี"
                print(f"  {item.code} {item.title}: {state}")
                for d in found:
                    print(f"    - {d.id} {d.title}")
        for p in broken + gaps:
            print(p.text())
        total = sum(len(c.items) for c in checklists)
        print(f"ตรวจ {total} รายการ: ยังไม่มีเอกสาร {len(gaps)} รายการ", file=sys.stderr)
    return 1 if broken or gaps else 0


def add_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``disclosure`` to the main parser's subparsers (``parser.add_subparsers()``)."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "disclosure", help="ตรวจรายการเปิดเผยข้อมูล (ITA/OIT) ว่ามีเอกสารครบหรือไม่")
    p.add_argument("--year", help="ปี พ.ศ. ของรายการ (ค่าเริ่มต้น: ทุกปีที่มี)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_disclosure)
    return p
