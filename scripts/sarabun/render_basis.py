"""Legal basis on a document page: the row "อาศัยอำนาจตาม" of the metadata panel.

Each instrument a document says it is made under (``legal_basis``, computed once per build in
the citation index) is listed with its provisions; when the instrument is in the repository its
title links to its page and each provision to its anchor there (``#section-11`` for มาตรา ๑๑,
when the page has it), and otherwise it stays plain text (the wanted page lists it).
"""

from __future__ import annotations

from .legal_basis import Basis
from .model import Document
from .render import Site, doc_src, esc
from .render_citations import cite_index
from .thai import to_thai_digits

BASIS_LABEL = "อาศัยอำนาจตาม"


def basis_html(site: Site, doc: Document, basis: Basis) -> str:
    """One instrument and its provisions, linked where the repository has them."""
    src = doc_src(doc)
    target = site.by_id.get(basis.target or "") if basis.target != str(doc.id) else None
    anchors = cite_index(site).clause_anchors.get(basis.target or "", set())
    provs = []
    for p in basis.provisions:
        text = esc(to_thai_digits(p.text))
        if target is not None:
            frag = f"#{p.anchor}" if p.anchor in anchors else ""
            provs.append(f'<a class="sarabun-basis__provision" '
                         f'href="{site.link(src, doc_src(target))}{frag}">{text}</a>')
        else:
            provs.append(text)
    title = target.title if target is not None else to_thai_digits(basis.label)
    inst = site.a(src, doc_src(target), title) if target is not None else esc(title)
    if not provs:
        return inst
    return " และ".join(provs) + f" แห่ง{inst}"


def basis_row(site: Site, doc: Document) -> tuple[str, str] | None:
    """(label, value HTML) for the metadata panel, when the text states its legal basis."""
    found = cite_index(site).basis.get(str(doc.id), [])
    if not found:
        return None
    items = "".join(f"<li>{basis_html(site, doc, b)}</li>" for b in found)
    return BASIS_LABEL, f'<ul class="sarabun-basis">{items}</ul>'
