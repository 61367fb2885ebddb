"""Page layout from positioned PDF text: ruled and aligned tables, two-column reading order.

``pdf`` gives each page as pieces of text (baseline, start and end x, font size) and the ruling
lines drawn on it. Here a page becomes blocks in reading order. A table is recognised two ways:
a grid of ruling lines (cell borders, the usual case for tables from Word, LibreOffice or fpdf2),
where every piece inside the grid goes to the cell it starts in, so a cell wrapped over several
lines stays one cell; or, without lines, three or more consecutive single-line rows whose
pieces, separated by wide gaps, start at the same column positions. Each becomes a Markdown pipe
table (first row as header). Anything not confidently a table stays lines of text, so no text is
ever dropped. Between tables, a band of text whose pieces leave an empty vertical gutter near
the middle (and that has enough lines on each side) is read as two columns: left column fully,
then the right one; a line crossing the gutter (a heading) separates bands.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from . import thaifix

TOL = 2.0  # points: lines closer than this are one line; cell borders may not meet exactly


@dataclass
class Piece:
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
    return [sorted(ln, key=lambda p: p.x0) for ln in lines]


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
        if len(ys) >= 2 and len(xs) >= 3:  # two rows of borders, at least two columns
            out.append((ys, xs))
    return out


def _cell_text(pieces: list[Piece]) -> str:
    lines = ["".join(p.text for p in ln) for ln in group_lines(pieces)]
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
        if len(keep) < 2 or len(rows) < 2:
            continue  # a framed paragraph, not a table: its text stays a paragraph
        tables.append(Table(ys[-1], ys[0], rows))
        taken = {id(p) for p in inside}
        rest = [p for p in rest if id(p) not in taken]
    return tables, rest


def _segments(line: list[Piece]) -> list[list[Piece]]:
    """A line split where the gap between pieces is wide (two ems or more)."""
    segs: list[list[Piece]] = [[line[0]]]
    for a, b in itertools.pairwise(line):
        if b.x0 - a.x1 >= 2.0 * max(a.size, b.size):
            segs.append([b])
        else:
            segs[-1].append(b)
    return segs


def _aligned(starts: list[list[float]], size: float) -> bool:
    """Every row has the same number of segments, starting at the same x (within half an em)."""
    n = len(starts[0])
    return n >= 2 and all(len(s) == n and all(abs(a - b) <= 0.5 * size for a, b in zip(s, starts[0],
                                                                                      strict=True))
                          for s in starts)


def aligned_tables(lines: list[list[Piece]]) -> list[Table | list[list[Piece]]]:
    """Runs of three or more single-line rows aligned in columns become tables (see module doc).
    """
    out: list[Table | list[list[Piece]]] = []
    i = 0
    while i < len(lines):
        segs = _segments(lines[i])
        j = i + 1
        if len(segs) >= 2:
            size = max(p.size for p in lines[i])
            first = [s[0].x0 for s in segs]
            while j < len(lines) and _aligned([first, [s[0].x0 for s in _segments(lines[j])]],
                                              size):
                j += 1
        if j - i >= 3:
            rows = [[_cell_text(s) for s in _segments(ln)] for ln in lines[i:j]]
            out.append(Table(lines[i][0].y, lines[j - 1][0].y, rows))
            i = j
            continue
        if out and not isinstance(out[-1], Table):
            out[-1].append(lines[i])
        else:
            out.append([lines[i]])
        i += 1
    return out


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
    # Columns of text: most right-hand lines start at one left edge (not scattered values).
    r_edge = min(ln[0].x0 for ln in lines_r)
    size = max(p.size for p in pieces)
    flush = sum(1 for ln in lines_r if ln[0].x0 - r_edge < 2 * size)
    return gx if flush >= 0.6 * len(lines_r) else None


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
