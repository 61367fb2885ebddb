"""Checks on one document: small functions, each returning Problems with stable codes.

``parse_document`` runs them in order over one file and returns the typed Document (when the
front matter is usable) together with every problem found, so staff see all their mistakes at
once instead of one per push. Checks that need the whole corpus live in ``corpus``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import yaml

from .frontmatter import FrontMatterError, Loaded, split
from .gazette import GazetteRef, own_gazette, parse_field
from .ids import DocumentId, IdError, number_part
from .layout import check_folder
from .meeting import check_item_provinces
from .meeting import parse as parse_meeting
from .model import DOC_TYPES, FIELD_SPECS, FIELDS, STATUSES, Category, Document, Kind, Position
from .plan import PLAN_TYPES
from .plan import parse as parse_plan
from .problems import Problem, problem
from .registry import Registry
from .supervision import check_document as check_supervision
from .supervision import parse as parse_supervision
from .thai import BE_OFFSET, THAI_MONTHS, THAI_MONTHS_ABBR, BEDate, DateError, to_arabic_digits

DOC_ROOTS = tuple(c.value for c in Category)
_NUMBER_RE = re.compile(r"^(\d+[ก-ฮa-z]?)/(\d{4})$")


def decode(rel: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode file bytes; report invalid UTF-8 (F001), a BOM (F002) and CRLF endings (F003)."""
    probs: list[Problem] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [problem(rel, line, col, "F001",
                              f"ไฟล์มีไบต์ที่ไม่ใช่ UTF-8 (ตำแหน่งไบต์ {exc.start})")]
    if text.startswith("\ufeff"):
        probs.append(problem(rel, 1, 1, "F002", "ไฟล์ขึ้นต้นด้วย BOM (U+FEFF) ให้บันทึกแบบไม่มี BOM"))
        text = text[1:]
    if "\r" in text:
        first = text[: text.index("\r")].count("\n") + 1
        probs.append(problem(rel, first, 1, "F003",
                             "ไฟล์ใช้การขึ้นบรรทัดแบบ CRLF ให้บันทึกแบบ LF"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, probs


def check_location(rel: Path) -> list[Problem]:
    """A document must be ``regulations/...`` or ``records/...`` (not the registries folder)."""
    parts = PurePosixPath(rel.as_posix()).parts
    if len(parts) < 2 or parts[0] not in DOC_ROOTS or parts[:2] == ("records", "registries"):
        return [problem(rel, 1, 1, "F004",
                        "เอกสารต้องอยู่ในโฟลเดอร์ regulations/ หรือ records/ เท่านั้น")]
    return []


def check_fields(rel: Path, fm: Loaded) -> list[Problem]:
    """Missing required fields (M001), unknown fields (M002) and wrong shapes (M007)."""
    probs: list[Problem] = []
    for key, pos in fm.key_positions.items():
        if key not in FIELD_SPECS:
            known = ", ".join(f.name for f in FIELDS)
            probs.append(problem(rel, pos.line, pos.col, "M002",
                                 f"ไม่รู้จักช่อง '{key}' (ช่องที่ใช้ได้: {known})"))
    for spec in FIELDS:
        value = fm.data.get(spec.name)
        if spec.required and (value is None or value == ""):
            probs.append(problem(rel, fm.end_line, 1, "M001",
                                 f"ขาดช่อง '{spec.name}' ({spec.label})"))
            continue
        if value is None:
            continue
        pos = fm.value_positions[spec.name]
        is_list = spec.kind in (Kind.ID_LIST, Kind.LIST)
        if spec.kind is Kind.MAPPING:
            if not isinstance(value, dict):
                probs.append(problem(rel, pos.line, pos.col, "M007",
                                     f"ช่อง '{spec.name}' ต้องเป็นชุดข้อมูลแบบ ชื่อ: ค่า "
                                     "ขึ้นบรรทัดใหม่และย่อหน้า"))
        elif is_list and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            probs.append(problem(rel, pos.line, pos.col, "M007",
                                 f"ช่อง '{spec.name}' ต้องเป็นรายการ เช่น [a, b] หรือบรรทัด - a"))
        elif not is_list and not isinstance(value, str):
            probs.append(problem(rel, pos.line, pos.col, "M007",
                                 f"ช่อง '{spec.name}' ต้องเป็นข้อความเดียว"))
    return probs


def _str(fm: Loaded, key: str) -> str:
    v = fm.data.get(key)
    return v.strip() if isinstance(v, str) else ""


def _list(fm: Loaded, key: str) -> list[str]:
    v = fm.data.get(key)
    return [x.strip() for x in v if isinstance(x, str)] if isinstance(v, list) else []


def _date(rel: Path, fm: Loaded, key: str, probs: list[Problem]) -> BEDate | None:
    text = _str(fm, key)
    if not text:
        return None
    try:
        return BEDate.parse(text)
    except DateError as exc:
        pos = fm.value_positions[key]
        probs.append(problem(rel, pos.line, pos.col, exc.code, f"ช่อง '{key}': {exc}"))
        return None


def type_document(rel: Path, fm: Loaded, body: str, body_line: int) -> tuple[Document | None,
                                                                             list[Problem]]:
    """Turn string front matter into a typed Document; bad values give M003-M006 and I001-I002."""
    probs: list[Problem] = []
    # Remember bad values so the id check does not pile a second error on the same mistake.
    bad_number = False

    def at(key: str) -> Position:
        return fm.value_positions.get(key, Position(1, 1))

    doc_type = DOC_TYPES.get(_str(fm, "type"))
    if "type" in fm.data and doc_type is None:
        p = at("type")
        probs.append(problem(rel, p.line, p.col, "M003",
                             f"ไม่รู้จักประเภท '{_str(fm, 'type')}' "
                             f"(ใช้ได้: {', '.join(DOC_TYPES)})"))
    status = STATUSES.get(_str(fm, "status"))
    if "status" in fm.data and status is None:
        p = at("status")
        probs.append(problem(rel, p.line, p.col, "M003",
                             f"ไม่รู้จักสถานะ '{_str(fm, 'status')}' "
                             f"(ใช้ได้: {', '.join(STATUSES)})"))
    number = to_arabic_digits(_str(fm, "number")).replace(" ", "")
    if number and not _NUMBER_RE.match(number):
        p = at("number")
        probs.append(problem(rel, p.line, p.col, "M006",
                             f"เลขที่ '{_str(fm, 'number')}' ต้องเป็น เลขที่/ปี พ.ศ. เช่น 301/2545"))
        number, bad_number = "", True
    elif number:
        try:
            BEDate.parse(number.split("/")[1])
        except DateError as exc:
            p = at("number")
            probs.append(problem(rel, p.line, p.col, exc.code, f"ปีในเลขที่ '{number}': {exc}"))
            number, bad_number = "", True
    n_before = len(probs)
    date = _date(rel, fm, "date", probs)
    bad_date = len(probs) > n_before
    effective = _date(rel, fm, "effective_date", probs)
    if (doc_type and doc_type.needs_date and date is None and "date" not in fm.data
            and _str(fm, "status") != "metadata-only"):
        probs.append(problem(rel, fm.end_line, 1, "M001",
                             f"เอกสารประเภท {doc_type.label} ต้องมีช่อง 'date' (วันที่)"))

    raw_id = _str(fm, "id")
    doc_id: DocumentId | None = None
    if raw_id:
        try:
            doc_id = DocumentId.parse(raw_id)
        except IdError:
            p = at("id")
            probs.append(problem(rel, p.line, p.col, "I001",
                                 f"รหัส '{raw_id}' ไม่ถูกรูปแบบ หน่วยงาน-ประเภท-ปี-เลขที่ "
                                 "(ตัวอังกฤษพิมพ์เล็ก ตัวเลข และ -)"))
    if doc_id is None or doc_type is None or status is None or not _str(fm, "title") \
            or not _str(fm, "issuer"):
        return None, probs

    doc = Document(
        path=rel, id=doc_id, type=doc_type, title=" ".join(_str(fm, "title").split()),
        issuer=_str(fm, "issuer"), status=status, body=body, body_line=body_line,
        title_en=_str(fm, "title_en"), number=number, date=date, effective_date=effective,
        amends=_list(fm, "amends"), repeals=_list(fm, "repeals"),
        provinces=_list(fm, "provinces"), tags=_list(fm, "tags"),
        source=_str(fm, "source"), note=_str(fm, "note"),
    )
    probs += check_id(rel, fm, doc, check_metadata=not (bad_number or (bad_date and not number)))
    return doc, probs


def check_todo(rel: Path, fm: Loaded) -> list[Problem]:
    """Each item left in ``todo`` (a placeholder put by ``sarabun import``) is a J001."""
    items = _list(fm, "todo")
    places = fm.item_positions.get("todo", [])
    return [problem(rel, places[i].line if i < len(places) else 1,
                    places[i].col if i < len(places) else 1, "J001",
                    f"ยังต้องแก้ {item} แก้เสร็จแล้วให้ลบรายการนี้ออกจากช่อง todo")
            for i, item in enumerate(items)]


def expected_id(doc: Document) -> DocumentId:
    """The id the metadata implies, keeping the document's own slug."""
    year = doc.year
    number = number_part(doc.number) if doc.number else None
    return DocumentId(doc.issuer, doc.type.code, year, number, doc.id.slug)


def check_id(rel: Path, fm: Loaded, doc: Document, check_metadata: bool = True) -> list[Problem]:
    """The id agrees with issuer/type/year/number (I002), the file name is ``<id>.md`` (F005) and
    the folder is ``<category>/<type>/[<year>/]`` (F006, F007: ``layout``)."""
    probs: list[Problem] = []
    want = expected_id(doc)
    if check_metadata and want != doc.id:
        p = fm.value_positions["id"]
        probs.append(problem(rel, p.line, p.col, "I002",
                             f"รหัส '{doc.id}' ไม่ตรงกับข้อมูลเอกสาร ควรเป็น '{want}'"))
    if rel.name != f"{doc.id}.md":
        probs.append(problem(rel, 1, 1, "F005",
                             f"ชื่อไฟล์ '{rel.name}' ต้องเป็น '{doc.id}.md' ตามรหัสเอกสาร"))
    parts = rel.parts
    if parts and parts[0] in DOC_ROOTS and parts[0] != doc.type.category.value:
        probs.append(problem(rel, 1, 1, "F006",
                             f"เอกสารประเภท {doc.type.label} ต้องอยู่ในโฟลเดอร์ "
                             f"{doc.type.category.value}/"))
    elif parts and parts[0] in DOC_ROOTS:  # type folder (F006) and year folder (F007)
        probs += check_folder(rel, doc.type.category.value, doc.type.code, doc.type.label,
                              doc.id, fm.value_positions.get("id", Position(1, 1)))
    return probs


def check_registry_refs(path: Path, fm: Loaded, reg: Registry) -> list[Problem]:
    """Issuer (R001) and provinces (R002) exist in the registries.

    Reads the raw front matter, so a document whose other fields are wrong still hears about
    an unknown issuer in the same run.
    """
    probs: list[Problem] = []
    issuer = _str(fm, "issuer")
    if reg.organizations and issuer and issuer not in reg.organizations:
        p = fm.value_positions.get("issuer", Position(1, 1))
        probs.append(problem(path, p.line, p.col, "R001",
                             f"ไม่พบหน่วยงาน '{issuer}' ในทะเบียนหน่วยงาน"))
    items = fm.item_positions.get("provinces", [])
    for i, prov in enumerate(_list(fm, "provinces")):
        if reg.provinces and prov not in reg.provinces:
            p = items[i] if i < len(items) else fm.value_positions.get("provinces", Position(1, 1))
            probs.append(problem(path, p.line, p.col, "R002",
                                 f"ไม่พบจังหวัด '{prov}' ในทะเบียนจังหวัด"))
    return probs


_DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|base|meta)\b",
                            re.IGNORECASE)
