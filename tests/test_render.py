"""Unit tests of sarabun.render on a small fixture corpus (tests/fixtures/site_corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest
import yaml

from conftest import mkdocs_config
from sarabun.corpus import Corpus, load_corpus
from sarabun.model import FIELDS, STATUSES
from sarabun.problems import CODES
from sarabun.render import (
    add_clause_anchors,
    md_text,
    missing_sources,
    relative_url,
    render_site,
    url_for,
)

FIXTURE = Path(__file__).parent / "fixtures" / "site_corpus"
ROOT = Path(__file__).resolve().parent.parent
REGULATION = "regulations/opm-regulation-2547-regional-supervision.md"
TRICKY = "regulations/opm-ps-order-2545-164.md"
META_ONLY = "regulations/opm-order-2545-301.md"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    c = load_corpus(FIXTURE)
    assert c.problems == []
    return c


@pytest.fixture(scope="module")
def pages(corpus: Corpus) -> dict[str, str]:
    return render_site(corpus)


def to_html(text: str) -> str:
    """Render a page the way mkdocs does (same extensions), without its front matter."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    html: str = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables",
                                                    "admonition", "toc"])
    return html


def title_of(text: str) -> str:
    head = text.split("\n---\n", 1)[0].removeprefix("---\n")
    value = yaml.safe_load(head)["title"]
    assert isinstance(value, str)
    return value


def test_a_page_for_every_document_at_its_url(corpus: Corpus, pages: dict[str, str]) -> None:
    for doc in corpus.documents:
        src = f"{doc.type.category.value}/{doc.id}.md"
        assert src in pages
        assert url_for(src) == doc.url
        assert title_of(pages[src])


def test_panel_has_thai_date_number_issuer_and_badge(pages: dict[str, str]) -> None:
    html = to_html(pages[REGULATION])
    assert "๑๕ มีนาคม ๒๕๔๗" in html
    assert "เมษายน ๒๕๔๗" in html  # effective date known to the month
    assert "สำนักนายกรัฐมนตรี (นร.)" in html
    assert 'href="../../browse/issuers/opm/"' in html
    assert 'sarabun-badge--in-force">มีผลใช้บังคับ<' in html
    assert 'href="../../originals/fixture.txt"' in html
    # downloaded under the document's id, not the stored (hash) name
    rid = REGULATION.rsplit("/", 1)[1].removesuffix(".md")
    assert f'href="../../originals/fixture.txt" download="{rid}.txt">ดาวน์โหลด TXT<' in html
    assert 'href="../../browse/provinces/chiang-mai/">เชียงใหม่<' in html
    order = to_html(pages[TRICKY])
    assert "๑๖๔/๒๕๔๕" in order
    assert "๑๑ ธันวาคม ๒๕๔๕" in order


def test_relations_both_ways(pages: dict[str, str]) -> None:
    assert 'href="../opm-order-2545-301/"' in pages[REGULATION]
    assert "ถูกแก้ไขโดย" in pages[META_ONLY]
    assert 'href="../opm-regulation-2547-regional-supervision/"' in pages[META_ONLY]


def test_clause_anchors_in_page(pages: dict[str, str]) -> None:
    html = to_html(pages[REGULATION])
    ids = re.findall(r'id="(clause-[^"]+)"', html)
    assert ids == ["clause-1", "clause-2", "clause-12", "clause-12-1"]
    assert "ข้อ ๓ ที่อยู่กลางบรรทัด" in html  # not a clause: not at the start of a line


@pytest.mark.parametrize(("line", "anchor"), [
    ("## ข้อ ๑๒", "clause-12"),
    ("### ข้อ 12 ให้ยกเลิก", "clause-12"),
    ("## **ข้อ ๕**", "clause-5"),
    ("ข้อ ๗ ให้ปลัด", "clause-7"),
    ("**ข้อ ๘** ให้", "clause-8"),
    ("ข้อ๙ ติดกัน", "clause-9"),
    ("ข้อ ๑๒/๑ แทรก", "clause-12-1"),
    ("ข้อ ๑. ระเบียบนี้", "clause-1"),
])
def test_clause_anchor_forms(line: str, anchor: str) -> None:
    html = to_html(add_clause_anchors(line))
    assert f'id="{anchor}"' in html


