"""Personal-data guard (P001-P004) and the document's own date (D001).

ID numbers are generated here with the real check-digit rule, so every test number is valid (or
deliberately invalid) and none belongs to a person.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from casekit import BASE
from sarabun.checks import signed_date
from sarabun.corpus import load_corpus
from sarabun.importers import Options, import_file
from sarabun.pdpa import id_check_digit, scan, valid_id
from sarabun.thai import BEDate, to_thai_digits

REPO = Path(__file__).resolve().parent.parent
RNG = random.Random(9)


def make_id(rng: random.Random = RNG) -> str:
    first = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    return first + str(id_check_digit(first))


def grouped(n: str, sep: str = "-") -> str:
    return sep.join((n[0], n[1:5], n[5:10], n[10:12], n[12]))


IDS = [make_id() for _ in range(25)]


def codes(text: str) -> list[str]:
    return [f.code for f in scan(text)]


def test_check_digit_known_values() -> None:
    # 1-1017-00203-45-? : 1*13+1*12+0*11+1*10+7*9+0*8+0*7+2*6+0*5+3*4+4*3+5*2 = 144; 11-1 = 10 -> 0
    assert id_check_digit("110170020345") == 0
    assert valid_id("1-1017-00203-45-0") and valid_id("๑๑๐๑๗๐๐๒๐๓๔๕๐")
    assert not valid_id("1-1017-00203-45-1") and not valid_id("110170020345")


@pytest.mark.parametrize("n", IDS)
def test_valid_ids_are_found_in_every_spelling(n: str) -> None:
    spellings = [n, grouped(n), grouped(n, " "), grouped(n, " - "), to_thai_digits(n),
                 to_thai_digits(grouped(n))]
    for s in spellings:
        found = scan(f"เลขประจำตัวประชาชน {s} เป็นกรรมการ")
        assert [f.code for f in found] == ["P001"], s
        assert found[0].text == s
    for cut in range(1, 13):  # a line break anywhere inside the number
        assert codes(f"เลขประจำตัว {n[:cut]}\n{n[cut:]} ต่อ") == ["P001"], cut
    g = grouped(n)
    assert codes(f"เลขประจำตัว {g[:7]}\n  {g[7:]}") == ["P001"]


@pytest.mark.parametrize("n", IDS[:8])
def test_wrong_check_digit_and_longer_numbers_are_not_ids(n: str) -> None:
    for wrong in range(10):
        if wrong != int(n[12]):
            bad = n[:12] + str(wrong)
            assert codes(bad) == [] and codes(grouped(bad)) == []
    assert codes(n + "5") == [] and codes("9" + n) == [] and codes(f"{grouped(n)}-4") == []


def test_mobile_numbers_warned_office_numbers_not() -> None:
    for mobile in ("081-234-5678", "0812345678", "09 1234 5678", "๐๖๒-๓๔๕-๖๗๘๙",
                   "+66 81 234 5678", "+66-91-234-5678", "081.234.5678"):
        assert codes(f"โทร. {mobile} ครับ") == ["P002"], mobile
    for office in ("0-2283-4000", "02 356 9999", "02 281 7882", "1785", "053-112-233",
                   "0 2283 4000", "46,879 ราย", "พ.ศ. 2548 จำนวน 0812"):
        assert codes(f"โทร. {office}") == [], office


def test_house_address() -> None:
    found = scan("นายสมชาย บ้านเลขที่ ๙๙/๑ หมู่ ๓")
    assert [(f.code, f.text) for f in found] == [("P003", "บ้านเลขที่ ๙๙/๑")]
    assert codes("59/1 ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ 10300") == []


def test_repository_documents_and_originals_are_clean() -> None:
    files = [*(REPO / "regulations").rglob("*.md"), *(REPO / "records").rglob("*.md"),
             *(REPO / "docs" / "originals").glob("*.txt")]
    assert files
    for f in files:
        assert scan(f.read_text(encoding="utf-8")) == [], f


# --- in the corpus, with the allow-list -------------------------------------------------------

ORDER = "regulations/order/opm-order-2546-5.md"
HEAD = """---
id: opm-order-2546-5
type: order
title: คำสั่งสำนักนายกรัฐมนตรี ที่ 5/2546
number: 5/2546
issuer: opm
date: {date}
status: in-force
---

