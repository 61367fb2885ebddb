"""PDF text layer to paragraphs and tables, with pypdf: lines are measured so wraps can be told.

pypdf gives the text of each line but not where the line ends, and in Thai, where a paragraph
wraps between words with no space, only geometry shows whether a line break is a wrap or the end
of a paragraph. While pypdf walks the content stream we note each text-showing operation's start
and width (from the font's width table) and the ruling lines drawn; ``pdflayout`` turns those
into tables and columns in reading order. Lines are grouped by baseline, and a new paragraph
starts where there is extra vertical space, a first-line indent, a structural marker (ข้อ ๑,
หมวด, a bullet) or a line that ends short of the right margin although the next line's first
word would have fitted; a paragraph runs on across a page or column break. Page numbers alone
on a line are dropped. Encrypted, corrupt, empty and image-only (scanned, needs OCR) files raise
ImportFailure with a message that says so.
"""

from __future__ import annotations

import functools
import io
import itertools
import logging
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pypdf.generic import ArrayObject, NameObject, TextStringObject

from . import thaifix
from .base import Extracted, ImportFailure
from .pdflayout import Piece, Rule, Table, group_lines, layout, line_text, rects_to_rules

_STRUCTURE = re.compile(
    r"^(?:ข้อ\s*[0-9๐-๙]|หมวด\s*[0-9๐-๙]|หมวดที่|ส่วนที่\s*[0-9๐-๙]|บทเฉพาะกาล|"
    r"\(?[0-9๐-๙]{1,3}[.)]\s|[-•●▪○■]\s|สั่ง ณ|ประกาศ ณ|ให้ไว้ ณ|เรื่อง\s)"
)
_PAGE_NUMBER = re.compile(r"^[\s\-–—(]*(?:หน้า\s*)?[0-9๐-๙]{1,4}[\s\-–—)]*$")
_MARKS = set(thaifix.THAI_MARKS)
MIN_BAND = 5  # lines a band needs to show its own right margin


@dataclass
class _Font:
    two_byte: bool
    widths: dict[int, float]  # code -> width in 1/1000 em
    default: float


@dataclass
class Line:
    y: float
    x0: float
    x1: float
    size: float
    text: str = ""

    @property
    def cells(self) -> int:
        """Characters that take horizontal room (Thai marks sit above or below)."""
        return max(1, sum(1 for c in self.text if c not in _MARKS))


def _num(v: Any, default: float = 0.0) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return default


def _font(obj: Any) -> _Font:
    """Width table of a font dictionary: Type0 (2-byte CIDs, /W) or a simple font (/Widths)."""
    font = obj.get_object() if hasattr(obj, "get_object") else obj
    widths: dict[int, float] = {}
    if font.get("/Subtype") == "/Type0":
        desc = font["/DescendantFonts"][0].get_object()
        w = list(desc.get("/W", []))
        i = 0
        while i + 1 < len(w):
            first = int(w[i])
            nxt = w[i + 1].get_object() if hasattr(w[i + 1], "get_object") else w[i + 1]
            if isinstance(nxt, list):
                for k, width in enumerate(nxt):
                    widths[first + k] = _num(width)
                i += 2
            else:
                last = int(nxt)
                for code in range(first, last + 1):
                    widths[code] = _num(w[i + 2])
                i += 3
        return _Font(True, widths, _num(desc.get("/DW"), 1000.0))
    first = int(font.get("/FirstChar", 0))
    for k, width in enumerate(font.get("/Widths", []) or []):
        widths[first + k] = _num(width)
    missing = 500.0
    fd = font.get("/FontDescriptor")
    if fd is not None:
        missing = _num(fd.get_object().get("/MissingWidth"), 500.0) or 500.0
    return _Font(False, widths, missing)


