"""Plan pages: the plan section of a plan or report page, and the index of all plans.

``plan_section`` shows the ``plan:`` data of one document: its strategic issues with their
projects, then each project that has data (KPIs, budget, progress records, award tables), the
budget of the whole plan, and its KPI scorecards. Every chart (``svgchart``) has a data table
beside it with the same numbers, so nothing is shown only as a picture. ``plans_page``
(``browse/plans.md``) lists every document with plan data and all their projects.
Only what the front matter holds is shown; values are printed as the source writes them, and a
field the source does not give reads "ไม่ระบุ" rather than a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Document
from .plan import BudgetLine, Issue, Kpi, Number, Plan, Progress, Project, Scorecard
from .province_items import ProvinceEntry
from .render import (
    Site,
    _row,
    doc_src,
    esc,
    front_matter,
    issuer_src,
    md_text,
    province_src,
    sort_documents,
    thai_count,
)
from .svgchart import Row, Series, bar_chart
from .thai import to_thai_digits

PLANS_PAGE = "browse/plans.md"
_EMPTY = '<span class="sarabun-empty">ไม่ระบุ</span>'
_KPI_SERIES = (Series("เป้าหมาย", "hatch"), Series("ผล", "solid"))
_BUDGET_SERIES = (Series("งบที่ขอ", "outline"), Series("งบที่ได้รับจัดสรร", "hatch"),
                  Series("เบิกจ่าย", "solid"))


# --- small pieces -------------------------------------------------------------------------

def _num(n: Number | None) -> str:
    return esc(n.text) if n is not None else _EMPTY


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}%"


def _text(value: str) -> str:
    return esc(value) if value else _EMPTY


def _table(caption: str, head: Iterable[str], rows: Iterable[str], cls: str) -> str:
    # no class on <table>: the theme styles and scroll-wraps only plain tables
    ths = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    return (f'<div class="sarabun-plan-table {cls}">\n<table>\n<caption>{esc(caption)}</caption>\n'
            f"<thead><tr>{ths}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</div>\n")


def _figure(svg: str, table: str) -> str:
    """A chart with its data table beside it (below it on a phone)."""
    return (f'<div class="sarabun-chart">\n<div class="sarabun-chart__figure">{svg}</div>\n'
            f"{table}</div>\n")


class _Links:
    """Links to the pages that exist: issuers and provinces that have a page on this site."""

    def __init__(self, site: Site, src: str) -> None:
        self.site, self.src = site, src
        self.issuers = {d.issuer for d in site.corpus.documents}
        self._provinces: set[str] | None = None

    @property
    def provinces(self) -> set[str]:
        """Provinces with a page: those with any entry (``province_items``), found once."""
        if self._provinces is None:
            from .province_items import province_entries

            self._provinces = set(province_entries(self.site))
        return self._provinces

    def agency(self, agency: str) -> str:
        if not agency:
            return _EMPTY
        orgs = self.site.corpus.registry.organizations
        org = orgs.get(agency)
        if org is None:
            return esc(agency)
        # the short name (สำนักงาน ก.พ.ร.) in tables; the full name is one hover away
        if agency in self.issuers:
            return (f'<a href="{self.site.link(self.src, issuer_src(agency))}" '
                    f'title="{esc(org.name_th)}">{esc(org.short)}</a>')
        return f'<span title="{esc(org.name_th)}">{esc(org.short)}</span>'

    def province(self, pid: str) -> str:
        prov = self.site.corpus.registry.provinces.get(pid)
        name = prov.name_th if prov else pid
        if pid in self.provinces:
            return self.site.a(self.src, province_src(pid), name)
        return esc(name)


def _has_details(project: Project) -> bool:
    return bool(project.kpis or project.budget or project.progress or project.awards
                or project.provinces)


def issue_label(issue: Issue) -> str:
    return f"ประเด็นยุทธศาสตร์ที่ {issue.number}" if issue.number else "ประเด็นยุทธศาสตร์"


# --- KPIs ---------------------------------------------------------------------------------

def kpi_chart(chart_id: str, title: str, kpis: Iterable[Kpi]) -> str:
    """Target vs actual of the KPIs that give both; empty when none does."""
    both = [k for k in kpis if k.target is not None and k.actual is not None]
    if not both:
        return ""
    rows, said = [], []
    for k in both:
        assert k.target is not None and k.actual is not None
        label = f"{k.number}. {k.name}" if k.number else k.name
        unit = f" {k.unit}" if k.unit else ""
        rows.append(Row(label, (k.target.float, k.actual.float),
                        (k.target.text + unit, k.actual.text + unit)))
        said.append(f"{label}: เป้าหมาย {k.target.text}{unit} ผล {k.actual.text}{unit}")
    desc = ("แผนภูมิแท่งเทียบเป้าหมาย (แท่งลายเส้น) กับผล (แท่งทึบ) ของแต่ละตัวชี้วัด "
            "แต่ละตัวชี้วัดใช้มาตราส่วนของตัวเอง: " + "; ".join(said))
    return bar_chart(chart_id, title, desc, _KPI_SERIES, rows, shared_scale=False)


def kpi_table(caption: str, kpis: Iterable[Kpi], numbered: bool = False) -> str:
    kpis = list(kpis)
    ratios = any(k.achievement is not None for k in kpis)
    has_issue = any(k.issue for k in kpis)
    # a column that would say ไม่ระบุ on every row is said once, in the caption
    has_target = any(k.target is not None for k in kpis)
    if not has_target:
        caption += " (ต้นฉบับไม่ระบุเป้าหมาย)"
    head = ["ข้อที่"] if numbered else []
    head += ["ประเด็น"] if has_issue else []
    head += ["ตัวชี้วัด", *(["เป้าหมาย"] if has_target else []), "ผล", "หน่วย", "ช่วงเวลา"]
    head += ["ผลเทียบเป้าหมาย"] if ratios else []
    rows = []
    for k in kpis:
        cells = [f'<td>{esc(k.number)}</td>'] if numbered else []
        cells += [f"<td>{esc(k.issue)}</td>"] if has_issue else []
        cells += [f'<th scope="row">{esc(k.name)}</th>']
        cells += [f"<td>{_num(k.target)}</td>"] if has_target else []
        cells += [f"<td>{_num(k.actual)}</td>", f"<td>{_text(k.unit)}</td>",
                  f"<td>{_text(k.period)}</td>"]
        if ratios:
            cells.append(f"<td>{esc(_pct(k.achievement)) or _EMPTY}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(caption, head, rows, "sarabun-plan-table--kpi")


def kpi_block(chart_id: str, caption: str, kpis: tuple[Kpi, ...], numbered: bool = False,
              subject: str = "") -> str:
    """The KPI table, with the target-vs-actual chart above it when some KPI gives both."""
    table = kpi_table(caption, kpis, numbered)
    chart = kpi_chart(chart_id, f"แผนภูมิเป้าหมายเทียบกับผล: {subject or caption}", kpis)
    return _figure(chart, table) if chart else table


# --- budget -------------------------------------------------------------------------------

def budget_chart(chart_id: str, title: str, lines: list[tuple[str, BudgetLine]]) -> str:
    """Requested, allocated and disbursed on one scale (all lines share ``unit``)."""
    used = [i for i, key in enumerate(("requested", "allocated", "disbursed"))
            if any(getattr(b, key) is not None for _, b in lines)]
    series = [_BUDGET_SERIES[i] for i in used]
    rows, said = [], []
    for label, b in lines:
        numbers = [(b.requested, b.allocated, b.disbursed)[i] for i in used]
        unit = f" {b.unit}" if b.unit else ""
        rows.append(Row(label, tuple(n.float if n else None for n in numbers),
                        tuple(n.text + unit if n else "" for n in numbers)))
        said.append(f"{label}: " + " ".join(f"{s.label} {n.text}{unit}" for s, n
                                           in zip(series, numbers, strict=True) if n))
    desc = ("แผนภูมิแท่งเทียบงบที่ขอ (แท่งเส้นประ) งบที่ได้รับจัดสรร (แท่งลายเส้น) และการเบิกจ่าย "
            "(แท่งทึบ) บนมาตราส่วนเดียวกัน: " + "; ".join(said))
    return bar_chart(chart_id, title, desc, series, rows, shared_scale=True)


def budget_table(caption: str, lines: list[tuple[str, BudgetLine]], first: str) -> str:
    rates = any(b.disbursement_rate is not None for _, b in lines)
    head = [first, "งบที่ขอ", "งบที่ได้รับจัดสรร", "เบิกจ่าย", "หน่วย", "ปีงบประมาณ"]
    head += ["ร้อยละการเบิกจ่าย"] if rates else []
    rows = []
    for label, b in lines:
        cells = [f'<th scope="row">{label}</th>', f"<td>{_num(b.requested)}</td>",
                 f"<td>{_num(b.allocated)}</td>", f"<td>{_num(b.disbursed)}</td>",
                 f"<td>{_text(b.unit)}</td>", f"<td>{_text(b.period)}</td>"]
        if rates:
            cells.append(f"<td>{esc(_pct(b.disbursement_rate)) or _EMPTY}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(caption, head, rows, "sarabun-plan-table--budget")


def plan_budget(site: Site, doc: Document, plan: Plan) -> str:
    """The budget of all projects, one chart per unit (amounts in different units never share
    a scale), each with its table."""
    by_unit: dict[str, list[tuple[Project, BudgetLine]]] = {}
    for _, project in plan.projects():
        for line in project.budget:
            by_unit.setdefault(line.unit, []).append((project, line))
    if not by_unit:
        return ""
    out = ["### งบประมาณเทียบกับการเบิกจ่าย {#plan-budget}\n\n"]
    for n, (unit, items) in enumerate(by_unit.items(), start=1):
        caption = f"งบประมาณ{' (' + unit + ')' if unit else ''}"
        chart_lines = [(f"{p.title}{': ' + b.item if b.item else ''}", b) for p, b in items]
        table_lines = [(f'<a href="#{esc(p.anchor)}">{esc(p.title)}</a>'
                        + (f"<br>{esc(b.item)}" if b.item else ""), b) for p, b in items]
        out.append(_figure(budget_chart(f"chart-budget-{n}", f"แผนภูมิ{caption}", chart_lines),
                           budget_table(caption, table_lines, "โครงการ")))
        out.append("\n")
    return "".join(out)


# --- progress and awards ------------------------------------------------------------------

def progress_table(project: Project) -> str:
    records = project.progress
    has = {key: any(getattr(r, key) for r in records)
           for key in ("round", "percent", "disbursed", "text")}
    head = ["วันที่", "ฉบับที่"] + [label for key, label in (
        ("round", "รอบ"), ("percent", "ร้อยละความก้าวหน้า"), ("disbursed", "เบิกจ่ายสะสม"),
        ("text", "ผลการดำเนินงาน")) if has[key]]
    rows = []
    for r in records:
        version = to_thai_digits(str(r.version))
        if r.superseded:
            version += ' <span class="sarabun-plan__superseded">(มีฉบับแก้ไขแล้ว)</span>'
        cells = [f'<th scope="row">{esc(r.date.thai())}</th>', f"<td>{version}</td>"]
        if has["round"]:
            cells.append(f"<td>{_text(r.round)}</td>")
        if has["percent"]:
            cells.append(f"<td>{_num(r.percent)}</td>")
        if has["disbursed"]:
            unit = f" {esc(r.unit)}" if r.unit and r.disbursed else ""
            cells.append(f"<td>{_num(r.disbursed)}{unit}</td>")
        if has["text"]:
            cells.append(f"<td>{_text(r.text)}</td>")
        cls = ' class="sarabun-plan__old"' if r.superseded else ""
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return _table("รายงานความก้าวหน้า (เรียงจากเก่าไปใหม่)", head, rows,
                  "sarabun-plan-table--progress")


def progress_chart(chart_id: str, project: Project) -> str:
    """Per cent complete at each progress report (current versions only), on a 0-100 scale;
    empty when no report gives a percentage."""
    records = [r for r in project.progress if r.percent is not None and not r.superseded]
    if not records:
        return ""
    rows = []
    for r in records:
        assert r.percent is not None
        label = r.date.thai() + (f" ({r.round})" if r.round else "")
        text = r.percent.text if r.percent.percent else f"{r.percent.text}%"
        rows.append(Row(label, (r.percent.float,), (text,)))
    desc = ("แผนภูมิแท่งร้อยละความก้าวหน้าของโครงการตามวันที่รายงาน จากเก่าไปใหม่ "
            "แท่งเต็มความกว้างคือร้อยละ 100: "
            + "; ".join(f"{row.label}: {row.texts[0]}" for row in rows))
    return bar_chart(chart_id, f"แผนภูมิความก้าวหน้าของโครงการ {project.title}", desc,
                     (Series("ความก้าวหน้า", "solid"),), rows, scale_max=100.0)


def latest_progress(project: Project) -> Progress | None:
    current = [r for r in project.progress if not r.superseded]
    return current[-1] if current else None


def award_tables(links: _Links, project: Project) -> str:
    out = []
    for table in project.awards:
        has_province = any(e.province for g in table.groups for e in g.entries)
        head = ["กระบวนงาน", "หน่วยงาน"] + (["จังหวัด"] if has_province else [])
        rows = []
        for group in table.groups:
            name = " · ".join(x for x in (group.award, group.scope) if x)
            if name:
                rows.append(f'<tr class="sarabun-plan__group"><th colspan="{len(head)}" '
                            f'scope="colgroup">{esc(name)} '
                            '<span class="sarabun-count">'
                            f'({thai_count(len(group.entries), "รายการ")})</span></th></tr>')
            for e in group.entries:
                cells = [f'<th scope="row">{esc(e.process)}</th>', f"<td>{_text(e.agency)}</td>"]
                if has_province:
                    cells.append(f"<td>{links.province(e.province) if e.province else ''}</td>")
                rows.append(f"<tr>{''.join(cells)}</tr>")
        caption = f"{table.title or 'รางวัล'} ({thai_count(table.count, 'รายการ')})"
        out.append(_table(caption, head, rows, "sarabun-plan-table--awards"))
    return "\n".join(out)


# --- the sections -------------------------------------------------------------------------

def issues_section(links: _Links, plan: Plan) -> str:
    out = ["### ประเด็นยุทธศาสตร์และโครงการ {#plan-issues}\n\n"]
    for issue in plan.issues:
        out.append(f"#### {md_text(issue_label(issue))} {md_text(issue.title)} "
                   f"{{#{issue.anchor}}}\n\n")
        if not issue.projects:
            out.append('<p class="sarabun-empty">ต้นฉบับไม่ได้ระบุโครงการ</p>\n\n')
            continue
        rows, group = [], ""
        for p in issue.projects:
            if p.group != group:
                group = p.group
                if group:
                    rows.append(f'<tr class="sarabun-plan__group"><th colspan="3" '
                                f'scope="colgroup">{esc(group)}</th></tr>')
            title = (f'<a href="#{esc(p.anchor)}">{esc(p.title)}</a>' if _has_details(p)
                     else esc(p.title))
            facts = []
            if p.kpis:
                facts.append(thai_count(len(p.kpis), "ตัวชี้วัด"))
            if p.budget:
                facts.append("งบประมาณ")
            if p.progress:
                facts.append(f"ความก้าวหน้า {thai_count(len(p.progress), 'รายการ')}")
            if p.awards:
                facts.append(f"รางวัล {thai_count(sum(t.count for t in p.awards), 'รายการ')}")
            # a project without details is linked to its row here (plans page, scorecards)
            row_id = f"{p.anchor}-row" if _has_details(p) else p.anchor
            rows.append(f'<tr id="{esc(row_id)}"><th scope="row">{title}</th>'
                        f"<td>{links.agency(p.agency)}</td>"
                        f"<td>{esc(' · '.join(facts)) or _EMPTY}</td></tr>")
        count = thai_count(len(issue.projects), "โครงการ")
        out.append(_table(f"โครงการของ{issue_label(issue)} ({count})",
                          ["โครงการ", "หน่วยงานรับผิดชอบ", "ข้อมูลที่มี"], rows,
                          "sarabun-plan-table--projects"))
        out.append("\n")
    return "".join(out)


def project_section(links: _Links, issue: Issue, project: Project) -> str:
    out = [f"#### {md_text(project.title)} {{#{project.anchor}}}\n\n"]
    facts = [_row("ประเด็นยุทธศาสตร์", f'<a href="#{esc(issue.anchor)}">'
                  f"{esc(issue_label(issue))}</a> {esc(issue.title)}")]
    if project.group:
        facts.append(_row("กลุ่มงาน", esc(project.group)))
    facts.append(_row("หน่วยงานรับผิดชอบ", links.agency(project.agency)))
    if project.provinces:
        facts.append(_row("จังหวัด", ", ".join(links.province(p) for p in project.provinces)))
    out.append('<dl class="sarabun-plan-facts">\n' + "\n".join(facts) + "\n</dl>\n\n")
    if project.kpis:
        # short captions: the heading above names the project, and a long caption would be
        # cut off on a phone where the table scrolls sideways
        out.append(kpi_block(f"chart-kpi-{project.key}", "ตัวชี้วัดของโครงการ", project.kpis,
                             subject=f"ตัวชี้วัดของโครงการ {project.title}"))
        out.append("\n")
    if project.budget:
        lines = [(esc(b.item) or _EMPTY, b) for b in project.budget]
        out.append(budget_table("งบประมาณของโครงการ", lines, "รายการ") + "\n")
    if project.progress:
        chart = progress_chart(f"chart-progress-{project.key}", project)
        table = progress_table(project)
        out.append((_figure(chart, table) if chart else table) + "\n")
    if project.awards:
        out.append(award_tables(links, project) + "\n")
    return "".join(out)


def scorecard_section(site: Site, n: int, card: Scorecard, plan: Plan) -> str:
    out = [f"### {md_text(card.title)} {{#scorecard-{n}}}\n\n"]
    project = plan.project(card.project) if card.project else None
    if project is not None:
        out.append(f'<p>ตารางตัวชี้วัดของโครงการ <a href="#{esc(project.anchor)}">'
                   f"{esc(project.title)}</a></p>\n\n")
    out.append(kpi_block(f"chart-scorecard-{n}", card.title, card.kpis,
                         numbered=any(k.number for k in card.kpis)))
    if card.note:
        out.append(f'\n<p class="sarabun-plan__note"><strong>หมายเหตุของผู้จัดทำ:</strong> '
                   f"{esc(card.note)}</p>\n")
    return "".join(out) + "\n"


def plan_section(site: Site, doc: Document) -> str:
    """The plan section of a plan or report page; empty for documents without ``plan:``."""
    plan = doc.plan
    if plan is None:
        return ""
    links = _Links(site, doc_src(doc))
    projects = list(plan.projects())
    kpis = sum(len(p.kpis) for _, p in projects) + sum(len(c.kpis) for c in plan.scorecards)
    facts = []
    if plan.period:
        facts.append(_row("ช่วงเวลา", esc(plan.period)))
    facts += [_row("ประเด็นยุทธศาสตร์", esc(thai_count(len(plan.issues), "ประเด็น"))),
              _row("โครงการ", esc(thai_count(len(projects), "โครงการ"))),
              _row("ตัวชี้วัด", esc(thai_count(kpis, "ตัวชี้วัด")))]
    out = ["## แผนและผลการดำเนินงาน {#plan}\n\n",
           '<dl class="sarabun-plan-facts" aria-label="ข้อมูลแผน">\n' + "\n".join(facts)
           + "\n</dl>\n\n",
           issues_section(links, plan)]
    detailed = [(i, p) for i, p in projects if _has_details(p)]
    if detailed:
        out.append("### รายละเอียดโครงการ {#plan-projects}\n\n")
        out += [project_section(links, i, p) for i, p in detailed]
    out.append(plan_budget(site, doc, plan))
    for n, card in enumerate(plan.scorecards, start=1):
        out.append(scorecard_section(site, n, card, plan))
    return "".join(out)


# --- the index of plans -------------------------------------------------------------------

def plans_page(site: Site) -> str:
    """``browse/plans.md``: every document with plan data and all its projects."""
    src = PLANS_PAGE
    links = _Links(site, src)
    docs = sort_documents(d for d in site.corpus.documents if d.plan is not None)
    out = [front_matter("แผนและตัวชี้วัด", h1=True),
           "แผนและรายงานที่มีข้อมูลประเด็นยุทธศาสตร์ โครงการ ตัวชี้วัด งบประมาณ "
           "และความก้าวหน้าของโครงการ\n\n"]
    if not docs:
        out.append('<p class="sarabun-empty">ยังไม่มีแผนที่มีข้อมูลโครงการ</p>\n')
        return "".join(out)
    for doc in docs:
        plan = doc.plan
        assert plan is not None
        href = site.link(src, doc_src(doc))
        out.append(f"## {md_text(doc.title)} {{#{doc.id}}}\n\n")
        rows = []
        for issue, p in plan.projects():
            latest = latest_progress(p)
            rows.append(
                f'<tr><td>{esc(issue.number)}</td><th scope="row"><a href="{href}#{esc(p.anchor)}">'
                f"{esc(p.title)}</a></th><td>{links.agency(p.agency)}</td>"
                f"<td>{esc(thai_count(len(p.kpis), 'ตัวชี้วัด')) if p.kpis else _EMPTY}</td>"
                f"<td>{esc(latest.date.thai()) if latest else _EMPTY}</td></tr>")
        out.append(f'<p><a href="{href}#plan">ดูแผนภูมิและตารางของ{esc(doc.type.label)}ฉบับนี้</a> '
                   f"· {esc(thai_count(len(plan.issues), 'ประเด็นยุทธศาสตร์'))} "
                   f"· {esc(thai_count(len(rows), 'โครงการ'))}</p>\n\n")
        out.append(_table(f"โครงการ ({thai_count(len(rows), 'โครงการ')})",
                          ["ประเด็นที่", "โครงการ", "หน่วยงานรับผิดชอบ", "ตัวชี้วัด",
                           "รายงานความก้าวหน้าล่าสุด"], rows, "sarabun-plan-table--index"))
        out.append("\n")
    return "".join(out)


def plan_province_entries(site: Site) -> Iterator[ProvinceEntry]:
    """Projects naming a province (in ``provinces`` or an award row), for its province page,
    linking to the project on the plan page; award rows of the province are the details."""
    for doc in site.corpus.documents:
        if doc.plan is None:
            continue
        src = doc_src(doc)
        for issue, project in doc.plan.projects():
            where = f"{issue_label(issue)} {issue.title}"
            for pid in dict.fromkeys(project.provinces):
                yield ProvinceEntry(pid, "project", src, project.title, project.anchor, doc,
                                    (f"<p>{esc(where)}</p>",))
            for table in project.awards:
                for group in table.groups:
                    award = " · ".join(x for x in (table.title, group.award) if x)
                    for e in group.entries:
                        if e.province:
                            yield ProvinceEntry(
                                e.province, "project", src, project.title, project.anchor, doc,
                                (f"<p>{esc(award)}: {esc(e.process)}"
                                 + (f" ({esc(e.agency)})" if e.agency else "") + "</p>",))


def province_plan_projects(site: Site, pid: str) -> list[tuple[Document, Project]]:
    """The projects (with their document) that name province ``pid``: for province pages."""
    out = []
    for doc in sort_documents(d for d in site.corpus.documents if d.plan is not None):
        assert doc.plan is not None
        for _, project in doc.plan.projects():
            named = set(project.provinces) | {e.province for t in project.awards
                                              for g in t.groups for e in g.entries}
            if pid in named:
                out.append((doc, project))
    return out


# --- the staff reference ------------------------------------------------------------------

_PLAN_EXAMPLE = """\
```yaml
plan:
  period: 2548-2551
  issues:
    - number: "1"
      title: พัฒนาคุณภาพการให้บริการประชาชน
      projects:
        - key: service-counter          # รหัสโครงการ อังกฤษพิมพ์เล็ก ไม่ซ้ำในแผน
          title: ศูนย์บริการร่วม
          group: การบริการประชาชน        # หัวข้อย่อยที่ต้นฉบับจัดโครงการไว้ (ถ้ามี)
          agency: opdc                   # รหัสหน่วยงานในทะเบียน หรือชื่อหน่วยงานเป็นข้อความ
          provinces: [chiang-mai, lamphun]
          budget:
            - item: งบดำเนินงาน
              requested: "12,000,000"
              allocated: "๑๐,๐๐๐,๐๐๐"
              disbursed: "7,500,000"
              unit: บาท
              period: "2548"
          kpis:
            - name: ความพึงพอใจของผู้รับบริการ
              target: "80"
              actual: "96.56"
              unit: ร้อยละ
              period: ปีงบประมาณ 2548
          progress:                      # รายงานความก้าวหน้า เพิ่มต่อท้ายเสมอ
            - date: 2548-03-31
              round: รอบ 6 เดือน
              percent: "40"
              disbursed: "3,000,000"
              unit: บาท
              text: เปิดให้บริการแล้ว 2 แห่ง
            - date: 2548-03-31           # แก้รายงานวันเดิม: เพิ่มรายการใหม่ ใส่ version 2
              version: "2"
              round: รอบ 6 เดือน
              percent: "45"
  scorecards:
    - title: ตารางตัวชี้วัด
      project: service-counter
      kpis:
        - {number: "1", issue: ประสิทธิภาพการให้บริการ, name: ความพึงพอใจ,
           target: "100%", actual: "95%"}
```
"""


def plan_schema() -> str:
    """The staff page section on ``plan:`` data and progress records (schema page)."""
    return ("\n## ข้อมูลแผนและตัวชี้วัด (`plan`) {#plan}\n\n"
            "แผน (`plan`) และรายงาน (`report`) ใส่ข้อมูลแผนเป็นโครงสร้างได้ในช่อง `plan` "
            "ของส่วนหัว: ประเด็นยุทธศาสตร์ (`issues`) แต่ละประเด็นมีโครงการ (`projects`) "
            "แต่ละโครงการมีหน่วยงานรับผิดชอบ จังหวัด งบประมาณ ตัวชี้วัด รายงานความก้าวหน้า "
            "และตารางรางวัล (`awards`: `title`, `groups` แต่ละกลุ่มมี `award`, `scope` และ "
            "`entries` ที่มี `process`, `agency`, `province`) เว็บไซต์สร้างตาราง "
            "แผนภูมิเป้าหมายเทียบกับผล และแผนภูมิงบประมาณเทียบกับการเบิกจ่ายจากข้อมูลนี้ "
            "พร้อมตารางข้อมูลประกอบทุกแผนภูมิ และรวมทุกแผนไว้ที่หน้า แผนและตัวชี้วัด\n\n"
            + _PLAN_EXAMPLE + "\n"
            "- ตัวเลข (`target`, `actual`, `requested`, `allocated`, `disbursed`, `percent`) "
            "ใส่เลขไทยหรืออารบิก มีจุลภาคคั่นหลักพันและ `%` ต่อท้ายได้ หน่วยใส่ในช่อง `unit` "
            "ใส่เครื่องหมายคำพูดรอบตัวเลขเสมอ\n"
            "- ใส่เฉพาะสิ่งที่ต้นฉบับระบุ ช่องที่ต้นฉบับไม่ให้ไว้ให้เว้นไป เว็บไซต์จะแสดงว่า ไม่ระบุ\n"
            "- **รายงานความก้าวหน้า (M&E)** อยู่ในรายการ `progress` ของโครงการในไฟล์ของแผนเอง "
            "เจ้าหน้าที่เพิ่มรายงานใหม่โดยต่อท้ายรายการแล้วส่งคำขอรวม (pull request) "
            "หนึ่งรายงานต่อหนึ่งรายการ ต้องมี `date` เป็นวันที่ พ.ศ. และเรียงจากเก่าไปใหม่ "
            "ถ้าต้องแก้รายงานที่ส่งไปแล้ว ห้ามแก้ทับ ให้เพิ่มรายการใหม่วันที่เดิม และใส่ `version` "
            "เพิ่มขึ้น (2, 3 ...) เว็บไซต์แสดงทุกฉบับ โดยทำเครื่องหมายฉบับเดิมว่ามีฉบับแก้ไขแล้ว "
            "และประวัติการแก้ไขทุกครั้งยังดูได้จากประวัติของเอกสาร\n"
            "- ตรวจด้วย `sarabun check` ข้อผิดพลาดของข้อมูลแผนมีรหัส K001-K007 "
            "(ดูหน้า รหัสข้อผิดพลาด)\n")
