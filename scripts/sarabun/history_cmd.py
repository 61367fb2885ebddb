"""``sarabun history PATH_OR_ID [--format json] [--at DATE] [--root DIR]``.

Registers the ``history`` command on the main parser (``add_command``). It prints every version of
one document from git: commit, date (ISO in Bangkok time and BE in Thai), author, message, the
version's ``effective_date``, and for legal instruments whether the version is the one in force
today ("ฉบับปัจจุบัน"). ``--at`` answers which version was in force on a BE date. A shallow clone
gives a warning on stderr (the fix: ``fetch-depth: 0``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sarabun.errors import SarabunError
from sarabun.thai import BEDate, DateError

if TYPE_CHECKING:  # GitPython is imported only when the command runs (cli stays fast)
    from sarabun.history import History, InForce, Version
    from sarabun.model import Document


def _documents(root: Path) -> list[Document]:
    """The current documents (for amendments and repeals); a broken corpus still gives most."""
    from sarabun.corpus import load_corpus

    try:
        return load_corpus(root).documents
    except Exception:  # the history must not depend on the corpus being valid
        return []


def _find(history: History, path_or_id: str) -> tuple[str, str | None]:
    """(document id, note) for what the user typed; SarabunError if it has no history."""
    asked = history.resolve(path_or_id)
    doc_id = history.current_id(asked)
    note = f"รหัส '{asked}' เปลี่ยนเป็น '{doc_id}' แล้ว แสดงประวัติของ '{doc_id}'" \
        if doc_id != asked else None
    if not history.versions(doc_id):
        if history.shallow:
            raise SarabunError(f"ไม่พบประวัติของเอกสาร '{asked}' (คลังนี้ดึงประวัติมาไม่ครบ)")
        raise SarabunError(f"ไม่พบประวัติของเอกสาร '{asked}' ในคลัง git "
                           "(ยังไม่ได้ commit หรือพิมพ์รหัสหรือชื่อไฟล์ผิด)")
    return doc_id, note


def _in_force_dict(answer: InForce) -> dict[str, object]:
    v = answer.version
    return {"date": answer.on.iso(), "commit": v.commit.sha if v else None,
            "number": v.number if v else None, "reason": answer.reason}


def _version_lines(v: Version, label: str | None) -> list[str]:
    c = v.commit
    head = f"{v.number}. {c.short}  {c.iso()}  {c.thai_datetime(thai_digits=False)}  " \
           f"{c.author} <{c.author_email}>"
    lines = [head]
    what = f"   {v.kind_label}: {v.path}"
    if v.previous_path:
        what += f" (จาก {v.previous_path})"
    lines.append(what)
    lines.append(f"   ข้อความ: {c.subject}")
    eff = v.effective_date
    extra = f"   วันที่มีผลใช้บังคับ: {eff.iso()} ({eff.thai(thai_digits=False)})" if eff \
        else "   วันที่มีผลใช้บังคับ: ไม่ระบุ"
    if label:
        extra += f"  [{label}]"
    lines.append(extra)
    return lines


def cmd_history(args: argparse.Namespace) -> int:
    from sarabun.cli import find_root  # late: cli imports this module
    from sarabun.history import PointInTime, history_json, load_history, today_be

    root = (getattr(args, "root", None) or find_root(Path.cwd())).resolve()
    at: BEDate | None = None
    if args.at:
        try:
            at = BEDate.parse(args.at)
        except DateError as exc:
            raise SarabunError(f"--at: {exc}") from exc
    history = load_history(root)
    for warning in history.warnings:
        print(f"คำเตือน: {warning}", file=sys.stderr)
    doc_id, note = _find(history, args.path_or_id)
    if note:
        print(note, file=sys.stderr)
    versions = history.versions(doc_id)
    legal = versions[-1].path.startswith("regulations/")
    labels: dict[str, str] = {}
    answer: InForce | None = None
    if legal or at is not None:
        documents = _documents(root)
        current = next((d for d in documents if str(d.id) == doc_id), None)
        status = current.status.code if current else ""
        pit = PointInTime(history, documents)
        if legal:
            labels = pit.labels(doc_id, today_be(), status)
        if at is not None:
            answer = pit.in_force(doc_id, at)

    if args.format == "json":
        payload = history_json(history, doc_id, labels)
        if answer is not None:
            payload["in_force"] = _in_force_dict(answer)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0

    print(f"ประวัติการแก้ไข {doc_id}: {len(versions)} ฉบับ")
    for v in versions:
        print("\n".join(_version_lines(v, labels.get(v.commit.sha))))
    for r in history.removals(doc_id):
        print(f"ลบ {r.path} เมื่อ {r.commit.iso()} ({r.commit.short} {r.commit.subject})")
    if answer is not None:
        when = answer.on.thai(thai_digits=False)
        if answer.version is None:
            print(f"ณ {when}: ไม่มีฉบับที่มีผลใช้บังคับ ({answer.reason})")
        else:
            print(f"ณ {when}: ฉบับที่ {answer.version.number} ({answer.version.commit.short}) "
                  f"มีผลใช้บังคับ ({answer.reason})")
    return 0


def add_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``history`` to the main parser's subparsers (``parser.add_subparsers()``)."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "history", help="แสดงประวัติการแก้ไขของเอกสารจาก git")
    p.add_argument("path_or_id", metavar="PATH_OR_ID",
                   help="รหัสเอกสาร เช่น opm-order-2545-301 หรือไฟล์ .md")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--at", metavar="DATE",
                   help="บอกว่าฉบับใดมีผลใช้บังคับ ณ วันที่ พ.ศ. นี้ เช่น 2548-06-01")
    p.set_defaults(func=cmd_history)
    return p
