"""What the site knows about each province: the entries of the province pages, from any module.

A province page lists, grouped by kind (plans, projects, minutes, orders, reports ...), every
entry that concerns the province. Entries come from *contributors*: plain functions of the
``Site`` that yield ``ProvinceEntry`` values. ``document_entries`` gives one entry per document
and listed province (its ``provinces:`` field); modules with structured data add what the
document says about the province (a meeting's agenda items, a supervision report's findings)
as ``details`` of an entry with the same province, kind and page (they are merged into one), or
new entries of their own (a plan's projects, with the project's anchor on the plan page). To
contribute, a render module defines such a function and adds it to ``contributors``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import DOC_TYPES, Document
from .thai import thai_sorted

if TYPE_CHECKING:
    from .render import Site

#: The kinds of entries in the order a province page shows them, with their Thai headings;
#: document types not named here follow in ``DOC_TYPES`` order.
KIND_LABELS: dict[str, str] = {
    "plan": "แผน", "project": "โครงการ", "minutes": "รายงานการประชุม", "order": "คำสั่ง",
    "report": "รายงาน",
} | {code: t.plural_label for code, t in DOC_TYPES.items()
     if code not in ("plan", "minutes", "order", "report")}


@dataclass(frozen=True)
class ProvinceEntry:
    """One line of a province page."""

    province: str  # registry id
    kind: str  # a key of KIND_LABELS (a document type code, or "project")
    src: str  # the page file the entry links to, e.g. ``records/<id>.md``
    title: str
    anchor: str = ""  # fragment on that page (a project, an agenda item), without '#'
    #: the document the entry comes from: its date orders the list, its number and date show
    doc: Document | None = None
    #: escaped HTML fragments: what the document says about this province
    details: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.province, self.kind, self.src, self.anchor)


Contributor = Callable[["Site"], Iterable[ProvinceEntry]]


def document_entries(site: Site) -> Iterator[ProvinceEntry]:
    """Each document on the pages of the provinces in its ``provinces:`` field."""
    from .render import doc_src  # late: render builds on this module

    for doc in site.corpus.documents:
        for pid in doc.provinces:
            yield ProvinceEntry(pid, doc.type.code, doc_src(doc), doc.title, doc=doc)


def contributors() -> list[Contributor]:
    """Every contributor, documents first. Add a module's contributor here (one line)."""
    from .render_meeting import meeting_province_entries
    from .render_plan import plan_province_entries
    from .render_supervision import supervision_province_entries

    return [document_entries, meeting_province_entries, supervision_province_entries,
            plan_province_entries]


def _newest_first(entries: Iterable[ProvinceEntry]) -> list[ProvinceEntry]:
    from .render import date_key  # late: render builds on this module

    by_title = thai_sorted(entries, key=lambda e: e.title)
    return sorted(by_title, key=lambda e: date_key(e.doc) if e.doc else (0, 0, 0, 0),
                  reverse=True)


def province_entries(site: Site, sources: Iterable[Contributor] | None = None
                     ) -> dict[str, dict[str, list[ProvinceEntry]]]:
    """``{province: {kind: entries}}``; kinds in KIND_LABELS order, entries newest first.

    Entries with the same province, kind, page and anchor are merged: the first one's title
    and document are kept and the details of all are joined, in contributor order.
    """
    merged: dict[tuple[str, str, str, str], ProvinceEntry] = {}
    for contribute in (contributors() if sources is None else sources):
        for entry in contribute(site):
            old = merged.get(entry.key)
            merged[entry.key] = entry if old is None else ProvinceEntry(
                old.province, old.kind, old.src, old.title, old.anchor, old.doc or entry.doc,
                old.details + entry.details)
    grouped: dict[str, dict[str, list[ProvinceEntry]]] = {}
    order = {kind: i for i, kind in enumerate(KIND_LABELS)}
    for entry in merged.values():
        grouped.setdefault(entry.province, {}).setdefault(entry.kind, []).append(entry)
    return {pid: {kind: _newest_first(kinds[kind])
                  for kind in sorted(kinds, key=lambda k: (order.get(k, len(order)), k))}
            for pid, kinds in grouped.items()}
