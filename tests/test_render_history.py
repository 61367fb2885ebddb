"""The site's history pages from a real git repository with fixed commit dates.

The repository is ``tests/cases/base`` committed three times: the documents added, then the
regulation's text amended with a new ``effective_date``, then a typo corrected (that commit is
dated in UTC on the evening before, Bangkok time the next morning).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from browserkit import CHROMIUM, serve
from conftest import ROOT
from sarabun.corpus import load_corpus
from sarabun.history import load_history
from sarabun.render import Site, render_site
from sarabun.render_history import (
    HISTORY_CSS,
    MAX_VERSION_PAGES,
    RECENT_PAGE,
    diff_html,
    history_css,
    is_listing,
    last_change,
    listing_change,
    load_site_history,
    page_change,
    page_sources,
    site_history,
    split_body,
    with_last_updated,
)
from sarabun.render_pointintime import SCRIPT as PIT_SCRIPT
from sarabun.render_pointintime import intervals
from sarabun.wordiff import DIFF_CSS, diff
from test_history import REG as STORY_REG
from test_history import SOMCHAI, SOMYING, Git, doc, story  # noqa: F401 (story: a fixture)

BASE = Path(__file__).parent / "cases" / "base"
REG = "opm-regulation-2547-regional-supervision"
REG_PATH = f"regulations/regulation/{REG}.md"
HEADER = f"""\
---
id: {REG}
type: regulation
title: ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการกำกับและติดตามการปฏิบัติราชการในภูมิภาค พ.ศ. ๒๕๔๗
issuer: opm
date: "2547"
{{effective}}status: in-force
provinces:
  - chiang-mai
tags: [การกำกับ, ภูมิภาค]
---

