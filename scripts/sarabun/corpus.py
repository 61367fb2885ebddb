"""The corpus: every document in the repository, loaded once and checked as a whole.

``load_corpus`` walks ``regulations/`` and ``records/``, parses each Markdown file with the
single-file checks, then adds the checks that need all documents: duplicate ids (I003),
``amends``/``repeals`` targets (R003), and registry references (R001, R002). Other files found in
those folders (or named on the command line) outside the known places are reported too (F004), a
type folder crowded with dated documents not in year folders is warned about (F008, ``layout``),
and ``permalinks`` checks that every URL published on ``main`` is still served (U001, U002). Every
file is also scanned for personal data (``pdpa``: P001-P003, less the reviewed allow-list).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .checks import DOC_ROOTS, check_location, check_registry_refs, parse_document
from .disclosure import Checklist, load_checklists
from .disclosure import missing as missing_disclosures
from .frontmatter import Loaded
from .layout import crowded_folders
from .meeting import check_follow_ups, check_meeting_numbers
from .model import Document, Position
from .pdpa import Allowed, load_allow, unused
from .pdpa import check_file as check_personal_data
from .permalinks import Redirect, check_permalinks
from .plan import check_plan_provinces
from .problems import Problem, problem
from .registry import REGISTRY_DIR, Registry, load_registry

if TYPE_CHECKING:
    from .legal_basis import Basis


@dataclass
class Corpus:
    root: Path
    registry: Registry
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: old URLs that lead to a document (records/registries/redirects.yaml), checked
    redirects: list[Redirect] = field(default_factory=list)
    #: disclosure checklists (ITA/OIT) of records/registries/disclosure-<year>.yaml
    checklists: list[Checklist] = field(default_factory=list)
    #: legal basis of each document, by id: computed once, on first use (``legal_basis``)
    legal_basis: dict[str, list[Basis]] | None = None

    def by_id(self) -> dict[str, Document]:
        return {str(d.id): d for d in self.documents}


def document_paths(root: Path) -> list[Path]:
    """All Markdown files under the document folders, relative to ``root``, sorted."""
    out: list[Path] = []
    for top in DOC_ROOTS:
        base = root / top
        if base.is_dir():
            out += [p.relative_to(root) for p in base.rglob("*.md")]
    return sorted(out)


def stray_files(root: Path) -> list[Problem]:
    """Files in the document folders that are neither documents nor registries."""
    probs = []
    for top in DOC_ROOTS:
        base = root / top
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(root)
            if p.is_dir() or p.suffix == ".md" or p.name.startswith("."):
                continue
            if rel.parent == REGISTRY_DIR and p.suffix == ".yaml":
                continue
            probs.append(problem(rel, 1, 1, "F004",
                                 "ไฟล์นี้ไม่ใช่เอกสาร (.md) ย้ายต้นฉบับไปไว้ใน docs/originals/"))
    return probs


def load_corpus(root: Path, paths: Iterable[Path] | None = None,
                disclosure: bool = False) -> Corpus:
    """Load and check the repository at ``root``.

    With ``paths``, only those files are reported on, but the whole corpus is still loaded so
    that references and duplicate ids are checked against everything. With ``disclosure``, the
    items of the disclosure checklists that no document satisfies are reported too (T001).
    """
    root = root.resolve()
    registry = load_registry(root)
    corpus = Corpus(root=root, registry=registry, problems=list(registry.problems))
    all_paths = document_paths(root)
    wanted: set[Path] | None = None
    if paths is not None:
        wanted = set()
        for p in paths:
            abs_p = (root / p).resolve() if not p.is_absolute() else p.resolve()
            if abs_p.is_dir():
                wanted |= {q for q in all_paths if (root / q).is_relative_to(abs_p)}
                continue
            rel = abs_p.relative_to(root) if abs_p.is_relative_to(root) else abs_p
            wanted.add(rel)
            if rel not in all_paths:
                outside = check_location(rel)
                if outside:
                    corpus.problems += outside
                else:
                    all_paths.append(rel)
    else:
        corpus.problems += stray_files(root) + crowded_folders(all_paths)

    allow, allow_probs = load_allow(root)
    corpus.problems += allow_probs
    allow_used: set[Allowed] = set()
    loaded: list[tuple[Document, Loaded]] = []
    for rel in all_paths:
        raw = (root / rel).read_bytes()
        doc, fm, probs = parse_document(rel, raw)
        probs += check_personal_data(rel, raw, allow, allow_used)
        if doc is None and fm is not None:  # typed documents are checked with the corpus
            probs += check_registry_refs(rel, fm, registry)
        if wanted is None or rel in wanted:
            corpus.problems += probs
        if doc is not None and fm is not None:
            loaded.append((doc, fm))
            corpus.documents.append(doc)

    corpus.problems += check_corpus(loaded, registry)
    corpus.problems += unused(allow, allow_used)
    corpus.redirects, redirect_probs = check_permalinks(root, all_paths, corpus.documents)
    corpus.problems += redirect_probs
    corpus.checklists, checklist_probs = load_checklists(root, registry)
    corpus.problems += checklist_probs
    if disclosure:
        corpus.problems += missing_disclosures(corpus.checklists, corpus.documents)
    if wanted is not None:
        corpus.problems = [p for p in corpus.problems
                           if Path(p.path) in wanted or p.path.startswith(REGISTRY_DIR.as_posix())]
    corpus.problems.sort()
    return corpus


def check_corpus(loaded: list[tuple[Document, Loaded]], registry: Registry) -> list[Problem]:
    """Checks across documents: duplicates (I003), relations (R003), registry refs (R001/R002),
    meeting numbers (N003) and follow-ups (N005-N007)."""
    probs = check_meeting_numbers(
        (doc, fm.value_positions.get("number", Position(1, 1))) for doc, fm in loaded)
    probs += check_follow_ups(doc for doc, _ in loaded)
    seen: dict[str, list[Document]] = defaultdict(list)
    for doc, _ in loaded:
        seen[str(doc.id)].append(doc)
    for doc, fm in loaded:
        same = seen[str(doc.id)]
        if len(same) > 1:
            others = ", ".join(d.path.as_posix() for d in same if d is not doc)
            pos = fm.value_positions.get("id", Position(1, 1))
            probs.append(problem(doc.path, pos.line, pos.col, "I003",
                                 f"รหัส '{doc.id}' ซ้ำกับ {others}"))
        probs += check_registry_refs(doc.path, fm, registry)
        if doc.plan is not None:  # provinces named in plan data (K003)
            probs += check_plan_provinces(doc.path, doc.plan, registry)
        for key in ("amends", "repeals"):
            items = fm.item_positions.get(key, [])
            for i, target in enumerate(getattr(doc, key)):
                if target not in seen:
                    pos = items[i] if i < len(items) else fm.value_positions[key]
                    probs.append(problem(doc.path, pos.line, pos.col, "R003",
                                         f"ช่อง '{key}' อ้างถึง '{target}' ซึ่งไม่มีในคลังเอกสาร"))
    return probs
