"""Plans as data (``plan:``): numbers, parsing, the K checks, seed 003, the charts and pages."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sarabun.corpus import Corpus, load_corpus
from sarabun.frontmatter import split
from sarabun.model import FIELD_SPECS, Kind
from sarabun.plan import Plan, parse, parse_number
from sarabun.problems import Problem
from sarabun.render import render_site
from sarabun.svgchart import WIDTH, Row, Series, bar_chart, shorten, text_width
from test_render import to_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "site_corpus"
SEED = ROOT / "records" / "report" / "2548" / "opdc-report-2548-annual.md"
ORIGINAL = ROOT / "docs" / "originals" / "003_d4d1b898d82b29d3.txt"
REL = Path("records/plan/opm-plan-2548-test.md")
SVG = "{http://www.w3.org/2000/svg}"

HEAD = """---
id: opm-plan-2548-test
type: plan
title: แผนทดสอบ
issuer: opm
date: 2548
status: published
"""

FULL = """plan:
  period: 2548-2551
  issues:
    - number: "๑"
      title: ประเด็นที่หนึ่ง
      projects:
        - key: counter
          title: ศูนย์บริการร่วม
          group: การบริการ
          agency: opm
          provinces: [chiang-mai]
          budget:
            - item: งบดำเนินงาน
              requested: "12,000,000"
              allocated: "๑๐,๐๐๐,๐๐๐"
              disbursed: "7,500,000"
              unit: บาท
              period: "2548"
          kpis:
            - name: ความพึงพอใจ
              target: "80"
              actual: "96.56"
              unit: ร้อยละ
            - name: ผู้มาใช้บริการ
              actual: "46,879"
              unit: ราย
          progress:
            - date: 2548-03-31
              round: รอบ 6 เดือน
              percent: "40"
              text: เปิดบริการแล้ว
            - date: 2548-03-31
              version: "๒"
              percent: "45"
            - date: 2548-09-30
              percent: "100"
              disbursed: "7,500,000"
              unit: บาท
          awards:
            - title: รางวัล
              groups:
                - award: ดีเด่น
                  scope: จังหวัด (1)
                  entries:
                    - process: การจัดทำบัตร
                      agency: อำเภอหนึ่ง
                      province: lamphun
        - key: plain
          title: โครงการที่ไม่มีข้อมูล
  scorecards:
    - title: ตารางตัวชี้วัด
      project: counter
      note: หมายเหตุ
      kpis:
        - {number: "1", issue: ประสิทธิภาพ, name: ความพึงพอใจ, target: "100%", actual: "95%"}
"""


def parse_text(plan_yaml: str) -> tuple[Plan | None, list[Problem]]:
    fm, _, _ = split(HEAD + plan_yaml + "---\n\nข้อความ\n")
    return parse(REL, fm.value_nodes["plan"])


def codes(probs: list[Problem]) -> list[str]:
    return [p.code for p in probs]


# --- numbers and parsing ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "percent"), [
    ("5,550", "5550", False), ("๕,๕๕๐", "5550", False), ("96.56", "96.56", False),
    ("๙๕%", "95", True), ("1,234,567.5", "1234567.5", False), ("0", "0", False),
])
def test_numbers(text: str, value: str, percent: bool) -> None:
    n = parse_number(text)
    assert n is not None and str(n.value) == value and n.percent is percent and n.text == text


@pytest.mark.parametrize("text", ["ร้อยละ 80", "1.000,5", "12,34", "10 ล้าน", "-5", "", "๑,๒"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_plan_is_a_mapping_field() -> None:
    assert FIELD_SPECS["plan"].kind is Kind.MAPPING and not FIELD_SPECS["plan"].required


def test_parse_full_plan() -> None:
    plan, probs = parse_text(FULL)
    assert probs == []
    assert plan is not None and plan.period == "2548-2551"
    issue = plan.issues[0]
    assert issue.number == "๑" and issue.anchor == "issue-1"
    project = issue.projects[0]
    assert (project.key, project.group, project.agency) == ("counter", "การบริการ", "opm")
    budget = project.budget[0]
    assert budget.allocated is not None and budget.allocated.text == "๑๐,๐๐๐,๐๐๐"
    assert budget.disbursement_rate == pytest.approx(75.0)
    kpi, no_target = project.kpis
    assert kpi.achievement == pytest.approx(120.7)
    assert no_target.target is None and no_target.achievement is None
    first, second, third = project.progress
    assert (first.version, second.version, third.version) == (1, 2, 1)
    assert first.superseded and not second.superseded and not third.superseded
    assert plan.provinces() == ["chiang-mai", "lamphun"]
    assert plan.scorecards[0].project == "counter"
    data = plan.as_dict()
    issues = data["issues"]
    assert isinstance(issues, list)
    saved = issues[0]["projects"][0]
    assert saved["budget"][0]["allocated"] == "๑๐,๐๐๐,๐๐๐"  # as written, never reformatted
    assert "target" not in saved["kpis"][1]  # not given, not invented
    assert saved["progress"][1]["version"] == 2 and saved["progress"][0]["superseded"] is True


def test_positions_point_into_the_file() -> None:
    _, probs = parse_text("""plan:
  issues:
    - title: ก
      projects:
        - key: a
          title: ข
          kpis:
            - {name: ค, actual: มาก}
