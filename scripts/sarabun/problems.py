"""Problems found in documents: a stable code, a Thai message and where it is.

Checks never raise on bad input; they return Problems, which the CLI collects and prints as
``path:line:col CODE message`` or as JSON. Codes are stable so staff documentation and CI
summaries can refer to them; ``CODES`` is the one list of them with Thai explanations and fixes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Codes that warn instead of failing: ``sarabun check`` prints them, but they do not make it
#: (or the site build) fail. A mobile number or a house address may be an office's public
#: contact, so a reviewer decides (PDPA: the issue asks to warn on them, block ID numbers).
WARNING_CODES = frozenset({"P002", "P003"})
WARNING_LABEL = "คำเตือน"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def severity(self) -> str:
        """``error`` (fails the check and the build) or ``warning`` (reported only)."""
        return "warning" if self.code in WARNING_CODES else "error"

    def text(self) -> str:
        lead = f"{WARNING_LABEL}: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col} {self.code} {lead}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "col": self.col,
                "code": self.code, "message": self.message, "severity": self.severity}


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that fail a check (not the warnings)."""
    return [p for p in problems if p.severity == "error"]


def problem(path: Path | str, line: int, col: int, code: str, message: str) -> Problem:
    assert code in CODES, code
    p = path.as_posix() if isinstance(path, Path) else path
    return Problem(p, max(line, 1), max(col, 1), code, message)


