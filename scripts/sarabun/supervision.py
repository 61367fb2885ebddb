"""Supervision reports as data: the ``supervision:`` mapping of a ``report`` document.

Seed 004 (การนิเทศและติดตามผลการดำเนินงานของจังหวัด) names the provinces it supervised and the
provincial-office systems (ระบบงานของสำนักงานจังหวัด) it studied there. ``supervision:`` holds
``systems`` (the systems, as the report lists them) and ``provinces``: for each province its
registry id, whether the visit was made (``status: visited``) or only scheduled
(``status: scheduled`` with the BE month in ``scheduled``), and the ``findings`` the report gives
for it, each quoted word for word from the body, with its ``topic`` (the mission groups or the
office systems) and the ``systems`` of the list it concerns. Nothing is summarised: a finding
that is not in the text is W005.

``parse`` types the node (W001 malformed, W003 a province twice, W004 a finding's system not in
the list); ``check_document`` needs the typed document (W002 a province the document does not
list in ``provinces:``, W005 a quote not found in the body).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Document, Position
from .nested import Reader
from .problems import Problem, problem
from .thai import BEDate, DateError

#: visit status code -> Thai label on the page
STATUSES = {"visited": "ติดตามผลแล้ว", "scheduled": "มีกำหนดติดตาม"}
#: finding topic code -> Thai label, in the report's order of sections
TOPICS = {"mission-groups": "กลุ่มภารกิจ", "office-systems": "ระบบงานของสำนักงานจังหวัด"}

SUPERVISION_KEYS = ("systems", "provinces")
PROVINCE_KEYS = ("province", "status", "scheduled", "findings")
FINDING_KEYS = ("text", "topic", "systems")
_START = Position(1, 1)


@dataclass(frozen=True)
class Finding:
    text: str  # quoted from the body
    topic: str = ""  # a key of TOPICS
    systems: tuple[str, ...] = ()
    position: Position = _START


@dataclass(frozen=True)
class SupervisedProvince:
    province: str  # registry id
    status: str  # a key of STATUSES
    scheduled: BEDate | None = None
    findings: tuple[Finding, ...] = ()
    position: Position = _START


@dataclass(frozen=True)
class Supervision:
    systems: tuple[str, ...] = ()
    provinces: tuple[SupervisedProvince, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """Plain data for the JSON exports (empty fields left out)."""
        return {
            "systems": list(self.systems),
            "provinces": [
                {"province": p.province, "status": p.status}
                | ({"scheduled": p.scheduled.iso()} if p.scheduled else {})
                | ({"findings": [{"text": f.text} | ({"topic": f.topic} if f.topic else {})
                                 | ({"systems": list(f.systems)} if f.systems else {})
                                 for f in p.findings]} if p.findings else {})
                for p in self.provinces],
        }

    def systems_in(self, province: str) -> list[str]:
        """The listed systems the findings for ``province`` concern, in the list's order."""
        named = {s for p in self.provinces if p.province == province
                 for f in p.findings for s in f.systems}
        return [s for s in self.systems if s in named]


def parse(rel: Path, node: yaml.Node, line_offset: int = 1) -> tuple[Supervision | None,
                                                                     list[Problem]]:
    """Type one ``supervision:`` value; returns it (None if unusable) and its problems."""
    r = Reader(rel, line_offset, malformed="W001")
    fields = r.mapping(node, "ช่อง 'supervision'", SUPERVISION_KEYS)
    if fields is None:
        return None, r.problems
    systems = r.texts(fields.get("systems"), "supervision.systems (ระบบงาน)", "ชื่อระบบ")
    provinces: list[SupervisedProvince] = []
    seen: set[str] = set()
    prov_node = fields.get("provinces")
    if prov_node is not None and not isinstance(prov_node, yaml.SequenceNode):
        r.report(prov_node, "W001", "supervision.provinces ต้องเป็นรายการ - province: ...")
    elif prov_node is not None:
        for item in prov_node.value:
            prov = _province(r, item, systems)
            if prov is None:
                continue
            if prov.province in seen:
                p = prov.position
                r.problems.append(problem(rel, p.line, p.col, "W003",
                                          f"จังหวัด '{prov.province}' อยู่ใน supervision.provinces "
                                          "มากกว่าหนึ่งครั้ง"))
                continue
            seen.add(prov.province)
            provinces.append(prov)
    return Supervision(systems, tuple(provinces)), r.problems


