"""What the site publishes besides its pages: feeds, JSON, JSON-LD, redirects, open data.

Plain functions of a ``render.Site`` (no mkdocs import), like ``render``; the mkdocs plugin adds
``publish_files`` as generated files and ``head_html`` to each page's ``<head>``.

- ``<category>/<id>.json`` beside each document page: its metadata, relations and text.
- ``feeds/all.xml`` and ``feeds/<type>.xml``: Atom feeds of the newest dated documents.
- ``data/documents.json`` and ``data/documents.csv``: the open-data export (``sarabun.export``),
  and the page ``data/`` that explains them.
- A schema.org ``Legislation`` JSON-LD block in the head of each legal document's page.
- A small page at each old URL of ``records/registries/redirects.yaml`` that leads on.

Everything is deterministic: sorted, dated by the documents' own (BE, converted to CE) dates,
never by the build's clock, so two builds of one commit are byte-identical. Links are relative
unless the site's address (mkdocs ``site_url``) is known, where a format needs absolute ones.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

from .export import COLUMNS, to_csv, to_json
from .gazette import find_gazettes
from .legal_basis import corpus_basis
from .model import DOC_TYPES, FIELD_SPECS, Category, Document
from .permalinks import Redirect
from .render import (
    TYPES_INDEX,
    Site,
    doc_json_src,
    doc_src,
    esc,
    front_matter,
    relative_url,
    thai_count,
    thai_date,
    thai_number,
    type_src,
    url_for,
)
from .thai import to_thai_digits

DATA_PAGE = "data/index.md"
DATA_JSON = "data/documents.json"
DATA_CSV = "data/documents.csv"
ALL_FEED = "feeds/all.xml"
#: A feed carries the newest documents; the full list is documents.json.
FEED_LIMIT = 100
#: Documents are dated in Thailand; a date known only to the month or year counts from its start.
THAI_TZ = "+07:00"
DEFAULT_TITLE = "สารบรรณ คลังเอกสารราชการ"

_LEGAL_FORCE = {
    "in-force": "https://schema.org/InForce",
    "amended": "https://schema.org/InForce",
    "repealed": "https://schema.org/NotInForce",
    "superseded": "https://schema.org/NotInForce",
}


def feed_src(type_code: str | None = None) -> str:
    return f"feeds/{type_code}.xml" if type_code else ALL_FEED


def absolute(site_url: str | None, url: str) -> str | None:
    """``url`` (relative to the site root) on the published host, when the host is known."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", quote(url, safe="/#"))


def _href(site: Site, from_src: str, to_src: str, site_url: str | None) -> str:
    """Absolute when the host is known, else relative to the file ``from_src``; escaped."""
    to_url = url_for(to_src, site.directory_urls)
    full = absolute(site_url, to_url)
    if full is not None:
        return esc(full)
    return esc(quote(relative_url(url_for(from_src, site.directory_urls), to_url),
                     safe="/.-_~#"))


# --- per-document JSON ---------------------------------------------------------------------

def document_json(site: Site, doc: Document) -> str:
    """The document as JSON: export metadata, issuer name, relations both ways, and its text."""
    key = str(doc.id)
    data = doc.metadata()
    data["issuer_name"] = site.corpus.registry.org_name(doc.issuer)
    data["amended_by"] = sorted(str(d.id) for d in site.amended_by.get(key, []))
    data["repealed_by"] = sorted(str(d.id) for d in site.repealed_by.get(key, []))
    data["gazette_citations"] = [g.as_dict() for g in find_gazettes(doc.body)]
    data["legal_basis"] = [b.as_dict() for b in corpus_basis(site.corpus).get(key, [])]
    data["body"] = doc.body.strip("\n") + "\n" if doc.body.strip() else ""
    payload = {"schema": "sarabun/document@1", "document": data}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- Atom feeds ----------------------------------------------------------------------------

