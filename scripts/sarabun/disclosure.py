"""Disclosure checklists (ITA / OIT): which items an agency's site must disclose, and which it does.

Thai agencies are assessed each year on what their website discloses (the Integrity and
Transparency Assessment of the NACC, whose OIT part lists the items). A checklist is a YAML file
``records/registries/disclosure-<BE year>.yaml``: the year, where the item list comes from
(``source``), and the items, each with a code, a Thai title and what satisfies it (``match``:
document ``types``, ``tags``, ``issuers``, any of each, and a date range ``from``/``to``). A
document satisfies an item when it meets every criterion given and is published (not a draft,
not metadata only); a date range needs the document's whole date inside it (a year-only date
does not fall inside a fiscal year). Loading reports a malformed checklist (T002) with its line;
``missing`` reports each item no document satisfies (T001), which ``sarabun check --disclosure``
and ``sarabun disclosure`` print. Items or lists marked ``example: true`` are placeholders that
must be replaced by the official list of the assessment year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import FrontMatterError, compose, node_to_value
from .model import DOC_TYPES, Document
from .problems import Problem, problem
from .registry import REGISTRY_DIR, Registry
from .thai import BEDate, DateError, to_arabic_digits, to_thai_digits

FILE_RE = re.compile(r"^disclosure-([0-9]{4})\.yaml$")
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_TOP_KEYS = ("year", "title", "source", "example", "items")
_ITEM_KEYS = ("code", "title", "note", "example", "match")
_MATCH_KEYS = ("types", "tags", "issuers", "from", "to")
#: Statuses that do not disclose anything: a draft is not published, metadata is not the text.
NOT_DISCLOSED = frozenset({"draft", "metadata-only"})


@dataclass(frozen=True)
class Match:
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    date_from: BEDate | None = None
    date_to: BEDate | None = None

    def satisfied_by(self, doc: Document, any_status: bool = False) -> bool:
        """Whether ``doc`` meets every criterion (and is published, unless ``any_status``)."""
        if doc.status.code in NOT_DISCLOSED and not any_status:
            return False
        if self.types and doc.type.code not in self.types:
            return False
        if self.tags and not set(self.tags) & set(doc.tags):
            return False
        if self.issuers and doc.issuer not in self.issuers:
            return False
        if self.date_from or self.date_to:
            d = doc.date
            if d is None:
                return False
            earliest = (d.year, d.month or 1, d.day or 1)
            latest = (d.year, d.month or 12, d.day or 31)
            if self.date_from and earliest < _key(self.date_from, 1):
                return False
            if self.date_to and latest > _key(self.date_to, 31):
                return False
        return True


def _key(d: BEDate, fill: int) -> tuple[int, int, int]:
    return (d.year, d.month or (1 if fill == 1 else 12), d.day or fill)


@dataclass(frozen=True)
class Item:
    code: str
    title: str
    match: Match
    note: str = ""
    example: bool = False
    line: int = 1

    @property
    def anchor(self) -> str:
        return "item-" + re.sub(r"[^a-z0-9-]", "-", self.code.lower())


@dataclass
class Checklist:
    path: Path  # relative to the repository root
    year: int
    source: str
    title: str = ""
    example: bool = False
    items: list[Item] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.title or f"รายการเปิดเผยข้อมูล ประจำปี พ.ศ. {to_thai_digits(str(self.year))}"

    def satisfying(self, item: Item, docs: Iterable[Document]) -> list[Document]:
        return [d for d in docs if item.match.satisfied_by(d)]


def checklist_paths(root: Path) -> list[Path]:
    base = root / REGISTRY_DIR
    if not base.is_dir():
        return []
    return sorted(p.relative_to(root) for p in base.iterdir() if FILE_RE.match(p.name))


def load_checklists(root: Path, registry: Registry) -> tuple[list[Checklist], list[Problem]]:
    """Every ``disclosure-<year>.yaml`` of the registries folder, and their problems (T002)."""
    out: list[Checklist] = []
    probs: list[Problem] = []
    for rel in checklist_paths(root):
        checklist, found = _load(root, rel, registry)
        probs += found
        if checklist is not None:
            out.append(checklist)
    return out, probs


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _load(root: Path, rel: Path, registry: Registry) -> tuple[Checklist | None, list[Problem]]:
    probs: list[Problem] = []

    def bad(line: int, message: str) -> None:
        probs.append(problem(rel, line, 1, "T002", message))

    try:
        node = compose((root / rel).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        bad(1, "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8")
        return None, probs
    except FrontMatterError as exc:
        probs.append(problem(rel, exc.line, exc.col, "T002", str(exc)))
        return None, probs
    if not isinstance(node, yaml.MappingNode):
        bad(1, "ต้องเป็นชุดข้อมูล year: source: items:")
        return None, probs
    top = {str(node_to_value(k)): (k, v) for k, v in node.value}
    for key, (k, _) in top.items():
        if key not in _TOP_KEYS:
            bad(_line(k), f"ไม่รู้จักช่อง '{key}' (ใช้ได้: {', '.join(_TOP_KEYS)})")
    year_text = _scalar(top, "year")
    want = FILE_RE.match(rel.name)
    year = int(to_arabic_digits(year_text)) if to_arabic_digits(year_text).isdigit() else 0
    if want and year != int(want.group(1)):
        bad(_line(top["year"][1]) if "year" in top else 1,
            f"ช่อง year ต้องเป็นปี พ.ศ. {want.group(1)} ตามชื่อไฟล์")
    source = _scalar(top, "source")
    if not source:
        bad(1, "ต้องมีช่อง source บอกที่มาของรายการ (เช่น คู่มือการประเมิน ITA ของปีนั้น)")
    checklist = Checklist(rel, year, source, _scalar(top, "title"),
                          _scalar(top, "example") == "true")
    items_node = top.get("items", (None, None))[1]
    if not isinstance(items_node, yaml.SequenceNode):
        bad(_line(items_node) if items_node is not None else 1,
            "ต้องมีช่อง items เป็นรายการ - code: ...")
        return None, probs
    seen: set[str] = set()
    for n in items_node.value:
        item = _item(n, registry, bad)
        if item is None:
            continue
        if item.code in seen:
            bad(item.line, f"รหัสรายการ '{item.code}' ซ้ำ")
            continue
        seen.add(item.code)
        checklist.items.append(item)
    return (checklist if not probs else None), probs


def _scalar(mapping: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> str:
    pair = mapping.get(key)
    if pair is None or not isinstance(pair[1], yaml.ScalarNode):
        return ""
    return str(pair[1].value).strip()


def _item(node: yaml.Node, registry: Registry, bad: Callable[[int, str], None]) -> Item | None:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        bad(line, "แต่ละรายการต้องเป็น code: title: match:")
        return None
    fields = {str(node_to_value(k)): (k, v) for k, v in node.value}
    unknown = [k for k in fields if k not in _ITEM_KEYS]
    if unknown:
        bad(line, f"ไม่รู้จักช่อง {', '.join(unknown)} (ใช้ได้: {', '.join(_ITEM_KEYS)})")
        return None
    code, title = _scalar(fields, "code"), _scalar(fields, "title")
    if not code or not title:
        bad(line, "แต่ละรายการต้องมี code และ title")
        return None
    if not _CODE_RE.match(code):
        bad(line, f"รหัสรายการ '{code}' ใช้ได้เฉพาะตัวอังกฤษ ตัวเลข . _ และ -")
        return None
    m = fields.get("match", (None, None))[1]
    if not isinstance(m, yaml.MappingNode):
        bad(line, f"รายการ {code}: ต้องมี match: บอกว่าเอกสารแบบใดใช้ได้ "
                  "(types, tags, issuers, from, to)")
        return None
    crit = {str(node_to_value(k)): node_to_value(v) for k, v in m.value}
    failed: list[str] = []

    def fail(message: str) -> None:
        failed.append(message)
        bad(line, f"รายการ {code}: {message}")

    for key in crit:
        if key not in _MATCH_KEYS:
            fail(f"ไม่รู้จักเงื่อนไข '{key}' (ใช้ได้: {', '.join(_MATCH_KEYS)})")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("types", "tags", "issuers"):
        value = crit.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(f"'{key}' ต้องเป็นรายการ เช่น [a, b]")
            value = []
        lists[key] = tuple(v.strip() for v in value if isinstance(v, str))
    for t in lists["types"]:
        if t not in DOC_TYPES:
            fail(f"ไม่รู้จักประเภท '{t}' (ใช้ได้: {', '.join(DOC_TYPES)})")
    for org in lists["issuers"]:
        if registry.organizations and org not in registry.organizations:
            fail(f"ไม่พบหน่วยงาน '{org}' ในทะเบียนหน่วยงาน")
    dates: dict[str, BEDate | None] = {}
    for key in ("from", "to"):
        raw = crit.get(key)
        dates[key] = None
        if raw is None:
            continue
        if not isinstance(raw, str):
            fail(f"'{key}' ต้องเป็นวันที่ พ.ศ. ปปปป-ดด-วว")
            continue
        try:
            dates[key] = BEDate.parse(raw)
        except DateError as exc:
            fail(f"'{key}': {exc}")
    if not any(lists.values()) and not any(dates.values()):
        fail("match ต้องมีเงื่อนไขอย่างน้อยหนึ่งข้อ")
    if failed:
        return None
    return Item(code, title, Match(lists["types"], lists["tags"], lists["issuers"],
                                   dates["from"], dates["to"]),
                _scalar(fields, "note"), _scalar(fields, "example") == "true", line)


def missing(checklists: Iterable[Checklist], docs: list[Document]) -> list[Problem]:
    """T001 for every item that no published document satisfies."""
    out = []
    for c in checklists:
        for item in c.items:
            if not c.satisfying(item, docs):
                mark = " (รายการตัวอย่าง)" if item.example or c.example else ""
                out.append(problem(c.path, item.line, 1, "T001",
                                   f"ปี {c.year} รายการ {item.code} {item.title}{mark}: "
                                   "ยังไม่มีเอกสารที่เผยแพร่แล้วตรงตามเงื่อนไข"))
    return out
