"""Citations in Thai official prose: find them, say what they cite, and link them to the repository.

Thai documents cite each other in running text ("คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕ ลงวันที่ ...",
"ระเบียบ...ว่าด้วย... พ.ศ. ๒๕๔๗ ข้อ ๑๒", "มติคณะรัฐมนตรีเมื่อวันที่ ...", "ระเบียบฯ", "พระราชกฤษฎีกา
ดังกล่าว"). ``find_citations(text, index)`` runs a set of patterns over a normalised copy of the text
(Thai digits made Arabic, no-break and zero-width spaces tamed, decomposed sara am joined) and maps
every hit back to code-point offsets of the original, so a caller can underline or link the exact
characters. Full citations are resolved against a ``CorpusIndex`` (numbered documents by type,
issuer, year and number; titled ones by normalised title and year; cabinet resolutions by date;
meetings by body and number); abbreviated ("ระเบียบฯ"), anaphoric ("ระเบียบดังกล่าว") and bare
clause ("และข้อ 23") references take the document of the last full citation they can refer to.
Everything here is a pure function of its inputs: the command (``cite_cmd``) and the site read the
files and build the index.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .thai import THAI_MONTHS, THAI_MONTHS_ABBR, BEDate, DateError, to_arabic_digits

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Document
    from .registry import Registry

#: What a citation can be. ``amendment`` is the elliptic "และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2548"
#: after a title; an amending instrument cited by its full title keeps its own kind.
KINDS = (
    "order", "regulation", "royal-decree", "act", "constitution", "announcement", "amendment",
    "cabinet-resolution", "resolution", "meeting", "plan", "letter",
)
#: How it is written: in full, as "ระเบียบฯ", as "ระเบียบดังกล่าว", or as a bare "ข้อ 23".
FORMS = ("full", "abbrev", "anaphora", "clause")

#: Repository document type each kind resolves to (kinds missing here never resolve).
KIND_TYPES = {
    "order": "order", "regulation": "regulation", "royal-decree": "royal-decree", "act": "act",
    "announcement": "announcement", "cabinet-resolution": "cabinet-resolution",
    "meeting": "minutes", "plan": "plan",
}
_TITLED = {"regulation", "royal-decree", "act", "announcement", "plan", "constitution"}
# Kinds whose provisions are ข้อ (regulations, orders, announcements) or มาตรา/หมวด (laws).
_ITEM_KINDS = {"regulation", "order", "announcement", "amendment"}
_SECTION_KINDS = {"act", "royal-decree", "constitution"}

KIND_LABELS = {
    "order": "คำสั่ง", "regulation": "ระเบียบ", "royal-decree": "พระราชกฤษฎีกา",
    "act": "พระราชบัญญัติ", "constitution": "รัฐธรรมนูญ", "announcement": "ประกาศ",
    "amendment": "ฉบับแก้ไขเพิ่มเติม", "cabinet-resolution": "มติคณะรัฐมนตรี", "resolution": "มติ",
    "meeting": "การประชุม", "plan": "แผน", "letter": "หนังสือ",
}


# --- text normalisation with an offset map -------------------------------------------------------

_SPACES = frozenset("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
                    "\u205f\u3000\t\x0b\x0c")
# Zero-width characters carry no letters; dropping them lets "ระเบียบ\u200bสำนัก..." match.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\r")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of a text and, for each of its characters, the original span."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    length: int  # of the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised range [start, end)."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else self.length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


_ONE_TO_ONE = str.maketrans({**{c: " " for c in _SPACES},
                             **{chr(0x0E50 + d): str(d) for d in range(10)}})
# What changes length: the two PDF repairs and the dropped characters. Everything between
# matches is translated in one C-level call, which keeps this linear and fast (the whole corpus
# is normalised once per build).
_SPECIAL = re.compile("\u0e4d\u0e32|เเ|[" + "".join(sorted(_DROP)) + "]")
_REPAIR = {"\u0e4d\u0e32": "ำ", "เเ": "แ"}


def normalize(text: str) -> Normalized:
    """Normalise for matching, keeping a map back to the original's code points.

    Thai digits become Arabic, every kind of space becomes an ASCII space, zero-width characters
    and CR are dropped, and PDF artefacts are repaired: nikhahit + sara aa ("ํา") becomes sara am
    ("ำ") and two sara e ("เเ") become sara ae ("แ"), so "คําสั่ง" still reads "คำสั่ง".
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos, n = 0, len(text)
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()].translate(_ONE_TO_ONE))
            starts.extend(range(pos, m.start()))
            ends.extend(range(pos + 1, m.start() + 1))
        repaired = _REPAIR.get(m.group())
        if repaired:
            out.append(repaired)
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    if pos < n:
        out.append(text[pos:].translate(_ONE_TO_ONE))
        starts.extend(range(pos, n))
        ends.extend(range(pos + 1, n + 1))
    return Normalized("".join(out), tuple(starts), tuple(ends), n)


def normalize_title(title: str) -> tuple[str, str | None, int | None]:
    """(stem, amendment number, year) of a title, for comparing titles however they are typed.

    Whitespace is dropped entirely (Thai separates phrases, not words, with spaces, and wrapped
    lines break titles anywhere), digits become Arabic, พ.ร.บ./พ.ร.ฎ. are spelled out, quotes go.
    """
    t = normalize(title).text
    t = re.sub(r"\s+", "", t)
    t = t.replace("พ.ร.บ.", "พระราชบัญญัติ").replace("พ.ร.ฎ.", "พระราชกฤษฎีกา")
    t = re.sub(r"[“”\"'‘’«»]", "", t)
    year: int | None = None
    m = re.search(r"\(?พ\.ศ\.([0-9]{4})(?:[-–][0-9]{4})?\)?$", t)
    if m:
        year = int(m.group(1))
        t = t[:m.start()]
    amendment: str | None = None
    m = re.search(r"\(ฉบับที่([0-9]+)\)$", t)
    if m:
        amendment = m.group(1)
        t = t[:m.start()]
    return t, amendment, year


