"""Citations on the site: links in the text, "ถูกอ้างถึงโดย", relations, abbreviations, wanted page.

``CiteIndex.build`` runs the citation detector (``sarabun.citations``) once over every document of
the corpus and keeps, per document, where each citation can safely become a link, and, per cited
document, who cites it (backlinks). Everything the pages need is read from that one index:

- ``render_body``: the document body with the clause anchors of ``render.add_clause_anchors``, each
  resolved citation made a link to the cited page (and to ``#clause-N`` when the cited clause has
  an anchor there), each unresolved one marked with an id so the wanted page can point at it, and
  organisation abbreviations from the registry wrapped in ``<abbr title="full name">``. Tags are
  inserted at the detector's offsets into the staff's Markdown; a citation is trimmed or skipped
  where a tag would break markup (code, existing links, HTML, headings, attr lists, ``*`` or ``|``
  inside the citation, a wrapped line that starts a new block).
- ``cited_by_section``: the documents citing this one, each with the sentence around the citation.
- ``relations_notice`` and ``relation_rows``: amends/repeals from front matter together with the
  amendments found in the text ("...และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2548"), both ways.
- ``wanted_page``: documents cited but not in the repository, most cited first, with links to every
  place they are cited: the to-do list for digitisation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .citations import KIND_LABELS, Citation, CorpusIndex, find_citations
from .legal_basis import Basis, find_basis
from .model import Document
from .registry import Organization
from .render import (
    CONTRIBUTE_PAGE,
    Site,
    add_clause_anchors,
    clause_id,
    doc_src,
    esc,
    front_matter,
    sort_documents,
    thai_count,
)
from .thai import THAI_MONTHS_ABBR, to_arabic_digits, to_thai_digits

WANTED_PAGE = "browse/wanted.md"
CITED_BY_ID = "cited-by"
#: Excerpt length on each side of a citation, in characters.
EXCERPT_CONTEXT = 70
#: Excerpts shown per citing document on the cited page.
EXCERPTS_PER_DOC = 3

#: Abbreviations that are also ordinary words or dates (ก.พ. is February, กก. kilogram, สป. a
#: week): marked only inside a citation whose issuer the detector resolved to that organisation.
AMBIGUOUS_ABBREVIATIONS = frozenset(THAI_MONTHS_ABBR) | {"กก.", "สป.", "ปค.", "พน."}

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_DOTTED_NEXT = re.compile(r"[\u0e01-\u0e2e]{1,3}\.")
_CLAUSE_NO = re.compile(r"(ข้อ|มาตรา)\s*([0-9]+)(?:/([0-9]+))?(?:\s*(ทวิ|ตรี|จัตวา|เบญจ))?")
_ANCHOR = re.compile(r'\{#((?:clause|section)-[0-9a-z-]+)\}|id="((?:clause|section)-[0-9a-z-]+)"')


# --- where tags may go ---------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_HTML_LINE = re.compile(r"^\s*<")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|[0-9๐-๙]+[.)])\s")
_BLOCK_START = re.compile(r"^\s*(#|>|[-*+]\s|[0-9๐-๙]+[.)]\s|\||$)")
_INLINE_UNSAFE = re.compile(
    r"<!--.*?-->"  # comments
    r"|<a\b[^>]*>.*?</a>"  # existing HTML links, with their text
    r"|<[^>\n]*>"  # any other tag, with its attributes
    r"|`+[^`]*`+"  # code spans
    r"|!?\[[^\]]*\]\([^)]*\)"  # Markdown links and images
    r"|!?\[[^\]]*\]\[[^\]]*\]"  # reference links
    r"|\{[^{}\n]*\}"  # attr lists
    r"|https?://\S+"  # bare addresses
    r"|&#?[A-Za-z0-9]+;",  # entities
    re.DOTALL,
)
#: Characters that are Markdown markup; a citation is cut before the first one.
_MARKUP_CHARS = re.compile(r"[*_`\[\]<>|\\{}]")


def unsafe_mask(text: str) -> list[bool]:
    """For each character of a Markdown text, whether a tag must not be inserted next to it.

    Fenced and indented code, headings (their text and attr lists), raw HTML lines, link
    definitions, and inline code, links, tags, attr lists, addresses and entities are unsafe.
    """
    mask = [False] * len(text)
    pos = 0
    in_fence = in_list = prev_code = False
    prev_blank = True
    for line in text.split("\n"):
        end = pos + len(line)
        fence = bool(_FENCE.match(line))
        indented = line.startswith(("    ", "\t"))
        # Indented code starts after a blank line outside a list (nested list items are indented).
        code = indented and not in_list and (prev_blank or prev_code) and bool(line.strip())
        if (in_fence or fence or code or _HEADING.match(line) or _HTML_LINE.match(line)
                or _REF_DEF.match(line)):
            mask[pos:end] = [True] * (end - pos)
        if fence:
            in_fence = not in_fence
        if line.strip():
            if _LIST_ITEM.match(line):
                in_list = True
            elif not indented and prev_blank:
                in_list = False
        prev_blank, prev_code = not line.strip(), code or (prev_code and not line.strip())
        pos = end + 1
    for m in _INLINE_UNSAFE.finditer(text):
        mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def safe_span(text: str, start: int, end: int, mask: list[bool]) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` that can be wrapped in a tag, or None.

    The span is cut before the first markup character and before a line that starts a new block
    (or any line break when it starts in a table row); it is dropped if the rest is too short
    to be the citation or touches an unsafe character.
    """
    surface = text[start:end]
    cut = _MARKUP_CHARS.search(surface)
    stop = start + cut.start() if cut else end
    line_start = text.rfind("\n", 0, start) + 1
    in_table = text[line_start:start].lstrip().startswith("|")
    nl = text.find("\n", start, stop)
    while nl != -1:
        next_end = text.find("\n", nl + 1)
        next_line = text[nl + 1: next_end if next_end != -1 else len(text)]
        if in_table or _BLOCK_START.match(next_line) or next_line.startswith(("    ", "\t")):
            stop = nl
            break
        nl = text.find("\n", nl + 1, stop)
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    kept = text[start:stop].strip()
    if len(kept) < min(len(surface.strip()), 6):
        return None
    if any(mask[start:stop]):
        return None
    return start, stop