@pytest.mark.parametrize("line", [
    "ข้อความ ข้อ ๑ กลางบรรทัด",
    "- ข้อ ๑ ในรายการ",
    "> ข้อ ๑ ในคำพูด",
    "| ข้อ ๑ | ตาราง |",
    "ข้อ 3.1 ข้อย่อย",
    "ข้อสังเกต ๑",
])
def test_not_clauses(line: str) -> None:
    assert "clause-" not in add_clause_anchors(line)


def test_clause_after_heading_not_inside_paragraph() -> None:
    out = add_clause_anchors("## หมวด ๑\nข้อ ๑ แรก\nข้อ ๒ เป็นบรรทัดต่อของย่อหน้า")
    assert 'id="clause-1"' in out and "clause-2" not in out


def test_clause_anchors_unique_and_skip_code() -> None:
    body = "ข้อ ๑ แรก\n\nข้อ 1 ซ้ำ\n\n```\nข้อ ๒ ในโค้ด\n```\n\n## ข้อ ๓ {#own-id}\n"
    out = add_clause_anchors(body)
    assert 'id="clause-1"' in out and 'id="clause-1-x2"' in out
    assert "clause-2" not in out
    assert "{#own-id}" in out and "clause-3" not in out


def test_metadata_values_are_escaped(pages: dict[str, str]) -> None:
    page = pages[TRICKY]
    assert "<สปน.>" not in page and "<b>" not in page
    assert "&lt;สปน.&gt;" in page and "&lt;b&gt;หมายเหตุ&lt;/b&gt; &amp; อื่น ๆ" in page
    assert title_of(page) == ("คำสั่ง &lt;สปน.&gt; ที่ 164/2545 &amp; &quot;ทดสอบ&quot; "
                              "*อักขระ* [พิเศษ]")
    html = to_html(page)
    assert "<em>" not in html  # *อักขระ* stays text
    for src, text in pages.items():
        if src.startswith("browse/"):
            assert "<สปน.>" not in text, src
    listing = to_html(pages["browse/types/order.md"])
    assert "&lt;สปน.&gt; ที่ 164/2545 &amp; &quot;ทดสอบ&quot; *อักขระ* [พิเศษ]</a>" in listing


def test_md_text_escapes_markup() -> None:
    html = markdown.markdown("## " + md_text("a *b* [c](d) <e> & | #"), extensions=["tables"])
    assert "<em>" not in html and "<a" not in html and "&lt;e&gt;" in html


def test_metadata_only_notice(pages: dict[str, str]) -> None:
    page = pages[META_ONLY]
    assert "sarabun-notice" in page
    assert "ยังไม่มีข้อความของเอกสารนี้ในคลัง" in page
    assert page.index("sarabun-notice") < page.index("sarabun-meta")
    assert 'href="../../contribute/"' in page
    assert "sarabun-notice" not in pages[REGULATION]


def test_index_pages_present(pages: dict[str, str]) -> None:
    for src in ("browse/types/index.md", "browse/types/order.md", "browse/types/regulation.md",
                "browse/years/index.md", "browse/years/2545.md", "browse/years/unknown.md",
                "browse/issuers/index.md", "browse/issuers/opm-ps.md",
                "browse/provinces/index.md", "browse/provinces/khon-kaen.md",
                "staff/schema.md", "staff/errors.md"):
        assert src in pages, src
    assert "browse/types/act.md" not in pages  # no page for a type without documents
    assert "browse/provinces/bangkok.md" not in pages


def test_years_descending_unknown_last(pages: dict[str, str]) -> None:
    years = re.findall(r'href="(\w+)/"', pages["browse/years/index.md"])
    assert years == ["2564", "2547", "2545", "unknown"]
    assert "พ.ศ. ๒๕๖๔" in pages["browse/years/index.md"]


