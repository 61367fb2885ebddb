"""The disclosure checklist pages (ITA / OIT): each item, the documents that satisfy it, the gaps.

``browse/disclosure/index.md`` lists the checklists (one per assessment year) with how many items
are met; ``browse/disclosure/<year>.md`` opens with a summary table (code, item, state) and then a
section per item with what satisfies it and the list of those documents. A missing item says so
in words and with a sign (✗ ยังไม่มีเอกสาร), never by colour alone; an example list says at the top
that it must be replaced by the official list of the year.
"""

from __future__ import annotations

from .disclosure import NOT_DISCLOSED, Checklist, Item
from .model import DOC_TYPES, STATUSES
from .render import (
    Site,
    document_list,
    esc,
    front_matter,
    issuer_src,
    md_text,
    thai_count,
    type_src,
)
from .thai import to_thai_digits

DISCLOSURE_INDEX = "browse/disclosure/index.md"


def disclosure_src(year: int) -> str:
    return f"browse/disclosure/{year}.md"


def _state(n: int) -> str:
    if n:
        return ('<span class="sarabun-disclosure__state sarabun-disclosure__state--met">'
                f"✓ มีแล้ว {esc(thai_count(n))}</span>")
    return ('<span class="sarabun-disclosure__state sarabun-disclosure__state--missing">'
            "✗ ยังไม่มีเอกสาร</span>")


def _criteria(site: Site, src: str, item: Item) -> str:
    m = item.match
    rows = []
    if m.types:
        rows.append("ประเภท: " + ", ".join(
            site.a(src, type_src(t), DOC_TYPES[t].label) if t in site.types_present
            else esc(DOC_TYPES[t].label) for t in m.types))
    if m.tags:
        rows.append("คำสำคัญ: " + ", ".join(esc(t) for t in m.tags))
    if m.issuers:
        rows.append("หน่วยงาน: " + ", ".join(
            site.a(src, issuer_src(o), site.issuer_name(o)) if o in site.issuers_present
            else esc(site.issuer_name(o)) for o in m.issuers))
    if m.date_from or m.date_to:
        start = m.date_from.thai() if m.date_from else "…"
        end = m.date_to.thai() if m.date_to else "…"
        rows.append(f"ลงวันที่ระหว่าง {esc(start)} ถึง {esc(end)}")
    return "".join(f"<li>{r}</li>" for r in rows)


def checklist_page(site: Site, c: Checklist) -> str:
    src = disclosure_src(c.year)
    docs = site.corpus.documents
    found = {item.code: c.satisfying(item, docs) for item in c.items}
    met = sum(1 for v in found.values() if v)
    out = [front_matter(c.label, h1=True)]
    if c.example or any(i.example for i in c.items):
        out.append('<div class="admonition warning" role="note">\n'
                   '<p class="admonition-title">รายการตัวอย่าง ยังไม่ใช่รายการทางการ</p>\n'
                   "<p>รายการที่มีป้าย “ตัวอย่าง” ใช้แสดงการทำงานของระบบเท่านั้น "
                   "ต้องแทนด้วยรายการตามคู่มือการประเมินของปีที่ประเมิน</p>\n</div>\n\n")
    skipped = ", ".join(STATUSES[s].label for s in sorted(NOT_DISCLOSED))
    out.append(f"ที่มาของรายการ: {esc(c.source)}\n\n"
               f"มีเอกสารแล้ว {esc(to_thai_digits(str(met)))} จาก "
               f"{esc(to_thai_digits(str(len(c.items))))} รายการ "
               f"(ไม่นับเอกสารสถานะ {esc(skipped)}) "
               "ตรวจได้ด้วยคำสั่ง <code>sarabun disclosure</code>\n\n")
    rows = []
    for item in c.items:
        tag = ' <span class="sarabun-badge">ตัวอย่าง</span>' if item.example else ""
        rows.append(f'<tr><td><a href="#{item.anchor}">{esc(item.code)}</a></td>'
                    f"<td>{esc(item.title)}{tag}</td><td>{_state(len(found[item.code]))}</td></tr>")
    out.append('<div class="sarabun-disclosure" markdown="0">\n<table>\n<thead><tr>'
               '<th scope="col">รหัส</th><th scope="col">รายการ</th><th scope="col">สถานะ</th>'
               "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n")
    for item in c.items:
        out.append(f"## {md_text(item.code)} {md_text(item.title)} {{#{item.anchor}}}\n\n")
        out.append(f"<p>{_state(len(found[item.code]))}</p>\n\n")
        if item.note:
            out.append(f"<p>{esc(item.note)}</p>\n\n")
        out.append(f'<p>เอกสารที่ใช้ได้:</p>\n<ul class="sarabun-disclosure__criteria">'
                   f"{_criteria(site, src, item)}</ul>\n\n")
        if found[item.code]:
            out.append(document_list(site, src, found[item.code]))
        else:  # what is in the repository but does not count yet, so staff know where to start
            waiting = [d for d in docs if item.match.satisfied_by(d, any_status=True)]
            if waiting:
                out.append(f"<p>มีในคลังแต่ยังไม่นับ {esc(thai_count(len(waiting)))} "
                           f"(สถานะ {esc(skipped)}):</p>\n\n"
                           + document_list(site, src, waiting))
        out.append("\n")
    return "".join(out)


def disclosure_pages(site: Site) -> dict[str, str]:
    """The index of checklists and one page per checklist."""
    checklists = sorted(site.corpus.checklists, key=lambda c: c.year, reverse=True)
    pages = {}
    entries = []
    for c in checklists:
        docs = site.corpus.documents
        met = sum(1 for i in c.items if c.satisfying(i, docs))
        total = to_thai_digits(str(len(c.items)))
        note = f"มีเอกสารแล้ว {to_thai_digits(str(met))} จาก {total} รายการ"
        entries.append(f'<li>{site.a(DISCLOSURE_INDEX, disclosure_src(c.year), c.label)} '
                       f'<span class="sarabun-count">{esc(note)}</span></li>')
        pages[disclosure_src(c.year)] = checklist_page(site, c)
    body = ('<ul class="sarabun-index">\n' + "\n".join(entries) + "\n</ul>\n" if entries else
            '<p class="sarabun-empty">ยังไม่มีรายการเปิดเผยข้อมูล '
            "(records/registries/disclosure-&lt;ปี&gt;.yaml)</p>\n")
    pages[DISCLOSURE_INDEX] = (front_matter("การเปิดเผยข้อมูลสาธารณะ", h1=True)
                               + "รายการข้อมูลที่หน่วยงานต้องเปิดเผย เช่น ตามมาตรา ๙ แห่งพระราชบัญญัติ"
                               "ข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ หรือตามการประเมินคุณธรรมและ"
                               "ความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) แต่ละปี "
                               "พร้อมเอกสารในคลังที่ตรงกับแต่ละรายการ\n\n" + body)
    return pages
