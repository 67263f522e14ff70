"""One indicator as an SVG line chart: the series, its targets as markers, axes labelled with the unit.

Hand-written SVG text, with presentation attributes rather than a stylesheet,
so that the same chart works as a standalone file and inlined in the HTML
report. No script; every piece of data text goes through `escape`.
Where each piece of text goes is decided by `layout.py`; this draws it.
Coordinates are written to a tenth of a pixel, with the format `.1f` in each
f-string: a chart writes some hundred.
"""

from __future__ import annotations

import functools

from fivecenters.output.charts.geometry import OBSERVED, Mark, Plot
from fivecenters.output.charts.layout import (
    ARROW,
    AXIS_TITLE,
    CREDIT,
    FONT_SIZE,
    HEIGHT,
    LEGEND,
    NAME,
    NOTE,
    RADIUS,
    TICK,
    TITLE,
    UNIT,
    VALUE,
    WIDTH,
    Label,
    Page,
    line_page,
    pointing,
    rank_page,
)
from fivecenters.output.charts.ranking import RankPlot, Series

FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', sans-serif" font-size="12"'
INK, MUTED, GRID, LINE = "#24292f", "#6e7781", "#d0d7de", "#0969da"
# Peers: distinguishable from Shanghai's blue and from each other, quieter than it.
PEER_COLOURS = ("#8c959f", "#bf8700", "#8250df", "#1b7c83", "#bc4c00", "#57606a", "#a475f9", "#6e7781")
STYLE_COLOURS = {"good": "#1a7f37", "warn": "#9a6700", "bad": "#cf222e", "muted": "#6e7781"}
# How each role of text is drawn: its class, if any, and its colour.
TEXT_STYLES = {
    TITLE: ("", INK),
    UNIT: ("axis-label unit", INK),
    TICK: ("", MUTED),
    AXIS_TITLE: ("axis-label", INK),
    LEGEND: ("", MUTED),
    VALUE: ("hedge-label", LINE),
    NAME: ("city", INK),
    CREDIT: ("credit", MUTED),
    NOTE: ("", MUTED),
}


def escape(text: str) -> str:
    """`html.escape(text)`, made here: importing `html` builds its table of 2,231 entities, which no chart uses."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def _diamond(cx: float, cy: float, size: float = 7) -> str:
    return f"M{cx:.1f},{cy - size:.1f} L{cx + size:.1f},{cy:.1f} L{cx:.1f},{cy + size:.1f} L{cx - size:.1f},{cy:.1f} Z"


OPEN = '<circle r="4" fill="#ffffff" stroke="{}" stroke-width="1.5"{}/>'
# The legend's shapes, as the chart draws what they stand for.
SWATCHES = {
    "observed": f'<circle r="4" fill="{LINE}"/>',
    "hedged": OPEN.format(LINE, ""),
    "provisional": OPEN.format(LINE, ' stroke-dasharray="2 1.5"'),
    "superseded": OPEN.format(MUTED, ""),
    "target": f'<path d="{_diamond(0, 0, 6)}" fill="{INK}"/>',
    "Shanghai": f'<circle r="4" fill="{LINE}"/>',
    "peers": f'<line x1="-6" x2="6" stroke="{PEER_COLOURS[0]}" stroke-width="1"/>',
    "not in the top N": OPEN.format(LINE, ""),
}


def _text(label: Label, colour: str | None = None) -> str:
    """A placed line of text in its role's style; a shortened one keeps its whole text as a tooltip."""
    role, text, x, y, size, anchor, _, whole, _ = label
    before, after, fill = _style(role, anchor, size)
    title = f"<title>{escape(whole)}</title>" if whole else ""
    return f'<text {before}x="{x:.1f}" y="{y:.1f}"{after} fill="{colour or fill}">{escape(text)}{title}</text>'


