"""An agency's transparency duties on the built site: an imported Act with Gazette footnotes shows
them structured, an order's legal basis links to the Act's sections, and the disclosure checklist
page lists each item with its documents and marks the missing ones in words.

One small repository in a temporary folder (the site fixture corpus, the real registries, an Act
and an order imported with ``sarabun import`` from text files, a checklist) is built once.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from sarabun.cli import main
from sarabun.corpus import load_corpus
from sarabun.disclosure import Match
from sarabun.thai import BEDate
from test_site import build, fixture_repo, parse

# A made-up Act, written as the Council of State publishes Acts: footnote 1 is the Gazette issue
# that published it, footnote 2 that of an amendment (ตัวอย่างสำหรับทดสอบ, not a real law).
ACT = """\
พระราชบัญญัติการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์
พ.ศ. ๒๕๕๐

ให้ไว้ ณ วันที่ ๒๐ ธันวาคม พ.ศ. ๒๕๕๐
เป็นปีที่ ๖๒ ในรัชกาลปัจจุบัน

มาตรา ๑ พระราชบัญญัตินี้เรียกว่า "พระราชบัญญัติการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์ พ.ศ. ๒๕๕๐"

มาตรา ๒[๑] พระราชบัญญัตินี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป

มาตรา ๑๑ ให้นายกรัฐมนตรีมีอำนาจออกระเบียบหรือคำสั่งเพื่อปฏิบัติการตามพระราชบัญญัตินี้

มาตรา ๑๒[๒] ให้หัวหน้าส่วนราชการมีอำนาจมอบหมายให้ข้าราชการในสังกัดเป็นผู้รับผิดชอบการจัดเก็บเอกสาร

[๑] ราชกิจจานุเบกษา เล่ม ๑๒๔/ตอนที่ ๙๙ ก/หน้า ๑/๒๗ ธันวาคม ๒๕๕๐

[๒] มาตรา ๑๒ แก้ไขเพิ่มเติมโดยพระราชบัญญัติการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์ (ฉบับที่ ๒) \
พ.ศ. ๒๕๕๓ ราชกิจจานุเบกษา เล่ม ๑๒๗/ตอนพิเศษ ๓๐ ง/หน้า ๕-๗/๑๐ พฤษภาคม ๒๕๕๓
"""
ORDER = """\
คำสั่งสำนักนายกรัฐมนตรี
ที่ ๙๙/๒๕๕๑
เรื่อง มอบหมายผู้รับผิดชอบการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์

อาศัยอำนาจตามความในมาตรา ๑๑ และมาตรา ๑๒ แห่งพระราชบัญญัติการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์ \
พ.ศ. ๒๕๕๐ และมาตรา ๓ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ นายกรัฐมนตรีจึงมีคำสั่ง \
ดังต่อไปนี้

ข้อ ๑ ให้ปลัดสำนักนายกรัฐมนตรีเป็นผู้รับผิดชอบการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์

สั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๕๑
"""
CHECKLIST = """\
# ตัวอย่างสำหรับทดสอบ (ไม่ใช่รายการทางการ)
year: 2569
source: ตัวอย่างสำหรับทดสอบ
items:
  - code: EX1
    title: คำสั่งของสำนักนายกรัฐมนตรี
    match:
      types: [order]
      issuers: [opm]
  - code: EX2
    title: แผนปฏิบัติราชการ
    match:
      types: [plan]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("transparency")
    root = fixture_repo(tmp / "repo")
    shutil.copytree(ROOT / "records" / "registries", root / "records" / "registries",
                    dirs_exist_ok=True)
    for p in (root / "records" / "registries").glob("disclosure-*.yaml"):
        p.unlink()
    (root / "records" / "registries" / "disclosure-2569.yaml").write_text(CHECKLIST,
                                                                        encoding="utf-8")
    (tmp / "act.txt").write_text(ACT, encoding="utf-8")
    (tmp / "order.txt").write_text(ORDER, encoding="utf-8")
    assert main(["--root", str(root), "import", str(tmp / "act.txt"), "--type", "act",
                 "--issuer", "th"]) == 0
    assert main(["--root", str(root), "import", str(tmp / "order.txt")]) == 0
    # reviewed and published by staff: a draft discloses nothing
    order = root / "regulations" / "order" / "2551" / "opm-order-2551-99.md"  # its year folder
    order.write_text(order.read_text(encoding="utf-8").replace('status: "draft"',
                                                               'status: "in-force"'),
                     encoding="utf-8")
    proc = build(root, tmp / "site")
    assert proc.returncode == 0, proc.stderr
    return root, tmp / "site"