# --- the index -----------------------------------------------------------------------------------

@dataclass
class Placed:
    """A citation in a document, and where (if anywhere) it is marked in the page."""

    doc: Document
    cite: Citation
    number: int  # 1-based among the document's citations: the anchor ``cite-N``
    span: tuple[int, int] | None = None  # offsets into doc.body, when marked in the text

    @property
    def anchor(self) -> str:
        return f"cite-{self.number}"


@dataclass(frozen=True)
class Relation:
    """``source`` amends or repeals ``target``; ``found_in`` lists documents whose text says so."""

    source: str
    target: str
    kind: str  # "amends" or "repeals"
    found_in: tuple[str, ...] = ()

    @property
    def detected(self) -> bool:
        return bool(self.found_in)


@dataclass
class WantedDoc:
    """A document cited but not in the repository."""

    ref: str
    kind: str
    label: str
    places: list[Placed] = field(default_factory=list)


@dataclass
class CiteIndex:
    """Citations of the whole corpus, computed once per build."""

    citations: dict[str, list[Placed]] = field(default_factory=dict)
    cited_by: dict[str, list[Placed]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    wanted: list[WantedDoc] = field(default_factory=list)
    clause_anchors: dict[str, set[str]] = field(default_factory=dict)
    abbreviations: dict[str, Organization] = field(default_factory=dict)
    #: legal basis ("อาศัยอำนาจตาม...") of each document that states one (``legal_basis``)
    basis: dict[str, list[Basis]] = field(default_factory=dict)
    _abbr_re: re.Pattern[str] | None = None

    @classmethod
    def build(cls, site: Site) -> CiteIndex:
        corpus = site.corpus
        out = cls()
        index = CorpusIndex.from_corpus(corpus)
        cited_by: dict[str, list[Placed]] = defaultdict(list)
        wanted: dict[str, WantedDoc] = {}
        detected: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for doc in corpus.documents:
            key = str(doc.id)
            anchored = add_clause_anchors(doc.body)
            out.clause_anchors[key] = {a or b for a, b in _ANCHOR.findall(anchored)}
            mask = unsafe_mask(doc.body)
            placed = []
            cites = find_citations(doc.body, index)
            if basis := find_basis(doc.body, cites):
                out.basis[key] = basis
            for n, c in enumerate(cites, start=1):
                shown = c.target is None or (c.target != key and c.target in site.by_id)
                span = safe_span(doc.body, c.start, c.end, mask) if shown else None
                p = Placed(doc, c, n, span)
                placed.append(p)
                if c.target is None:
                    wanted.setdefault(c.ref, WantedDoc(c.ref, c.kind, c.label)).places.append(p)
                elif c.target != key:
                    cited_by[c.target].append(p)
                if c.kind == "amendment" and c.target and c.base and c.target != c.base:
                    found = detected[(c.target, c.base, "amends")]
                    if key not in found:
                        found.append(key)
            out.citations[key] = placed
        out.cited_by = dict(cited_by)
        if corpus.legal_basis is None:  # found with the citations: the exports reuse it
            corpus.legal_basis = out.basis
        out.wanted = sorted(wanted.values(), key=lambda w: (-len(w.places), w.kind, w.label))
        declared = {(str(d.id), t, kind) for d in corpus.documents
                    for kind in ("amends", "repeals") for t in getattr(d, kind)}
        out.relations = [Relation(s, t, k) for s, t, k in sorted(declared)]
        out.relations += [Relation(s, t, k, tuple(f)) for (s, t, k), f in sorted(detected.items())
                          if (s, t, k) not in declared]
        out.abbreviations = {a: org for a, org in corpus.registry.abbreviations().items()
                             if _THAI.search(a)}
        return out

    # -- relations

    def relations_of(self, doc_id: str) -> tuple[list[Relation], list[Relation]]:
        """(relations where the document acts, relations where it is acted on)."""
        return ([r for r in self.relations if r.source == doc_id],
                [r for r in self.relations if r.target == doc_id])

    # -- abbreviations

    def abbr_pattern(self) -> re.Pattern[str] | None:
        if self._abbr_re is None and self.abbreviations:
            names = sorted(self.abbreviations, key=len, reverse=True)
            alts = [r"[ \u00a0]+".join(re.escape(p) for p in n.split()) for n in names]
            self._abbr_re = re.compile("|".join(alts))
        return self._abbr_re

    def find_abbreviations(self, text: str, mask: list[bool],
                           placed: Iterable[Placed]) -> list[tuple[int, int, Organization]]:
        """Registered abbreviations in ``text`` that can safely get an ``<abbr>``."""
        pattern = self.abbr_pattern()
        if pattern is None:
            return []
        spans = [(p.span, p.cite.issuer) for p in placed if p.span is not None]
        out = []
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            spelling = " ".join(m.group().split())
            org = self.abbreviations.get(spelling)
            if org is None or any(mask[s:e]):
                continue
            before = text[s - 1] if s > 0 else " "
            dotted = "." in spelling[:-1]
            if before == "." or (not dotted and _THAI_LETTER.match(before)):
                continue
            if _DOTTED_NEXT.match(text, e):
                continue  # ก.พ. in ก.พ.ค.: part of a longer abbreviation
            inside = [(span, issuer) for span, issuer in spans if span[0] < e and s < span[1]]
            if any(not (span[0] <= s and e <= span[1]) for span, _ in inside):
                continue  # would cross a link's edge
            if spelling in AMBIGUOUS_ABBREVIATIONS and not any(i == org.id for _, i in inside):
                continue
            out.append((s, e, org))
        return out


def cite_index(site: Site) -> CiteIndex:
    """The site's citation index, built on first use and kept on the site."""
    if site.cites is None:
        site.cites = CiteIndex.build(site)
    return site.cites


# --- the body ------------------------------------------------------------------------------------

def clause_fragment(c: Citation, anchors: set[str]) -> str:
    """``clause-12`` for a citation of ข้อ ๑๒ (``section-12`` for มาตรา ๑๒) when the cited page
    has that anchor, else ''."""
    if not c.clause:
        return ""
    m = _CLAUSE_NO.match(to_arabic_digits(c.clause))
    if not m:
        return ""
    frag = clause_id(m.group(2), m.group(3), m.group(1), m.group(4))
    return frag if frag in anchors else ""


def citation_href(site: Site, from_src: str, c: Citation) -> str:
    """Escaped href of a resolved citation (with the clause fragment when there is one)."""
    idx = cite_index(site)
    target = site.by_id[c.target or ""]
    frag = clause_fragment(c, idx.clause_anchors.get(str(target.id), set()))
    return site.link(from_src, doc_src(target)) + (f"#{frag}" if frag else "")


def _tags(site: Site, doc: Document, p: Placed) -> tuple[str, str]:
    c = p.cite
    src = doc_src(doc)
    if c.target and c.target != str(doc.id) and c.target in site.by_id:
        target = site.by_id[c.target]
        title = target.title + (f" {c.clause}" if c.clause else "")
        return (f'<a class="sarabun-cite" id="{p.anchor}" href="{citation_href(site, src, c)}" '
                f'title="{esc(title)}">', "</a>")
    if c.target is None:
        return (f'<span class="sarabun-cite sarabun-cite--wanted" id="{p.anchor}" '
                f'title="{esc("ยังไม่มีในคลังเอกสาร: " + c.label)}">', "</span>")
    return "", ""


def _basis_links(site: Site, doc: Document, placed: list[Placed],
                 mask: list[bool]) -> list[tuple[int, int, int, str]]:
    """Links for the provisions of a legal basis that no citation covers: the "มาตรา ๑๑" of
    "อาศัยอำนาจตามความในมาตรา ๑๑ และมาตรา ๑๒ แห่ง..." (the citation starts at มาตรา ๑๒)."""
    idx = cite_index(site)
    out: list[tuple[int, int, int, str]] = []
    for b in idx.basis.get(str(doc.id), []):
        target = site.by_id.get(b.target or "")
        if target is None or b.target == str(doc.id):
            continue
        anchors = idx.clause_anchors.get(str(target.id), set())
        for prov in b.provisions:
            if any(p.span and p.span[0] < prov.end and prov.start < p.span[1] for p in placed):
                continue
            span = safe_span(doc.body, prov.start, prov.end, mask)
            if span is None:
                continue
            frag = f"#{prov.anchor}" if prov.anchor in anchors else ""
            href = site.link(doc_src(doc), doc_src(target)) + frag
            title = esc(f"{target.title} {prov.text}")
            out += [(span[0], 1, 0, f'<a class="sarabun-cite" href="{href}" title="{title}">'),
                    (span[1], 0, 0, "</a>")]
    return out


def render_body(site: Site, doc: Document) -> str:
    """The page text of ``doc``: clause anchors, citation links and abbreviations added."""
    idx = cite_index(site)
    body = doc.body
    mask = unsafe_mask(body)
    placed = idx.citations.get(str(doc.id), [])
    # (position, order, text): closing tags before opening ones, inner closes before outer.
    inserts: list[tuple[int, int, int, str]] = []
    for p in placed:
        if p.span is None:
            continue
        open_tag, close_tag = _tags(site, doc, p)
        if open_tag:
            inserts += [(p.span[0], 1, 0, open_tag), (p.span[1], 0, 0, close_tag)]
    inserts += _basis_links(site, doc, placed, mask)
    for s, e, org in idx.find_abbreviations(body, mask, placed):
        inserts += [(s, 1, 1, f'<abbr title="{esc(org.name_th)}">'), (e, 0, -1, "</abbr>")]
    inserts.sort(key=lambda t: (t[0], t[1], t[2]))

    lead = len(body) - len(body.lstrip("\n"))
    text = body.strip("\n")
    lines = text.split("\n")
    anchored = add_clause_anchors(text).split("\n")
    by_line: dict[int, list[tuple[int, str]]] = defaultdict(list)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    li = 0
    for pos, _, _, tag in inserts:
        rel = pos - lead
        while li + 1 < len(starts) and starts[li + 1] <= rel:
            li += 1
        by_line[li].append((rel - starts[li], tag))
    out = []
    for i, (orig, new) in enumerate(zip(lines, anchored, strict=True)):
        if i not in by_line:
            out.append(new)
            continue
        pieces, last = [], 0
        for col, tag in by_line[i]:
            pieces += [orig[last:col], tag]
            last = col
        linked = "".join(pieces) + orig[last:]
        # add_clause_anchors only prefixes a paragraph with an anchor span (headings are masked).
        prefix = new[: len(new) - len(orig)] if new.endswith(orig) else ""
        out.append(prefix + linked)
    return "\n".join(out)


# --- excerpts ------------------------------------------------------------------------------------

_STRIP_MARKUP = re.compile(r"\*\*|__|\\(?=[^\w\s])|<[^>\n]*>|\{[^{}\n]*\}")
_LINE_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|[0-9]+[.)]\s+)")


