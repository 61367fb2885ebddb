"""Meeting minutes as data: the ``meeting:`` mapping of a ``minutes`` document.

The fields follow the minutes form of the ระเบียบงานสารบรรณ: place, start and end time, who came
(มาประชุม), who did not (ไม่มาประชุม), others present (ผู้เข้าร่วมประชุม), the chair (ประธาน), the
recorder (ผู้จดรายงานการประชุม) and the agenda items (ระเบียบวาระ), each with its resolution (มติ),
the resolution text and follow-up actions with their owners. The committee is the document's
``issuer``; the meeting number (ครั้งที่) and date are its ``number`` and ``date``.

An agenda item of a later meeting may say which earlier item it reports on (``follows_up:
<minutes-id>#<item>``, e.g. ``pdc-regional-minutes-2564-1#5``), so the pages can link both
ways; an item may also name the provinces it concerns (``provinces:``, a subset of the
document's own list) so the province pages can say what the meeting decided for them.

``parse`` reads the composed YAML node, so every problem points at the line and column of the
value at fault: N001 (an item without a resolution), N002 (agenda numbering gap) and N004
(anything else malformed). N003 (a meeting number used twice by one committee) and the
follow-up targets (N005 no such meeting, N006 no such item, N007 not an earlier meeting) need
the whole corpus: ``check_meeting_numbers`` and ``check_follow_ups``. N008 (an item province
the document does not list) is ``check_item_provinces``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Document, Position
from .nested import Reader
from .problems import Problem, problem
from .thai import to_arabic_digits

#: The resolutions a meeting records on an agenda item, in the form's wording.
RESOLUTIONS = ("เห็นชอบ", "รับทราบ", "อนุมัติ", "มอบหมาย", "ไม่เห็นชอบ", "อื่น ๆ")

_PEOPLE_KEYS = ("attendees", "absentees", "others_present")
_TEXT_KEYS = ("place", "start_time", "end_time", "chair", "recorder")
MEETING_KEYS = (*_TEXT_KEYS, *_PEOPLE_KEYS, "agenda")
ITEM_KEYS = ("number", "title", "resolution", "resolution_text", "actions", "follows_up",
             "provinces")
ACTION_KEYS = ("action", "owner")

#: Thai labels of the meeting fields, for messages and pages.
LABELS = {
    "place": "สถานที่ประชุม", "start_time": "เริ่มประชุมเวลา", "end_time": "เลิกประชุมเวลา",
    "chair": "ประธาน", "recorder": "ผู้จดรายงานการประชุม", "attendees": "ผู้มาประชุม",
    "absentees": "ผู้ไม่มาประชุม", "others_present": "ผู้เข้าร่วมประชุม", "agenda": "ระเบียบวาระ",
}

_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*น\.)?$")
_ITEM_NUMBER_RE = re.compile(r"^(\d+)(?:\.(\d+))?$")
_FOLLOW_UP_RE = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)#(?P<item>[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)$")
_START = Position(1, 1)


@dataclass(frozen=True)
class Action:
    """A follow-up action; ``owner`` only when the minutes name one."""

    action: str
    owner: str = ""


def item_key(number: str) -> str:
    """The agenda number with Arabic digits, so ``๓.๑`` and ``3.1`` name the same item."""
    return to_arabic_digits(number)


@dataclass(frozen=True)
class FollowUp:
    """``follows_up: <minutes-id>#<item>``: this item reports on that earlier agenda item."""

    doc_id: str
    item: str  # agenda number as written
    position: Position = _START

    def __str__(self) -> str:
        return f"{self.doc_id}#{self.item}"


@dataclass(frozen=True)
class AgendaItem:
    number: str  # as written (Thai or Arabic digits), e.g. "1" or "3.2"
    resolution: str  # one of RESOLUTIONS
    resolution_text: str = ""
    title: str = ""
    actions: tuple[Action, ...] = ()
    follows_up: tuple[FollowUp, ...] = ()
    provinces: tuple[str, ...] = ()  # province ids the item concerns, where the minutes say
    position: Position = _START
    provinces_position: Position = _START

    @property
    def anchor(self) -> str:
        """Stable HTML id on the minutes page: ``agenda-3-2`` for item 3.2."""
        return "agenda-" + to_arabic_digits(self.number).replace(".", "-")


@dataclass(frozen=True)
class Meeting:
    agenda: tuple[AgendaItem, ...] = ()
    place: str = ""
    start_time: str = ""
    end_time: str = ""
    chair: str = ""
    recorder: str = ""
    attendees: tuple[str, ...] = ()
    absentees: tuple[str, ...] = ()
    others_present: tuple[str, ...] = ()
    position: Position = _START

    def as_dict(self) -> dict[str, object]:
        """Plain data for the JSON exports (empty fields left out)."""
        out: dict[str, object] = {}
        for key in _TEXT_KEYS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in _PEOPLE_KEYS:
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        out["agenda"] = [
            {k: v for k, v in (("number", i.number), ("title", i.title),
                               ("resolution", i.resolution),
                               ("resolution_text", i.resolution_text)) if v}
            | ({"actions": [{k: v for k, v in (("action", a.action), ("owner", a.owner)) if v}
                            for a in i.actions]} if i.actions else {})
            | ({"follows_up": [str(f) for f in i.follows_up]} if i.follows_up else {})
            | ({"provinces": list(i.provinces)} if i.provinces else {})
            for i in self.agenda
        ]
        return out


