"""Supervision pages: the provinces and office systems of a supervision report, as tables.

``supervision_section`` goes on the report's page, before its text: one table of the supervised
provinces (region from the registry, whether the visit was made or is scheduled, and the
findings quoted from the report) and one of the provincial-office systems the report studied,
with the provinces whose findings concern each. ``supervision_province_entries`` puts each
province's findings on its province page (``province_items``).
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Document
from .province_items import ProvinceEntry
from .render import Site, doc_src, esc, province_src
from .render_meeting import td
from .supervision import STATUSES, TOPICS, SupervisedProvince


def _province_name(site: Site, pid: str) -> str:
    prov = site.corpus.registry.provinces.get(pid)
    return prov.name_th if prov else pid


def visit_label(prov: SupervisedProvince) -> str:
    label = STATUSES[prov.status]
    return f"{label} ({prov.scheduled.thai()})" if prov.scheduled else label


def _findings(prov: SupervisedProvince) -> str:
    if not prov.findings:
        return '<span class="sarabun-empty">รายงานไม่ได้ระบุสิ่งที่พบ</span>'
    items = []
    for f in prov.findings:
        topic = (f'<span class="sarabun-topic">{esc(TOPICS[f.topic])}</span> '
                 if f.topic else "")
        items.append(f"<li>{topic}{esc(f.text)}</li>")
    return f'<ul class="sarabun-findings">{"".join(items)}</ul>'


def supervision_section(site: Site, doc: Document) -> str:
    """The provinces and systems tables of a report; empty without ``supervision:``."""
    sup = doc.supervision
    if sup is None:
        return ""
    src = doc_src(doc)
    reg = site.corpus.registry
    out = []
    if sup.provinces:
        rows = []
        for prov in sup.provinces:
            p = reg.provinces.get(prov.province)
            region = reg.regions.get(p.region) if p else None
            name = site.a(src, province_src(prov.province),
                          f"จังหวัด{_province_name(site, prov.province)}")
            rows.append(f'<tr id="province-{esc(prov.province)}"><th scope="row">{name}</th>'
                        + td("ภาค", esc(region.name_th if region else ""))
                        + td("การติดตามผล", esc(visit_label(prov)))
                        + td("สิ่งที่พบ", _findings(prov)) + "</tr>")
        out.append(
            "## จังหวัดที่นิเทศและติดตามผล {#supervised-provinces}\n\n"
            '<div class="sarabun-supervision sarabun-stack">\n<table>\n'
            "<caption>จังหวัด การติดตามผล และสิ่งที่พบตามรายงาน</caption>\n"
            '<thead><tr><th scope="col">จังหวัด</th><th scope="col">ภาค</th>'
            '<th scope="col">การติดตามผล</th><th scope="col">สิ่งที่พบ</th></tr></thead>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n")
    if sup.systems:
        rows = []
        for system in sup.systems:
            where = [
                f'<a href="#province-{esc(p.province)}">'
                f"{esc(_province_name(site, p.province))}</a>"
                for p in sup.provinces if system in sup.systems_in(p.province)]
            cell = (", ".join(where) if where
                    else '<span class="sarabun-empty">รายงานไม่ได้ระบุจังหวัด</span>')
            rows.append(f'<tr><th scope="row">{esc(system)}</th>{td("จังหวัดที่พบ", cell)}</tr>')
        out.append(
            "## ระบบงานของสำนักงานจังหวัดที่ศึกษา {#office-systems}\n\n"
            '<div class="sarabun-supervision sarabun-stack">\n<table>\n'
            "<caption>ระบบงานตามรายงาน และจังหวัดที่รายงานกล่าวถึงในสิ่งที่พบ</caption>\n"
            '<thead><tr><th scope="col">ระบบงาน</th><th scope="col">จังหวัดที่พบ</th></tr>'
            "</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n")
    return "".join(out)


def supervision_province_entries(site: Site) -> Iterator[ProvinceEntry]:
    """Each supervised province's visit and findings, on the report's entry of its page."""
    for doc in site.corpus.documents:
        if doc.supervision is None:
            continue
        for prov in doc.supervision.provinces:
            details = [f'<p><span class="sarabun-topic">การติดตามผล</span> '
                       f"{esc(visit_label(prov))}</p>"]
            if prov.findings:
                details.append(_findings(prov))
            yield ProvinceEntry(prov.province, doc.type.code, doc_src(doc), doc.title,
                                doc=doc, details=tuple(details))