""")
    assert [(p.line, p.col, p.code) for p in probs] == [(15, 33, "K002")]


@pytest.mark.parametrize(("yaml_text", "code"), [
    ("plan: {issues: ก}\n", "K001"),
    ("plan: {issues: [{title: ก, projects: [{key: a}]}]}\n", "K001"),
    ("plan: {issues: [{projects: []}]}\n", "K001"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, kpis: [{target: '1'}]}]}]}\n",
     "K001"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, budget: [{allocated: มาก}]}]}]}\n",
     "K002"),
    ("plan: {issues: [{title: ก, projects: [{key: A, title: ข}]}]}\n", "K004"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข}, {key: a, title: ค}]}]}\n",
     "K004"),
    ("plan: {scorecards: [{title: ก, project: x}]}\n", "K004"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, progress: [{date: '2005'}]}]}]}\n",
     "K005"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, progress: "
     "[{date: '2548-05'}, {date: '2548-04'}]}]}]}\n", "K006"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, progress: "
     "[{date: '2548', version: '0'}]}]}]}\n", "K006"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, budget: "
     "[{allocated: '5', disbursed: '6'}]}]}]}\n", "K007"),
    ("plan: {issues: [{title: ก, projects: [{key: a, title: ข, progress: "
     "[{date: '2548', percent: '101'}]}]}]}\n", "K007"),
])
def test_each_problem(yaml_text: str, code: str) -> None:
    assert code in codes(parse_text(yaml_text)[1])


# --- seed 003 -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_plan() -> Plan:
    from sarabun.checks import parse_document

    doc, _, probs = parse_document(SEED.relative_to(ROOT), SEED.read_bytes())
    assert probs == [] and doc is not None and doc.plan is not None
    return doc.plan


def test_seed_003_structure(seed_plan: Plan) -> None:
    assert [i.number for i in seed_plan.issues] == ["1", "2", "3", "๔", "๕"]
    assert len(list(seed_plan.projects())) == 35
    awards = seed_plan.project("process-time-reduction")
    assert awards is not None
    # the seed: "มีกระบวนการที่ได้รับรางวัลจำนวน 33 กระบวนการ"
    assert sum(t.count for t in awards.awards) == 33
    sizes = [len(g.entries) for g in awards.awards[0].groups]
    assert sizes == [6, 4, 11, 9]  # the counts the seed's table headings give
    sar = seed_plan.scorecards[0]
    assert len(sar.kpis) == 10 and sar.project == "performance-agreement"
    assert {(k.target.text if k.target else "", k.actual.text if k.actual else "")
            for k in sar.kpis} == {("100%", "95%")}


def _strings(value: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, key)]
    return [(key, str(value))]


def test_seed_003_plan_data_is_the_seeds_own_words() -> None:
    """Every name, title, number, period and quoted text occurs in the original; only the
    editor's keys, ids, BE dates and the marked editor's note are not the seed's text."""
    fm, _, _ = split(SEED.read_text(encoding="utf-8"))
    original = re.sub(r"\s+", "", ORIGINAL.read_text(encoding="utf-8"))
    editorial = {"key", "project", "date", "version", "agency", "province", "provinces", "note"}
    values = [(k, v) for k, v in _strings(fm.data["plan"]) if k not in editorial]
    assert len(values) > 200
    missing = [(k, v) for k, v in values if re.sub(r"\s+", "", v) not in original]
    assert missing == []


# --- charts -------------------------------------------------------------------------------

