"""Supervision reports as data (``supervision:``): parsing, the W checks, seed 004 and its page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sarabun.checks import parse_document
from sarabun.corpus import load_corpus
from sarabun.frontmatter import split
from sarabun.model import FIELD_SPECS, Kind
from sarabun.problems import Problem
from sarabun.render import render_site
from sarabun.supervision import STATUSES, TOPICS, Supervision, parse
from test_render import to_html

ROOT = Path(__file__).resolve().parent.parent
REL = Path("records/report/moi-ps-report-provincial-supervision.md")
SEED = ROOT / REL
ORIGINAL = ROOT / "docs" / "originals" / "004_c86a3e8104ad76d5.txt"
HEAD = "---\nid: x-report-2552\ntype: report\ntitle: t\nissuer: opm\nstatus: published\n"


def parse_text(yaml_text: str) -> tuple[Supervision | None, list[Problem]]:
    fm, _, _ = split(HEAD + yaml_text + "---\n\nข้อความ\n")
    return parse(REL, fm.value_nodes["supervision"])


def test_supervision_is_a_mapping_field() -> None:
    assert FIELD_SPECS["supervision"].kind is Kind.MAPPING
    assert not FIELD_SPECS["supervision"].required


def test_parse_full() -> None:
    sup, probs = parse_text("""supervision:
  systems: [ระบบ ก, ระบบ ข]
  provinces:
    - province: chiang-mai
      status: visited
      findings:
        - {text: พบ ก, topic: office-systems, systems: [ระบบ ข]}
    - province: trang
      status: scheduled
      scheduled: ๒๕๕๒-๐๗
""")
    assert probs == [] and sup is not None
    assert [p.province for p in sup.provinces] == ["chiang-mai", "trang"]
    assert sup.provinces[1].scheduled is not None and sup.provinces[1].scheduled.iso() == "2552-07"
    assert sup.systems_in("chiang-mai") == ["ระบบ ข"] and sup.systems_in("trang") == []
    assert sup.as_dict()["provinces"] == [
        {"province": "chiang-mai", "status": "visited",
         "findings": [{"text": "พบ ก", "topic": "office-systems", "systems": ["ระบบ ข"]}]},
        {"province": "trang", "status": "scheduled", "scheduled": "2552-07"}]


@pytest.mark.parametrize(("yaml_text", "code"), [
    ("supervision:\n  provinces: chiang-mai\n", "W001"),
    ("supervision:\n  regions: []\n", "W001"),
    ("supervision:\n  provinces:\n    - {province: chiang-mai}\n", "W001"),
    ("supervision:\n  provinces:\n    - {status: visited}\n", "W001"),
    ("supervision:\n  provinces:\n    - {province: a, status: scheduled, scheduled: 2552-13}\n",
     "W001"),
    ("supervision:\n  provinces:\n    - {province: a, status: visited, findings: พบ}\n", "W001"),
    ("supervision:\n  provinces:\n    - province: a\n      status: visited\n"
     "      findings: [{text: พบ, topic: อื่น}]\n", "W001"),
    ("supervision:\n  provinces:\n    - {province: a, status: visited}\n"
     "    - {province: a, status: visited}\n", "W003"),
    ("supervision:\n  systems: [ก]\n  provinces:\n    - province: a\n      status: visited\n"
     "      findings: [{text: พบ, systems: [ข]}]\n", "W004"),
])
def test_each_problem(yaml_text: str, code: str) -> None:
    _, probs = parse_text(yaml_text)
    assert [p.code for p in probs] == [code]


# --- seed 004 -------------------------------------------------------------------------------

def _squash(text: str) -> str:
    return " ".join(text.split())


def test_seed_004_supervision_is_faithful() -> None:
    doc, _, probs = parse_document(REL, SEED.read_bytes())
    assert probs == [] and doc is not None and doc.supervision is not None
    sup = doc.supervision
    original = _squash(ORIGINAL.read_text(encoding="utf-8"))
    # the eight provinces, in the report's order (north, north-east, central, south)
    assert [p.province for p in sup.provinces] == [
        "chiang-mai", "lampang", "udon-thani", "nong-bua-lam-phu", "chai-nat", "lop-buri",
        "songkhla", "trang"]
    assert [p.province for p in sup.provinces] == doc.provinces
    assert ("ภาคเหนือ จังหวัดเชียงใหม่ จังหวัดลำปาง ภาคตะวันออกเฉียงเหนือ จังหวัดอุดรธานี "
            "จังหวัดหนองบัวลำภู ภาคกลาง จังหวัดชัยนาท จังหวัดลพบุรี ภาคใต้ จังหวัดสงขลา จังหวัดตรัง"
            in original)
    # six visited; the south scheduled for กรกฎาคม 2552, as the text says
    assert [p.status for p in sup.provinces] == ["visited"] * 6 + ["scheduled"] * 2
    assert {p.scheduled.iso() for p in sup.provinces if p.scheduled} == {"2552-07"}
    assert "ภาคใต้ ได้แก่ จังหวัดสงขลาและจังหวัดตรัง มีกำหนดติดตามในเดือนกรกฎาคม 2552" in original
    # the systems exactly as listed
    for system in sup.systems:
        assert f"- {system}" in ORIGINAL.read_text(encoding="utf-8")
    assert len(sup.systems) == 10
    # every finding quoted word for word (the original wraps lines inside Thai words)
    bare = "".join(original.split())
    for prov in sup.provinces:
        for finding in prov.findings:
            assert "".join(finding.text.split()) in bare
            assert finding.topic in TOPICS
    assert not any(p.findings for p in sup.provinces if p.status == "scheduled")


# --- the page -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    corpus = load_corpus(ROOT)
    assert [p for p in corpus.problems if p.code.startswith("W")] == []
    return render_site(corpus)


def test_report_page_has_province_and_system_tables(pages: dict[str, str]) -> None:
    html = to_html(pages["records/moi-ps-report-provincial-supervision.md"])
    assert 'id="supervised-provinces"' in html and 'id="office-systems"' in html
    assert html.index('id="supervised-provinces"') < html.index("สำนักพัฒนาและส่งเสริม")
    rows = re.findall(r'<tr id="province-([a-z-]+)">', html)
    assert len(rows) == 8
    assert html.count(STATUSES["visited"]) >= 6
    assert "มีกำหนดติดตาม (กรกฎาคม ๒๕๕๒)" in html
    assert 'href="../../browse/provinces/lop-buri/">จังหวัดลพบุรี</a>' in html
    assert re.search(r'ระบบสารบรรณอิเล็กทรอนิกส์</th><td data-label="จังหวัดที่พบ">'
                     r'<a href="#province-chiang-mai">เชียงใหม่</a>, '
                     r'<a href="#province-lampang">ลำปาง</a>, '
                     r'<a href="#province-nong-bua-lam-phu">หนองบัวลำภู</a></td>', html)
    assert ('ระบบการวางแผนพัฒนาจังหวัด</th><td data-label="จังหวัดที่พบ">'
            '<span class="sarabun-empty">') in html


def test_other_pages_have_no_supervision_section(pages: dict[str, str]) -> None:
    assert "supervised-provinces" not in pages["records/opdc-report-2548-annual.md"]
