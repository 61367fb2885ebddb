"""Page layout from positioned PDF text: ruled and borderless tables, two-column reading order.

``pdf`` gives each page as pieces of text (baseline, start and end x, font size) and the ruling
lines drawn on it. Here a page becomes blocks in reading order. A table is recognised two ways:
a grid of ruling lines (cell borders, the usual case for tables from Word, LibreOffice or fpdf2),
where every piece inside the grid goes to the cell it starts in, so a cell wrapped over several
lines stays one cell; or, without lines, a run of lines whose words start at the same column
edges (x positions where words start on three lines or more nearby) and never run across them,
as running text would. A borderless row ends where the line gap widens (cell padding), or at
every line when all gaps are equal. Each table becomes a Markdown pipe table (first row as
header). Anything not confidently a table stays lines of text, so no text is ever dropped.
Between tables, a band of text whose pieces leave an empty vertical gutter near the middle,
with enough filled lines on each side, is read as two columns: left column fully, then the
right one; a line crossing the gutter (a heading) separates bands.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from . import thaifix

WINDOW = 10  # lines looked at to find a borderless table's column edges
TOL = 2.0  # points: lines closer than this are one line; cell borders may not meet exactly


@dataclass
class Piece:
    """Text drawn on one baseline ``y`` from ``x0`` to ``x1`` (points, PDF user space)."""

    y: float
    x0: float
    x1: float
    size: float
    text: str


@dataclass
class Rule:
    """A straight ruling line (from ``re``, ``m``/``l`` paths), normalised x0<=x1, y0<=y1."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.y1 - self.y0 < TOL and self.x1 - self.x0 > 3 * TOL

    @property
    def vertical(self) -> bool:
        return self.x1 - self.x0 < TOL and self.y1 - self.y0 > 3 * TOL


@dataclass
class Table:
    top: float
    bottom: float
    rows: list[list[str]]

    def markdown(self) -> str:
        width = max(len(r) for r in self.rows)
        rows = [[*r, *[""] * (width - len(r))] for r in self.rows]
        out = [_row(rows[0]), "|" + "---|" * width]
        out += [_row(r) for r in rows[1:]]
        return "\n".join(out)


@dataclass
class Band:
    """Text lines in reading order (a column, or a band of a one-column page)."""

    lines: list[list[Piece]] = field(default_factory=list)


Block = Table | Band


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(escape_cell(c) for c in cells) + " |"


def escape_cell(text: str) -> str:
    """A cell's text as Markdown that shows the same characters (pipes and emphasis escaped)."""
    out = []
    for ch in text:
        if ch in "\\`*_|":
            out.append("\\" + ch)
        elif ch == "<":
            out.append("\\<")
        else:
            out.append(ch)
    return "".join(out)


def rects_to_rules(x: float, y: float, w: float, h: float) -> list[Rule]:
    """A rectangle: a thin one is one ruling line, a stroked box its four edges."""
    x0, x1 = sorted((x, x + w))
    y0, y1 = sorted((y, y + h))
    if y1 - y0 < TOL or x1 - x0 < TOL:
        return [Rule(x0, y0, x1, y1)]
    return [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1),
            Rule(x1, y0, x1, y1)]


def group_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline, top to bottom, each line left to right."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if lines and abs(lines[-1][0].y - p.y) < 0.3 * max(p.size, 1.0):
            lines[-1].append(p)
        else:
            lines.append([p])
    # At one x, a zero-width piece (Thai marks drawn after the letter they sit on) goes first:
    # it belongs to the text before, not to the word starting there.
    return [sorted(ln, key=lambda p: (p.x0, p.x1 - p.x0)) for ln in lines]