"""


def reg(body: str, effective: str = "") -> str:
    line = f"effective_date: {effective}\n" if effective else ""
    return HEADER.replace("{effective}", line) + body


V2_BODY = ("## ข้อ ๑\n\nระเบียบนี้เรียกว่า ระเบียบว่าด้วยการกำกับ\n\n"
           "## ข้อ ๒\n\nให้ผู้ว่าราชการจังหวัดปฎิบัติหน้าที่\n")
V3_BODY = V2_BODY.replace("ปฎิบัติ", "ปฏิบัติ")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("hist") / "repo"
    shutil.copytree(BASE, root)
    g = Git(root)
    shas = [g.commit("เพิ่มเอกสารชุดแรก", "2024-01-10T10:00:00+07:00")]
    g.write(REG_PATH, reg(V2_BODY, effective="2567-03-01"))
    shas.append(g.commit("แก้ไขข้อ ๑ และเพิ่มข้อ ๒\n\nตามคำสั่งที่ ๑/๒๕๖๗",
                         "2024-02-01T09:30:00+07:00", author=SOMYING))
    g.write(REG_PATH, reg(V3_BODY, effective="2567-03-01"))
    # 20:00 UTC on 4 March is 03:00 on 5 March in Bangkok
    shas.append(g.commit("แก้คำผิด <ปฏิบัติ>", "2024-03-04T20:00:00+00:00", author=SOMCHAI))
    return root, shas


@pytest.fixture(scope="module")
def pages(repo: tuple[Path, list[str]]) -> dict[str, str]:
    root, _ = repo
    corpus = load_corpus(root)
    assert corpus.problems == []
    return render_site(corpus, history=load_site_history(root, corpus))


def test_document_page_has_last_updated_label_and_history(
        pages: dict[str, str], repo: tuple[Path, list[str]]) -> None:
    _, shas = repo
    page = pages[f"regulations/{REG}.md"]
    # the banner comes right after the front matter, before the metadata panel
    _, _, rest = page.partition("\n---\n\n")
    assert rest.startswith('<p class="sarabun-updated">')
    assert rest.index("sarabun-updated") < rest.index('class="sarabun-meta"')
    assert ('ปรับปรุงล่าสุด <time datetime="2024-03-05T03:00:00+07:00">๕ มีนาคม ๒๕๖๗</time>'
            in rest)
    assert 'sarabun-vlabel--current">ฉบับปัจจุบัน</span> ปรับปรุงล่าสุด' in rest
    assert "## ประวัติการแก้ไข {#history}" in page
    section = page[page.index("{#history}"):]
    # newest first, each with its number, Thai date and time, author, message and links
    order = [section.index(f"ฉบับที่ {n}") for n in ("๓", "๒", "๑")]
    assert order == sorted(order)
    assert "๕ มีนาคม ๒๕๖๗ เวลา ๐๓.๐๐ น." in section
    assert "๑ กุมภาพันธ์ ๒๕๖๗ เวลา ๐๙.๓๐ น." in section
    assert "สมหญิง รักงาน" in section and "แก้ไขข้อ ๑ และเพิ่มข้อ ๒" in section
    assert "แก้คำผิด &lt;ปฏิบัติ&gt;" in section  # escaped
    assert f'href="versions/{shas[2][:12]}/"' in section
    assert f'href="diff/{shas[1][:12]}/"' in section
    assert f"diff/{shas[0][:12]}/" not in section  # the first version has nothing to compare
    # point in time: the amended text is current, the first one no longer in force
    assert section.count("ฉบับปัจจุบัน") == 1
    assert section.count("ฉบับที่ไม่มีผลบังคับแล้ว") == 2
    # records and the order get "last updated" too, but no point-in-time label
    minutes = pages["records/pdc-regional-minutes-2564-1.md"]
    assert "ปรับปรุงล่าสุด" in minutes and "sarabun-vlabel" not in minutes


def test_version_pages_have_the_old_text(pages: dict[str, str],
                                         repo: tuple[Path, list[str]]) -> None:
    _, shas = repo
    old = pages[f"regulations/{REG}/versions/{shas[0][:12]}.md"]
    assert "ระเบียบนี้เรียกว่า ..." in old and "ข้อ ๒" not in old
    assert "effective_date" not in old  # the front matter is not shown as text
    assert 'class="admonition warning"' in old and "ไม่ใช่ฉบับล่าสุด" in old
    assert "ฉบับที่ไม่มีผลบังคับแล้ว" in old
    assert f'href="../{shas[1][:12]}/">ฉบับถัดไป' in old
    assert 'href="../../"' in old  # back to the document page
    middle = pages[f"regulations/{REG}/versions/{shas[1][:12]}.md"]
    assert "ปฎิบัติหน้าที่" in middle and "## ข้อ ๒ {#clause-2}" in middle
    assert "ตามคำสั่งที่ ๑/๒๕๖๗" in middle  # the whole commit message
    assert "๑ มีนาคม ๒๕๖๗" in middle  # its effective date
    latest = pages[f"regulations/{REG}/versions/{shas[2][:12]}.md"]
    assert "ฉบับปัจจุบัน" in latest and "ฉบับล่าสุดในคลัง" in latest


def test_diff_page_marks_words_not_colour_only(pages: dict[str, str],
                                               repo: tuple[Path, list[str]]) -> None:
    _, shas = repo
    typo = pages[f"regulations/{REG}/diff/{shas[2][:12]}.md"]
    # ICU may cut the misspelt word with its neighbour; the change is marked either way
    assert re.search(r'<del><span class="visually-hidden">\[ลบ: </span>[^<]*ปฎิบัติ'
                     r'<span class="visually-hidden">\]</span></del>', typo)
    assert re.search(r'<ins><span class="visually-hidden">\[เพิ่ม: </span>[^<]*ปฏิบัติ'
                     r'<span class="visually-hidden">\]</span></ins>', typo)
    assert "ให้ผู้ว่าราชการ" in typo  # unchanged text around it is kept
    assert re.search(r"เพิ่ม [๑-๙] คำ ลบ [๑-๙] คำ", typo)
    assert "ข้อมูลเอกสารที่เปลี่ยน" not in typo  # the front matter did not change
    # the whole diff is one line, so Markdown keeps it as one raw HTML block
    block = next(line for line in typo.split("\n") if line.startswith('<div class="sarabun-diff">'))
    assert block.endswith("</div>")
    amended = pages[f"regulations/{REG}/diff/{shas[1][:12]}.md"]
    assert "ข้อมูลเอกสารที่เปลี่ยน" in amended
    assert "<td><code>effective_date</code></td><td>(ไม่มี)</td><td>2567-03-01</td>" in amended
    assert "<del>" in amended and "<ins>" in amended
    assert f'href="../../versions/{shas[0][:12]}/"' in amended


def test_recent_changes_page(pages: dict[str, str], repo: tuple[Path, list[str]]) -> None:
    _, shas = repo
    recent = pages[RECENT_PAGE]
    assert recent.startswith('---\ntitle: "การเปลี่ยนแปลงล่าสุด"')
    assert "# การเปลี่ยนแปลงล่าสุด" in recent
    items = recent.split("<li>")[1:]
    assert len(items) == 5  # three documents added, then two edits
    assert "๕ มีนาคม ๒๕๖๗" in items[0] and "แก้คำผิด" in items[0]
    assert f'href="../../regulations/{REG}/diff/{shas[2][:12]}/"' in items[0]
    assert "เพิ่มเอกสาร" in items[-1]


def test_page_count_is_bounded(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    g = Git(root)
    g.commit("เริ่ม", "2024-01-01T10:00:00+07:00")
    total = MAX_VERSION_PAGES + 3
    for n in range(2, total + 1):
        g.write(REG_PATH, reg(f"## ข้อ ๑\n\nครั้งที่ {n}\n"))
        g.commit(f"แก้ครั้งที่ {n}", f"2024-01-{n:02d}T10:00:00+07:00")
    corpus = load_corpus(root)
    result = render_site(corpus, history=load_site_history(root, corpus))
    versions = [k for k in result if k.startswith(f"regulations/{REG}/versions/")]
    diffs = [k for k in result if k.startswith(f"regulations/{REG}/diff/")]
    assert len(versions) == MAX_VERSION_PAGES and len(diffs) == MAX_VERSION_PAGES
    page = result[f"regulations/{REG}.md"]
    assert page.count('class="sarabun-history__item"') == total
    assert "ฉบับที่ใหม่ที่สุด ๒๐ ฉบับมีหน้า" in page


def test_without_git_the_site_still_renders(tmp_path: Path) -> None:
    root = tmp_path / "tarball"
    shutil.copytree(BASE, root)
    corpus = load_corpus(root)
    sh = load_site_history(root, corpus)
    assert sh.warnings and sh.versions == {}
    result = render_site(corpus, history=sh)
    assert result[f"regulations/{REG}.md"] == render_site(corpus)[f"regulations/{REG}.md"]
    assert "ประวัติการแก้ไข" not in result[f"regulations/{REG}.md"]
    assert "ยังไม่มีประวัติ" in result[RECENT_PAGE]
    assert not any("/versions/" in k for k in result)


def test_history_read_once_and_same_output(repo: tuple[Path, list[str]]) -> None:
    root, _ = repo
    corpus = load_corpus(root)
    history = load_history(root, missing_ok=True)
    a = render_site(corpus, history=site_history(history, corpus))
    b = render_site(corpus, history=site_history(history, corpus))
    assert a == b


def test_split_body_and_folded_diff() -> None:
    assert split_body("---\nid: x\n---\n\nข้อ ๑\n") == "ข้อ ๑\n"
    assert split_body("ไม่มีส่วนหัว\n") == "ไม่มีส่วนหัว\n"
    old = "\n".join(f"บรรทัด {i}" for i in range(30))
    new = old.replace("บรรทัด 15", "บรรทัดที่ 15")
    html = diff_html(diff(old, new))
    assert "\n" not in html
    assert html.count("sarabun-diff__skip") == 2  # before and after the change
    assert "ข้อความที่ไม่เปลี่ยน ๑๓ บรรทัด" in html and "บรรทัด 13" in html
    assert "บรรทัด 12" not in html
    assert DIFF_CSS in history_css()


@pytest.fixture(scope="module")
def temp_site(repo: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the temporary repository (once for this module)."""
    src, _ = repo
    tmp = tmp_path_factory.mktemp("temp-site")
    root = tmp / "repo"
    shutil.copytree(src, root)  # with .git
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, root / folder,
                            ignore=shutil.ignore_patterns("originals"))
    # the hand-written pages are committed too, so that they have a "last updated" date
    Git(root).commit("หน้าเว็บที่เขียนเอง", "2024-07-01T09:00:00+07:00")
    site = tmp / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "--site-dir", str(site)], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return site


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_mkdocs_strict_build_of_the_temp_repository(repo: tuple[Path, list[str]],
                                                    temp_site: Path) -> None:
    _, shas = repo
    site = temp_site
    diff_page = (site / "regulations" / REG / "diff" / shas[2][:12] / "index.html"
                 ).read_text(encoding="utf-8")
    assert '<div class="sarabun-diff">' in diff_page and "<del>" in diff_page
    assert HISTORY_CSS in diff_page  # the stylesheet is linked
    assert (site / HISTORY_CSS).read_text(encoding="utf-8") == history_css()
    assert (site / "browse" / "recent" / "index.html").is_file()
    doc = (site / "regulations" / REG / "index.html").read_text(encoding="utf-8")
    assert 'id="history"' in doc and "ปรับปรุงล่าสุด" in doc
    assert '<form class="sarabun-pit" hidden' in doc and PIT_SCRIPT in doc
    # hand-written pages are dated by their file's last commit, under their title
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'</h1>\s*<p class="sarabun-updated">ปรับปรุงล่าสุด '
                     r'<time datetime="2024-07-01T09:00:00\+07:00">๑ กรกฎาคม ๒๕๖๗</time></p>',
                     about)
    recent = (site / "browse" / "recent" / "index.html").read_text(encoding="utf-8")
    assert "ปรับปรุงล่าสุด" in recent  # the newest change listed
    # a listing is dated by the last commit that touched any document or registry (git agrees)
    last = subprocess.run(["git", "log", "-1", "--format=%cI", "--", "regulations", "records"],
                          cwd=repo[0], capture_output=True, text=True, check=True).stdout.strip()
    types = (site / "browse" / "types" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'</h1>\s*<p class="sarabun-updated">ปรับปรุงล่าสุด '
                      r'<time datetime="([^"]+)">', types)
    assert shown is not None
    assert dt.datetime.fromisoformat(shown[1]) == dt.datetime.fromisoformat(last)


