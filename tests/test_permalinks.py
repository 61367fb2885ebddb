"""Published URLs never break: a renamed or removed document needs a redirect entry (U001), the
entries are checked (U002), the site serves a page at each old URL, and ``check-changed`` reports
on what a pull request changes. Each test uses a real git repository whose ``main`` holds the
base mini-repository, changed in the work tree as a pull request would."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from casekit import BASE, commit_as_main
from sarabun.changed import cmd_check_changed, select, summary_markdown
from sarabun.corpus import load_corpus
from sarabun.permalinks import url_of
from sarabun.publish import publish_files
from sarabun.render import Site

OLD = "records/minutes/pdc-regional-minutes-2564-1.md"
NEW = "records/minutes/pdc-regional-minutes-2564-2.md"
REDIRECTS = "records/registries/redirects.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Set (not just removed) so that monkeypatch also undoes what check-changed sets.
    monkeypatch.setenv("SARABUN_BASE_REF", "main")
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    commit_as_main(root)
    return root


def rename_minutes(root: Path) -> None:
    """Correct the meeting number: the id, and so the file name and the URL, change."""
    text = (root / OLD).read_text(encoding="utf-8")
    (root / NEW).write_text(text.replace("2564-1", "2564-2").replace("1/2564", "2/2564"),
                            encoding="utf-8")
    (root / OLD).unlink()


def codes(root: Path) -> list[str]:
    return [p.code for p in load_corpus(root).problems]


def test_unchanged_repository_is_clean(repo: Path) -> None:
    assert codes(repo) == []


def test_rename_without_redirect_fails(repo: Path) -> None:
    rename_minutes(repo)
    problems = load_corpus(repo).problems
    assert [p.code for p in problems] == ["U001"]
    assert problems[0].path == REDIRECTS
    assert "records/pdc-regional-minutes-2564-1/" in problems[0].message


def test_rename_with_redirect_passes_and_old_url_leads_on(repo: Path) -> None:
    rename_minutes(repo)
    (repo / REDIRECTS).write_text("- from: pdc-regional-minutes-2564-1\n"
                                  "  to: pdc-regional-minutes-2564-2\n", encoding="utf-8")
    corpus = load_corpus(repo)
    assert corpus.problems == []
    assert [(r.source, r.target) for r in corpus.redirects] == [
        ("records/pdc-regional-minutes-2564-1/", "pdc-regional-minutes-2564-2")]
    files = publish_files(Site(corpus), "https://example.org/sarabun/")
    page = files["records/pdc-regional-minutes-2564-1/index.html"]
    assert 'content="0; url=../pdc-regional-minutes-2564-2/"' in page
    assert 'href="https://example.org/sarabun/records/pdc-regional-minutes-2564-2/"' in page
    assert '<html lang="th">' in page
    flat = publish_files(Site(corpus, directory_urls=False))
    old_page = flat["records/pdc-regional-minutes-2564-1.html"]
    assert "url=pdc-regional-minutes-2564-2.html" in old_page


def test_removing_a_published_redirect_fails(repo: Path) -> None:
    rename_minutes(repo)
    (repo / REDIRECTS).write_text("- from: records/pdc-regional-minutes-2564-1/\n"
                                  "  to: pdc-regional-minutes-2564-2\n", encoding="utf-8")
    commit_as_main(repo)  # merged: the old URL is now published as a redirect
    assert codes(repo) == []
    (repo / REDIRECTS).write_text("[]\n", encoding="utf-8")
    problems = load_corpus(repo).problems
    assert [p.code for p in problems] == ["U001"]
    assert "รายการย้ายที่อยู่" in problems[0].message


def test_url_forms_and_a_deleted_document(repo: Path) -> None:
    # A type change that moves a document from records/ to regulations/ moves its URL too.
    assert url_of("pdc-regional-minutes-2564-1") == "records/pdc-regional-minutes-2564-1/"
    assert url_of("/regulations/opm-order-2545-301") == "regulations/opm-order-2545-301/"
    assert url_of("regulations/../etc/") is None
    (repo / OLD).unlink()
    assert codes(repo) == ["U001"]


def test_base_ref_can_be_turned_off(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / OLD).unlink()
    monkeypatch.setenv("SARABUN_BASE_REF", "none")
    assert codes(repo) == []
    monkeypatch.setenv("SARABUN_BASE_REF", "no-such-branch")
    assert codes(repo) == []


def test_not_a_git_repository_skips_the_published_check(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    shutil.copytree(BASE, root)
    (root / OLD).unlink()
    assert codes(root) == []


# --- check-changed ---------------------------------------------------------------------------

AMENDING = """---
id: opm-order-2546-7
type: order
title: คำสั่งสำนักนายกรัฐมนตรี ที่ ๗/๒๕๔๖
number: 7/2546
issuer: opm
date: 2546-01-10
status: in-force
amends: [opm-order-2545-301]
---

ข้อ ๑ แก้ไขคำสั่ง
"""
ORDER = "regulations/order/opm-order-2545-301.md"


def test_check_changed_selects_changed_and_citing(repo: Path) -> None:
    (repo / "regulations/order/opm-order-2546-7.md").write_text(AMENDING, encoding="utf-8")
    commit_as_main(repo)
    order = repo / ORDER
    order.write_text(order.read_text(encoding="utf-8").replace("2545-10-08", "2002-10-08"),
                     encoding="utf-8")
    corpus = load_corpus(repo)
    sel = select(repo, corpus, "main")
    assert sel.changed == {ORDER}
    assert sel.citing == {"regulations/order/opm-order-2546-7.md"}
    assert not sel.everything
    report = summary_markdown(sel, corpus.problems, len(corpus.documents),
                              "https://example.org/staff/errors/")
    assert "ตรวจเอกสารที่เปลี่ยน ๑ ไฟล์ และเอกสารที่อ้างถึง ๑ ฉบับ (เทียบกับ main)" in report
    assert "[M005](https://example.org/staff/errors/#m005)" in report
    assert "บวก 543" in report  # the fix, from problems.CODES


def test_check_changed_command(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A problem in a document the change does not touch is not reported on...
    minutes = repo / OLD
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("2564-02-18", "2564-02-30"),
                       encoding="utf-8")
    commit_as_main(repo)
    summary = repo.parent / "summary.md"
    args = argparse.Namespace(root=repo, base="main", summary=str(summary))
    assert cmd_check_changed(args) == 0
    assert "ไม่มีเอกสารที่เปลี่ยนเมื่อเทียบกับ main: ไม่พบปัญหา" in summary.read_text("utf-8")
    # ...one in a changed document is, and so is a registry change (the whole corpus).
    order = repo / ORDER
    order.write_text(order.read_text(encoding="utf-8").replace("status: metadata-only",
                                                               "status: in-forse"),
                     encoding="utf-8")
    assert cmd_check_changed(args) == 1
    out = capsys.readouterr().out
    assert "M003" in out and "M004" not in out
    (repo / REDIRECTS).write_text("[]\n", encoding="utf-8")
    assert cmd_check_changed(args) == 1
    assert "M004" in capsys.readouterr().out
    assert "เพราะมีการแก้ทะเบียน" in summary.read_text("utf-8")
