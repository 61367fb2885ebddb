"""Word (.docx) and OpenDocument (.odt) files to Markdown with pandoc.

pandoc (shipped by the pypandoc-binary wheel, so nothing else is installed) keeps headings,
lists, bold and tables; tables become pipe tables, or HTML tables when cells are merged. Before
calling it we look at the container: a .docx/.odt is a zip; an OLE file is either an encrypted
document or an old binary .doc, both refused with a message that says what to do.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from . import body, thaifix
from .base import Extracted, ImportFailure

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def check_container(data: bytes, ext: str) -> None:
    """Refuse encrypted, legacy and damaged files before pandoc sees them."""
    if not data:
        raise ImportFailure("empty", "ไฟล์ว่าง (0 ไบต์)")
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise ImportFailure("encrypted", "ไฟล์ Word เข้ารหัสด้วยรหัสผ่าน อ่านไม่ได้ "
                                "ให้เปิดแล้วบันทึกใหม่โดยไม่ใส่รหัสผ่าน")
        raise ImportFailure("unsupported", "ไฟล์นี้เป็น Word รุ่นเก่า (.doc) "
                            "ให้เปิดแล้วบันทึกเป็น .docx ก่อนนำเข้า")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if zf.testzip() is not None:
                raise zipfile.BadZipFile("CRC")
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ImportFailure("corrupt", f"ไฟล์ {ext} เสีย เปิดไม่ได้ ({exc})") from exc
    need = "word/document.xml" if ext == ".docx" else "content.xml"
    if need not in names:
        raise ImportFailure("corrupt", f"ไฟล์ {ext} เสีย ไม่พบเนื้อหาเอกสาร ({need})")


def pandoc(path: Path, fmt: str) -> str:
    """Markdown (GitHub flavour, no line wrapping) of ``path`` read as ``fmt``."""
    import pypandoc  # type: ignore[import-untyped]

    try:
        out: str = pypandoc.convert_file(str(path), "gfm", format=fmt,
                                         extra_args=["--wrap=none"])
    except (RuntimeError, OSError) as exc:
        raise ImportFailure("corrupt", f"pandoc อ่านไฟล์ไม่ได้: {str(exc).strip()[:200]}") from exc
    return out


def convert(data: bytes, ext: str, fmt: str) -> Extracted:
    """Run pandoc on ``data`` and tidy its Markdown; shared by Word, OpenDocument and HTML."""
    with tempfile.TemporaryDirectory(prefix="sarabun-import-") as tmp:
        src = Path(tmp) / f"source{ext}"
        src.write_bytes(data)
        markdown = pandoc(src, fmt)
    markdown, images = body.clean_pandoc(thaifix.repair(markdown))
    warnings = [f"ต้นฉบับมีรูปภาพ {images} รูป ซึ่งไม่ได้นำเข้า"] if images else []
    if not any(body.plain(b) for b in body.blocks(markdown)):
        raise ImportFailure("empty", f"ไฟล์ {ext} ไม่มีข้อความ")
    return Extracted(text=markdown, markdown=True, warnings=warnings)


def extract(data: bytes, ext: str) -> Extracted:
    check_container(data, ext)
    return convert(data, ext, "docx" if ext == ".docx" else "odt")
