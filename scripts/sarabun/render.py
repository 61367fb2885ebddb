"""The public site's generated pages, as Markdown text: one per document and every index page.

Plain functions of a Corpus, with no mkdocs import: ``render_site`` returns ``{src_uri: markdown}``
and the thin ``sarabun.mkdocs_plugin`` hands each entry to mkdocs as a generated file. Document
pages live at ``<category>/<id>.md`` so their URL is ``Document.url``; index pages live under
``browse/`` and the staff reference pages under ``staff/``.

Everything taken from metadata or the registries goes into raw HTML that is escaped here (mkdocs
templates do not escape, and Markdown would read ``*`` or ``[`` in a title as markup), and links
in that HTML are made relative by ``link`` so the site works from any folder or host. The document
body itself is the staff's Markdown (``checks`` forbids script in it); the only change made to it
is a stable anchor (``clause-12``) on each clause heading ``ข้อ ๑๒`` so that later work can link
to clauses.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from .corpus import Corpus
from .model import DOC_TYPES, FIELD_SPECS, FIELDS, STATUSES, Category, DocType, Document, Kind
from .problems import CODES, WARNING_CODES
from .thai import THAI_DIGITS, thai_sorted, to_arabic_digits, to_thai_digits

if TYPE_CHECKING:
    from .province_items import ProvinceEntry
    from .render_citations import CiteIndex
    from .render_history import SiteHistory
    from .render_meeting import FollowUpIndex

HOME = "index.md"
TYPES_INDEX = "browse/types/index.md"
YEARS_INDEX = "browse/years/index.md"
ISSUERS_INDEX = "browse/issuers/index.md"
PROVINCES_INDEX = "browse/provinces/index.md"
SCHEMA_PAGE = "staff/schema.md"
ERRORS_PAGE = "staff/errors.md"
CONTRIBUTE_PAGE = "contribute.md"
UNKNOWN_YEAR = "unknown"

#: Ids used as file names of generated pages; anything else could escape the folder.
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

CATEGORY_LABELS = {
    Category.REGULATIONS: "กฎหมาย ระเบียบ คำสั่ง และมติ",
    Category.RECORDS: "บันทึก แผน รายงาน และข้อมูลหน่วยงาน",
}


# --- escaping and links -------------------------------------------------------------------

def esc(text: str) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(text, quote=True)


# Python-Markdown's backslash-escapable characters, plus ``|`` which the tables extension adds.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_text(text: str) -> str:
    """Text safe to put into Markdown (a heading or a table cell): HTML-escaped, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False).replace("\n", " "))


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def url_for(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) mkdocs gives the file ``src_uri``."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url``, both relative to the site root."""
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    base = base.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, base)
    if to_url.endswith("/") or to_url == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


def is_web_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


# --- the site context ---------------------------------------------------------------------

def doc_src(doc: Document) -> str:
    """Where a document page sits among the site's files: ``regulations/<id>.md``."""
    return f"{doc.type.category.value}/{doc.id}.md"


def doc_json_src(doc: Document) -> str:
    """The document's metadata and text as JSON, beside its page: ``regulations/<id>.json``."""
    return f"{doc.type.category.value}/{doc.id}.json"


def type_src(code: str) -> str:
    return f"browse/types/{code}.md"


def year_src(year: int | None) -> str:
    return f"browse/years/{year if year is not None else UNKNOWN_YEAR}.md"


def issuer_src(org_id: str) -> str:
    return f"browse/issuers/{_safe(org_id)}.md"


def province_src(prov_id: str) -> str:
    return f"browse/provinces/{_safe(prov_id)}.md"


def _safe(slug: str) -> str:
    if not _SAFE_SLUG.match(slug):
        raise ValueError(f"'{slug}' cannot be used in a page address (a-z, 0-9 and - only)")
    return slug


@dataclass
class Site:
    """A corpus with the lookups the pages need, and the URL style of the build."""

    corpus: Corpus
    directory_urls: bool = True
    by_id: dict[str, Document] = field(default_factory=dict)
    amended_by: dict[str, list[Document]] = field(default_factory=dict)
    repealed_by: dict[str, list[Document]] = field(default_factory=dict)
    #: citations of the whole corpus (``render_citations.cite_index`` builds it on first use)
    cites: CiteIndex | None = None
    #: later agenda items reporting on earlier ones (``render_meeting.reports_on`` builds it)
    follow_ups: FollowUpIndex | None = None
    #: the types and issuers with documents: the ones that have an index page
    types_present: frozenset[str] = frozenset()
    issuers_present: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.by_id = self.corpus.by_id()
        self.types_present = frozenset(d.type.code for d in self.corpus.documents)
        self.issuers_present = frozenset(d.issuer for d in self.corpus.documents)
        amended: dict[str, list[Document]] = defaultdict(list)
        repealed: dict[str, list[Document]] = defaultdict(list)
        for doc in self.corpus.documents:
            for target in doc.amends:
                amended[target].append(doc)
            for target in doc.repeals:
                repealed[target].append(doc)
        self.amended_by, self.repealed_by = dict(amended), dict(repealed)

    def link(self, from_src: str, to_src: str) -> str:
        """An escaped href from the page ``from_src`` to the file ``to_src``."""
        href = relative_url(url_for(from_src, self.directory_urls),
                            url_for(to_src, self.directory_urls))
        return esc(quote(href, safe="/.-_~#"))

    def a(self, from_src: str, to_src: str, text: str, cls: str = "") -> str:
        klass = f' class="{cls}"' if cls else ""
        return f'<a{klass} href="{self.link(from_src, to_src)}">{esc(text)}</a>'

    def issuer_name(self, org_id: str) -> str:
        """Full Thai name with the usual abbreviation: ``สำนักนายกรัฐมนตรี (นร.)``."""
        org = self.corpus.registry.organizations.get(org_id)
        if org is None:
            return org_id
        if org.abbreviations and org.abbreviations[0] not in org.name_th:
            return f"{org.name_th} ({org.abbreviations[0]})"
        return org.name_th


