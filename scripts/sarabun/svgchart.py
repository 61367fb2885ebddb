"""Static, accessible bar charts as SVG text, made at build time (no script, no library).

``bar_chart`` draws horizontal bars, one group per row (a KPI, a budget line) and one bar per
series in the group (target and actual; requested, allocated and disbursed). It never relies on
colour alone: each series has its own fill pattern (solid, hatched, outlined) shown in the legend,
and every bar is labelled in words with its value (``ผล 95%``). The SVG is ``role="img"`` with a
``<title>`` and a ``<desc>`` that reads every value, and the page puts the same numbers in a data
table beside it. Labels are Thai, so text is never measured: rows are laid out on their own line
above the bars and long labels are cut at a character boundary (the table has them in full).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 480
PAD = 8
FONT = 15
BAR = 18
GAP = 5
LABEL_CHARS = 42
#: estimated advance of one Thai or Latin character at FONT (marks take no room)
CHAR_WIDTH = 8.2

#: Thai marks drawn on or under the previous letter: never cut a label just before one.
_MARKS = {chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))}


@dataclass(frozen=True)
class Series:
    label: str  # Thai word in the legend and before each value, e.g. "เป้าหมาย"
    style: str  # "solid", "hatch" or "outline"


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[float | None, ...]  # one per series; None: not given, no bar
    texts: tuple[str, ...]  # the values as shown, one per series


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    """``label`` cut to about ``limit`` characters, never between a letter and its marks."""
    if len(label) <= limit:
        return label
    cut = limit
    while cut > 0 and label[cut] in _MARKS:
        cut -= 1
    return label[:cut].rstrip() + "…"


def text_width(text: str) -> float:
    """A generous estimate of how wide ``text`` is drawn (SVG text cannot be measured here)."""
    return sum(0 if ch in _MARKS else CHAR_WIDTH for ch in text)


def _top(rows: Sequence[Row], scale_max: float | None) -> float:
    """The value drawn as the longest bar on a shared scale."""
    largest = max((v for r in rows for v in r.values if v is not None), default=0.0)
    return max(largest, scale_max) if scale_max is not None else largest


def _span(series: Sequence[Series], rows: Sequence[Row], shared_scale: bool,
          scale_max: float | None = None) -> float:
    """The length of the longest bar such that every bar's value label still fits after it."""
    span = float(WIDTH - 2 * PAD)
    shared = _top(rows, scale_max)
    for row in rows:
        top = shared if shared_scale else max((v for v in row.values if v is not None),
                                               default=0.0)
        for s, value, text in zip(series, row.values, row.texts, strict=True):
            if value is None or value <= 0 or top <= 0:
                continue
            room = WIDTH - 2 * PAD - 6 - text_width(f"{s.label} {text}")
            span = min(span, room * top / value)
    return max(span, 40.0)


def _fill(chart_id: str, style: str) -> str:
    if style == "solid":
        return 'fill="#1a237e"'
    if style == "hatch":
        return f'fill="url(#{chart_id}-hatch)" stroke="#1a237e" stroke-width="1.5"'
    return 'fill="#ffffff" stroke="#1a237e" stroke-width="2" stroke-dasharray="4 2"'


def _defs(chart_id: str) -> str:
    return (f'<defs><pattern id="{chart_id}-hatch" patternUnits="userSpaceOnUse" width="6" '
            'height="6" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#ffffff"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#1a237e" stroke-width="3"/>'
            "</pattern></defs>")


def bar_chart(chart_id: str, title: str, desc: str, series: Sequence[Series],
              rows: Sequence[Row], shared_scale: bool = True,
              scale_max: float | None = None) -> str:
    """The SVG of a horizontal bar chart; ``shared_scale`` False scales each row on its own,
    and ``scale_max`` (e.g. 100 for percentages) is the least value a full-length bar stands for.

    ``chart_id`` must be unique on the page (it prefixes the ids of the title, desc, pattern).
    """
    parts: list[str] = [_defs(chart_id)]
    y = PAD
    # legend: one swatch and word per series
    x = PAD
    for s in series:
        parts.append(f'<rect x="{x}" y="{y}" width="{BAR}" height="{BAR - 4}" '
                     f'{_fill(chart_id, s.style)}/>')
        parts.append(f'<text x="{x + BAR + 6}" y="{y + BAR - 5}">{_esc(s.label)}</text>')
        x += BAR + 12 + len(s.label) * 9 + 16
    y += BAR + 14
    span = _span(series, rows, shared_scale, scale_max)
    shared = _top(rows, scale_max)
    for row in rows:
        parts.append(f'<text x="{PAD}" y="{y + FONT}" font-weight="bold">'
                     f"{_esc(shorten(row.label))}</text>")
        y += FONT + 8
        top = shared if shared_scale else max((v for v in row.values if v is not None),
                                               default=0.0)
        for s, value, text in zip(series, row.values, row.texts, strict=True):
            if value is None:
                continue
            width = 0.0 if top <= 0 else max(span * value / top, 1.0 if value > 0 else 0.0)
            parts.append(f'<rect x="{PAD}" y="{y}" width="{width:.1f}" height="{BAR}" '
                         f'{_fill(chart_id, s.style)}/>')
            parts.append(f'<text x="{PAD + width + 6:.1f}" y="{y + BAR - 4}">'
                         f"{_esc(s.label)} {_esc(text)}</text>")
            y += BAR + GAP
        y += 12
    height = y + PAD
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="sarabun-chart__svg" role="img" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-size="{FONT}" '
            'fill="currentColor">'
            f'<title id="{chart_id}-title">{_esc(title)}</title>'
            f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>' + "".join(parts) + "</svg>")