# --- the index of the repository -----------------------------------------------------------------

@dataclass(frozen=True)
class DocRef:
    """What resolution needs to know of a repository document."""

    id: str
    type: str
    issuer: str
    title: str
    number: str = ""  # N/YYYY, Arabic digits
    year: int | None = None
    date: str = ""  # BE ISO, as precise as known
    amends: tuple[str, ...] = ()

    @classmethod
    def from_document(cls, doc: Document) -> DocRef:
        return cls(id=str(doc.id), type=doc.type.code, issuer=doc.issuer, title=doc.title,
                   number=to_arabic_digits(doc.number), year=doc.year,
                   date=doc.date.iso() if doc.date else "", amends=tuple(doc.amends))


def _flex(spelling: str) -> str:
    """A regex for an organisation's name that tolerates any spacing between its parts."""
    parts = [re.escape(p) for p in spelling.split()]
    return r"[ \t]*".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text).text)


class CorpusIndex:
    """Organisations, provinces and documents, indexed the ways citations refer to them."""

    def __init__(self, documents: Iterable[DocRef] = (),
                 organizations: Iterable[tuple[str, Sequence[str]]] = (),
                 provinces: Iterable[tuple[str, str]] = ()) -> None:
        self.documents = tuple(documents)
        #: organisation spelling without spaces -> id
        self.org_spellings: dict[str, str] = {}
        #: spellings as registered, for the issuer regex (spaces there become optional)
        self._written: set[str] = set()
        for org_id, spellings in organizations:
            for s in spellings:
                if s.strip():
                    self.org_spellings.setdefault(_squash(s), org_id)
                    self._written.add(" ".join(s.split()))
        self.province_names: dict[str, str] = {name: pid for pid, name in provinces if name}
        self._by_number: dict[tuple[str, str, str], list[DocRef]] = defaultdict(list)
        self._by_title: dict[tuple[str, str, str | None], list[DocRef]] = defaultdict(list)
        self._by_date: dict[tuple[str, str], list[DocRef]] = defaultdict(list)
        for d in self.documents:
            if d.number:
                self._by_number[(d.type, d.issuer, _number_key(d.number))].append(d)
            stem, amendment, _ = normalize_title(d.title)
            self._by_title[(d.type, stem, amendment)].append(d)
            if d.date:
                self._by_date[(d.type, d.date)].append(d)
        self._ids = {d.id: d for d in self.documents}

    @classmethod
    def from_registry(cls, registry: Registry, documents: Iterable[DocRef] = ()) -> CorpusIndex:
        orgs = [(o.id, (o.name_th, *o.abbreviations)) for o in registry.organizations.values()]
        provs = [(p.id, p.name_th) for p in registry.provinces.values()]
        return cls(documents, orgs, provs)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> CorpusIndex:
        return cls.from_registry(corpus.registry,
                                 [DocRef.from_document(d) for d in corpus.documents])

    # -- organisations and provinces

    def org_id(self, text: str) -> str | None:
        """The organisation a name or abbreviation (as written) denotes, if it is registered."""
        return self.org_spellings.get(_squash(text))

    def org_prefix(self, text: str) -> tuple[str | None, str]:
        """The registered organisation whose name starts ``text`` (longest), and that name."""
        squashed = _squash(text)
        best: tuple[str | None, str] = (None, "")
        for spelling, org in self.org_spellings.items():
            if squashed.startswith(spelling) and len(spelling) > len(best[1]):
                best = (org, spelling)
        return best

    @cached_property
    def issuer_pattern(self) -> str:
        """Regex alternation of all ways to name an issuer, longest first (ก.พ.ร. before ก.พ.)."""
        names = sorted(self._written, key=lambda n: len(_squash(n)), reverse=True)
        alts = [_flex(n) for n in names]
        if self.province_names:
            provs = "|".join(re.escape(p) for p in sorted(self.province_names, key=len,
                                                           reverse=True))
            alts.append(rf"จังหวัด[ \t]*(?:{provs})")
        alts.append(_GENERIC_ORG)
        return "|".join(alts)

    @cached_property
    def patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        return _compile(self.issuer_pattern)

    # -- resolution

    def resolve(self, c: Citation) -> str | None:
        """The repository id a full citation denotes, or None when it is not in the repository."""
        doc = self._resolve(c)
        return doc.id if doc else None

    def _resolve(self, c: Citation) -> DocRef | None:
        kind = c.kind
        if kind == "amendment":
            return self._resolve_amendment(c)
        doc_type = KIND_TYPES.get(kind)
        if doc_type is None:
            return None
        if kind == "cabinet-resolution":
            if c.date and len(c.date) == 10:
                return _one(self._by_date.get((doc_type, c.date), []))
            return None
        if kind in ("order", "meeting") or (kind == "announcement" and c.number
                                            and "/" in c.number):
            if c.issuer and c.number:
                return _one(self._by_number.get((doc_type, c.issuer, _number_key(c.number)), []))
            return None
        if kind in _TITLED and c.title:
            stem, amendment, year = normalize_title(c.title)
            return _pick_year(self._by_title.get((doc_type, stem, amendment), []), year)
        return None

    def _resolve_amendment(self, c: Citation) -> DocRef | None:
        if not c.title:
            return None
        stem, amendment, year = normalize_title(c.title)
        for doc_type in ("regulation", "act", "royal-decree", "announcement"):
            found = _pick_year(self._by_title.get((doc_type, stem, amendment), []), year)
            if found:
                return found
        # The amending document may be titled differently; its ``amends`` still names the base.
        base = self._ids.get(c.base or "")
        if base is None:
            return None
        amenders = [d for d in self.documents if base.id in d.amends and d.year == year]
        return _one(amenders)