@dataclass
class _State:
    fonts: dict[str, Any]
    font: _Font | None = None
    size: float = 12.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0
    runs: list[tuple[float, float, float, float]] = field(default_factory=list)  # y, x0, x1, size
    cache: dict[str, _Font] = field(default_factory=dict)

    def set_font(self, name: str, size: float) -> None:
        self.size = size
        if name not in self.cache and name in self.fonts:
            try:
                self.cache[name] = _font(self.fonts[name])
            except (KeyError, TypeError, ValueError, IndexError):
                self.cache[name] = _Font(False, {}, 500.0)
        self.font = self.cache.get(name)

    def width(self, items: Iterable[Any]) -> float:
        """Advance of a Tj string or TJ array, in text space units."""
        total = 0.0
        for item in items:
            if isinstance(item, (bytes, str)):
                raw = item if isinstance(item, bytes) else item.encode("latin-1", "replace")
                font = self.font or _Font(False, {}, 500.0)
                step = 2 if font.two_byte else 1
                for i in range(0, len(raw) - step + 1, step):
                    code = int.from_bytes(raw[i:i + step], "big")
                    w = font.widths.get(code, font.default) / 1000.0 * self.size
                    total += w + self.char_space
                    if code == 32 and not font.two_byte:
                        total += self.word_space
            else:
                total -= _num(item) / 1000.0 * self.size
        return total * self.scale


def _transform(x: float, y: float, m: list[float]) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


def _actual_text(props: Any, resources: Any) -> str | None:
    """The /ActualText of a marked-content span's properties (inline or a named resource)."""
    try:
        if isinstance(props, NameObject) and resources is not None:
            props = resources.get_object()["/Properties"][props]
        props = props.get_object()
        text = props.get("/ActualText") if hasattr(props, "get") else None
    except (KeyError, TypeError, AttributeError):
        return None
    return str(text) if text is not None else None


