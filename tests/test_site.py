"""The real repository's site builds with ``mkdocs build --strict`` and stays self-contained.

Self-contained means no page, stylesheet or script makes the browser fetch anything from another
host (fonts, CDNs), and every internal link and asset reference resolves to a built file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, mkdocs_config, site_root
from sarabun.corpus import load_corpus
from sarabun.model import Document

#: Attributes that make the browser fetch something (``<a href>`` does not, until clicked).
#: ``<link>`` is recorded as ``link[rel]``: a canonical or alternate link is not fetched either.
NOT_FETCHED = {"a", "link[canonical]", "link[alternate]"}
FETCH_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")
#: Hosts that must never appear anywhere in the built site, not even as text in a script.
FORBIDDEN_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net",
                   "cdnjs.cloudflare.com", "use.fontawesome.com", "www.googletagmanager.com")


class Refs(HTMLParser):
    """Collect (tag, attribute, value) of every URL-valued attribute and inline style URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.nav_links: list[str] = []
        self._in_nav = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            tag = f"link[{dict(attrs).get('rel') or ''}]"
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if name in FETCH_ATTRS:
                urls = [p.split()[0] for p in value.split(",") if p.strip()] \
                    if name == "srcset" else [value]
                self.refs += [(tag, name, u) for u in urls]
            if name == "style":
                self.refs += [(tag, "style", m.group(1) or m.group(2))
                              for m in CSS_URL.finditer(value)]
        classes = dict(attrs).get("class") or ""
        if tag == "a" and "md-nav__link" in classes.split():
            self.nav_links.append(dict(attrs).get("href") or "")