def atom_date(doc: Document) -> str | None:
    """RFC 3339 (CE) from the document's BE date, or its year; None when it has neither."""
    if doc.date is not None:
        d = doc.date
        ce = f"{d.year - 543:04d}-{d.month or 1:02d}-{d.day or 1:02d}"
    elif doc.year is not None:
        ce = f"{doc.year - 543:04d}-01-01"
    else:
        return None
    return f"{ce}T00:00:00{THAI_TZ}"


def feed_documents(docs: Iterable[Document]) -> list[tuple[str, Document]]:
    """Dated documents, newest first, ties by id; at most FEED_LIMIT."""
    dated = [(d, doc) for doc in docs if (d := atom_date(doc)) is not None]
    dated.sort(key=lambda pair: str(pair[1].id))
    dated.sort(key=lambda pair: pair[0], reverse=True)
    return dated[:FEED_LIMIT]


def _summary(site: Site, doc: Document) -> str:
    parts = [doc.type.label]
    if doc.number:
        parts.append(f"เลขที่ {thai_number(doc)}")
    if doc.date:
        parts.append(f"ลงวันที่ {thai_date(doc)}")
    parts.append(f"ออกโดย {site.issuer_name(doc.issuer)}")
    parts.append(f"สถานะ: {doc.status.label}")
    return " ".join(parts)


def atom_feed(site: Site, src: str, title: str, docs: Iterable[Document],
              alternate_src: str, site_url: str | None) -> str:
    entries = feed_documents(docs)
    updated = entries[0][0] if entries else "1970-01-01T00:00:00Z"
    feed_id = f"urn:sarabun:feed:{posixpath.splitext(posixpath.basename(src))[0]}"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">',
           f"  <id>{feed_id}</id>",
           f"  <title>{esc(title)}</title>",
           f"  <updated>{updated}</updated>",
           f'  <link rel="self" type="application/atom+xml" '
           f'href="{_href(site, src, src, site_url)}"/>',
           f'  <link rel="alternate" type="text/html" '
           f'href="{_href(site, src, alternate_src, site_url)}"/>',
           f"  <author><name>{esc(DEFAULT_TITLE)}</name></author>",
           "  <generator>sarabun</generator>"]
    for date, doc in entries:
        out += ["  <entry>",
                f"    <id>urn:sarabun:document:{esc(str(doc.id))}</id>",
                f"    <title>{esc(doc.title)}</title>",
                f'    <link rel="alternate" type="text/html" '
                f'href="{_href(site, src, doc_src(doc), site_url)}"/>',
                f'    <link rel="alternate" type="application/json" '
                f'href="{_href(site, src, doc_json_src(doc), site_url)}"/>',
                f"    <published>{date}</published>",
                f"    <updated>{date}</updated>",
                f"    <author><name>{esc(site.issuer_name(doc.issuer))}</name></author>",
                f'    <category term="{esc(doc.type.code)}" label="{esc(doc.type.label)}"/>',
                f"    <summary>{esc(_summary(site, doc))}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def feed_types(site: Site) -> list[str]:
    """Type codes with at least one dated document (each gets a feed), in the model's order."""
    return [code for code in DOC_TYPES
            if any(d.type.code == code and atom_date(d) for d in site.corpus.documents)]


def feed_files(site: Site, site_url: str | None, site_name: str) -> dict[str, str]:
    out = {ALL_FEED: atom_feed(site, ALL_FEED, f"{site_name}: เอกสารล่าสุด",
                               site.corpus.documents, TYPES_INDEX, site_url)}
    for code in feed_types(site):
        t = DOC_TYPES[code]
        docs = [d for d in site.corpus.documents if d.type.code == code]
        out[feed_src(code)] = atom_feed(site, feed_src(code), f"{site_name}: {t.plural_label}",
                                        docs, type_src(code), site_url)
    return out


# --- JSON-LD -------------------------------------------------------------------------------

def _ref(site: Site, doc_id: str, site_url: str | None) -> dict[str, object]:
    other = site.by_id.get(doc_id)
    ref: dict[str, object] = {"@type": "Legislation", "identifier": doc_id}
    if other is not None:
        ref["name"] = other.title
        if (url := absolute(site_url, other.url)) is not None:
            ref["url"] = url
    return ref


def legislation(site: Site, doc: Document, site_url: str | None) -> dict[str, object] | None:
    """schema.org Legislation for a legal document (``regulations/``), else None."""
    if doc.type.category is not Category.REGULATIONS:
        return None
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "identifier": str(doc.id),
        "name": doc.title,
        "inLanguage": "th",
        "legislationType": doc.type.label,
        "legislationJurisdiction": {"@type": "Country", "name": "ประเทศไทย", "identifier": "TH"},
        "legislationPassedBy": {"@type": "GovernmentOrganization", "identifier": doc.issuer,
                                "name": site.corpus.registry.org_name(doc.issuer)},
    }
    if doc.title_en:
        data["alternateName"] = doc.title_en
    if doc.number:
        data["legislationIdentifier"] = doc.number
    if doc.date:
        data["legislationDate"] = doc.date.ce_iso()
    if doc.status.code in _LEGAL_FORCE:
        data["legislationLegalForce"] = _LEGAL_FORCE[doc.status.code]
    if doc.amends:
        data["legislationAmends"] = [_ref(site, i, site_url) for i in doc.amends]
    changes = doc.amends + doc.repeals
    if changes:
        data["legislationChanges"] = [_ref(site, i, site_url) for i in changes]
    if doc.provinces:
        reg = site.corpus.registry.provinces
        data["spatialCoverage"] = [
            {"@type": "AdministrativeArea",
             "name": f"จังหวัด{reg[p].name_th}" if p in reg else p} for p in doc.provinces]
    if doc.tags:
        data["keywords"] = list(doc.tags)
    if (url := absolute(site_url, doc.url)) is not None:
        data["url"] = url
    return data