def _one(docs: Sequence[DocRef]) -> DocRef | None:
    return docs[0] if len(docs) == 1 else None


def _pick_year(docs: Sequence[DocRef], year: int | None) -> DocRef | None:
    if year is None:
        return _one(docs)
    return _one([d for d in docs if d.year == year])


def _number_key(number: str) -> str:
    """``0301/2545`` and ``301 / ๒๕๔๕`` are the same number."""
    m = re.match(r"\s*0*([0-9]+)\s*/\s*([0-9]{4})", to_arabic_digits(number))
    return f"{m.group(1)}/{m.group(2)}" if m else re.sub(r"\s+", "", to_arabic_digits(number))


# --- the patterns --------------------------------------------------------------------------------

_TH = "[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]"  # Thai letters, no ฯ ๆ or digits
_SP = r"[ \t]*"
_W1 = r"[ \t]*(?:\n[ \t]*)?"  # a citation may wrap onto the next line, never across a paragraph
_YEAR = r"[0-9]{4}(?![0-9])"
_NUMYEAR = r"[0-9]+[ \t]*/[ \t]*[0-9]{4}(?![0-9])"
_MONTH_NAMES = sorted((*THAI_MONTHS, *THAI_MONTHS_ABBR), key=len, reverse=True)
_MONTH = "|".join(re.escape(m) for m in _MONTH_NAMES)
# A date may break anywhere (PDF page breaks split "26" from "ตุลาคม"); its parts are specific
# enough that crossing blank lines is safe here.
_DATE = rf"[0-9]{{1,2}}\s*(?:{_MONTH})\s*(?:พ\.ศ\.\s*)?(?:[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
_ON_DATE = rf"(?:เมื่อ{_SP})?(?:วันที่|วัน{_TH}+?ที่){_W1}"
_ORDINAL = "หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ"
_CLAUSE = (rf"(?:ข้อ|มาตรา|หมวด){_SP}[0-9]+(?:/[0-9]+)?(?![0-9]|\.[0-9])"
           rf"(?:{_SP}วรรค(?:{_ORDINAL}|{_SP}[0-9]+))?(?:{_SP}\([0-9]+\))*"
           rf"(?:{_SP}อนุ(?:ข้อ|มาตรา)?{_SP}\(?[0-9]+\)?)?")
# A title's free part: no brackets or quotes, at most one line break in a row, short.
_BODY = r"(?:[^\n()“”\"]|\n(?![ \t]*\n)){0,200}?"
_BODY1 = r"(?:[^\n()“”\"]|\n(?![ \t]*\n)){1,200}?"
_AMEND = rf"(?:{_W1}\({_SP}ฉบับที่{_SP}(?P<amend>[0-9]+){_SP}\))?"
_BE = rf"{_W1}พ\.ศ\.{_W1}(?P<year>{_YEAR})"
_BE2 = rf"{_W1}พ\.ศ\.{_W1}(?P<year2>{_YEAR})"
# An issuer not in the registry: a Thai organisation word, or a dotted abbreviation (ก.บช.).
_GENERIC_ORG = (rf"(?:กระทรวง|กรม|สำนักงาน|สำนัก|คณะกรรมการ|คณะอนุกรรมการ|สถาบัน|มหาวิทยาลัย"
                rf"|องค์การ){_TH}+|(?:[ก-ฮ]{{1,4}}\.){{2,5}}|[ก-ฮ]{{2,5}}\.")
_CAB = r"(?:คณะรัฐมนตรี|ครม\.|ค\.ร\.ม\.)"
_HEADS = {
    "ระเบียบ": ("regulation",), "คำสั่ง": ("order",), "พระราชกฤษฎีกา": ("royal-decree",),
    "พ.ร.ฎ.": ("royal-decree",), "พระราชบัญญัติ": ("act",), "พ.ร.บ.": ("act",),
    "ประกาศ": ("announcement",), "มติคณะรัฐมนตรี": ("cabinet-resolution",),
    "มติครม.": ("cabinet-resolution",), "มติ": ("cabinet-resolution", "resolution"),
    "รัฐธรรมนูญ": ("constitution",),
}
_HEAD_RE = ("(?:" + "|".join(
    re.escape(h) if h != "มติครม." else rf"มติ{_SP}ครม\."
    for h in sorted(_HEADS, key=len, reverse=True)) + ")")


