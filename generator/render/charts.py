"""Charts as static, accessible inline SVG, drawn at build time: bars, columns, a heat map.

Why our own code, a few hundred lines, instead of a charting library: the charts must be plain
SVG that needs no browser to make and no JavaScript to read, byte-identical across builds, a few
kB each, with an accessible name and description, a link on every bar, and nothing the site's
Content-Security-Policy refuses (no <style> or <script> elements, generator/csp.py). No library
does all of that: pygal writes random ids and embeds <style> and <script>; matplotlib's SVG is
large, anonymous paths of glyphs without links or ARIA; leather has neither links nor ARIA;
Vega-Lite (vl-convert, Altair) brings a whole JavaScript engine to render. Drawing a bar is a
rectangle, so the code below is mostly layout arithmetic.

Every chart is two SVG layers of the same size, stacked by the stylesheet: the drawing, with
role="img" and aria-labelledby pointing at its <title> and <desc>, and, above it, transparent
link areas (a link inside role="img" would be hidden from assistive technology, and axe reports
it as nested-interactive). Colours never carry meaning alone: every bar has its number as text
beside it, SDG colours carry the goal's number in the goal's own text colour (WCAG AA, see
reference.text_colour_for), statuses are told apart by stack order, pattern and legend, and an
empty heat-map cell has a dashed outline. Coordinates are rounded to one decimal by `num`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..reference import text_colour_for

TEXT = "#1f2933"  # the site's text colour: 14.6:1 on white
MUTED = "#5a6570"  # 6.0:1 on white
BAR = "#2c557f"  # the site's light primary blue
MUTED_BAR = "#8a96a3"
TRACK = "#e3ebf3"
GAP_LINE = "#6b7785"  # the dashed outline of an empty cell: 4.6:1 on white
# Heat-map levels, lightest (few practices) to darkest (most).
LEVELS = ("#e3ebf3", "#b6cbe0", "#6f93b8", "#1d3b5c")

FONT = 13
LINE = 17  # label line height
BAR_H = 14
ROW_GAP = 12
CHIP = 30  # width of an SDG number square


def esc(text: str) -> str:
    """Text or attribute value inside SVG or HTML."""
    return html.escape(text, quote=True)


def num(x: float) -> str:
    """A coordinate: at most one decimal, no trailing '.0'; the same text on every machine."""
    text = f"{round(x, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


# Average advance widths (in em) of a sans-serif system font: estimates that err on the wide
# side, used to wrap labels and to size columns. No font file is read.
_NARROW = set("fijlrtI.,:;!|'()[] -")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float = FONT) -> float:
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.32
        elif ch in _WIDE:
            em += 0.86
        elif ch.isupper() or ch.isdigit():
            em += 0.66 if ch.isupper() else 0.58
        else:
            em += 0.54
    return em * size


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """`text` in lines of at most `width` (estimated); a word longer than a line gets its own."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else [""]