def test_bar_chart_is_accessible_svg() -> None:
    svg = bar_chart("c1", "ชื่อแผนภูมิ", "คำอธิบาย", (Series("เป้าหมาย", "hatch"),
                                                   Series("ผล", "solid")),
                    [Row("ตัวชี้วัด ก", (100.0, 95.0), ("100%", "95%")),
                     Row("ตัวชี้วัด ข", (10.0, None), ("10", ""))], shared_scale=False)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "ชื่อแผนภูมิ"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "คำอธิบาย"  # type: ignore[union-attr]
    assert root.find(f".//{SVG}pattern[@id='c1-hatch']") is not None
    texts = [t.text for t in root.iter(f"{SVG}text")]
    # bars are labelled in words, never by colour alone; a missing value draws no bar
    assert texts == ["เป้าหมาย", "ผล", "ตัวชี้วัด ก", "เป้าหมาย 100%", "ผล 95%", "ตัวชี้วัด ข",
                     "เป้าหมาย 10"]
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("height") == "18"]
    widths = [float(r.get("width", "0")) for r in bars]
    assert widths[1] == pytest.approx(widths[0] * 0.95, rel=0.01)
    assert widths[2] == pytest.approx(widths[0])  # each row on its own scale
    assert "<script" not in svg and "style=" not in svg


def test_value_labels_fit_in_the_chart() -> None:
    long = "งบที่ได้รับจัดสรร"
    rows = [Row("ก", (5550.0,), ("5,550 ล้านบาท",)), Row("ข", (1.0,), ("1 ล้านบาท",))]
    root = ET.fromstring(bar_chart("c2", "t", "d", (Series(long, "hatch"),), rows))
    labels = [t for t in root.iter(f"{SVG}text") if (t.text or "").startswith(long + " ")]
    for label in labels:
        assert float(label.get("x", "0")) + text_width(label.text or "") <= WIDTH


def test_shorten_never_cuts_before_a_mark() -> None:
    text = "การจัดทำคำรับรองการปฏิบัติราชการและประเมินผลการปฏิบัติราชการ"
    for limit in range(5, len(text)):
        cut = shorten(text, limit).removesuffix("…")
        assert text.startswith(cut) and (len(cut) == len(text) or text[len(cut)] not in "ั็่้๊๋ิีึืุู")


