"""Meeting minutes as data (``meeting:``): parsing, the N checks, seed 002 and the pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casekit import CASES, run_case
from sarabun.checks import parse_document
from sarabun.corpus import load_corpus
from sarabun.frontmatter import split
from sarabun.meeting import RESOLUTIONS, Meeting, parse
from sarabun.model import FIELD_SPECS, Kind
from sarabun.problems import Problem
from sarabun.render import render_site
from test_render import to_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "records" / "minutes" / "2564" / "pdc-regional-minutes-2564-1.md"
ORIGINAL = ROOT / "docs" / "originals" / "002_5ca94b3c519f79ee.txt"
REL = Path("records/minutes/pdc-regional-minutes-2564-1.md")

HEAD = """---
id: pdc-regional-minutes-2564-1
type: minutes
title: รายงานการประชุม
number: 1/2564
issuer: pdc-regional
date: 2564-02-18
status: published
"""


def parse_text(meeting_yaml: str) -> tuple[Meeting | None, list[Problem]]:
    fm, _, _ = split(HEAD + meeting_yaml + "---\n\nข้อความ\n")
    return parse(REL, fm.value_nodes["meeting"])


def codes(probs: list[Problem]) -> list[str]:
    return [p.code for p in probs]


def test_meeting_is_a_mapping_field() -> None:
    assert FIELD_SPECS["meeting"].kind is Kind.MAPPING
    assert not FIELD_SPECS["meeting"].required


def test_parse_full_meeting() -> None:
    meeting, probs = parse_text("""meeting:
  place: ห้องประชุม ๑
  start_time: "09.30"
  end_time: ๑๒:๐๐ น.
  chair: นายหนึ่ง
  recorder: นางสอง
  attendees:
    - นายหนึ่ง
    - นายสาม
  absentees: [นายสี่]
  others_present: [นางห้า]
  agenda:
    - number: "1"
      title: เรื่องที่ประธานแจ้ง
      resolution: รับทราบ
    - number: "2"
      resolution: เห็นชอบ
      resolution_text: เห็นชอบตามเสนอ
    - number: "2.1"
      resolution: มอบหมาย
      actions:
        - action: จัดทำรายงาน
          owner: สำนักงาน
        - action: ติดตามผล
    - number: ๓
      resolution: อื่น ๆ
""")
    assert probs == []
    assert meeting is not None
    assert meeting.chair == "นายหนึ่ง" and meeting.recorder == "นางสอง"
    assert meeting.attendees == ("นายหนึ่ง", "นายสาม") and meeting.absentees == ("นายสี่",)
    assert meeting.others_present == ("นางห้า",)
    assert [i.number for i in meeting.agenda] == ["1", "2", "2.1", "๓"]
    assert [i.anchor for i in meeting.agenda] == ["agenda-1", "agenda-2", "agenda-2-1",
                                                  "agenda-3"]
    assert meeting.agenda[2].actions[0].owner == "สำนักงาน"
    assert meeting.agenda[2].actions[1].owner == ""
    data = meeting.as_dict()
    agenda = data["agenda"]
    assert data["start_time"] == "09.30" and isinstance(agenda, list) and "title" not in agenda[1]


def test_positions_point_into_the_file() -> None:
    _, probs = parse_text("""meeting:
  agenda:
    - number: "1"
      resolution: เห็นด้วย