def shorten(text: str, width: float, size: float) -> str:
    """`text` cut with '…' to fit `width` (estimated)."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Link:
    href: str  # ready to use: relative, with its query
    label: str  # the link's accessible name


@dataclass(frozen=True)
class Svg:
    """A drawn chart: its image layer, its link layer ('' without links) and its size."""

    drawing: str
    links: str
    width: int
    height: int


def _open(cid: str, width: int, height: int, title: str, desc: str) -> str:
    return (
        f'<svg class="pk-chart__svg" role="img" aria-labelledby="{cid}-t {cid}-d" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-size="{FONT}" fill="{TEXT}">'
        f'<title id="{cid}-t">{esc(title)}</title><desc id="{cid}-d">{esc(desc)}</desc>'
    )


def _links(cid: str, width: int, height: int, title: str, areas: list[tuple[Link, str]]) -> str:
    """The link layer: a transparent rectangle (or path) per link, in drawing order."""
    if not areas:
        return ""
    body = "".join(
        f'<a href="{esc(a.href)}" aria-label="{esc(a.label)}">{shape}</a>' for a, shape in areas
    )
    return (
        f'<svg class="pk-chart__links" role="group" aria-label="{esc(title)}: naar de catalogus" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" fill="transparent">'
        f"{body}</svg>"
    )


def _box(x: float, y: float, w: float, h: float) -> str:
    return f'<path d="M{num(x)} {num(y)}h{num(w)}v{num(h)}h{num(-w)}z"/>'


# --- horizontal bars --------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    value: float  # the bar's length, against the chart's maximum
    text: str  # shown beside the bar: the number
    link: Link | None = None
    colour: str = BAR
    chip: str = ""  # an SDG number, shown on a square in `colour`
    chip_text: str = "#ffffff"  # the goal's text colour on `colour`
    muted: bool = False  # 'no category': grey


def bars(
    cid: str,
    title: str,
    desc: str,
    groups: list[tuple[str, list[Row]]],
    width: int = 360,
    maximum: float | None = None,
    track: bool = False,
) -> Svg:
    """Horizontal bars, the label above each bar and its number beside it; groups get a
    heading ('' for none). `track` draws the full scale under each bar (shares of 100)."""
    rows = [r for _, group in groups for r in group]
    chips = any(r.chip for r in rows)
    left = CHIP + 8 if chips else 0
    number_w = max((text_width(r.text) for r in rows), default=0) + 8
    room = max(width - left - number_w, 40)
    top = maximum if maximum else max((r.value for r in rows), default=0) or 1
    parts: list[str] = []
    areas: list[tuple[Link, str]] = []
    y = 2.0
    for heading, group in groups:
        if heading:
            parts.append(f'<text x="0" y="{num(y + 13)}" font-weight="700">{esc(heading)}</text>')
            y += 24
        for r in group:
            lines = wrap(r.label, width - left)
            height = len(lines) * LINE + 2 + BAR_H
            colour = MUTED_BAR if r.muted else r.colour
            if r.chip:
                parts.append(
                    f'<rect x="0" y="{num(y)}" width="{CHIP}" height="{num(height)}" rx="3" '
                    f'fill="{colour}"/><text x="{CHIP / 2:g}" y="{num(y + height / 2 + 5)}" '
                    f'text-anchor="middle" font-weight="700" fill="{r.chip_text}">'
                    f"{esc(r.chip)}</text>"
                )
            label_colour = f' fill="{MUTED}"' if r.muted else ""
            tspans = "".join(
                f'<tspan x="{left}" dy="{LINE}">{esc(line)}</tspan>' if i else esc(line)
                for i, line in enumerate(lines)
            )
            parts.append(f'<text x="{left}" y="{num(y + 13)}"{label_colour}>{tspans}</text>')
            bar_y = y + len(lines) * LINE + 2
            if track:
                parts.append(
                    f'<rect x="{left}" y="{num(bar_y)}" width="{num(room)}" height="{BAR_H}" '
                    f'fill="{TRACK}"/>'
                )
            length = room * r.value / top if r.value > 0 else 0
            if 0 < length < 2:
                length = 2  # a bar for one practice stays visible among thousands
            if length:
                parts.append(
                    f'<rect x="{left}" y="{num(bar_y)}" width="{num(length)}" height="{BAR_H}" '
                    f'fill="{colour}"/>'
                )
            end = left + (room if track else length) + 6
            parts.append(f'<text x="{num(end)}" y="{num(bar_y + 11)}">{esc(r.text)}</text>')
            if r.link:
                areas.append((r.link, _box(0, y - 4, width, height + 8)))
            y += height + ROW_GAP
    h = int(y - ROW_GAP + 4) + 1
    drawing = _open(cid, width, h, title, desc) + "".join(parts) + "</svg>"
    return Svg(drawing, _links(cid, width, h, title, areas), width, h)


# --- SDG columns (the home page's small chart) -----------------------------------------------


@dataclass(frozen=True)
class Column:
    chip: str  # the SDG number
    value: int
    colour: str
    chip_text: str


def columns(cid: str, title: str, desc: str, groups: list[list[Column]]) -> Svg:
    """Columns with their number above and an SDG square below; a gap between groups."""
    step, bar_w, group_gap, area = 26, 22, 8, 90
    count = sum(len(g) for g in groups)
    width = count * step + (len(groups) - 1) * group_gap
    top = max((c.value for g in groups for c in g), default=0) or 1
    parts = []
    x = 0.0
    base = 16 + area
    for group in groups:
        for c in group:
            h = area * c.value / top
            if 0 < h < 2:
                h = 2
            mid = x + bar_w / 2
            if h:
                parts.append(
                    f'<rect x="{num(x)}" y="{num(base - h)}" width="{bar_w}" height="{num(h)}" '
                    f'fill="{c.colour}"/>'
                )
            parts.append(
                f'<text x="{num(mid)}" y="{num(base - h - 4)}" text-anchor="middle" '
                f'font-size="11">{c.value}</text>'
                f'<rect x="{num(x)}" y="{base + 3}" width="{bar_w}" height="18" rx="2" '
                f'fill="{c.colour}"/><text x="{num(mid)}" y="{base + 16}" text-anchor="middle" '
                f'font-size="11" font-weight="700" fill="{c.chip_text}">{esc(c.chip)}</text>'
            )
            x += step
        x += group_gap
    height = base + 22
    drawing = _open(cid, width, height, title, desc) + "".join(parts) + "</svg>"
    return Svg(drawing, "", width, height)


# --- heat map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    chip: str  # SDG number
    colour: str
    chip_text: str


def level(value: int, top: int) -> int:
    """1–4: the shade of a cell, in quarters of the largest value (integers only)."""
    return -(-len(LEVELS) * value // top) if value else 0


def level_ranges(top: int) -> list[tuple[int, int, int]]:
    """(level, lowest, highest value) of every level that some value can have."""
    n = len(LEVELS)
    found = []
    for k in range(1, n + 1):
        low, high = (k - 1) * top // n + 1, k * top // n
        if low <= high:
            found.append((k, low, high))
    return found


def heatmap(
    cid: str,
    title: str,
    desc: str,
    rows: list[str],
    heads: list[Head],
    values: list[list[int]],
    links: list[list[Link | None]],
) -> Svg:
    """Rows × columns of cells shaded by value with the value written in; empty cells are
    dashed outlines (the gaps to fill). A legend of the shades sits underneath."""
    step_x, step_y, cell_w, cell_h = 28, 22, 26, 20
    label_w = min(max((text_width(r, 12) for r in rows), default=0) + 8, 200)
    left = int(label_w) + 4
    top_y = 26
    width = left + len(heads) * step_x
    top = max((v for row in values for v in row), default=0) or 1
    parts = []
    for j, head in enumerate(heads):
        x = left + j * step_x
        parts.append(
            f'<rect x="{x}" y="0" width="{cell_w}" height="22" rx="2" fill="{head.colour}"/>'
            f'<text x="{x + cell_w // 2}" y="15" text-anchor="middle" font-size="11" '
            f'font-weight="700" fill="{head.chip_text}">{esc(head.chip)}</text>'
        )
    shades: dict[int, list[str]] = {k: [] for k in range(len(LEVELS) + 1)}
    numbers: dict[str, list[str]] = {}
    areas: list[tuple[Link, str]] = []
    for i, (label, row) in enumerate(zip(rows, values, strict=True)):
        y = top_y + i * step_y
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12">{esc(shorten(label, label_w - 6, 12))}</text>'
        )
        for j, value in enumerate(row):
            x = left + j * step_x
            k = level(value, top)
            if k:
                shades[k].append(f"M{x} {y}h{cell_w}v{cell_h}h-{cell_w}z")
            else:  # a smaller dashed box: a hole to fill, not a grid line
                shades[0].append(f"M{x + 3} {y + 3}h{cell_w - 6}v{cell_h - 6}h-{cell_w - 6}z")
            if value:
                fill = text_colour_for(LEVELS[k - 1])
                size = 11 if value < 1000 else 9
                numbers.setdefault(f"{fill} {size}", []).append(
                    f'<text x="{x + cell_w // 2}" y="{y + 14}">{value}</text>'
                )
                link = links[i][j]
                if link:
                    areas.append((link, f'<path d="M{x} {y}h{cell_w}v{cell_h}h-{cell_w}z"/>'))
    # One path per shade and one group per text colour: a few bytes per cell.
    if shades[0]:
        parts.append(
            f'<path d="{"".join(shades[0])}" fill="#ffffff" stroke="{GAP_LINE}" '
            'stroke-dasharray="3 2"/>'
        )
    for k in range(1, len(LEVELS) + 1):
        if shades[k]:
            parts.append(f'<path d="{"".join(shades[k])}" fill="{LEVELS[k - 1]}"/>')
    for key in sorted(numbers):
        fill, size = key.split()
        parts.append(
            f'<g fill="{fill}" font-size="{size}" text-anchor="middle">'
            + "".join(numbers[key])
            + "</g>"
        )
    # Legend: the shades with their ranges, then the empty cell.
    y = top_y + len(rows) * step_y + 10
    x = 0.0
    parts.append(f'<text x="0" y="{y + 13}" font-size="12">Aantal praktijken:</text>')
    x += text_width("Aantal praktijken:", 12) + 8
    for k, low, high in level_ranges(top):
        text = str(low) if low == high else f"{low}–{high}"
        parts.append(
            f'<rect x="{num(x)}" y="{y}" width="18" height="18" fill="{LEVELS[k - 1]}"/>'
            f'<text x="{num(x + 22)}" y="{y + 13}" font-size="12">{text}</text>'
        )
        x += 22 + text_width(text, 12) + 12
    parts.append(
        f'<rect x="{num(x)}" y="{y + 0.5}" width="17" height="17" fill="#ffffff" '
        f'stroke="{GAP_LINE}" stroke-dasharray="3 2"/>'
        f'<text x="{num(x + 22)}" y="{y + 13}" font-size="12">nog geen praktijk</text>'
    )
    x += 22 + text_width("nog geen praktijk", 12)
    width = max(width, int(x) + 2)
    height = y + 20
    drawing = _open(cid, width, height, title, desc) + "".join(parts) + "</svg>"
    return Svg(drawing, _links(cid, width, height, title, areas), width, height)


# --- stacked columns (start year × status) ----------------------------------------------------


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    hatch: str = ""  # a second colour: diagonal stripes over `colour`


@dataclass(frozen=True)
class Stack:
    label: str  # the year
    values: list[int]  # per series, bottom first
    links: list[Link | None]


def stacked(
    cid: str, title: str, desc: str, series: list[Series], stacks: list[Stack], width: int = 360
) -> Svg:
    """Stacked columns with the total above each and the labels below (every so many when
    they would not fit); a legend on top names the series in stack order."""
    legend_h, area, label_h = 26, 150, 18
    n = max(len(stacks), 1)
    step = min(44.0, width / n)
    bar_w = step * 0.72
    # Label every year, or every 2nd, 5th, 10th … year when the labels would touch.
    label_every = next(
        k for k in (1, 2, 5, 10, 20, 50, 10**9) if text_width("0000", 11) + 4 <= step * k
    )
    top = max((sum(s.values) for s in stacks), default=0) or 1
    parts = []
    defs = []
    fills = []
    for i, s in enumerate(series):
        if s.hatch:
            pid = f"{cid}-p{i}"
            defs.append(
                f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" '
                f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{s.colour}"/>'
                f'<rect width="2" height="6" fill="{s.hatch}"/></pattern>'
            )
            fills.append(f"url(#{pid})")
        else:
            fills.append(s.colour)
    if defs:
        parts.append("<defs>" + "".join(defs) + "</defs>")
    # Legend, in the order the segments are stacked (bottom first).
    x = 0.0
    parts.append('<text x="0" y="14" font-size="12">Van onder naar boven:</text>')
    x += text_width("Van onder naar boven:", 12) + 8
    for s, fill in zip(series, fills, strict=True):
        parts.append(
            f'<rect x="{num(x)}" y="2" width="16" height="16" fill="{fill}" '
            f'stroke="{TEXT}" stroke-width="0.5"/>'
            f'<text x="{num(x + 21)}" y="14" font-size="12">{esc(s.name)}</text>'
        )
        x += 21 + text_width(s.name, 12) + 14
    width = max(int(x), int(n * step) + 1)
    base = legend_h + 16 + area
    areas: list[tuple[Link, str]] = []
    for i, s in enumerate(stacks):
        x = i * step + (step - bar_w) / 2
        y = float(base)
        for value, fill, link in zip(s.values, fills, s.links, strict=True):
            if not value:
                continue
            h = area * value / top
            y -= h
            parts.append(
                f'<rect x="{num(x)}" y="{num(y)}" width="{num(bar_w)}" height="{num(h)}" '
                f'fill="{fill}" stroke="#ffffff" stroke-width="0.5"/>'
            )
            if link:
                areas.append((link, _box(x, y, bar_w, max(h, 3))))
        total = sum(s.values)
        if total and text_width(str(total), 11) <= step + 2:
            parts.append(
                f'<text x="{num(x + bar_w / 2)}" y="{num(y - 4)}" text-anchor="middle" '
                f'font-size="11">{total}</text>'
            )
        at = int(s.label) if s.label.isdigit() else i
        if at % label_every == 0:
            parts.append(
                f'<text x="{num(x + bar_w / 2)}" y="{base + 14}" text-anchor="middle" '
                f'font-size="11">{esc(s.label)}</text>'
            )
    parts.append(f'<path d="M0 {base + 0.5}h{num(n * step)}" stroke="{MUTED}" stroke-width="1"/>')
    height = base + label_h + 2
    drawing = _open(cid, width, height, title, desc) + "".join(parts) + "</svg>"
    return Svg(drawing, _links(cid, width, height, title, areas), width, height)
