"""Plans and performance as data: the ``plan:`` mapping of a plan or report document.

A plan has strategic issues (ประเด็นยุทธศาสตร์), each with projects (โครงการ); a project has its
responsible agency (a registry id or plain text), provinces (registry ids), budget lines
(requested, allocated, disbursed), KPIs (target, actual, unit, period), award tables, and
progress records (M&E): dated BE entries, appended over time, each with a version so that a
corrected report for the same date replaces the earlier one without erasing it. Plan-level KPI
scorecards (like the SAR table of the ก.พ.ร. annual report) may point at a project by its key.

Every value is a string in the YAML (see ``frontmatter``); numbers are typed here and may use
Thai or Arabic digits, thousands commas and a trailing ``%``. Problems point at the line and
column of the value at fault: K001 (malformed), K002 (not a number), K004 (project keys),
K005 (progress date), K006 (progress order and versions), K007 (impossible amounts). K003 (a
province not in the registry) needs the registry and is ``check_plan_provinces``. Fields the
source does not give stay empty; nothing here fills in or derives a value that is not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import yaml

from .model import Position
from .nested import Reader
from .problems import Problem, problem
from .registry import Registry
from .thai import BEDate, DateError, to_arabic_digits

#: Document types that may carry ``plan:`` data.
PLAN_TYPES = ("plan", "report")

PLAN_KEYS = ("period", "issues", "scorecards")
ISSUE_KEYS = ("number", "title", "projects")
PROJECT_KEYS = ("key", "title", "group", "agency", "provinces", "budget", "kpis", "progress",
                "awards")
KPI_KEYS = ("number", "issue", "name", "target", "actual", "unit", "period", "note")
BUDGET_KEYS = ("item", "requested", "allocated", "disbursed", "unit", "period")
PROGRESS_KEYS = ("date", "version", "round", "percent", "disbursed", "unit", "text")
SCORECARD_KEYS = ("title", "project", "note", "kpis")
AWARD_KEYS = ("title", "groups")
AWARD_GROUP_KEYS = ("award", "scope", "entries")
AWARD_ENTRY_KEYS = ("process", "agency", "province")

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_VERSION_RE = re.compile(r"^[1-9]\d*$")
_START = Position(1, 1)


@dataclass(frozen=True)
class Number:
    """A number as the source writes it (``๕,๕๕๐``, ``95%``) and its value."""

    text: str
    value: Decimal
    percent: bool = False

    @property
    def float(self) -> float:
        return float(self.value)


def parse_number(text: str) -> Number | None:
    """``"5,550"``, ``"๙๖.๕๖"``, ``"95%"`` -> Number; None when it is not a number."""
    raw = to_arabic_digits(text.strip()).replace(" ", "")
    if not _NUMBER_RE.match(raw):
        return None
    percent = raw.endswith("%")
    return Number(text.strip(), Decimal(raw.rstrip("%").replace(",", "")), percent)


@dataclass(frozen=True)
class Kpi:
    """A key performance indicator (ตัวชี้วัด); target and actual only when the source gives them."""

    name: str
    number: str = ""
    issue: str = ""
    target: Number | None = None
    actual: Number | None = None
    unit: str = ""
    period: str = ""
    note: str = ""
    position: Position = _START

    @property
    def achievement(self) -> float | None:
        """Actual as a percentage of target, when both are given and the target is not zero."""
        if self.target is None or self.actual is None or self.target.value == 0:
            return None
        return float(self.actual.value / self.target.value * 100)


@dataclass(frozen=True)
class BudgetLine:
    item: str = ""
    requested: Number | None = None
    allocated: Number | None = None
    disbursed: Number | None = None
    unit: str = ""
    period: str = ""

    @property
    def disbursement_rate(self) -> float | None:
        """Disbursed as a percentage of allocated, when both are given."""
        if self.allocated is None or self.disbursed is None or self.allocated.value == 0:
            return None
        return float(self.disbursed.value / self.allocated.value * 100)


@dataclass(frozen=True)
class Progress:
    """One progress (M&E) record of a project: dated, and versioned when corrected."""

    date: BEDate
    version: int = 1
    round: str = ""
    percent: Number | None = None
    disbursed: Number | None = None
    unit: str = ""
    text: str = ""
    position: Position = _START
    #: set on a record replaced by a later version for the same date
    superseded: bool = False


@dataclass(frozen=True)
class AwardEntry:
    process: str
    agency: str = ""
    province: str = ""
    position: Position = _START


@dataclass(frozen=True)
class AwardGroup:
    award: str = ""
    scope: str = ""
    entries: tuple[AwardEntry, ...] = ()


@dataclass(frozen=True)
class AwardTable:
    title: str = ""
    groups: tuple[AwardGroup, ...] = ()

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


@dataclass(frozen=True)
class Project:
    key: str
    title: str
    group: str = ""
    agency: str = ""
    provinces: tuple[str, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    progress: tuple[Progress, ...] = ()
    awards: tuple[AwardTable, ...] = ()
    position: Position = _START
    province_positions: tuple[Position, ...] = ()

    @property
    def anchor(self) -> str:
        return f"project-{self.key}"


@dataclass(frozen=True)
class Issue:
    number: str
    title: str
    projects: tuple[Project, ...] = ()

    @property
    def anchor(self) -> str:
        digits = to_arabic_digits(self.number)
        return f"issue-{digits}" if _KEY_RE.match(digits) else "issue"


@dataclass(frozen=True)
class Scorecard:
    title: str
    kpis: tuple[Kpi, ...] = ()
    project: str = ""
    note: str = ""


@dataclass(frozen=True)
class Plan:
    issues: tuple[Issue, ...] = ()
    scorecards: tuple[Scorecard, ...] = ()
    period: str = ""
    position: Position = _START

    def projects(self) -> Iterator[tuple[Issue, Project]]:
        for issue in self.issues:
            for project in issue.projects:
                yield issue, project

    def project(self, key: str) -> Project | None:
        return next((p for _, p in self.projects() if p.key == key), None)

    def provinces(self) -> list[str]:
        """Every province id named by a project or an award entry, in order of appearance."""
        out: dict[str, None] = {}
        for _, project in self.projects():
            out.update(dict.fromkeys(project.provinces))
            for table in project.awards:
                for group in table.groups:
                    out.update({e.province: None for e in group.entries if e.province})
        return list(out)

    def as_dict(self) -> dict[str, object]:
        """Plain data for the JSON exports (empty fields left out, numbers as written)."""
        out = _plain(self)
        assert isinstance(out, dict)
        return out


def _plain(value: object) -> object:
    if isinstance(value, Number):
        return value.text
    if isinstance(value, BEDate):
        return value.iso()
    if isinstance(value, (Plan, Issue, Project, Kpi, BudgetLine, Progress, AwardEntry,
                          AwardGroup, AwardTable, Scorecard)):
        out: dict[str, object] = {}
        for name in value.__dataclass_fields__:
            if name in ("position", "province_positions"):
                continue
            item = getattr(value, name)
            if item in ("", (), None, False) or (name == "version" and item == 1):
                continue
            out[name] = _plain(item)
        return out
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


# --- reading the YAML nodes ----------------------------------------------------------------

class _Reader(Reader):
    """The shared reader, with the numbers of plans (K002)."""

    def number(self, node: yaml.Node | None, what: str) -> Number | None:
        text = self.text(node, what)
        if not text or node is None:
            return None
        parsed = parse_number(text)
        if parsed is None:
            self.report(node, "K002",
                        f"{what} '{text}' ไม่ใช่ตัวเลข (ใช้เลขไทยหรืออารบิก มีจุลภาคคั่นหลักพัน "
                        "และ % ต่อท้ายได้ เช่น 5,550 หรือ ๙๕%)")
        return parsed


def parse(rel: Path, node: yaml.Node, line_offset: int = 1) -> tuple[Plan | None,
                                                                     list[Problem]]:
    """Type one ``plan:`` value; returns the Plan (None if unusable) and its problems."""
    r = _Reader(rel, line_offset, malformed="K001")
    fields = r.mapping(node, "ช่อง 'plan'", PLAN_KEYS)
    if fields is None:
        return None, r.problems
    issues = tuple(i for n in r.sequence(fields.get("issues"), "plan.issues (ประเด็นยุทธศาสตร์)")
                   if (i := _issue(r, n)) is not None)
    keys: dict[str, Project] = {}
    for issue in issues:
        for project in issue.projects:
            if project.key in keys:
                p = project.position
                r.problems.append(problem(rel, p.line, p.col, "K004",
                                          f"รหัสโครงการ '{project.key}' ซ้ำกับโครงการ "
                                          f"'{keys[project.key].title}' ในแผนเดียวกัน"))
            else:
                keys[project.key] = project
    scorecards = tuple(s for n in r.sequence(fields.get("scorecards"), "plan.scorecards")
                       if (s := _scorecard(r, n, keys)) is not None)
    plan = Plan(issues=issues, scorecards=scorecards,
                period=r.text(fields.get("period"), "plan.period (ช่วงเวลาของแผน)"),
                position=r.at(node))
    return plan, r.problems


def _issue(r: _Reader, node: yaml.Node) -> Issue | None:
    fields = r.mapping(node, "ประเด็นยุทธศาสตร์", ISSUE_KEYS)
    if fields is None:
        return None
    title = r.required(fields, "title", node, "ประเด็นยุทธศาสตร์")
    number = r.text(fields.get("number"), "ประเด็นยุทธศาสตร์: number")
    label = f"ประเด็นยุทธศาสตร์ที่ {number}" if number else "ประเด็นยุทธศาสตร์"
    projects = tuple(p for n in r.sequence(fields.get("projects"), f"{label}: projects")
                     if (p := _project(r, n, label)) is not None)
    return Issue(number=number, title=title, projects=projects)


def _project(r: _Reader, node: yaml.Node, label: str) -> Project | None:
    fields = r.mapping(node, f"{label}: โครงการ", PROJECT_KEYS)
    if fields is None:
        return None
    key = r.required(fields, "key", node, f"{label}: โครงการ")
    if key and not _KEY_RE.match(key):
        r.report(fields["key"], "K004",
                 f"รหัสโครงการ '{key}' ต้องเป็นตัวอังกฤษพิมพ์เล็ก ตัวเลข และ - เช่น gcs-counter")
        key = ""
    title = r.required(fields, "title", node, f"{label}: โครงการ")
    if not key or not title:
        return None
    what = f"โครงการ '{key}'"
    province_nodes = r.sequence(fields.get("provinces"), f"{what}: provinces")
    provinces = tuple(r.text(n, f"{what}: provinces") for n in province_nodes)
    return Project(
        key=key, title=title, group=r.text(fields.get("group"), f"{what}: group"),
        agency=r.text(fields.get("agency"), f"{what}: agency"),
        provinces=tuple(p for p in provinces if p),
        province_positions=tuple(r.at(n) for n, p in zip(province_nodes, provinces, strict=True)
                                 if p),
        budget=tuple(b for n in r.sequence(fields.get("budget"), f"{what}: budget")
                     if (b := _budget(r, n, what)) is not None),
        kpis=tuple(k for n in r.sequence(fields.get("kpis"), f"{what}: kpis")
                   if (k := _kpi(r, n, what)) is not None),
        progress=_progress(r, r.sequence(fields.get("progress"), f"{what}: progress"), what),
        awards=tuple(a for n in r.sequence(fields.get("awards"), f"{what}: awards")
                     if (a := _award_table(r, n, what)) is not None),
        position=r.at(node))


def _kpi(r: _Reader, node: yaml.Node, owner: str) -> Kpi | None:
    fields = r.mapping(node, f"{owner}: ตัวชี้วัด", KPI_KEYS)
    if fields is None:
        return None
    name = r.required(fields, "name", node, f"{owner}: ตัวชี้วัด")
    what = f"ตัวชี้วัด '{name}'" if name else f"{owner}: ตัวชี้วัด"
    kpi = Kpi(name=name, number=r.text(fields.get("number"), f"{what}: number"),
              issue=r.text(fields.get("issue"), f"{what}: issue"),
              target=r.number(fields.get("target"), f"{what}: target (เป้าหมาย)"),
              actual=r.number(fields.get("actual"), f"{what}: actual (ผล)"),
              unit=r.text(fields.get("unit"), f"{what}: unit"),
              period=r.text(fields.get("period"), f"{what}: period"),
              note=r.text(fields.get("note"), f"{what}: note"), position=r.at(node))
    return kpi if name else None


def _budget(r: _Reader, node: yaml.Node, owner: str) -> BudgetLine | None:
    fields = r.mapping(node, f"{owner}: งบประมาณ", BUDGET_KEYS)
    if fields is None:
        return None
    item = r.text(fields.get("item"), f"{owner}: budget item")
    what = f"{owner}: งบประมาณ{' ' + item if item else ''}"
    line = BudgetLine(
        item=item, requested=r.number(fields.get("requested"), f"{what}: requested (งบที่ขอ)"),
        allocated=r.number(fields.get("allocated"), f"{what}: allocated (งบที่ได้รับจัดสรร)"),
        disbursed=r.number(fields.get("disbursed"), f"{what}: disbursed (เบิกจ่าย)"),
        unit=r.text(fields.get("unit"), f"{what}: unit"),
        period=r.text(fields.get("period"), f"{what}: period"))
    if line.allocated and line.disbursed and line.disbursed.value > line.allocated.value:
        r.report(fields["disbursed"], "K007",
                 f"{what}: เบิกจ่าย {line.disbursed.text} มากกว่างบที่ได้รับจัดสรร "
                 f"{line.allocated.text}")
    return line


def _progress(r: _Reader, nodes: list[yaml.Node], owner: str) -> tuple[Progress, ...]:
    records: list[Progress] = []
    for node in nodes:
        fields = r.mapping(node, f"{owner}: ความก้าวหน้า", PROGRESS_KEYS)
        if fields is None:
            continue
        raw_date = r.required(fields, "date", node, f"{owner}: ความก้าวหน้า")
        if not raw_date:
            continue
        try:
            date = BEDate.parse(raw_date)
        except DateError as exc:
            r.report(fields["date"], "K005", f"{owner}: วันที่รายงานความก้าวหน้า: {exc}")
            continue
        what = f"{owner}: ความก้าวหน้า {date.iso()}"
        raw_version = to_arabic_digits(r.text(fields.get("version"), f"{what}: version"))
        version = 1
        if raw_version and _VERSION_RE.match(raw_version):
            version = int(raw_version)
        elif raw_version:
            r.report(fields["version"], "K006",
                     f"{what}: ฉบับที่ (version) '{raw_version}' ต้องเป็นเลข 1, 2, 3 ...")
        percent = r.number(fields.get("percent"), f"{what}: percent (ร้อยละความก้าวหน้า)")
        if percent is not None and not 0 <= percent.value <= 100:
            r.report(fields["percent"], "K007",
                     f"{what}: ร้อยละความก้าวหน้า {percent.text} ต้องอยู่ระหว่าง 0 ถึง 100")
        record = Progress(date=date, version=version,
                          round=r.text(fields.get("round"), f"{what}: round"), percent=percent,
                          disbursed=r.number(fields.get("disbursed"), f"{what}: disbursed"),
                          unit=r.text(fields.get("unit"), f"{what}: unit"),
                          text=r.text(fields.get("text"), f"{what}: text"), position=r.at(node))
        if records:
            last = records[-1]
            if (record.date, record.version) <= (last.date, last.version):
                why = ("ฉบับที่ซ้ำกับรายการก่อนหน้า" if record.date == last.date
                       else f"วันที่ก่อนรายการก่อนหน้า ({last.date.iso()})")
                r.report(node, "K006",
                         f"{what} ฉบับที่ {version}: {why} เรียงรายการจากเก่าไปใหม่ "
                         "และรายงานแก้ไขของวันเดียวกันให้เพิ่ม version")
        records.append(record)
    latest: dict[BEDate, int] = {}
    for rec in records:
        latest[rec.date] = max(latest.get(rec.date, 0), rec.version)
    return tuple(replace(rec, superseded=rec.version < latest[rec.date]) for rec in records)


def _award_table(r: _Reader, node: yaml.Node, owner: str) -> AwardTable | None:
    fields = r.mapping(node, f"{owner}: ตารางรางวัล", AWARD_KEYS)
    if fields is None:
        return None
    title = r.text(fields.get("title"), f"{owner}: awards title")
    what = f"ตารางรางวัล '{title}'" if title else f"{owner}: ตารางรางวัล"
    groups = []
    for group_node in r.sequence(fields.get("groups"), f"{what}: groups"):
        g = r.mapping(group_node, f"{what}: กลุ่มรางวัล", AWARD_GROUP_KEYS)
        if g is None:
            continue
        entries = []
        for entry_node in r.sequence(g.get("entries"), f"{what}: entries"):
            e = r.mapping(entry_node, f"{what}: รายการ", AWARD_ENTRY_KEYS)
            if e is None:
                continue
            process = r.required(e, "process", entry_node, f"{what}: รายการ")
            if process:
                entries.append(AwardEntry(
                    process=process, agency=r.text(e.get("agency"), f"{what}: agency"),
                    province=r.text(e.get("province"), f"{what}: province"),
                    position=r.at(e.get("province", entry_node))))
        groups.append(AwardGroup(award=r.text(g.get("award"), f"{what}: award"),
                                 scope=r.text(g.get("scope"), f"{what}: scope"),
                                 entries=tuple(entries)))
    return AwardTable(title=title, groups=tuple(groups))


def _scorecard(r: _Reader, node: yaml.Node, projects: dict[str, Project]) -> Scorecard | None:
    fields = r.mapping(node, "ตารางตัวชี้วัด (scorecard)", SCORECARD_KEYS)
    if fields is None:
        return None
    title = r.required(fields, "title", node, "ตารางตัวชี้วัด (scorecard)")
    what = f"ตารางตัวชี้วัด '{title}'" if title else "ตารางตัวชี้วัด"
    project = r.text(fields.get("project"), f"{what}: project")
    if project and project not in projects:
        r.report(fields["project"], "K004",
                 f"{what}: ไม่พบโครงการรหัส '{project}' ในแผนนี้ "
                 f"(มี: {', '.join(projects) or 'ยังไม่มีโครงการ'})")
        project = ""
    kpis = tuple(k for n in r.sequence(fields.get("kpis"), f"{what}: kpis")
                 if (k := _kpi(r, n, what)) is not None)
    return Scorecard(title=title, kpis=kpis, project=project,
                     note=r.text(fields.get("note"), f"{what}: note")) if title else None


def check_plan_provinces(rel: Path, plan: Plan, registry: Registry) -> list[Problem]:
    """K003: a project or award entry names a province id that the registry does not have."""
    if not registry.provinces:
        return []
    found: list[tuple[str, Position]] = []
    for _, project in plan.projects():
        found += zip(project.provinces, project.province_positions, strict=True)
        for table in project.awards:
            found += [(e.province, e.position) for g in table.groups for e in g.entries
                      if e.province]
    return [problem(rel, pos.line, pos.col, "K003",
                    f"ไม่พบจังหวัด '{pid}' ในทะเบียนจังหวัด (records/registries/provinces.yaml)")
            for pid, pos in found if pid not in registry.provinces]


def all_kpis(plan: Plan) -> Iterable[tuple[Project | None, Kpi]]:
    """Every KPI of the plan: those of projects, then those of scorecards."""
    for _, project in plan.projects():
        for kpi in project.kpis:
            yield project, kpi
    for card in plan.scorecards:
        for kpi in card.kpis:
            yield plan.project(card.project) if card.project else None, kpi
