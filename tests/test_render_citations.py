"""Citations on the site (sarabun.render_citations): links, cited-by, relations, abbr, wanted page.

Unit tests on small texts and a small corpus (the site fixture plus one citing report), then the
real repository: its pages and the built site.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest

from conftest import ROOT
from sarabun.citations import CorpusIndex, body_start, find_citations, wanted
from sarabun.corpus import Corpus, load_corpus
from sarabun.render import Site, add_clause_anchors, doc_src, render_site
from sarabun.render_citations import (
    WANTED_PAGE,
    cite_index,
    excerpt_html,
    render_body,
    safe_span,
    unsafe_mask,
)

FIXTURE = Path(__file__).parent / "fixtures" / "site_corpus"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]

REGULATION = "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการกำกับและติดตามการปฏิบัติราชการในภูมิภาค พ.ศ. ๒๕๔๗"
REPORT = f"""---
id: opdc-report-citations
type: report
title: รายงานทดสอบการอ้างอิง
issuer: opdc
status: published
---

## ผลการดำเนินงานตาม{REGULATION}

ตาม{REGULATION} ข้อ ๑๒ และข้อ ๑ สำนักงาน ก.พ.ร. ได้ดำเนินการ เมื่อวันที่ 18 ก.พ. 64

ต่อมามีคำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕ ลงวันที่ ๘ ตุลาคม ๒๕๔๕ และคำสั่งสำนักนายกรัฐมนตรี ที่ 999/2550

