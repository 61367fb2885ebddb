"""Shape imported text into the Markdown body of a draft: escapes, bullets and clause headings.

Plain paragraphs (from PDF or .txt) are escaped only where Markdown would change the text: a
leading ``1.`` would be renumbered as a list, ``*``/``_`` would turn into emphasis, ``<`` could
start HTML, a leading ``#`` or ``>`` a heading or quote. Bullets (``•``) become ``-`` list items.
In both plain and pandoc Markdown, a paragraph that opens with ``ข้อ ๑`` becomes a heading
``## ข้อ ๑`` followed by the clause text, and ``หมวด``/``บทเฉพาะกาล`` become the level above, so
the site gives each clause its ``clause-N`` anchor. Only markup is added: the words stay.
"""

from __future__ import annotations

import re

_D = "[0-9๐-๙]"
_BULLET = re.compile(r"^[•●▪○■◦]\s*")
_ORDERED = re.compile(r"^(\d+)([.)])(\s|$)")
_INLINE = re.compile(r"([\\`*_])")
_HTMLISH = re.compile(r"<(?=[A-Za-z/!?])")
_RULE = re.compile(r"^([-=_*])\1{2,}\s*$")
_CLAUSE = re.compile(rf"^(\*\*)?(ข้อ\s*{_D}+(?:/{_D}+)?)(\*\*)?(?![0-9๐-๙./])\s*(.*)$", re.S)
_PART = re.compile(rf"^(\*\*)?((?:หมวด(?:ที่)?\s*{_D}+|ส่วนที่\s*{_D}+|บทเฉพาะกาล)[^\n]*?)(\*\*)?$")
_MARKUP = re.compile(r"^(#{1,6}\s+|>\s*|[-+*]\s+|\d+[.)]\s+)|\*\*|__|\\(?=[\\`*_<#>\[\]().!|-])")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_EMPTY_SPAN = re.compile(r"<span id=\"[^\"]*\"></span>")
# pandoc writes tables it cannot make pipe tables (merged cells) as HTML with column widths.
_COLGROUP = re.compile(r"<colgroup>.*?</colgroup>\n?", re.S)
_TABLE_STYLE = re.compile(r'(<(?:table|col|th|td|tr)\b[^>]*?) style="[^"]*"')


def escape_plain(text: str) -> str:
    """Markdown for one plain paragraph, escaped only where Markdown would alter it."""
    text = _INLINE.sub(r"\\\1", text)
    text = _HTMLISH.sub(r"\\<", text)
    if _BULLET.match(text):
        return "- " + _BULLET.sub("", text)
    if _RULE.match(text):
        return "\\" + text
    m = _ORDERED.match(text)
    if m:
        return f"{m.group(1)}\\{m.group(2)}{text[m.end(2):]}"
    if text[:1] in "#>" or text.startswith("+ "):
        return "\\" + text
    return text


def blocks(markdown: str) -> list[str]:
    """Blank-line separated blocks of a Markdown text, trimmed."""
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", markdown) if b.strip()]


def plain(block: str) -> str:
    """A block's text without Markdown markup, on one line (for detection and comparison)."""
    lines = [_MARKUP.sub("", ln.strip()) for ln in block.split("\n")]
    return " ".join(ln for ln in lines if ln).strip()


def clean_pandoc(markdown: str) -> tuple[str, int]:
    """Drop image references (the images are not imported), empty bookmark spans, and the
    column widths pandoc puts on HTML tables (kept as HTML when cells are merged)."""
    images = len(_IMAGE.findall(markdown))
    markdown = _IMAGE.sub("", _EMPTY_SPAN.sub("", markdown))
    markdown = _TABLE_STYLE.sub(r"\1", _COLGROUP.sub("", markdown))
    return markdown, images


def clause_headings(items: list[str]) -> list[str]:
    """Turn ``ข้อ N ...`` paragraphs into a heading plus the clause text (see module doc)."""
    has_parts = any(_PART.match(b) and len(b) < 120 for b in items)
    part_level, clause_level = ("##", "###") if has_parts else ("##", "##")
    out: list[str] = []
    for b in items:
        if b.startswith("#") or "\n|" in b or b.startswith("|"):
            out.append(b)
            continue
        m = _CLAUSE.match(b)
        if m and bool(m.group(1)) == bool(m.group(3)):
            out.append(f"{clause_level} {m.group(2)}")
            if m.group(4).strip():
                out.append(m.group(4).strip())
            continue
        p = _PART.match(b)
        if p and len(b) < 120 and bool(p.group(1)) == bool(p.group(3)):
            out.append(f"{part_level} {p.group(2).strip()}")
            continue
        out.append(b)
    return out
