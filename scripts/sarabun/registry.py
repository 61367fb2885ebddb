"""Registries: organizations and committees, provinces, regions and province clusters.

They live as YAML under ``records/registries/`` so staff can edit them in a pull request like any
document. Loading checks their shape and cross-references (a province's cluster exists, a parent
organization exists) and reports problems in the same form as document checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import FrontMatterError, Value, load_strings
from .problems import Problem, problem

REGISTRY_DIR = Path("records/registries")


@dataclass(frozen=True)
class Organization:
    id: str
    name_th: str
    name_en: str
    abbreviations: tuple[str, ...]
    kind: str
    parent: str | None

    @property
    def short(self) -> str:
        """The name people use: the first abbreviation if any, else the full Thai name."""
        return self.abbreviations[0] if self.abbreviations else self.name_th


@dataclass(frozen=True)
class Province:
    id: str
    name_th: str
    name_en: str
    iso: str
    region: str
    cluster: str | None


@dataclass(frozen=True)
class Named:
    """A region or a province cluster."""

    id: str
    name_th: str
    name_en: str


@dataclass
class Registry:
    organizations: dict[str, Organization] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    regions: dict[str, Named] = field(default_factory=dict)
    clusters: dict[str, Named] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def org_name(self, org_id: str) -> str:
        org = self.organizations.get(org_id)
        return org.name_th if org else org_id

    def abbreviations(self) -> dict[str, Organization]:
        """Every abbreviation spelling -> its organization (for ``<abbr>`` and citations)."""
        out: dict[str, Organization] = {}
        for org in self.organizations.values():
            for abbr in org.abbreviations:
                out.setdefault(abbr, org)
        return out


_KINDS = {"state", "cabinet", "ministry", "department", "office", "committee", "subcommittee"}


def _items(path: Path, root: Path, reg: Registry) -> list[dict[str, Value]]:
    rel = path.relative_to(root) if path.is_relative_to(root) else path
    try:
        data = load_strings(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        reg.problems.append(problem(rel, 1, 1, "R004", "ไม่พบไฟล์ทะเบียน"))
        return []
    except FrontMatterError as exc:
        reg.problems.append(problem(rel, exc.line, exc.col, "R004", str(exc)))
        return []
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        reg.problems.append(problem(rel, 1, 1, "R004", "ทะเบียนต้องเป็นรายการของ - id: ..."))
        return []
    return [i for i in data if isinstance(i, dict)]


def _s(item: dict[str, Value], key: str) -> str:
    v = item.get(key, "")
    return v.strip() if isinstance(v, str) else ""


def load_registry(root: Path) -> Registry:
    """Load all registries under ``root/records/registries``."""
    reg = Registry()
    base = root / REGISTRY_DIR
    org_path = base / "organizations.yaml"
    for item in _items(org_path, root, reg):
        abbrs = item.get("abbreviations", [])
        abbr_list = tuple(a for a in abbrs if isinstance(a, str)) if isinstance(abbrs, list) else ()
        org = Organization(_s(item, "id"), _s(item, "name_th"), _s(item, "name_en"),
                           abbr_list, _s(item, "kind"), _s(item, "parent") or None)
        if not org.id or not org.name_th:
            reg.problems.append(problem(org_path.relative_to(root), 1, 1, "R004",
                                        f"หน่วยงาน '{org.id}' ต้องมี id และ name_th"))
            continue
        if org.kind not in _KINDS:
            reg.problems.append(problem(org_path.relative_to(root), 1, 1, "R004",
                                        f"หน่วยงาน '{org.id}' มี kind '{org.kind}' ที่ไม่รู้จัก"))
        reg.organizations[org.id] = org
    for org in reg.organizations.values():
        if org.parent and org.parent not in reg.organizations:
            reg.problems.append(problem(org_path.relative_to(root), 1, 1, "R004",
                                        f"หน่วยงาน '{org.id}' อ้างหน่วยงานแม่ '{org.parent}' ที่ไม่มี"))
    for item in _items(base / "regions.yaml", root, reg):
        n = Named(_s(item, "id"), _s(item, "name_th"), _s(item, "name_en"))
        reg.regions[n.id] = n
    for item in _items(base / "clusters.yaml", root, reg):
        n = Named(_s(item, "id"), _s(item, "name_th"), _s(item, "name_en"))
        reg.clusters[n.id] = n
    prov_path = base / "provinces.yaml"
    for item in _items(prov_path, root, reg):
        p = Province(_s(item, "id"), _s(item, "name_th"), _s(item, "name_en"), _s(item, "iso"),
                     _s(item, "region"), _s(item, "cluster") or None)
        if p.region not in reg.regions or (p.cluster and p.cluster not in reg.clusters):
            reg.problems.append(problem(prov_path.relative_to(root), 1, 1, "R004",
                                        f"จังหวัด '{p.id}' อ้างภาคหรือกลุ่มจังหวัดที่ไม่มีในทะเบียน"))
        reg.provinces[p.id] = p
    return reg