@functools.cache  # a report writes some 1,200 texts in a dozen styles
def _style(role: str, anchor: str, size: float) -> tuple[str, str, str]:
    """A role's attributes before a text's position and after it, and its colour."""
    name, fill = TEXT_STYLES[role]
    after = "" if anchor == "start" else f' text-anchor="{anchor}"'
    after += "" if size == FONT_SIZE else f' font-size="{size:g}"'
    after += ' font-weight="600"' if role == TITLE else ""
    return (f'class="{name}" ' if name else ""), after, fill


def _texts(page: Page, *roles: str) -> list[str]:
    return [_text(label) for label in page.labels if label.role in roles]


def _open(page: Page, described: str) -> list[str]:
    """The chart's box, title, grid and axes with their text."""
    plot, x, y, base = page.plot, page.x, page.y, page.base
    title, size = (
        escape(plot.title),
        f'viewBox="0 0 {page.width} {page.height}" width="{page.width}" height="{page.height}"',
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} role="img" aria-label="{title}: {described}" '
        f'class="chart" {FONT}>',
        f"<title>{title}</title>",
        f'<rect width="{page.width}" height="{page.height}" fill="#ffffff"/>',
    ]
    left, right = f"{page.left:.1f}", f"{page.right:.1f}"
    parts += [
        f'<line x1="{left}" x2="{right}" y1="{level:.1f}" y2="{level:.1f}" stroke="{GRID}"/>'
        for level in map(y, plot.y.ticks)
    ]
    parts += [
        f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{base:.1f}" y2="{base + 5:.1f}" stroke="{MUTED}"/>'
        for at in map(x, plot.x.ticks)
    ]
    parts.append(f'<line x1="{left}" x2="{right}" y1="{base:.1f}" y2="{base:.1f}" stroke="{MUTED}"/>')
    return parts + _texts(page, TITLE, UNIT, TICK, AXIS_TITLE)


def _close(page: Page, parts: list[str], standalone: bool) -> str:
    """The legend and the source credit, closing the chart."""
    legend = [f'<g transform="translate({s.x:.1f} {s.y:.1f})">{SWATCHES[s.key]}</g>' for s in page.swatches] + _texts(
        page, LEGEND
    )
    svg = "\n".join([*parts, '<g class="legend">' + "".join(legend) + "</g>", *_texts(page, CREDIT), "</svg>"]) + "\n"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg if standalone else svg


def line_chart(plot: Plot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> str:
    """The chart as SVG text; `standalone` adds the XML prolog and a visible title.

    The source credit is drawn under the axes, so a chart embedded anywhere still says where its figures
    come from; its lines add to `height`.
    """
    page = line_page(plot, width, height, standalone)
    parts = _open(page, "chart of values by year, with targets")
    x, y = page.x, page.y
    if plot.ahead:
        latest = plot.line[-1]
        parts += [
            f'<line class="path-to-target" x1="{x(latest.year):.1f}" y1="{y(latest.value):.1f}" '
            f'x2="{x(t.year):.1f}" y2="{y(t.value):.1f}" stroke="{_colour(t)}" stroke-width="1.2" '
            f'stroke-dasharray="4 4" opacity="0.7"/>'
            for t in plot.ahead
        ]
    for segment in plot.segments:
        if len(segment) > 1:
            coordinates = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in segment)
            parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    parts += [_point(p, x(p.year, p.offset), y(p.value), pointing(p, plot.inverted)) for p in plot.points]
    parts += [_target(t, x(t.year), y(t.value)) for t in plot.targets]
    parts += _texts(page, VALUE, NOTE)
    return _close(page, parts, standalone)