# --- point in time on the page ------------------------------------------------------------


def test_point_in_time_section_lists_the_periods(pages: dict[str, str],
                                                 repo: tuple[Path, list[str]]) -> None:
    _, shas = repo
    page = pages[f"regulations/{REG}.md"]
    section = page[page.index("{#in-force}"):page.index("{#history}")]
    assert 'for="sarabun-pit-date">อ่านฉบับที่มีผล ณ วันที่</label>' in section
    assert 'aria-describedby="sarabun-pit-hint"' in section and 'role="status"' in section
    # the list a reader without script uses; the year-only date stays year-only
    assert "<strong>ก่อน พ.ศ. ๒๕๔๗</strong>: ไม่มีฉบับที่มีผลใช้บังคับ" in section
    assert (f'<strong>ตั้งแต่ พ.ศ. ๒๕๔๗</strong>: <a href="versions/{shas[0][:12]}/">ฉบับที่ ๑'
            in section)
    # version 2 took effect on 1 March 2567 and version 3 (a typo fix) replaced it that day
    assert '<strong>ตั้งแต่ ๑ มีนาคม ๒๕๖๗</strong>: <a href="./">ฉบับที่ ๓' in section
    data = json.loads(html.unescape(re.search(r'data-pit="([^"]*)"', section)[1]))
    assert [d["from"] for d in data] == [None, [2547, 1, 1], [2567, 3, 1]]
    # the order (not amended, one period) and records get no form
    assert "{#in-force}" not in pages["records/pdc-regional-minutes-2564-1.md"]


