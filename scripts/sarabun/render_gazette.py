"""Royal Gazette publication on a document page: a metadata row and a table of the text's citations.

The row "ประกาศในราชกิจจานุเบกษา" shows ``Document.gazette`` (the ``gazette:`` field, or footnote 1
of the text, which then says so) part by part: volume, issue (ตอนที่ or ตอนพิเศษ), section letter,
pages and date, in Thai digits as the rest of the page. The section "ราชกิจจานุเบกษาที่อ้างถึง"
lists every Gazette citation found in the text (an Act's footnotes: its own publication and those
of its amendments) as a table of the same parts, so a reader can find each issue in the Gazette.
"""

from __future__ import annotations

from .gazette import GazetteRef, find_gazettes, thai_parts
from .model import Document
from .render import esc

GAZETTE_ID = "gazette"


def gazette_html(g: GazetteRef) -> str:
    """The parts of one citation, each labelled: ``เล่ม ๑๒๕ ตอนที่ ๒๗ ประเภท ก ...``."""
    parts = "".join(
        f'<span class="sarabun-gazette__part"><span class="sarabun-gazette__label">{esc(label)}'
        f"</span> {esc(value)}</span> " for label, value in thai_parts(g))
    return f'<span class="sarabun-gazette">{parts.rstrip()}</span>'


def gazette_row(doc: Document) -> tuple[str, str] | None:
    """(label, value HTML) for the metadata panel, when the publication is known."""
    g = doc.gazette
    if g is None:
        return None
    value = gazette_html(g)
    if doc.gazette_from_text:
        value += (' <span class="sarabun-detected">(จากเชิงอรรถในข้อความ '
                  f'<a href="#{GAZETTE_ID}">ดูทั้งหมด</a>)</span>')
    return "ประกาศในราชกิจจานุเบกษา", value


_COLUMNS = ("เล่ม", "ตอน", "ประเภท (ก–ง)", "หน้า", "วันที่")


def gazette_section(doc: Document) -> str:
    """"ราชกิจจานุเบกษาที่อ้างถึงในเอกสาร": every Gazette citation of the text, part by part."""
    found = find_gazettes(doc.body)
    if not found:
        return ""
    rows = []
    for g in found:
        parts = dict(thai_parts(g))
        issue = parts.get("ตอนพิเศษ") or parts.get("ตอนที่", "")
        issue_label = ("ตอนพิเศษ " if g.special else "ตอนที่ ") + issue
        cells = [parts["เล่ม"], issue_label, parts.get("ประเภท", "–"), parts.get("หน้า", "–"),
                 parts.get("วันที่", "–")]
        written = esc(" ".join(g.text.split()))
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                    + f'<td class="sarabun-gazette__text">{written}</td></tr>')
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in (*_COLUMNS, "ข้อความในเอกสาร"))
    return (f"\n## ราชกิจจานุเบกษาที่อ้างถึงในเอกสาร {{#{GAZETTE_ID}}}\n\n"
            '<div class="sarabun-gazette-table" markdown="0">\n<table>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</div>\n")
