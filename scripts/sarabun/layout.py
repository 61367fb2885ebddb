"""Where a document's file lives: ``<category>/<type>/<BE year>/<id>.md``, or flat without the year.

A document whose id has a year goes into a folder of that year under its type folder
(``regulations/order/2545/opm-order-2545-301.md``); one without a year (a profile, a policy known
by its slug) stays in the type folder. The flat place ``<category>/<type>/<id>.md`` stays valid for
dated documents too, so older repositories keep passing. Year folders matter once an office has
thousands of documents of one type: git's tree diff costs O(files in the touched folder) per
commit, so a cold history build of 10 000 orders in one folder is several times slower, and
GitHub's web view lists at most 1 000 files of a folder. ``check_folder`` reports a document in
the wrong type folder (F006) or year folder (F007); ``crowded_folders`` warns (F008) when a type
folder holds more than ``FLAT_LIMIT`` dated documents directly. URLs do not depend on the folder
(``<category>/<id>/``), and history follows a document by its id, so moving files is safe.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .ids import DocumentId, IdError
from .model import Position
from .problems import Problem, problem
from .thai import to_arabic_digits

#: Dated documents directly in one type folder above which ``sarabun check`` warns (F008): well
#: under GitHub's 1 000-file listing, and where git's per-commit tree diff starts to show.
FLAT_LIMIT = 500


def document_path(category: str, type_code: str, doc_id: DocumentId) -> Path:
    """The conventional place of a document, relative to the repository root."""
    folder = Path(category) / type_code
    if doc_id.year is not None:
        folder /= str(doc_id.year)
    return folder / f"{doc_id}.md"


def check_folder(rel: Path, category: str, type_code: str, type_label: str,
                 doc_id: DocumentId, id_at: Position) -> list[Problem]:
    """The type folder is the document's type (F006) and a folder below it is the id's year (F007).

    Only called for files under the right category (F006 covers the category itself). F007 points
    at the id, whose year decides the folder.
    """
    parts = PurePosixPath(rel.as_posix()).parts
    folders = parts[1:-1]
    want = document_path(category, type_code, doc_id).as_posix()
    if not folders or folders[0] != type_code:
        return [problem(rel, 1, 1, "F006",
                        f"เอกสารประเภท {type_label} ต้องอยู่ในโฟลเดอร์ {category}/{type_code}/ "
                        f"ย้ายไฟล์ไปไว้ที่ {want}")]
    below = folders[1:]
    if not below:
        return []  # flat placement stays valid (F008 warns when the folder grows large)
    year = doc_id.year
    folder = "/".join(below)
    if year is None:
        why = (f"รหัสเอกสาร '{doc_id}' ไม่มีปี จึงต้องไม่อยู่ในโฟลเดอร์ย่อย '{folder}' "
               f"ย้ายไฟล์ไปไว้ที่ {want}")
    elif len(below) > 1 or not (len(below[0]) == 4 and below[0].isascii()
                                and below[0].isdigit()):
        hint = " (ใช้เลขอารบิก)" if to_arabic_digits(below[0]) == str(year) else ""
        why = (f"โฟลเดอร์ย่อย '{folder}' ใต้ {category}/{type_code}/ ต้องเป็นปี พ.ศ. 4 หลัก "
               f"ตามรหัสเอกสาร{hint} ย้ายไฟล์ไปไว้ที่ {want}")
    elif int(below[0]) != year:
        why = (f"โฟลเดอร์ปี {below[0]} ไม่ตรงกับปี {year} ในรหัสเอกสาร '{doc_id}' "
               f"ย้ายไฟล์ไปไว้ที่ {want}")
    else:
        return []
    return [problem(rel, id_at.line, id_at.col, "F007", why)]


def crowded_folders(paths: Iterable[Path]) -> list[Problem]:
    """One warning (F008) per type folder holding more than ``FLAT_LIMIT`` dated documents flat."""
    flat: Counter[str] = Counter()
    example: dict[str, tuple[str, int]] = {}
    for rel in sorted(paths):
        parts = PurePosixPath(rel.as_posix()).parts
        if len(parts) != 3:
            continue
        try:
            year = DocumentId.parse(PurePosixPath(parts[2]).stem).year
        except IdError:
            continue
        if year is not None:
            folder = f"{parts[0]}/{parts[1]}"
            flat[folder] += 1
            example.setdefault(folder, (rel.as_posix(), year))
    out = []
    for folder, count in sorted(flat.items()):
        if count > FLAT_LIMIT:
            path, year = example[folder]
            out.append(problem(
                f"{folder}/", 1, 1, "F008",
                f"โฟลเดอร์ {folder}/ มีเอกสารที่รหัสมีปีแต่ไม่ได้อยู่ในโฟลเดอร์ปี {count:,} ไฟล์ "
                f"(เกิน {FLAT_LIMIT:,} ไฟล์: GitHub แสดงรายชื่อไฟล์ในโฟลเดอร์ได้ไม่เกิน 1,000 ไฟล์ "
                f"และการสร้างประวัติการแก้ไขจะช้าลง) ควรย้ายไปไว้ในโฟลเดอร์ปีตามรหัส "
                f"เช่น git mv {path} {folder}/{year}/"))
    return out
