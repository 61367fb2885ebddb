"""Versions from git: real repositories built in temporary folders with fixed commit dates.

One repository tells a story (module fixture ``story``): a regulation added, corrected, amended
by a second regulation and consolidated; an order moved to a year folder, edited, the edit
reverted, edited on a side branch merged cleanly, then edited on both sides and merged by hand;
a report renamed to a corrected id; an order deleted. The tests check the versions, their dates
(ISO in Bangkok time, BE, Thai), the point-in-time answers, the CLI, a shallow clone's warning
and the Thai word diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from casekit import BASE
from sarabun import history as history_mod
from sarabun import wordiff
from sarabun.corpus import load_corpus
from sarabun.errors import SarabunError
from sarabun.history import (
    CURRENT,
    NOT_IN_FORCE,
    NOT_YET_IN_FORCE,
    History,
    Removal,
    in_force,
    load_history,
    parse_log,
    periods,
    read_header,
    version_labels,
)
from sarabun.model import Document
from sarabun.thai import BEDate

REG = "opm-regulation-2547-regional-supervision"
REG_PATH = f"regulations/regulation/{REG}.md"
AMEND = "opm-regulation-2548-regional-supervision-no2"
ORDER = "opm-order-2545-301"
ORDER_OLD = f"regulations/order/{ORDER}.md"
ORDER_NEW = f"regulations/order/2545/{ORDER}.md"
GONE = "opm-order-2545-359"
REPORT_OLD, REPORT_NEW = "opm-report-2548-anual", "opm-report-2548-annual"
ABOUT = "docs/เกี่ยวกับ.md"

SOMCHAI = ("สมชาย ใจดี", "somchai@example.go.th")
SOMYING = ("สมหญิง รักงาน", "somying@example.go.th")
SOMSAK = ("สมศักดิ์ ตรวจทาน", "somsak@example.go.th")


class Git:
    """A throw-away repository; every commit gets the author and date it is given."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {
            "PATH": os.environ.get("PATH", ""), "HOME": str(root.parent),
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LANG": "C.UTF-8",
        }
        root.mkdir(parents=True, exist_ok=True)
        self("init", "-q", "-b", "main")

    def __call__(self, *args: str, date: str = "2024-01-01T00:00:00+07:00",
                 author: tuple[str, str] = SOMCHAI) -> str:
        env = {**self.env, "GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1],
               "GIT_COMMITTER_NAME": author[0], "GIT_COMMITTER_EMAIL": author[1],
               "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        proc = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc.stdout

    def write(self, path: str, text: str) -> None:
        p = self.root / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    def commit(self, message: str, date: str, author: tuple[str, str] = SOMCHAI) -> str:
        self("add", "-A")
        self("commit", "-q", "-m", message, date=date, author=author)
        return self("rev-parse", "HEAD").strip()


def doc(doc_id: str, type_: str, title: str, body: str, issuer: str = "opm",
        **fields: str | list[str]) -> str:
    lines = ["---", f"id: {doc_id}", f"type: {type_}", f"title: \"{title}\"", f"issuer: {issuer}"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines += [f"{key}:", *[f"  - {v}" for v in value]]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", "", body, ""])


def reg_text(body: str, effective: str = "2547-03-01") -> str:
    return doc(REG, "regulation", "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการกำกับ พ.ศ. ๒๕๔๗", body,
               date="2547-02-15", effective_date=effective, status="in-force")


def order_text(clause2: str) -> str:
    body = ("ข้อ ๑ ให้ผู้ว่าราชการจังหวัดกำกับดูแลการปฏิบัติราชการในจังหวัด\n\n"
            f"ข้อ ๒ {clause2}\n\nข้อ ๓ คำสั่งนี้ให้ใช้บังคับตั้งแต่บัดนี้เป็นต้นไป")
    return doc(ORDER, "order", "คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕", body,
               number="301/2545", date="2545-10-08", status="in-force")


REG_V1 = "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับดูแลการปฎิบัติราชการในภูมิภาค"
REG_V2 = "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับดูแลการปฏิบัติราชการในภูมิภาค"  # ฎ -> ฏ typo fixed
REG_V3 = "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับและติดตามการปฏิบัติราชการในภูมิภาค"
REG_V4 = REG_V3 + "\n\nข้อ ๓ ให้สำนักงานรายงานผลทุกหกเดือน"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Git:
    g = Git(tmp_path_factory.mktemp("story") / "repo")
    shutil.copytree(BASE / "records" / "registries", g.root / "records" / "registries")
    g.write(REG_PATH, reg_text(REG_V1))
    g.write(ORDER_OLD, order_text("ให้รายงานผลต่อนายกรัฐมนตรี"))
    g.write(f"regulations/order/{GONE}.md", doc(
        GONE, "order", "คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๕๙/๒๕๔๕", "ข้อความ", number="359/2545",
        date="2545-11-01", status="in-force"))
    g.write(f"records/report/{REPORT_OLD}.md", doc(
        REPORT_OLD, "report", "รายงานประจำปี ๒๕๔๘", "รายงานผลการดำเนินงานประจำปี\n" * 5,
        date="2548", status="published"))
    g.write(ABOUT, "# เกี่ยวกับ\n")
    g.commit("เพิ่มระเบียบ คำสั่ง และรายงาน\n\nนำเข้าจากต้นฉบับ", "2024-01-10T10:00:00+07:00")
    g.write(REG_PATH, reg_text(REG_V2))
    g.commit("แก้คำผิด ปฎิบัติ เป็น ปฏิบัติ", "2024-01-31T20:00:00+00:00", SOMYING)
    g.write(REG_PATH, reg_text(REG_V3))
    g.write(f"regulations/regulation/{AMEND}.md", doc(
        AMEND, "regulation", "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการกำกับ (ฉบับที่ ๒) พ.ศ. ๒๕๔๘",
        "ข้อ ๓ ให้ยกเลิกความในข้อ ๒", date="2548-05-15", effective_date="2548-06-01",
        status="in-force", amends=[REG]))
    g.commit("เพิ่มระเบียบฉบับที่ ๒ และปรับข้อความฉบับรวม", "2024-03-01T09:00:00+07:00")
    (g.root / "regulations/order/2545").mkdir(parents=True)
    g("mv", ORDER_OLD, ORDER_NEW)
    g.commit("ย้ายคำสั่งไปโฟลเดอร์ปี ๒๕๔๕", "2024-04-01T09:00:00+07:00")
    g.write(ORDER_NEW, order_text("ให้รายงานผลต่อรัฐมนตรีประจำสำนักนายกรัฐมนตรี"))
    g.commit("แก้ข้อ ๒ ของคำสั่ง", "2024-04-15T09:00:00+07:00")
    g("revert", "--no-edit", "HEAD", date="2024-04-20T09:00:00+07:00", author=SOMYING)
    g("checkout", "-q", "-b", "side")
    g.write(ORDER_NEW, order_text("ให้รายงานผลต่อนายกรัฐมนตรีทุกไตรมาส"))
    g.commit("เพิ่มความถี่การรายงาน", "2024-05-01T09:00:00+07:00", SOMSAK)
    g("checkout", "-q", "main")
    g.write(REG_PATH, reg_text(REG_V4, effective="2549-01-01"))
    g.commit("ฉบับรวมแก้ไข มีผล ๑ มกราคม ๒๕๔๙", "2024-05-02T09:00:00+07:00")
    g("merge", "-q", "--no-ff", "--no-edit", "side", date="2024-05-03T09:00:00+07:00")
    # both sides edit the same clause; the merge is resolved by hand
    g("checkout", "-q", "-b", "side2")
    g.write(ORDER_NEW, order_text("ให้รายงานผลต่อ ก.บ.จ."))
    g.commit("รายงานต่อ ก.บ.จ.", "2024-05-10T09:00:00+07:00", SOMSAK)
    g("checkout", "-q", "main")
    g.write(ORDER_NEW, order_text("ให้รายงานผลต่อ ก.น.จ."))
    g.commit("รายงานต่อ ก.น.จ.", "2024-05-11T09:00:00+07:00")
    with pytest.raises(AssertionError, match="CONFLICT"):  # a real conflict
        g("merge", "--no-edit", "side2", date="2024-05-12T09:00:00+07:00")
    g.write(ORDER_NEW, order_text("ให้รายงานผลต่อ ก.บ.จ. และ ก.น.จ."))
    g.commit("รวมกิ่ง side2 แก้ข้อขัดแย้ง", "2024-05-12T09:00:00+07:00")
    # a corrected id: the file is renamed and its id changed
    g("mv", f"records/report/{REPORT_OLD}.md", f"records/report/{REPORT_NEW}.md")
    p = g.root / f"records/report/{REPORT_NEW}.md"
    p.write_text(p.read_text(encoding="utf-8").replace(REPORT_OLD, REPORT_NEW), encoding="utf-8")
    g.commit("แก้รหัสรายงานให้สะกดถูก", "2024-06-01T09:00:00+07:00")
    g("rm", "-q", f"regulations/order/{GONE}.md")
    g.commit("ลบคำสั่งที่นำเข้าซ้ำ", "2024-06-10T09:00:00+07:00")
    return g


@pytest.fixture(scope="module")
def history(story: Git) -> History:
    return load_history(story.root)


def subjects(history: History, doc_id: str) -> list[str]:
    return [v.commit.subject for v in history.versions(doc_id)]


# --- versions ---------------------------------------------------------------------------------


def test_regulation_versions_dates_and_effective_dates(history: History) -> None:
    versions = history.versions(REG)
    assert [v.number for v in versions] == [1, 2, 3, 4]
    assert [v.kind for v in versions] == ["added", "modified", "modified", "modified"]
    first, second = versions[0], versions[1]
    assert first.commit.iso() == "2024-01-10T10:00:00+07:00"
    assert first.commit.be_date() == BEDate(2567, 1, 10)
    assert first.commit.thai_date() == "๑๐ มกราคม ๒๕๖๗"
    assert first.commit.thai_datetime(thai_digits=False) == "10 มกราคม 2567 เวลา 10.00 น."
    assert first.commit.author == "สมชาย ใจดี"
    assert first.commit.message.startswith("เพิ่มระเบียบ คำสั่ง และรายงาน\n\nนำเข้าจากต้นฉบับ")
    # committed at 20:00 UTC on 31 January: in Bangkok it is already 1 February
    assert second.commit.iso() == "2024-02-01T03:00:00+07:00"
    assert second.commit.be_date().iso() == "2567-02-01"
    assert second.commit.author_email == "somying@example.go.th"
    assert [str(v.effective_date) for v in versions] == [
        str(BEDate(2547, 3, 1))] * 3 + [str(BEDate(2549, 1, 1))]
    assert versions[0].status == "in-force" and "พ.ศ. ๒๕๔๗" in versions[0].title
    assert REG_V1 in history.text(versions[0]) and REG_V4 in history.text(versions[3])


def test_move_to_year_folder_keeps_history(history: History) -> None:
    versions = history.versions(ORDER)
    assert versions[0].path == ORDER_OLD and versions[0].kind == "added"
    # the move kept the id and the text: no version of its own (the document did not change);
    # the file is followed, so the next edit is a version at the new path
    assert "ย้ายคำสั่งไปโฟลเดอร์ปี ๒๕๔๕" not in subjects(history, ORDER)
    assert versions[1].commit.subject == "แก้ข้อ ๒ ของคำสั่ง"
    assert versions[1].path == ORDER_NEW and versions[1].kind == "modified"
    assert history.resolve(ORDER_NEW) == ORDER == history.resolve(ORDER_OLD)
    assert history.resolve(str(history.root / ORDER_NEW)) == ORDER


def test_revert_is_a_version_with_the_earlier_text(history: History) -> None:
    versions = history.versions(ORDER)
    edit, revert = versions[1], versions[2]
    assert edit.commit.subject == "แก้ข้อ ๒ ของคำสั่ง"
    assert revert.commit.subject.startswith("Revert")
    assert revert.blob == versions[0].blob != edit.blob
    assert revert.commit.author == "สมหญิง รักงาน"


def test_merges(history: History) -> None:
    versions = history.versions(ORDER)
    assert subjects(history, ORDER) == [
        "เพิ่มระเบียบ คำสั่ง และรายงาน", "แก้ข้อ ๒ ของคำสั่ง",
        versions[2].commit.subject, "เพิ่มความถี่การรายงาน", "รายงานต่อ ก.บ.จ.",
        "รายงานต่อ ก.น.จ.", "รวมกิ่ง side2 แก้ข้อขัดแย้ง",
    ]
    # the side branch's commit is a version with its own author; the clean merge adds none
    assert versions[3].commit.author == "สมศักดิ์ ตรวจทาน" and not versions[3].commit.is_merge
    assert not any(v.commit.subject.startswith("Merge branch 'side'") for v in versions)
    assert len(history.versions(REG)) == 4  # the clean merge did not touch the regulation
    # the merge resolved by hand is a version of its own, with the resolved text
    last = versions[-1]
    assert last.kind == "merged" and last.commit.is_merge
    assert "ก.บ.จ. และ ก.น.จ." in history.text(last)
    assert history.previous(last) == versions[-2]
    assert history.previous(versions[0]) is None


def test_renamed_id_follows_and_old_id_points_to_new(history: History) -> None:
    versions = history.versions(REPORT_NEW)
    assert [v.kind for v in versions] == ["added", "renamed"]
    assert versions[0].path == f"records/report/{REPORT_OLD}.md"
    assert versions[1].previous_path == f"records/report/{REPORT_OLD}.md"
    assert all(v.doc_id == REPORT_NEW for v in versions)
    assert history.renamed_from(REPORT_NEW) == [REPORT_OLD]
    assert history.current_id(REPORT_OLD) == REPORT_NEW
    assert REPORT_OLD not in history.ids() and REPORT_NEW in history.ids()


def test_deletion_recent_changes_and_last_updated(history: History) -> None:
    assert history.versions(GONE)[0].kind == "added"
    (removal,) = history.removals(GONE)
    assert removal.commit.subject == "ลบคำสั่งที่นำเข้าซ้ำ" and removal.renamed_to is None
    recent = history.recent_changes(limit=3)
    assert isinstance(recent[0], Removal) and recent[0].doc_id == GONE
    assert recent[1].doc_id == REPORT_NEW
    assert recent[2].commit.subject == "รวมกิ่ง side2 แก้ข้อขัดแย้ง"
    assert len(history.recent_changes(limit=100)) == 4 + 7 + 2 + 1 + 1 + 1
    assert sorted(history.ids()) == sorted([REG, AMEND, ORDER, GONE, REPORT_NEW])
    last = history.last_updated(ORDER)
    assert last is not None and last.subject == "รวมกิ่ง side2 แก้ข้อขัดแย้ง"
    about = history.last_updated(ABOUT)  # any page, Thai file name
    assert about is not None and about.thai_date() == "๑๐ มกราคม ๒๕๖๗"
    assert history.last_updated("records/registries/organizations.yaml") is not None
    assert history.last_updated("nothing-here") is None


def test_parallel_slices_give_the_same_history(story: Git, history: History) -> None:
    for jobs in (1, 3):
        again = load_history(story.root, jobs=jobs)
        assert again.ids() == history.ids()
        for doc_id in history.ids():
            assert [(v.commit.sha, v.blob, v.kind) for v in again.versions(doc_id)] == \
                [(v.commit.sha, v.blob, v.kind) for v in history.versions(doc_id)]


def test_headers_read_only_where_asked(story: Git) -> None:
    h = load_history(story.root, read_headers=("regulations/",))
    assert str(h.versions(REG)[-1].effective_date) == str(BEDate(2549, 1, 1))
    assert h.versions(REPORT_NEW)[0].header == {}
    assert load_history(story.root, read_headers=False).versions(REG)[0].header == {}


def test_corpus_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    g = Git(tmp_path / "repo")
    g.write("site/regulations/order/x-order-2545-1.md", "---\nid: x-order-2545-1\n---\n")
    g.write("regulations/order/other-order-2545-2.md", "---\nid: other\n---\n")
    g.commit("add", "2024-01-01T00:00:00+07:00")
    h = load_history(g.root / "site")
    assert h.ids() == ["x-order-2545-1"]
    assert h.versions("x-order-2545-1")[0].path == "regulations/order/x-order-2545-1.md"


def test_not_a_repository_and_empty_repository(tmp_path: Path) -> None:
    with pytest.raises(SarabunError, match="ไม่อยู่ในคลัง git"):
        load_history(tmp_path)
    tarball = load_history(tmp_path, missing_ok=True)
    assert tarball.ids() == [] and "ไม่อยู่ในคลัง git" in tarball.warnings[0]
    g = Git(tmp_path / "empty")
    h = load_history(g.root)
    assert h.ids() == [] and h.commits == [] and not h.shallow


# --- shallow clones ---------------------------------------------------------------------------


def test_shallow_clone_warns_with_the_fix(story: Git, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{story.root}", str(target)],
                   check=True, env=story.env, capture_output=True)
    h = load_history(target)
    assert h.shallow
    assert len(h.warnings) == 1 and "fetch-depth: 0" in h.warnings[0]
    assert "shallow clone" in h.warnings[0]
    # every document seems added by the one commit there is
    assert [v.kind for v in h.versions(REG)] == ["added"]
    assert run_cli(["--root", str(target), "history", REG]) == 0
    assert "คำเตือน:" in capsys.readouterr().err
    assert not load_history(story.root).shallow


# --- the cache of commits already read --------------------------------------------------------


def _versions_of(h: History) -> dict[str, list[tuple[str, str, str, str]]]:
    return {i: [(v.commit.sha, v.blob, v.kind, v.path) for v in h.versions(i)] for i in h.ids()}


def test_cache_reads_only_new_commits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SARABUN_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[list[str]] = []
    real = history_mod._log_chunk

    def counting(repo: object, shas: list[str]) -> bytes:
        calls.append(list(shas))
        return real(repo, shas)  # type: ignore[arg-type]

    monkeypatch.setattr(history_mod, "_log_chunk", counting)
    g = Git(tmp_path / "repo")
    g.write("regulations/order/a.md", order_text("ฉบับแรก"))
    g.commit("เพิ่ม", "2024-01-01T00:00:00+07:00")
    g.write("regulations/order/a.md", order_text("ฉบับสอง"))
    g.commit("แก้", "2024-01-02T00:00:00+07:00")
    cold = load_history(g.root)
    assert sum(len(c) for c in calls) == 2
    calls.clear()
    warm = load_history(g.root)
    assert calls == [] and _versions_of(warm) == _versions_of(cold)
    assert [v.effective_date for v in warm.versions("a")] == \
        [v.effective_date for v in cold.versions("a")]
    # a new commit: only it is diffed
    g("mv", "regulations/order/a.md", "regulations/order/b.md")
    new = g.commit("เปลี่ยนชื่อ", "2024-01-03T00:00:00+07:00")
    h = load_history(g.root)
    assert calls == [[new]]
    assert [v.kind for v in h.versions("b")] == ["added", "modified", "renamed"]
    assert _versions_of(h) == _versions_of(load_history(g.root, cache=False))
    # history rewritten: the amended commit is read, the dropped one leaves the cache
    calls.clear()
    g("commit", "-q", "--amend", "-m", "เปลี่ยนชื่อไฟล์", date="2024-01-04T00:00:00+07:00")
    h = load_history(g.root)
    assert len(calls) == 1 and calls[0] != [new]
    [cache_file] = (tmp_path / "cache" / "history").iterdir()
    assert new.encode() not in cache_file.read_bytes()
    # a setting that changes git's output (rename detection) makes the cache stale
    calls.clear()
    g("config", "diff.renameLimit", "5")
    load_history(g.root)
    assert sum(len(c) for c in calls) == 3


def test_damaged_cache_is_ignored_and_rewritten(story: Git, history: History, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SARABUN_CACHE_DIR", str(tmp_path))
    load_history(story.root)
    [cache_file] = (tmp_path / "history").iterdir()
    good = cache_file.read_bytes()
    for bad in (good[:-7], b"junk", good.replace(b" ", b"  ", 1), b""):
        cache_file.write_bytes(bad)
        assert _versions_of(load_history(story.root)) == _versions_of(history)
        assert cache_file.read_bytes() == good


def test_shallow_clone_is_not_cached(story: Git, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SARABUN_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{story.root}", str(target)],
                   check=True, env=story.env, capture_output=True)
    assert load_history(target).shallow
    assert not (tmp_path / "cache").exists()


# --- point in time ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def documents(story: Git) -> list[Document]:
    corpus = load_corpus(story.root)
    assert corpus.problems == [], [p.text() for p in corpus.problems]
    return corpus.documents


def test_periods(history: History, documents: list[Document]) -> None:
    plist = periods(history, REG, documents)
    assert [(p.basis, p.start) for p in plist] == [
        ("effective_date", BEDate(2547, 3, 1)),
        ("correction", BEDate(2547, 3, 1)),
        ("amendment", BEDate(2548, 6, 1)),
        ("effective_date", BEDate(2549, 1, 1)),
    ]
    assert plist[2].amended_by == (AMEND,)
    assert AMEND in plist[2].basis_thai()


@pytest.mark.parametrize(("on", "number"), [
    ("2547-02-28", None),  # before the regulation took effect
    ("2547-03-01", 2),  # the corrected text replaces the mistyped one from the same day
    ("2548", 2),  # a year alone counts from its first day
    ("2548-05-31", 2),
    ("2548-06-01", 3),  # the amendment's effective date
    ("2548-12-31", 3),
    ("2549-01-01", 4),
    ("2568-01-01", 4),
])
def test_in_force_on_a_date(history: History, documents: list[Document],
                            on: str, number: int | None) -> None:
    answer = in_force(history, REG, documents, BEDate.parse(on))
    assert (answer.version.number if answer.version else None) == number, answer.reason
    if number is None:
        assert "ยังไม่มีผลใช้บังคับ" in answer.reason


def test_labels_today(history: History, documents: list[Document]) -> None:
    shas = [v.commit.sha for v in history.versions(REG)]
    labels = version_labels(history, REG, documents, BEDate(2568, 1, 1))
    assert [labels[s] for s in shas] == [NOT_IN_FORCE] * 3 + [CURRENT]
    labels = version_labels(history, REG, documents, BEDate(2548, 7, 1))
    assert [labels[s] for s in shas] == [NOT_IN_FORCE, NOT_IN_FORCE, CURRENT, NOT_YET_IN_FORCE]
    labels = version_labels(history, REG, documents, BEDate(2568, 1, 1), status="repealed")
    assert CURRENT not in labels.values()
    assert CURRENT == "ฉบับปัจจุบัน" and NOT_IN_FORCE == "ฉบับที่ไม่มีผลบังคับแล้ว"


def test_repealed_from_the_repealing_documents_date(history: History,
                                                     documents: list[Document]) -> None:
    amend = next(d for d in documents if str(d.id) == AMEND)
    repealer = replace(amend, amends=[], repeals=[REG], effective_date=BEDate(2550, 1, 1))
    docs = [d for d in documents if d is not amend] + [repealer]
    assert in_force(history, REG, docs, BEDate(2549, 12, 31)).version is not None
    answer = in_force(history, REG, docs, BEDate(2550, 1, 1))
    assert answer.version is None and AMEND in answer.reason and "ยกเลิก" in answer.reason
    labels = version_labels(history, REG, docs, BEDate(2568, 1, 1))
    assert set(labels.values()) == {NOT_IN_FORCE}


def test_document_without_dates_latest_is_current(history: History,
                                                  documents: list[Document]) -> None:
    shas = [v.commit.sha for v in history.versions(REPORT_NEW)]
    labels = version_labels(history, REPORT_NEW, documents, BEDate(2568, 1, 1))
    assert labels[shas[-1]] == CURRENT and labels[shas[0]] == NOT_IN_FORCE


# --- the command ------------------------------------------------------------------------------


def run_cli(argv: list[str]) -> int:
    """The command as the CLI parses it, but raising SarabunError instead of printing it."""
    from sarabun.cli import parser

    args = parser().parse_args(argv)
    code: int = args.func(args)
    return code


def test_cli_text(story: Git, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["--root", str(story.root), "history", ORDER_NEW]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ประวัติการแก้ไข {ORDER}: 7 ฉบับ\n")
    assert "2024-01-10T10:00:00+07:00" in out and "10 มกราคม 2567 เวลา 10.00 น." in out
    assert f"แก้ไข: {ORDER_NEW}\n" in out and f"(จาก {ORDER_OLD})" not in out  # moved: no version
    assert "สมศักดิ์ ตรวจทาน <somsak@example.go.th>" in out
    assert "วันที่มีผลใช้บังคับ: ไม่ระบุ" in out


def test_cli_json_with_root_after_the_command(story: Git,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["history", REG, "--format", "json", "--root", str(story.root),
                    "--at", "๒๕๔๘-๐๖-๐๑"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == REG and data["path"] == REG_PATH and not data["shallow"]
    first = data["versions"][0]
    assert first["date"] == "2024-01-10T10:00:00+07:00" and first["date_be"] == "2567-01-10"
    assert first["date_thai"] == "๑๐ มกราคม ๒๕๖๗"
    assert first["author"] == "สมชาย ใจดี" and first["kind"] == "added"
    assert first["effective_date"] == "2547-03-01"
    assert first["subject"] == "เพิ่มระเบียบ คำสั่ง และรายงาน"
    assert [v["effective_date"] for v in data["versions"]][-1] == "2549-01-01"
    assert [v["label"] for v in data["versions"]] == [NOT_IN_FORCE] * 3 + [CURRENT]
    assert data["in_force"]["number"] == 3 and data["in_force"]["date"] == "2548-06-01"


def test_cli_old_id_and_errors(story: Git, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(story.root)
    assert run_cli(["--root", root, "history", REPORT_OLD, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] == REPORT_NEW
    assert f"เปลี่ยนเป็น '{REPORT_NEW}'" in captured.err
    with pytest.raises(SarabunError, match="ไม่พบประวัติของเอกสาร 'nope-order-2545-1'"):
        run_cli(["--root", root, "history", "nope-order-2545-1"])
    with pytest.raises(SarabunError, match="--at"):
        run_cli(["--root", root, "history", REG, "--at", "2548-02-30"])


# --- parsing ----------------------------------------------------------------------------------


def test_read_header_fast_path() -> None:
    text = ("---\nid: x-order-2545-1\ntitle: \"ชื่อ: มีทวิภาค\"\ndate: '2545-10-08'\n"
            "effective_date: 2545-11-01  # ความเห็น\namends:\n  - a-order-2545-1\n  - b\n"
            "tags: [ก, ข]\nnote: |\n  ยาว\n---\nbody\n").encode()
    h = read_header(text)
    assert h["title"] == "ชื่อ: มีทวิภาค" and h["date"] == "2545-10-08"
    assert h["effective_date"] == "2545-11-01"
    assert h["amends"] == ["a-order-2545-1", "b"] and h["tags"] == ["ก", "ข"]
    assert "note" not in h
    assert read_header(b"no front matter") == {}
    assert read_header(b"---\nid: x\n") == {}


def test_parse_log_merge_records_and_renames() -> None:
    fmt = "\x1e{sha}\x1f{parents}\x1fA\x1fa@b\x1f2024-01-01T00:00:00+07:00\x1f" \
          "2024-01-01T00:00:00+07:00\x1fmsg\n\x1f\0\n"
    raw = (fmt.format(sha="c1", parents="p") + ":100644 100644 aa bb R090\0old.md\0new.md\0"
           + fmt.format(sha="c2", parents="p q") + ":000000 100644 00 cc A\0x.md\0"
           + fmt.format(sha="c2", parents="p q") + ":100644 100644 dd cc M\0x.md\0").encode()
    records = list(parse_log(raw))
    assert [r[0][0] for r in records] == ["c1", "c2", "c2"]
    entry = records[0][1][0]
    assert (entry.status, entry.src_path, entry.dst_path, entry.dst_blob) == \
        ("R", "old.md", "new.md", "bb")


# --- word diff --------------------------------------------------------------------------------


OLD = "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับดูแลการปฏิบัติราชการในภูมิภาค"
NEW = "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับและติดตามการปฏิบัติราชการในภูมิภาค"


def test_word_diff_marks_the_changed_thai_word_only() -> None:
    assert wordiff.tokenizer_name() == "icu"
    chunks = wordiff.diff(OLD, NEW)
    assert chunks == [
        ("equal", "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับ"),
        ("delete", "ดูแล"),
        ("insert", "และติดตาม"),
        ("equal", "การปฏิบัติราชการในภูมิภาค"),
    ]
    assert wordiff.stats(chunks) == {"delete": 1, "insert": 2}


def test_word_diff_round_trips_multiline_text() -> None:
    old = f"# หัวเรื่อง\n\n{OLD}\n\nข้อ ๓ เดิม\nข้อ ๔ ลบทั้งบรรทัด\n"
    new = f"# หัวเรื่อง\n\n{NEW}\n\nข้อ ๓ เดิม\nข้อ ๕ บรรทัดใหม่ 😀\n"
    chunks = wordiff.diff(old, new)
    assert wordiff.old_text(chunks) == old and wordiff.new_text(chunks) == new
    deleted = "".join(t for op, t in chunks if op == "delete")
    assert "ให้ผู้ว่าราชการ" not in deleted  # not line-level
    assert wordiff.diff("เหมือนเดิม", "เหมือนเดิม") == [("equal", "เหมือนเดิม")]
    assert wordiff.diff("", "ใหม่") == [("insert", "ใหม่")]


def test_words_keep_every_character() -> None:
    for text in ["ก😀ข ค\tง", "พ.ศ. ๒๕๔๗ (ฉบับที่ ๒)", "", "a  b\n\nc"]:
        assert "".join(wordiff.words(text)) == text
    assert wordiff.words("กำกับดูแล") == ["กำกับ", "ดูแล"]


def test_word_diff_html_is_accessible_and_escaped() -> None:
    out = wordiff.render_html(wordiff.diff("ข้อ <b>เดิม</b> & ต่อ", "ข้อ <b>ใหม่</b> & ต่อ"))
    assert out.startswith('<div class="sarabun-diff">') and out.endswith("</div>")
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<del><span class="visually-hidden">[ลบ: </span>เดิม' in out
    assert '<ins><span class="visually-hidden">[เพิ่ม: </span>ใหม่' in out
    assert ".visually-hidden" in wordiff.DIFF_CSS and "line-through" in wordiff.DIFF_CSS
    assert "underline" in wordiff.DIFF_CSS


def test_word_diff_falls_back_to_pythainlp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordiff, "_icu", lambda: None)
    assert wordiff.tokenizer_name() == "pythainlp-newmm"
    assert "".join(wordiff.words(OLD)) == OLD
    chunks = wordiff.diff(OLD, NEW)
    assert wordiff.old_text(chunks) == OLD and wordiff.new_text(chunks) == NEW
    assert ("delete", "ดูแล") in chunks


def test_history_versions_diff_end_to_end(history: History) -> None:
    v1, v2 = history.versions(REG)[:2]
    chunks = wordiff.diff(history.text(v1), history.text(v2))
    changed = [(op, t) for op, t in chunks if op != "equal"]
    assert changed == [("delete", "ปฎิบัติ"), ("insert", "ปฏิบัติ")]