# --- small pieces -------------------------------------------------------------------------

def thai_count(n: int, unit: str = "ฉบับ") -> str:
    return f"{to_thai_digits(str(n))} {unit}"


def status_badge(code: str) -> str:
    status = STATUSES[code]
    return (f'<span class="sarabun-badge sarabun-badge--{esc(status.code)}">'
            f"{esc(status.label)}</span>")


def number_label(doc: Document) -> str:
    return "ครั้งที่" if doc.type.code == "minutes" else FIELD_SPECS["number"].label


def thai_number(doc: Document) -> str:
    return to_thai_digits(doc.number)


def thai_date(doc: Document) -> str:
    return doc.date.thai() if doc.date else ""


def date_key(doc: Document) -> tuple[int, int, int, int]:
    """Newest first when sorted in reverse; month or day unknown count as 0."""
    d = doc.date
    num = doc.number.split("/")[0] if doc.number else ""
    return (doc.year or 0, (d.month or 0) if d else 0, (d.day or 0) if d else 0,
            int(num) if num.isdigit() else 0)


def sort_documents(docs: Iterable[Document]) -> list[Document]:
    """Newest first; same date in Thai title order."""
    by_title = thai_sorted(docs, key=lambda d: d.title)
    return sorted(by_title, key=date_key, reverse=True)


def front_matter(title: str, h1: bool = False) -> str:
    """YAML front matter giving the page title, and with ``h1`` the title as a visible heading.

    The title is escaped here because mkdocs and Material print page titles unescaped. Pages
    listed in the nav get ``h1``: mkdocs would otherwise show the short nav label as heading.
    """
    out = f"---\ntitle: {yaml_str(esc(title))}\n---\n\n"
    return out + (f"# {md_text(title)}\n\n" if h1 else "")


def document_list(site: Site, from_src: str, docs: Iterable[Document],
                  show_type: bool = True) -> str:
    """The list used on every index page: title link, type, number, Thai date, status badge."""
    items = []
    for doc in sort_documents(docs):
        meta = []
        if show_type:
            meta.append(f'<span class="sarabun-doclist__type">{esc(doc.type.label)}</span>')
        if doc.number:
            meta.append(f"<span>{esc(number_label(doc))} {esc(thai_number(doc))}</span>")
        meta.append(f"<span>{esc(thai_date(doc) or 'ไม่ระบุวันที่')}</span>")
        meta.append(status_badge(doc.status.code))
        items.append(
            '<li class="sarabun-doclist__item">'
            + site.a(from_src, doc_src(doc), doc.title, "sarabun-doclist__title")
            + f'<div class="sarabun-doclist__meta">{"".join(meta)}</div></li>'
        )
    if not items:
        return '<p class="sarabun-empty">ยังไม่มีเอกสาร</p>\n'
    return '<ul class="sarabun-doclist">\n' + "\n".join(items) + "\n</ul>\n"


def link_list(entries: list[tuple[str, str]]) -> str:
    """A plain list of (already escaped) link HTML and a note after it."""
    items = "\n".join(f"<li>{link} <span class=\"sarabun-count\">{esc(note)}</span></li>"
                      for link, note in entries)
    return f'<ul class="sarabun-index">\n{items}\n</ul>\n'


# --- clause anchors -----------------------------------------------------------------------