def parse(rel: Path, node: yaml.Node, line_offset: int = 1) -> tuple[Meeting | None,
                                                                     list[Problem]]:
    """Type one ``meeting:`` value; returns the Meeting (None if unusable) and its problems."""
    r = Reader(rel, line_offset, malformed="N004")
    fields = r.mapping(node, "ช่อง 'meeting'", MEETING_KEYS)
    if fields is None:
        return None, r.problems
    values = {key: r.text(fields.get(key), f"meeting.{key} ({LABELS[key]})")
              for key in _TEXT_KEYS}
    for key in ("start_time", "end_time"):
        if values[key] and not _TIME_RE.match(to_arabic_digits(values[key])):
            r.report(fields[key], "N004",
                     f"meeting.{key} ({LABELS[key]}) '{values[key]}' ต้องเป็นเวลา ชช:นน เช่น 09:30")
    people = {key: r.texts(fields.get(key), f"meeting.{key} ({LABELS[key]})")
              for key in _PEOPLE_KEYS}
    agenda = _agenda(r, fields.get("agenda"))
    meeting = Meeting(
        agenda=agenda, place=values["place"], start_time=values["start_time"],
        end_time=values["end_time"], chair=values["chair"], recorder=values["recorder"],
        attendees=people["attendees"], absentees=people["absentees"],
        others_present=people["others_present"], position=r.at(node))
    return meeting, r.problems