def _compile(iss: str) -> list[tuple[str, re.Pattern[str]]]:
    """The detectors, by name; ``iss`` is the issuer alternation of the index."""
    iss_g = rf"(?P<iss>{iss})"
    specs = {
        "order": rf"คำสั่ง{_W1}{iss_g}{_W1}ที่{_W1}(?P<num>{_NUMYEAR})"
                 rf"(?:{_W1}ลงวันที่{_W1}(?P<date>{_DATE}))?",
        "regulation": rf"ระเบียบ{_W1}{iss_g}(?P<body>{_BODY}){_AMEND}{_BE}",
        "royal-decree": rf"(?:พระราชกฤษฎีกา|พ\.ร\.ฎ\.){_SP}(?!ดังกล่าว|ข้างต้น|นี้)"
                        rf"(?P<body>{_BODY1}){_AMEND}{_BE}",
        "act": rf"(?:พระราชบัญญัติ|พ\.ร\.บ\.){_SP}(?!ดังกล่าว|ข้างต้น|นี้)"
               rf"(?P<body>{_BODY1}){_AMEND}{_BE}",
        "constitution": rf"รัฐธรรมนูญแห่งราชอาณาจักรไทย(?:{_SP}\(ฉบับชั่วคราว\))?(?:{_BE})?",
        "announcement": rf"ประกาศ{_W1}{iss_g}(?:{_W1}เรื่อง(?P<body>{_BODY}))?"
                        rf"(?:{_W1}\(?{_SP}ฉบับที่{_SP}(?P<num>[0-9]+(?:{_SP}/{_SP}[0-9]{{4}})?)"
                        rf"(?![0-9])(?:{_SP}\))?(?:{_W1}ลงวันที่{_W1}(?P<date>{_DATE})|{_BE})?"
                        rf"|{_W1}ลงวันที่{_W1}(?P<date2>{_DATE})|{_BE2})",
        "letter": rf"หนังสือ{_W1}(?:{iss_g}{_W1})?(?:ด่วน(?:ที่สุด|มาก)?{_W1})?ที่{_W1}"
                  rf"(?P<num>[ก-ฮ]{{1,4}}\.?{_SP}[0-9]+(?:\.[0-9]+)*{_SP}/{_SP}(?:ว{_SP})?[0-9]+)"
                  rf"(?:{_W1}ลงวันที่{_W1}(?P<date>{_DATE}))?",
        # มติ <body> [ในการประชุม] [ครั้งที่ N/YYYY] [เมื่อ]วันที่ <date>
        "resolution": rf"มติ{_SP}(?:ที่ประชุม{_SP})?{iss_g}(?:{_SP}นัดพิเศษ)?{_W1}"
                      rf"(?:(?:ใน)?การประชุม{_SP})?(?:ครั้งที่{_SP}(?P<num>{_NUMYEAR}){_W1})?"
                      rf"(?:{_ON_DATE}|เมื่อ{_SP})?(?P<date>{_DATE})",
        # คณะรัฐมนตรี[ในการประชุม][(จึง)(ได้)มีมติ]เมื่อวันที่ <date> — the verb is checked after
        "cabinet": rf"(?P<iss>{_CAB}){_SP}(?:ใน(?:การ)?ประชุม{_SP}(?:{_CAB}{_SP})?)?"
                   rf"(?P<verb>(?:จึง)?(?:ได้)?มีมติ{_SP})?(?:เมื่อ{_SP})?วันที่{_W1}"
                   rf"(?P<date>{_DATE})",
        # ในการประชุมเมื่อวันที่ <date> คณะรัฐมนตรีมีมติ
        "cabinet-after": rf"(?:การ)?ประชุม{_SP}{_ON_DATE}(?P<date>{_DATE}){_SP}(?P<iss>{_CAB})"
                         rf"(?=(?:จึง)?(?:ได้)?มีมติ)",
        "meeting-by": rf"{iss_g}{_SP}(?:ใน)?การประชุม{_SP}ครั้งที่{_SP}(?P<num>{_NUMYEAR})"
                      rf"(?:{_W1}{_ON_DATE}(?P<date>{_DATE}))?",
        "meeting": rf"(?:การ)?ประชุม{_SP}(?P<body>(?:(?!ประชุม)[^\n]){{0,150}}?){_SP}"
                   rf"ครั้งที่{_SP}(?P<num>{_NUMYEAR})(?:{_W1}{_ON_DATE}(?P<date>{_DATE}))?",
        "plan": rf"(?P<body>(?:แผน(?:ยุทธศาสตร์|พัฒนา|แม่บท|ปฏิบัติการ|ปฏิบัติราชการ|การ)"
                rf"|ยุทธศาสตร์ชาติ){_TH}*?)(?:{_SP}ฉบับที่{_SP}(?P<amend>[0-9]+))?{_SP}"
                rf"(?:\({_SP}พ\.ศ\.{_SP}(?P<year>{_YEAR})(?:{_SP}[-–]{_SP}{_YEAR})?{_SP}\)"
                rf"|พ\.ศ\.{_SP}(?P<year2>{_YEAR})(?:{_SP}[-–]{_SP}{_YEAR})?)",
        "plan-named": rf"(?P<body>แผนการปฏิรูปประเทศ(?:{_SP}ด้าน{_TH}+)?(?:{_SP}\(ฉบับปรับปรุง\))?"
                      rf"|แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ(?:{_SP}ฉบับที่{_SP}[0-9]+)?)",
        "abbrev": rf"(?P<head>{_HEAD_RE}){_SP}ฯ(?!{_SP}ล)",
        "anaphora": rf"(?P<head>{_HEAD_RE}){_SP}(?:นี้{_SP})?(?:ดังกล่าว|ข้างต้น)",
    }
    return [(name, re.compile(rx)) for name, rx in specs.items()]


