"""Unit tests: ids round-trip, BE dates, Thai digits and collation, string-only YAML loading."""

from __future__ import annotations

import pytest

from sarabun.frontmatter import FrontMatterError, load_strings, split
from sarabun.ids import TYPE_CODES, DocumentId, IdError
from sarabun.model import DOC_TYPES
from sarabun.thai import BEDate, DateError, thai_sorted, to_arabic_digits, to_thai_digits


@pytest.mark.parametrize("text", [
    "opm-order-2545-301", "opm-ps-order-2545-164", "pdc-regional-minutes-2564-1",
    "opm-regulation-2547-regional-supervision", "opm-regulation-2548-regional-supervision-no2",
    "skkp-profile", "moi-ps-report-provincial-supervision",
    "cabinet-cabinet-resolution-2545-d1008", "th-royal-decree-2551-integrated-provinces",
])
def test_id_round_trip(text: str) -> None:
    parsed = DocumentId.parse(text)
    assert str(parsed) == text
    assert DocumentId.parse(str(parsed)) == parsed


def test_id_fields() -> None:
    d = DocumentId.parse("opm-ps-order-2545-164")
    assert (d.issuer, d.type, d.year, d.number, d.slug) == ("opm-ps", "order", 2545, "164", None)
    r = DocumentId.parse("cabinet-cabinet-resolution-2545-d1008")
    assert (r.issuer, r.type, r.slug) == ("cabinet", "cabinet-resolution", "d1008")


@pytest.mark.parametrize("bad", ["OPM-order-2545-301", "opm-rule-2545-1", "opm_order", "",
                                 "opm-order-2545-", "opm-order-245-1", "opm-order-2545-301/2545"])
def test_id_rejects(bad: str) -> None:
    with pytest.raises(IdError):
        DocumentId.parse(bad)


def test_type_codes_agree_with_model() -> None:
    assert set(TYPE_CODES) == set(DOC_TYPES)


def test_be_dates() -> None:
    assert BEDate.parse("๒๕๔๕-๑๐-๐๘") == BEDate(2545, 10, 8)
    assert BEDate.parse("2545-10-08").thai() == "๘ ตุลาคม ๒๕๔๕"
    assert BEDate.parse("2564-02").thai() == "กุมภาพันธ์ ๒๕๖๔"
    assert BEDate.parse("2547").thai() == "พ.ศ. ๒๕๔๗"
    assert BEDate.parse("2547-02-29").ce_iso() == "2004-02-29"  # 2547 = 2004, a leap year
    with pytest.raises(DateError) as exc:
        BEDate.parse("2546-02-29")
    assert exc.value.code == "M004"
    with pytest.raises(DateError) as exc:
        BEDate.parse("2024-01-05")
    assert exc.value.code == "M005"


def test_digits() -> None:
    assert to_arabic_digits("ที่ ๓๐๑/๒๕๔๕") == "ที่ 301/2545"
    assert to_thai_digits("301/2545") == "๓๐๑/๒๕๔๕"


def test_thai_collation_not_codepoint_order() -> None:
    words = ["ไก่", "ขวด", "กา", "เกาะ", "โต๊ะ"]
    assert thai_sorted(words, key=str) == ["กา", "เกาะ", "ไก่", "ขวด", "โต๊ะ"]
    assert sorted(words) != thai_sorted(words, key=str)


def test_yaml_scalars_stay_strings() -> None:
    data = load_strings("date: 2567-01-05\nflag: no\nnum: 0123\nempty:\n")
    assert data == {"date": "2567-01-05", "flag": "no", "num": "0123", "empty": ""}


def test_split_positions() -> None:
    fm, body, body_line = split("---\nid: x\ntitle: ชื่อ\n---\nข้อความ\n")
    assert fm.value_positions["title"].line == 3
    assert fm.value_positions["title"].col == 8
    assert body == "ข้อความ\n" and body_line == 5


def test_split_duplicate_key() -> None:
    with pytest.raises(FrontMatterError) as exc:
        split("---\nid: a\nid: b\n---\n")
    assert exc.value.code == "Y001" and exc.value.line == 3