#: code -> (what it means, how to fix it), both in Thai. Shown on the site's error-code page.
CODES: dict[str, tuple[str, str]] = {
    "F001": ("ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8", "บันทึกไฟล์ใหม่เป็น UTF-8 (ไม่มี BOM)"),
    "F002": ("ไฟล์ขึ้นต้นด้วย BOM", "บันทึกไฟล์เป็น UTF-8 แบบไม่มี BOM"),
    "F003": ("ไฟล์ใช้การขึ้นบรรทัดแบบ Windows (CRLF)", "ตั้งโปรแกรมแก้ไขให้ใช้ LF"),
    "F004": ("ไฟล์อยู่นอกโฟลเดอร์ที่กำหนด",
             "ย้ายเอกสารกฎหมายไปไว้ใน regulations/<ประเภท>/ และบันทึกอื่นไว้ใน records/<ประเภท>/"),
    "F005": ("ชื่อไฟล์ไม่ตรงกับรหัสเอกสาร", "ตั้งชื่อไฟล์เป็น <id>.md"),
    "F006": ("เอกสารอยู่ผิดหมวด", "ย้ายไฟล์ไปไว้ในโฟลเดอร์ตามประเภทเอกสาร"),
    "Y001": ("ส่วนหัว YAML เขียนไม่ถูกต้อง", "ตรวจเครื่องหมาย : และการย่อหน้าในบรรทัดที่ระบุ"),
    "Y002": ("ไม่มีส่วนหัว YAML", "เริ่มไฟล์ด้วยบรรทัด --- แล้วตามด้วยข้อมูลเอกสาร และปิดด้วย ---"),
    "M001": ("ขาดข้อมูลที่จำเป็น", "เพิ่มช่องข้อมูลที่ระบุ"),
    "M002": ("มีช่องข้อมูลที่ไม่รู้จัก", "ตรวจการสะกดชื่อช่อง หรือลบออก"),
    "M003": ("ค่าไม่อยู่ในรายการที่กำหนด", "ใช้ค่าจากรายการในข้อความแจ้ง"),
    "M004": ("วันที่ไม่ถูกต้อง", "ใช้รูปแบบ ปปปป-ดด-วว เป็นปี พ.ศ. และเป็นวันที่มีอยู่จริง"),
    "M005": ("ใช้ปี ค.ศ. แทนปี พ.ศ.", "บวก 543 เพื่อให้เป็นปี พ.ศ."),
    "M006": ("เลขที่เอกสารไม่ถูกต้อง", "ใช้รูปแบบ เลขที่/ปี พ.ศ. เช่น 301/2545"),
    "M007": ("ชนิดของค่าไม่ถูกต้อง", "ใช้ข้อความเดียว หรือรายการ - ตามที่ช่องนั้นกำหนด"),
    "I001": ("รหัสเอกสารเขียนไม่ถูกรูปแบบ",
             "ใช้ตัวอังกฤษพิมพ์เล็ก ตัวเลข และ - ในรูป หน่วยงาน-ประเภท-ปี-เลขที่"),
    "I002": ("รหัสเอกสารไม่ตรงกับข้อมูลเอกสาร", "แก้รหัสให้ตรงกับหน่วยงาน ประเภท ปี และเลขที่"),
    "I003": ("รหัสเอกสารซ้ำกับเอกสารอื่น", "เปลี่ยนรหัสของเอกสารใดเอกสารหนึ่ง"),
    "R001": ("ไม่พบหน่วยงานในทะเบียน",
             "ใช้รหัสจาก records/registries/organizations.yaml หรือเพิ่มหน่วยงานในทะเบียน"),
    "R002": ("ไม่พบจังหวัดในทะเบียน", "ใช้รหัสจังหวัดจาก records/registries/provinces.yaml"),
    "R003": ("อ้างถึงเอกสารที่ไม่มีในคลัง",
             "ตรวจรหัสเอกสาร หรือเพิ่มเอกสารนั้น (อย่างน้อยเป็นสถานะ metadata-only)"),
    "R004": ("ทะเบียนเขียนไม่ถูกต้อง", "แก้ไฟล์ทะเบียนตามข้อความแจ้ง"),
    "H001": ("มีแท็ก HTML ที่อาจเรียกใช้สคริปต์", "ลบแท็ก <script> <iframe> <object> <embed> ออก"),
    "H002": ("มีแอตทริบิวต์ HTML แบบ on...= ที่เรียกใช้สคริปต์", "ลบแอตทริบิวต์นั้นออก"),
    "H003": ("มีลิงก์แบบ javascript:", "ใช้ลิงก์ https:// หรือลิงก์ภายในเว็บไซต์"),
    "U001": ("ที่อยู่ของเอกสารที่เผยแพร่แล้วหายไป (ลบ เปลี่ยนรหัส หรือย้ายหมวด) โดยไม่มีรายการย้ายที่อยู่",
             "เพิ่มรายการ - from: <รหัสเดิม> และ to: <รหัสใหม่> ใน records/registries/redirects.yaml "
             "หรือคืนไฟล์เดิม ที่อยู่ที่เผยแพร่แล้วต้องใช้ได้ตลอดไป"),
    "U002": ("รายการย้ายที่อยู่ไม่ถูกต้อง",
             "from ต้องเป็นรหัสหรือที่อยู่เดิมที่ไม่มีเอกสารแล้ว และ to ต้องเป็นรหัสเอกสารที่มีในคลัง"),
    "P001": ("มีเลขประจำตัวประชาชน 13 หลัก (ข้อมูลส่วนบุคคลตาม PDPA)",
             "ลบหรือปิดบังเลข เช่น 1-2345-xxxxx-xx-x หากจำเป็นต้องเผยแพร่จริง ให้ผู้ตรวจทานเพิ่มรายการใน "
             "records/registries/pdpa-allow.yaml (file, text หรือ line, reason, reviewer)"),
    "P002": ("มีหมายเลขโทรศัพท์มือถือ ซึ่งอาจเป็นข้อมูลส่วนบุคคล",
             "ใช้หมายเลขโทรศัพท์สำนักงานแทน หรือให้ผู้ตรวจทานเพิ่มรายการใน "
             "records/registries/pdpa-allow.yaml หากเป็นหมายเลขราชการที่เผยแพร่ได้"),
    "P003": ("มีที่อยู่บ้าน (บ้านเลขที่) ซึ่งเป็นข้อมูลส่วนบุคคล",
             "ลบที่อยู่บ้านออก หรือให้ผู้ตรวจทานเพิ่มรายการใน records/registries/pdpa-allow.yaml"),
    "P004": ("รายการยกเว้นข้อมูลส่วนบุคคล (pdpa-allow.yaml) เขียนไม่ถูกต้อง",
             "แต่ละรายการต้องมี file, text หรือ line, reason และ reviewer"),
    "D001": ("วันที่ในส่วนหัวไม่ตรงกับวันที่ที่ลงไว้ในเนื้อหาเอกสาร",
             "แก้ช่อง date ให้ตรงกับวันที่ลงนาม (เช่น บรรทัด สั่ง ณ วันที่ หรือ ประกาศ ณ วันที่) เป็นปี พ.ศ."),
    "N001": ("ระเบียบวาระในรายงานการประชุมไม่มีมติ",
             "เพิ่ม resolution: ให้วาระนั้นเป็นคำใดคำหนึ่ง เห็นชอบ รับทราบ อนุมัติ มอบหมาย ไม่เห็นชอบ "
             "หรือ อื่น ๆ ตามที่รายงานการประชุมบันทึกไว้"),
    "N002": ("ลำดับระเบียบวาระไม่ต่อเนื่อง (ข้ามหรือซ้ำ)",
             "เรียงช่อง number ของวาระเป็น 1, 2, 3 ... (วาระย่อย 3.1, 3.2 ...) ตามต้นฉบับ "
             "และเพิ่มวาระที่ขาด"),
    "N003": ("คณะกรรมการเดียวกันใช้ครั้งที่ประชุมซ้ำในปีเดียวกัน",
             "ตรวจช่อง number (ครั้งที่/ปี พ.ศ.) ของรายงานการประชุมทั้งสองฉบับ "
             "ถ้าเป็นการประชุมเดียวกันให้รวมเป็นไฟล์เดียว"),
    "N004": ("ข้อมูลการประชุม (meeting) เขียนไม่ถูกรูปแบบ",
             "ใช้ช่องตามหน้าโครงสร้างข้อมูล: place, start_time, end_time, chair, recorder, "
             "attendees, absentees, others_present และ agenda (number, title, resolution, "
             "resolution_text, actions, follows_up, provinces) ใช้ได้เฉพาะเอกสารประเภท minutes"),
    "N005": ("follows_up อ้างถึงรายงานการประชุมที่ไม่มีในคลัง หรือไม่มีข้อมูลการประชุม",
             "ใช้รหัสของรายงานการประชุมที่มีในคลังและมีช่อง meeting เช่น "
             "follows_up: pdc-regional-minutes-2564-1#5"),
    "N006": ("follows_up อ้างถึงวาระที่ไม่มีในการประชุมนั้น",
             "ตรวจเลขวาระหลังเครื่องหมาย # ให้ตรงกับช่อง number ของวาระในรายงานการประชุมที่อ้างถึง"),
    "N007": ("follows_up อ้างถึงการประชุมที่ไม่ได้ประชุมก่อนการประชุมนี้",
             "วาระติดตามผลต้องอ้างถึงวาระของการประชุมครั้งก่อน ตรวจรหัสที่อ้างถึงและช่อง date "
             "ของรายงานการประชุมทั้งสองฉบับ"),
    "N008": ("จังหวัดของระเบียบวาระไม่อยู่ในช่อง provinces ของเอกสาร",
             "เพิ่มจังหวัดนั้นในช่อง provinces ของรายงานการประชุม หรือแก้รหัสจังหวัดของวาระ"),
    "W001": ("ข้อมูลการนิเทศจังหวัด (supervision) เขียนไม่ถูกรูปแบบ",
             "ใช้ช่องตามหน้าโครงสร้างข้อมูล: systems และ provinces (province, status, scheduled, "
             "findings: text, topic, systems) ใช้ได้เฉพาะเอกสารประเภท report"),
    "W002": ("จังหวัดที่นิเทศไม่อยู่ในช่อง provinces ของเอกสาร",
             "เพิ่มรหัสจังหวัดนั้นในช่อง provinces ของเอกสาร หรือแก้รหัสจังหวัดใน supervision"),
    "W003": ("จังหวัดเดียวกันอยู่ในข้อมูลการนิเทศมากกว่าหนึ่งครั้ง",
             "รวมสิ่งที่พบของจังหวัดนั้นไว้ในรายการเดียว"),
    "W004": ("สิ่งที่พบอ้างถึงระบบงานที่ไม่อยู่ในรายการ supervision.systems",
             "ใช้ชื่อระบบตามที่เขียนไว้ใน supervision.systems ทุกตัวอักษร "
             "หรือเพิ่มระบบนั้นในรายการถ้ารายงานระบุไว้"),
    "W005": ("ข้อความสิ่งที่พบไม่ตรงกับเนื้อหาของรายงาน",
             "คัดลอกข้อความจากเนื้อหาเอกสารทุกตัวอักษร ห้ามสรุปหรือเรียบเรียงใหม่"),
    "G001": ("ข้อมูลราชกิจจานุเบกษา (gazette) อ่านไม่ได้",
             "เขียนตามรูปแบบ เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑ "
             "(ตอนพิเศษ แทน ตอนที่ ได้) ตามที่พิมพ์ในราชกิจจานุเบกษา"),
    "G002": ("ข้อมูลราชกิจจานุเบกษา (gazette) ไม่ครบ", "เพิ่มเลขหน้าและวันที่ประกาศตามราชกิจจานุเบกษา"),
    "G003": ("วันที่ประกาศในราชกิจจานุเบกษาก่อนวันที่ของเอกสาร",
             "ตรวจช่อง date และวันที่ในช่อง gazette เอกสารประกาศในราชกิจจานุเบกษาได้หลังจากลงนามแล้วเท่านั้น"),
    "G004": ("ข้อมูลราชกิจจานุเบกษา (gazette) ไม่ตรงกับเชิงอรรถ [๑] ในข้อความ",
             "ตรวจเล่ม ตอน และประเภทกับราชกิจจานุเบกษาฉบับจริง แล้วแก้ช่อง gazette หรือเชิงอรรถให้ตรงกัน"),
    "T001": ("รายการเปิดเผยข้อมูล (ITA/OIT) ยังไม่มีเอกสารที่เผยแพร่แล้วตรงตามเงื่อนไข",
             "เผยแพร่เอกสารที่ตรงกับรายการนั้น (ประเภท คำสำคัญ หน่วยงาน และช่วงวันที่ตามช่อง match) "
             "หรือแก้เงื่อนไขในไฟล์ records/registries/disclosure-<ปี>.yaml ให้ถูกต้อง"),
    "T002": ("รายการเปิดเผยข้อมูล (disclosure-<ปี>.yaml) เขียนไม่ถูกต้อง",
             "ต้องมี year source และ items แต่ละรายการมี code title และ match "
             "(types, tags, issuers, from, to) ดูตัวอย่างในไฟล์ที่มากับระบบ"),
}
