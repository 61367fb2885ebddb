"""Real test files for the importer, made from the seed texts: PDF (fpdf2 + a TLWG Thai font),
DOCX and ODT (pandoc), HTML and text, plus broken ones (encrypted, corrupt, image-only, empty).

Every maker is deterministic (fixed dates, SOURCE_DATE_EPOCH) so golden files stay stable. The
sample documents are test fixtures: real seed paragraphs inside a made-up order, regulation and
minutes heading (marked ตัวอย่างสำหรับทดสอบ), so detection of type, number, date and issuer can be
checked against known answers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

SEEDS = Path("/work/shared/seeds")
REPO_ORIGINALS = Path(__file__).resolve().parent.parent / "docs" / "originals"
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FIXED = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def seed(prefix: str) -> str:
    """A seed text by its number (``000``), from shared/ or the repository's originals."""
    for folder in (SEEDS, REPO_ORIGINALS):
        hits = sorted(folder.glob(f"{prefix}_*.txt")) if folder.is_dir() else []
        if hits:
            return hits[0].read_text(encoding="utf-8")
    raise FileNotFoundError(prefix)


def seed_paragraphs(prefix: str, min_len: int = 200) -> list[str]:
    """The long paragraphs of a seed, whitespace collapsed (no-break spaces included)."""
    out = []
    for line in seed(prefix).split("\n"):
        text = " ".join(line.replace("\u00a0", " ").split())
        if len(text) >= min_len:
            out.append(text)
    return out


# --- sample documents: (role, text); roles: title, para, center ------------------------------