def _clean(text: str) -> str:
    lines = [_LINE_LEAD.sub("", ln) for ln in text.split("\n")]
    out = _STRIP_MARKUP.sub("", " ".join(lines)).replace("|", " ")
    return " ".join(out.split())


def excerpt_html(body: str, c: Citation) -> str:
    """The sentence around a citation, escaped, the citation itself in ``<mark>``."""
    line_start = body.rfind("\n", 0, c.start) + 1
    line_end = body.find("\n", c.end)
    line_end = len(body) if line_end == -1 else line_end
    left_from = max(line_start, c.start - EXCERPT_CONTEXT)
    right_to = min(line_end, c.end + EXCERPT_CONTEXT)
    if left_from > line_start:  # start at a word gap
        gap = body.find(" ", left_from, c.start)
        left_from = gap + 1 if gap != -1 else left_from
    if right_to < line_end:
        gap = body.rfind(" ", c.end, right_to)
        right_to = gap if gap != -1 else right_to
    left = _clean(body[left_from:c.start])
    right = _clean(body[c.end:right_to])
    mid = _clean(body[c.start:c.end])
    pre = "…" if left_from > line_start else ""
    post = "…" if right_to < line_end else ""
    return (f"{pre}{esc(left)}{' ' if left and body[c.start - 1].isspace() else ''}"
            f"<mark>{esc(mid)}</mark>{' ' if right and body[c.end].isspace() else ''}"
            f"{esc(right)}{post}")