def act_id(root: Path) -> str:
    (path,) = (root / "regulations" / "act" / "2550").glob("th-act-2550-*.md")
    return path.stem


def html(site_dir: Path, doc_id: str) -> str:
    return (site_dir / "regulations" / doc_id / "index.html").read_text(encoding="utf-8")


def test_imported_act_shows_its_gazette_structured(site: tuple[Path, Path]) -> None:
    root, out = site
    page = html(out, act_id(root))
    row = page.split('sarabun-meta__row--gazette">', 1)[1].split("</dd>", 1)[0]
    for part in ("เล่ม</span> ๑๒๔", "ตอนที่</span> ๙๙", "ประเภท</span> ก", "หน้า</span> ๑",
                 "วันที่</span> ๒๗ ธันวาคม ๒๕๕๐", "จากเชิงอรรถ"):
        assert part in row
    table = page.split('class="sarabun-gazette-table"', 1)[1].split("</table>", 1)[0]
    assert "<td>ตอนพิเศษ ๓๐</td><td>ง</td><td>๕–๗</td><td>๑๐ พฤษภาคม ๒๕๕๓</td>" in table
    assert {"section-1", "section-2", "section-11", "section-12"} <= parse(
        out / "regulations" / act_id(root) / "index.html").ids
    data = json.loads((out / "regulations" / f"{act_id(root)}.json").read_text(encoding="utf-8"))
    doc = data["document"]
    assert (doc["gazette"]["volume"], doc["gazette"]["issue"], doc["gazette"]["section"],
            doc["gazette"]["page"], doc["gazette"]["date"], doc["gazette"]["from"]) == (
        124, "99", "ก", 1, "2550-12-27", "text")
    assert [g["volume"] for g in doc["gazette_citations"]] == [124, 127]
    export = json.loads((out / "data" / "documents.json").read_text(encoding="utf-8"))
    (rec,) = [d for d in export["documents"] if d["id"] == act_id(root)]
    assert rec["gazette"]["label"] == "ราชกิจจานุเบกษา เล่ม 124 ตอนที่ 99 ก หน้า 1 วันที่ 27 ธันวาคม 2550"


def test_order_legal_basis_links_to_the_act_sections(site: tuple[Path, Path]) -> None:
    root, out = site
    act = act_id(root)
    page = html(out, "opm-order-2551-99")
    row = page.split('sarabun-meta__row--basis">', 1)[1].split("</dd>", 1)[0]
    assert "<dt>อาศัยอำนาจตาม</dt>" in row
    assert f'href="../{act}/#section-11">มาตรา ๑๑</a>' in row
    assert f'href="../{act}/#section-12">มาตรา ๑๒</a>' in row
    # not in the repository: plain text, and on the wanted page
    assert "<li>มาตรา ๓ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐</li>" in row
    wanted = (out / "browse" / "wanted" / "index.html").read_text(encoding="utf-8")
    assert "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540" in wanted
    # in the text, both sections link too (มาตรา ๑๒ through the citation that starts there)
    body = page.split("</dl>", 1)[1]
    assert f'href="../{act}/#section-11"' in body and f'href="../{act}/#section-12"' in body
    export = json.loads((out / "data" / "documents.json").read_text(encoding="utf-8"))
    (rec,) = [d for d in export["documents"] if d["id"] == "opm-order-2551-99"]
    assert [(b["target"], [p["anchor"] for p in b["provisions"]]) for b in rec["legal_basis"]] \
        == [(act, ["section-11", "section-12"]), (None, ["section-3"])]
    text = (out / "data" / "documents.csv").read_text(encoding="utf-8-sig")
    (row,) = [r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "opm-order-2551-99"]
    assert [b["text"] for b in json.loads(row["legal_basis"])] == [
        "มาตรา 11 และมาตรา 12 แห่งพระราชบัญญัติการจัดเก็บเอกสารราชการทางอิเล็กทรอนิกส์ พ.ศ. 2550",
        "มาตรา 3 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540"]
    (act_row,) = [r for r in csv.DictReader(io.StringIO(text)) if r["id"] == act]
    assert json.loads(act_row["gazette"])["page"] == 1 and act_row["legal_basis"] == ""


