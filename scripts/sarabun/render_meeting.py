"""Meeting pages: the meeting section of a minutes page and the meetings of a committee.

``meeting_section`` shows the ``meeting:`` data of one minutes document (chair, place, time,
people and the agenda table with each item's resolution); ``committee_section`` goes on the
issuer page of a committee and lists its meetings and a table of all their resolutions, newest
meeting first, each row linking to the agenda item on the minutes page (``#agenda-3``).
Follow-ups are shown both ways: an item with ``follows_up`` links back to the earlier item it
reports on, and that earlier item links forward to every later item reporting on it.
Only what the front matter holds is shown; empty fields are left out rather than guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from .meeting import LABELS, AgendaItem, Meeting, item_key
from .model import Document
from .province_items import ProvinceEntry
from .render import (
    Site,
    _row,
    doc_src,
    esc,
    issuer_src,
    province_src,
    sort_documents,
    thai_count,
    thai_date,
)
from .thai import to_thai_digits

_RESOLUTION_CLASS = {
    "เห็นชอบ": "approve", "อนุมัติ": "approve", "รับทราบ": "note", "มอบหมาย": "assign",
    "ไม่เห็นชอบ": "reject", "อื่น ๆ": "other",
}


#: ``(earlier minutes id, item key)`` -> the later (minutes, agenda item) pairs reporting on it
FollowUpIndex = dict[tuple[str, str], list[tuple[Document, AgendaItem]]]


def reports_on(site: Site) -> FollowUpIndex:
    """Every ``follows_up`` of the corpus turned round, built once per site, oldest report first."""
    if site.follow_ups is None:
        index: FollowUpIndex = defaultdict(list)
        for doc in reversed(sort_documents(d for d in site.corpus.documents if d.meeting)):
            assert doc.meeting is not None
            for item in doc.meeting.agenda:
                for ref in item.follows_up:
                    index[(ref.doc_id, item_key(ref.item))].append((doc, item))
        site.follow_ups = dict(index)
    return site.follow_ups


def item_label(doc: Document, number: str, same_committee: bool = True) -> str:
    """``ครั้งที่ ๑/๒๕๖๔ วาระที่ ๕``; a meeting of another committee is named by its title."""
    meeting = (f"ครั้งที่ {to_thai_digits(doc.number)}" if doc.number else doc.title)
    if not same_committee and doc.number:
        meeting = f"{doc.title} ({to_thai_digits(doc.number)})"
    return f"{meeting} วาระที่ {to_thai_digits(number)}"


def follow_up_links(site: Site, src: str, doc: Document, item: AgendaItem) -> str:
    """The back link (ติดตามผลจาก) and forward links (รายงานผลใน) of one agenda item."""
    parts = []
    for ref in item.follows_up:
        target = site.by_id.get(ref.doc_id)
        if target is None:  # N005 reports it; keep the reference visible
            parts.append(f"<li>ติดตามผลจาก <code>{esc(str(ref))}</code></li>")
            continue
        target_item = next((i for i in (target.meeting.agenda if target.meeting else ())
                            if item_key(i.number) == item_key(ref.item)), None)
        anchor = target_item.anchor if target_item else ""
        href = site.link(src, doc_src(target)) + (f"#{esc(anchor)}" if anchor else "")
        label = item_label(target, ref.item, target.issuer == doc.issuer)
        parts.append(f'<li>ติดตามผลจาก <a href="{href}">{esc(label)}</a></li>')
    for later, later_item in reports_on(site).get((str(doc.id), item_key(item.number)), []):
        href = f"{site.link(src, doc_src(later))}#{esc(later_item.anchor)}"
        label = item_label(later, later_item.number, later.issuer == doc.issuer)
        parts.append(f'<li>รายงานผลใน <a href="{href}">{esc(label)}</a></li>')
    return f'<ul class="sarabun-followups">{"".join(parts)}</ul>' if parts else ""


def td(label: str, html: str) -> str:
    """A cell that names its column, so that narrow screens can show rows as stacked cards."""
    return f'<td data-label="{esc(label)}">{html}</td>'


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


def item_provinces(site: Site, src: str, item: AgendaItem) -> str:
    """The provinces an agenda item names, folded (a pilot list can be 22 long), as links."""
    if not item.provinces:
        return ""
    links = []
    for pid in item.provinces:
        prov = site.corpus.registry.provinces.get(pid)
        links.append(site.a(src, province_src(pid), prov.name_th if prov else pid))
    return (f'<details class="sarabun-item-provinces"><summary>จังหวัดที่เกี่ยวข้อง '
            f"({esc(thai_count(len(links), 'จังหวัด'))})</summary>"
            f"<p>{' '.join(links)}</p></details>")


def agenda_table(meeting: Meeting, follow_ups: dict[str, str] | None = None,
                 provinces: dict[str, str] | None = None) -> str:
    """The agenda with resolutions; ``follow_ups`` and ``provinces`` map an item's anchor to its
    follow-up links and its province links."""
    follow_ups = follow_ups or {}
    provinces = provinces or {}
    has_title = any(i.title for i in meeting.agenda)
    has_actions = any(i.actions for i in meeting.agenda)
    has_follow_ups = any(follow_ups.values())
    head = ['<th scope="col">วาระ</th>']
    if has_title:
        head.append('<th scope="col">เรื่อง</th>')
    head += ['<th scope="col">มติ</th>', '<th scope="col">ข้อความมติ</th>']
    if has_actions:
        head.append('<th scope="col">การดำเนินการ</th>')
    if has_follow_ups:
        head.append('<th scope="col">การติดตามผล</th>')
    rows = []
    for item in meeting.agenda:
        cells = [f'<th scope="row" data-label="วาระที่">{esc(to_thai_digits(item.number))}</th>']
        if has_title:
            cells.append(td("เรื่อง", esc(item.title)))
        cells += [td("มติ", resolution_badge(item.resolution)),
                  td("ข้อความมติ", esc(item.resolution_text) + provinces.get(item.anchor, ""))]
        if has_actions:
            cells.append(td("การดำเนินการ", _actions(item)))
        if has_follow_ups:
            cells.append(td("การติดตามผล", follow_ups.get(item.anchor, "")))
        rows.append(f'<tr id="{esc(item.anchor)}">{"".join(cells)}</tr>')
    # no class on <table>: the theme styles and scroll-wraps only plain tables
    return ('<div class="sarabun-agenda sarabun-stack">\n<table>\n'
            "<caption>ระเบียบวาระและมติที่ประชุม</caption>\n"
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
        out.append(agenda_table(
            meeting, {i.anchor: follow_up_links(site, src, doc, i) for i in meeting.agenda},
            {i.anchor: item_provinces(site, src, i) for i in meeting.agenda}))
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
    has_follow_ups = any(follow_up_links(site, src, d, i) for d in docs
                         for i in (d.meeting.agenda if d.meeting else ()))
    for doc in docs:
        meeting = doc.meeting
        assert meeting is not None
        href = site.link(src, doc_src(doc))
        meeting_rows.append(
            f'<tr><th scope="row"><a href="{href}">{esc(_meeting_label(doc))}</a></th>'
            + td("วันที่", esc(thai_date(doc) or "ไม่ระบุวันที่")) + td("ประธาน", esc(meeting.chair))
            + td("วาระ", esc(thai_count(len(meeting.agenda), "วาระ"))) + "</tr>")
        for item in meeting.agenda:
            total += 1
            resolution_rows.append(
                f'<tr><th scope="row"><a href="{href}#{esc(item.anchor)}">'
                f"{esc(_meeting_label(doc))} วาระที่ {esc(to_thai_digits(item.number))}</a></th>"
                + td("วันที่", esc(thai_date(doc))) + td("มติ", resolution_badge(item.resolution))
                + td("ข้อความมติ", esc(item.resolution_text or item.title))
                + (td("การติดตามผล", follow_up_links(site, src, doc, item))
                   if has_follow_ups else "")
                + "</tr>")
    return (
        f"\n## การประชุม ({esc(thai_count(len(docs), 'ครั้ง'))}) {{#meetings}}\n\n"
        '<div class="sarabun-meetings sarabun-stack">\n<table>\n<thead><tr>'
        '<th scope="col">การประชุม</th>'
        '<th scope="col">วันที่</th><th scope="col">ประธาน</th><th scope="col">วาระ</th>'
        "</tr></thead>\n<tbody>\n" + "\n".join(meeting_rows) + "\n</tbody>\n</table>\n</div>\n\n"
        f"## มติที่ประชุม ({esc(thai_count(total, 'มติ'))}) {{#resolutions}}\n\n"
        '<p><input type="search" hidden data-sarabun-filter="sarabun-resolutions" '
        'class="sarabun-filter" aria-label="กรองมติที่ประชุม" placeholder="กรองมติ เช่น รับทราบ"></p>\n'
        '<div class="sarabun-resolutions sarabun-stack">\n'
        '<table id="sarabun-resolutions">\n<thead><tr>'
        '<th scope="col">การประชุมและวาระ</th>'
        '<th scope="col">วันที่</th><th scope="col">มติ</th><th scope="col">ข้อความมติ</th>'
        + ('<th scope="col">การติดตามผล</th>' if has_follow_ups else "")
        + "</tr></thead>\n<tbody>\n" + "\n".join(resolution_rows) + "\n</tbody>\n</table>\n</div>\n"
    )


def meeting_province_entries(site: Site) -> Iterator[ProvinceEntry]:
    """Agenda items naming a province, with their resolution, on the minutes' entry of its page."""
    for doc in site.corpus.documents:
        if doc.meeting is None:
            continue
        src = doc_src(doc)
        for item in doc.meeting.agenda:
            if not item.provinces:
                continue
            for pid in item.provinces:
                href = f"{site.link(province_src(pid), src)}#{esc(item.anchor)}"
                detail = (f'<p><a href="{href}">วาระที่ {esc(to_thai_digits(item.number))}</a> '
                          f"มติ {resolution_badge(item.resolution)} "
                          f"{esc(item.resolution_text or item.title)}</p>")
                yield ProvinceEntry(pid, doc.type.code, src, doc.title, doc=doc,
                                    details=(detail,))