def order_blocks() -> list[tuple[str, str]]:
    p = seed_paragraphs("000")
    return [
        ("title", "คำสั่งสำนักนายกรัฐมนตรี"),
        ("title", "ที่ ๓๐๒/๒๕๔๕"),
        ("title", "เรื่อง มอบหมายการกำกับการปฏิบัติราชการในส่วนภูมิภาค (ตัวอย่างสำหรับทดสอบ)"),
        ("para", p[0]),
        ("para", "จึงมีคำสั่งดังต่อไปนี้"),
        ("para", "ข้อ ๑ " + p[1][:700]),
        ("para", "ข้อ ๒ ให้ส่วนราชการดูแลน้ำประปาและแหล่งน้ำ ที่ปั้นคันดินไว้ตั้งแต่ปี ๒๕๔๔ "
                 "ให้ผู้ใหญ่บ้านรายงานทุกเดือน"),
        ("para", "ข้อ ๓ " + p[2][:500]),
        ("para", "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
        ("center", "สั่ง ณ วันที่ ๑๕ พฤศจิกายน พ.ศ. ๒๕๔๕"),
        ("center", "นายกรัฐมนตรี"),
    ]


def regulation_markdown() -> str:
    p = seed_paragraphs("001")
    rows = [("1", "สำนักงานปลัดสำนักนายกรัฐมนตรี", "ประสานงานและติดตามผล"),
            ("2", "จังหวัด", "จัดทำแผนพัฒนาจังหวัดและรายงานผล"),
            ("3", "กลุ่มจังหวัด", "บูรณาการแผนงานและงบประมาณ")]
    table = "| ลำดับ | หน่วยงาน | หน้าที่ |\n|---|---|---|\n" + "\n".join(
        f"| {a} | {b} | {c} |" for a, b, c in rows)
    return "\n\n".join([
        "ระเบียบสำนักนายกรัฐมนตรี",
        "ว่าด้วยการบริหารงานจังหวัดแบบบูรณาการ (ตัวอย่างสำหรับทดสอบ)",
        "พ.ศ. 2548",
        p[0],
        "หมวด 1",
        "ข้อ 1 ระเบียบนี้เรียกว่า ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการบริหารงานจังหวัดแบบบูรณาการ "
        "(ตัวอย่างสำหรับทดสอบ) พ.ศ. 2548",
        "ข้อ 2 " + p[1],
        "ข้อ 3 ให้หน่วยงานต่อไปนี้มีหน้าที่ตามตาราง",
        table,
        "ประกาศ ณ วันที่ 12 เมษายน พ.ศ. 2548",
        "นายกรัฐมนตรี",
    ]) + "\n"


def minutes_html() -> str:
    p = seed_paragraphs("002", min_len=100)
    title = ("รายงานการประชุม อ.ก.พ.ร. เกี่ยวกับการส่งเสริมและพัฒนาระบบการบริหารราชการ"
             "ในส่วนภูมิภาคและท้องถิ่น ครั้งที่ 2/2564")
    body = "\n".join(f"<p>{t}</p>" for t in p[:4])
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ข่าว ก.พ.ร.</title>
<style>p {{ color: black }}</style><script>var tracking = 1;</script></head>
<body>
<header><img src="logo.png" alt="Logo of OPDC"> สำนักงาน ก.พ.ร.</header>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li>ติดต่อ</li><li>ผังเว็บไซต์</li></ul></nav>
<div class="share">แชร์หน้านี้</div>
<main>
<h1>{title}</h1>
<p>ประชุมเมื่อวันพฤหัสบดีที่ 18 มีนาคม 2564 ณ ห้องประชุม (ตัวอย่างสำหรับทดสอบ)</p>
{body}
<h2>วาระการประชุม</h2>
<table>
<tr><th>วาระที่</th><th>เรื่อง</th></tr>
<tr><td>1</td><td>เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ</td></tr>
<tr><td>2</td><td>รับรองรายงานการประชุม ครั้งที่ 1/2564</td></tr>
</table>
<ul><li>ที่ประชุมรับทราบ</li><li>ที่ประชุมมีมติเห็นชอบ</li></ul>
</main>
<footer>สงวนลิขสิทธิ์โดยสำนักงานคณะกรรมการพัฒนาระบบราชการ</footer>
</body></html>
"""


def blocks_text(blocks: list[tuple[str, str]]) -> str:
    return "\n".join(t for _, t in blocks)


# --- makers ----------------------------------------------------------------------------------

def _zwsp(text: str) -> str:
    """Zero-width spaces between Thai words, as word processors do, so lines wrap at words."""
    from pythainlp.tokenize import word_tokenize

    return "\u200b".join(word_tokenize(text, engine="newmm", keep_whitespace=True))


def legacy_encode(text: str) -> str:
    """Damage Thai the way legacy PDF text layers do: sara am split, tone before vowel, PUA."""
    text = re.sub("([่้๊๋])ำ", "ํ\\1า", text)
    text = text.replace("ำ", "ํา")
    text = re.sub("([ิีึื])([่้๊๋])", "\\2\\1", text)
    return text.replace("่", "\uf70a").replace("ป้", "ป\uf70b")


def make_pdf(blocks: list[tuple[str, str]], path: Path, legacy: bool = False) -> Path:
    """An A4 PDF with a Thai TrueType font: centred heading, indented paragraphs, page numbers."""
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("th", size=14)
                self.cell(0, 8, f"- {'๐๑๒๓๔๕๖๗๘๙'[self.page_no()]} -", align="C")
                self.ln(12)

    pdf = Doc(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_margins(30, 25, 20)
    pdf.add_font("th", fname=str(FONT_DIR / "Garuda.ttf"))
    pdf.add_font("th", style="B", fname=str(FONT_DIR / "Garuda-Bold.ttf"))
    pdf.add_page()
    for role, text in blocks:
        shown = _zwsp(legacy_encode(text) if legacy else text)
        if role in ("title", "center"):
            pdf.set_font("th", style="B" if role == "title" else "", size=16)
            pdf.multi_cell(0, 9, shown, align="C")
            pdf.ln(2 if role == "title" else 4)
        else:
            pdf.set_font("th", size=15)
            pdf.set_x(pdf.l_margin + 20)  # first-line indent, as in Thai official documents
            pdf.write(9, shown)
            pdf.ln(12)
    pdf.output(str(path))
    return path


def pandoc_file(markdown: str, path: Path) -> Path:
    """DOCX or ODT (by suffix) from Markdown with pandoc, reproducibly."""
    import pypandoc

    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(FIXED.timestamp())))
    pypandoc.convert_text(markdown, path.suffix[1:], format="markdown", outputfile=str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: one raster image, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 380, 180), outline="black", width=5)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=150)
    pdf.output(str(path))
    return path


def make_blank_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    pdf.add_page()
    pdf.output(str(path))
    return path


def make_encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_encrypted_docx(source: Path, path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)
    return path


# --- comparison ------------------------------------------------------------------------------

_MD = re.compile(r"^(#{1,6}\s+|[-*+]\s+)|\*\*|\\(?=\S)|^\|?[-:| ]+\|?$|\|")


def markdown_text(markdown: str) -> str:
    """Text of a draft: its title and its body without markup or front matter."""
    _, front, body = markdown.split("---\n", 2)
    title = re.search(r'^title: "(.*)"$', front, re.M)
    lines = [_MD.sub(" ", ln.strip()) for ln in body.split("\n")]
    return (title.group(1) if title else "") + "\n" + "\n".join(lines)


def normalise(text: str, spaces: bool = False) -> str:
    """NFC; all whitespace removed (or, with ``spaces``, collapsed to single spaces)."""
    text = unicodedata.normalize("NFC", text).replace("\u200b", "")
    return " ".join(text.split()) if spaces else "".join(text.split())


def char_match(source: str, imported: str, spaces: bool = False) -> float:
    """Share of the source's characters found, in order, in the imported text."""
    a, b = normalise(source, spaces), normalise(imported, spaces)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in sm.get_matching_blocks())
    return matched / max(len(a), 1)