def place_link(site: Site, from_src: str, p: Placed) -> str:
    """Escaped href to a citation's place: the citing page, at the citation when it is marked."""
    href = site.link(from_src, doc_src(p.doc))
    return href + (f"#{p.anchor}" if p.span is not None else "")


# --- sections of a document page -----------------------------------------------------------------

def cited_by_section(site: Site, doc: Document) -> str:
    """"ถูกอ้างถึงโดย": each citing document with the sentences that cite this one."""
    idx = cite_index(site)
    places = idx.cited_by.get(str(doc.id), [])
    if not places:
        return ""
    src = doc_src(doc)
    by_doc: dict[str, list[Placed]] = defaultdict(list)
    for p in places:
        by_doc[str(p.doc.id)].append(p)
    items = []
    for citing in sort_documents(p[0].doc for p in by_doc.values()):
        ps = by_doc[str(citing.id)]
        quotes = "".join(
            f'<li><a class="sarabun-citedby__quote" href="{place_link(site, src, p)}">'
            f"{excerpt_html(citing.body, p.cite)}</a></li>"
            for p in ps[:EXCERPTS_PER_DOC])
        rest = to_thai_digits(str(len(ps) - EXCERPTS_PER_DOC))
        more = (f'<li class="sarabun-citedby__more">และอีก {esc(rest)} แห่ง</li>'
                if len(ps) > EXCERPTS_PER_DOC else "")
        items.append(
            '<li class="sarabun-citedby__doc">'
            + site.a(src, doc_src(citing), citing.title, "sarabun-citedby__title")
            + f' <span class="sarabun-count">{esc(thai_count(len(ps), "แห่ง"))}</span>'
            + f'<ul class="sarabun-citedby__quotes">{quotes}{more}</ul></li>')
    return (f"\n## ถูกอ้างถึงโดย ({esc(thai_count(len(by_doc)))}) {{#{CITED_BY_ID}}}\n\n"
            '<ul class="sarabun-citedby">\n' + "\n".join(items) + "\n</ul>\n")