_CLAUSE_AFTER = re.compile(rf"{_SP}(?P<clause>{_CLAUSE})")
_CLAUSE_BEFORE = re.compile(rf"(?P<clause>{_CLAUSE}){_SP}(?:ของ|แห่ง){_SP}$")
_AMEND_AFTER = re.compile(
    rf"{_W1}(?:(?:และ|ซึ่ง){_SP})?(?:ที่)?แก้ไขเพิ่มเติม(?:โดย)?{_W1}\({_SP}ฉบับที่{_SP}"
    rf"(?P<amend>[0-9]+){_SP}\){_BE}")
_AMEND_MORE = re.compile(rf"{_W1}(?:และ|,){_W1}\({_SP}ฉบับที่{_SP}(?P<amend>[0-9]+){_SP}\){_BE}")
_BARE_CLAUSE = re.compile(rf"(?P<clause>{_CLAUSE})")
_DATE_PARTS = re.compile(
    rf"(?P<d>[0-9]{{1,2}})\s*(?P<m>{_MONTH})\s*(?:พ\.ศ\.\s*)?(?P<y>[0-9]{{4}}|[0-9]{{2}})")
_TITLE_REJECT = re.compile(r"ดังกล่าว|ฯ|ซึ่ง|ทั้งนี้|ได้แก่")


# --- citations -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """One citation: where it is (code-point offsets into the original text) and what it cites."""

    start: int
    end: int
    line: int  # 1-based line of ``start``
    surface: str  # text[start:end], exactly as written
    kind: str  # one of KINDS
    form: str = "full"  # one of FORMS
    issuer: str | None = None  # organisation id from the registry
    issuer_text: str = ""  # the issuer as written (normalised digits and spaces)
    number: str | None = None  # N/YYYY (Arabic digits), or ฉบับที่ of an announcement
    year: int | None = None  # BE
    date: str | None = None  # BE ISO, e.g. 2545-10-08
    clause: str | None = None  # e.g. "ข้อ 7 วรรคหนึ่ง", "มาตรา 3/1"
    amendment: str | None = None  # N of "(ฉบับที่ N)"
    title: str | None = None  # the cited title, spaces collapsed, Arabic digits
    province: str | None = None  # province id when the issuer is a จังหวัด
    target: str | None = None  # repository id, or None when not in the repository
    antecedent: int | None = None  # index (in the result list) of the citation referred back to
    base: str | None = None  # for an amendment: the id of the document it amends, if known
    ref: str = ""  # identity of the cited document: the target, or a key for unresolved ones
    label: str = ""  # short Thai description of the cited document, for reports

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def find_citations(text: str, index: CorpusIndex, start: int = 0) -> list[Citation]:
    """Every citation in ``text[start:]``, in order, resolved against ``index``.

    ``start`` skips a prefix (a Markdown file's front matter) while offsets stay file offsets.
    """
    norm = normalize(text)
    # Work on the normalised text from ``start`` on; positions before it are blanked so lines and
    # offsets stay aligned and nothing in the skipped part is matched or referred back to.
    nstart = bisect.bisect_left(norm.starts, start)
    ntext = " " * nstart + norm.text[nstart:]
    cands = _candidates(ntext, index)
    cands = _non_overlapping(cands)
    cands = _extend(ntext, cands)
    cands += _bare_clauses(ntext, cands)
    cands.sort(key=lambda c: c.start)
    return _link(text, norm, cands, index)


@dataclass
class _Cand:
    """A match on the normalised text, before mapping back and linking."""

    start: int
    end: int
    kind: str
    form: str
    fields: dict[str, str | None] = field(default_factory=dict)
    wants: tuple[str, ...] = ()  # kinds a back-reference may refer to
    clause: str | None = None
    after: _Cand | None = None  # for a bare clause: the citation it continues


# Detectors that open with the issuer alternation (a hundred-odd spellings) are slow to try at
# every position: Python's re has no literal-prefix search for them. Such a detector is run only
# in a window before each occurrence of a keyword it must contain, which gives the same matches
# (the issuer is far shorter than the window) at a fraction of the cost.
_ANCHORS = {"meeting-by": re.compile("การประชุม")}
_BEFORE, _AFTER = 160, 400


def _windowed(rx: re.Pattern[str], anchor: re.Pattern[str], t: str) -> list[re.Match[str]]:
    found: dict[tuple[int, int], re.Match[str]] = {}
    for a in anchor.finditer(t):
        for m in rx.finditer(t, max(0, a.start() - _BEFORE), min(len(t), a.end() + _AFTER)):
            if m.start() <= a.start() < m.end():
                found.setdefault(m.span(), m)
    return [found[k] for k in sorted(found)]


def _candidates(t: str, index: CorpusIndex) -> list[_Cand]:
    out: list[_Cand] = []
    for name, rx in index.patterns:
        anchor = _ANCHORS.get(name)
        matches = _windowed(rx, anchor, t) if anchor else rx.finditer(t)
        for m in matches:
            c = _build(name, m, t, index)
            if c is not None:
                out.append(c)
    return out


def _g(m: re.Match[str], *names: str) -> str | None:
    for n in names:
        if n in m.re.groupindex and m.group(n) is not None:
            return m.group(n)
    return None