_DIGITS = f"0-9{THAI_DIGITS}"
#: ``ข้อ 3.1`` is a sub-item, not clause 3; ``ข้อ ๓.`` (a period after the number) is clause 3.
_NOT_SUB = rf"(?![{_DIGITS}/]|\.[{_DIGITS}])"
# Sections of Acts and decrees (มาตรา ๑๒, มาตรา ๖ ทวิ) get ``section-12``, ``section-6-bis``.
_LATIN = "(?:[ \t]*(?P<latin>ทวิ|ตรี|จัตวา|เบญจ)(?![ก-๛]))?"
_CLAUSE_HEADING = re.compile(
    rf"^(?P<hashes>#{{1,6}})\s+(?P<text>(?:\*\*)?(?P<w>ข้อ|มาตรา)\s*(?P<n>[{_DIGITS}]+)"
    rf"(?:/(?P<sub>[{_DIGITS}]+))?{_NOT_SUB}{_LATIN}.*?)\s*$"
)
_CLAUSE_PARA = re.compile(
    rf"^(?:\*\*)?(?P<w>ข้อ|มาตรา)\s*(?P<n>[{_DIGITS}]+)(?:/(?P<sub>[{_DIGITS}]+))?{_NOT_SUB}"
    rf"{_LATIN}"
)
_LATIN_IDS = {"ทวิ": "bis", "ตรี": "ter", "จัตวา": "quater", "เบญจ": "quinquies"}
_FENCE = re.compile(r"^(```|~~~)")
_HAS_ATTR = re.compile(r"\{[^{}]*\}\s*$")


def clause_id(number: str, sub: str | None = None, word: str = "ข้อ",
              latin: str | None = None) -> str:
    """``๑๒`` -> ``clause-12``; an inserted clause ``๑๒/๑`` -> ``clause-12-1``; with ``word``
    มาตรา a section: ``section-12``, and ``มาตรา ๖ ทวิ`` -> ``section-6-bis``."""
    prefix = "section" if word == "มาตรา" else "clause"
    out = f"{prefix}-{int(to_arabic_digits(number))}"
    out += f"-{int(to_arabic_digits(sub))}" if sub else ""
    return out + (f"-{_LATIN_IDS[latin]}" if latin else "")


def add_clause_anchors(body: str) -> str:
    """Give each clause (``## ข้อ ๑๒`` or a paragraph starting ``ข้อ ๑๒``) the id ``clause-12``,
    and each section of a law (``มาตรา ๑๒``) the id ``section-12``.

    Headings get an attr_list id; a paragraph gets an empty anchor span in front. Only lines
    starting at the left margin count (not list items, quotes, tables or code), and a paragraph
    only when it starts a block (after a blank line or a heading), not a wrapped line. When the same
    clause number occurs again, the first keeps the plain id and later ones get ``-x2``, ``-x3``.
    """
    seen: dict[str, int] = defaultdict(int)
    out: list[str] = []
    in_fence = False
    previous_blank = True

    def unique(base: str) -> str:
        seen[base] += 1
        return base if seen[base] == 1 else f"{base}-x{seen[base]}"

    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            out.append(line)
            previous_blank = False
            continue
        m = _CLAUSE_HEADING.match(line)
        if m and not _HAS_ATTR.search(line):
            anchor = unique(clause_id(m.group("n"), m.group("sub"), m.group("w"),
                                      m.group("latin")))
            line = f"{m.group('hashes')} {m.group('text')} {{#{anchor}}}"
        elif previous_blank and (p := _CLAUSE_PARA.match(line)):
            anchor = unique(clause_id(p.group("n"), p.group("sub"), p.group("w"),
                                      p.group("latin")))
            line = f'<span class="sarabun-clause" id="{anchor}"></span>{line}'
        out.append(line)
        # A clause paragraph starts after a blank line or a heading, not inside a paragraph.
        previous_blank = not line.strip() or line.startswith("#")
    return "\n".join(out)


# --- document pages -----------------------------------------------------------------------

def _row(label: str, value_html: str, cls: str = "") -> str:
    klass = f" sarabun-meta__row--{cls}" if cls else ""
    return (f'<div class="sarabun-meta__row{klass}"><dt>{esc(label)}</dt>'
            f"<dd>{value_html}</dd></div>")


def _doc_links(site: Site, src: str, ids: Iterable[str]) -> str:
    parts = []
    for target in ids:
        other = site.by_id.get(target)
        if other is None:  # checks (R003) reject this; keep the id visible rather than crash
            parts.append(f"<code>{esc(target)}</code>")
        else:
            parts.append(site.a(src, doc_src(other), other.title))
    return "<br>".join(parts)


def source_link(site: Site, src: str, source: str, doc_id: str = "") -> str:
    """The original: opened in the browser, and downloaded under a readable name (the stored
    file is named by its content hash, ``originals/6068ebd80ed3c91d.pdf``; the download is
    ``<id>.pdf``)."""
    if is_web_url(source):
        return (f'<a class="sarabun-source" href="{esc(source)}" rel="noopener">'
                f"{esc(source)}</a>")
    name = posixpath.basename(source)
    href = esc(quote(relative_url(url_for(src, site.directory_urls), source), safe="/.-_~"))
    ext = posixpath.splitext(name)[1].lower()
    download = f"{doc_id}{ext}" if doc_id else name
    kind = ext.lstrip(".").upper() or "ไฟล์"
    return (f'<a class="sarabun-source" href="{href}">ดูไฟล์ต้นฉบับ ({esc(name)})</a>'
            f' · <a class="sarabun-source" href="{href}" download="{esc(download)}">'
            f"ดาวน์โหลด {esc(kind)}</a>")