def _relation_links(site: Site, src: str, rels: Iterable[Relation], end: str) -> str:
    parts = []
    for r in rels:
        other = site.by_id.get(getattr(r, end))
        if other is None:
            continue
        link = site.a(src, doc_src(other), other.title)
        if r.detected:
            where = ", ".join(site.a(src, doc_src(site.by_id[f]), site.by_id[f].title)
                              for f in r.found_in if f in site.by_id)
            link += f' <span class="sarabun-detected">(พบจากข้อความของ {where})</span>'
        parts.append(f"<li>{link}</li>")
    return "<ul>" + "".join(parts) + "</ul>" if parts else ""


def relations_notice(site: Site, doc: Document) -> str:
    """A prominent notice when the document was repealed or amended, or repeals/amends others."""
    idx = cite_index(site)
    key = str(doc.id)
    src = doc_src(doc)
    acts, acted_on = idx.relations_of(key)
    boxes = []
    for kind, cls, title in (("repeals", "danger", "เอกสารนี้ถูกยกเลิกแล้ว"),
                             ("amends", "warning", "เอกสารนี้มีการแก้ไขเพิ่มเติม")):
        rels = [r for r in acted_on if r.kind == kind]
        links = _relation_links(site, src, rels, "source")
        if links:
            verb = "ยกเลิกโดย" if kind == "repeals" else "แก้ไขเพิ่มเติมโดย"
            boxes.append(f'<div class="admonition {cls} sarabun-relation" role="note">\n'
                         f'<p class="admonition-title">{esc(title)}</p>\n'
                         f"<p>{esc(verb)}</p>{links}\n</div>\n")
    for kind, label in (("repeals", "ฉบับนี้ยกเลิก"), ("amends", "ฉบับนี้แก้ไขเพิ่มเติม")):
        links = _relation_links(site, src, [r for r in acts if r.kind == kind], "target")
        if links:
            boxes.append(f'<div class="admonition info sarabun-relation" role="note">\n'
                         f'<p class="admonition-title">{esc(label)}</p>{links}\n</div>\n')
    return "".join(boxes) + ("\n" if boxes else "")