_ON_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=", re.DOTALL)
_JS_URL = re.compile(r"(?:javascript|vbscript)\s*:|data\s*:\s*text/html", re.IGNORECASE)


def _line_col(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return first_line + line, col + 1


def _matches(body: str) -> Iterator[tuple[str, int, str]]:
    for m in _DANGEROUS_TAG.finditer(body):
        yield "H001", m.start(), f"ห้ามใช้แท็ก <{m.group(1).lower()}> ในเอกสาร"
    for m in _ON_ATTR.finditer(body):
        yield "H002", m.start(1), f"ห้ามใช้แอตทริบิวต์ {m.group(1)}= ซึ่งเรียกใช้สคริปต์ได้"
    for m in _JS_URL.finditer(body):
        yield "H003", m.start(), f"ห้ามใช้ลิงก์ '{m.group(0)}' ซึ่งเรียกใช้สคริปต์ได้"


def check_html(rel: Path, body: str, body_line: int) -> list[Problem]:
    """Raw HTML that could run script on the public site (H001-H003)."""
    out = []
    for code, offset, message in _matches(body):
        line, col = _line_col(body, offset, body_line)
        out.append(problem(rel, line, col, code, message))
    return out


_MONTH_ALT = "|".join(re.escape(m) for m in sorted((*THAI_MONTHS, *THAI_MONTHS_ABBR), key=len,
                                                     reverse=True))
_DATE_TEXT = (rf"(?P<d>[0-9]{{1,2}})\s*(?:เดือน\s*)?(?P<m>{_MONTH_ALT})\s*(?:พ\.\s*ศ\.\s*)?"
              r"(?P<y>[0-9]{4})(?![0-9])")
# The document's own date: its signature line ("สั่ง ณ วันที่ ...", "ประกาศ ณ วันที่ ...") ...
_SIGNED_RE = re.compile(rf"(?:สั่ง|ประกาศ|ให้ไว้|ตราไว้)\s*ณ\s*วันที่\s*{_DATE_TEXT}")
# ... or a line of its heading that is only its date ("ลงวันที่ ๘ ตุลาคม ๒๕๔๕").
_DATED_RE = re.compile(rf"^[ \t#>*_]*ลงวันที่\s*{_DATE_TEXT}", re.MULTILINE)
_HEADING_LINES = 6


def signed_date(body: str) -> tuple[BEDate, int] | None:
    """The date a document gives itself in its text, and its offset in ``body``.

    The last signature line wins (a cited document's date is never on one); failing that, a
    line near the top that starts with ``ลงวันที่``. Dates inside running text are citations.
    """
    text = to_arabic_digits(body)
    found = list(_SIGNED_RE.finditer(text))
    m = found[-1] if found else None
    if m is None:
        lines = [i for i, ln in enumerate(text.split("\n")) if ln.strip()][:_HEADING_LINES]
        cut = sum(len(ln) + 1 for ln in text.split("\n")[: lines[-1] + 1]) if lines else 0
        m = _DATED_RE.search(text, 0, cut)
    if m is None:
        return None
    name = m.group("m")
    month = (THAI_MONTHS.index(name) if name in THAI_MONTHS else THAI_MONTHS_ABBR.index(name)) + 1
    try:
        return BEDate.parse(f"{m.group('y')}-{month}-{m.group('d')}"), m.start("d")
    except DateError:
        return None


def check_signed_date(rel: Path, fm: Loaded, doc: Document) -> list[Problem]:
    """The front-matter ``date`` agrees with the date the text gives itself (D001)."""
    if doc.date is None:
        return []
    found = signed_date(doc.body)
    if found is None:
        return []
    date, offset = found
    want = doc.date
    if (want.year, want.month or date.month, want.day or date.day) == (date.year, date.month,
                                                                         date.day):
        return []
    line, _ = _line_col(doc.body, offset, doc.body_line)
    p = fm.value_positions.get("date", Position(1, 1))
    hint = ""
    if want.month and want.day and abs(_ordinal(want) - _ordinal(date)) == 1:
        # A date taken from a timestamp in UTC is a day early for anything signed before 07:00
        # Bangkok time; the document's date is the Thai calendar day printed in it.
        hint = (" ต่างกัน 1 วัน มักเกิดจากการแปลงเวลาเป็น UTC "
                "วันที่ต้องเป็นวันตามเวลาประเทศไทย (Asia/Bangkok) ตามที่พิมพ์ในเอกสาร")
    return [problem(rel, p.line, p.col, "D001",
                    f"ช่อง 'date' เป็น {want.iso()} แต่เนื้อหาบรรทัด {line} ลงวันที่ "
                    f"{date.thai(thai_digits=False)} ({date.iso()}){hint}")]


def _ordinal(d: BEDate) -> int:
    """Day number of a full BE date, to tell dates one day apart across months and years."""
    return dt.date(d.year - BE_OFFSET, d.month or 1, d.day or 1).toordinal()


def _nested_node(rel: Path, fm: Loaded, doc: Document, name: str, types: tuple[str, ...],
                 code: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML node of nested data ``name`` (``meeting``, ``plan``, ``supervision``) when the
    document's type may carry it; else a problem ``code`` at the field's key. None without the
    field or with a value that is not a mapping (M007 reports that)."""
    node = fm.value_nodes.get(name)
    if node is None or not isinstance(fm.data.get(name), dict):
        return None, []
    if doc.type.code not in types:
        p = fm.key_positions[name]
        allowed = " และ ".join(f"{t} ({DOC_TYPES[t].label})" for t in types)
        return None, [problem(rel, p.line, p.col, code,
                              f"ช่อง '{name}' ใช้ได้เฉพาะเอกสารประเภท {allowed} "
                              f"ไม่ใช่ {doc.type.code}")]
    return node, []


def attach_meeting(rel: Path, fm: Loaded, doc: Document) -> list[Problem]:
    """Type the ``meeting:`` data of minutes into ``doc.meeting`` (N001, N002, N004, N008)."""
    node, probs = _nested_node(rel, fm, doc, "meeting", ("minutes",), "N004")
    if node is None:
        return probs
    doc.meeting, probs = parse_meeting(rel, node)
    return probs + check_item_provinces(rel, doc)


def attach_supervision(rel: Path, fm: Loaded, doc: Document) -> list[Problem]:
    """Type the ``supervision:`` data of a report into ``doc.supervision`` (W001-W005)."""
    node, probs = _nested_node(rel, fm, doc, "supervision", ("report",), "W001")
    if node is None:
        return probs
    doc.supervision, probs = parse_supervision(rel, node)
    if doc.supervision is not None:
        probs += check_supervision(rel, doc, doc.supervision)
    return probs


def attach_gazette(rel: Path, fm: Loaded, doc: Document) -> list[Problem]:
    """Type ``gazette:`` into ``doc.gazette`` (G001-G003), else read footnote 1 of the text."""
    raw = fm.data.get("gazette")
    if not isinstance(raw, str) or not raw.strip():  # M007 covers lists and mappings
        doc.gazette = own_gazette(doc.body)
        doc.gazette_from_text = doc.gazette is not None
        return []
    p = fm.value_positions.get("gazette", Position(1, 1))
    g, rest = parse_field(raw)
    if g is None or rest:
        why = f"ไม่เข้าใจส่วน '{rest}'" if g is not None else "ไม่พบ เล่ม ... ตอนที่ ..."
        return [problem(rel, p.line, p.col, "G001",
                        f"ช่อง 'gazette' อ่านไม่ได้: {why} (ตัวอย่าง: เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ "
                        "วันที่ ๒๘ มกราคม ๒๕๕๑)")]
    doc.gazette = g
    missing = [name for name, v in (("หน้า", g.page), ("วันที่", g.date)) if v is None]
    if missing:
        return [problem(rel, p.line, p.col, "G002",
                        f"ช่อง 'gazette' ยังไม่มี{'และ'.join(missing)}ที่ประกาศ")]
    d = doc.date
    if g.date is not None and d is not None and d.day is not None and g.date < d:
        return [problem(rel, p.line, p.col, "G003",
                        f"ประกาศในราชกิจจานุเบกษาวันที่ {g.date.thai(thai_digits=False)} "
                        f"ก่อนวันที่ของเอกสาร {d.thai(thai_digits=False)} ({d.iso()})")]
    note = own_gazette(doc.body)
    if note is not None and not _same_issue(note, g):
        line, _ = _line_col(doc.body, note.start, doc.body_line)
        return [problem(rel, p.line, p.col, "G004",
                        f"ช่อง 'gazette' ({g.label()}) ไม่ตรงกับเชิงอรรถ [1] บรรทัด {line} "
                        f"({note.label()})")]
    return []


def _same_issue(a: GazetteRef, b: GazetteRef) -> bool:
    """The same publication: volume, issue and section, and page and date when both give them."""
    if (a.volume, a.issue, a.special, a.section or "") != (b.volume, b.issue, b.special,
                                                            b.section or ""):
        return False
    return all(x is None or y is None or x == y for x, y in ((a.page, b.page), (a.date, b.date)))


def attach_plan(rel: Path, fm: Loaded, doc: Document) -> list[Problem]:
    """Type the ``plan:`` data of a plan or report into ``doc.plan`` (K001, K002, K004-K007)."""
    node, probs = _nested_node(rel, fm, doc, "plan", PLAN_TYPES, "K001")
    if node is None:
        return probs
    doc.plan, probs = parse_plan(rel, node)
    return probs


def parse_document(rel: Path, raw: bytes) -> tuple[Document | None, Loaded | None, list[Problem]]:
    """Run every single-file check on one document's bytes."""
    probs = check_location(rel)
    text, decode_probs = decode(rel, raw)
    probs += decode_probs
    if text is None:
        return None, None, probs
    try:
        fm, body, body_line = split(text)
    except FrontMatterError as exc:
        probs.append(problem(rel, exc.line, exc.col, exc.code, str(exc)))
        return None, None, probs
    probs += check_fields(rel, fm)
    probs += check_todo(rel, fm)
    doc, typed_probs = type_document(rel, fm, body, body_line)
    probs += typed_probs
    if doc is not None:
        probs += check_signed_date(rel, fm, doc)
        probs += attach_meeting(rel, fm, doc)
        probs += attach_supervision(rel, fm, doc)
        probs += attach_gazette(rel, fm, doc)
        probs += attach_plan(rel, fm, doc)
    probs += check_html(rel, body, body_line)
    return doc, fm, probs