def metadata_panel(site: Site, doc: Document) -> str:
    src = doc_src(doc)
    f = FIELD_SPECS
    rows = [
        _row(f["type"].label, site.a(src, type_src(doc.type.code), doc.type.label)),
    ]
    if doc.number:
        rows.append(_row(number_label(doc), esc(thai_number(doc))))
    if doc.date:
        rows.append(_row(f["date"].label, esc(doc.date.thai())))
    if doc.effective_date:
        rows.append(_row(f["effective_date"].label, esc(doc.effective_date.thai())))
    from .render_gazette import gazette_row  # late: builds on this module

    if (gazette := gazette_row(doc)) is not None:
        rows.append(_row(gazette[0], gazette[1], "gazette"))
    rows.append(_row(f["issuer"].label,
                     site.a(src, issuer_src(doc.issuer), site.issuer_name(doc.issuer))))
    rows.append(_row(f["status"].label, status_badge(doc.status.code)))
    if doc.title_en:
        rows.append(_row(f["title_en"].label, f'<span lang="en">{esc(doc.title_en)}</span>'))
    if doc.provinces:
        names = []
        for pid in doc.provinces:
            prov = site.corpus.registry.provinces.get(pid)
            names.append(site.a(src, province_src(pid), prov.name_th if prov else pid))
        rows.append(_row(f["provinces"].label, ", ".join(names)))
    if doc.amends:
        rows.append(_row(f["amends"].label, _doc_links(site, src, doc.amends)))
    if doc.repeals:
        rows.append(_row(f["repeals"].label, _doc_links(site, src, doc.repeals)))
    key = str(doc.id)
    if key in site.amended_by:
        rows.append(_row("ถูกแก้ไขโดย",
                         _doc_links(site, src, (str(d.id) for d in site.amended_by[key]))))
    if key in site.repealed_by:
        rows.append(_row("ถูกยกเลิกโดย",
                         _doc_links(site, src, (str(d.id) for d in site.repealed_by[key]))))
    from .render_citations import relation_rows  # late: builds on this module

    rows += [_row(label, value) for label, value in relation_rows(site, doc)]
    from .render_basis import basis_row

    if (basis := basis_row(site, doc)) is not None:
        rows.append(_row(basis[0], basis[1], "basis"))
    if doc.tags:
        chips = "".join(f'<span class="sarabun-tag">{esc(t)}</span>' for t in doc.tags)
        rows.append(_row(f["tags"].label, chips))
    if doc.source:
        rows.append(_row(f["source"].label, source_link(site, src, doc.source, str(doc.id))))
    if doc.note:
        rows.append(_row(f["note"].label, esc(doc.note), "note"))
    rows.append(_row(f["id"].label, f"<code>{esc(key)}</code>", "id"))
    rows.append(_row("ข้อมูลสำหรับโปรแกรม",
                     f'<a href="{site.link(src, doc_json_src(doc))}" type="application/json">'
                     "JSON</a>", "json"))
    return ('<dl class="sarabun-meta" aria-label="ข้อมูลเอกสาร">\n' + "\n".join(rows)
            + "\n</dl>\n")


def metadata_only_notice(site: Site, doc: Document) -> str:
    contribute = site.link(doc_src(doc), CONTRIBUTE_PAGE)
    origin = "ดูที่มาของข้อมูลได้ที่หมายเหตุด้านล่าง " if doc.note else ""
    return (
        '<div class="admonition warning sarabun-notice" role="note">\n'
        '<p class="admonition-title">ยังไม่มีข้อความของเอกสารนี้ในคลัง</p>\n'
        "<p>หน้านี้มีเฉพาะข้อมูลของเอกสาร เช่น ชื่อ เลขที่ วันที่ และหน่วยงานที่ออก "
        f"ยังไม่มีข้อความฉบับเต็ม {origin}"
        "โปรดตรวจสอบข้อความกับหน่วยงานที่ออกเอกสาร "
        f'ผู้ที่มีต้นฉบับดูวิธีส่งเข้าคลังได้ที่ <a href="{contribute}">การมีส่วนร่วม</a></p>\n'
        "</div>\n"
    )


def document_page(site: Site, doc: Document) -> str:
    parts = [front_matter(doc.title)]
    if doc.status.code == "metadata-only":  # first, so that it is seen before the panel
        parts += [metadata_only_notice(site, doc), "\n"]
    from .render_citations import cited_by_section, relations_notice, render_body

    parts += [relations_notice(site, doc), metadata_panel(site, doc), "\n"]
    from .render_meeting import meeting_section  # late: builds on this module

    parts.append(meeting_section(site, doc))  # minutes only: agenda and resolutions
    from .render_supervision import supervision_section

    parts.append(supervision_section(site, doc))  # supervision reports: provinces, systems
    from .render_plan import plan_section  # late: builds on this module

    parts.append(plan_section(site, doc))  # plans and reports: projects, KPIs, charts
    body = doc.body.strip("\n")
    if body.strip():
        parts += [render_body(site, doc), "\n"]  # clause anchors, citation links, <abbr>
    from .render_gazette import gazette_section

    parts.append(gazette_section(doc))  # the Gazette citations of the text, part by part
    parts.append(cited_by_section(site, doc))
    return "".join(parts)


