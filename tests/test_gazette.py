"""Royal Gazette citations parsed into volume, issue, section, pages and date."""

from __future__ import annotations

import pytest

from importkit import seed
from sarabun.gazette import find_gazettes, parse_gazette
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
