"""Meeting pages: the meeting section of a minutes page and the meetings of a committee.

``meeting_section`` shows the ``meeting:`` data of one minutes document (chair, place, time,
people and the agenda table with each item's resolution); ``committee_section`` goes on the
issuer page of a committee and lists its meetings and a table of all their resolutions, newest
meeting first, each row linking to the agenda item on the minutes page (``#agenda-3``).
Only what the front matter holds is shown; empty fields are left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .meeting import LABELS, AgendaItem, Meeting
from .model import Document
from .render import Site, _row, doc_src, esc, issuer_src, sort_documents, thai_count, thai_date
from .thai import to_thai_digits

_RESOLUTION_CLASS = {
    "เห็นชอบ": "approve", "อนุมัติ": "approve", "รับทราบ": "note", "มอบหมาย": "assign",
    "ไม่เห็นชอบ": "reject", "อื่น ๆ": "other",
}


def resolution_badge(resolution: str) -> str:
    if not resolution:
        return '<span class="sarabun-empty">ไม่ระบุ</span>'
    cls = _RESOLUTION_CLASS.get(resolution, "other")
    return (f'<span class="sarabun-resolution sarabun-resolution--{cls}">'
            f"{esc(resolution)}</span>")


def _people(names: Iterable[str]) -> str:
    return "<ol>" + "".join(f"<li>{esc(n)}</li>" for n in names) + "</ol>"


def _time(meeting: Meeting) -> str:
    if meeting.start_time and meeting.end_time:
        return f"{meeting.start_time} – {meeting.end_time}"
    if meeting.start_time:
        return f"เริ่ม {meeting.start_time}"
    return f"เลิก {meeting.end_time}" if meeting.end_time else ""


def _actions(item: AgendaItem) -> str:
    parts = []
    for a in item.actions:
        owner = (f' <span class="sarabun-meeting__owner">(ผู้รับผิดชอบ: {esc(a.owner)})</span>'
                 if a.owner else "")
        parts.append(f"<li>{esc(a.action)}{owner}</li>")
    return f"<ul>{''.join(parts)}</ul>" if parts else ""


def agenda_table(meeting: Meeting) -> str:
    has_title = any(i.title for i in meeting.agenda)
    has_actions = any(i.actions for i in meeting.agenda)
    head = ['<th scope="col">วาระ</th>']
    if has_title:
        head.append('<th scope="col">เรื่อง</th>')
    head += ['<th scope="col">มติ</th>', '<th scope="col">ข้อความมติ</th>']
    if has_actions:
        head.append('<th scope="col">การดำเนินการ</th>')
    rows = []
    for item in meeting.agenda:
        cells = [f'<th scope="row">{esc(item.number)}</th>']
        if has_title:
            cells.append(f"<td>{esc(item.title)}</td>")
        cells += [f"<td>{resolution_badge(item.resolution)}</td>",
                  f"<td>{esc(item.resolution_text)}</td>"]
        if has_actions:
            cells.append(f"<td>{_actions(item)}</td>")
        rows.append(f'<tr id="{esc(item.anchor)}">{"".join(cells)}</tr>')
    # no class on <table>: the theme styles and scroll-wraps only plain tables
    return ('<div class="sarabun-agenda">\n<table>\n<caption>ระเบียบวาระและมติที่ประชุม</caption>\n'
            f"<thead><tr>{''.join(head)}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</div>\n")


def meeting_section(site: Site, doc: Document) -> str:
    """The meeting section of a minutes page; empty for documents without ``meeting:``."""
    meeting = doc.meeting
    if meeting is None:
        return ""
    src = doc_src(doc)
    rows = [_row("คณะกรรมการ", site.a(src, issuer_src(doc.issuer), site.issuer_name(doc.issuer)))]
    if doc.number:
        rows.append(_row("ครั้งที่", esc(to_thai_digits(doc.number))))
    if doc.date:
        rows.append(_row("วันที่ประชุม", esc(doc.date.thai())))
    if meeting.start_time or meeting.end_time:
        rows.append(_row("เวลา", esc(_time(meeting))))
    for key in ("place", "chair", "recorder"):
        value = getattr(meeting, key)
        if value:
            rows.append(_row(LABELS[key], esc(value)))
    for key in ("attendees", "absentees", "others_present"):
        names = getattr(meeting, key)
        if names:
            rows.append(_row(f"{LABELS[key]} ({thai_count(len(names), 'คน')})", _people(names)))
    out = ["## การประชุม {#meeting}\n\n",
           '<div class="sarabun-meeting">\n<dl class="sarabun-meta" aria-label="ข้อมูลการประชุม">\n'
           + "\n".join(rows) + "\n</dl>\n"]
    if meeting.agenda:
        out.append(agenda_table(meeting))
    out.append("</div>\n\n")
    return "".join(out)


def committee_meetings(site: Site, org_id: str) -> list[Document]:
    """The minutes with meeting data that ``org_id`` issued, newest first."""
    return sort_documents(d for d in site.corpus.documents
                          if d.issuer == org_id and d.meeting is not None)


def _meeting_label(doc: Document) -> str:
    return f"ครั้งที่ {to_thai_digits(doc.number)}" if doc.number else doc.title


def committee_section(site: Site, src: str, org_id: str) -> str:
    """Meetings and all resolutions of a committee, for its issuer page (empty if none)."""
    docs = committee_meetings(site, org_id)
    if not docs:
        return ""
    meeting_rows: list[str] = []
    resolution_rows: list[str] = []
    total = 0
    for doc in docs:
        meeting = doc.meeting
        assert meeting is not None
        href = site.link(src, doc_src(doc))
        meeting_rows.append(
            f'<tr><th scope="row"><a href="{href}">{esc(_meeting_label(doc))}</a></th>'
            f"<td>{esc(thai_date(doc) or 'ไม่ระบุวันที่')}</td><td>{esc(meeting.chair)}</td>"
            f"<td>{esc(thai_count(len(meeting.agenda), 'วาระ'))}</td></tr>")
        for item in meeting.agenda:
            total += 1
            resolution_rows.append(
                f'<tr><th scope="row"><a href="{href}#{esc(item.anchor)}">'
                f"{esc(_meeting_label(doc))} วาระที่ {esc(item.number)}</a></th>"
                f"<td>{esc(thai_date(doc))}</td><td>{resolution_badge(item.resolution)}</td>"
                f"<td>{esc(item.resolution_text or item.title)}</td></tr>")
    return (
        f"\n## การประชุม ({esc(thai_count(len(docs), 'ครั้ง'))}) {{#meetings}}\n\n"
        '<div class="sarabun-meetings">\n<table>\n<thead><tr><th scope="col">การประชุม</th>'
        '<th scope="col">วันที่</th><th scope="col">ประธาน</th><th scope="col">วาระ</th>'
        "</tr></thead>\n<tbody>\n" + "\n".join(meeting_rows) + "\n</tbody>\n</table>\n</div>\n\n"
        f"## มติที่ประชุม ({esc(thai_count(total, 'มติ'))}) {{#resolutions}}\n\n"
        '<p><input type="search" hidden data-sarabun-filter="sarabun-resolutions" '
        'class="sarabun-filter" aria-label="กรองมติที่ประชุม" placeholder="กรองมติ เช่น รับทราบ"></p>\n'
        '<div class="sarabun-resolutions">\n<table id="sarabun-resolutions">\n<thead><tr>'
        '<th scope="col">การประชุมและวาระ</th>'
        '<th scope="col">วันที่</th><th scope="col">มติ</th><th scope="col">ข้อความมติ</th>'
        "</tr></thead>\n<tbody>\n" + "\n".join(resolution_rows) + "\n</tbody>\n</table>\n</div>\n"
    )