def test_disclosure_page_marks_missing_items(site: tuple[Path, Path]) -> None:
    _, out = site
    page = (out / "browse" / "disclosure" / "2569" / "index.html").read_text(encoding="utf-8")
    ex1 = page.split('id="item-ex1"', 1)[1].split('id="item-ex2"', 1)[0]
    assert "✓ มีแล้ว ๑ ฉบับ" in ex1 and "opm-order-2551-99/" in ex1
    ex2 = page.split('id="item-ex2"', 1)[1]
    assert "✗ ยังไม่มีเอกสาร" in ex2.split("</p>", 2)[0] + ex2.split("</p>", 2)[1]
    assert "มีในคลังแต่ยังไม่นับ" not in ex2  # no plan at all in this repository
    index = (out / "browse" / "disclosure" / "index.html").read_text(encoding="utf-8")
    assert "มีเอกสารแล้ว ๑ จาก ๒ รายการ" in index


def test_disclosure_command_and_check(site: tuple[Path, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = site
    capsys.readouterr()
    assert main(["--root", str(root), "disclosure"]) == 1
    text = capsys.readouterr().out
    assert "EX1 คำสั่งของสำนักนายกรัฐมนตรี: มีแล้ว 1 ฉบับ" in text
    assert "records/registries/disclosure-2569.yaml:10:1 T001 ปี 2569 รายการ EX2" in text
    assert main(["--root", str(root), "check"]) == 0
    assert main(["--root", str(root), "check", "--disclosure"]) == 1
    assert "T001" in capsys.readouterr().out
    assert main(["--root", str(root), "disclosure", "--format", "json", "--year", "๒๕๖๙"]) == 1
    data = json.loads(capsys.readouterr().out)
    items = data["checklists"][0]["items"]
    assert [i["documents"] for i in items] == [["opm-order-2551-99"], []]


@pytest.mark.parametrize("date, inside", [
    ("2568-10-01", True), ("2569-09-30", True), ("2568-09-30", False), ("2569-10-01", False),
    ("2569-03", True), ("2569", False),  # a year-only date is not wholly inside a fiscal year
])
def test_date_range(tmp_path: Path, date: str, inside: bool) -> None:
    from casekit import BASE

    shutil.copytree(BASE, tmp_path / "repo")
    doc = load_corpus(tmp_path / "repo").by_id()["opm-regulation-2547-regional-supervision"]
    doc.date = BEDate.parse(date)
    m = Match(types=("regulation",), date_from=BEDate(2568, 10, 1), date_to=BEDate(2569, 9, 30))
    assert m.satisfied_by(doc) == inside


def test_real_repository_checklist_is_sourced_from_the_act() -> None:
    """The shipped list is section 9 (1)-(7) of the Official Information Act B.E. 2540, titles
    as the Act words them (no official ITA/OIT list is shipped: those change every year)."""
    corpus = load_corpus(ROOT)
    (c,) = [c for c in corpus.checklists if c.year == 2569]
    assert not c.example and not any(i.example for i in c.items)
    assert "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ มาตรา ๙" in c.source
    assert [i.code for i in c.items] == [f"M9-{n}" for n in range(1, 8)]
    titles = {i.code: i.title for i in c.items}
    assert titles["M9-3"] == "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ"
    assert titles["M9-2"].endswith("ตามมาตรา ๗ (๔)")


def test_missing_item_names_what_does_not_count_yet(tmp_path: Path) -> None:
    from casekit import BASE
    from sarabun.render import Site
    from sarabun.render_disclosure import checklist_page

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    (root / "records" / "registries" / "disclosure-2569.yaml").write_text(
        CHECKLIST, encoding="utf-8")
    corpus = load_corpus(root)
    (c,) = corpus.checklists
    page = checklist_page(Site(corpus), c)
    ex1 = page.split("{#item-ex1}", 1)[1].split("{#item-ex2}", 1)[0]
    assert "✗ ยังไม่มีเอกสาร" in ex1
    assert "มีในคลังแต่ยังไม่นับ ๑ ฉบับ" in ex1 and "opm-order-2545-301/" in ex1


def test_criteria_link_only_to_pages_that_exist(tmp_path: Path) -> None:
    """A type or issuer the repository has no documents of has no page: named, not linked."""
    from casekit import BASE
    from sarabun.render import Site
    from sarabun.render_disclosure import checklist_page

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    (root / "records" / "registries" / "disclosure-2569.yaml").write_text(
        "year: 2569\ntitle: t\nsource: s\nitems:\n  - code: A\n    title: ก\n    match:\n"
        "      types: [order, act]\n      issuers: [opm, opm-ps]\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert not corpus.problems
    assert "act" not in {d.type.code for d in corpus.documents}
    assert "opm-ps" not in {d.issuer for d in corpus.documents}
    page = checklist_page(Site(corpus), corpus.checklists[0])
    assert "types/order/\"" in page and "types/act/" not in page
    assert "issuers/opm/\"" in page and "issuers/opm-ps/" not in page