_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def _page_pieces(page: Any) -> tuple[list[Piece], list[Rule]]:
    """The positioned text pieces of one page and its ruling lines (table borders)."""
    resources = page.get("/Resources")
    fonts_obj = resources.get_object().get("/Font") if resources is not None else None
    fonts = dict(fonts_obj.get_object()) if fonts_obj is not None else {}
    state = _State(fonts=fonts)
    rules: list[Rule] = []
    path: list[Rule] = []
    pen: list[float] = [0.0, 0.0]
    # Marked-content spans open: [its piece in direct, its /ActualText], None without one.
    spans: list[list[Any] | None] = []
    direct: list[Piece] = []  # pieces of /ActualText spans
    pieces: list[Piece] = []

    def before(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"Tf" and len(args) >= 2:
            state.set_font(str(args[0]), _num(args[1], 12.0))
        elif op == b"Tc" and args:
            state.char_space = _num(args[0])
        elif op == b"Tw" and args:
            state.word_space = _num(args[0])
        elif op == b"Tz" and args:
            state.scale = _num(args[0], 100.0) / 100.0
        elif op in (b"Tj", b"TJ", b"'", b'"') and args:
            items = args[0] if op == b"TJ" else [args[-1]]
            x0, y = _transform(tm[4], tm[5], cm)
            w = state.width(items) * tm[0] * cm[0]
            run = (y, x0, x0 + w, state.size * abs(tm[3] * cm[3] or 1.0))
            span = next((sp for sp in reversed(spans) if sp is not None), None)
            if span is None:
                state.runs.append(run)
                return
            # The span's glyphs stand for its /ActualText: pypdf shows nothing, we show that.
            if op == b"TJ":
                args[0] = ArrayObject()
            else:
                args[-1] = TextStringObject("")
            if span[0] is None:
                span[0] = len(direct)
                direct.append(Piece(y, x0, x0 + w, run[3], span[1]))
            else:
                direct[span[0]].x1 = max(direct[span[0]].x1, x0 + w)
        elif op == b"BDC" and len(args) >= 2:
            actual = _actual_text(args[1], resources)
            spans.append(None if actual is None else [None, actual])
        elif op == b"BMC":
            spans.append(None)
        elif op == b"EMC" and spans:
            spans.pop()
        elif op == b"re" and len(args) == 4:
            x, y = _transform(_num(args[0]), _num(args[1]), cm)
            path.extend(rects_to_rules(x, y, _num(args[2]) * cm[0], _num(args[3]) * cm[3]))
        elif op == b"m" and len(args) == 2:
            pen[:] = _transform(_num(args[0]), _num(args[1]), cm)
        elif op == b"l" and len(args) == 2:
            x, y = _transform(_num(args[0]), _num(args[1]), cm)
            (x0, x1), (y0, y1) = sorted((pen[0], x)), sorted((pen[1], y))
            path.append(Rule(x0, y0, x1, y1))
            pen[:] = [x, y]
        elif op in _PAINT:
            rules.extend(path)
            path.clear()
        elif op == b"n":
            path.clear()  # a clipping path, not drawn

    def visit(text: str, cm: list[float], tm: list[float], _fd: Any, _fs: float) -> None:
        """pypdf shows the text of the runs drawn since the last call: pair them."""
        if not text.strip("\n"):
            return
        text = text.replace("\n", "")
        x, y = _transform(tm[4], tm[5], cm)
        runs, state.runs = state.runs, []
        mine = [r for r in runs if abs(r[0] - y) < 0.5 * max(r[3], 1.0)]
        if runs and runs[-1] not in mine:
            state.runs = [runs[-1]]  # drawn on the next line: its text comes in the next call
        pieces.extend(_pair(x, y, text, mine))

    page.extract_text(visitor_operand_before=before, visitor_text=visit)
    return [p for p in pieces + direct if p.text.strip()], rules


def _pair(x: float, y: float, text: str, runs: list[tuple[float, float, float, float]]
          ) -> list[Piece]:
    """Pieces for one chunk of pypdf text and the runs it came from. pypdf joins runs drawn
    apart on one line with a space (quotes set in another font, drawn after the line): when
    the words match the runs one for one and the runs are far apart, each word goes to its run.
    """
    if not runs:
        return [Piece(y, x, x + 0.3 * len(text) * 12.0, 12.0, text)]
    words = text.split()
    ordered = sorted(runs, key=lambda r: r[1])
    apart = any(b[1] - a[2] > max(a[3], 1.0) for a, b in itertools.pairwise(ordered))
    if len(runs) >= 2 and len(words) == len(runs) and apart:
        return [Piece(r[0], r[1], r[2], r[3], w) for r, w in zip(runs, words, strict=True)]
    return [Piece(y, x, max(r[2] for r in runs), max(r[3] for r in runs), text)]


def to_line(pieces: list[Piece]) -> Line:
    """One baseline's pieces as a Line (text in x order)."""
    return Line(pieces[0].y, min(p.x0 for p in pieces), max(p.x1 for p in pieces),
                max(p.size for p in pieces), line_text(pieces))


def is_centred(ln: Line, left: float, right: float) -> bool:
    """A line set in the middle between the margins (a heading), not flush left."""
    return ln.x0 > left + ln.size and abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) < ln.size


def right_margin(lines: list[Line]) -> float:
    """Where full lines end: a high percentile of line ends (a stray wide line is ignored)."""
    return sorted(ln.x1 for ln in lines)[int(0.9 * (len(lines) - 1))]


def _first_word_cells(text: str) -> int:
    """Width in cells of the first word: up to a space or a zero-width space, and in Thai, where
    a line may break between any two dictionary words, the first dictionary word."""
    word = re.split(r"[\s\u200b]+", text.strip())[0]
    lead = re.match(r"[^\u0e00-\u0e7f]*", word)
    head = lead.group(0) if lead else ""  # an opening bracket or quote stays with its word
    if any(thaifix.is_thai(c) for c in word[len(head):]):
        word = head + _first_thai_word(word[len(head):][:40])
    return sum(1 for c in word if c not in _MARKS)


@functools.lru_cache(maxsize=4096)
def _first_thai_word(text: str) -> str:
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, engine="newmm", keep_whitespace=False)
    return words[0] if words else text


def wraps(a: Line, b: Line, right: float) -> bool:
    """``a`` ends because ``b``'s first word did not fit on it: a wrap, not a line break."""
    per_cell = (b.x1 - b.x0) / b.cells
    return a.x1 + per_cell * (_first_word_cells(b.text) + 1) >= right - 0.5 * b.size