def _point(mark: Mark, cx: float, cy: float, arrow: int) -> str:
    """A used value filled, a superseded one hollow grey; a hedged one hollow, with an arrow towards where
    the true value lies (its words are placed by the layout)."""
    used = mark.kind == OBSERVED
    hedged = mark.hedge is not None
    # Hedged and provisional values are hollow; a provisional one's outline is dashed.
    fill = LINE if used and not hedged and not mark.provisional else "#ffffff"
    stroke = LINE if used else MUTED
    kinds = mark.kind + (" hedged" if hedged else "") + (" provisional" if mark.provisional else "")
    tooltip = f"{mark.year}: {mark.text} ({mark.detail})" + ("" if used else ", superseded revision")
    dashed = ' stroke-dasharray="2 1.5"' if mark.provisional else ""
    circle = (
        f'<circle class="point {kinds}" cx="{cx:.1f}" cy="{cy:.1f}" r="{RADIUS}" fill="{fill}" '
        f'stroke="{stroke}"{dashed} stroke-width="1.5"><title>{escape(tooltip)}</title></circle>'
    )
    return circle + (_arrow(cx, cy, arrow, stroke) if arrow else "")


def _arrow(cx: float, cy: float, down: int, colour: str) -> str:
    """A short arrow from the point's edge, up (`down` = -1) or down (1), towards the true value."""
    tip = cy + down * ARROW
    shaft = f"M{cx:.1f},{cy + down * 6:.1f} L{cx:.1f},{tip:.1f}"
    head = f"M{cx - 3:.1f},{tip - down * 3:.1f} L{cx:.1f},{tip:.1f} L{cx + 3:.1f},{tip - down * 3:.1f}"
    return f'<path class="hedge" d="{shaft} {head}" fill="none" stroke="{colour}" stroke-width="1.5"/>'


def _target(mark: Mark, cx: float, cy: float) -> str:
    return (
        f'<path class="target" d="{_diamond(cx, cy)}" fill="{_colour(mark)}" stroke="#ffffff" stroke-width="1">'
        f"<title>{escape(f'Target {mark.text} ({mark.detail})')}</title></path>"
    )


def _colour(mark: Mark) -> str:
    return STYLE_COLOURS.get(mark.style or "", INK)


def rank_chart(plot: RankPlot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> str:
    """Shanghai in bold blue over its peers in thin colours, each named right of the plot at the height of
    its last place; a bound ("not in the top 5") open at 6th with an arrow down, never joined by a line."""
    page = rank_page(plot, width, height, standalone)
    parts = _open(page, "rank by edition, 1st at the top, Shanghai among its peers")
    x, y = page.x, page.y
    names = {label.key: label for label in page.labels if label.role == NAME}
    for series in reversed(plot.series):  # Shanghai last: on top
        colour, stroke = _series_style(plot, series)
        group = [f'<g class="series{" subject" if series.subject else ""}" data-city="{escape(series.city)}">']
        for segment in series.segments:
            if len(segment) > 1:
                coordinates = " ".join(f"{x(p.x):.1f},{y(p.rank):.1f}" for p in segment)
                group.append(
                    f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="{stroke}"/>'
                )
        for place in series.places:
            cx, cy = x(place.x), y(place.rank)
            tooltip = escape(f"{series.city}: {place.text} ({place.detail})")
            fill = "#ffffff" if place.bounded else colour
            kind = "place bounded" if place.bounded else "place"
            group.append(
                f'<circle class="{kind}" cx="{cx:.1f}" cy="{cy:.1f}" r="{3 + stroke / 2:.1f}" fill="{fill}" '
                f'stroke="{colour}" stroke-width="1.5"><title>{tooltip}</title></circle>'
            )
            if place.bounded:
                group.append(_arrow(cx, cy, 1, colour))
        group += [
            f'<line class="leader" x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" stroke="{colour}" '
            f'stroke-width="0.8"/>'
            for a, b in ((leader.start, leader.end) for leader in page.leaders if leader.key == series.city)
        ]
        if series.city in names:
            group.append(_text(names[series.city], colour))
        parts += [*group, "</g>"]
    return _close(page, parts, standalone)


def _series_style(plot: RankPlot, series: Series) -> tuple[str, float]:
    """Shanghai's colour and weight, or a peer's: thin, from a muted palette in order of best place."""
    if series.subject:
        return LINE, 2.5
    peers = [s.city for s in plot.series if not s.subject]
    return PEER_COLOURS[peers.index(series.city) % len(PEER_COLOURS)], 1.0
