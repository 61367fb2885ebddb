"""Legal basis: the provisions an order or regulation says it is made under ("อาศัยอำนาจตาม...").

Thai instruments state their authority in a fixed phrase: "อาศัยอำนาจตามความในมาตรา ๑๑ และมาตรา ๑๒
แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔", with variants ("ตามมาตรา ๑๑ (๘)", "ข้อ ๕ ของ
ระเบียบ...", several instruments joined by "และ", "ซึ่งแก้ไขเพิ่มเติมโดย..." after one). ``find_basis``
reads that phrase after each "อาศัยอำนาจ" in a text already normalised by ``citations.normalize``
(Thai digits, no-break spaces and line breaks inside a paragraph tamed) and pairs each list of
provisions with the citation the detector (``citations.find_citations``) found right after "แห่ง" or
"ของ", so the cited instrument is resolved to a repository document exactly as other citations
are. Each provision gets the anchor the cited page gives it (``section-11`` for มาตรา ๑๑,
``clause-5`` for ข้อ ๕; see ``render.add_clause_anchors``). Offsets are code points of the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import Citation, CorpusIndex, Normalized, describe, find_citations, normalize

if TYPE_CHECKING:
    from .corpus import Corpus

_W = r"[ \t]*(?:\n[ \t]*)?"  # spaces, and at most one line break (never a blank line)
_TRIGGER = re.compile(rf"อาศัยอำนาจ{_W}(?:หน้าที่{_W})?ตาม{_W}(?:ความ{_W}(?:ใน|แห่ง)?{_W}"
                      rf"|บทบัญญัติ{_W}(?:แห่ง|ของ|ใน)?{_W})?")
#: ทวิ, ตรี, จัตวา ...: sections inserted after section N (มาตรา ๖ ทวิ), in the old style.
LATIN = {"ทวิ": "bis", "ตรี": "ter", "จัตวา": "quater", "เบญจ": "quinquies", "ฉ": "sexies",
         "สัตต": "septies", "อัฏฐ": "octies", "นว": "novies"}
_LATIN_RE = "|".join(sorted(LATIN, key=len, reverse=True))
_ORD = "หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ"
_PROV = re.compile(
    rf"(?P<word>มาตรา|ข้อ)?{_W}(?P<n>[0-9]+)(?:/(?P<sub>[0-9]+))?(?![0-9]|\.[0-9])"
    rf"(?:[ \t]*(?P<latin>{_LATIN_RE})(?![ก-๛]))?"
    rf"(?:{_W}วรรค(?:{_ORD}|[ \t]*[0-9]+))?(?:{_W}\([0-9]+\))*")
_SEP = re.compile(rf"{_W}(?:,|และ|หรือ|ประกอบ(?:กับ)?)?{_W}")
_SUBPARA = re.compile(rf"{_W}(?:,|และ|หรือ){_W}(\([0-9]+\)(?:{_W}\([0-9]+\))*)")
_OF = re.compile(rf"{_W}(?:แห่ง|ของ|ใน|ตาม){_W}")
_AMENDED = re.compile(rf"{_W}(?:และ|ซึ่ง)?{_W}(?:ที่)?{_W}แก้ไขเพิ่มเติม{_W}(?:โดย{_W})?")
# When the detector has no citation there, the instrument's title up to its year still names it.
_TITLE = re.compile(rf"(?:พระราชบัญญัติ|พระราชกฤษฎีกา|พระราชกำหนด|กฎกระทรวง|ระเบียบ|ประกาศ|"
                    rf"ข้อบังคับ|คำสั่ง|รัฐธรรมนูญ)[^\n]{{0,160}}?พ\.ศ\.{_W}[0-9]{{4}}")


@dataclass(frozen=True)
class Provision:
    """One provision relied on: ``มาตรา 11 (8)`` (Arabic digits), where it is written."""

    text: str
    word: str  # มาตรา or ข้อ
    number: str  # "11", "12/1"
    latin: str = ""  # bis, ter ... for มาตรา ๖ ทวิ
    start: int = 0
    end: int = 0

    @property
    def anchor(self) -> str:
        """The id of this provision on the cited document's page."""
        n, _, sub = self.number.partition("/")
        out = ("section-" if self.word == "มาตรา" else "clause-") + str(int(n))
        if sub:
            out += f"-{int(sub)}"
        return out + (f"-{self.latin}" if self.latin else "")


@dataclass(frozen=True)
class Basis:
    """Provisions of one instrument that a document says it is made under."""

    start: int  # the whole phrase for this instrument, from its first provision
    end: int
    provisions: tuple[Provision, ...]
    label: str  # the instrument, as described for people (its title)
    kind: str  # a citations.KINDS value, or "" when only its title was read
    target: str | None  # repository id, when the instrument is in the repository
    ref: str  # identity of the instrument (the target, or the detector's key)

    def text(self) -> str:
        """``มาตรา 11 และมาตรา 12 แห่ง พระราชบัญญัติ... พ.ศ. 2534`` (Arabic digits)."""
        provs = " และ".join(p.text for p in self.provisions)
        return f"{provs} แห่ง{self.label}" if provs else self.label

    def as_dict(self) -> dict[str, object]:
        return {"provisions": [{"text": p.text, "anchor": p.anchor} for p in self.provisions],
                "instrument": self.label, "kind": self.kind, "target": self.target,
                "text": self.text()}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[ \t]*\n[ \t]*", "", text)).strip()