- ดู `คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕` และ [คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕](https://example.org/)

| เรื่อง | อ้างอิง |
|---|---|
| การกำกับ | คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕ |

ระเบียบ ก.พ. ว่าด้วยการทดสอบ พ.ศ. 2550 และ <span title="คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕">x</span>
"""


# --- where tags may go ---------------------------------------------------------------------------

def span_of(text: str, part: str) -> tuple[int, int] | None:
    s = text.index(part)
    return safe_span(text, s, s + len(part), unsafe_mask(text))


def test_plain_span_kept() -> None:
    text = "ตามคำสั่ง ที่ 1/2545 แล้ว"
    assert span_of(text, "คำสั่ง ที่ 1/2545") == (3, 3 + len("คำสั่ง ที่ 1/2545"))


def test_span_cut_before_markup() -> None:
    text = "ตามคำสั่งสำนักนายกรัฐมนตรี ที่ **1/2545** แล้ว"
    s, e = span_of(text, "คำสั่งสำนักนายกรัฐมนตรี ที่ **1/2545")  # type: ignore[misc]
    assert text[s:e] == "คำสั่งสำนักนายกรัฐมนตรี ที่"


@pytest.mark.parametrize("text", [
    "ดู `คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545` นะ",
    "ดู [คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545](https://x.org/) นะ",
    "ดู <a href=\"x\">คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545</a> นะ",
    "## หัวข้อ คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545",
    "```\nคำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545\n```",
    "<div title=\"คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545\"></div>",
    "    คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545",
])
def test_unsafe_places_skipped(text: str) -> None:
    assert span_of(text, "คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545") is None


def test_nested_list_item_is_not_code() -> None:
    text = "- ข้อแรก\n    - 1.2 ตามคำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545"
    assert span_of(text, "คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545") is not None


def test_wrapped_line_kept_but_not_into_a_new_block() -> None:
    text = "ตามคำสั่งสำนักนายกรัฐมนตรี\nที่ 1/2545 แล้ว"
    s, e = span_of(text, "คำสั่งสำนักนายกรัฐมนตรี\nที่ 1/2545")  # type: ignore[misc]
    assert text[s:e] == "คำสั่งสำนักนายกรัฐมนตรี\nที่ 1/2545"
    text = "ตามคำสั่งสำนักนายกรัฐมนตรี\n- ที่ 1/2545 แล้ว"
    s, e = span_of(text, "คำสั่งสำนักนายกรัฐมนตรี\n- ที่ 1/2545")  # type: ignore[misc]
    assert text[s:e] == "คำสั่งสำนักนายกรัฐมนตรี"


# --- a small corpus ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("cites") / "repo"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ROOT / "records" / "registries", root / "records" / "registries",
                    dirs_exist_ok=True)
    report = root / "records" / "report" / "opdc-report-citations.md"
    report.parent.mkdir(parents=True)
    report.write_text(REPORT, encoding="utf-8")
    return load_corpus(root)


@pytest.fixture(scope="module")
def small_pages(small: Corpus) -> dict[str, str]:
    return render_site(small)


def to_html(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    out: str = markdown.markdown(body, extensions=EXTENSIONS)
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    p = _Text()
    p.feed(html)
    return " ".join("".join(p.parts).split())


def test_links_in_small_corpus(small_pages: dict[str, str]) -> None:
    page = small_pages["records/opdc-report-citations.md"]
    links = re.findall(r'<a class="sarabun-cite" id="(cite-\d+)" href="([^"]+)"[^>]*>', page)
    hrefs = [h for _, h in links]
    # the regulation with its clause anchor, the bare "ข้อ ๑" back to it, the 301 order once
    # (the code span, the existing link, and the HTML attribute are left alone; the table is fine)
    assert "../../regulations/opm-regulation-2547-regional-supervision/#clause-12" in hrefs
    assert "../../regulations/opm-regulation-2547-regional-supervision/#clause-1" in hrefs
    assert hrefs.count("../../regulations/opm-order-2545-301/") == 2
    html = to_html(page)
    assert html.count('class="sarabun-cite"') == len(links)
    assert html.count('class="sarabun-cite sarabun-cite--wanted"') == \
        page.count('class="sarabun-cite sarabun-cite--wanted"') == 2
    assert "<code>คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕</code>" in html
    assert '<a href="https://example.org/">คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕</a>' in html
    assert '<span title="คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕">x</span>' in html
    # the heading is not touched (its id and the table of contents stay as they were)
    heading = re.search(r"<h2[^>]*>ผลการดำเนินงาน.*?</h2>", html)
    assert heading and "sarabun-cite" not in heading.group()


def test_abbreviations(small: Corpus, small_pages: dict[str, str]) -> None:
    page = small_pages["records/opdc-report-citations.md"]
    opdc = small.registry.organizations["opdc"].name_th
    assert f'<abbr title="{opdc}">สำนักงาน ก.พ.ร.</abbr>' in page
    # ก.พ. the month is left alone; ก.พ. the issuer of a cited regulation is the commission
    assert "18 ก.พ. 64" in page
    csc = small.registry.organizations["csc"].name_th
    assert page.count(f'<abbr title="{csc}">ก.พ.</abbr>') <= 1
    assert "18 <abbr" not in page


def test_text_survives_linking(small: Corpus) -> None:
    """Rendering with links and abbr gives the same visible text as without."""
    site = Site(small)
    for doc in small.documents:
        plain = text_of(to_html(add_clause_anchors(doc.body.strip("\n"))))
        linked = text_of(to_html(render_body(site, doc)))
        assert linked == plain, doc.id


def test_cited_by_and_wanted(small_pages: dict[str, str]) -> None:
    reg = small_pages["regulations/opm-regulation-2547-regional-supervision.md"]
    assert "## ถูกอ้างถึงโดย" in reg and "{#cited-by}" in reg
    assert 'href="../../records/opdc-report-citations/"' in reg
    assert re.search(r'href="../../records/opdc-report-citations/#cite-\d+"', reg)
    assert "<mark>" in reg
    wanted_page = small_pages[WANTED_PAGE]
    assert "คำสั่งสำนักนายกรัฐมนตรี ที่ 999/2550" in wanted_page
    assert re.search(r'href="../../records/opdc-report-citations/#cite-\d+"', wanted_page)


def test_relations_both_ways_with_detected(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ROOT / "records" / "registries", root / "records" / "registries",
                    dirs_exist_ok=True)
    base = "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการกำกับและติดตามการปฏิบัติราชการในภูมิภาค"
    (root / "regulations" / "regulation" / "opm-regulation-2548-no2.md").write_text(
        f"---\nid: opm-regulation-2548-no2\ntype: regulation\n"
        f"title: {base} (ฉบับที่ ๒) พ.ศ. ๒๕๔๘\nissuer: opm\ndate: 2548\n"
        "status: metadata-only\n---\n",
        encoding="utf-8")
    report = root / "records" / "report" / "opdc-report-citations.md"
    report.parent.mkdir(parents=True)
    report.write_text(REPORT.replace(
        f"ตาม{REGULATION} ข้อ ๑๒", f"ตาม{REGULATION} และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2548"),
        encoding="utf-8")
    corpus = load_corpus(root)
    site = Site(corpus)
    detected = [r for r in cite_index(site).relations if r.detected]
    assert [(r.source, r.target, r.kind, r.found_in) for r in detected] == [
        ("opm-regulation-2548-no2", "opm-regulation-2547-regional-supervision", "amends",
         ("opdc-report-citations",))]
    pages = render_site(corpus)
    amended = pages["regulations/opm-regulation-2547-regional-supervision.md"]
    assert "เอกสารนี้มีการแก้ไขเพิ่มเติม" in amended
    assert 'href="../opm-regulation-2548-no2/"' in amended
    assert "ถูกแก้ไขโดย (พบจากข้อความ)" in amended
    amender = pages["regulations/opm-regulation-2548-no2.md"]
    assert "ฉบับนี้แก้ไขเพิ่มเติม" in amender
    assert 'href="../opm-regulation-2547-regional-supervision/"' in amender
    assert "แก้ไขเอกสาร (พบจากข้อความ)" in amender


def test_excerpt_is_escaped() -> None:
    body = "ก่อน <b>x</b> ตามคำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545 แล้ว & หลัง"
    index = CorpusIndex()
    c = find_citations(body, index)[0]
    html = excerpt_html(body, c)
    assert "<b>" not in html and "&amp;" in html
    assert "<mark>คำสั่งสำนักนายกรัฐมนตรี ที่ 1/2545</mark>" in html


# --- the real repository -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real() -> Corpus:
    return load_corpus(ROOT)


@pytest.fixture(scope="module")
def real_pages(real: Corpus) -> dict[str, str]:
    return render_site(real)


def test_profile_links_order_301(real_pages: dict[str, str]) -> None:
    page = real_pages["records/skkp-profile.md"]
    assert re.search(r'<a class="sarabun-cite" id="cite-\d+" '
                     r'href="../../regulations/opm-order-2545-301/"[^>]*>'
                     r"คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕", page)


def test_order_301_cited_by_profile(real_pages: dict[str, str]) -> None:
    page = real_pages["regulations/opm-order-2545-301.md"]
    section = page.split("## ถูกอ้างถึงโดย", 1)[1]
    assert 'href="../../records/skkp-profile/"' in section
    assert re.search(r'href="../../records/skkp-profile/#cite-\d+"', section)
    assert "<mark>คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕" in section


def test_wanted_page_lists_unresolved(real: Corpus, real_pages: dict[str, str]) -> None:
    index = CorpusIndex.from_corpus(real)
    found = []
    for doc in real.documents:
        text = (real.root / doc.path).read_text(encoding="utf-8")
        found += [(doc.path.as_posix(), c) for c in find_citations(text, index, body_start(text))]
    expected = wanted(found)
    assert expected
    page = real_pages[WANTED_PAGE]
    from sarabun.render import esc
    for w in expected:
        assert esc(w.label) in page, w.label
    assert page.count('class="sarabun-wanted__item"') == len(expected)


def test_abbr_with_registry_full_name(real: Corpus, real_pages: dict[str, str]) -> None:
    page = real_pages["records/skkp-profile.md"]
    name = real.registry.organizations["opm-ps"].name_th
    assert f'<abbr title="{name}">สปน.</abbr>' in page


def test_real_text_survives_linking(real: Corpus) -> None:
    site = Site(real)
    for doc in real.documents:
        plain = text_of(to_html(add_clause_anchors(doc.body.strip("\n"))))
        assert text_of(to_html(render_body(site, doc))) == plain, doc.id
        placed = [p for p in cite_index(site).citations[str(doc.id)] if p.span]
        html = to_html(render_body(site, doc))
        assert html.count('class="sarabun-cite') == len(placed), doc.id


def test_built_site_links_and_cited_by(built_site: Path, real: Corpus) -> None:
    by_id = real.by_id()
    profile = (built_site / by_id["skkp-profile"].url / "index.html").read_text(encoding="utf-8")
    assert 'href="../../regulations/opm-order-2545-301/"' in profile
    order = (built_site / by_id["opm-order-2545-301"].url / "index.html").read_text(
        encoding="utf-8")
    assert 'id="cited-by"' in order
    assert (built_site / "browse" / "wanted" / "index.html").exists()
    assert doc_src(by_id["skkp-profile"]) == "records/skkp-profile.md"