# --- layout: tables and two columns ---------------------------------------------------------

def seed_table(prefix: str, first: int, last: int, columns: int) -> list[list[str]]:
    """Rows of a tab-separated table in a seed (lines ``first``..``last``, 1-based), cut to
    ``columns`` columns."""
    lines = seed(prefix).split("\n")[first - 1:last]
    return [[" ".join(c.split()) for c in (ln.split("\t") + [""] * columns)[:columns]]
            for ln in lines]


def kpi_rows() -> list[list[str]]:
    """Seed 003's KPI table (its first six columns): header and ten rows."""
    return [["ข้อที่", "ประเด็น", "เป้า", "ผล", "การ", "ดัชนีชี้วัด"],
            *seed_table("003", 683, 692, 6)]


def award_rows() -> list[list[str]]:
    """Seed 003's award table (process, office): cells long enough to wrap in a narrow column."""
    return seed_table("003", 126, 145, 2)


def _thai_pdf() -> object:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_margins(25, 25, 20)
    pdf.add_font("th", fname=str(FONT_DIR / "Garuda.ttf"))
    pdf.add_font("th", style="B", fname=str(FONT_DIR / "Garuda-Bold.ttf"))
    pdf.add_page()
    return pdf


def make_table_pdf(path: Path) -> Path:
    """A report page with a ruled KPI table, a ruled table whose cells wrap (running on to the
    next page, header repeated) and a borderless table aligned with tab stops."""
    pdf: Any = _thai_pdf()
    pdf.set_font("th", style="B", size=15)
    pdf.multi_cell(0, 9, "รายงานผลการประเมิน (ตัวอย่างสำหรับทดสอบ)", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("th", size=13)
    pdf.multi_cell(0, 8, "ตารางที่ 1 ผลการดำเนินงานตามตัวชี้วัด", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 40, 12, 12, 12, 30), line_height=8) as table:
        for row in kpi_rows():
            table.row(row)
    pdf.ln(4)
    pdf.multi_cell(0, 8, "ตารางที่ 2 ผลการคัดเลือกกระบวนการงาน", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(55, 45), line_height=8) as table:
        for row in award_rows():
            table.row(row)
    pdf.ln(4)
    pdf.multi_cell(0, 8, "ตารางที่ 3 เป้าหมายรายไตรมาส", new_x="LMARGIN", new_y="NEXT")
    for cells in BORDERLESS:
        for x, cell in zip((25, 75, 115, 155), cells, strict=True):
            pdf.set_x(x)
            pdf.cell(35, 8, cell)
        pdf.ln(8)
    pdf.multi_cell(0, 8, "จบรายงาน", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


BORDERLESS = [["ไตรมาส", "เป้าหมาย", "ผล", "ร้อยละ"],
              ["ไตรมาสที่ 1", "๑๒๐", "๑๐๘", "๙๐"],
              ["ไตรมาสที่ 2", "๑๕๐", "๑๕๐", "๑๐๐"],
              ["ไตรมาสที่ 3", "๒๐๐", "๑๘๐", "๙๐"]]


def table_pdf_text() -> str:
    """The text of ``make_table_pdf``, cells separated by spaces."""
    return "\n".join(["รายงานผลการประเมิน (ตัวอย่างสำหรับทดสอบ)",
                      "ตารางที่ 1 ผลการดำเนินงานตามตัวชี้วัด", *(" ".join(r) for r in kpi_rows()),
                      "ตารางที่ 2 ผลการคัดเลือกกระบวนการงาน",
                      *(" ".join(r) for r in award_rows()), "ตารางที่ 3 เป้าหมายรายไตรมาส",
                      *(" ".join(r) for r in BORDERLESS), "จบรายงาน"])


def two_column_paragraphs() -> list[str]:
    return [p[:600] for p in seed_paragraphs("003", min_len=400)[:4]]


def make_two_column_pdf(path: Path) -> Path:
    """A heading across the page, then seed paragraphs in two columns (newsletter layout)."""
    pdf: Any = _thai_pdf()
    pdf.set_font("th", style="B", size=15)
    pdf.multi_cell(0, 9, "จดหมายข่าวการพัฒนาระบบราชการ (ตัวอย่างสำหรับทดสอบ)", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("th", size=12)
    with pdf.text_columns(ncols=2, gutter=10, text_align="LEFT") as cols:
        for p in two_column_paragraphs():
            cols.write(_zwsp(p))
            cols.ln()
            cols.ln()
    pdf.output(str(path))
    return path


def office_report_markdown() -> str:
    """A report as staff write it in a word processor: seed 003 paragraphs and its two tables."""
    def table(rows: list[list[str]]) -> str:
        head, *body = rows
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(c or " " for c in r) + " |" for r in body])

    p = [t[:700] for t in seed_paragraphs("003", min_len=400)[:2]]
    return "\n\n".join(["รายงานผลการดำเนินงาน (ตัวอย่างสำหรับทดสอบ)", p[0],
                        "ตารางที่ 1 ผลการดำเนินงานตามตัวชี้วัด", table(kpi_rows()),
                        "ตารางที่ 2 ผลการคัดเลือกกระบวนการงาน", table(award_rows()), p[1]]) + "\n"