def relation_rows(site: Site, doc: Document) -> list[tuple[str, str]]:
    """(label, value HTML) rows for the metadata panel: relations found only in the text."""
    idx = cite_index(site)
    src = doc_src(doc)
    acts, acted_on = idx.relations_of(str(doc.id))
    rows = []
    for rels, end, labels in ((acts, "target", {"amends": "แก้ไขเอกสาร (พบจากข้อความ)",
                                                "repeals": "ยกเลิกเอกสาร (พบจากข้อความ)"}),
                              (acted_on, "source", {"amends": "ถูกแก้ไขโดย (พบจากข้อความ)",
                                                    "repeals": "ถูกยกเลิกโดย (พบจากข้อความ)"})):
        for kind, label in labels.items():
            found = [r for r in rels if r.detected and r.kind == kind]
            links = [site.a(src, doc_src(site.by_id[getattr(r, end)]),
                            site.by_id[getattr(r, end)].title)
                     for r in found if getattr(r, end) in site.by_id]
            if links:
                rows.append((label, "<br>".join(links)))
    return rows


# --- the wanted page -----------------------------------------------------------------------------

def wanted_page(site: Site) -> str:
    """Documents cited but not in the repository, most cited first, with every place cited."""
    idx = cite_index(site)
    src = WANTED_PAGE
    out = [front_matter("เอกสารที่ถูกอ้างถึงแต่ยังไม่มีในคลัง", h1=True),
           "เอกสารที่เอกสารในคลังอ้างถึง แต่ยังไม่มีในคลัง เรียงจากที่ถูกอ้างถึงบ่อยที่สุด "
           "ใช้เป็นรายการงานนำเข้าเอกสาร ผู้ที่มีต้นฉบับดูวิธีส่งเข้าคลังได้ที่ "
           f'<a href="{site.link(src, CONTRIBUTE_PAGE)}">การมีส่วนร่วม</a>\n\n']
    if not idx.wanted:
        out.append('<p class="sarabun-empty">ไม่มีเอกสารที่ถูกอ้างถึงแต่ยังไม่มีในคลัง</p>\n')
    else:
        out.append('<ol class="sarabun-wanted">\n')
        for w in idx.wanted:
            kind = KIND_LABELS.get(w.kind, w.kind)
            places = "".join(
                f'<li><a href="{place_link(site, src, p)}">{esc(p.doc.title)}</a>'
                f' <span class="sarabun-wanted__quote">{excerpt_html(p.doc.body, p.cite)}</span>'
                "</li>" for p in w.places)
            out.append(
                '<li class="sarabun-wanted__item">'
                f'<span class="sarabun-wanted__label">{esc(w.label)}</span> '
                f'<span class="sarabun-doclist__type">{esc(kind)}</span> '
                '<span class="sarabun-count">ถูกอ้างถึง '
                f'{esc(thai_count(len(w.places), "ครั้ง"))}</span>'
                f'<ul class="sarabun-wanted__places">{places}</ul></li>\n')
        out.append("</ol>\n")
    meta_only = [d for d in site.corpus.documents if d.status.code == "metadata-only"]
    if meta_only:
        out.append("\n## มีเฉพาะข้อมูลเมตา {#metadata-only}\n\n"
                   "เอกสารเหล่านี้มีข้อมูลในคลังแล้ว แต่ยังไม่มีข้อความฉบับเต็ม\n\n"
                   '<ul class="sarabun-index">\n')
        for d in sort_documents(meta_only):
            n = len({str(p.doc.id) for p in idx.cited_by.get(str(d.id), [])})
            note = f"ถูกอ้างถึงใน {thai_count(n)}" if n else "ยังไม่พบการอ้างถึง"
            out.append(f"<li>{site.a(src, doc_src(d), d.title)} "
                       f'<span class="sarabun-count">{esc(note)}</span></li>\n')
        out.append("</ul>\n")
    return "".join(out)