"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    return root


def write(root: Path, body: str, date: str = "2546-01-15", allow: str | None = None) -> None:
    p = root / ORDER
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(HEAD.format(date=date) + body, encoding="utf-8")
    if allow is not None:
        (root / "records/registries/pdpa-allow.yaml").write_text(allow, encoding="utf-8")


def found(root: Path) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in load_corpus(root).problems]


def test_corpus_reports_and_allow_list_lets_through(repo: Path) -> None:
    n, m = IDS[0], IDS[1]
    body = f"ผู้ประสานงาน โทร. 081-234-5678\n\nเลข {grouped(n)}\n\nเลข {to_thai_digits(m)}\n"
    write(repo, body)
    assert found(repo) == [("P002", 11), ("P001", 13), ("P001", 15)]
    # by text (digits compared, so another spelling of the same number is covered) and by line
    allow = f"""- file: {ORDER}
  text: "0812345678"
  reason: หมายเลขราชการของศูนย์บริการ เผยแพร่แล้ว
  reviewer: somchai.j
- file: {ORDER}
  line: 15
  reason: ทดสอบ
  reviewer: somchai.j
"""
    write(repo, body, allow=allow)
    assert found(repo) == [("P001", 13)]
    # an entry for another file or another number lets nothing through
    other = allow.replace(f"file: {ORDER}\n  line", "file: regulations/order/x.md\n  line")
    write(repo, body, allow=other.replace("0812345678", "0812345679"))
    # ... and such stale entries are reported, so they are reviewed again
    assert found(repo) == [("P004", 1), ("P004", 5), ("P002", 11), ("P001", 13), ("P001", 15)]
    assert "ไม่ตรงกับข้อมูลใด" in load_corpus(repo).problems[0].message


@pytest.mark.parametrize("entry, message", [
    ("- file: a.md\n  text: x\n  reason: r\n", "ขาดช่อง reviewer"),
    ("- file: a.md\n  reason: r\n  reviewer: v\n", "ต้องระบุ text"),
    ("- file: a.md\n  line: สิบ\n  reason: r\n  reviewer: v\n", "ต้องเป็นเลขบรรทัด"),
    ("- file: a.md\n  text: x\n  reason: r\n  reviewer: v\n  by: me\n", "ไม่รู้จักช่อง by"),
    ("file: a.md\n", "ต้องเป็นรายการ"),
    ("- file: [a.md\n", "YAML"),
])
def test_malformed_allow_list(repo: Path, entry: str, message: str) -> None:
    write(repo, "ข้อความ\n", allow=entry)
    probs = load_corpus(repo).problems
    assert [p.code for p in probs] == ["P004"]
    assert message in probs[0].message


def test_message_masks_the_number(repo: Path) -> None:
    n = IDS[2]
    write(repo, f"เลข {n}\n")
    (p,) = load_corpus(repo).problems
    assert n not in p.message and n[0] + "x" * 11 + n[12] in p.message


def test_import_refuses_a_draft_with_an_id_number(repo: Path, tmp_path: Path) -> None:
    n = IDS[3]
    src = tmp_path / "order.txt"
    src.write_text("คำสั่งสำนักนายกรัฐมนตรี\nที่ ๑๒/๒๕๔๖\nเรื่อง แต่งตั้งคณะทำงาน\n\n"
                   f"ให้ นายสมชาย ใจดี เลขประจำตัวประชาชน {grouped(n)} เป็นกรรมการ\n\n"
                   "สั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๔๖\n", encoding="utf-8")
    before = sorted(p for p in repo.rglob("*"))
    r = import_file(src, Options(root=repo))
    assert r.status == "failed" and r.kind == "personal-data", r.message
    assert "P001" in r.message and n not in r.message
    assert sorted(p for p in repo.rglob("*")) == before
    rel = "regulations/order/2546/opm-order-2546-12.md"  # the draft's place, named in the message
    assert f"{rel}:12:" in r.message
    (repo / "records/registries/pdpa-allow.yaml").write_text(
        f"- file: {rel}\n  text: {n}\n  reason: ทดสอบ\n  reviewer: t\n", encoding="utf-8")
    ok = import_file(src, Options(root=repo))
    assert ok.status == "imported", ok.message


