"""Legal basis ("อาศัยอำนาจตามความในมาตรา N แห่งพระราชบัญญัติ ...") read from real-looking Thai text,
resolved against a small index, with the anchors of the cited sections."""

from __future__ import annotations

import pytest

from sarabun.citations import CorpusIndex, DocRef, find_citations
from sarabun.legal_basis import find_basis
from sarabun.render import add_clause_anchors, clause_id

ACT = "th-act-2534-state-administration"
INDEX = CorpusIndex([
    DocRef(ACT, "act", "th", "พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", year=2534),
    DocRef("th-act-2545-state-administration-no5", "act", "th",
           "พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน (ฉบับที่ 5) พ.ศ. 2545", year=2545,
           amends=(ACT,)),
])


def basis(text: str) -> list[tuple[str, str | None, list[str]]]:
    found = find_basis(text, find_citations(text, INDEX))
    return [(b.text(), b.target, [p.anchor for p in b.provisions]) for b in found]


@pytest.mark.parametrize("text, expected", [
    ("อาศัยอำนาจตามความในมาตรา ๑๑ และมาตรา ๑๒ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔ "
     "นายกรัฐมนตรีจึงมีคำสั่ง ดังต่อไปนี้",
     [("มาตรา 11 และมาตรา 12 แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", ACT,
       ["section-11", "section-12"])]),
    # Arabic digits, sub-paragraphs, a line broken inside the title, an amendment after it
    ("อาศัยอำนาจตามมาตรา 11 (8) และ (9) แห่งพระราชบัญญัติระเบียบบริหาร\nราชการแผ่นดิน พ.ศ. 2534 "
     "ซึ่งแก้ไขเพิ่มเติมโดยพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน (ฉบับที่ ๕) พ.ศ. ๒๕๔๕ "
     "นายกรัฐมนตรีจึงวางระเบียบไว้",
     [("มาตรา 11 (8) และ (9) แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", ACT,
       ["section-11"])]),
    # no-break spaces, and a second instrument that is not in the repository
    ("อาศัยอำนาจตามความใน\u00a0มาตรา\u00a0๑๑ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔ "
     "และมาตรา ๓ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ จึงออกคำสั่ง",
     [("มาตรา 11 แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", ACT, ["section-11"]),
      ("มาตรา 3 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", None, ["section-3"])]),
    ("อาศัยอำนาจตามความในมาตรา ๖ ทวิ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔",
     [("มาตรา 6 ทวิ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", ACT,
       ["section-6-bis"])]),
    ("อาศัยอำนาจตามมาตรา ๕ และ ๖ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔",
     [("มาตรา 5 และมาตรา 6 แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", ACT,
       ["section-5", "section-6"])]),
    ("โดยอาศัยอำนาจตามข้อ ๕ ของระเบียบสำนักนายกรัฐมนตรีว่าด้วยการทดสอบ พ.ศ. ๒๕๔๗ จึงให้",
     [("ข้อ 5 แห่งระเบียบสำนักนายกรัฐมนตรีว่าด้วยการทดสอบ พ.ศ. 2547", None, ["clause-5"])]),
    # power mentioned, but no basis stated
    ("ผู้ว่าราชการจังหวัดมีอำนาจตามมาตรา ๕๗ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔", []),
    ("อาศัยอำนาจตามความในมาตรา ๑๑\n\nแห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔", []),
])
def test_basis(text: str, expected: list[tuple[str, str | None, list[str]]]) -> None:
    assert basis(text) == expected


def test_offsets_cover_the_phrase() -> None:
    text = "ข้อความ\nอาศัยอำนาจตามความในมาตรา ๑๑ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔ จึง"
    (b,) = find_basis(text, find_citations(text, INDEX))
    assert text[b.start:b.end] == "มาตรา ๑๑ แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ๒๕๓๔"
    (p,) = b.provisions
    assert text[p.start:p.end] == "มาตรา ๑๑"


def test_section_anchors() -> None:
    body = ("มาตรา ๑ พระราชบัญญัตินี้เรียกว่า\n\nมาตรา ๒[๑] พระราชบัญญัตินี้ให้ใช้บังคับ\n\n"
            "## มาตรา ๓/๑ {#keep}\n\nมาตรา ๖ ทวิ ให้\n\nข้อ ๔ ข้อความ")
    out = add_clause_anchors(body)
    for anchor in ("section-1", "section-2", "section-6-bis", "clause-4"):
        assert f'id="{anchor}"' in out
    assert "{#keep}" in out and clause_id("๑๒", "๑", "มาตรา") == "section-12-1"
