"""Province pages: entries grouped by kind, with what the structured data says about a province."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sarabun.corpus import load_corpus
from sarabun.province_items import (
    KIND_LABELS,
    ProvinceEntry,
    contributors,
    document_entries,
    province_entries,
)
from sarabun.render import Site, doc_src, render_site
from test_render import to_html

ROOT = Path(__file__).resolve().parent.parent
MINUTES = "pdc-regional-minutes-2564-1"
REPORT = "moi-ps-report-provincial-supervision"


@pytest.fixture(scope="module")
def site() -> Site:
    return Site(load_corpus(ROOT))


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_site(site.corpus)


def test_pilot_provinces_of_002_show_agenda_item(site: Site, pages: dict[str, str]) -> None:
    doc = site.by_id[MINUTES]
    assert len(doc.provinces) == 22
    for pid in doc.provinces:
        html = to_html(pages[f"browse/provinces/{pid}.md"])
        assert 'id="kind-minutes"' in html, pid
        assert f'href="../../../records/{MINUTES}/#agenda-1">วาระที่ ๑</a> มติ' in html, pid
        assert "เห็นชอบกับแนวทางการดำเนินงาน" in html


def test_supervised_provinces_of_004_show_findings(site: Site, pages: dict[str, str]) -> None:
    sup = site.by_id[REPORT].supervision
    assert sup is not None and len(sup.provinces) == 8
    for prov in sup.provinces:
        html = to_html(pages[f"browse/provinces/{prov.province}.md"])
        report = html.split('id="kind-report"')[1]
        assert f'href="../../../records/{REPORT}/"' in report
        for finding in prov.findings:
            assert finding.text in report
    songkhla = to_html(pages["browse/provinces/songkhla.md"])
    assert "มีกำหนดติดตาม (กรกฎาคม ๒๕๕๒)" in songkhla
    assert "ติดตามผลแล้ว" in to_html(pages["browse/provinces/chai-nat.md"])


def test_kinds_in_order_with_counts(pages: dict[str, str]) -> None:
    # อุดรธานี and ลำปาง are both pilot provinces (002) and supervised (004)
    # ลำปาง is also named by a project in seed 003's plan data (its best-practice list)
    for pid, docs in (("udon-thani", "๒"), ("lampang", "๓")):
        page = pages[f"browse/provinces/{pid}.md"]
        assert page.index("### รายงานการประชุม (๑ ฉบับ) {#kind-minutes}") \
            < page.index("### รายงาน (๑ ฉบับ) {#kind-report}")
        assert f"## เอกสารที่เกี่ยวข้อง ({docs} ฉบับ)" in page


def _fake_projects(site: Site) -> Iterator[ProvinceEntry]:
    """What a plan module would contribute: a project entry pointing into a plan page."""
    plan = next(d for d in site.corpus.documents if d.type.code == "plan")
    for n, title in enumerate(("โครงการ ข", "โครงการ ก"), 1):
        yield ProvinceEntry("lampang", "project", doc_src(plan), title,
                            anchor=f"project-{n}", doc=plan,
                            details=("<p>งบประมาณ</p>",))


def test_contributors_can_add_entries_and_details(site: Site) -> None:
    assert contributors()[0] is document_entries
    entries = province_entries(site, [*contributors(), _fake_projects])["lampang"]
    assert list(entries) == ["project", "minutes", "report"]
    # same date: Thai title order; then the older project of seed 003's plan data
    assert [e.title for e in entries["project"]] == [
        "โครงการ ก", "โครงการ ข", "การขยายผลต้นแบบการบริหารงานจังหวัดแบบบูรณาการ"]
    # the report entry of 004 is one entry with the supervision details merged in
    [report] = entries["report"]
    assert report.doc is site.by_id[REPORT] and len(report.details) == 2
    assert list(KIND_LABELS)[:5] == ["plan", "project", "minutes", "order", "report"]


def test_entries_newest_first(site: Site) -> None:
    docs = sorted((d for d in site.corpus.documents if d.date), key=lambda d: d.date.iso())
    old, new = docs[0], docs[-1]

    def two(_: Site) -> Iterator[ProvinceEntry]:
        yield ProvinceEntry("trat", "order", doc_src(old), "ก", doc=old)
        yield ProvinceEntry("trat", "order", doc_src(new), "ข", doc=new)

    assert [e.doc for e in province_entries(site, [two])["trat"]["order"]] == [new, old]


def test_project_entries_render_on_the_page(site: Site, pages: dict[str, str]) -> None:
    from sarabun.render import entry_list

    entries = province_entries(site, [_fake_projects])["lampang"]["project"]
    html = entry_list(site, "browse/provinces/lampang.md", entries)
    assert re.search(r'href="\.\./\.\./\.\./records/[a-z0-9-]+/#project-\d+">โครงการ ก</a>', html)
    assert "<p>งบประมาณ</p>" in html and "sarabun-doclist__type" in html