PARSE_CASES = {
    "๑ มกราคม ๒๕๖๕": [2565, 1, 1], "2565-01-01": [2565, 1, 1], "1/1/2565": [2565, 1, 1],
    "วันที่ ๑๕ มี.ค. พ.ศ. ๒๕๖๗": [2567, 3, 15], "29/2/2567": [2567, 2, 29],
    "1 ม.ค. 65": [2565, 1, 1], "มีนาคม 2567": [2567, 3, 1], "2547": [2547, 1, 1],
    "2024-03-01": [2567, 3, 1], "๒๙ กุมภาพันธ์ ๒๕๖๖": None, "31/4/2567": None,
    "1 มกรา 2565": None, "เมื่อวาน": None, "": None,
}


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")
def test_point_in_time_form_in_chromium(temp_site: Path, repo: tuple[Path, list[str]],
                                        browser: Any) -> None:
    _, shas = repo
    shots = Path(os.environ.get("SARABUN_SCREENSHOTS", temp_site.parent / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    with serve(temp_site) as base:
        page = browser.new_page(viewport={"width": 900, "height": 900})
        try:
            page.goto(f"{base}regulations/{REG}/", wait_until="networkidle")
            # the date parsing, Thai and Arabic digits (the months come from the page)
            got = page.evaluate("""(cases) => {
              const months = JSON.parse(document.querySelector("form.sarabun-pit").dataset.months);
              const out = {};
              for (const text of cases) {
                const d = window.sarabunPointInTime.parse(text, months);
                out[text] = d.error ? null : [d.year, d.month, d.day];
              }
              return out;
            }""", list(PARSE_CASES))
            assert got == PARSE_CASES
            # keyboard only: the labelled box, Enter, the answer with a link to the version
            box = page.get_by_label("อ่านฉบับที่มีผล ณ วันที่")
            assert box.is_visible()
            box.focus()
            page.keyboard.type("๑ มกราคม ๒๕๖๕")
            page.keyboard.press("Enter")
            answer = page.locator(".sarabun-pit__answer")
            assert "ณ ๑ มกราคม ๒๕๖๕" in answer.inner_text()
            link = answer.get_by_role("link")
            assert link.get_attribute("href") == f"versions/{shas[0][:12]}/"
            page.keyboard.press("Tab")  # past the button to the answer's link
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent").startswith("อ่านฉบับที่ ๑")
            page.locator("#in-force").scroll_into_view_if_needed()
            page.screenshot(path=str(shots / "point-in-time.png"))
            box.fill("31/4/2567")
            page.keyboard.press("Enter")
            assert "เมษายน พ.ศ. ๒๕๖๗ มี ๓๐ วัน" in answer.inner_text()
            assert box.get_attribute("aria-invalid") == "true"
            box.fill("2568-01-01")
            box.press("Enter")
            assert answer.get_by_role("link").get_attribute("href") == "./"
            # without script: no form, the list of periods is there
            quiet = browser.new_page(java_script_enabled=False)
            quiet.goto(f"{base}regulations/{REG}/")
            assert not quiet.locator("form.sarabun-pit").is_visible()
            assert quiet.locator(".sarabun-pit-periods li").count() == 3
            quiet.close()
        finally:
            page.close()


def test_intervals_follow_point_in_time(story: Git) -> None:  # noqa: F811
    corpus = load_corpus(story.root)
    sh = site_history(load_history(story.root), corpus)
    site = Site(corpus)
    data = intervals(site, sh, corpus.by_id()[STORY_REG])
    # version 2 (a typo fix) replaces version 1 from its first day; version 3 takes in the
    # amending regulation from its effective date; version 4 has its own effective date
    assert [(d["from"], str(d["version"])[:9]) for d in data] == [
        (None, "None"), ([2547, 3, 1], "ฉบับที่ ๒"), ([2548, 6, 1], "ฉบับที่ ๓"),
        ([2549, 1, 1], "ฉบับที่ ๔")]
    assert all(d["amendments"] == [] for d in data)


def test_amendment_not_yet_in_the_text_is_named(tmp_path: Path) -> None:
    g = Git(tmp_path / "repo")
    shutil.copytree(BASE / "records" / "registries", g.root / "records" / "registries")
    g.write(f"regulations/regulation/{STORY_REG}.md", doc(
        STORY_REG, "regulation", "ระเบียบว่าด้วยการกำกับ พ.ศ. ๒๕๔๗", "ข้อ ๑ ข้อความ",
        date="2547", status="in-force"))
    g.write("regulations/regulation/opm-regulation-2548-no2.md", doc(
        "opm-regulation-2548-no2", "regulation", "ระเบียบว่าด้วยการกำกับ (ฉบับที่ ๒)", "ข้อ ๑",
        date="2548-06-01", status="in-force", amends=[STORY_REG]))
    g.commit("เพิ่มระเบียบทั้งสองฉบับ", "2024-01-10T10:00:00+07:00")
    corpus = load_corpus(g.root)
    assert corpus.problems == []
    sh = site_history(load_history(g.root), corpus)
    data = intervals(Site(corpus), sh, corpus.by_id()[STORY_REG])
    assert [d["from"] for d in data] == [None, [2547, 1, 1], [2548, 6, 1]]
    assert data[1]["amendments"] == []
    assert data[2]["amendments"] == [{"title": "ระเบียบว่าด้วยการกำกับ (ฉบับที่ ๒)",
                                      "url": "../opm-regulation-2548-no2/",
                                      "from_thai": "๑ มิถุนายน ๒๕๔๘"}]
    assert data[1]["version"] == data[2]["version"]  # the one version there is


def test_last_updated_of_other_pages(repo: tuple[Path, list[str]]) -> None:
    root, shas = repo
    corpus = load_corpus(root)
    sh = load_site_history(root, corpus)
    assert page_sources("about.md", generated=False) == ("docs/about.md",)
    assert page_sources("about.md", generated=False, docs_dir=".") == ("about.md",)
    assert page_sources("staff/errors.md", generated=True) == ("scripts/sarabun/problems.py",)
    assert page_sources("browse/types/index.md", generated=True) == ()
    assert is_listing("browse/types/index.md", True) and is_listing("data/index.md", True)
    assert not is_listing("browse/recent.md", True) and not is_listing("about.md", False)
    assert not is_listing("staff/errors.md", True)
    assert listing_change(None) is None
    newest = listing_change(sh)
    assert newest is not None and newest.sha == subprocess.run(
        ["git", "log", "-1", "--format=%H", "--", "regulations", "records"], cwd=root,
        capture_output=True, text=True, check=True).stdout.strip()
    assert page_change(sh, "browse/years/2547.md", True) == newest
    assert page_change(sh, "staff/errors.md", True) is None  # problems.py is not in this repo
    # the newest commit touching any of the paths; none for unknown paths or no history
    last = last_change(sh, (REG_PATH, "records/registries/organizations.yaml"))
    assert last is not None and last.sha == shas[2]
    assert last_change(sh, ("docs/nothing.md",)) is None and last_change(None, ("x",)) is None
    page = with_last_updated("# เกี่ยวกับ\n\nข้อความ\n", last)
    assert page.startswith('# เกี่ยวกับ\n\n<p class="sarabun-updated">ปรับปรุงล่าสุด '
                           '<time datetime="2024-03-05T03:00:00+07:00">๕ มีนาคม ๒๕๖๗</time></p>\n')
    assert page.endswith("\nข้อความ\n")
    assert with_last_updated("ข้อความ", last).startswith('<p class="sarabun-updated">')
    assert with_last_updated("ข้อความ", None) == "ข้อความ"