def find_basis(text: str, citations: Sequence[Citation]) -> list[Basis]:
    """The legal basis stated in ``text``, given the citations found in it (in order)."""
    if "อำนาจ" not in text:  # most documents: skip normalising them again
        return []
    norm = normalize(text)
    t = norm.text
    full = [c for c in citations if c.form == "full"]
    # Citation offsets on the normalised text, to meet the grammar's positions.
    n_start = [bisect.bisect_left(norm.starts, c.start) for c in full]
    n_end = [bisect.bisect_left(norm.starts, c.end) for c in full]
    out: list[Basis] = []
    for trig in _TRIGGER.finditer(t):
        pos = trig.end()
        while True:
            provs, pos2 = _provisions(t, pos, norm)
            m = _OF.match(t, pos2) if provs else None
            at = m.end() if m else pos2
            i = next((k for k in range(len(full))
                      if n_start[k] <= at < n_end[k] and n_start[k] >= trig.start()), None)
            if i is None and not provs:
                break
            if i is not None:
                c = full[i]
                end = n_end[i]
                basis = Basis(0, 0, tuple(provs), c.label or describe(c), c.kind, c.target,
                              c.ref)
                # "... พ.ศ. 2534 ซึ่งแก้ไขเพิ่มเติมโดย พระราชบัญญัติ... (ฉบับที่ 5) พ.ศ. 2545"
                for k in range(i + 1, len(full)):
                    a = _AMENDED.match(t, end)
                    gap = a.end() if a else end
                    if n_start[k] <= gap < n_end[k] or (full[k].kind == "amendment"
                                                         and n_start[k] - end <= 3):
                        end = n_end[k]
                    else:
                        break
            else:
                title = _TITLE.match(t, at)
                if title is None:
                    break
                end = title.end()
                label = _clean(title.group())
                basis = Basis(0, 0, tuple(provs), label, "", None, label)
            first = provs[0].start if provs else norm.span(at, at + 1)[0]
            s, e = first, norm.span(end - 1, end)[1]
            out.append(Basis(s, e, basis.provisions, basis.label, basis.kind, basis.target,
                             basis.ref))
            sep = _SEP.match(t, end)
            pos = sep.end() if sep and sep.end() > end else end
            again = _PROV.match(t, pos)
            if again is None or not again.group("word"):
                break
    return out


def _provisions(t: str, pos: int, norm: Normalized) -> tuple[list[Provision], int]:
    """A list of provisions at ``pos`` ("มาตรา 11 และมาตรา 12 (3)"), and where it ends.

    A bare number continues the list only after "และ" or a comma ("มาตรา 5 และ 6").
    """
    out: list[Provision] = []
    word = ""
    while True:
        m = _PROV.match(t, pos)
        if m is None or not (m.group("word") or word):
            break
        word = m.group("word") or word
        begin = m.start() if m.group("word") else m.start("n")
        s, e = norm.span(begin, m.end())
        text = re.sub(r"^(มาตรา|ข้อ) ?", r"\1 ", _clean(t[begin:m.end()]))
        if not m.group("word"):
            text = f"{word} {text}"
        number = m.group("n") + (f"/{m.group('sub')}" if m.group("sub") else "")
        out.append(Provision(text, word, number, LATIN.get(m.group("latin") or "", ""), s, e))
        pos = m.end()
        sub = _SUBPARA.match(t, pos)
        if sub:  # "มาตรา 11 (8) และ (9)": more sub-paragraphs of the same section
            last = out[-1]
            out[-1] = Provision(f"{last.text} และ {_clean(sub.group(1))}", last.word,
                                last.number, last.latin, last.start,
                                norm.span(sub.start(1), sub.end())[1])
            pos = sub.end()
        sep = _SEP.match(t, pos)
        if sep is None or sep.end() == pos:
            break
        nxt = _PROV.match(t, sep.end())
        joined = re.search(r"และ|,|หรือ", t[pos:sep.end()]) is not None
        if nxt is None or not (nxt.group("word") or joined):
            break
        pos = sep.end()
    return out, pos


def corpus_basis(corpus: Corpus) -> dict[str, list[Basis]]:
    """The legal basis of every document of ``corpus`` that states one, by id.

    Computed once per corpus (the site's citation index stores what it found there first).
    """
    if corpus.legal_basis is not None:
        return corpus.legal_basis
    out: dict[str, list[Basis]] = {}
    docs = [d for d in corpus.documents if "อำนาจ" in d.body]
    index = CorpusIndex.from_corpus(corpus) if docs else None
    for doc in docs:
        assert index is not None
        found = find_basis(doc.body, find_citations(doc.body, index))
        if found:
            out[str(doc.id)] = found
    corpus.legal_basis = out
    return out