def _province(r: Reader, node: yaml.Node, systems: tuple[str, ...]) -> SupervisedProvince | None:
    fields = r.mapping(node, "supervision.provinces", PROVINCE_KEYS)
    if fields is None:
        return None
    pid = r.text(fields.get("province"), "supervision.provinces: province")
    if not pid:
        r.report(node, "W001", "จังหวัดที่นิเทศต้องมีช่อง province (รหัสจังหวัด เช่น chiang-mai)")
        return None
    label = f"จังหวัด '{pid}'"
    status = r.text(fields.get("status"), f"{label}: status")
    if status not in STATUSES:
        r.report(fields.get("status", node), "W001",
                 f"{label}: status ต้องเป็น {' หรือ '.join(STATUSES)} "
                 f"({' / '.join(STATUSES.values())})")
        return None
    scheduled = None
    text = r.text(fields.get("scheduled"), f"{label}: scheduled")
    if text:
        try:
            scheduled = BEDate.parse(text)
        except DateError as exc:
            r.report(fields["scheduled"], "W001", f"{label}: scheduled {exc}")
    if scheduled is not None and status != "scheduled":
        r.report(fields["scheduled"], "W001", f"{label}: ใส่ scheduled เฉพาะ status: scheduled")
    findings: list[Finding] = []
    found = fields.get("findings")
    if found is not None and not isinstance(found, yaml.SequenceNode):
        r.report(found, "W001", f"{label}: findings ต้องเป็นรายการ - text: ...")
    elif found is not None:
        for f_node in found.value:
            finding = _finding(r, f_node, label, systems)
            if finding is not None:
                findings.append(finding)
    return SupervisedProvince(pid, status, scheduled, tuple(findings), r.at(fields["province"]))


def _finding(r: Reader, node: yaml.Node, label: str, systems: tuple[str, ...]
             ) -> Finding | None:
    fields = r.mapping(node, f"{label}: findings", FINDING_KEYS)
    if fields is None:
        return None
    text = r.text(fields.get("text"), f"{label}: findings: text")
    if not text:
        r.report(node, "W001", f"{label}: สิ่งที่พบต้องมีช่อง text (ข้อความจากรายงาน)")
        return None
    topic = r.text(fields.get("topic"), f"{label}: findings: topic")
    if topic and topic not in TOPICS:
        r.report(fields["topic"], "W001", f"{label}: topic ต้องเป็น {' หรือ '.join(TOPICS)}")
        topic = ""
    named = r.texts(fields.get("systems"), f"{label}: findings: systems", "ชื่อระบบ")
    sys_node = fields.get("systems")
    for i, name in enumerate(named):
        if name not in systems:
            at = sys_node.value[i] if isinstance(sys_node, yaml.SequenceNode) else node
            r.report(at, "W004", f"{label}: ระบบ '{name}' ไม่อยู่ในรายการ supervision.systems")
    return Finding(text, topic, tuple(n for n in named if n in systems), r.at(fields["text"]))


def check_document(rel: Path, doc: Document, supervision: Supervision) -> list[Problem]:
    """W002 and W005: provinces the document lists, and findings quoted from its body."""
    probs = []
    body = " ".join(doc.body.replace("*", "").split())
    for prov in supervision.provinces:
        if prov.province not in doc.provinces:
            p = prov.position
            probs.append(problem(rel, p.line, p.col, "W002",
                                 f"จังหวัด '{prov.province}' ไม่อยู่ในช่อง provinces ของเอกสาร"))
        for finding in prov.findings:
            if " ".join(finding.text.split()) not in body:
                p = finding.position
                probs.append(problem(rel, p.line, p.col, "W005",
                                     f"ข้อความสิ่งที่พบของจังหวัด '{prov.province}' ไม่พบในเนื้อหาเอกสาร "
                                     "ต้องคัดลอกจากต้นฉบับทุกตัวอักษร"))
    return probs
