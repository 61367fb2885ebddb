"""Guess a document's metadata from its opening paragraphs: type, title, number, date, issuer.

Thai government documents open in a fixed pattern: the instrument and its issuer (``คำสั่ง
สำนักนายกรัฐมนตรี``), its number (``ที่ ๓๐๑/๒๕๔๕``), its subject (``เรื่อง ...``) or, for
regulations and acts, ``ว่าด้วย ...`` and ``พ.ศ. ๒๕๔๗``; they close with the signing date
(``สั่ง ณ วันที่ ๘ ตุลาคม พ.ศ. ๒๕๔๕``). Detection reads only those places, so a number or date
cited in the text is not mistaken for the document's own. The issuer is the longest registry
name or abbreviation found in the title. Anything not found is listed in ``missing`` (Thai) so
the draft says what staff must fill in; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sarabun.registry import Registry
from sarabun.thai import BE_OFFSET, MIN_BE_YEAR, THAI_MONTHS, THAI_MONTHS_ABBR, BEDate, DateError
from sarabun.thai import to_arabic_digits as arabic

#: Title keyword -> type code, longest first so รายงานการประชุม wins over รายงาน.
TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("รายงานการประชุม", "minutes"),
    ("มติคณะรัฐมนตรี", "cabinet-resolution"),
    ("มติ ครม.", "cabinet-resolution"),
    ("พระราชกฤษฎีกา", "royal-decree"),
    ("พระราชบัญญัติ", "act"),
    ("ระเบียบ", "regulation"),
    ("คำสั่ง", "order"),
    ("ประกาศ", "announcement"),
    ("นโยบาย", "policy"),
    ("แผน", "plan"),
    ("รายงาน", "report"),
)
HEADER_PARAS = 6  # the opening paragraphs searched for the title
_D = "[0-9๐-๙]"
_MONTH = "|".join([*THAI_MONTHS, *(re.escape(a) for a in THAI_MONTHS_ABBR)])
DATE_RE = re.compile(rf"({_D}{{1,2}})\s*({_MONTH})\s*(?:พ\.\s?ศ\.\s*)?({_D}{{4}})")
_SIGNED = re.compile(rf"(?:สั่ง|ประกาศ|ให้ไว้)\s*ณ\s*วันที่\s*(?={_D})")
_NUMBER = re.compile(rf"(?:^|\s|ครั้ง)ที่\s*({_D}+)\s*/\s*({_D}{{4}})(?!{_D})")
_TITLE_CONT = re.compile(r"^(?:ว่าด้วย|\(ฉบับที่|พ\.\s?ศ\.|เรื่อง|ที่\s*[0-9๐-๙]+\s*/)")
_MINUTES = re.compile(r"การประชุม.*ครั้งที่\s*[0-9๐-๙]+\s*/\s*[0-9๐-๙]{4}")
MAX_TITLE = 300
BODY_LEN = 400  # a paragraph this long is body text, not part of a heading


@dataclass
class Detected:
    type: str | None = None
    title: str = ""
    title_guessed: bool = False
    number: str = ""  # Arabic digits, N/YYYY
    date: BEDate | None = None
    issuer: str | None = None
    header: list[int] = field(default_factory=list)  # paragraphs that became the title
    notes: list[str] = field(default_factory=list)  # Thai: what was guessed or is missing


def _type_of(text: str) -> str | None:
    for word, code in TYPE_WORDS:
        if text.startswith(word) and not re.match(r"ประกาศ\s*ณ", text):
            return code
    return None


def find_title(paras: list[str]) -> tuple[str | None, list[int]]:
    """The type of the title paragraph and the indices of the paragraphs making the title."""
    for i, p in enumerate(paras[:HEADER_PARAS]):
        if any(len(q) > BODY_LEN for q in paras[:i]):
            break  # the body has begun: a paragraph opening with ระเบียบ... here is text
        code = _type_of(p)
        if code is None and _MINUTES.search(p) and len(p) <= MAX_TITLE:
            return "minutes", [i]
        if code is None or len(p) > MAX_TITLE:
            continue
        used = [i]
        for j in range(i + 1, min(i + 4, len(paras))):
            if _TITLE_CONT.match(paras[j]) and len(paras[j]) <= MAX_TITLE:
                used.append(j)
            else:
                break
        return code, used
    return None, []


def join_title(parts: list[str]) -> str:
    """Title lines as one title: ``ว่าด้วย`` follows its instrument directly, others after a space.
    """
    out = parts[0]
    for part in parts[1:]:
        out += ("" if part.startswith("ว่าด้วย") else " ") + part
    return out


def find_number(paras: list[str], header: list[int]) -> str:
    """``ที่ N/YYYY`` (or ``ครั้งที่``) in the title or the short paragraph right after it."""
    places = header + ([header[-1] + 1] if header else [0])
    for i in places:
        if i < len(paras) and len(paras[i]) <= MAX_TITLE:
            m = _NUMBER.search(paras[i])
            if m:
                return f"{int(arabic(m.group(1)))}/{arabic(m.group(2))}"
    return ""


def parse_date(m: re.Match[str]) -> tuple[BEDate | None, str]:
    """A matched Thai date as a BEDate; a CE year is converted (and said so)."""
    day, month_name, year_text = int(arabic(m.group(1))), m.group(2), int(arabic(m.group(3)))
    month = (THAI_MONTHS.index(month_name) if month_name in THAI_MONTHS
             else THAI_MONTHS_ABBR.index(month_name)) + 1
    note = ""
    if year_text < MIN_BE_YEAR:
        note = f"วันที่ในต้นฉบับใช้ปี ค.ศ. {year_text} แปลงเป็น พ.ศ. {year_text + BE_OFFSET} แล้ว"
        year_text += BE_OFFSET
    try:
        return BEDate.parse(f"{year_text}-{month}-{day}"), note
    except DateError:
        return None, f"วันที่ '{m.group(0)}' ไม่มีอยู่จริง จึงไม่ได้ใส่"


def find_date(paras: list[str], header: list[int]) -> tuple[BEDate | None, str]:
    """The signing date (สั่ง/ประกาศ/ให้ไว้ ณ วันที่) anywhere, else the first date near the top."""
    for p in reversed(paras):
        for s in _SIGNED.finditer(p):
            m = DATE_RE.match(p, s.end())
            if m:
                return parse_date(m)
    start = header[-1] + 1 if header else 0
    for i in [*header, *range(start, min(start + 4, len(paras)))]:
        m = DATE_RE.search(paras[i])
        if m:
            return parse_date(m)
    return None, ""


def find_issuer(text: str, registry: Registry) -> str | None:
    """The organization whose Thai name or abbreviation is the longest match in ``text``."""
    best: tuple[int, str] | None = None
    for org in registry.organizations.values():
        for name in (org.name_th, *org.abbreviations):
            if name and name in text and (best is None or len(name) > best[0]):
                best = (len(name), org.id)
    return best[1] if best else None


def detect(paras: list[str], registry: Registry, type_hint: str | None = None,
           issuer_hint: str | None = None) -> Detected:
    """Detect what can be read from ``paras`` (plain text, one paragraph per item)."""
    d = Detected()
    code, d.header = find_title(paras)
    d.type = type_hint or code
    if not d.type:
        d.notes.append("ไม่ทราบประเภทเอกสาร")
    if d.header:
        d.title = join_title([paras[i] for i in d.header])
    elif paras:
        first = paras[0]
        d.title = first if len(first) <= MAX_TITLE else first[:80].rsplit(" ", 1)[0]
        d.title_guessed = True
        d.notes.append("ชื่อเรื่องใช้ย่อหน้าแรกของต้นฉบับ ต้องตรวจ")
    d.number = find_number(paras, d.header)
    d.date, date_note = find_date(paras, d.header)
    if date_note:
        d.notes.append(date_note)
    if issuer_hint:
        d.issuer = issuer_hint
    elif d.type == "act" or d.type == "royal-decree":
        d.issuer = "th" if "th" in registry.organizations else None
    elif d.type == "cabinet-resolution" and "cabinet" in registry.organizations:
        d.issuer = "cabinet"
    if d.issuer is None:
        d.issuer = find_issuer(d.title, registry)
    if d.issuer is None:
        d.issuer = find_issuer(" ".join(paras[:3]), registry)
        if d.issuer:
            d.notes.append(f"หน่วยงานที่ออก '{d.issuer}' เดาจากส่วนต้นของเอกสาร ต้องตรวจ")
    return d