# --- index pages --------------------------------------------------------------------------

def _group(docs: Iterable[Document], key: Callable[[Document], Iterable[str]]
           ) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for k in key(doc):
            out[k].append(doc)
    return dict(out)


def type_pages(site: Site) -> dict[str, str]:
    groups = _group(site.corpus.documents, lambda d: [d.type.code])
    pages: dict[str, str] = {}
    body = [front_matter("เอกสารตามประเภท", h1=True),
            "เลือกประเภทเอกสารเพื่อดูรายการเอกสารทั้งหมดของประเภทนั้น\n\n"]
    for cat in Category:
        types = [t for t in DOC_TYPES.values() if t.category is cat and t.code in groups]
        if not types:
            continue
        body.append(f"## {md_text(CATEGORY_LABELS[cat])} {{#{cat.value}}}\n\n")
        body.append(link_list([(site.a(TYPES_INDEX, type_src(t.code), t.plural_label),
                                thai_count(len(groups[t.code]))) for t in types]))
        body.append("\n")
    if not groups:
        body.append('<p class="sarabun-empty">ยังไม่มีเอกสาร</p>\n')
    pages[TYPES_INDEX] = "".join(body)
    for code, docs in groups.items():
        t: DocType = DOC_TYPES[code]
        src = type_src(code)
        pages[src] = (front_matter(t.plural_label)
                      + f"{esc(t.plural_label)}ทั้งหมดในคลัง {esc(thai_count(len(docs)))} "
                      "เรียงจากใหม่ไปเก่า\n\n"
                      + document_list(site, src, docs, show_type=False))
    return pages


def year_title(year: int | None) -> str:
    return f"พ.ศ. {to_thai_digits(str(year))}" if year is not None else "ไม่ระบุปี"


def year_pages(site: Site) -> dict[str, str]:
    groups: dict[int | None, list[Document]] = defaultdict(list)
    for doc in site.corpus.documents:
        groups[doc.year].append(doc)
    known = sorted((y for y in groups if y is not None), reverse=True)
    order: list[int | None] = [*known, *([None] if None in groups else [])]
    pages: dict[str, str] = {}
    entries = [(site.a(YEARS_INDEX, year_src(y), year_title(y)), thai_count(len(groups[y])))
               for y in order]
    pages[YEARS_INDEX] = (front_matter("เอกสารตามปี พ.ศ.", h1=True)
                          + "ปี พ.ศ. ตามเลขที่เอกสาร หรือตามวันที่ของเอกสารเมื่อไม่มีเลขที่ "
                          "เรียงจากปีล่าสุด\n\n"
                          + (link_list(entries) if entries
                             else '<p class="sarabun-empty">ยังไม่มีเอกสาร</p>\n'))
    for y in order:
        src = year_src(y)
        pages[src] = (front_matter(f"เอกสาร {year_title(y)}" if y is not None
                                   else "เอกสารที่ไม่ระบุปี")
                      + document_list(site, src, groups[y]))
    return pages


def issuer_pages(site: Site) -> dict[str, str]:
    from .render_meeting import committee_section  # late: builds on this module

    reg = site.corpus.registry
    groups = _group(site.corpus.documents, lambda d: [d.issuer])
    ids = thai_sorted(groups, key=lambda i: reg.org_name(i))
    pages: dict[str, str] = {}
    entries = [(site.a(ISSUERS_INDEX, issuer_src(i), site.issuer_name(i)),
                thai_count(len(groups[i]))) for i in ids]
    pages[ISSUERS_INDEX] = (front_matter("เอกสารตามหน่วยงาน", h1=True)
                            + "หน่วยงานหรือคณะกรรมการที่ออกเอกสาร เรียงตามชื่อ\n\n"
                            + (link_list(entries) if entries
                               else '<p class="sarabun-empty">ยังไม่มีเอกสาร</p>\n'))
    for org_id in ids:
        src = issuer_src(org_id)
        org = reg.organizations.get(org_id)
        facts = []
        if org is not None:
            if org.abbreviations:
                facts.append(_row("ชื่อย่อ", esc(", ".join(org.abbreviations))))
            if org.name_en:
                facts.append(_row("ชื่อภาษาอังกฤษ", f'<span lang="en">{esc(org.name_en)}</span>'))
            if org.parent:
                parent = org.parent
                parent_html = (site.a(src, issuer_src(parent), reg.org_name(parent))
                               if parent in groups else esc(reg.org_name(parent)))
                facts.append(_row("สังกัด", parent_html))
        facts.append(_row("รหัสหน่วยงาน", f"<code>{esc(org_id)}</code>", "id"))
        panel = '<dl class="sarabun-meta">\n' + "\n".join(facts) + "\n</dl>\n\n"
        pages[src] = (front_matter(reg.org_name(org_id)) + panel
                      + f"## เอกสารที่ออก ({esc(thai_count(len(groups[org_id])))}) "
                      "{#documents}\n\n"
                      + document_list(site, src, groups[org_id])
                      + committee_section(site, src, org_id))  # meetings and resolutions
    return pages


