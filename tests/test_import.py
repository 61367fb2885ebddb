"""``sarabun import``: real PDF/DOCX/ODT/HTML/TXT files made here become valid drafts.

Sources are built in the test (importkit): PDFs with a Thai TrueType font through fpdf2, DOCX and
ODT through pandoc, from the seed texts. Checked: the imported text matches the source at
>= 99 % of characters, detected metadata, one golden file per format (regenerate with
SARABUN_UPDATE_GOLDEN=1), originals stored once by content hash, no overwrite without --force,
all-or-nothing writes, clear errors for bad files, and the batch command's summary.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

import importkit as kit
from casekit import BASE
from sarabun.corpus import load_corpus
from sarabun.import_cmd import add_command
from sarabun.importers import Options, Result, body, detect, import_file, pdflayout, thaifix
from sarabun.registry import load_registry

GOLDEN = Path(__file__).parent / "import_golden"
UPDATE = os.environ.get("SARABUN_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("sources")
    kit.make_pdf(kit.order_blocks(), d / "order.pdf")
    kit.make_pdf(kit.order_blocks(), d / "order-legacy.pdf", legacy=True)
    kit.pandoc_file(kit.regulation_markdown(), d / "regulation.docx")
    kit.pandoc_file(kit.regulation_markdown(), d / "regulation.odt")
    (d / "minutes.html").write_text(kit.minutes_html(), encoding="utf-8")
    (d / "profile.txt").write_text(kit.seed("000"), encoding="utf-8")
    kit.make_table_pdf(d / "tables.pdf")
    kit.make_two_column_pdf(d / "two-column.pdf")
    kit.make_office_pdf(kit.office_report_markdown(), d / "office.pdf")
    kit.make_office_pdf("\n\n".join(["จดหมายข่าวการพัฒนาระบบราชการ (ตัวอย่างสำหรับทดสอบ)",
                                     *kit.two_column_paragraphs()]) + "\n",
                        d / "office-columns.pdf", columns=2)
    return d


@pytest.fixture(scope="session")
def bad(src: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    kit.make_encrypted_pdf(src / "order.pdf", d / "encrypted.pdf")
    (d / "garbage.pdf").write_bytes(b"this is not a pdf at all\n" * 20)
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\n"
                                   b"endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    kit.make_image_only_pdf(d / "scan.pdf")
    kit.make_blank_pdf(d / "blank.pdf")
    (d / "empty.pdf").write_bytes(b"")
    kit.make_encrypted_docx(src / "regulation.docx", d / "encrypted.docx")
    docx = (src / "regulation.docx").read_bytes()
    (d / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (d / "empty.docx").write_bytes(b"")
    (d / "empty.txt").write_bytes(" \n\u00a0\n\u200b".encode())
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "notes.xyz").write_text("ข้อความ", encoding="utf-8")
    return d


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    return root


def run(path: Path, root: Path, **kw: object) -> Result:
    return import_file(path, Options(root=root, **kw))  # type: ignore[arg-type]


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


# --- Thai repair and detection ---------------------------------------------------------------

def test_repair_sara_am_tone_order_pua_and_invisible_spaces() -> None:
    assert thaifix.repair("นํ้า") == "น้ำ"  # nikhahit, tone, sara aa
    assert thaifix.repair("น้ํา") == "น้ำ"  # tone, nikhahit, sara aa
    assert thaifix.repair("กํา") == "กำ"
    assert thaifix.repair("ก่ี") == "กี่"  # tone before vowel
    assert thaifix.repair("ป\uf70bา") == "ป้า"
    assert thaifix.repair("ที\uf70a") == "ที่"
    assert thaifix.repair("ก\u200bา\u00adร\ufeff") == "การ"
    assert thaifix.repair("ก\u00a0ข") == "ก ข"
    assert thaifix.repair("ก ่") == "ก่"  # a mark never follows a space
    assert thaifix.repair("เป้ า ผล") == "เป้า ผล"  # nor does a following vowel
    assert thaifix.repair("ปั ญญา ต่อเนื่ อง ชาติ ไทย") == "ปัญญา ต่อเนื่อง ชาติ ไทย"
    assert thaifix.repair("เเละ") == "และ"
    # Digits and spelling stay as printed.
    assert thaifix.repair("ที่ ๓๐๑/2545 กรรรม") == "ที่ ๓๐๑/2545 กรรรม"


def test_join_lines_no_space_inside_thai_words_and_citations() -> None:
    assert thaifix.join_lines(["การปฏิบัติราช", "การในส่วนภูมิภาค"]) == "การปฏิบัติราชการในส่วนภูมิภาค"
    assert thaifix.join_lines(["คำสั่ง ที่ ๓๐๑/", "๒๕๔๕"]) == "คำสั่ง ที่ ๓๐๑/๒๕๔๕"
    assert thaifix.join_lines(["เลข ๑๒", "๓"]) == "เลข ๑๒๓"
    assert thaifix.join_lines(["ระเบียบ พ.ศ.", "๒๕๔๗"]) == "ระเบียบ พ.ศ. ๒๕๔๗"
    assert thaifix.join_lines(["the regional", "office"]) == "the regional office"
    assert thaifix.join_lines(["ข้อ", "12"]) == "ข้อ 12"
    assert thaifix.join_lines(["โปร่งใส  ", "ลดความ"]) == "โปร่งใส ลดความ"
    assert thaifix.repair_citations("ที่ ๓๐๑/ ๒๕๔๕") == "ที่ ๓๐๑/๒๕๔๕"
    # A citation broken before its number keeps the space Thai typesetting puts there.
    assert thaifix.join_lines(["ตามคำสั่งสำนักนายกรัฐมนตรี ที่", "๓๐๑/๒๕๔๕ ลงวันที่"]) == \
        "ตามคำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕ ลงวันที่"
    assert thaifix.join_lines(["ข้อ", "๑๒ ให้"]) == "ข้อ ๑๒ ให้"
    assert thaifix.join_lines(["๒๕๔๕", "ลงวันที่"]) == "๒๕๔๕ ลงวันที่"
    assert thaifix.join_lines(["สถานสงเคราะห์", "(กรณีเร่งด่วน)"]) == "สถานสงเคราะห์ (กรณีเร่งด่วน)"


def test_detect_order_fields() -> None:
    reg = load_registry(BASE)
    paras = ["คำสั่งสำนักงานปลัดสำนักนายกรัฐมนตรี", "ที่ ๑๖๔/๒๕๔๕", "เรื่อง แต่งตั้งคณะทำงาน",
             "ตามคำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕ ลงวันที่ ๘ ตุลาคม ๒๕๔๕",
             "สั่ง ณ วันที่ ๑๑ ธันวาคม พ.ศ. ๒๕๔๕"]
    d = detect.detect(paras, reg)
    assert (d.type, d.number, d.issuer) == ("order", "164/2545", "opm-ps")  # longest name wins
    assert d.title == "คำสั่งสำนักงานปลัดสำนักนายกรัฐมนตรี ที่ ๑๖๔/๒๕๔๕ เรื่อง แต่งตั้งคณะทำงาน"
    assert d.date is not None and d.date.iso() == "2545-12-11"  # the signing date, not the cited
    assert d.header == [0, 1, 2]


def test_detect_regulation_title_ce_year_and_abbreviation() -> None:
    reg = load_registry(BASE)
    d = detect.detect(["ระเบียบ สปน.", "ว่าด้วยการทดสอบ", "พ.ศ. 2547", "ข้อ 1 ทดสอบ",
                       "ประกาศ ณ วันที่ 5 ม.ค. 2004"], reg)
    assert d.type == "regulation" and d.issuer == "opm-ps"
    assert d.title == "ระเบียบ สปน.ว่าด้วยการทดสอบ พ.ศ. 2547"
    assert d.date is not None and d.date.iso() == "2547-01-05"
    assert any("ค.ศ. 2004" in n for n in d.notes)


def test_detect_no_title_from_the_body() -> None:
    """A paragraph opening with a type word after body text has begun is a citation, not a title.
    """
    body = "สำนักงาน ก.พ.ร. ได้ผลักดันการปฏิรูประบบราชการ " * 12
    d = detect.detect([body, "พระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี "
                       "พ.ศ. 2546 กำหนดให้ส่วนราชการจัดให้มีศูนย์บริการร่วม"], load_registry(BASE))
    assert d.header == [] and d.title_guessed


def test_detect_nothing_found() -> None:
    d = detect.detect(["ข้อความทั่วไปที่ไม่มีรูปแบบของหนังสือราชการ"], load_registry(BASE))
    assert d.type is None and d.number == "" and d.date is None and d.issuer is None
    assert d.title_guessed


def test_body_escapes_and_clause_headings() -> None:
    assert body.escape_plain("1. รายการ *สำคัญ* a_b") == "1\\. รายการ \\*สำคัญ\\* a\\_b"
    assert body.escape_plain("• ข้อย่อย") == "- ข้อย่อย"
    assert body.escape_plain("<script>x") == "\\<script>x"
    assert body.escape_plain("# ไม่ใช่หัวข้อ") == "\\# ไม่ใช่หัวข้อ"
    assert body.clause_headings(["หมวด ๑", "ข้อ ๑ ให้ยกเลิก", "ข้อ ๑/๑ แทรก", "ข้อความ ข้อ ๒"]) == [
        "## หมวด ๑", "### ข้อ ๑", "ให้ยกเลิก", "### ข้อ ๑/๑", "แทรก", "ข้อความ ข้อ ๒"]
    assert body.clause_headings(["**ข้อ 2** ข้อความ"]) == ["## ข้อ 2", "ข้อความ"]


# --- whole imports ---------------------------------------------------------------------------

FORMATS = {
    # name: (source file, options, expected id, text the draft must match)
    "pdf": ("order.pdf", {}, "opm-order-2545-302"),
    "pdf-legacy": ("order-legacy.pdf", {}, "opm-order-2545-302"),
    "docx": ("regulation.docx", {}, "opm-regulation-2548-import-"),
    "odt": ("regulation.odt", {}, "opm-regulation-2548-import-"),
    "html": ("minutes.html", {}, "pdc-regional-minutes-2564-2"),
    "txt": ("profile.txt", {"type": "profile"}, "opm-ps-profile-import-"),
    "pdf-tables": ("tables.pdf", {"type": "report", "issuer": "opm"}, "opm-report-"),
    "pdf-columns": ("two-column.pdf", {"type": "report", "issuer": "opm"}, "opm-report-"),
}


def source_text(name: str) -> str:
    if name == "pdf-tables":
        return kit.table_pdf_text()
    if name == "pdf-columns":
        return "จดหมายข่าวการพัฒนาระบบราชการ (ตัวอย่างสำหรับทดสอบ)\n" + "\n".join(
            kit.two_column_paragraphs())
    if name.startswith("pdf"):
        return kit.blocks_text(kit.order_blocks())
    if name in ("docx", "odt"):
        return kit.markdown_text("---\n---\n" + kit.regulation_markdown())
    if name == "html":
        page = kit.minutes_html()
        main = page[page.index("<main>"):page.index("</main>")]
        return re.sub(r"<[^>]+>", " ", main)
    return kit.seed("000")


def normalise_hashes(text: str) -> str:
    text = re.sub(r"originals/[0-9a-f]{16}\.", "originals/<sha256>.", text)
    return re.sub(r"import-[0-9a-f]{8}", "import-<sha8>", text)


@pytest.mark.parametrize("name", list(FORMATS))
def test_import_matches_source_and_passes_checks(name: str, src: Path, repo: Path) -> None:
    file, opts, want_id = FORMATS[name]
    r = run(src / file, repo, **opts)
    assert r.status == "imported", r.message
    assert r.draft is not None and r.draft.name.startswith(want_id)
    draft = r.draft.read_text(encoding="utf-8")
    for spaces in (False, True):  # letters only, then letters and word spaces
        score = kit.char_match(source_text(name), kit.markdown_text(draft), spaces=spaces)
        assert score >= 0.99, f"{name}: only {score:.4f} of the source's characters"
    assert load_corpus(repo).problems == []
    assert "status: \"draft\"" in draft


@pytest.mark.parametrize("name", ["pdf", "docx", "odt", "html", "txt", "pdf-tables"])
def test_golden(name: str, src: Path, repo: Path) -> None:
    file, opts, _ = FORMATS[name]
    r = run(src / file, repo, **opts)
    assert r.draft is not None, r.message
    got = normalise_hashes(r.draft.read_text(encoding="utf-8"))
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with SARABUN_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


def test_detected_metadata_of_the_pdf(src: Path, repo: Path) -> None:
    r = run(src / "order.pdf", repo)
    doc = next(d for d in load_corpus(repo).documents if d.path.name == "opm-order-2545-302.md")
    assert doc.number == "302/2545" and doc.issuer == "opm" and doc.type.code == "order"
    assert doc.date is not None and doc.date.iso() == "2545-11-15"
    assert doc.title.startswith("คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๒/๒๕๔๕ เรื่อง มอบหมาย")
    assert doc.title.endswith("(ตัวอย่างสำหรับทดสอบ)")  # a title wrapped over two lines
    text = doc.body
    assert "## ข้อ ๑\n\n" in text and "## ข้อ ๓\n\n" in text
    assert "น้ำประปา" in text and "ที่ ๑๖๔/๒๕๔๕" in text  # Thai digits kept
    assert "- ๒ -" not in text  # page numbers dropped
    assert r.missing == []


def test_docx_table_and_html_chrome(src: Path, repo: Path) -> None:
    r = run(src / "regulation.docx", repo)
    assert r.draft is not None
    text = r.draft.read_text(encoding="utf-8")
    assert re.search(r"^\| ลำดับ +\| หน่วยงาน +\| หน้าที่ +\|$", text, re.M)
    assert "## หมวด 1" in text and "### ข้อ 3" in text
    h = run(src / "minutes.html", repo)
    assert h.draft is not None
    page = h.draft.read_text(encoding="utf-8")
    for chrome in ("หน้าหลัก", "ผังเว็บไซต์", "สงวนลิขสิทธิ์", "tracking", "แชร์หน้านี้", "Logo"):
        assert chrome not in page
    assert "| 2" in page and "- ที่ประชุมรับทราบ" in page


def test_original_stored_once_by_hash_and_linked(src: Path, repo: Path, tmp_path: Path) -> None:
    data = (src / "order.pdf").read_bytes()
    r = run(src / "order.pdf", repo)
    name = hashlib.sha256(data).hexdigest()[:16] + ".pdf"
    assert r.original == repo / "docs/originals" / name
    assert r.original.read_bytes() == data
    assert r.draft is not None and f'source: "originals/{name}"' in r.draft.read_text("utf-8")
    before = files(repo)
    copy = tmp_path / "renamed.PDF"
    copy.write_bytes(data)
    for again in (src / "order.pdf", copy):
        second = run(again, repo)
        assert (second.status, second.kind) == ("skipped", "duplicate")
        assert "opm-order-2545-302.md" in second.message
    assert files(repo) == before


def test_seed_already_in_originals_is_a_duplicate(repo: Path, tmp_path: Path) -> None:
    (repo / "docs/originals").mkdir(parents=True)
    (repo / "docs/originals/000_68652254689a0034.txt").write_text(kit.seed("000"), "utf-8")
    f = tmp_path / "again.txt"
    f.write_text(kit.seed("000"), encoding="utf-8")
    assert run(f, repo).kind == "duplicate"


def test_never_overwrites_without_force_and_force_keeps_backup(src: Path, repo: Path) -> None:
    first = run(src / "order.pdf", repo)
    assert first.draft is not None
    old = first.draft.read_bytes()
    before = files(repo)
    clash = run(src / "order-legacy.pdf", repo)  # other bytes, same number: same id
    assert (clash.status, clash.kind) == ("failed", "exists")
    assert "--force" in clash.message
    assert files(repo) == before and first.draft.read_bytes() == old
    forced = run(src / "order-legacy.pdf", repo, force=True)
    assert forced.status == "imported" and forced.backup is not None
    assert forced.backup.read_bytes() == old
    assert forced.backup.is_relative_to(repo / ".sarabun/backups")
    assert "order-legacy.pdf" in first.draft.read_text(encoding="utf-8")
    assert load_corpus(repo).problems == []


def test_force_replaces_metadata_only_record(repo: Path, tmp_path: Path) -> None:
    f = tmp_path / "order301.txt"
    f.write_text("คำสั่งสำนักนายกรัฐมนตรี\nที่ ๓๐๑/๒๕๔๕\nเรื่อง ทดสอบ\nข้อ ๑ ให้ทดสอบ\n"
                 "สั่ง ณ วันที่ ๘ ตุลาคม พ.ศ. ๒๕๔๕\n", encoding="utf-8")
    assert run(f, repo).kind == "exists"
    r = run(f, repo, force=True)
    assert r.status == "imported" and r.backup is not None
    assert "metadata-only" in r.backup.read_text(encoding="utf-8")
    # replaced where it is (filed flat), not written a second time into the year folder 2545/
    assert r.draft == repo / "regulations/order/opm-order-2545-301.md"
    assert not (repo / "regulations/order/2545").exists()
    assert load_corpus(repo).problems == []


def test_failed_write_leaves_nothing(src: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
                                     ) -> None:
    """The original is moved into place first; the draft then fails: the original goes too."""
    before = files(repo)
    real_replace = os.replace

    def refuse_md(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> None:
        if str(b).endswith(".md"):
            raise PermissionError(13, "Permission denied", str(b))
        real_replace(a, b)

    monkeypatch.setattr(os, "link", refuse_md)
    monkeypatch.setattr(os, "replace", refuse_md)
    r = run(src / "order.pdf", repo)
    assert (r.status, r.kind) == ("failed", "io")
    assert files(repo) - before == set()  # no original, no draft, no temporary file


BAD = [
    ("encrypted.pdf", "encrypted", "เข้ารหัส"),
    ("garbage.pdf", "corrupt", "ไม่ใช่ PDF"),
    ("broken.pdf", "corrupt", "เสีย"),
    ("scan.pdf", "image-only", "OCR"),
    ("blank.pdf", "empty", "ไม่มีข้อความ"),
    ("empty.pdf", "empty", "ว่าง"),
    ("encrypted.docx", "encrypted", "รหัสผ่าน"),
    ("truncated.docx", "corrupt", "เสีย"),
    ("empty.docx", "empty", "ว่าง"),
    ("empty.txt", "empty", "ว่าง"),
    ("binary.txt", "corrupt", "ไบนารี"),
    ("notes.xyz", "unsupported", "ไม่รองรับ"),
]


@pytest.mark.parametrize(("file", "kind", "words"), BAD)
def test_bad_files_give_clear_errors_and_write_nothing(file: str, kind: str, words: str,
                                                       bad: Path, repo: Path) -> None:
    before = files(repo)
    r = run(bad / file, repo)
    assert (r.status, r.kind) == ("failed", kind), r.message
    assert words in r.message
    assert files(repo) == before


def test_unknown_metadata_still_gives_a_valid_draft(repo: Path, tmp_path: Path) -> None:
    """Placeholders are listed in todo; sarabun check says what to fill in (J001) until done."""
    f = tmp_path / "memo.txt"
    f.write_text("บันทึกข้อความทั่วไป\nไม่มีเลขที่และวันที่\n", encoding="utf-8")
    r = run(f, repo, type="order")
    assert r.status == "imported", r.message
    assert r.draft is not None
    text = r.draft.read_text(encoding="utf-8")
    assert 'status: "draft"' in text and "import-" in r.draft.name
    for said in ("ไม่พบเลขที่", "ไม่พบวันที่", "ไม่พบหน่วยงานที่ออก", "ชื่อเรื่องใช้ย่อหน้าแรก"):
        assert said in text
        assert any(said in m for m in r.missing)  # the "could not detect" list of the summary
    problems = load_corpus(repo).problems
    assert [p.code for p in problems] == ["J001", "J001"]  # issuer and date are placeholders
    assert "ช่อง issuer (หน่วยงานที่ออก)" in problems[0].message
    assert "ช่อง date (วันที่)" in problems[1].message
    assert all("ลบรายการนี้ออกจากช่อง todo" in p.message for p in problems)
    # Staff fix the fields (here: accept them) and delete the todo items: it checks clean.
    fixed = re.sub(r"\ntodo:\n(  - .*\n)+", "\n", text)
    assert "todo" not in fixed
    r.draft.write_text(fixed, encoding="utf-8")
    assert load_corpus(repo).problems == []


def test_cp874_text_and_dest(repo: Path, tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("ประกาศสำนักนายกรัฐมนตรี\nเรื่อง ทดสอบ\nประกาศ ณ วันที่ ๑ มกราคม ๒๕๕๐\n"
                  .encode("cp874"))
    out = tmp_path / "drafts"
    r = run(f, repo, dest=out)
    assert r.status == "imported", r.message
    assert r.draft is not None and r.draft.parent == out
    text = r.draft.read_text(encoding="utf-8")
    assert "TIS-620" in text and 'date: "2550-01-01"' in text and 'type: "announcement"' in text


# --- command line ----------------------------------------------------------------------------

def cli(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="sarabun")
    ap.add_argument("--root", type=Path)
    add_command(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(argv)
    code: int = args.func(args)
    return code


def test_batch_folder_summary(src: Path, bad: Path, repo: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for f in ("order.pdf", "regulation.docx", "minutes.html"):
        shutil.copy(src / f, folder / f)
    shutil.copy(src / "order.pdf", folder / "order-copy.pdf")  # same bytes: skipped
    shutil.copy(bad / "scan.pdf", folder / "scan.pdf")  # fails: needs OCR
    (folder / "readme.xyz").write_text("x", encoding="utf-8")  # not importable: skipped
    code = cli(["--root", str(repo), "import", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "สรุป: นำเข้า 3 ไฟล์, ข้าม 2 ไฟล์, ไม่สำเร็จ 1 ไฟล์" in out
    assert re.search(r"ไม่สำเร็จ: .*scan\.pdf: .*OCR", out)
    assert re.search(r"ข้าม: .*order(-copy)?\.pdf: นำเข้าไฟล์นี้แล้ว", out)
    assert load_corpus(repo).problems == []
    assert cli(["--root", str(repo), "import", str(src / "profile.txt"), "--type", "profile"]) == 0


def test_pdf_with_only_an_owner_password_imports(src: Path, repo: Path, tmp_path: Path) -> None:
    """Copy/print restrictions (owner password, empty user password) do not stop the import."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions

    writer = PdfWriter(clone_from=PdfReader(src / "order.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256",
                   permissions_flag=UserAccessPermissions(0))
    f = tmp_path / "restricted.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    r = run(f, repo)
    assert r.status == "imported", r.message
    assert r.draft is not None and r.draft.name == "opm-order-2545-302.md"


# --- PDF layout: tables and columns ----------------------------------------------------------

def test_pdf_tables_are_markdown_tables(src: Path, repo: Path) -> None:
    """Seed 003's KPI table (ruled), its award table (ruled, wrapped cells, over a page break,
    header repeated) and a borderless table come back as pipe tables, row for row."""
    r = run(src / "tables.pdf", repo, type="report", issuer="opm")
    assert r.draft is not None, r.message
    rows = [ln for ln in r.draft.read_text(encoding="utf-8").split("\n") if ln.startswith("|")]
    cells = [[c.strip() for c in ln.strip("|").split(" | ")] for ln in rows
             if not ln.startswith("|---")]
    want = [*kit.kpi_rows(), *kit.award_rows(), *kit.BORDERLESS]
    assert len(cells) == len(want)  # the repeated header on page 2 is not a row
    assert sum(1 for ln in rows if ln.startswith("|---")) == 3
    for got, expected in zip(cells, want, strict=True):
        # A wrap inside a cell loses the space the line broke at (Thai has no other sign of it).
        assert [kit.normalise(c) for c in got] == [kit.normalise(c) for c in expected]
    score = kit.char_match(kit.table_pdf_text(), kit.markdown_text(
        r.draft.read_text(encoding="utf-8")), spaces=True)
    assert score >= 0.99


@pytest.mark.parametrize("file", ["two-column.pdf", "office-columns.pdf"])
def test_two_column_pdf_reads_left_column_first(file: str, src: Path, repo: Path) -> None:
    """fpdf2's text columns and a LibreOffice page with two columns are read column by column.
    """
    r = run(src / file, repo, type="report", issuer="opm")
    assert r.draft is not None, r.message
    text = kit.normalise(r.draft.read_text(encoding="utf-8"))
    pos = 0
    for para in kit.two_column_paragraphs():  # each paragraph whole, in order, none interleaved
        start = text.find(kit.normalise(para[:40]), pos)
        end = text.find(kit.normalise(para[-40:]), start)
        assert start >= 0 and end > start
        assert kit.char_match(para, text[start:end + 40]) >= 0.99
        pos = end


def _piece(y: float, x0: float, x1: float, text: str) -> pdflayout.Piece:
    return pdflayout.Piece(y, x0, x1, 12.0, text)


def test_layout_keeps_text_that_is_not_confidently_a_table() -> None:
    box = pdflayout.rects_to_rules(50, 500, 400, 60)  # a framed note: one cell
    note = [_piece(540, 60, 300, "หมายเหตุ ข้อความในกรอบ"), _piece(520, 60, 200, "บรรทัดที่สอง")]
    blocks = pdflayout.layout(note, box)
    assert [type(b) for b in blocks] == [pdflayout.Band]
    two_rows = [_piece(700, 50, 100, "ก"), _piece(700, 300, 350, "ข"),
                _piece(680, 50, 100, "ค"), _piece(680, 300, 350, "ง")]
    assert all(isinstance(b, pdflayout.Band) for b in pdflayout.layout(two_rows, []))
    words = {p.text for p in note + two_rows}
    for blocks in (pdflayout.layout(note, box), pdflayout.layout(two_rows, [])):
        seen = {p.text for b in blocks if isinstance(b, pdflayout.Band)
                for ln in b.lines for p in ln}
        assert seen <= words and seen  # nothing invented, nothing dropped
    assert pdflayout.escape_cell("a|b*c_") == "a\\|b\\*c\\_"


def test_summary_lists_what_to_fill_in(repo: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "memo.txt"
    f.write_text("คำสั่งคณะทำงานทดสอบ\nที่ ๗/๒๕๖๖\nเรื่อง ทดสอบ\nข้อ ๑ ให้ทดสอบ\n"
                 "สั่ง ณ วันที่ ๓ มีนาคม พ.ศ. ๒๕๖๖\n", encoding="utf-8")
    assert cli(["--root", str(repo), "import", str(f)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^นำเข้าแล้ว: .*memo\.txt: regulations/order/2566/opm-order-2566-7\.md", out,
                     re.M)
    assert re.search(r"^    - ช่อง issuer \(หน่วยงานที่ออก\): ไม่พบหน่วยงานที่ออกในต้นฉบับ", out, re.M)
    assert [p.code for p in load_corpus(repo).problems] == ["J001"]


def test_scanned_page_inside_a_text_pdf_is_a_todo(src: Path, bad: Path, repo: Path,
                                                  tmp_path: Path) -> None:
    """A text PDF with one scanned page: the text is imported and the missing page is a J001."""
    from pypdf import PdfReader, PdfWriter

    scan_page = len(PdfReader(src / "order.pdf").pages) + 1
    writer = PdfWriter()
    writer.append(str(src / "order.pdf"))
    writer.append(str(bad / "scan.pdf"))
    f = tmp_path / "mixed.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    r = run(f, repo)
    assert r.status == "imported", r.message
    assert any(f"หน้า {scan_page} ของต้นฉบับเป็นภาพสแกน" in m and "OCR" in m for m in r.missing)
    assert [p.code for p in load_corpus(repo).problems] == ["J001"]


def test_columns_only_where_a_gutter_runs_down_the_page() -> None:
    full = [_piece(700 - 14 * i, 70, 520, f"บรรทัดเต็ม {i}") for i in range(12)]
    assert len(pdflayout.reading_order(full)) == 1  # one column: lines cross the middle
    head = [_piece(760, 150, 440, "หัวเรื่องกลางหน้า")]
    left = [_piece(700 - 14 * i, 70, 280, f"ซ้าย {i}") for i in range(8)]
    right = [_piece(700 - 14 * i, 310, 520, f"ขวา {i}") for i in range(8)]
    bands = pdflayout.reading_order(head + right + left)
    texts = [[p.text for ln in band for p in ln] for band in bands]
    assert texts == [["หัวเรื่องกลางหน้า"], [f"ซ้าย {i}" for i in range(8)],
                     [f"ขวา {i}" for i in range(8)]]


def test_word_table_with_merged_cells_stays_a_table(repo: Path, tmp_path: Path) -> None:
    """pandoc keeps a table with merged cells as HTML: kept, without pandoc's column widths."""
    import pypandoc

    rows = kit.award_rows()[3:5]
    page = ("<p>รายงานผลการคัดเลือก (ตัวอย่างสำหรับทดสอบ)</p><table>"
            "<tr><th>กระบวนการงาน</th><th>หน่วยงาน</th></tr>"
            + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
            + '<tr><td colspan="2">รางวัลชมเชย</td></tr></table>')
    f = tmp_path / "merged.docx"
    pypandoc.convert_text(page, "docx", format="html", outputfile=str(f))
    r = run(f, repo, type="report", issuer="opm")
    assert r.draft is not None, r.message
    text = r.draft.read_text(encoding="utf-8")
    assert '<td colspan="2">รางวัลชมเชย</td>' in text and f"<td>{rows[0][1]}</td>" in text
    assert "style=" not in text and "<colgroup>" not in text
    assert load_corpus(repo).problems == []


def test_office_pdf_text_and_borderless_tables(src: Path, repo: Path) -> None:
    """A PDF exported by LibreOffice from a DOCX: Thai vowels drawn as /ActualText spans come
    back, and the word processor's borderless tables (cells wrapped over lines, over a page
    break, header repeated) become pipe tables."""
    r = run(src / "office.pdf", repo, type="report", issuer="opm")
    assert r.draft is not None, r.message
    draft = r.draft.read_text(encoding="utf-8")
    source = kit.markdown_text("---\n---\n" + kit.office_report_markdown())
    for spaces in (False, True):
        assert kit.char_match(source, kit.markdown_text(draft), spaces=spaces) >= 0.99
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", draft)  # no unmapped glyph codes
    rows = [[kit.normalise(c) for c in ln.strip("|").split(" | ")]
            for ln in draft.split("\n") if ln.startswith("| ")]
    split = kit.award_rows()[17]  # LibreOffice breaks this row over the page: two rows here
    for want in [*kit.kpi_rows()[1:], *kit.award_rows()[:17], *kit.award_rows()[18:]]:
        assert [kit.normalise(c) for c in want] in rows, want
    assert kit.normalise(split[0]) in "".join(r[0] for r in rows)
    assert sum(1 for ln in draft.split("\n") if ln.startswith("|---")) == 2


def test_pdf_figures_are_reported(repo: Path, tmp_path: Path) -> None:
    """Images on text pages (a logo, a chart) are not imported; the note says how many."""
    from fpdf import FPDF
    from PIL import Image

    f = tmp_path / "figure.pdf"
    pdf = FPDF()
    pdf.set_creation_date(kit.FIXED)
    pdf.add_font("th", fname=str(kit.FONT_DIR / "Garuda.ttf"))
    pdf.add_page()
    pdf.set_font("th", size=14)
    pdf.multi_cell(0, 8, "รายงานประจำปี (ตัวอย่างสำหรับทดสอบ) แผนภูมิแสดงผลการดำเนินงาน",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.image(Image.new("RGB", (40, 20), "white"), x=20, y=40, w=40)
    pdf.output(str(f))
    r = run(f, repo, type="report", issuer="opm")
    assert r.draft is not None, r.message
    assert "ต้นฉบับมีรูปภาพ 1 รูป ซึ่งไม่ได้นำเข้า" in r.draft.read_text(encoding="utf-8")


def test_a_row_of_boxes_mid_page_is_not_a_table() -> None:
    """A letterhead drawn as two boxes stays text; a lone header row at a page's foot is a table
    (the rest of it is on the next page)."""
    boxes = pdflayout.rects_to_rules(50, 700, 200, 40) + pdflayout.rects_to_rules(250, 700, 300, 40)
    head = [_piece(715, 60, 200, "ตราสัญลักษณ์"), _piece(715, 260, 500, "สำนักงานทดสอบ")]
    below = [_piece(600, 60, 500, "ข้อความใต้กรอบ")]
    assert all(isinstance(b, pdflayout.Band) for b in pdflayout.layout(head + below, boxes))
    assert isinstance(pdflayout.layout(head, boxes)[0], pdflayout.Table)


def test_text_line_ending_inside_a_citation_runs_on() -> None:
    """A .txt line that ends inside a citation (แห่ง, มาตรา, ที่, พ.ศ., วันที่ before the rest)
    joins the next line, so the legal-basis and citation readers see the whole phrase; words
    that merely end in those letters (พื้นที่, หน้าที่, ล่วงหน้า) and list items are left alone."""
    from sarabun.importers.text import paragraphs

    text = ("อาศัยอำนาจตามความในมาตรา ๑๑ แห่ง\nพระราชบัญญัติการจัดเก็บ พ.ศ.\n"
            "๒๕๕๐ จึงมีคำสั่ง\nให้ดูแลในพื้นที่\nตามหน้าที่\nดำเนินการล่วงหน้า\n"
            "(๑) ให้ทำตามข้อ\n(๒) ให้รายงาน\nสั่ง ณ วันที่\n๑๕ มกราคม พ.ศ. ๒๕๕๑\n")
    assert paragraphs(text) == [
        "อาศัยอำนาจตามความในมาตรา ๑๑ แห่งพระราชบัญญัติการจัดเก็บ พ.ศ. ๒๕๕๐ จึงมีคำสั่ง",
        "ให้ดูแลในพื้นที่", "ตามหน้าที่", "ดำเนินการล่วงหน้า",
        "(๑) ให้ทำตามข้อ", "(๒) ให้รายงาน", "สั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๕๑"]