def line_text(line: list[Piece]) -> str:
    """The text of one line's pieces, left to right. Where a producer placed the next piece a
    space's width away without drawing a space (LibreOffice does, glyph by glyph), one is put.
    """
    out = ""
    end = float("-inf")
    for p in line:
        gap = p.x0 - end
        if out and gap >= 0.2 * p.size and not out[-1].isspace() and not p.text[:1].isspace():
            out += " "
        out += p.text
        end = max(end, p.x1) if p.x1 - p.x0 < 40 * p.size else p.x0
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _grids(rules: list[Rule]) -> list[tuple[list[float], list[float]]]:
    """Connected sets of horizontal and vertical rules: (row boundaries y, column boundaries x)."""
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if r.vertical]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if (h.x0 - TOL <= v.x0 <= h.x1 + TOL) and (v.y0 - TOL <= h.y0 <= v.y1 + TOL):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, list[int]] = {}
    for i in range(len(parent)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        ys = _cluster([hs[i].y0 for i in members if i < len(hs)])
        xs = _cluster([vs[i - len(hs)].x0 for i in members if i >= len(hs)])
        if len(ys) >= 2 and len(xs) >= 3:  # a row of cells between borders, two columns or more
            out.append((ys, xs))
    return out


def _cell_text(pieces: list[Piece]) -> str:
    lines = [line_text(ln) for ln in group_lines(pieces)]
    joined = thaifix.join_lines([thaifix.repair(t) for t in lines])
    return thaifix.repair_citations(thaifix.repair(joined))


def ruled_tables(pieces: list[Piece], rules: list[Rule]) -> tuple[list[Table], list[Piece]]:
    """Tables drawn with ruling lines, and the pieces not inside any of them."""
    tables: list[Table] = []
    rest = list(pieces)
    for ys, xs in _grids(rules):
        inside = [p for p in rest if xs[0] - TOL <= p.x0 <= xs[-1] + TOL
                  and ys[0] - TOL <= p.y <= ys[-1] + TOL]
        if not inside:
            continue
        cells: dict[tuple[int, int], list[Piece]] = {}
        for p in inside:
            row = sum(1 for y in ys[1:-1] if y > p.y)  # boundaries above the baseline
            col = sum(1 for x in xs[1:-1] if x <= p.x0 + TOL / 2)
            cells.setdefault((len(ys) - 2 - row, col), []).append(p)
        rows = [[_cell_text(cells.get((r, c), [])) for c in range(len(xs) - 1)]
                for r in range(len(ys) - 1)]
        rows = [r for r in reversed(rows) if any(r)]  # rows top to bottom, empty ones dropped
        keep = [c for c in range(len(xs) - 1) if any(r[c] for r in rows)]
        rows = [[r[c] for c in keep] for r in rows]
        if len(keep) < 2 or not rows:
            continue  # a framed paragraph, not a table: its text stays a paragraph
        taken = {id(p) for p in inside}
        if len(rows) == 1 and any(p.y < ys[0] - TOL for p in rest if id(p) not in taken):
            continue  # one row of boxes mid-page (a letterhead): only a page's last table may
            # be a lone header row, continued on the next page
        tables.append(Table(ys[-1], ys[0], rows))
        rest = [p for p in rest if id(p) not in taken]
    return tables, rest


def _words(line: list[Piece]) -> list[list[Piece]]:
    """A line split into words where pieces are a space's width apart (or more)."""
    words: list[list[Piece]] = [[line[0]]]
    for a, b in itertools.pairwise(line):
        if b.x0 - max(p.x1 for p in words[-1]) >= 0.2 * max(a.size, b.size):
            words.append([b])
        else:
            words[-1].append(b)
    return words


def _column_starts(lines: list[list[list[Piece]]]) -> list[float]:
    """x positions where words start on three lines or more (left edges of table columns)."""
    starts: list[tuple[float, int]] = sorted((w[0].x0, i) for i, ln in enumerate(lines)
                                             for w in ln)
    out: list[float] = []
    group: list[tuple[float, int]] = []
    for x, i in [*starts, (float("inf"), -1)]:
        if group and x - group[0][0] > TOL:
            if len({i for _, i in group}) >= 3:
                out.append(group[0][0])
            group = []
        group.append((x, i))
    return out


def _fits(words: list[list[Piece]], cols: list[float]) -> bool:
    """No word runs across a column's left edge (running text would)."""
    return not any(w[0].x0 < c - TOL < max(p.x1 for p in w) for w in words for c in cols[1:])


def _starts_column(words: list[list[Piece]], cols: list[float]) -> bool:
    return any(abs(w[0].x0 - c) <= TOL for w in words for c in cols[1:])


def _table_rows(lines: list[list[list[Piece]]], cols: list[float]) -> list[list[str]]:
    """Cells of a borderless table: a row ends where the line gap widens (cell padding), or
    at every line when all gaps are equal (one-line rows)."""
    gaps = [a[0][0].y - b[0][0].y for a, b in itertools.pairwise(lines)]
    pitch = min(gaps, default=0.0)
    groups: list[list[list[list[Piece]]]] = [[lines[0]]]
    wide = any(g > 1.15 * pitch for g in gaps)
    for gap, line in zip(gaps, lines[1:], strict=True):
        if not wide or gap > 1.15 * pitch:
            groups.append([line])
        else:
            groups[-1].append(line)
    rows = []
    for group in groups:
        cells: list[list[Piece]] = [[] for _ in cols]
        for line in group:
            for w in line:
                k = max(i for i, c in enumerate(cols) if c - TOL <= w[0].x0 or i == 0)
                cells[k] += w
        rows.append([_cell_text(c) for c in cells])
    return rows


def aligned_tables(lines: list[list[Piece]]) -> list[Table | list[list[Piece]]]:
    """Borderless tables: runs of lines whose words start at the same column edges and never run
    across them; everything else stays lines of text (see module doc)."""
    out: list[Table | list[list[Piece]]] = []
    worded = [_words(ln) for ln in lines]
    i = 0
    while i < len(lines):
        j = i
        # Column edges are found near the line, so a table next to another keeps its own.
        cols = _column_starts(worded[i:i + WINDOW])
        if len(cols) >= 2 and _starts_column(worded[i], cols) and _fits(worded[i], cols):
            j = i + 1
            while j < len(lines) and _fits(worded[j], cols):
                j += 1
            # The table ends with its last line that starts a column, and the lines wrapped
            # under it (as close as the table's own lines).
            while j > i + 1 and not _starts_column(worded[j - 1], cols):
                j -= 1
            gaps = [a[0].y - b[0].y for a, b in itertools.pairwise(lines[i:j])]
            pitch = min(gaps, default=0.0)
            wrapped = any(g > 1.15 * pitch for g in gaps)  # rows of several lines
            while wrapped and j < len(lines) and _fits(worded[j], cols) and \
                    lines[j - 1][0].y - lines[j][0].y <= 1.05 * pitch:
                j += 1
        table = _confident(worded[i:j], cols) if j - i >= 3 else None
        if table is not None:
            out.append(Table(lines[i][0].y, lines[j - 1][0].y, table))
            i = j
            continue
        if out and not isinstance(out[-1], Table):
            out[-1].append(lines[i])
        else:
            out.append([lines[i]])
        i += 1
    return out


def _confident(lines: list[list[list[Piece]]], cols: list[float]) -> list[list[str]] | None:
    """The rows of a run of aligned lines, if it is clearly a table: at least three lines start
    a column, and most rows fill the first column and one more."""
    if sum(1 for ln in lines if _starts_column(ln, cols)) < 3:
        return None
    used = [c for c in cols if any(abs(w[0].x0 - c) <= TOL for ln in lines for w in ln)]
    rows = _table_rows(lines, [cols[0], *[c for c in used if c != cols[0]]])
    full = sum(1 for r in rows if r[0] and sum(1 for c in r if c) >= 2)
    return rows if len(rows) >= 2 and full >= 0.5 * len(rows) else None


def _gutter(pieces: list[Piece]) -> float | None:
    """An x near the middle crossed by few pieces, with several lines on both sides, or None."""
    if len(pieces) < 6:
        return None
    left, right = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    width = right - left
    best: tuple[int, float] | None = None
    step = max(width / 200, 0.5)
    x = left + 0.3 * width
    while x <= left + 0.7 * width:
        crossing = sum(1 for p in pieces if p.x0 < x < p.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += step
    if best is None:
        return None
    crossing, gx = best
    lines_l = group_lines([p for p in pieces if p.x1 <= gx])
    lines_r = group_lines([p for p in pieces if p.x0 >= gx])
    if len(lines_l) < 5 or len(lines_r) < 5 or crossing > 0.1 * (len(lines_l) + len(lines_r)):
        return None
    # Columns of text: most right-hand lines start at one left edge (not scattered values),
    # and most lines on both sides run to their column's right edge (text fills a column; the
    # cells of a borderless table do not, and a table must not be read column by column).
    r_edge = min(ln[0].x0 for ln in lines_r)
    size = max(p.size for p in pieces)
    flush = sum(1 for ln in lines_r if ln[0].x0 - r_edge < 2 * size)
    return gx if flush >= 0.6 * len(lines_r) and _filled(lines_l) and _filled(lines_r) else None


def _filled(lines: list[list[Piece]]) -> bool:
    """Most lines end within three ems of the longest: running text, not table cells."""
    right = max(ln[-1].x1 for ln in lines)
    size = max(p.size for ln in lines for p in ln)
    return sum(1 for ln in lines if right - ln[-1].x1 < 3 * size) >= 0.6 * len(lines)


def reading_order(pieces: list[Piece]) -> list[list[list[Piece]]]:
    """Bands of lines in reading order: two columns read one after the other (see module doc)."""
    gx = _gutter(pieces)
    if gx is None:
        return [group_lines(pieces)]
    bands: list[list[list[Piece]]] = []
    left: list[Piece] = []
    right: list[Piece] = []
    for line in group_lines(pieces):
        if any(p.x0 < gx < p.x1 for p in line):  # a heading across both columns
            bands += [b for b in (group_lines(left), group_lines(right)) if b]
            left, right = [], []
            bands.append([line])
            continue
        left += [p for p in line if p.x1 <= gx]
        right += [p for p in line if p.x0 >= gx]
    bands += [b for b in (group_lines(left), group_lines(right)) if b]
    return bands


def layout(pieces: list[Piece], rules: list[Rule]) -> list[Block]:
    """A page as tables and bands of lines, in reading order."""
    tables, rest = ruled_tables(pieces, rules)
    tables.sort(key=lambda t: -t.top)
    blocks: list[Block] = []
    cuts = [*(t.top for t in tables), float("-inf")]
    above = float("inf")
    for k, cut in enumerate(cuts):
        chunk = [p for p in rest if cut < p.y <= above]
        for band in reading_order(chunk):
            for part in aligned_tables(band):
                blocks.append(part if isinstance(part, Table) else Band(part))
        if k < len(tables):
            blocks.append(tables[k])
            above = tables[k].top  # text beside a table is read after it
    return blocks