def entry_list(site: Site, from_src: str, entries: Iterable[ProvinceEntry]) -> str:
    """Province-page entries (already in order): title link, number, date, status, details."""
    items = []
    for e in entries:
        href = site.link(from_src, e.src) + (f"#{esc(e.anchor)}" if e.anchor else "")
        meta = []
        if e.doc is not None:
            if e.kind != e.doc.type.code:  # a project: say which document it is from
                meta.append(f'<span class="sarabun-doclist__type">{esc(e.doc.title)}</span>')
            if e.doc.number:
                meta.append(f"<span>{esc(number_label(e.doc))} {esc(thai_number(e.doc))}</span>")
            meta.append(f"<span>{esc(thai_date(e.doc) or 'ไม่ระบุวันที่')}</span>")
            meta.append(status_badge(e.doc.status.code))
        details = (f'<div class="sarabun-province-details">{"".join(e.details)}</div>'
                   if e.details else "")
        items.append(f'<li class="sarabun-doclist__item"><a class="sarabun-doclist__title" '
                     f'href="{href}">{esc(e.title)}</a>'
                     f'<div class="sarabun-doclist__meta">{"".join(meta)}</div>{details}</li>')
    return '<ul class="sarabun-doclist">\n' + "\n".join(items) + "\n</ul>\n"


def province_pages(site: Site) -> dict[str, str]:
    """The province index (by region) and one page per province, its entries grouped by kind.

    The entries come from ``province_items``: the documents listing the province and what
    structured data (agenda items, supervision findings, later plan projects) says about it.
    """
    from .province_items import KIND_LABELS, province_entries  # late: builds on this module

    reg = site.corpus.registry
    groups = {pid: kinds for pid, kinds in province_entries(site).items()
              if _SAFE_SLUG.match(pid)}
    pages: dict[str, str] = {}

    def name(pid: str) -> str:
        p = reg.provinces.get(pid)
        return p.name_th if p else pid

    def cluster(pid: str) -> str:
        p = reg.provinces.get(pid)
        if p is None or not p.cluster:
            return ""
        c = reg.clusters.get(p.cluster)
        return c.name_th if c else p.cluster

    def doc_count(pid: str) -> int:
        return len({str(e.doc.id) for kind in groups[pid].values() for e in kind if e.doc})

    by_region: dict[str, list[str]] = defaultdict(list)
    for pid in groups:
        p = reg.provinces.get(pid)
        by_region[p.region if p else ""].append(pid)
    region_order = [r for r in reg.regions if r in by_region]
    region_order += [r for r in by_region if r not in reg.regions]
    body = [front_matter("เอกสารตามจังหวัด", h1=True),
            "จังหวัดที่มีเอกสารเกี่ยวข้อง จัดตามภาค พร้อมกลุ่มจังหวัด\n\n"]
    for region in region_order:
        named = reg.regions.get(region)
        title = named.name_th if named else "ไม่ระบุภาค"
        anchor = f"region-{region}" if _SAFE_SLUG.match(region) else "region-other"
        body.append(f"## {md_text(title)} {{#{anchor}}}\n\n")
        entries = []
        for pid in thai_sorted(by_region[region], key=name):
            note = thai_count(doc_count(pid))
            if cluster(pid):
                note = f"{cluster(pid)} · {note}"
            entries.append((site.a(PROVINCES_INDEX, province_src(pid), f"จังหวัด{name(pid)}"),
                            note))
        body.append(link_list(entries) + "\n")
    if not groups:
        body.append('<p class="sarabun-empty">ยังไม่มีเอกสารที่ระบุจังหวัด</p>\n')
    pages[PROVINCES_INDEX] = "".join(body)
    for pid, kinds in groups.items():
        src = province_src(pid)
        p = reg.provinces.get(pid)
        facts = []
        if p is not None:
            named = reg.regions.get(p.region)
            facts.append(_row("ภาค", esc(named.name_th if named else p.region)))
            if p.cluster:
                facts.append(_row("กลุ่มจังหวัด", esc(cluster(pid))))
            if p.name_en:
                facts.append(_row("ชื่อภาษาอังกฤษ", f'<span lang="en">{esc(p.name_en)}</span>'))
        panel = ('<dl class="sarabun-meta">\n' + "\n".join(facts) + "\n</dl>\n\n") if facts else ""
        parts = [front_matter(f"จังหวัด{name(pid)}"), panel,
                 f"## เอกสารที่เกี่ยวข้อง ({esc(thai_count(doc_count(pid)))}) {{#documents}}\n\n"]
        for kind, kind_entries in kinds.items():
            unit = "ฉบับ" if kind in DOC_TYPES else "รายการ"
            label = KIND_LABELS.get(kind, kind)
            slug = kind if _SAFE_SLUG.match(kind) else "other"
            parts.append(f"### {md_text(label)} ({esc(thai_count(len(kind_entries), unit))}) "
                         f"{{#kind-{slug}}}\n\n" + entry_list(site, src, kind_entries) + "\n")
        pages[src] = "".join(parts)
    return pages


