"""``sarabun new``: scaffold a valid draft document without ever overwriting one.

Numbered types (orders, announcements, minutes) get the next free number of that issuer and BE
year; others need a slug. The file goes into its year folder (``<category>/<type>/<year>/``, see
``layout``) and is created with exclusive mode, so a race or an existing file is an error, not an
overwrite.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from .corpus import Corpus
from .errors import SarabunError
from .ids import DocumentId, IdError
from .layout import document_path
from .model import DOC_TYPES
from .thai import BE_OFFSET, BEDate, DateError, to_arabic_digits

NUMBERED = {"order", "announcement", "minutes", "cabinet-resolution"}
BANGKOK = ZoneInfo("Asia/Bangkok")


def today_be() -> BEDate:
    now = dt.datetime.now(BANGKOK).date()
    return BEDate(now.year + BE_OFFSET, now.month, now.day)


def next_number(corpus: Corpus, issuer: str, type_code: str, year: int) -> int:
    used = [int(d.number.split("/")[0]) for d in corpus.documents
            if d.issuer == issuer and d.type.code == type_code and d.number
            and d.year == year and d.number.split("/")[0].isdigit()]
    return max(used, default=0) + 1


def scaffold(corpus: Corpus, type_code: str, issuer: str, year_text: str | None,
             number_text: str | None, slug: str | None, title: str | None) -> Path:
    doc_type = DOC_TYPES.get(type_code)
    if doc_type is None:
        raise SarabunError(f"ไม่รู้จักประเภท '{type_code}' (ใช้ได้: {', '.join(DOC_TYPES)})")
    if issuer not in corpus.registry.organizations:
        raise SarabunError(f"ไม่พบหน่วยงาน '{issuer}' ในทะเบียน records/registries/organizations.yaml")
    today = today_be()
    year = today.year
    if year_text:
        digits = to_arabic_digits(year_text.strip())
        if not (len(digits) == 4 and digits.isdigit()):
            raise SarabunError(f"ปี '{year_text}' ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2545 หรือ ๒๕๔๕")
        try:
            year = BEDate.parse(digits).year
        except DateError as exc:  # a CE year (2002) is told to add 543
            raise SarabunError(f"ปี '{year_text}': {exc}") from exc
    date = today if year == today.year else BEDate(year)
    number = ""
    if number_text:
        digits = to_arabic_digits(number_text.strip())
        if not digits.isdigit():
            raise SarabunError(f"เลขที่ '{number_text}' ต้องเป็นตัวเลข (ไทยหรืออารบิก)")
        number = f"{int(digits)}/{year}"
    elif type_code in NUMBERED:
        number = f"{next_number(corpus, issuer, type_code, year)}/{year}"
    elif not slug:
        raise SarabunError(f"เอกสารประเภท {doc_type.label} ไม่มีเลขที่ ต้องระบุ --slug "
                           "เป็นคำภาษาอังกฤษ เช่น --slug regional-supervision")
    try:
        doc_id = DocumentId(issuer, type_code, year, number.split("/")[0] or None, slug or None)
    except IdError as exc:
        raise SarabunError(f"--slug ต้องเป็นตัวอังกฤษพิมพ์เล็ก ตัวเลข และ - ({exc})") from exc
    # The year folder is new: a flat older file with this id would not collide by name.
    same = [d.path.as_posix() for d in corpus.documents if d.id == doc_id]
    if same:
        raise SarabunError(f"มีเอกสารรหัส {doc_id} อยู่แล้วที่ {same[0]} จะไม่เขียนทับ")
    path = corpus.root / document_path(doc_type.category.value, type_code, doc_id)
    lines = [
        "---",
        f"id: {doc_id}",
        f"type: {type_code}",
        f"title: {title or 'ชื่อเรื่อง (แก้ไขให้ตรงกับต้นฉบับ)'}",
    ]
    if number:
        lines.append(f"number: {number}")
    lines += [f"issuer: {issuer}", f"date: {date.iso()}", "status: draft", "---", "",
              "ข้อความของเอกสาร", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines))
    except FileExistsError:
        raise SarabunError(f"มีไฟล์ {path.relative_to(corpus.root)} อยู่แล้ว จะไม่เขียนทับ") from None
    return path
