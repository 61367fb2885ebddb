"""``sarabun search-index SITE_DIR [--segment-size N] [--jobs N] [--query TEXT [--filter F=V]...]``.

Registers the ``search-index`` command on the main parser (``add_command``). It reads the document
pages of a site built by ``mkdocs build`` and writes the search index into
``SITE_DIR/search-index/``; the pages themselves are not touched. ``make site`` runs it right after
the build. With ``--query`` it then runs that query on the new index, as the browser would, and
lists the documents found (handy to check a query from the command line).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sarabun.errors import SarabunError
from sarabun.search.index import INDEX_DIR, SEGMENT_SIZE, build_index
from sarabun.search.reader import FACETS, search


def cmd_search_index(args: argparse.Namespace) -> int:
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        raise SarabunError(f"{site}: ไม่ใช่โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (ไม่พบ index.html) "
                           "ให้สร้างก่อนด้วย mkdocs build")
    filters: dict[str, str] = {}
    for item in args.filter or []:
        name, sep, value = item.partition("=")
        if not sep or name not in FACETS:
            raise SarabunError(f"ตัวกรอง '{item}' ไม่ถูกต้อง ใช้ ชื่อ=ค่า โดยชื่อเป็นหนึ่งใน "
                               f"{', '.join(FACETS)}")
        filters[name] = value
    if args.segment_size < 1:
        raise SarabunError("--segment-size ต้องมากกว่า 0")
    if args.jobs is not None and args.jobs < 1:
        raise SarabunError("--jobs ต้องมากกว่า 0")
    stats = build_index(site, segment_size=args.segment_size, jobs=args.jobs)
    print(f"ดัชนีค้นหา: {stats.documents} เอกสาร, {stats.segments} ส่วน, {stats.shards} ไฟล์คำ, "
          f"{stats.files} ไฟล์ {stats.bytes / 1024:.0f} KB ใน {stats.seconds:.1f} วินาที "
          f"-> {site / INDEX_DIR}")
    if args.query is not None:
        result = search(site / INDEX_DIR, args.query, filters)
        print(f"ค้นหา {args.query!r}: พบ {len(result.hits)} เอกสาร "
              f"(ผู้สมัคร {len(result.candidates)})")
        for hit in result.hits:
            print(f"  {hit.url}  {hit.title}")
    return 0


def add_command(subparsers: Any) -> None:
    """Add ``search-index`` to the ``sarabun`` command line."""
    p = subparsers.add_parser("search-index", help="สร้างดัชนีค้นหาของเว็บไซต์ที่สร้างแล้ว",
                              description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("site_dir", metavar="SITE_DIR", help="โฟลเดอร์เว็บไซต์ที่ mkdocs สร้าง เช่น site")
    p.add_argument("--segment-size", type=int, default=SEGMENT_SIZE,
                   help=f"จำนวนเอกสารต่อส่วนของดัชนี (ค่าเริ่มต้น {SEGMENT_SIZE})")
    p.add_argument("--jobs", type=int, help="จำนวนโพรเซสที่ใช้สร้างดัชนี (ค่าเริ่มต้น: หนึ่งโพรเซสสำหรับ"
                   " เว็บไซต์เล็ก หรือเท่าจำนวน CPU ไม่เกิน 4 สำหรับเว็บไซต์ใหญ่) ผลลัพธ์เหมือนกันทุกค่า")
    p.add_argument("--query", help="ค้นหาคำนี้ในดัชนีที่สร้างเสร็จแล้ว แล้วแสดงผล")
    p.add_argument("--filter", action="append", metavar="F=V",
                   help=f"ตัวกรองของ --query เช่น type=order (ชื่อ: {', '.join(FACETS)})")
    p.set_defaults(func=cmd_search_index)