def _build(name: str, m: re.Match[str], t: str, index: CorpusIndex) -> _Cand | None:
    f: dict[str, str | None] = {
        "iss": _g(m, "iss"), "num": _g(m, "num"), "date": _g(m, "date", "date2"),
        "year": _g(m, "year", "year2"), "amend": _g(m, "amend"), "body": _g(m, "body"),
    }
    start, end = m.start(), m.end()
    if name in ("regulation", "royal-decree", "act"):
        body = f["body"] or ""
        # A title is short and phrase-like: reject a match that ran over clause boundaries.
        if len(re.findall(r"\s+", body.strip())) > 3 or _TITLE_REJECT.search(body):
            return None
        f["title"] = m.group(0)
        return _Cand(start, end, name, "full", f)
    if name == "constitution":
        f["title"] = m.group(0)
        return _Cand(start, end, name, "full", f)
    if name == "announcement":
        body = f["body"] or ""
        if len(re.findall(r"\s+", body.strip())) > 8 or _TITLE_REJECT.search(body):
            return None
        f["title"] = m.group(0)
        return _Cand(start, end, name, "full", f)
    if name in ("order", "letter"):
        return _Cand(start, end, name, "full", f)
    if name in ("resolution", "cabinet", "cabinet-after"):
        if name == "cabinet" and not _resolved_then(m, t):
            return None
        # "มติกระทรวง (Function Based)" is a typo for มิติ: a resolution needs a known body.
        if name == "resolution" and index.org_id(f["iss"] or "") is None:
            return None
        return _Cand(start, end, "resolution", "full", f)
    if name in ("meeting", "meeting-by"):
        return _Cand(start, end, "meeting", "full", f)
    if name in ("plan", "plan-named"):
        f["title"] = m.group(0)
        return _Cand(start, end, "plan", "full", f)
    head = re.sub(r"\s+", "", m.group("head"))
    wants = _HEADS[head]
    return _Cand(start, end, wants[0], "abbrev" if name == "abbrev" else "anaphora", f, wants)


_VERB_AFTER = re.compile(rf"{_SP}(?:{_CAB}{_SP})?(?:จึง)?(?:ได้)?(?:มีมติ|เห็นชอบ|รับทราบ|อนุมัติ)")


def _resolved_then(m: re.Match[str], t: str) -> bool:
    """A cabinet meeting date is a resolution only if the cabinet resolved something then."""
    return bool(m.group("verb")) or bool(_VERB_AFTER.match(t, m.end()))


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """Keep the earliest, then longest, of overlapping matches (a title beats a plan inside it)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def _extend(t: str, cands: list[_Cand]) -> list[_Cand]:
    """Attach clauses ("... พ.ศ. 2547 ข้อ 12", "ข้อ ๑๒ ของระเบียบ ฯ") and split off amendments."""
    out: list[_Cand] = []
    for i, c in enumerate(cands):
        limit = cands[i + 1].start if i + 1 < len(cands) else len(t)
        lower = out[-1].end if out else 0
        if c.kind not in ("resolution", "meeting", "plan", "letter"):
            m = _CLAUSE_AFTER.match(t, c.end)
            if m and m.end() <= limit:
                c.clause, c.end = m.group("clause"), m.end()
            window = t[max(lower, c.start - 60):c.start]
            b = _CLAUSE_BEFORE.search(window)
            if b:
                c.clause = c.clause or b.group("clause")
                c.start -= len(window) - b.start()
        out.append(c)
        if c.kind in ("regulation", "act", "royal-decree", "announcement") and c.form == "full":
            pos = c.end
            rx = _AMEND_AFTER
            while (a := rx.match(t, pos)) and a.end() <= limit:
                # The surface starts at the words ("และที่แก้ไข..."), not at the space before
                # them; a further "และ (ฉบับที่ 3) ..." starts at its bracket.
                lead = a.group(0).index("(") if rx is _AMEND_MORE else \
                    len(a.group(0)) - len(a.group(0).lstrip())
                s = a.start() + lead
                amend = _Cand(s, a.end(), "amendment", "full",
                              {"amend": a.group("amend"), "year": a.group("year")})
                m = _CLAUSE_AFTER.match(t, amend.end)
                if m and m.end() <= limit:
                    amend.clause, amend.end = m.group("clause"), m.end()
                out.append(amend)
                pos, rx = amend.end, _AMEND_MORE
    return out


def _bare_clauses(t: str, cands: list[_Cand]) -> list[_Cand]:
    """"และข้อ 23", "(มาตรา 14)": a provision of the document last cited on the same line."""
    out: list[_Cand] = []
    starts = [c.start for c in cands]
    for m in _BARE_CLAUSE.finditer(t):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and cands[i].end > m.start():
            continue  # inside a citation
        if i < 0 or "\n" in t[cands[i].end:m.start()]:
            continue  # nothing cited before it on this line
        word = m.group("clause")[:3]
        prev = cands[i]
        kinds = _ITEM_KINDS if word == "ข้อ" else _SECTION_KINDS
        if prev.kind in kinds or (prev.wants and set(prev.wants) & kinds):
            out.append(_Cand(m.start(), m.end(), prev.kind, "clause", {}, (),
                             m.group("clause"), prev))
    return out


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts (str.find runs in C; a Python loop per character did not)."""
    out, i = [0], text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _link(text: str, norm: Normalized, cands: list[_Cand], index: CorpusIndex) -> list[Citation]:
    """Map candidates to the original text, resolve full ones, point back-references back."""
    line_starts = _line_starts(text)
    out: list[Citation] = []
    last_full: dict[str, int] = {}
    placed: dict[int, int] = {}  # id(candidate) -> index in out
    for c in cands:
        s, e = norm.span(c.start, c.end)
        line = bisect.bisect_right(line_starts, s)
        cit = Citation(start=s, end=e, line=line, surface=text[s:e], kind=c.kind, form=c.form,
                       clause=_clean_clause(c.clause))
        if c.form == "full":
            filled = _fill(cit, c, index, out)
            if filled is None:
                continue
            cit = filled
            last_full[cit.kind] = len(out)
        else:
            ante = _antecedent(c, placed, last_full)
            if ante is None:
                continue  # "ระเบียบฯ" with nothing before it to refer to: not a citation
            a = out[ante]
            cit = replace(cit, kind=a.kind, issuer=a.issuer, issuer_text=a.issuer_text,
                          number=a.number, year=a.year, date=a.date, amendment=a.amendment,
                          title=a.title, province=a.province, target=a.target,
                          antecedent=ante if a.antecedent is None else a.antecedent,
                          base=a.base, ref=a.ref, label=a.label)
        placed[id(c)] = len(out)
        out.append(cit)
    return out