# --- pages --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("plans")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "records" / "plan").mkdir(parents=True)
    (root / REL).write_text(HEAD + FULL + "---\n\nข้อความของแผน\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.problems == []
    return corpus


@pytest.fixture(scope="module")
def plan_pages(plan_corpus: Corpus) -> dict[str, str]:
    return render_site(plan_corpus)


def test_plan_section(plan_pages: dict[str, str]) -> None:
    html = to_html(plan_pages["records/opm-plan-2548-test.md"])
    for anchor in ("plan", "plan-issues", "issue-1", "project-counter", "project-plain",
                   "plan-budget", "scorecard-1"):
        assert f'id="{anchor}"' in html, anchor
    assert html.index('id="plan"') < html.index("ข้อความของแผน")  # data first, then the text
    # each chart sits in a .sarabun-chart block followed by its data table
    charts = re.findall(r'<div class="sarabun-chart">\n<div class="sarabun-chart__figure">'
                        r'(<svg.*?</svg>)</div>\n<div class="sarabun-plan-table[^"]*">\n<table>',
                        html, re.S)
    assert len(charts) == 4  # project KPIs, progress, plan budget, scorecard
    kpi, _, budget, card = (ET.fromstring(c) for c in charts)
    assert "ความพึงพอใจ: เป้าหมาย 80 ร้อยละ ผล 96.56 ร้อยละ" in (kpi.findtext(f"{SVG}desc") or "")
    budget_texts = [t.text for t in budget.iter(f"{SVG}text")]
    assert budget_texts[:3] == ["งบที่ขอ", "งบที่ได้รับจัดสรร", "เบิกจ่าย"]
    assert "เบิกจ่าย 7,500,000 บาท" in budget_texts
    assert card.get("aria-labelledby") == "chart-scorecard-1-title chart-scorecard-1-desc"
    # the tables beside them carry the same numbers, plus what the chart cannot show
    assert "<td>46,879</td>" in html and "<td>120.7%</td>" in html and "<td>75.0%</td>" in html
    assert html.count('<span class="sarabun-empty">ไม่ระบุ</span>') >= 1  # no invented target
    assert "(มีฉบับแก้ไขแล้ว)" in html and "หมายเหตุของผู้จัดทำ" in html
    assert "การจัดทำบัตร" in html and "ลำพูน" in html


def test_plans_index_links_to_anchors_that_exist(plan_pages: dict[str, str]) -> None:
    index = to_html(plan_pages["browse/plans.md"])
    doc = to_html(plan_pages["records/opm-plan-2548-test.md"])
    targets = re.findall(r'href="\.\./\.\./records/opm-plan-2548-test/#([\w-]+)"', index)
    assert set(targets) == {"plan", "project-counter", "project-plain"}
    for anchor in targets:
        assert f'id="{anchor}"' in doc


def test_staff_pages_document_plans(plan_pages: dict[str, str]) -> None:
    schema = plan_pages["staff/schema.md"]
    assert "{#plan}" in schema and "version" in schema and "pull request" in schema
    errors = plan_pages["staff/errors.md"]
    assert "แผนและตัวชี้วัด {#group-k}" in errors
    assert all(f"{{#k00{n}}}" in errors for n in range(1, 8))


def test_documents_without_plans_are_unchanged(plan_pages: dict[str, str]) -> None:
    assert "sarabun-chart" not in plan_pages["regulations/opm-order-2545-301.md"]


def test_projects_by_province_for_province_pages(plan_corpus: Corpus) -> None:
    from sarabun.render import Site
    from sarabun.render_plan import province_plan_projects

    site = Site(plan_corpus)
    assert [p.key for _, p in province_plan_projects(site, "chiang-mai")] == ["counter"]
    assert [p.key for _, p in province_plan_projects(site, "lamphun")] == ["counter"]  # award
    assert province_plan_projects(site, "bangkok") == []


def test_kpi_table_without_any_target_says_so_once() -> None:
    from sarabun.plan import Kpi
    from sarabun.render_plan import kpi_block, kpi_table

    kpis = (Kpi("ผู้มาใช้บริการ", actual=parse_number("46,879"), unit="ราย"),)
    table = kpi_table("ตัวชี้วัด", kpis)
    assert "(ต้นฉบับไม่ระบุเป้าหมาย)" in table and ">เป้าหมาย<" not in table
    assert kpi_block("c", "ตัวชี้วัด", kpis) == table  # nothing to chart: no target


def test_progress_chart_uses_current_versions_on_a_0_to_100_scale(
        plan_pages: dict[str, str]) -> None:
    html = to_html(plan_pages["records/opm-plan-2548-test.md"])
    m = re.search(r'(<svg[^>]*aria-labelledby="chart-progress-counter-title[^>]*>.*?</svg>)',
                  html, re.S)
    assert m is not None
    svg = ET.fromstring(m.group(1))
    desc = svg.findtext(f"{SVG}desc") or ""
    # 31 March: only version 2 (45) counts; version 1 (40) is superseded
    assert "๓๑ มีนาคม ๒๕๔๘ (รอบ 6 เดือน): 40%" not in desc
    assert "๓๑ มีนาคม ๒๕๔๘: 45%" in desc and "๓๐ กันยายน ๒๕๔๘: 100%" in desc
    bars = [float(r.get("width", "0")) for r in svg.iter(f"{SVG}rect")
            if r.get("height") == "18"]
    assert bars[0] == pytest.approx(bars[1] * 0.45, rel=0.01)


def test_plan_data_in_the_document_json(plan_corpus: Corpus) -> None:
    from sarabun.publish import document_json
    from sarabun.render import Site

    site = Site(plan_corpus)
    doc = site.by_id["opm-plan-2548-test"]
    data = json.loads(document_json(site, doc))
    plan = data["document"]["plan"]
    assert plan["issues"][0]["projects"][0]["kpis"][0] == {
        "name": "ความพึงพอใจ", "target": "80", "actual": "96.56", "unit": "ร้อยละ"}


def test_projects_on_province_pages(plan_pages: dict[str, str]) -> None:
    """Province pages (``province_items``) list the projects naming the province, linking to
    the project on the plan page, with the award rows of that province as details."""
    lamphun = to_html(plan_pages["browse/provinces/lamphun.md"])
    assert 'href="../../../records/opm-plan-2548-test/#project-counter"' in lamphun
    assert "รางวัล · ดีเด่น: การจัดทำบัตร (อำเภอหนึ่ง)" in lamphun
    chiang_mai = to_html(plan_pages["browse/provinces/chiang-mai.md"])
    assert "ศูนย์บริการร่วม" in chiang_mai and "ประเด็นยุทธศาสตร์ที่ ๑ ประเด็นที่หนึ่ง" in chiang_mai
    # the plan page links its provinces to these pages, which now exist
    plan = to_html(plan_pages["records/opm-plan-2548-test.md"])
    assert 'href="../../browse/provinces/lamphun/"' in plan