def paragraphs(lines: list[Line], right: float | None = None) -> list[list[Line]]:
    """Group a page's lines into paragraphs by spacing, indent, markers and line fullness."""
    if not lines:
        return []
    gaps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y > 0]
    pitch = statistics.median(gaps) if gaps else lines[0].size * 1.2
    right = right_margin(lines) if right is None else right
    left = min(ln.x0 for ln in lines)

    def centred(ln: Line) -> bool:
        return is_centred(ln, left, right)

    out: list[list[Line]] = [[lines[0]]]
    for a, b in itertools.pairwise(lines):
        new = (
            a.y - b.y > 1.4 * pitch
            or (b.x0 > a.x0 + 0.8 * b.size and not centred(b))
            or (centred(a) and not centred(b))  # a heading, then the text under it
            or not wraps(a, b, right)
            # A marker (ข้อ ๑, หมวด ๒, a bullet) after a full line starts a paragraph only when
            # it stands apart (indent, space, short line above): wrapped text can begin a line
            # with a cited "หมวด 7" or "ข้อ 12".
            or (bool(_STRUCTURE.match(b.text.strip())) and b.x0 > left + 0.8 * b.size)
        )
        if new:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _strip_page_numbers(pieces: list[Piece]) -> list[Piece]:
    """Drop a page number alone on the page's first or last line."""
    lines = group_lines(pieces)
    drop: list[Piece] = []
    for ln in lines[:1] + lines[-1:] if len(lines) > 1 else lines:
        if _PAGE_NUMBER.match("".join(p.text for p in ln)):
            drop += ln
    return [p for p in pieces if all(p is not d for d in drop)]


def _open(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise ImportFailure("corrupt", "ไฟล์ PDF เสียหรือไม่ใช่ PDF (ไม่พบส่วนหัว %PDF-)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise ImportFailure("encrypted", "ไฟล์ PDF เข้ารหัสไว้ อ่านไม่ได้ "
                                    "ให้ขอไฟล์ที่ไม่เข้ารหัสจากหน่วยงาน") from exc
            if not ok:
                raise ImportFailure("encrypted", "ไฟล์ PDF เข้ารหัสด้วยรหัสผ่าน อ่านไม่ได้ "
                                    "ให้ขอไฟล์ที่ไม่เข้ารหัสจากหน่วยงาน")
        _ = len(reader.pages)
        return reader
    except ImportFailure:
        raise
    except FileNotDecryptedError as exc:
        raise ImportFailure("encrypted", "ไฟล์ PDF เข้ารหัสไว้ อ่านไม่ได้") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, OSError) as exc:
        raise ImportFailure("corrupt", f"ไฟล์ PDF เสีย อ่านไม่ได้ ({exc})") from exc


def _has_images(page: Any) -> bool:
    return _image_count(page) > 0


def _image_count(page: Any) -> int:
    """Images drawn on a page (a damaged image table counts as one: say there is something)."""
    try:
        return len(page.images)
    except Exception:
        return 1