def _antecedent(c: _Cand, placed: dict[int, int], last_full: dict[str, int]) -> int | None:
    if c.form == "clause":
        return placed.get(id(c.after)) if c.after is not None else None
    found = [last_full[k] for k in c.wants if k in last_full]
    return max(found) if found else None


def _clean_clause(clause: str | None) -> str | None:
    if not clause:
        return None
    c = re.sub(r"\s+", " ", clause.strip())
    c = re.sub(r"^(ข้อ|มาตรา|หมวด) ?", r"\1 ", c)
    c = re.sub(r" ?(วรรค|อนุ)", r" \1", c)
    return c


def _clean(text: str | None) -> str:
    """Collapse spaces; a line break inside Thai text is no space at all."""
    if not text:
        return ""
    t = re.sub(r"[ \t]*\n[ \t]*", "", text)
    return re.sub(r"[ \t]+", " ", t).strip()


def _parse_date(text: str | None) -> str | None:
    if not text:
        return None
    m = _DATE_PARTS.search(text)
    if not m:
        return None
    month_name = m.group("m")
    month = (THAI_MONTHS.index(month_name) if month_name in THAI_MONTHS
             else THAI_MONTHS_ABBR.index(month_name)) + 1
    year = int(m.group("y"))
    if year < 100:
        year += 2500  # "18 ก.พ. 64": two-digit years are BE years of this century
    try:
        return BEDate.parse(f"{year}-{month}-{int(m.group('d'))}").iso()
    except DateError:
        return None


def _fill(cit: Citation, c: _Cand, index: CorpusIndex, out: list[Citation]) -> Citation | None:
    """Complete a full citation from its match and resolve it."""
    f = c.fields
    kind = c.kind
    issuer_text = _clean(f.get("iss"))
    issuer = index.org_id(issuer_text) if issuer_text else None
    province = None
    if issuer_text.startswith("จังหวัด"):
        province = index.province_names.get(issuer_text[len("จังหวัด"):].strip())
    number = None
    if f.get("num"):
        # Letter numbers keep their inner space ("นร 1008/ว 14"); others are "N/YYYY".
        number = re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", f["num"] or "").strip())
        if kind != "letter":
            number = number.replace(" ", "")
    date = _parse_date(f.get("date"))
    year_s = f.get("year")
    year = int(year_s) if year_s else None
    title = _clean(f.get("title")) or None
    base: str | None = None
    if kind in ("act", "royal-decree", "constitution"):
        issuer = "th"  # laws are issued by the state (see CONVENTIONS: issuer of acts)
    if kind == "resolution":
        if issuer is None and re.fullmatch(_CAB, issuer_text.replace(" ", "")):
            issuer = "cabinet"
        if issuer is None:
            return None  # "มติกระทรวง", a typo for มิติ: no registered body, no citation
        kind = "cabinet-resolution" if issuer == "cabinet" else "resolution"
        if date:
            year = int(date[:4])
    elif kind == "meeting":
        body = _clean(f.get("body"))
        if body:
            issuer_text = body
            issuer, _ = index.org_prefix(body)
    elif kind == "amendment":
        prev = out[-1] if out else None
        if prev is None or prev.title is None:
            return None
        stem = re.sub(r"\s*(?:\(ฉบับที่\s*[0-9]+\)\s*)?พ\.ศ\.\s*[0-9]{4}$", "", prev.title)
        title = f"{stem} (ฉบับที่ {f['amend']}) พ.ศ. {year}"
        issuer, issuer_text, province = prev.issuer, prev.issuer_text, prev.province
        base = prev.target
    if number and re.fullmatch(r"[0-9]+/[0-9]{4}", number) and year is None:
        year = int(number.split("/")[1])
    if year is None and date:
        year = int(date[:4])
    cit = replace(cit, kind=kind, issuer=issuer, issuer_text=issuer_text, number=number,
                  year=year, date=date, amendment=f.get("amend"), title=title,
                  province=province, base=base)
    target = index.resolve(cit)
    return replace(cit, target=target, ref=target or _key(cit), label=describe(cit))


def _key(c: Citation) -> str:
    """A stable identity for a document that is not in the repository (groups the wanted list)."""
    stem = normalize_title(c.title)[0] if c.title else ""
    parts = [c.kind, c.issuer or _squash(c.issuer_text), c.number or "", str(c.year or ""),
             c.date or "", stem, c.amendment or ""]
    return "|".join(parts)


