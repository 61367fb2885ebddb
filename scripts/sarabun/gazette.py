"""Royal Gazette (ราชกิจจานุเบกษา) citations parsed into structured fields.

Laws and many regulations take effect on publication in the Royal Gazette and are cited by where
they were published::

    ราชกิจจานุเบกษา เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑
    ราชกิจจานุเบกษา เล่ม 122 ตอนพิเศษ 34 ง ลงวันที่ 12 เมษายน 2548

``find_gazettes(text)`` returns every such citation with its volume (เล่ม), issue (ตอนที่ or
ตอนพิเศษ, ``special`` tells which), section letter (ก laws, ข, ค, ง announcements), pages and
BE date, each optional after the volume and issue, Thai or Arabic digits, the parts possibly
wrapped onto the next line. Offsets are code points of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .thai import (
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    BEDate,
    DateError,
    to_arabic_digits,
    to_thai_digits,
)

_MONTH = "|".join(re.escape(m) for m in sorted((*THAI_MONTHS, *THAI_MONTHS_ABBR), key=len,
                                                reverse=True))
# Parts are separated by spaces or commas, or by slashes in the Council of State's footnotes
# ("เล่ม ๑๐๘/ตอนที่ ๑๖๘/ฉบับพิเศษ หน้า ๑/๔ กันยายน ๒๕๓๔").
_S = r"[\s,/]*"
_GAZETTE_RE = re.compile(
    rf"(?:ราชกิจจานุเบกษา|ราชกิจจาฯ|ร\.จ\.|รจ\.)(?:{_S}ฉบับ(?:กฤษฎีกา|พิเศษ))?{_S}"
    rf"เล่ม(?:ที่)?{_S}(?P<volume>[0-9]+){_S}"
    rf"ตอน(?:{_S}(?P<special>พิเศษ)(?:{_S}ที่)?|{_S}ที่)?{_S}(?P<issue>[0-9]+)"
    rf"(?:[ \t]*(?P<section>[กขคง])(?![ก-๛]))?"
    rf"(?:{_S}\(?(?P<special2>ฉบับพิเศษ)\)?)?"
    rf"(?:{_S}หน้า{_S}(?P<page>[0-9]+)(?:[ \t]*[-–][ \t]*(?P<page_end>[0-9]+))?)?"
    rf"(?:{_S}(?:(?:ลง|เมื่อ)?วันที่{_S})?(?P<d>[0-9]{{1,2}}){_S}(?P<m>{_MONTH}){_S}"
    rf"(?:พ\.ศ\.{_S})?(?P<y>[0-9]{{4}})(?![0-9]))?")


@dataclass(frozen=True)
class GazetteRef:
    """One Royal Gazette citation: where it is and where the cited text was published."""

    start: int
    end: int
    text: str  # as written
    volume: int  # เล่ม
    issue: str  # ตอนที่ / ตอนพิเศษ number
    special: bool  # ตอนพิเศษ
    section: str | None  # ก ข ค ง
    page: int | None  # first page
    page_end: int | None
    date: BEDate | None

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "volume": self.volume, "issue": self.issue,
                "special": self.special, "section": self.section, "page": self.page,
                "page_end": self.page_end, "date": self.date.iso() if self.date else None}

    def label(self) -> str:
        """A normalised Thai label: ``เล่ม 122 ตอนพิเศษ 34 ง หน้า 1 วันที่ 12 เมษายน 2548``."""
        out = f"ราชกิจจานุเบกษา เล่ม {self.volume} {'ตอนพิเศษ' if self.special else 'ตอนที่'} "
        out += self.issue + (f" {self.section}" if self.section else "")
        if self.page is not None:
            out += f" หน้า {self.page}" + (f"-{self.page_end}" if self.page_end else "")
        if self.date is not None:
            out += f" วันที่ {self.date.thai(thai_digits=False)}"
        return out


def _date(m: re.Match[str]) -> BEDate | None:
    if not m.group("d"):
        return None
    name = m.group("m")
    month = (THAI_MONTHS.index(name) if name in THAI_MONTHS else THAI_MONTHS_ABBR.index(name)) + 1
    try:
        return BEDate.parse(f"{m.group('y')}-{month}-{m.group('d')}")
    except DateError:
        return None


# Every citation starts with one of these; most documents have none, and looking for them is far
# cheaper than converting the digits of the whole text (this runs on every document loaded).
_KEYWORD = re.compile(r"ราชกิจจา|ร\.?จ\.")


def find_gazettes(text: str) -> list[GazetteRef]:
    """Every Royal Gazette citation in ``text``, in order."""
    if not _KEYWORD.search(text):
        return []
    norm = to_arabic_digits(text)  # same length: offsets carry over
    out = []
    for m in _GAZETTE_RE.finditer(norm):
        page, page_end = m.group("page"), m.group("page_end")
        out.append(GazetteRef(
            start=m.start(), end=m.end(), text=text[m.start():m.end()],
            volume=int(m.group("volume")), issue=str(int(m.group("issue"))),
            special=m.group("special") is not None or m.group("special2") is not None,
            section=m.group("section"),
            page=int(page) if page else None, page_end=int(page_end) if page_end else None,
            date=_date(m)))
    return out


def parse_gazette(text: str) -> GazetteRef | None:
    """The first Royal Gazette citation in ``text``, if any."""
    found = find_gazettes(text)
    return found[0] if found else None


# A footnote marker at the start of a line: "[๑]", "\\[1\\]" (escaped by the importer), "[^1]:",
# "๑/" or "(๑)". Footnote 1 of an Act or decree as the Council of State publishes it is the
# Gazette issue that published the instrument itself; later footnotes cite its amendments.
_FOOTNOTE_ONE = re.compile(r"^[ \t>*_]*(?:\\?\[\^?0*1\\?\]:?|\(0*1\)|0*1/)[ \t]*", re.MULTILINE)


def own_gazette(body: str) -> GazetteRef | None:
    """The Gazette issue that published the document, as its text says: footnote 1's citation.

    Only a citation that starts footnote 1 counts (a citation elsewhere in the text is a citation
    of some other publication).
    """
    if not _KEYWORD.search(body):
        return None
    norm = to_arabic_digits(body)
    for m in _FOOTNOTE_ONE.finditer(norm):
        line_end = norm.find("\n\n", m.end())
        found = find_gazettes(body[m.end(): len(body) if line_end == -1 else line_end])
        if found and found[0].start == 0:
            g = found[0]
            return GazetteRef(g.start + m.end(), g.end + m.end(), g.text, g.volume, g.issue,
                              g.special, g.section, g.page, g.page_end, g.date)
    return None


_LEAD = "ราชกิจจานุเบกษา"


def parse_field(value: str) -> tuple[GazetteRef | None, str]:
    """A front-matter ``gazette:`` value, with or without the word ราชกิจจานุเบกษา.

    Returns the citation and whatever text is left over around it ('' when it is all used).
    """
    text = " ".join(value.split())
    if not text.startswith(("ราชกิจจา", "ร.จ.", "รจ.")):
        text = f"{_LEAD} {text}"
    g = parse_gazette(text)
    if g is None:
        return None, value.strip()
    rest = (text[:g.start] + " " + text[g.end:]).strip(" ,./()")
    return g, rest


def thai_parts(g: GazetteRef) -> list[tuple[str, str]]:
    """(Thai label, value with Thai digits) of each known part, for the page."""
    parts = [("เล่ม", to_thai_digits(str(g.volume))),
             ("ตอนพิเศษ" if g.special else "ตอนที่", to_thai_digits(g.issue))]
    if g.section:
        parts.append(("ประเภท", g.section))
    if g.page is not None:
        pages = str(g.page) + (f"–{g.page_end}" if g.page_end else "")
        parts.append(("หน้า", to_thai_digits(pages)))
    if g.date is not None:
        parts.append(("วันที่", g.date.thai()))
    return parts
