"""Royal Gazette citations parsed into volume, issue, section, pages and date."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from casekit import BASE
from importkit import seed
from sarabun.corpus import load_corpus
from sarabun.export import to_csv, to_json
from sarabun.gazette import find_gazettes, own_gazette, parse_field, parse_gazette, thai_parts
from sarabun.thai import BEDate


@pytest.mark.parametrize("text, volume, issue, special, section, page, page_end, date", [
    ("ราชกิจจานุเบกษา เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑",
     125, "27", False, "ก", 1, None, BEDate(2551, 1, 28)),
    ("ราชกิจจานุเบกษา เล่ม 122 ตอนพิเศษ 34 ง ลงวันที่ 12 เมษายน 2548",
     122, "34", True, "ง", None, None, BEDate(2548, 4, 12)),
    ("(ราชกิจจานุเบกษา เล่ม 109 ตอนที่ 61 ลงวันที่ 8 พฤษภาคม พ.ศ. 2535)",
     109, "61", False, None, None, None, BEDate(2535, 5, 8)),
    ("ราชกิจจานุเบกษา เล่ม 134\nตอนพิเศษ 297 ง หน้า 5-8 วันที่ 17 พฤศจิกายน 2560",
     134, "297", True, "ง", 5, 8, BEDate(2560, 11, 17)),
    ("ราชกิจจานุเบกษา, เล่ม 120, ตอนที่ 100 ก, หน้า 1, 9 ต.ค. 2546",
     120, "100", False, "ก", 1, None, BEDate(2546, 10, 9)),
    ("ราชกิจจานุเบกษา ฉบับกฤษฎีกา เล่ม 70 ตอนที่ 12 หน้า 100",
     70, "12", False, None, 100, None, None),
])
def test_parse(text: str, volume: int, issue: str, special: bool, section: str | None,
               page: int | None, page_end: int | None, date: BEDate | None) -> None:
    g = parse_gazette(f"ประกาศใน{text} แล้ว")
    assert g is not None
    assert (g.volume, g.issue, g.special, g.section, g.page, g.page_end, g.date) == (
        volume, issue, special, section, page, page_end, date)
    assert g.text == text.strip("()")


def test_offsets_and_label() -> None:
    text = "ก่อน ราชกิจจานุเบกษา เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑ หลัง"
    (g,) = find_gazettes(text)
    assert text[g.start:g.end] == g.text
    assert g.text.startswith("ราชกิจจา") and g.text.endswith("๒๕๕๑")
    assert g.label() == "ราชกิจจานุเบกษา เล่ม 125 ตอนที่ 27 ก หน้า 1 วันที่ 28 มกราคม 2551"
    assert g.as_dict()["date"] == "2551-01-28"


def test_not_a_citation() -> None:
    assert find_gazettes("ประกาศในราชกิจจานุเบกษาแล้ว") == []
    assert find_gazettes("หนังสือเล่ม 3 ตอนที่ 2") == []


def test_seed_003() -> None:
    (g,) = find_gazettes(seed("003"))
    assert g.as_dict() == {"text": "ราชกิจจานุเบกษา เล่ม 122 ตอนพิเศษ 34 ง ลงวันที่ 12 เมษายน 2548",
                           "volume": 122, "issue": "34", "special": True, "section": "ง",
                           "page": None, "page_end": None, "date": "2548-04-12"}


# --- the document's own publication: the gazette: field and footnote 1 -------------------------

def test_council_of_state_footnotes_with_slashes() -> None:
    """Footnotes as the Council of State prints them: parts separated by slashes."""
    text = ("[๑] ราชกิจจานุเบกษา เล่ม ๑๐๘/ตอนที่ ๑๖๘/ฉบับพิเศษ หน้า ๑/๔ กันยายน ๒๕๓๔\n\n"
            "[๒] ราชกิจจานุเบกษา เล่ม ๑๑๙/ตอนที่ ๑๐๒ ก/หน้า ๑/๒ ตุลาคม ๒๕๔๕\n")
    first, second = find_gazettes(text)
    assert (first.volume, first.issue, first.special, first.page, first.date) == (
        108, "168", True, 1, BEDate(2534, 9, 4))
    assert (second.volume, second.issue, second.section, second.page, second.date) == (
        119, "102", "ก", 1, BEDate(2545, 10, 2))


@pytest.mark.parametrize("marker", ["[๑]", "\\[1\\]", "[^1]:", "๑/"])
def test_own_gazette_is_footnote_one(marker: str) -> None:
    body = ("มาตรา ๒[๑] พระราชบัญญัตินี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษา\n\n"
            "มาตรา ๓ ตามที่ประกาศในราชกิจจานุเบกษา เล่ม ๑๐๐ ตอนที่ ๑ หน้า ๑ วันที่ ๑ มกราคม ๒๕๒๖\n\n"
            f"{marker} ราชกิจจานุเบกษา เล่ม ๑๒๔/ตอนที่ ๙๙ ก/หน้า ๑/๒๗ ธันวาคม ๒๕๕๐\n\n"
            "[๒] ราชกิจจานุเบกษา เล่ม ๑๒๗/ตอนพิเศษ ๓๐ ง/หน้า ๕/๑๐ พฤษภาคม ๒๕๕๓\n")
    g = own_gazette(body)
    assert g is not None and (g.volume, g.issue, g.date) == (124, "99", BEDate(2550, 12, 27))
    assert body[g.start:g.end] == g.text


def test_no_footnote_no_own_gazette() -> None:
    assert own_gazette("ประกาศในราชกิจจานุเบกษา เล่ม ๑๒๔ ตอนที่ ๙๙ ก หน้า ๑ วันที่ ๒๗ ธันวาคม ๒๕๕๐") \
        is None


@pytest.mark.parametrize("value, ok, rest", [
    ("เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑", True, ""),
    ("ราชกิจจานุเบกษา เล่ม 122 ตอนพิเศษ 34 ง หน้า 1 ลงวันที่ 12 เมษายน 2548", True, ""),
    ("เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑ ฉบับที่ผิด", True, "ฉบับที่ผิด"),
    ("หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑", False, "หน้า ๑ วันที่ ๒๘ มกราคม ๒๕๕๑"),
])
def test_parse_field(value: str, ok: bool, rest: str) -> None:
    g, left = parse_field(value)
    assert (g is not None) == ok and left == rest


def test_thai_parts() -> None:
    g = parse_gazette("ราชกิจจานุเบกษา เล่ม 122 ตอนพิเศษ 34 ง หน้า 5-8 วันที่ 12 เมษายน 2548")
    assert g is not None
    assert thai_parts(g) == [("เล่ม", "๑๒๒"), ("ตอนพิเศษ", "๓๔"), ("ประเภท", "ง"),
                             ("หน้า", "๕–๘"), ("วันที่", "๑๒ เมษายน ๒๕๔๘")]


def test_field_and_footnote_reach_the_document_and_export(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    folder = root / "regulations" / "regulation"
    head = ("---\nid: opm-regulation-2546-{slug}\ntype: regulation\n"
            "title: ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการทดสอบ{slug} พ.ศ. ๒๕๔๖\nissuer: opm\n"
            "date: 2546-10-09\nstatus: in-force\n")
    (folder / "opm-regulation-2546-field.md").write_text(
        head.format(slug="field") + "gazette: เล่ม ๑๒๐ ตอนพิเศษ ๑๑๐ ง หน้า ๓ วันที่ ๑๐ ตุลาคม ๒๕๔๖\n"
        "---\n\nข้อ ๑ ระเบียบนี้\n", encoding="utf-8")
    (folder / "opm-regulation-2546-footnote.md").write_text(
        head.format(slug="footnote") + "---\n\nข้อ ๑[๑] ระเบียบนี้\n\n"
        "[๑] ราชกิจจานุเบกษา เล่ม ๑๒๐/ตอนพิเศษ ๑๑๑ ง/หน้า ๔/๑๑ ตุลาคม ๒๕๔๖\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.problems == []
    by_id = corpus.by_id()
    field = by_id["opm-regulation-2546-field"].metadata()["gazette"]
    foot = by_id["opm-regulation-2546-footnote"].metadata()["gazette"]
    assert isinstance(field, dict) and isinstance(foot, dict)
    assert (field["volume"], field["issue"], field["special"], field["section"], field["page"],
            field["date"], field["from"]) == (120, "110", True, "ง", 3, "2546-10-10",
                                              "front-matter")
    assert (foot["issue"], foot["page"], foot["date"], foot["from"]) == (
        "111", 4, "2546-10-11", "text")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(to_csv(corpus)))}
    assert json.loads(rows["opm-regulation-2546-field"]["gazette"])["label"] == (
        "ราชกิจจานุเบกษา เล่ม 120 ตอนพิเศษ 110 ง หน้า 3 วันที่ 10 ตุลาคม 2546")
    docs = {d["id"]: d for d in json.loads(to_json(corpus))["documents"]}
    assert docs["opm-regulation-2546-footnote"]["gazette"]["volume"] == 120
    assert docs["opm-order-2545-301"]["gazette"] is None