def test_document_list_newest_first(pages: dict[str, str]) -> None:
    order = pages["browse/types/order.md"]
    assert order.index("opm-ps-order-2545-164") < order.index("opm-order-2545-301")
    assert "ถูกยกเลิก" in order and "๘ ตุลาคม ๒๕๔๕" in order and "เลขที่ ๓๐๑/๒๕๔๕" in order


def test_issuers_full_name_thai_order(pages: dict[str, str]) -> None:
    index = pages["browse/issuers/index.md"]
    names = re.findall(r'href="[^"]+/">([^<]+)</a>', index)
    assert names == [
        "สำนักงานคณะกรรมการกำกับและติดตามการปฏิบัติราชการในภูมิภาค (ส.กกภ.)",
        "สำนักงานปลัดสำนักนายกรัฐมนตรี (สปน.)",
        "สำนักนายกรัฐมนตรี (นร.)",
        # the name already starts with the abbreviation, so it is not repeated
        "อ.ก.พ.ร. เกี่ยวกับการส่งเสริมและพัฒนาระบบการบริหารราชการในส่วนภูมิภาคและท้องถิ่น",
    ]
    assert title_of(pages["browse/issuers/opm.md"]) == "สำนักนายกรัฐมนตรี"
    assert 'href="../opm/">สำนักนายกรัฐมนตรี</a>' in pages["browse/issuers/opm-ps.md"]


def test_provinces_grouped_by_region_with_cluster(pages: dict[str, str]) -> None:
    index = pages["browse/provinces/index.md"]
    assert index.index("## ภาคเหนือ") < index.index("จังหวัดเชียงใหม่") \
        < index.index("จังหวัดลำพูน") < index.index("## ภาคตะวันออกเฉียงเหนือ") \
        < index.index("จังหวัดขอนแก่น")
    assert "กลุ่มจังหวัดภาคเหนือตอนบน 1 · ๒ ฉบับ" in index
    page = pages["browse/provinces/chiang-mai.md"]
    assert "pdc-regional-minutes-2564-1" in page and "opm-regulation-2547" in page


def test_schema_and_error_pages_cover_the_tables(pages: dict[str, str]) -> None:
    schema = pages["staff/schema.md"]
    for spec in FIELDS:
        assert f"`{spec.name}`" in schema
    for code in STATUSES:
        assert f"`{code}`" in schema
    errors = to_html(pages["staff/errors.md"])
    for code in CODES:
        assert f'id="{code.lower()}"' in errors


def test_nav_small_and_pages_in_it_exist(pages: dict[str, str]) -> None:
    config = mkdocs_config(ROOT)
    listed = re.findall(r"[\w/.-]+\.md", str(config["nav"]))
    assert 5 <= len(listed) <= 20
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    for src in listed:
        assert src in pages or src in hand_written, src
        assert not src.startswith(("regulations/", "records/"))


def test_urls_without_directory_urls(corpus: Corpus) -> None:
    pages = render_site(corpus, directory_urls=False)
    assert 'href="../browse/issuers/opm.html"' in pages[REGULATION]
    assert url_for("browse/types/index.md", False) == "browse/types/index.html"


@pytest.mark.parametrize(("src", "dst", "rel"), [
    ("regulations/x/", "browse/types/order/", "../../browse/types/order/"),
    ("browse/types/", "browse/types/order/", "order/"),
    ("", "browse/years/", "browse/years/"),
    ("browse/years/", "", "../../"),
    ("records/x/", "originals/a.txt", "../../originals/a.txt"),
    ("regulations/x/", "regulations/x/", "./"),
])
def test_relative_url(src: str, dst: str, rel: str) -> None:
    assert relative_url(src, dst) == rel


def test_missing_sources(corpus: Corpus) -> None:
    assert missing_sources(corpus, ["originals/fixture.txt"]) == []
    assert missing_sources(corpus, []) == [
        "regulations/regulation/opm-regulation-2547-regional-supervision.md: "
        "ไม่พบไฟล์ต้นฉบับ docs/originals/fixture.txt"]
