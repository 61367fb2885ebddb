"""Warnings and errors: a mobile number or a house address (P002, P003), or a crowded flat folder
(F008), is reported as a warning that does not fail ``sarabun check``; an ID number (P001) and
every other code fail it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casekit import BASE
from sarabun.cli import main
from sarabun.problems import CODES, WARNING_CODES, errors, problem

ORDER = """\
---
id: opm-order-2546-5
type: order
title: คำสั่งสำนักนายกรัฐมนตรี ที่ ๕/๒๕๔๖
number: 5/2546
issuer: opm
date: 2546-01-15
status: in-force
---

{body}
"""


def test_only_phone_and_address_warn() -> None:
    assert WARNING_CODES == {"P002", "P003", "F008"} and WARNING_CODES <= set(CODES)
    warn = problem("a.md", 1, 1, "P002", "พบหมายเลข")
    fail = problem("a.md", 1, 1, "P001", "พบเลข")
    assert (warn.severity, fail.severity) == ("warning", "error")
    assert warn.text() == "a.md:1:1 P002 คำเตือน: พบหมายเลข"
    assert errors([warn, fail]) == [fail]


@pytest.mark.parametrize("body, code, rc", [
    ("ผู้ประสานงาน โทร. 081-234-5678", "P002", 0),
    ("ผู้ยื่นคำขอ บ้านเลขที่ ๙๙/๑ หมู่ ๒", "P003", 0),
    ("เลขประจำตัวประชาชน 3-1017-00230-07-1", "P001", 1),
])
def test_check_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str,
                         code: str, rc: int) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "regulations" / "order" / "opm-order-2546-5.md"
    path.write_text(ORDER.format(body=body), encoding="utf-8")
    assert main(["--root", str(root), "check", "--format", "json"]) == rc
    (p,) = json.loads(capsys.readouterr().out)["problems"]
    assert p["code"] == code and p["severity"] == ("warning" if rc == 0 else "error")
