"""Read the built site: which pages are searched, their text as blocks and their metadata.

Document pages (``regulations/<id>/`` and ``records/<id>/``) are searched, and so are the site's
own pages (kind ``page``, shown as "หน้าเว็บ"): the hand-written ones such as the home, about and
contribute pages, and the staff and open-data pages; every page except documents, the generated
browse listings, a document's history pages, the search page and the 404 page. A site page has
its title (the ``h1``) and its article text, but no metadata. A document's searchable
text is what the article shows a reader, block by block: the title, the values of the metadata
panel (not its labels, which are the same on every page), and the document body. The notice
"ยังไม่มีข้อความของเอกสารนี้ในคลัง" and the ``¶`` heading links are left out for the same reason as
the labels, and so are the links to the original file and to the JSON data. Each tag chip is a
block of its own. Everything is read from the HTML the site build wrote, so the index always
describes the pages as deployed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Protocol

from sarabun.model import FIELD_SPECS
from sarabun.thai import to_arabic_digits

#: Elements that start a new block of text.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "br", "caption",
}
#: Inline elements shown as separate chips (tags): each is a block of its own.
BLOCK_CLASSES = {"sarabun-tag"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}
SKIP_TAGS = {"script", "style", "template", "svg", "noscript", "button", "dt"}
#: Page furniture that is the same on every page or only points at files: the metadata labels
#: (``dt`` above), the metadata-only notice, heading links, the original-file and JSON links, and
#: the Royal Gazette table (each of its rows repeats a citation that is in the text already).
SKIP_CLASSES = {"headerlink", "sarabun-notice", "sarabun-source", "sarabun-meta__row--json",
                "sarabun-gazette-table"}
#: The same, as one CSS selector (the browser test removes these before reading the page text).
SKIP_SELECTOR = ", ".join(["dt", *sorted(f".{c}" for c in SKIP_CLASSES)])

DOCUMENT_DIRS = ("regulations", "records")
#: Folders whose pages are not site pages: documents (and their history pages), and listings of
#: documents, which would match every query their documents match.
NOT_SITE_PAGE_DIRS = (*DOCUMENT_DIRS, "browse", "assets", "search-index")
NOT_SITE_PAGES = ("404.html", "search.html")
DOCUMENT = "document"
SITE_PAGE = "page"
SITE_PAGE_LABEL = "หน้าเว็บ"
#: The number row of a meeting's minutes is labelled "ครั้งที่" (render.number_label).
MINUTES_NUMBER_LABEL = "ครั้งที่"


@dataclass
class Page:
    """A document page of the built site, as the search index sees it."""

    url: str                       # from the site root: ``regulations/opm-order-2545-301/``
    title: str
    blocks: list[str]
    type: str = ""                 # Thai label, e.g. คำสั่ง
    type_code: str = ""
    number: str = ""               # as shown, e.g. ๓๐๑/๒๕๔๕
    date: str = ""                 # as shown, e.g. ๘ ตุลาคม ๒๕๔๕
    year: str = ""                 # BE year in Arabic digits, from the number or else the date
    issuer: str = ""               # full Thai name as shown
    provinces: list[str] = field(default_factory=list)
    status: str = ""               # Thai label
    status_code: str = ""
    doc_id: str = ""
    body_start: int = 0            # blocks before this one are the title and the panel values
    kind: str = DOCUMENT           # or SITE_PAGE


#: A comment, or a start or end tag: (``/``, name, attributes). What mkdocs writes is well formed.
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTR = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*))?")
#: Elements whose content is raw text, not markup.
RAW_TEXT_TAGS = ("script", "style")
_SPACES = re.compile(r"\s+")
_PRE_BREAK = re.compile(r"[\n\r\t]")


class HtmlHandler(Protocol):
    """What ``feed_html`` calls, as ``html.parser.HTMLParser`` would."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...
    def handle_endtag(self, tag: str) -> None: ...
    def handle_data(self, data: str) -> None: ...