# --- staff reference pages ----------------------------------------------------------------

_KIND_LABELS = {
    Kind.STRING: "ข้อความ",
    Kind.DATE: "วันที่ พ.ศ.",
    Kind.NUMBER: "เลขที่/ปี พ.ศ.",
    Kind.ID_LIST: "รายการรหัส",
    Kind.LIST: "รายการข้อความ",
    Kind.MAPPING: "ชุดข้อมูล ชื่อ: ค่า",
}

_EXAMPLE = """\
```yaml
---
id: opm-order-2545-301
type: order
title: คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕
number: 301/2545
issuer: opm
date: 2545-10-08
status: in-force
provinces:
  - chiang-mai
tags:
  - การกำกับการปฏิบัติราชการ
---

ข้อ ๑ ...
```
"""


def schema_page() -> str:
    """The staff reference for front matter, generated from ``model`` so it never goes stale."""
    out = [front_matter("โครงสร้างข้อมูลเอกสาร", h1=True),
           "เอกสารแต่ละฉบับเป็นไฟล์ Markdown (UTF-8) หนึ่งไฟล์ ส่วนหัวของไฟล์อยู่ระหว่างบรรทัด `---` "
           "สองบรรทัด เป็นข้อมูลของเอกสาร (ชื่อช่อง: ค่า) ต่อจากนั้นเป็นข้อความของเอกสาร "
           "หน้านี้สร้างจากโปรแกรมตรวจเอกสารโดยตรง จึงตรงกับสิ่งที่ `sarabun check` ตรวจเสมอ\n\n",
           "## ตัวอย่าง {#example}\n\n", _EXAMPLE, "\n",
           "## ช่องข้อมูล {#fields}\n\n",
           "| ช่อง | ความหมาย | ต้องมี | ชนิด | คำอธิบาย |\n|---|---|---|---|---|\n"]
    for spec in FIELDS:
        out.append(f"| `{spec.name}` | {md_text(spec.label)} | "
                   f"{'ต้องมี' if spec.required else 'ไม่บังคับ'} | "
                   f"{md_text(_KIND_LABELS[spec.kind])} | {md_text(spec.help)} |\n")
    out += ["\n", "ค่าทุกค่าอ่านเป็นข้อความ ไม่ต้องใส่เครื่องหมายคำพูดรอบวันที่ "
            "เลขไทยและเลขอารบิกใช้ได้ทั้งคู่ ปีทุกแห่งเป็นปี พ.ศ.\n\n",
            "## ประเภทเอกสาร {#types}\n\n",
            "ช่อง `date` ต้องมีสำหรับประเภทที่ระบุไว้ เว้นแต่สถานะเป็น `metadata-only`\n\n",
            "| รหัส (`type`) | ประเภท | โฟลเดอร์ | ต้องมีวันที่ |\n|---|---|---|---|\n"]
    for t in DOC_TYPES.values():
        out.append(f"| `{t.code}` | {md_text(t.label)} | `{t.category.value}/{t.code}/` | "
                   f"{'ต้องมี' if t.needs_date else 'ไม่บังคับ'} |\n")
    out += ["\n", "## สถานะ {#statuses}\n\n", "| รหัส (`status`) | ป้ายบนเว็บไซต์ |\n|---|---|\n"]
    for s in STATUSES.values():
        out.append(f"| `{s.code}` | {status_badge(s.code)} |\n")
    out += ["\n", "## รหัสเอกสาร {#id}\n\n",
            "รหัสเอกสารเป็นตัวอังกฤษพิมพ์เล็ก ตัวเลข และ `-` ในรูป "
            "`หน่วยงาน-ประเภท-ปี-เลขที่` เช่น `opm-order-2545-301` "
            "เมื่อเอกสารไม่มีเลขที่ ให้ต่อท้ายด้วยคำภาษาอังกฤษสั้น ๆ เช่น "
            "`opm-regulation-2547-regional-supervision` ชื่อไฟล์ต้องเป็น `<รหัส>.md` "
            "และที่อยู่ของหน้าเว็บสร้างจากรหัส จึงไม่ควรเปลี่ยนรหัสเมื่อเผยแพร่แล้ว\n\n",
            "## ลิงก์ไปยังข้อของเอกสาร {#clauses}\n\n",
            "บรรทัดที่ขึ้นต้นด้วย `ข้อ ๑๒` (เลขไทยหรืออารบิก) หรือหัวข้อ `## ข้อ ๑๒` "
            "จะได้จุดเชื่อมโยง `#clause-12` เพื่อให้ลิงก์ไปยังข้อนั้นได้โดยตรง "
            "มาตราของพระราชบัญญัติและพระราชกฤษฎีกา (`มาตรา ๑๒`, `มาตรา ๖ ทวิ`) ได้ `#section-12` "
            "และ `#section-6-bis` ข้อความ อาศัยอำนาจตามความในมาตรา ... แห่ง... ในคำสั่งหรือระเบียบ "
            "จะแสดงเป็น อาศัยอำนาจตาม พร้อมลิงก์ไปยังมาตรานั้น เมื่อกฎหมายนั้นอยู่ในคลัง\n"]
    from .render_plan import plan_schema  # late: builds on this module

    out.append(plan_schema())
    return "".join(out)


