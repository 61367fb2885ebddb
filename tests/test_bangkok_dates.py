"""D001 in Asia/Bangkok: the front-matter date is the Thai calendar day printed in the document.

A date copied from a UTC timestamp is a day early for anything signed before 07:00 in Bangkok
(the signing of 8 October shows as 7 October); the check reports it and says why, whatever the
time zone of the machine that runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casekit import BASE
from sarabun.corpus import load_corpus

DOC = """\
---
id: opm-order-2545-5
type: order
title: คำสั่งสำนักนายกรัฐมนตรี ที่ ๕/๒๕๔๕
number: 5/2545
issuer: opm
date: {date}
status: in-force
---

ข้อ ๑ ให้ปฏิบัติตามคำสั่งนี้

สั่ง ณ วันที่ {signed}

นายกรัฐมนตรี
"""


def repo(tmp_path: Path, date: str, signed: str) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "regulations" / "order" / "opm-order-2545-5.md"
    path.write_text(DOC.format(date=date, signed=signed), encoding="utf-8")
    return root


@pytest.mark.parametrize("date, signed, hint", [
    ("2545-10-07", "๘ ตุลาคม พ.ศ. ๒๕๔๕", True),  # the UTC day before
    ("2545-09-30", "๑ ตุลาคม พ.ศ. ๒๕๔๕", True),  # ... across a month
    ("2545-12-31", "๑ มกราคม พ.ศ. ๒๕๔๖", True),  # ... and a year
    ("2545-10-06", "๘ ตุลาคม พ.ศ. ๒๕๔๕", False),  # another mistake: no UTC hint
])
def test_off_by_one_day_is_reported_with_its_cause(tmp_path: Path, date: str, signed: str,
                                                   hint: bool) -> None:
    (p,) = [p for p in load_corpus(repo(tmp_path, date, signed)).problems]
    assert p.code == "D001"
    assert ("Asia/Bangkok" in p.message) == hint


def test_same_answer_in_every_time_zone(tmp_path: Path) -> None:
    root = repo(tmp_path, "2545-10-07", "๘ ตุลาคม พ.ศ. ๒๕๔๕")
    outputs = set()
    for tz in ("Pacific/Kiritimati", "America/Los_Angeles"):  # UTC+14 and UTC-8
        proc = subprocess.run([sys.executable, "-m", "sarabun.cli", "--root", str(root), "check"],
                              env={**os.environ, "TZ": tz}, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 1
        outputs.add(proc.stdout)
    (out,) = outputs
    assert "D001" in out
    ok = repo(tmp_path / "ok", "2545-10-08", "๘ ตุลาคม พ.ศ. ๒๕๔๕")
    assert load_corpus(ok).problems == []