def make_office_pdf(markdown: str, path: Path, columns: int = 1) -> Path:
    """A PDF exported by LibreOffice Writer from a DOCX (as offices make them): glyph-by-glyph
    positioning and /ActualText spans for Thai vowels, unlike fpdf2's one string per line. With
    ``columns`` the document is an ODT whose page style has that many text columns."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sarabun-office-") as tmp:
        ext = ".docx" if columns == 1 else ".odt"
        doc = pandoc_file(markdown, Path(tmp) / f"{path.stem}{ext}")
        if columns > 1:
            _odt_columns(doc, columns)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(doc)],
                       check=True, capture_output=True, timeout=180)
        (Path(tmp) / f"{path.stem}.pdf").replace(path)
    return path


def _odt_columns(odt: Path, columns: int) -> None:
    """Give an ODT's page layout ``columns`` text columns (rewrites styles.xml in place)."""
    import zipfile

    cols = b'<style:columns fo:column-count="%d" fo:column-gap="0.6cm"/>' % columns

    def with_columns(m: re.Match[bytes]) -> bytes:
        close = b"</style:page-layout-properties>" if m.group(2) else b""
        return b"<style:page-layout-properties" + m.group(1) + b">" + cols + close

    with zipfile.ZipFile(odt) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(odt, "w") as out:
        for info, data in items:
            if info.filename == "styles.xml":
                data = re.sub(rb"<style:page-layout-properties([^>]*?)(/?)>", with_columns, data)
            out.writestr(info, data)
