"""Plain text files (.txt): decode, repair and split into paragraphs.

Thai text files come as UTF-8 (with or without BOM) or in the Windows Thai code page (cp874,
a superset of TIS-620); we try them in that order. Each line is a paragraph, as in text saved
from a web page, unless the file is hard-wrapped at a fixed width (most lines nearly the same
length), in which case lines within a blank-line separated block are joined the Thai way.
"""

from __future__ import annotations

from . import thaifix
from .base import Extracted, ImportFailure

WRAP_MIN = 50  # a hard-wrapped file has lines at least this long


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with; binary data is an ImportFailure."""
    if b"\x00" in data[:4096]:
        raise ImportFailure("corrupt", "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (มีข้อมูลไบนารี)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError as exc:
        raise ImportFailure("corrupt", "อ่านไฟล์ข้อความไม่ได้ (ไม่ใช่ UTF-8 หรือ TIS-620)") from exc


def _hard_wrapped(lines: list[str]) -> bool:
    lengths = [len(ln) for ln in lines if ln.strip()]
    if len(lengths) < 4 or max(lengths) < WRAP_MIN:
        return False
    top = max(lengths)
    return sum(1 for n in lengths if n >= 0.85 * top) >= 0.7 * len(lengths)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a repaired text (see module doc)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _hard_wrapped(lines):
        return [p for p in (thaifix.collapse_spaces(ln) for ln in lines) if p]
    out: list[str] = []
    block: list[str] = []
    for ln in [*lines, ""]:
        if ln.strip():
            block.append(ln.strip())
        elif block:
            out.append(thaifix.join_lines(block))
            block = []
    return out


def extract(data: bytes) -> Extracted:
    text, encoding = decode(data)
    paras = paragraphs(thaifix.repair(text))
    if not paras:
        raise ImportFailure("empty", "ไฟล์ข้อความว่าง ไม่มีข้อความ")
    warnings = [] if encoding == "utf-8" else ["ต้นฉบับเป็นรหัสอักขระ TIS-620/cp874 แปลงเป็น UTF-8 แล้ว"]
    return Extracted(text="\n\n".join(paras), markdown=False, warnings=warnings)