_CODE_GROUPS = (
    ("F", "ไฟล์"), ("Y", "ส่วนหัว YAML"), ("M", "ข้อมูลเอกสาร"), ("I", "รหัสเอกสาร"),
    ("R", "การอ้างอิงและทะเบียน"), ("H", "HTML ที่ไม่ปลอดภัย"),
    ("U", "ที่อยู่ถาวรของเอกสาร"), ("N", "รายงานการประชุม"), ("W", "รายงานการนิเทศจังหวัด"),
    ("G", "ราชกิจจานุเบกษา"), ("T", "รายการเปิดเผยข้อมูล (ITA)"),
    ("K", "แผนและตัวชี้วัด"),
)


def errors_page() -> str:
    """Every problem code ``sarabun check`` prints, with its meaning and fix (from ``CODES``)."""
    out = [front_matter("รหัสข้อผิดพลาด", h1=True),
           "`sarabun check` แสดงปัญหาแต่ละรายการเป็น `ไฟล์:บรรทัด:คอลัมน์ รหัส ข้อความ` "
           "เช่น `regulations/order/2545/opm-order-2545-301.md:7:7 M004 ...` "
           "หน้านี้อธิบายแต่ละรหัสและวิธีแก้\n\n"]
    known = {prefix for prefix, _ in _CODE_GROUPS}
    groups = [*_CODE_GROUPS, *((p, p) for p in sorted({c[0] for c in CODES} - known))]
    for prefix, label in groups:
        codes = [c for c in CODES if c.startswith(prefix)]
        if not codes:
            continue
        out.append(f"## {md_text(label)} {{#group-{prefix.lower()}}}\n\n")
        for code in codes:
            meaning, fix = CODES[code]
            warn = ("คำเตือน: แสดงให้ตรวจ แต่ไม่ทำให้การตรวจหรือการสร้างเว็บไซต์ไม่ผ่าน\n\n"
                    if code in WARNING_CODES else "")
            out.append(f"### {md_text(code)} {md_text(meaning)} {{#{code.lower()}}}\n\n"
                       f"{warn}วิธีแก้: {md_text(fix)}\n\n")
    return "".join(out)


# --- the whole site -----------------------------------------------------------------------

def render_site(corpus: Corpus, directory_urls: bool = True,
                history: SiteHistory | None = None) -> dict[str, str]:
    """Every generated page, ``{src_uri: markdown}``: documents, indexes and staff pages."""
    site = Site(corpus, directory_urls)
    pages: dict[str, str] = {}
    from .render_history import history_pages, with_history  # late: builds on this module

    for doc in corpus.documents:
        pages[doc_src(doc)] = with_history(site, doc, document_page(site, doc), history)
    for part in (type_pages(site), year_pages(site), issuer_pages(site), province_pages(site)):
        pages.update(part)
    pages[SCHEMA_PAGE] = schema_page()
    pages[ERRORS_PAGE] = errors_page()
    from .publish import DATA_PAGE, open_data_page  # late: publish builds on this module

    pages[DATA_PAGE] = open_data_page(site)
    from .render_citations import WANTED_PAGE, wanted_page

    pages[WANTED_PAGE] = wanted_page(site)
    from .render_disclosure import disclosure_pages

    pages.update(disclosure_pages(site))  # ITA/OIT checklists: browse/disclosure/
    pages.update(history_pages(site, history))  # versions, diffs, browse/recent.md
    from .render_plan import PLANS_PAGE, plans_page

    pages[PLANS_PAGE] = plans_page(site)
    return pages


def missing_sources(corpus: Corpus, existing: Iterable[str]) -> list[str]:
    """Documents whose ``source`` names a file that the site does not have (a broken link)."""
    have = set(existing)
    return [f"{doc.path.as_posix()}: ไม่พบไฟล์ต้นฉบับ docs/{doc.source}"
            for doc in corpus.documents
            if doc.source and not is_web_url(doc.source) and doc.source not in have]