def _agenda(r: Reader, node: yaml.Node | None) -> tuple[AgendaItem, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        r.report(node, "N004", "meeting.agenda (ระเบียบวาระ) ต้องเป็นรายการ - number: ...")
        return ()
    items: list[AgendaItem] = []
    previous: tuple[int, ...] | None = None
    for item_node in node.value:
        fields = r.mapping(item_node, "ระเบียบวาระ", ITEM_KEYS)
        if fields is None:
            continue
        number = r.text(fields.get("number"), "ระเบียบวาระ: number (ลำดับวาระ)")
        parsed = _ITEM_NUMBER_RE.match(to_arabic_digits(number))
        if not number:
            r.report(item_node, "N004", "ระเบียบวาระต้องมีช่อง number (ลำดับวาระ เช่น 1 หรือ 3.1)")
        elif parsed is None:
            r.report(fields["number"], "N004",
                     f"ลำดับวาระ '{number}' ต้องเป็นตัวเลข เช่น 1 หรือ 3.1")
        else:
            here = tuple(int(g) for g in parsed.groups() if g is not None)
            if here not in _next_numbers(previous):
                after = ".".join(map(str, previous)) if previous else "จุดเริ่มต้น"
                r.report(fields["number"], "N002",
                         f"ระเบียบวาระที่ {number} ไม่ต่อเนื่องจากวาระก่อนหน้า ({after})")
            previous = here
        resolution = r.text(fields.get("resolution"), "ระเบียบวาระ: resolution (มติ)")
        label = f"ระเบียบวาระที่ {number}" if number else "ระเบียบวาระ"
        if not resolution:
            r.report(fields.get("resolution", item_node), "N001",
                     f"{label} ไม่มีมติ (resolution) ใช้: {', '.join(RESOLUTIONS)}")
        elif " ".join(resolution.split()) not in RESOLUTIONS:
            r.report(fields["resolution"], "N004",
                     f"{label}: ไม่รู้จักมติ '{resolution}' (ใช้ได้: {', '.join(RESOLUTIONS)})")
            resolution = ""
        items.append(AgendaItem(
            number=number, resolution=resolution,
            resolution_text=r.text(fields.get("resolution_text"), f"{label}: resolution_text"),
            title=r.text(fields.get("title"), f"{label}: title"),
            actions=_actions(r, fields.get("actions"), label),
            follows_up=_follow_ups(r, fields.get("follows_up"), label),
            provinces=r.texts(fields.get("provinces"), f"{label}: provinces (จังหวัด)"),
            position=r.at(item_node),
            provinces_position=r.at(fields.get("provinces", item_node))))
    return tuple(items)


def _follow_ups(r: Reader, node: yaml.Node | None, label: str) -> tuple[FollowUp, ...]:
    """One ``<id>#<item>`` or a list of them."""
    if node is None:
        return ()
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out = []
    for n in nodes:
        text = r.text(n, f"{label}: follows_up")
        m = _FOLLOW_UP_RE.match(text)
        if m is None:
            if isinstance(n, yaml.ScalarNode):
                r.report(n, "N004", f"{label}: follows_up '{text}' ต้องเป็น "
                         "<รหัสรายงานการประชุม>#<วาระ> เช่น pdc-regional-minutes-2564-1#5")
            continue
        out.append(FollowUp(m.group("id"), m.group("item"), r.at(n)))
    return tuple(out)


def _next_numbers(previous: tuple[int, ...] | None) -> set[tuple[int, ...]]:
    """Numbers that may follow ``previous``: the next item, its first sub-item, the next sub."""
    if previous is None:
        return {(1,), (1, 1)}
    major = previous[0]
    allowed = {(major + 1,), (major + 1, 1)}
    allowed.add((major, previous[1] + 1) if len(previous) == 2 else (major, 1))
    return allowed


def _actions(r: Reader, node: yaml.Node | None, label: str) -> tuple[Action, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        r.report(node, "N004", f"{label}: actions ต้องเป็นรายการ - action: ... owner: ...")
        return ()
    out = []
    for action_node in node.value:
        fields = r.mapping(action_node, f"{label}: actions", ACTION_KEYS)
        if fields is None:
            continue
        action = r.text(fields.get("action"), f"{label}: action")
        if not action:
            r.report(action_node, "N004", f"{label}: การดำเนินการต้องมีช่อง action")
            continue
        out.append(Action(action, r.text(fields.get("owner"), f"{label}: owner")))
    return tuple(out)


def check_meeting_numbers(docs: Iterable[tuple[Document, Position]]) -> list[Problem]:
    """N003: one committee (issuer) used one meeting number (ครั้งที่ N/ปี) in two minutes."""
    seen: dict[tuple[str, str], list[Document]] = defaultdict(list)
    where: dict[str, Position] = {}
    for doc, pos in docs:
        if doc.type.code == "minutes" and doc.number:
            seen[(doc.issuer, doc.number)].append(doc)
            where[str(doc.id)] = pos
    probs = []
    for (issuer, number), same in seen.items():
        for doc in same:
            others = [d for d in same if str(d.id) != str(doc.id)]
            if not others:  # one document, or only the same id twice (I003 reports that)
                continue
            p = where[str(doc.id)]
            probs.append(problem(doc.path, p.line, p.col, "N003",
                                 f"การประชุมครั้งที่ {number} ของ '{issuer}' ซ้ำกับ "
                                 + ", ".join(d.path.as_posix() for d in others)))
    return probs


def _when(doc: Document) -> tuple[int, int, int] | None:
    d = doc.date
    return (d.year, d.month or 0, d.day or 0) if d else None


def check_follow_ups(docs: Iterable[Document]) -> list[Problem]:
    """N005-N007: each ``follows_up`` names an agenda item of an earlier meeting in the corpus."""
    by_id = {str(d.id): d for d in docs}
    probs = []
    for doc in by_id.values():
        if doc.meeting is None:
            continue
        for item in doc.meeting.agenda:
            for ref in item.follows_up:
                p = ref.position
                target = by_id.get(ref.doc_id)
                if target is None or target.meeting is None:
                    why = "ไม่มีในคลังเอกสาร" if target is None else "ไม่มีข้อมูลการประชุม (meeting)"
                    probs.append(problem(doc.path, p.line, p.col, "N005", f"follows_up '{ref}': "
                                         f"รายงานการประชุม '{ref.doc_id}' {why}"))
                    continue
                numbers = [i.number for i in target.meeting.agenda]
                if item_key(ref.item) not in {item_key(n) for n in numbers}:
                    probs.append(problem(doc.path, p.line, p.col, "N006",
                                         f"follows_up '{ref}': การประชุมนั้นไม่มีวาระที่ {ref.item} "
                                         f"(มี {', '.join(numbers) or 'ไม่มีวาระ'})"))
                    continue
                here, there = _when(doc), _when(target)
                if target is doc or (here and there and there >= here):
                    dates = (f" (วันที่ {target.date.iso()} ไม่ก่อน {doc.date.iso()})"
                             if target.date and doc.date else "")
                    probs.append(problem(doc.path, p.line, p.col, "N007",
                                         f"follows_up '{ref}': การประชุมที่ติดตามต้องเป็นการประชุม"
                                         f"ครั้งก่อนหน้าการประชุมนี้{dates}"))
    return probs


def check_item_provinces(rel: Path, doc: Document) -> list[Problem]:
    """N008: an agenda item's provinces are among the document's ``provinces:``."""
    if doc.meeting is None:
        return []
    probs = []
    for item in doc.meeting.agenda:
        extra = [p for p in item.provinces if p not in doc.provinces]
        if extra:
            p = item.provinces_position
            probs.append(problem(rel, p.line, p.col, "N008",
                                 f"ระเบียบวาระที่ {item.number}: จังหวัด {', '.join(extra)} "
                                 "ไม่อยู่ในช่อง provinces ของเอกสาร"))
    return probs
