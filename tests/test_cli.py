"""The CLI: exit codes, text/JSON output, scaffolding without overwriting, the export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from casekit import BASE
from sarabun.cli import main
from sarabun.corpus import load_corpus
from sarabun.scaffold import today_be


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_check_ok(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "check"]) == 0
    assert "ไม่พบปัญหา" in capsys.readouterr().err


def test_check_errors_text_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = repo / "regulations/order/opm-order-2545-301.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("2545-10-08", "2545-02-30"),
                   encoding="utf-8")
    assert main(["--root", str(repo), "check"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("regulations/order/opm-order-2545-301.md:7:7 M004 ")
    assert "พบ 1 ปัญหา" in out.err
    assert main(["--root", str(repo), "check", "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["problems"][0]["code"] == "M004"
    assert payload["problems"][0]["line"] == 7


def test_check_only_named_paths(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "regulations/order/opm-order-2545-301.md").write_text("broken", encoding="utf-8")
    target = repo / "records/minutes/pdc-regional-minutes-2564-1.md"
    assert main(["--root", str(repo), "check", str(target)]) == 0
    assert main(["--root", str(repo), "check", str(repo / "nope.md")]) == 2
    assert "ไม่พบไฟล์" in capsys.readouterr().err


def test_new_order_takes_next_number_and_never_overwrites(repo: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    assert main(["--root", str(repo), "new", "order", "--issuer", "opm", "--year", "๒๕๔๕"]) == 0
    created = capsys.readouterr().out.strip()
    assert created == "regulations/order/2545/opm-order-2545-302.md"  # its year folder
    assert load_corpus(repo).problems == []
    text = (repo / created).read_text(encoding="utf-8")
    assert "number: 302/2545" in text and "status: draft" in text
    # the same explicit number again must not overwrite
    before = (repo / created).read_bytes()
    assert main(["--root", str(repo), "new", "order", "--issuer", "opm", "--year", "2545",
                 "--number", "๓๐๒"]) == 2
    assert "จะไม่เขียนทับ" in capsys.readouterr().err
    assert (repo / created).read_bytes() == before
    # nor may it add a second file for an id already filed flat (no year folder) by hand
    assert main(["--root", str(repo), "new", "order", "--issuer", "opm", "--year", "2545",
                 "--number", "301"]) == 2
    assert "อยู่แล้วที่ regulations/order/opm-order-2545-301.md" in capsys.readouterr().err
    assert not (repo / "regulations/order/2545/opm-order-2545-301.md").exists()


def test_new_regulation_needs_slug(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "regulation", "--issuer", "opm"]) == 2
    assert "--slug" in capsys.readouterr().err
    assert main(["--root", str(repo), "new", "regulation", "--issuer", "opm",
                 "--slug", "records-management"]) == 0
    path = capsys.readouterr().out.strip()
    year = today_be().year
    assert path == f"regulations/regulation/{year}/opm-regulation-{year}-records-management.md"
    assert load_corpus(repo).problems == []


def test_new_rejects_unknown_issuer_and_type(repo: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "order", "--issuer", "nobody"]) == 2
    assert main(["--root", str(repo), "new", "memo", "--issuer", "opm"]) == 2
    err = capsys.readouterr().err
    assert "ไม่พบหน่วยงาน 'nobody'" in err and "ไม่รู้จักประเภท 'memo'" in err


def test_export(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("out")
    assert main(["--root", str(repo), "export", str(out)]) == 0
    data = json.loads((out / "documents.json").read_text(encoding="utf-8"))
    assert data["count"] == 3
    first = data["documents"][0]
    assert first["id"] == "opm-order-2545-301"
    assert first["number"] == "301/2545"  # Thai digits in the file, normalised in the data
    assert first["url"] == "regulations/opm-order-2545-301/"
    assert first["issuer_name"] == "สำนักนายกรัฐมนตรี"
    raw = (out / "documents.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert [r["id"] for r in rows] == [d["id"] for d in data["documents"]]
    assert rows[1]["provinces"] == "chiang-mai"
    # deterministic output: a second export is byte-identical
    again = tmp_path_factory.mktemp("again")
    main(["--root", str(repo), "export", str(again)])
    assert (again / "documents.json").read_bytes() == (out / "documents.json").read_bytes()


def test_export_refuses_broken_corpus(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "regulations/order/opm-order-2545-301.md").write_bytes(b"\xff")
    out = tmp_path_factory.mktemp("out")
    assert main(["--root", str(repo), "export", str(out)]) == 2
    assert not (out / "documents.json").exists()
    assert "F001" in capsys.readouterr().err


def test_root_before_or_after_the_command_and_a_missing_root(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--root", str(repo), "export", str(tmp_path / "a")],
                 ["export", str(tmp_path / "b"), "--root", str(repo)],
                 ["check", "--root", str(repo)]):
        assert main(argv) == 0, argv
    capsys.readouterr()
    assert main(["check", "--root", str(tmp_path / "nowhere")]) == 2
    assert "ไม่พบโฟลเดอร์คลังเอกสาร" in capsys.readouterr().err


@pytest.mark.parametrize(("year", "message"), [
    ("๒๕๔x", "ต้องเป็นปี พ.ศ. 4 หลัก"), ("25", "ต้องเป็นปี พ.ศ. 4 หลัก"),
    ("2002", "ค.ศ. + 543 = 2545"),
])
def test_new_rejects_a_bad_year_in_plain_thai(repo: Path, year: str, message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "order", "--issuer", "opm", "--year", year]) == 2
    assert message in capsys.readouterr().err