def json_ld_script(data: dict[str, object]) -> str:
    """A ``<script type="application/ld+json">`` block; ``<`` is escaped so it cannot close it."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>'


# --- <head> additions ----------------------------------------------------------------------

@dataclass
class Heads:
    """``<head>`` additions per page: feed discovery everywhere, JSON and JSON-LD on documents."""

    site: Site
    site_url: str | None = None
    site_name: str = DEFAULT_TITLE
    by_src: dict[str, Document] = field(default_factory=dict)
    feed_codes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_src = {doc_src(d): d for d in self.site.corpus.documents}
        self.feed_codes = set(feed_types(self.site))

    def html(self, page_src: str) -> str:
        site, name = self.site, esc(self.site_name)
        out = [f'<link rel="alternate" type="application/atom+xml" '
               f'title="{name}: เอกสารล่าสุด" href="{site.link(page_src, ALL_FEED)}">']
        code = posixpath.splitext(posixpath.basename(page_src))[0]
        if page_src == type_src(code) and code in self.feed_codes:
            out.append(f'<link rel="alternate" type="application/atom+xml" '
                       f'title="{name}: {esc(DOC_TYPES[code].plural_label)}" '
                       f'href="{site.link(page_src, feed_src(code))}">')
        doc = self.by_src.get(page_src)
        if doc is not None:
            out.append(f'<link rel="alternate" type="application/json" '
                       f'href="{site.link(page_src, doc_json_src(doc))}">')
            data = legislation(site, doc, self.site_url)
            if data is not None:
                out.append(json_ld_script(data))
        return "\n".join(out) + "\n"


# --- accessibility fixes to the theme's HTML ----------------------------------------------

SKIP_TARGET = "sarabun-content"
_SEARCH_DIALOG = re.compile(r'(<div class="md-search"[^>]*?role="dialog")(?![^>]*aria-label)')
_SKIP = re.compile(r'<div data-md-component="skip">.*?</div>', re.DOTALL)
_ARTICLE = '<article class="md-content__inner md-typeset">'


def accessible(page_html: str) -> str:
    """Two fixes to Material's markup that axe-core reports or keyboard users miss.

    The search dialog gets a name (axe: aria-dialog-name). The "skip to content" link, which
    Material adds only to pages with headings and points at the first heading (on a document
    page: past the metadata panel), is on every page and leads to the start of the article.
    """
    out = _SEARCH_DIALOG.sub(r'\1 aria-label="ค้นหา"', page_html, count=1)
    if _ARTICLE in out and _SKIP.search(out):
        out = _SKIP.sub(
            '<div data-md-component="skip">'
            f'<a href="#{SKIP_TARGET}" class="md-skip">ข้ามไปที่เนื้อหา</a></div>', out, count=1)
        out = out.replace(_ARTICLE, _ARTICLE[:-1] + f' id="{SKIP_TARGET}" tabindex="-1">', 1)
    return out


# --- redirects -----------------------------------------------------------------------------

def redirect_src(site: Site, redirect: Redirect) -> str:
    """The file served at an old URL: ``regulations/<old>/index.html`` (or ``<old>.html``)."""
    stem = redirect.source.rstrip("/")
    return f"{stem}/index.html" if site.directory_urls else f"{stem}.html"


def redirect_page(site: Site, redirect: Redirect, site_url: str | None) -> str:
    """A page that sends the reader on at once, and says where to if it cannot."""
    doc = site.by_id[redirect.target]
    src = redirect_src(site, redirect)
    page_url = redirect.source if site.directory_urls else src
    rel = esc(quote(relative_url(page_url, url_for(doc_src(doc), site.directory_urls)),
                    safe="/.-_~#"))
    canonical = esc(absolute(site_url, doc.url) or "") or rel
    return ("<!doctype html>\n"
            '<html lang="th">\n<head>\n<meta charset="utf-8">\n'
            f"<title>ย้ายไปที่ {esc(doc.title)}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{canonical}">\n'
            f'<meta http-equiv="refresh" content="0; url={rel}">\n'
            "</head>\n<body>\n"
            f'<p>เอกสารนี้ย้ายไปที่ <a href="{rel}">{esc(doc.title)}</a></p>\n'
            "</body>\n</html>\n")


# --- open data page ------------------------------------------------------------------------

_EXTRA_COLUMNS = {"path": "ที่อยู่ไฟล์ในคลัง", "url": "ที่อยู่หน้าเว็บ (ต่อจากที่อยู่ของเว็บไซต์)",
                  "issuer_name": "ชื่อหน่วยงานที่ออก",
                  "legal_basis": "อาศัยอำนาจตาม (บทบัญญัติที่ให้อำนาจออกเอกสาร อ่านจากข้อความ)"}


def open_data_page(site: Site) -> str:
    """The page ``data/``: the export files, their columns, per-document JSON and feeds."""
    src = DATA_PAGE
    docs = site.corpus.documents
    count = esc(thai_count(len(docs)))
    out = [front_matter("ข้อมูลเปิด", h1=True),
           "ข้อมูลของเอกสารทุกฉบับในคลังมีให้ในรูปแบบที่โปรแกรมอ่านได้ด้วย "
           "สำหรับนำไปวิเคราะห์หรือสร้างเครื่องมืออื่นต่อ "
           "ไฟล์ทุกไฟล์สร้างใหม่ทุกครั้งที่เว็บไซต์ปรับปรุง\n\n",
           "## รายการเอกสารทั้งหมด {#documents}\n\n",
           '<ul class="sarabun-index">\n'
           f"<li>{site.a(src, DATA_JSON, 'documents.json')} "
           f'<span class="sarabun-count">JSON (UTF-8) {count}</span></li>\n'
           f"<li>{site.a(src, DATA_CSV, 'documents.csv')} "
           '<span class="sarabun-count">CSV (UTF-8 มี BOM เปิดด้วย Excel ได้) '
           "ช่องที่เป็นรายการคั่นด้วย ;</span></li>\n</ul>\n\n",
           "| คอลัมน์ | ความหมาย |\n|---|---|\n"]
    for name in COLUMNS:
        label = FIELD_SPECS[name].label if name in FIELD_SPECS else _EXTRA_COLUMNS.get(name, "")
        out.append(f"| `{name}` | {esc(label)} |\n")
    out += ["\nวันที่ในไฟล์เป็นปี พ.ศ. แบบ ปปปป-ดด-วว (ทราบเพียงปีหรือเดือนก็มีเท่าที่ทราบ)\n\n",
            "## ข้อมูลรายฉบับ {#document-json}\n\n",
            "ทุกหน้าเอกสารมีไฟล์ JSON อยู่คู่กัน ที่อยู่เดียวกับหน้าเว็บแต่ลงท้ายด้วย `.json` "
            "เช่น `regulations/<รหัสเอกสาร>.json` มีข้อมูลเอกสาร เอกสารที่แก้ไขหรือยกเลิกฉบับนี้ "
            "และข้อความของเอกสาร (Markdown)"]
    if docs:
        first = sorted(docs, key=lambda d: str(d.id))[0]
        out.append(f" ตัวอย่าง: {site.a(src, doc_json_src(first), doc_json_src(first))}")
    out += ["\n\nหน้าเอกสารกฎหมายมีข้อมูลแบบ schema.org `Legislation` (JSON-LD) "
            "สำหรับเครื่องมือค้นหาด้วย\n\n",
            "## ฟีดเอกสารใหม่ {#feeds}\n\n",
            f"ฟีดแบบ Atom มีเอกสารล่าสุดไม่เกิน {to_thai_digits(str(FEED_LIMIT))} ฉบับ "
            "เรียงตามวันที่ของเอกสาร (เอกสารที่ไม่ทราบปีไม่อยู่ในฟีด)\n\n",
            '<ul class="sarabun-index">\n'
            f"<li>{site.a(src, ALL_FEED, 'เอกสารทุกประเภท')}</li>\n"]
    for code in feed_types(site):
        out.append(f"<li>{site.a(src, feed_src(code), DOC_TYPES[code].plural_label)}</li>\n")
    out += ["</ul>\n\n",
            "## ที่อยู่ถาวร {#permalinks}\n\n",
            "ที่อยู่ของหน้าเอกสารสร้างจากรหัสเอกสาร และใช้ได้ตลอดไป "
            "เมื่อเอกสารเปลี่ยนรหัส ที่อยู่เดิมจะพาไปยังที่อยู่ใหม่ ผังเว็บไซต์สำหรับเครื่องมือค้นหาอยู่ที่ "
            f'<a href="{esc(relative_url(url_for(src, site.directory_urls), "sitemap.xml"))}">'
            "sitemap.xml</a>\n"]
    return "".join(out)


# --- everything ----------------------------------------------------------------------------

def publish_files(site: Site, site_url: str | None = None,
                  site_name: str = DEFAULT_TITLE) -> dict[str, str]:
    """Every non-page file, ``{path in the site: text}``."""
    out: dict[str, str] = {}
    for doc in sorted(site.corpus.documents, key=lambda d: str(d.id)):
        out[doc_json_src(doc)] = document_json(site, doc)
    out.update(feed_files(site, site_url, site_name))
    out[DATA_JSON] = to_json(site.corpus)
    # As ``sarabun export`` writes it: a BOM so that Excel reads the Thai text.
    out[DATA_CSV] = "\ufeff" + to_csv(site.corpus)
    for r in site.corpus.redirects:
        if r.target in site.by_id:
            out[redirect_src(site, r)] = redirect_page(site, r, site_url)
    return out