""")
    assert [(p.line, p.col, p.code) for p in probs] == [(12, 19, "N004")]


@pytest.mark.parametrize(("yaml_text", "code"), [
    ("meeting:\n  agenda:\n    - number: '1'\n", "N001"),
    ("meeting:\n  agenda:\n    - number: '1'\n      resolution: ''\n", "N001"),
    ("meeting:\n  agenda:\n    - {number: '2', resolution: รับทราบ}\n", "N002"),
    ("meeting:\n  agenda:\n    - {number: '1', resolution: รับทราบ}\n"
     "    - {number: '1', resolution: รับทราบ}\n", "N002"),
    ("meeting:\n  agenda:\n    - {number: '1', resolution: รับทราบ}\n"
     "    - {number: '1.2', resolution: รับทราบ}\n", "N002"),
    ("meeting:\n  agenda:\n    - {resolution: รับทราบ}\n", "N004"),
    ("meeting:\n  agenda:\n    - {number: ก, resolution: รับทราบ}\n", "N004"),
    ("meeting:\n  agenda: วาระเดียว\n", "N004"),
    ("meeting:\n  agenda:\n    - วาระที่ 1\n", "N004"),
    ("meeting:\n  chair: [a, b]\n", "N004"),
    ("meeting:\n  end_time: '25:00'\n", "N004"),
    ("meeting:\n  attendees: นายหนึ่ง\n", "N004"),
    ("meeting:\n  committee: pdc\n", "N004"),
    ("meeting:\n  agenda:\n    - {number: '1', resolution: รับทราบ, actions: ทำ}\n", "N004"),
])
def test_each_problem(yaml_text: str, code: str) -> None:
    _, probs = parse_text(yaml_text)
    assert codes(probs) == [code]


def test_every_resolution_is_accepted() -> None:
    items = "".join(f"    - number: '{n}'\n      resolution: {r}\n"
                    for n, r in enumerate(RESOLUTIONS, 1))
    meeting, probs = parse_text("meeting:\n  agenda:\n" + items)
    assert probs == [] and meeting is not None
    assert tuple(i.resolution for i in meeting.agenda) == RESOLUTIONS


def test_meeting_only_on_minutes_and_only_a_mapping() -> None:
    order = HEAD.replace("type: minutes", "type: order") + "meeting:\n  chair: ก\n---\n"
    _, _, probs = parse_document(REL, order.encode())
    assert "N004" in codes(probs)
    _, _, probs = parse_document(REL, (HEAD + "meeting: ก\n---\n").encode())
    assert codes(probs) == ["M007"]


def test_meeting_number_reused_is_n003_not_on_same_id() -> None:
    lines = run_case(CASES / "invalid" / "meeting-number-reused")
    assert [ln.split()[1] for ln in lines] == ["N003", "N003"]
    dup = run_case(CASES / "invalid" / "duplicate-id")
    assert all(" N003 " not in ln for ln in dup)


# --- seed 002 -------------------------------------------------------------------------------

def _squash(text: str) -> str:
    return " ".join(text.split())


def test_seed_002_meeting_is_faithful() -> None:
    doc, _, probs = parse_document(REL, SEED.read_bytes())
    assert probs == []
    assert doc is not None and doc.meeting is not None
    m = doc.meeting
    original = _squash(ORIGINAL.read_text(encoding="utf-8"))
    assert m.chair == "นายไมตรี อินทุสุต" and f"โดยมี {m.chair} เป็นประธาน" in original
    assert [i.number for i in m.agenda] == ["1", "2", "3", "4", "5"]
    assert [i.resolution for i in m.agenda] == ["เห็นชอบ", "รับทราบ", "รับทราบ", "รับทราบ",
                                                "อื่น ๆ"]
    for item in m.agenda:
        # each resolution text is quoted from the original, at its numbered item
        assert f"{item.number}. " in original
        assert item.resolution_text and item.resolution_text in original
        if item.resolution != "อื่น ๆ":
            assert item.resolution_text.startswith(item.resolution)
            assert f"{item.number}. {item.resolution}" in original
        for action in item.actions:
            assert action.action in original and action.owner in action.action
    # nothing the seed does not state
    assert not (m.place or m.start_time or m.end_time or m.recorder or m.attendees
                or m.absentees or m.others_present)
    assert doc.date is not None and doc.date.iso() == "2564-02-18"


# --- pages ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    corpus = load_corpus(ROOT)
    assert [p for p in corpus.problems if p.code.startswith("N")] == []
    return render_site(corpus)


def test_minutes_page_has_meeting_section(pages: dict[str, str]) -> None:
    html = to_html(pages["records/pdc-regional-minutes-2564-1.md"])
    assert 'id="meeting"' in html and "ระเบียบวาระและมติที่ประชุม" in html
    assert "นายไมตรี อินทุสุต" in html
    for n in range(1, 6):
        assert f'<tr id="agenda-{n}">' in html
    assert html.count("sarabun-resolution--note") == 3
    assert "เห็นชอบกับแนวทางการดำเนินงาน" in html and "ผู้รับผิดชอบ: สำนักงาน ก.พ.ร." in html
    # item 1 names the 22 pilot provinces, folded, each linking to its province page
    provinces = html.split('<tr id="agenda-1">')[1].split("</tr>")[0]
    assert "<summary>จังหวัดที่เกี่ยวข้อง (๒๒ จังหวัด)</summary>" in provinces
    assert provinces.count('href="../../browse/provinces/') == 22
    assert "sarabun-item-provinces" not in html.split('<tr id="agenda-2">')[1]
    # the section comes before the text of the minutes
    assert html.index('id="meeting"') < html.index("สรุปสาระสำคัญ")


def test_committee_page_lists_meetings_and_resolutions(pages: dict[str, str]) -> None:
    html = to_html(pages["browse/issuers/pdc-regional.md"])
    assert 'id="meetings"' in html and 'id="resolutions"' in html
    assert "ครั้งที่ ๑/๒๕๖๔" in html and "นายไมตรี อินทุสุต" in html
    # the filter box is hidden until sarabun.js shows it, and names the table it filters
    assert re.search(r'<input type="search" hidden data-sarabun-filter="sarabun-resolutions"', html)
    assert '<table id="sarabun-resolutions">' in html
    doc = load_corpus(ROOT).by_id()["pdc-regional-minutes-2564-1"]
    assert doc.meeting is not None
    for item in doc.meeting.agenda:
        assert item.resolution_text in html
        assert re.search(rf'href="[^"]*pdc-regional-minutes-2564-1/#{item.anchor}"', html)


def test_pages_without_meetings_unchanged(pages: dict[str, str]) -> None:
    assert 'id="meetings"' not in to_html(pages["browse/issuers/opm.md"])
    assert "{#meeting}" not in pages["regulations/opm-order-2545-301.md"]


# --- follow-ups: a later agenda item reports on an earlier one ------------------------------

def _minutes(n: int, date: str, agenda: str, provinces: str = "") -> str:
    return (f"---\nid: pdc-regional-minutes-2564-{n}\ntype: minutes\n"
            f"title: รายงานการประชุม อ.ก.พ.ร. ครั้งที่ {n}/2564\nnumber: {n}/2564\n"
            f"issuer: pdc-regional\ndate: {date}\nstatus: published\n{provinces}"
            f"meeting:\n  agenda:\n{agenda}---\n\nที่ประชุมรับทราบ\n")


@pytest.fixture(scope="module")
def follow_up_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A small corpus: meeting 2 reports on item 2 of meeting 1, meeting 3 on it again."""
    import shutil

    root = tmp_path_factory.mktemp("followups")
    shutil.copytree(CASES / "base", root, dirs_exist_ok=True)
    folder = root / "records" / "minutes"
    folder.joinpath("pdc-regional-minutes-2564-1.md").write_text(_minutes(
        1, "2564-02-18",
        "    - {number: '1', resolution: รับทราบ}\n"
        "    - number: '2'\n      resolution: มอบหมาย\n      resolution_text: มอบหมายให้ศึกษา\n"
        "      provinces: [chiang-mai]\n",
        "provinces:\n  - chiang-mai\n"), encoding="utf-8")
    folder.joinpath("pdc-regional-minutes-2564-2.md").write_text(_minutes(
        2, "2564-03-26",
        "    - number: '1'\n      resolution: รับทราบ\n      resolution_text: รับทราบผลการศึกษา\n"
        "      follows_up: pdc-regional-minutes-2564-1#๒\n"), encoding="utf-8")
    folder.joinpath("pdc-regional-minutes-2564-3.md").write_text(_minutes(
        3, "2564-04-20",
        "    - number: '1'\n      resolution: รับทราบ\n"
        "      follows_up: [pdc-regional-minutes-2564-1#2]\n"), encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.problems == []
    later = corpus.by_id()["pdc-regional-minutes-2564-2"]
    assert later.meeting is not None
    assert later.meeting.as_dict()["agenda"] == [{
        "number": "1", "resolution": "รับทราบ", "resolution_text": "รับทราบผลการศึกษา",
        "follows_up": ["pdc-regional-minutes-2564-1#๒"]}]
    return render_site(corpus)


def test_follow_up_links_both_ways(follow_up_pages: dict[str, str]) -> None:
    earlier = to_html(follow_up_pages["records/pdc-regional-minutes-2564-1.md"])
    row = earlier.split('<tr id="agenda-2">')[1].split("</tr>")[0]
    # forward: the earlier item lists both later meetings that report on it, oldest first
    assert re.findall(r'รายงานผลใน <a href="\.\./pdc-regional-minutes-2564-(\d)/#agenda-1">'
                      r"ครั้งที่ (\S+) วาระที่ ๑</a>", row) == [("2", "๒/๒๕๖๔"),
                                                                     ("3", "๓/๒๕๖๔")]
    assert "การติดตามผล</th>" in earlier
    assert "รายงานผลใน" not in earlier.split('<tr id="agenda-1">')[1].split("</tr>")[0]
    # back: the later item links to the earlier one
    later = to_html(follow_up_pages["records/pdc-regional-minutes-2564-2.md"])
    assert ('ติดตามผลจาก <a href="../pdc-regional-minutes-2564-1/#agenda-2">'
            "ครั้งที่ ๑/๒๕๖๔ วาระที่ ๒</a>") in later


def test_committee_resolutions_show_follow_ups(follow_up_pages: dict[str, str]) -> None:
    html = to_html(follow_up_pages["browse/issuers/pdc-regional.md"])
    table = html.split('<table id="sarabun-resolutions">')[1]
    assert '<th scope="col">การติดตามผล</th>' in table
    assert table.count("รายงานผลใน") == 2 and table.count("ติดตามผลจาก") == 2
    assert 'href="../../../records/pdc-regional-minutes-2564-3/#agenda-1"' in table


def test_no_follow_up_column_without_follow_ups(pages: dict[str, str]) -> None:
    assert "การติดตามผล" not in pages["records/pdc-regional-minutes-2564-1.md"]
    assert "การติดตามผล" not in pages["browse/issuers/pdc-regional.md"]


def test_follow_up_values_parse() -> None:
    meeting, probs = parse_text("meeting:\n  agenda:\n    - number: '1'\n      resolution: รับทราบ\n"
                                "      follows_up: [a-minutes-2564-1#3.1, b-minutes-2563-2#๔]\n")
    assert probs == [] and meeting is not None
    assert [str(f) for f in meeting.agenda[0].follows_up] == ["a-minutes-2564-1#3.1",
                                                              "b-minutes-2563-2#๔"]
    _, probs = parse_text("meeting:\n  agenda:\n    - number: '1'\n      resolution: รับทราบ\n"
                          "      follows_up: [[x]]\n")
    assert codes(probs) == ["N004"]


def test_seed_002_item_provinces_and_next_meeting_action() -> None:
    doc, _, probs = parse_document(REL, SEED.read_bytes())
    assert probs == [] and doc is not None and doc.meeting is not None
    first = doc.meeting.agenda[0]
    # item 1.2 of the minutes names the 22 pilot provinces: the document's own list
    assert list(first.provinces) == doc.provinces and len(doc.provinces) == 22
    original = _squash(ORIGINAL.read_text(encoding="utf-8"))
    assert "1.2 การกำหนดจังหวัดที่เริ่มดำเนินการในขั้นต้นกระจายตามภาคต่าง ๆ 22 จังหวัด" in original
    assert [a.action for a in doc.meeting.agenda[4].actions] == [
        "โดยนำมาหารือในการประชุม อ.ก.พ.ร.ฯ ครั้งต่อไปในวันที่ 26 มีนาคม 2564"]