# --- D001: the document's own date ------------------------------------------------------------

def test_signed_date() -> None:
    assert signed_date("สั่ง ณ วันที่ ๘ ตุลาคม พ.ศ. ๒๕๔๕") == (BEDate(2545, 10, 8), 14)
    assert signed_date("# คำสั่ง\n\nลงวันที่ 8 ต.ค. 2545\n\nข้อความ")[0] == BEDate(2545, 10, 8)  # type: ignore[index]
    cited = "ตามคำสั่ง ที่ 1/2545 ลงวันที่ 8 ตุลาคม 2545 และมติเมื่อวันที่ 2 มกราคม 2546\n"
    assert signed_date(cited) is None
    both = cited + "\nประกาศ ณ วันที่ 1 มีนาคม 2546\n\nสั่ง ณ วันที่ ๙ ตุลาคม ๒๕๔๖\n"
    assert signed_date(both)[0] == BEDate(2546, 10, 9)  # type: ignore[index]
    late = "ก\n\nข\n\nค\n\nง\n\nจ\n\nฉ\n\nช\n\nลงวันที่ 8 ตุลาคม 2545\n"
    assert signed_date(late) is None  # far from the heading: a citation, not the date


@pytest.mark.parametrize("date, body, bad", [
    ("2546-01-15", "ข้อความ\n\nสั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๔๖\n", False),
    ("2546-01-15", "ข้อความ\n\nสั่ง ณ วันที่ ๑๖ มกราคม พ.ศ. ๒๕๔๖\n", True),
    ("2546", "ข้อความ\n\nสั่ง ณ วันที่ ๑๖ มกราคม พ.ศ. ๒๕๔๖\n", False),
    ("2546-02", "ข้อความ\n\nสั่ง ณ วันที่ ๑๖ มกราคม พ.ศ. ๒๕๔๖\n", True),
    ("2546-01-15", "ลงวันที่ 15 มกราคม 2546\n\nตามคำสั่งที่ 1/2545 ลงวันที่ 8 ตุลาคม 2545\n", False),
    ("2546-01-15", "ตามคำสั่งที่ 1/2545 ลงวันที่ 8 ตุลาคม 2545\n", False),
])
def test_front_matter_date_against_the_text(repo: Path, date: str, body: str, bad: bool) -> None:
    write(repo, body, date=date)
    assert [c for c, _ in found(repo)] == (["D001"] if bad else [])


def test_import_writes_a_draft_with_a_phone_number_and_lists_the_warning(
        repo: Path, tmp_path: Path) -> None:
    src = tmp_path / "order.txt"
    src.write_text("คำสั่งสำนักนายกรัฐมนตรี\nที่ ๑๓/๒๕๔๖\nเรื่อง แต่งตั้งคณะทำงาน\n\n"
                   "ติดต่อ นายสมชาย ใจดี โทร. ๐๘๑-๒๓๔-๕๖๗๘\n\n"
                   "สั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๔๖\n", encoding="utf-8")
    r = import_file(src, Options(root=repo))
    assert r.status == "imported", r.message
    assert r.draft is not None and r.draft.exists()
    warned = [m for m in r.missing if "P002" in m]
    assert len(warned) == 1 and warned[0].startswith("regulations/order/2546/opm-order-2546-13.md:")
    assert "คำเตือน" in warned[0]