def describe(c: Citation) -> str:
    """A short Thai description of the cited document (without the clause)."""
    if c.kind == "cabinet-resolution" or c.kind == "resolution":
        who = "คณะรัฐมนตรี" if c.kind == "cabinet-resolution" else c.issuer_text
        when = BEDate.parse(c.date).thai(False) if c.date else (str(c.year) if c.year else "")
        return f"มติ{who} วันที่ {when}".strip()
    if c.kind == "meeting":
        return f"การประชุม {c.issuer_text} ครั้งที่ {c.number}".replace("  ", " ")
    if c.kind in ("order", "letter"):
        head = KIND_LABELS[c.kind]
        return f"{head}{c.issuer_text} ที่ {c.number}" if c.kind == "order" else \
            f"{head} {c.issuer_text} ที่ {c.number}".replace("  ", " ")
    return c.title or KIND_LABELS.get(c.kind, c.kind)


# --- provinces -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProvinceMention:
    start: int
    end: int
    line: int
    surface: str
    province: str  # province id


def find_provinces(text: str, index: CorpusIndex,
                   tokenize: Callable[[str], list[str]] | None = None) -> list[ProvinceMention]:
    """Province names used as such: whole words after จังหวัด/จ., or in a list of provinces.

    A name inside a longer word (แพร่ in เผยแพร่ or แพร่ระบาด, ตราด in มาตราดังกล่าว) is not a
    mention: the text is cut into words with pythainlp's dictionary (province names added), and a
    short name that is also an ordinary word (แพร่, เลย, ตาก) counts only with จังหวัด before it or
    next to another province. A street named after a province (ถนนพิษณุโลก) is not the province.
    """
    tok = tokenize or _province_tokenizer(tuple(index.province_names))
    words = tok(text)
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for w in words:
        spans.append((pos, pos + len(w), w))
        pos += len(w)
    if pos != len(text):  # a tokenizer that drops characters cannot give offsets
        raise ValueError("tokenizer must keep every character")
    line_starts = _line_starts(text)
    content = [(s, e, w) for s, e, w in spans if w.strip()]
    is_prov = [_province_word(w, index) is not None for _, _, w in content]
    out: list[ProvinceMention] = []
    for k, (s, e, w) in enumerate(content):
        pid = _province_word(w, index)
        if pid is None:
            continue
        before = text[max(0, s - 10):s]
        if re.search(r"(?:ถนน|ถ\.|ซอย|ซ\.)\s*$", before):
            continue  # ถนนพิษณุโลก is a street in Bangkok, not the province
        marked = bool(re.search(r"(?:จังหวัด|จ\.)\s*$", before))
        listed = _neighbour_is_province(content, is_prov, k)
        plain = len(w) >= 6 and w not in _COMMON_WORDS
        if marked or listed or plain:
            out.append(ProvinceMention(s, e, bisect.bisect_right(line_starts, s), w, pid))
    return out


# Province names that are also everyday words; these need จังหวัด or a list around them.
_COMMON_WORDS = frozenset({"แพร่", "เลย", "ตาก", "น่าน", "ตรัง", "ตราด", "สตูล", "ยะลา", "ระนอง",
                           "พังงา", "ชุมพร", "กระบี่", "ลำพูน", "พะเยา", "ยโสธร"})
_PROVINCE_ALIASES = {"กรุงเทพฯ": "กรุงเทพมหานคร"}


def _province_word(w: str, index: CorpusIndex) -> str | None:
    w = _PROVINCE_ALIASES.get(w, w)
    return index.province_names.get(w)


def _neighbour_is_province(content: list[tuple[int, int, str]], is_prov: list[bool],
                           k: int) -> bool:
    skip = {"และ", "หรือ", ",", "、", "จังหวัด", "จ."}
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(content) and content[j][2].strip() in skip:
            j += step
        if 0 <= j < len(content) and is_prov[j]:
            return True
    return False


_TOKENIZERS: dict[tuple[str, ...], Callable[[str], list[str]]] = {}


def _province_tokenizer(names: tuple[str, ...]) -> Callable[[str], list[str]]:
    if names not in _TOKENIZERS:
        from pythainlp.corpus import thai_words
        from pythainlp.tokenize import word_tokenize
        from pythainlp.util import Trie

        trie = Trie(set(thai_words()) | set(names) | set(_PROVINCE_ALIASES))

        def tok(text: str) -> list[str]:
            words: list[str] = word_tokenize(text, custom_dict=trie, engine="newmm",
                                             keep_whitespace=True)
            return words

        _TOKENIZERS[names] = tok
    return _TOKENIZERS[names]


# --- reports -------------------------------------------------------------------------------------

@dataclass
class Wanted:
    """A document cited but not in the repository: how often, and where."""

    ref: str
    kind: str
    label: str
    places: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, surface)

    @property
    def count(self) -> int:
        return len(self.places)

    def as_dict(self) -> dict[str, object]:
        return {"ref": self.ref, "kind": self.kind, "label": self.label, "count": self.count,
                "places": [{"path": p, "line": ln, "surface": s} for p, ln, s in self.places]}


def wanted(found: Iterable[tuple[str, Citation]]) -> list[Wanted]:
    """Group unresolved citations (with the path they occur in) by cited document, most cited first.

    Back-references count as occurrences of the document they refer to.
    """
    groups: dict[str, Wanted] = {}
    for path, c in found:
        if c.target is not None:
            continue
        w = groups.setdefault(c.ref, Wanted(c.ref, c.kind, c.label))
        w.places.append((path, c.line, c.surface))
    return sorted(groups.values(), key=lambda w: (-w.count, w.kind, w.label))


def body_start(text: str) -> int:
    """Offset where a Markdown document's body starts (after its ``---`` front matter), else 0."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return 0
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        offset += len(line) + 1
        if line.rstrip() in ("---", "..."):
            return min(offset, len(text))
    return 0