def extract(data: bytes) -> Extracted:
    """Paragraph text of a PDF; raise ImportFailure for files with no usable text layer."""
    reader = _open(data)
    if len(reader.pages) == 0:
        raise ImportFailure("empty", "ไฟล์ PDF ไม่มีหน้าใดเลย")
    # A page's blocks: paragraphs (lines) and tables (Markdown), in reading order.
    blocks: list[list[Line] | Table] = []
    scanned: list[int] = []  # pages that are only an image (a scan in a text PDF)
    figures = 0  # images on pages with text (figures, logos, signatures): not imported
    margins = (0.0, 0.0)  # left and right margin of the text read last
    try:
        for number, page in enumerate(reader.pages, start=1):
            pieces, rules = _page_pieces(page)
            pieces = _strip_page_numbers(pieces)
            if not pieces and _has_images(page):
                scanned.append(number)
            elif pieces:
                figures += _image_count(page)
            page_lines = [to_line(ln) for ln in group_lines(pieces)] or [Line(0, 0, 0, 12)]
            # The page's text extent (tables included) for bands too short to show their own.
            page_left = min(ln.x0 for ln in page_lines)
            page_right = max(ln.x1 for ln in page_lines)
            for block in layout(pieces, rules):
                if isinstance(block, Table):
                    _add_table(blocks, block)
                    continue
                lines = [to_line(ln) for ln in block.lines]
                # A few lines between tables do not show where full lines end: use the page's.
                own = len(lines) >= MIN_BAND
                band_right = right_margin(lines) if own else page_right
                band_left = min(ln.x0 for ln in lines) if own else page_left
                band = paragraphs(lines, band_right)
                last = blocks[-1] if blocks else None
                # A paragraph runs on across a page break or into the next column.
                if (isinstance(last, list) and band and not is_centred(last[-1], *margins)
                        and _continues(last[-1], band[0][0], margins[1], band_left)):
                    last.extend(band.pop(0))
                blocks += band
                margins = (band_left, band_right)
    except ImportFailure:
        raise
    except Exception as exc:
        raise ImportFailure("corrupt", f"ไฟล์ PDF เสีย อ่านข้อความไม่ได้ ({exc})") from exc
    texts: list[str] = []
    tables: set[int] = set()
    for b in blocks:
        if isinstance(b, Table):
            tables.add(len(texts))
            texts.append(b.markdown())
            continue
        # Repair before joining (so glue sees real characters) and after (marks split by a wrap).
        t = thaifix.repair_citations(thaifix.repair(
            thaifix.join_lines([thaifix.repair(ln.text) for ln in b])))
        if t.strip():
            texts.append(t)
    if not texts:
        if scanned:
            raise ImportFailure("image-only", "ไฟล์ PDF เป็นภาพสแกน ไม่มีชั้นข้อความ "
                                "ต้องทำ OCR (แปลงภาพเป็นข้อความ) ก่อนนำเข้า")
        raise ImportFailure("empty", "ไฟล์ PDF ไม่มีข้อความ")
    # Text on scanned pages is missing from the draft: staff must add it (a todo item).
    todo = [f"ข้อความ: หน้า {', '.join(map(str, scanned))} ของต้นฉบับเป็นภาพสแกน ไม่มีชั้นข้อความ "
            "จึงไม่ได้นำเข้า ต้องทำ OCR หรือพิมพ์ข้อความของหน้านั้นเพิ่มตามต้นฉบับ"] if scanned else []
    warnings = [f"ต้นฉบับมีรูปภาพ {figures} รูป ซึ่งไม่ได้นำเข้า"] if figures else []
    return Extracted(text="\n\n".join(texts), markdown=False, tables=frozenset(tables),
                     warnings=warnings, todo=todo)


def _add_table(blocks: list[list[Line] | Table], table: Table) -> None:
    """Append a table; one continued from the previous page (same columns) is joined to it,
    without its repeated header row. A row the page break cut in two (its first cell empty
    where every other row fills it) is joined back to the row it continues."""
    last = blocks[-1] if blocks else None
    if isinstance(last, Table) and len(last.rows[0]) == len(table.rows[0]):
        rows = table.rows[1:] if table.rows[0] == last.rows[0] else table.rows
        body = last.rows[1:] + rows[1:]
        if rows and len(last.rows) > 1 and not rows[0][0] and all(r[0] for r in body):
            cut = rows.pop(0)
            last.rows[-1] = [thaifix.join_lines([a, b]) if a and b else a or b
                             for a, b in zip(last.rows[-1], cut, strict=True)]
        last.rows.extend(rows)
        return
    blocks.append(table)


def _continues(last: Line, first: Line, right: float, left: float) -> bool:
    """A paragraph runs on to the next page or column: the last line is full and the next is
    not indented from its own column's left edge ``left``."""
    return (not _STRUCTURE.match(first.text.strip()) and wraps(last, first, right)
            and first.x0 <= left + 0.8 * first.size)
