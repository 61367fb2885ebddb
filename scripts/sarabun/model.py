"""The document model: types, statuses, the front-matter fields and the Document record.

One table (``FIELDS``) says which fields exist, whether they are required and how they are typed;
the checks, the staff documentation page and the exports all read it, so adding a field is a
one-line change. Types carry their Thai label and the repository folder they live in: legal
instruments under ``regulations/``, everything else under ``records/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .ids import DocumentId
from .thai import BEDate

if TYPE_CHECKING:
    from .gazette import GazetteRef
    from .meeting import Meeting
    from .plan import Plan
    from .supervision import Supervision


class Category(StrEnum):
    """Top-level folder of a document, also the first segment of its URL."""

    REGULATIONS = "regulations"
    RECORDS = "records"


@dataclass(frozen=True)
class DocType:
    code: str
    label: str  # Thai, as printed on the site
    plural_label: str
    category: Category
    needs_date: bool


_TYPES = (
    DocType("regulation", "ระเบียบ", "ระเบียบ", Category.REGULATIONS, True),
    DocType("order", "คำสั่ง", "คำสั่ง", Category.REGULATIONS, True),
    DocType("royal-decree", "พระราชกฤษฎีกา", "พระราชกฤษฎีกา", Category.REGULATIONS, True),
    DocType("act", "พระราชบัญญัติ", "พระราชบัญญัติ", Category.REGULATIONS, True),
    DocType("announcement", "ประกาศ", "ประกาศ", Category.REGULATIONS, True),
    DocType("cabinet-resolution", "มติคณะรัฐมนตรี", "มติคณะรัฐมนตรี", Category.REGULATIONS, True),
    DocType("policy", "นโยบาย", "นโยบาย", Category.RECORDS, False),
    DocType("plan", "แผน", "แผน", Category.RECORDS, False),
    DocType("report", "รายงาน", "รายงาน", Category.RECORDS, False),
    DocType("minutes", "รายงานการประชุม", "รายงานการประชุม", Category.RECORDS, True),
    DocType("profile", "ข้อมูลหน่วยงาน", "ข้อมูลหน่วยงาน", Category.RECORDS, False),
)
DOC_TYPES: dict[str, DocType] = {t.code: t for t in _TYPES}


@dataclass(frozen=True)
class Status:
    code: str
    label: str  # Thai badge text
    legal_only: bool  # meaningful only for legal instruments


_STATUSES = (
    Status("draft", "ร่าง", False),
    Status("in-force", "มีผลใช้บังคับ", True),
    Status("amended", "มีการแก้ไขเพิ่มเติม", True),
    Status("repealed", "ถูกยกเลิก", True),
    Status("superseded", "ถูกแทนที่", False),
    Status("metadata-only", "มีเฉพาะข้อมูลเมตา", False),
    Status("published", "เผยแพร่แล้ว", False),
)
STATUSES: dict[str, Status] = {s.code: s for s in _STATUSES}


class Kind(StrEnum):
    STRING = "string"
    DATE = "date"
    NUMBER = "number"  # N/YYYY
    ID_LIST = "id-list"
    LIST = "list"
    MAPPING = "mapping"  # nested ``name: value`` data, typed by its own module (``meeting``)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool
    label: str  # Thai name shown to staff
    help: str  # Thai explanation for the schema page


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", Kind.STRING, True, "รหัสเอกสาร",
              "รหัสภาษาอังกฤษตัวเล็ก สร้างจาก หน่วยงาน-ประเภท-ปี พ.ศ.-เลขที่ เช่น opm-order-2545-301 "
              "และต้องตรงกับชื่อไฟล์"),
    FieldSpec("type", Kind.STRING, True, "ประเภท", "ประเภทเอกสาร เช่น order, regulation, minutes"),
    FieldSpec("title", Kind.STRING, True, "ชื่อเรื่อง", "ชื่อเรื่องภาษาไทยตามต้นฉบับ"),
    FieldSpec("title_en", Kind.STRING, False, "ชื่อภาษาอังกฤษ", "ชื่อภาษาอังกฤษ ถ้าต้นฉบับมี"),
    FieldSpec("number", Kind.NUMBER, False, "เลขที่", "เลขที่/ปี พ.ศ. เช่น 301/2545 หรือ ๓๐๑/๒๕๔๕"),
    FieldSpec("issuer", Kind.STRING, True, "หน่วยงานที่ออก",
              "รหัสหน่วยงานในทะเบียน records/registries/organizations.yaml เช่น opm"),
    FieldSpec("date", Kind.DATE, False, "วันที่",
              "วันที่ลงนามหรือออกเอกสาร แบบ พ.ศ. ปปปป-ดด-วว เช่น 2545-10-08 (รู้แค่ปีให้ใส่ 2547)"),
    FieldSpec("effective_date", Kind.DATE, False, "วันที่มีผลใช้บังคับ", "แบบ พ.ศ. ปปปป-ดด-วว"),
    FieldSpec("status", Kind.STRING, True, "สถานะ",
              "draft, in-force, amended, repealed, superseded, metadata-only, published"),
    FieldSpec("amends", Kind.ID_LIST, False, "แก้ไขเอกสาร", "รายการรหัสเอกสารที่ฉบับนี้แก้ไข"),
    FieldSpec("repeals", Kind.ID_LIST, False, "ยกเลิกเอกสาร", "รายการรหัสเอกสารที่ฉบับนี้ยกเลิก"),
    FieldSpec("provinces", Kind.ID_LIST, False, "จังหวัด",
              "รายการรหัสจังหวัดที่เกี่ยวข้อง เช่น chiang-mai (ดู records/registries/provinces.yaml)"),
    FieldSpec("tags", Kind.LIST, False, "คำสำคัญ", "คำสำคัญภาษาไทย"),
    FieldSpec("source", Kind.STRING, False, "ต้นฉบับ",
              "ไฟล์ต้นฉบับใน docs/ เช่น originals/xxx.pdf หรือที่อยู่เว็บ https://"),
    FieldSpec("note", Kind.STRING, False, "หมายเหตุ", "หมายเหตุของผู้จัดทำ (ไม่ใช่ข้อความของเอกสาร)"),
    FieldSpec("meeting", Kind.MAPPING, False, "ข้อมูลการประชุม",
              "เฉพาะรายงานการประชุม (minutes): place สถานที่, start_time/end_time เวลา, chair ประธาน, "
              "recorder ผู้จดรายงานการประชุม, attendees ผู้มาประชุม, absentees ผู้ไม่มาประชุม, "
              "others_present ผู้เข้าร่วมประชุม และ agenda ระเบียบวาระ แต่ละวาระมี number ลำดับ, "
              "title เรื่อง, resolution มติ (เห็นชอบ รับทราบ อนุมัติ มอบหมาย ไม่เห็นชอบ อื่น ๆ), "
              "resolution_text ข้อความมติ และ actions การดำเนินการ (action, owner ผู้รับผิดชอบ) "
              "ใส่เฉพาะที่ต้นฉบับระบุไว้ วาระที่รายงานผลการดำเนินการตามวาระของการประชุมครั้งก่อน "
              "ใส่ follows_up: <รหัสรายงานการประชุม>#<วาระ> เช่น pdc-regional-minutes-2564-1#5 "
              "และวาระที่กล่าวถึงจังหวัดใส่ provinces (รหัสจังหวัดที่อยู่ในช่อง provinces ของเอกสาร)"),
    FieldSpec("supervision", Kind.MAPPING, False, "ข้อมูลการนิเทศจังหวัด",
              "เฉพาะรายงาน (report) การนิเทศและติดตามผล: systems รายชื่อระบบงานของสำนักงานจังหวัด"
              "ตามรายงาน "
              "และ provinces จังหวัดที่นิเทศ แต่ละจังหวัดมี province รหัสจังหวัด, status "
              "(visited ติดตามผลแล้ว หรือ scheduled มีกำหนดติดตาม), scheduled เดือนที่กำหนด (พ.ศ. ปปปป-ดด) "
              "และ findings สิ่งที่พบ (text คัดลอกจากเนื้อหาทุกตัวอักษร, topic mission-groups "
              "กลุ่มภารกิจ หรือ office-systems ระบบงาน, systems ระบบในรายการที่เกี่ยวข้อง)"),
    FieldSpec("gazette", Kind.STRING, False, "ประกาศในราชกิจจานุเบกษา",
              "ที่ประกาศในราชกิจจานุเบกษา เช่น เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑ "
              "(เล่ม ตอนที่ หรือ ตอนพิเศษ ประเภท ก ข ค ง หน้า และวันที่ พ.ศ.) ถ้าไม่ใส่ "
              "จะอ่านจากเชิงอรรถ [๑] ราชกิจจานุเบกษา ... ในข้อความ"),
    FieldSpec("plan", Kind.MAPPING, False, "ข้อมูลแผนและตัวชี้วัด",
              "เฉพาะแผน (plan) และรายงาน (report): period ช่วงเวลา และ issues ประเด็นยุทธศาสตร์ "
              "(number, title, projects) แต่ละโครงการมี key รหัสอังกฤษ, title ชื่อ, group หัวข้อ, "
              "agency หน่วยงานรับผิดชอบ (รหัสทะเบียนหรือข้อความ), provinces รหัสจังหวัด, budget "
              "งบประมาณ (item, requested, allocated, disbursed, unit, period), kpis ตัวชี้วัด (name, "
              "target เป้าหมาย, actual ผล, unit หน่วย, period ช่วงเวลา), progress รายงานความก้าวหน้า "
              "(date วันที่ พ.ศ., version ฉบับที่, round, percent, disbursed, text) และ awards "
              "ตารางรางวัล ส่วน scorecards คือตารางตัวชี้วัดของทั้งแผน ตัวเลขใช้เลขไทยหรืออารบิก "
              "และจุลภาคได้ ใส่เฉพาะที่ต้นฉบับระบุไว้ (ดูหัวข้อ ข้อมูลแผนและตัวชี้วัด ด้านล่าง)"),
    FieldSpec("todo", Kind.LIST, False, "สิ่งที่ต้องแก้",
              "รายการข้อมูลชั่วคราวที่ sarabun import ใส่ไว้เพราะหาในต้นฉบับไม่พบ "
              "แก้ช่องนั้นให้ถูกต้องแล้วลบรายการออก (sarabun check แจ้ง J001 จนกว่าจะไม่เหลือรายการ)"),
)
FIELD_SPECS: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class Position:
    line: int  # 1-based, in the file
    col: int  # 1-based


@dataclass
class Document:
    """A parsed, checked document. Values are already typed and normalised."""

    path: Path  # relative to the repository root
    id: DocumentId
    type: DocType
    title: str
    issuer: str
    status: Status
    body: str
    body_line: int  # line of the file where the body starts (1-based)
    title_en: str = ""
    number: str = ""
    date: BEDate | None = None
    effective_date: BEDate | None = None
    amends: list[str] = field(default_factory=list)
    repeals: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    source: str = ""
    note: str = ""
    #: the ``meeting:`` data of minutes (``sarabun.meeting``), when given
    meeting: Meeting | None = None
    #: the ``supervision:`` data of a supervision report (``sarabun.supervision``), when given
    supervision: Supervision | None = None
    #: where the document was published in the Royal Gazette (``sarabun.gazette``): the
    #: ``gazette:`` field, else footnote 1 of the text (``gazette_from_text``)
    gazette: GazetteRef | None = None
    gazette_from_text: bool = False
    #: the ``plan:`` data of a plan or report (``sarabun.plan``), when given
    plan: Plan | None = None

    @property
    def year(self) -> int | None:
        """The BE year the document belongs to: the number's year, else the date's."""
        if self.number:
            return int(self.number.split("/")[1])
        return self.date.year if self.date else None

    @property
    def url(self) -> str:
        """Site URL relative to the site root; derived from the id only, so it never moves."""
        return f"{self.type.category.value}/{self.id}/"

    def gazette_dict(self) -> dict[str, object] | None:
        """The Gazette publication as plain data, with where it was read from."""
        if self.gazette is None:
            return None
        return {**self.gazette.as_dict(), "label": self.gazette.label(),
                "from": "text" if self.gazette_from_text else "front-matter"}

    def metadata(self) -> dict[str, object]:
        """Plain metadata for exports (JSON/CSV), in the schema's field order."""
        return {
            "id": str(self.id),
            "type": self.type.code,
            "title": self.title,
            "title_en": self.title_en,
            "number": self.number,
            "issuer": self.issuer,
            "date": self.date.iso() if self.date else "",
            "effective_date": self.effective_date.iso() if self.effective_date else "",
            "status": self.status.code,
            "amends": list(self.amends),
            "repeals": list(self.repeals),
            "provinces": list(self.provinces),
            "tags": list(self.tags),
            "source": self.source,
            "note": self.note,
            "meeting": self.meeting.as_dict() if self.meeting else None,
            "supervision": self.supervision.as_dict() if self.supervision else None,
            "gazette": self.gazette_dict(),
            "plan": self.plan.as_dict() if self.plan else None,
            "path": self.path.as_posix(),
            "url": self.url,
        }
