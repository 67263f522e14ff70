"""One indicator as an SVG line chart: the series, its targets as markers, axes labelled with the unit.

Hand-written SVG text, with presentation attributes rather than a stylesheet,
so that the same chart works as a standalone file and inlined in the HTML
report. No script; every piece of data text goes through `html.escape`.
"""

from __future__ import annotations

from html import escape

from fivecenters.output.charts.geometry import AROUND, OBSERVED, UP, Mark, Plot
from fivecenters.output.formatting import wrapped

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 20, 46
INSET = 12  # keeps the first and last markers off the axes
SIDE_BY_SIDE = 9  # pixels between the marks of one year (a used value and the revisions it replaced)
CREDIT_LINE = 15  # the height of a line of the source credit
CHAR_WIDTH = 6.2  # an average glyph at 11 px, to wrap the credit; East Asian wide glyphs count twice
FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', sans-serif" font-size="12"'
INK, MUTED, GRID, LINE = "#24292f", "#6e7781", "#d0d7de", "#0969da"
STYLE_COLOURS = {"good": "#1a7f37", "warn": "#9a6700", "bad": "#cf222e", "muted": "#6e7781"}


def _f(number: float) -> str:
    return f"{number:.1f}"


def line_chart(plot: Plot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> str:
    """The chart as SVG text; `standalone` adds the XML prolog and a visible title.

    The source credit is drawn under the axes, so a chart embedded anywhere still says where its figures
    come from; its lines add to `height`.
    """
    top = TOP + (22 if standalone else 0)
    credit = wrapped(plot.credit, int((width - 16) / CHAR_WIDTH))  # SVG text does not wrap by itself
    height += CREDIT_LINE * len(credit)
    inner_w, inner_h = width - LEFT - RIGHT, height - top - BOTTOM - CREDIT_LINE * len(credit)

    def x(year: float, offset: int = 0) -> float:
        return LEFT + INSET + plot.x.fraction(year) * (inner_w - 2 * INSET) + offset * SIDE_BY_SIDE

    def y(value: float) -> float:
        return top + (1 - plot.height_of(value)) * inner_h

    title = escape(plot.title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{title}: chart of values by year, with targets" class="chart" {FONT}>',
        f"<title>{title}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if standalone:
        parts.append(f'<text x="{LEFT}" y="22" font-size="15" font-weight="600" fill="{INK}">{title}</text>')
    for tick in plot.y.ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{_f(y(tick))}" y2="{_f(y(tick))}" stroke="{GRID}"/>'
            f'<text x="{LEFT - 8}" y="{_f(y(tick) + 4)}" text-anchor="end" fill="{MUTED}">'
            f"{escape(plot.tick_text(tick))}</text>"
        )
    base = top + inner_h
    for tick in plot.x.ticks:
        parts.append(
            f'<line x1="{_f(x(tick))}" x2="{_f(x(tick))}" y1="{base}" y2="{base + 5}" stroke="{MUTED}"/>'
            f'<text x="{_f(x(tick))}" y="{base + 19}" text-anchor="middle" fill="{MUTED}">{int(tick)}</text>'
        )
    parts += [
        f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{base}" y2="{base}" stroke="{MUTED}"/>',
        f'<text class="axis-label" x="{LEFT + inner_w / 2:.1f}" y="{base + 40}" text-anchor="middle" '
        f'fill="{INK}">year</text>',
        f'<text class="axis-label unit" transform="translate(16 {top + inner_h / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="{INK}">{escape(plot.unit)}</text>',
    ]
    line = plot.line
    if line:
        latest = line[-1]
        parts += [
            f'<line class="path-to-target" x1="{_f(x(latest.year))}" y1="{_f(y(latest.value))}" '
            f'x2="{_f(x(t.year))}" y2="{_f(y(t.value))}" stroke="{_colour(t)}" stroke-width="1.2" '
            f'stroke-dasharray="4 4" opacity="0.7"/>'
            for t in plot.targets
            if t.year > latest.year and not t.achieved
        ]
    for segment in plot.segments:
        if len(segment) > 1:
            coordinates = " ".join(f"{_f(x(p.year))},{_f(y(p.value))}" for p in segment)
            parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    parts += [_point(p, x(p.year, p.offset), y(p.value), plot.inverted, width / 2) for p in plot.points]
    parts += [_target(t, x(t.year), y(t.value)) for t in plot.targets]
    if not plot.points:
        parts.append(
            f'<text x="{LEFT + inner_w / 2:.1f}" y="{top + inner_h / 2:.1f}" text-anchor="middle" '
            f'fill="{MUTED}">no observations yet</text>'
        )
    parts.append(_legend(plot, width - RIGHT, base + 40))
    parts += [
        f'<text class="credit" x="8" y="{base + 40 + CREDIT_LINE * (i + 1)}" font-size="11" fill="{MUTED}">'
        f"{escape(text)}</text>"
        for i, text in enumerate(credit)
    ]
    parts.append("</svg>")
    svg = "\n".join(parts) + "\n"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg if standalone else svg


def _point(mark: Mark, cx: float, cy: float, inverted: bool, label_room: float) -> str:
    """A used value filled, a superseded one hollow grey; a hedged one hollow, labelled, with an arrow
    towards where the true value lies."""
    used = mark.kind == OBSERVED
    hedged = mark.hedge is not None
    # Hedged and provisional values are hollow; a provisional one's outline is dashed.
    fill = LINE if used and not hedged and not mark.provisional else "#ffffff"
    stroke = LINE if used else MUTED
    kinds = mark.kind + (" hedged" if hedged else "") + (" provisional" if mark.provisional else "")
    tooltip = f"{mark.year}: {mark.text} ({mark.detail})" + ("" if used else ", superseded revision")
    dashed = ' stroke-dasharray="2 1.5"' if mark.provisional else ""
    circle = (
        f'<circle class="point {kinds}" cx="{_f(cx)}" cy="{_f(cy)}" r="4" fill="{fill}" stroke="{stroke}"{dashed} '
        f'stroke-width="1.5"><title>{escape(tooltip)}</title></circle>'
    )
    if not hedged:
        return circle
    extras = [circle]
    if mark.hedge != AROUND:
        # Up the axis is up the page, except on an inverted (rank) axis.
        extras.append(_arrow(cx, cy, -1 if (mark.hedge == UP) != inverted else 1, stroke))
    if used:  # a superseded value's words are in its tooltip: a label there would cover the used one's
        # Beside the point, on the side with room: left of it in the right half of the chart.
        side = f'x="{_f(cx - 7)}" text-anchor="end"' if cx > label_room else f'x="{_f(cx + 7)}"'
        extras.append(
            f'<text class="hedge-label" {side} y="{_f(cy - 6)}" font-size="11" fill="{stroke}">'
            f"{escape(mark.text)}</text>"
        )
    return "".join(extras)


def _arrow(cx: float, cy: float, down: int, colour: str) -> str:
    """A short arrow from the point's edge, up (`down` = -1) or down (1), towards the true value."""
    tip = cy + down * 14
    shaft = f"M{_f(cx)},{_f(cy + down * 6)} L{_f(cx)},{_f(tip)}"
    head = f"M{_f(cx - 3)},{_f(tip - down * 3)} L{_f(cx)},{_f(tip)} L{_f(cx + 3)},{_f(tip - down * 3)}"
    return f'<path class="hedge" d="{shaft} {head}" fill="none" stroke="{colour}" stroke-width="1.5"/>'


def _target(mark: Mark, cx: float, cy: float) -> str:
    return (
        f'<path class="target" d="{_diamond(cx, cy)}" fill="{_colour(mark)}" stroke="#ffffff" stroke-width="1">'
        f"<title>{escape(f'Target {mark.text} ({mark.detail})')}</title></path>"
    )


def _colour(mark: Mark) -> str:
    return STYLE_COLOURS.get(mark.style or "", INK)


def _diamond(cx: float, cy: float, size: float = 7) -> str:
    return f"M{_f(cx)},{_f(cy - size)} L{_f(cx + size)},{_f(cy)} L{_f(cx)},{_f(cy + size)} L{_f(cx - size)},{_f(cy)} Z"


def _legend(plot: Plot, right: float, baseline: float) -> str:
    """Shapes as drawn, right-aligned on the x-axis label's line; only the kinds present."""
    entries = [("observed", f'<circle r="4" fill="{LINE}"/>')]
    if any(p.kind == OBSERVED and p.hedge is not None for p in plot.points):
        entries.append(("hedged", f'<circle r="4" fill="#ffffff" stroke="{LINE}" stroke-width="1.5"/>'))
    if any(p.kind == OBSERVED and p.provisional for p in plot.points):
        entries.append(
            (
                "provisional",
                f'<circle r="4" fill="#ffffff" stroke="{LINE}" stroke-width="1.5" stroke-dasharray="2 1.5"/>',
            )
        )
    if any(p.kind != OBSERVED for p in plot.points):
        entries.append(("superseded", f'<circle r="4" fill="#ffffff" stroke="{MUTED}" stroke-width="1.5"/>'))
    if plot.targets:
        entries.append(("target", f'<path d="{_diamond(0, 0, 6)}" fill="{INK}"/>'))
    parts, at = [], right
    for name, shape in reversed(entries):
        at -= len(name) * 6.5
        parts.append(f'<text x="{_f(at)}" y="{baseline}" fill="{MUTED}">{name}</text>')
        parts.append(f'<g transform="translate({_f(at - 9)} {baseline - 4})">{shape}</g>')
        at -= 26
    return '<g class="legend">' + "".join(parts) + "</g>"