def parse(path: Path) -> Refs:
    r = Refs()
    r.feed(path.read_text(encoding="utf-8"))
    return r


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob", "about"):
        return url.strip().startswith("//")
    return True


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The built file a relative URL from ``page`` points at, or None if it does not exist."""
    parts = urlsplit(url)
    if not parts.path:
        return page
    base = site if parts.path.startswith("/") else page.parent  # 404.html uses root paths
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if not target.is_relative_to(site.resolve()):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.exists() else None


@pytest.fixture(scope="module")
def html_files(built_site: Path) -> list[Path]:
    return sorted(built_site.rglob("*.html"))


@pytest.fixture(scope="module")
def corpus_docs() -> list[Document]:
    return load_corpus(site_root()).documents


def test_every_document_has_a_page(built_site: Path, corpus_docs: list[Document]) -> None:
    assert corpus_docs, "the repository has no documents"
    for doc in corpus_docs:
        page = built_site / doc.url / "index.html"
        assert page.exists(), doc.url
        text = page.read_text(encoding="utf-8")
        assert 'class="sarabun-meta"' in text
        if doc.date:
            assert doc.date.thai() in text
        if doc.status.code == "metadata-only":
            assert "sarabun-notice" in text


def test_index_pages_exist(built_site: Path) -> None:
    for index in ("browse/types", "browse/years", "browse/issuers", "browse/provinces",
                  "staff/schema", "staff/errors", "about", "contribute"):
        assert (built_site / index / "index.html").exists(), index
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in html


def test_no_external_fetch_in_html(built_site: Path, html_files: list[Path]) -> None:
    bad = []
    for page in html_files:
        for tag, attr, url in parse(page).refs:
            if tag in NOT_FETCHED and attr == "href":
                continue
            if is_external(url):
                bad.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
    assert bad == []


def test_no_external_fetch_in_css(built_site: Path) -> None:
    bad = []
    for css in built_site.rglob("*.css"):
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = m.group(1) or m.group(2)
            if is_external(url):
                bad.append(f"{css.relative_to(built_site)}: {url}")
    assert bad == []


def test_no_font_or_cdn_host_anywhere(built_site: Path) -> None:
    # Material's bundle names unpkg.com for a ResizeObserver polyfill and for mermaid; it loads
    # them only in old browsers or when a page has a diagram, which test_browser would catch.
    bad = []
    for f in built_site.rglob("*"):
        if f.suffix in (".html", ".css", ".js", ".json", ".xml"):
            text = f.read_text(encoding="utf-8", errors="replace")
            bad += [f"{f.relative_to(built_site)}: {h}" for h in FORBIDDEN_HOSTS if h in text]
            if f.suffix == ".html":
                assert 'class="mermaid"' not in text, f
    assert bad == []


def test_internal_links_resolve(built_site: Path, html_files: list[Path]) -> None:
    broken = []
    targets: dict[Path, set[str]] = {}
    for page in html_files:
        for tag, attr, url in parse(page).refs:
            if is_external(url) or url.startswith(("mailto:", "tel:", "data:", "#")) or \
                    attr == "style":
                continue
            target = resolve(built_site, page, url)
            if target is None:
                broken.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html":
                if target not in targets:
                    targets[target] = parse(target).ids
                if fragment not in targets[target]:
                    broken.append(f"{page.relative_to(built_site)}: {url} (no #{fragment})")
    assert broken == []


def test_nav_lists_index_pages_not_documents(built_site: Path,
                                             corpus_docs: list[Document]) -> None:
    config = mkdocs_config(site_root())
    flat = re.findall(r"[\w/.-]+\.md", str(config["nav"]))
    assert not [p for p in flat if p.startswith(("regulations/", "records/"))]
    assert len(flat) <= 20
    page = built_site / corpus_docs[0].url / "index.html"
    links = parse(page).nav_links
    assert 0 < len(links) <= 40
    assert not [h for h in links if re.search(r"(^|/)(regulations|records)/", h)]


def test_font_is_self_hosted(built_site: Path) -> None:
    css = (built_site / "assets" / "sarabun.css").read_text(encoding="utf-8")
    for weight in (400, 700):
        for subset in ("thai", "latin"):
            name = f"sarabun-{subset}-{weight}-normal.woff2"
            assert f"fonts/{name}" in css
            assert (built_site / "assets" / "fonts" / name).stat().st_size > 1000
    assert (built_site / "assets" / "fonts" / "OFL.txt").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "assets/sarabun.css" in home


def fixture_repo(dest: Path) -> Path:
    """The fixture corpus with this repository's mkdocs.yml, pages and assets."""
    fixture = Path(__file__).parent / "fixtures" / "site_corpus"
    shutil.copytree(fixture, dest)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():  # theme.custom_dir
        shutil.copytree(ROOT / "overrides", dest / "overrides")
    for f in (ROOT / "docs").rglob("*"):
        if f.is_file() and "originals" not in f.relative_to(ROOT / "docs").parts:
            target = dest / "docs" / f.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, target)
    return dest


def build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=600,
    )


def test_fixture_site_clause_anchors_and_escaping(tmp_path: Path) -> None:
    root = fixture_repo(tmp_path / "repo")
    proc = build(root, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "site" / "regulations" / "opm-regulation-2547-regional-supervision"
    ids = parse(page / "index.html").ids
    assert {"clause-1", "clause-2", "clause-12", "clause-12-1"} <= ids
    tricky = (tmp_path / "site" / "regulations" / "opm-ps-order-2545-164" / "index.html"
              ).read_text(encoding="utf-8")
    assert "<สปน.>" not in tricky and "<b>หมายเหตุ" not in tricky
    assert "<title>คำสั่ง &lt;สปน.&gt;" in tricky


def test_build_fails_with_the_problems_listed(tmp_path: Path) -> None:
    root = fixture_repo(tmp_path / "repo")
    bad = root / "regulations" / "order" / "opm-order-2545-301.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("2545-10-08", "2002-10-08"),
                   encoding="utf-8")
    proc = build(root, tmp_path / "site")
    assert proc.returncode != 0
    assert "regulations/order/opm-order-2545-301.md:" in proc.stderr
    assert "M005" in proc.stderr


def test_missing_original_fails_strict_build(tmp_path: Path) -> None:
    root = fixture_repo(tmp_path / "repo")
    (root / "docs" / "originals" / "fixture.txt").unlink()
    proc = build(root, tmp_path / "site")
    assert proc.returncode != 0
    assert "ไม่พบไฟล์ต้นฉบับ docs/originals/fixture.txt" in proc.stderr
