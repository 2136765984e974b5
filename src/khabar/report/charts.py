"""Inline SVG charts drawn in Python: horizontal bar charts and histograms.

The report must open offline and read well in a screenshot, so the charts are plain SVG strings
with every colour, font size and label written into the markup (no JavaScript, no chart library,
no stylesheet needed). Every label goes through :func:`html.escape`, because labels come from the
corpus (domains, agency names, drop reasons) and a crawled page can hold anything.

    >>> svg = bar_chart([("kept", 7), ("dropped", 3)], title="Documents", x_label="documents",
    ...                 y_label="outcome")
    >>> svg.startswith("<svg") and "kept" in svg and ">7<" in svg
    True
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

#: one colour per role; fills are attributes so the SVG stands alone
BAR = "#3b6ea5"
BAR_ALT = "#c0504d"
GRID = "#d9d9d9"
INK = "#222222"
MUTED = "#666666"
FONT = "DejaVu Sans, Vazirmatn, Noto Sans Arabic, Tahoma, sans-serif"

#: approximate width of one character at the label size; good enough to size the label column
_CHAR_PX = 7.0
_LABEL_MAX_CHARS = 42


@dataclass(frozen=True, slots=True)
class Bin:
    """One histogram bar: ``label`` under it, ``count`` documents in it."""

    label: str
    count: int


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _fmt(n: float) -> str:
    """Counts with thousands separators: ``12,345``; floats keep one decimal.

    >>> _fmt(1234567), _fmt(2.5)
    ('1,234,567', '2.5')
    """
    if float(n).is_integer():
        return f"{int(n):,}"
    return f"{n:,.1f}"


def _short(label: str, limit: int = _LABEL_MAX_CHARS) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis (the full text goes in a tooltip)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def nice_ticks(top: float, count: int = 5) -> list[int]:
    """Integer axis ticks from 0 to at least ``top``: a 1-2-5 step, about ``count`` of them.

    Counts are whole documents, so the step is never below 1.

    >>> nice_ticks(7)
    [0, 2, 4, 6, 8]
    >>> nice_ticks(0)
    [0, 1]
    >>> nice_ticks(1234)
    [0, 500, 1000, 1500]
    """
    if top <= 0:
        return [0, 1]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = max(1, round(next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)))
    n = math.ceil(top / step)
    return [step * i for i in range(n + 1)]


def _axis_title(x: float, y: float, text: str, *, rotate: bool = False) -> str:
    transform = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="12" '
            f'fill="{MUTED}"{transform}>{_esc(text)}</text>')


def _open_svg(width: float, height: float, title: str, kind: str) -> list[str]:
    return [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" role="img" '
         f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
         f'font-family="{FONT}" font-size="12" fill="{INK}">'),
        f"<title>{_esc(title)}</title>",
        (f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="14" '
         f'font-weight="bold">{_esc(title)}</text>'),
    ]


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str, x_label: str, y_label: str,
              width: int = 760, highlight: frozenset[str] = frozenset()) -> str:
    """A horizontal bar chart: one labelled bar per ``(label, count)`` row, the count beside it.

    Rows are drawn in the order given. Labels in ``highlight`` get the alternate colour (the
    report uses it for the final "kept" bar of the stage chart). Labels longer than 42
    characters are shortened on the axis and shown in full as the bar's tooltip.
    """
    labels = [_short(label) for label, _ in rows]
    label_w = min(300.0, max([len(s) for s in labels] + [4]) * _CHAR_PX + 12)
    left = 28 + label_w  # room for the rotated y title, then the labels
    right = 70  # room for the count after the longest bar
    top, row_h, bottom = 34, 24, 48
    height = top + row_h * max(len(rows), 1) + bottom
    plot_w = width - left - right
    ticks = nice_ticks(max([c for _, c in rows] + [0]))
    scale = plot_w / ticks[-1]
    out = _open_svg(width, height, title, "bar")
    axis_y = top + row_h * len(rows)
    for t in ticks:
        x = left + t * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 15}" text-anchor="middle" font-size="11" '
                   f'fill="{MUTED}">{_fmt(t)}</text>')
    for i, ((label, count), short) in enumerate(zip(rows, labels)):
        y = top + i * row_h
        w = max(count * scale, 1.0 if count else 0.0)
        fill = BAR_ALT if label in highlight else BAR
        out.append(f'<text x="{left - 8:.1f}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end">'
                   f"{_esc(short)}</text>")
        out.append(f'<rect x="{left:.1f}" y="{y + 4:.1f}" width="{w:.1f}" height="{row_h - 8}" '
                   f'fill="{fill}"><title>{_esc(label)}: {_fmt(count)}</title></rect>')
        out.append(f'<text x="{left + w + 5:.1f}" y="{y + row_h / 2 + 4:.1f}" '
                   f'font-size="11">{_fmt(count)}</text>')
    out.append(f'<line x1="{left:.1f}" y1="{top - 4}" x2="{left:.1f}" y2="{axis_y}" '
               f'stroke="{INK}" stroke-width="1"/>')
    out.append(_axis_title(left + plot_w / 2, height - 8, x_label))
    out.append(_axis_title(14, top + (axis_y - top) / 2, y_label, rotate=True))
    out.append("</svg>")
    return "\n".join(out)


def histogram_chart(bins: Sequence[Bin], *, title: str, x_label: str, y_label: str,
                    width: int = 760) -> str:
    """A histogram: one vertical bar per bin, its label under it and its count above it.

    >>> svg = histogram_chart([Bin("0–9", 3), Bin("10–19", 1)], title="Length",
    ...                       x_label="characters", y_label="documents")
    >>> svg.count("<rect")
    2
    """
    left, right, top = 64, 16, 34
    longest = max([len(b.label) for b in bins] + [1])
    slanted = longest * _CHAR_PX > (width - left - right) / max(len(bins), 1) - 4
    label_h = longest * _CHAR_PX * 0.72 + 8 if slanted else 18
    bottom = label_h + 34
    plot_h = 220
    height = top + plot_h + bottom
    plot_w = width - left - right
    ticks = nice_ticks(max([b.count for b in bins] + [0]))
    scale = plot_h / ticks[-1]
    base = top + plot_h
    out = _open_svg(width, height, title, "histogram")
    for t in ticks:
        y = base - t * scale
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
                   f'fill="{MUTED}">{_fmt(t)}</text>')
    slot = plot_w / max(len(bins), 1)
    for i, b in enumerate(bins):
        x = left + i * slot
        h = max(b.count * scale, 1.0 if b.count else 0.0)
        cx = x + slot / 2
        out.append(f'<rect x="{x + 2:.1f}" y="{base - h:.1f}" width="{max(slot - 4, 1):.1f}" '
                   f'height="{h:.1f}" fill="{BAR}"><title>{_esc(b.label)}: {_fmt(b.count)}'
                   f"</title></rect>")
        if b.count:
            out.append(f'<text x="{cx:.1f}" y="{base - h - 4:.1f}" text-anchor="middle" '
                       f'font-size="11">{_fmt(b.count)}</text>')
        if slanted:
            out.append(f'<text x="{cx:.1f}" y="{base + 14:.1f}" text-anchor="end" font-size="11" '
                       f'transform="rotate(-40 {cx:.1f} {base + 14:.1f})">{_esc(b.label)}</text>')
        else:
            out.append(f'<text x="{cx:.1f}" y="{base + 14:.1f}" text-anchor="middle" '
                       f'font-size="11">{_esc(b.label)}</text>')
    out.append(f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" '
               f'stroke="{INK}" stroke-width="1"/>')
    out.append(_axis_title(left + plot_w / 2, height - 8, x_label))
    out.append(_axis_title(16, top + plot_h / 2, y_label, rotate=True))
    out.append("</svg>")
    return "\n".join(out)