def feed_html(html: str, handler: HtmlHandler) -> None:
    """Tokenize well-formed HTML into ``handler``'s start tag, end tag and text calls.

    A small tokenizer instead of ``html.parser``, which it matches on the pages the site build
    writes (names lower-cased, character references replaced, ``<x/>`` as start and end); it
    takes less than two thirds of the time, and the index reads every page of the site.
    """
    start_tag, end_tag, data = handler.handle_starttag, handler.handle_endtag, handler.handle_data
    pos, lower = 0, ""
    search = _TAG.search
    while True:
        m = search(html, pos)
        end = m.start() if m else len(html)
        if end > pos:
            data(unescape(html[pos:end]))
        if m is None:
            return
        pos = m.end()
        slash, name, rest = m.groups()
        if name is None:  # a comment
            continue
        tag = name.lower()
        if slash:
            end_tag(tag)
            continue
        attrs: list[tuple[str, str | None]] = []
        if rest:
            for a in _ATTR.finditer(rest):
                value = a.group(2)
                if value is not None and value[:1] in ("'", '"'):
                    value = value[1:-1]
                attrs.append((a.group(1).lower(), None if value is None else unescape(value)))
        start_tag(tag, attrs)
        if rest.rstrip().endswith("/"):
            end_tag(tag)
        elif tag in RAW_TEXT_TAGS:
            lower = lower or html.lower()
            close = lower.find(f"</{tag}", pos)
            close = len(html) if close < 0 else close
            if close > pos:
                data(html[pos:close])
            pos = close


class _ArticleParser:
    """Collect the blocks of ``<article>`` and the metadata panel rows."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.in_article = 0
        self.skip_depth = 0          # inside something whose text is not searched
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping starts here, is a block)
        self.row_label: str | None = None
        self.in_dt = False
        self.dt_text: list[str] = []
        self.rows: list[tuple[str, str, list[tuple[str, str]], str]] = []  # label, text, links, cls
        self.in_dd = 0
        self.dd_text: list[str] = []
        self.dd_links: list[tuple[str, str]] = []
        self.dd_classes: list[str] = []
        self.link_href: str | None = None
        self.link_text: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.in_pre = 0              # inside <pre>, whose line breaks and tabs stay
        self.panel_depth = 0         # depth of the <dl class="sarabun-meta"> we are in
        self.panel_end: int | None = None

    def feed(self, html: str) -> None:
        feed_html(html, self)

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        classes = a.get("class", "").split()
        skip = tag in SKIP_TAGS or bool(SKIP_CLASSES.intersection(classes))
        if tag == "dt":
            self.in_dt = True
            self.dt_text = []
        is_block = tag in BLOCK_TAGS or bool(BLOCK_CLASSES.intersection(classes))
        if is_block and not self.skip_depth:
            self.flush()
        if tag not in VOID_TAGS:
            self.stack.append((tag, skip, is_block))
            if skip:
                self.skip_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag == "pre":
            self.in_pre += 1
        if tag == "dl" and "sarabun-meta" in classes and self.panel_end is None:
            self.panel_depth = len(self.stack)
        if tag == "dd":
            self.in_dd += 1
            self.dd_text, self.dd_links, self.dd_classes = [], [], []
        if self.in_dd:
            self.dd_classes += classes
            if tag == "a":
                self.link_href = a.get("href", "")
                self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article or tag in VOID_TAGS:  # <br/>: nothing to close
            return
        # close up to the matching open tag (the HTML mkdocs writes is well formed)
        closed_block = tag in BLOCK_TAGS
        while self.stack:
            open_tag, skipped, was_block = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            if open_tag == tag:
                closed_block = closed_block or was_block
                break
        if closed_block and not self.skip_depth:
            self.flush()
        if tag == "dt":
            self.in_dt = False
            self.row_label = "".join(self.dt_text).strip()
        if tag == "h1":
            self.in_h1 = False
        if tag == "pre" and self.in_pre:
            self.in_pre -= 1
        if tag == "a" and self.in_dd and self.link_href is not None:
            self.dd_links.append((self.link_href, "".join(self.link_text).strip()))
            self.link_href = None
        if tag == "dd" and self.in_dd:
            self.in_dd -= 1
            self.rows.append((self.row_label or "", _SPACES.sub(" ", "".join(self.dd_text))
                              .strip(), self.dd_links, " ".join(self.dd_classes)))
        if tag == "dl" and self.panel_depth and len(self.stack) < self.panel_depth:
            self.panel_depth = 0
            self.panel_end = len(self.blocks)
        if tag == "article":
            self.in_article -= 1
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.in_article:
            return
        if self.in_dt:
            self.dt_text.append(data)
        if self.skip_depth:
            return
        if self.in_pre and _PRE_BREAK.search(data):
            # each line (and each tab-separated piece) of preformatted text is a block of its
            # own, as the browser shows it
            *lines, data = _PRE_BREAK.split(data)
            for line in lines:
                self.current.append(line)
                self.flush()
        self.current.append(data)
        if self.in_h1:
            self.h1.append(data)
        if self.in_dd:
            self.dd_text.append(data)
            if self.link_href is not None:
                self.link_text.append(data)


_YEAR = re.compile(r"(\d{4})\s*$")


def _last_path_part(href: str) -> str:
    parts = [p for p in href.split("#")[0].split("/") if p and p not in (".", "..")]
    return parts[-1] if parts else ""


def parse_page(html: str, url: str) -> Page | None:
    """The document page at ``url``, or None if the HTML is not a document page."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return None
    p = _ArticleParser()
    p.feed(html[start:end + len("</article>")])  # the rest is theme chrome: skip parsing it
    if not p.rows or not p.blocks:
        return None
    title = _SPACES.sub(" ", "".join(p.h1)).strip()
    page = Page(url=url, title=title, blocks=p.blocks,
                body_start=p.panel_end if p.panel_end is not None else 1)
    labels = {name: FIELD_SPECS[name].label for name in ("number", "date", "issuer", "provinces")}
    for label, text, links, classes in p.rows:
        if "sarabun-meta__row--id" in classes or label == FIELD_SPECS["id"].label:
            page.doc_id = text
        elif links and "browse/types/" in links[0][0] and not page.type:
            page.type, page.type_code = links[0][1], _last_path_part(links[0][0])
        elif label in (labels["number"], MINUTES_NUMBER_LABEL) and not page.number:
            page.number = text
        elif label == labels["date"] and not page.date:
            page.date = text
        elif label == labels["issuer"] and not page.issuer:
            page.issuer = links[0][1] if links else text
        elif label == labels["provinces"] and not page.provinces:
            page.provinces = [t for _, t in links] or [t.strip() for t in text.split(",")]
        elif "sarabun-badge--" in classes and not page.status:
            page.status = text
            m = re.search(r"sarabun-badge--([a-z-]+)", classes)
            page.status_code = m.group(1) if m else ""
    source = page.number or page.date
    m = _YEAR.search(to_arabic_digits(source))
    page.year = m.group(1) if m else ""
    return page


def is_document_url(url: str) -> bool:
    parts = url.strip("/").split("/")
    return len(parts) == 2 and parts[0] in DOCUMENT_DIRS


def parse_site_page(html: str, url: str) -> Page | None:
    """A site page (kind ``SITE_PAGE``): its title and article text, or None without them."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return None
    p = _ArticleParser()
    p.feed(html[start:end + len("</article>")])
    title = _SPACES.sub(" ", "".join(p.h1)).strip()
    if not title or not p.blocks:
        return None
    return Page(url=url, title=title, blocks=p.blocks, body_start=1, kind=SITE_PAGE)


def site_page_files(site_dir: Path) -> list[tuple[str, str]]:
    """(file, address) of every page that is searched: documents in address order, then the
    site pages in address order."""
    out = []
    for d in DOCUMENT_DIRS:
        for html_file in sorted((site_dir / d).glob("*/index.html")):
            out.append((str(html_file), html_file.parent.relative_to(site_dir).as_posix() + "/"))
    others = []
    for top in site_dir.iterdir():  # not rglob: the document folders are most of a large site
        if top.name in NOT_SITE_PAGE_DIRS or top.name.startswith("."):
            continue
        for html_file in [top] if top.is_file() else top.rglob("*.html"):
            rel = html_file.relative_to(site_dir)
            if rel.suffix != ".html" or rel.as_posix() in NOT_SITE_PAGES:
                continue
            url = rel.parent.as_posix() + "/" if rel.name == "index.html" else rel.as_posix()
            others.append((str(html_file), "" if url == "./" else url))
    return out + sorted(others, key=lambda f: f[1])


def read_pages(files: Iterable[tuple[str, str]]) -> list[Page]:
    """The pages of ``site_page_files`` that have text to search."""
    pages = []
    for path, url in files:
        html = Path(path).read_text(encoding="utf-8")
        page = parse_page(html, url) if is_document_url(url) else parse_site_page(html, url)
        if page is not None:
            pages.append(page)
    return pages


def site_pages(site_dir: Path) -> list[Page]:
    """Every searched page of a built site: documents in address order, then site pages."""
    return read_pages(site_page_files(site_dir))
