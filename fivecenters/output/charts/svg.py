"""One indicator as an SVG line chart: the series, its targets as markers, axes labelled with the unit.

Hand-written SVG text, with presentation attributes rather than a stylesheet,
so that the same chart works as a standalone file and inlined in the HTML
report. No script; every piece of data text goes through `html.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Protocol

from fivecenters.output.charts.geometry import AROUND, OBSERVED, UP, Axis, Mark, Plot
from fivecenters.output.charts.ranking import RankPlot, Series
from fivecenters.output.formatting import wrapped

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 20, 46
NAMES = 150  # the right margin of a rank chart, where each line ends with its city's name
INSET = 12  # keeps the first and last markers off the axes
SIDE_BY_SIDE = 9  # pixels between the marks of one year (a used value and the revisions it replaced)
CREDIT_LINE = 15  # the height of a line of the source credit
CHAR_WIDTH = 6.2  # an average glyph at 11 px, to wrap the credit; East Asian wide glyphs count twice
TITLE_CHAR_WIDTH = 8.8  # the same at 15 px, bold, for the title of a standalone chart
TITLE_LINE = 20
FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', sans-serif" font-size="12"'
INK, MUTED, GRID, LINE = "#24292f", "#6e7781", "#d0d7de", "#0969da"
# Peers: distinguishable from Shanghai's blue and from each other, quieter than it.
PEER_COLOURS = ("#8c959f", "#bf8700", "#8250df", "#1b7c83", "#bc4c00", "#57606a", "#a475f9", "#6e7781")
STYLE_COLOURS = {"good": "#1a7f37", "warn": "#9a6700", "bad": "#cf222e", "muted": "#6e7781"}


def _f(number: float) -> str:
    return f"{number:.1f}"


class Framed(Protocol):
    """What the frame of a chart needs: a line chart's `Plot` or a benchmark's `RankPlot`."""

    @property
    def title(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def credit(self) -> str: ...
    @property
    def x(self) -> Axis: ...
    @property
    def y(self) -> Axis: ...

    def height_of(self, value: float) -> float: ...
    def tick_text(self, value: float) -> str: ...


@dataclass(frozen=True)
class Frame:
    """The drawn axes of a chart, and where a year and a value lie on them."""

    plot: Framed
    parts: list[str]  # the SVG so far: opening tag, title, grid lines, axes
    credit: list[str]  # the source credit, closing the chart
    top: float
    inner_w: float
    inner_h: float
    width: int

    @property
    def base(self) -> float:
        return self.top + self.inner_h

    def x(self, year: float, offset: int = 0) -> float:
        return LEFT + INSET + self.plot.x.fraction(year) * (self.inner_w - 2 * INSET) + offset * SIDE_BY_SIDE

    def y(self, value: float) -> float:
        return self.top + (1 - self.plot.height_of(value)) * self.inner_h

    def close(self, standalone: bool) -> str:
        parts = self.parts + [
            f'<text class="credit" x="8" y="{self.base + 40 + CREDIT_LINE * (i + 1)}" font-size="11" '
            f'fill="{MUTED}">{escape(text)}</text>'
            for i, text in enumerate(self.credit)
        ]
        svg = "\n".join([*parts, "</svg>"]) + "\n"
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg if standalone else svg


def frame(plot: Framed, width: int, height: int, standalone: bool, described: str, right: int = RIGHT) -> Frame:
    """The chart's box, title, grid and axes; the source credit's lines add to `height`; `right` keeps room
    beside the plot (for names at the ends of lines)."""
    # SVG text does not wrap by itself: a long title (a benchmark's name with its Chinese name) and the
    # credit are broken into lines here, and each line adds to the height.
    headings = wrapped(plot.title, int((width - LEFT - 8) / TITLE_CHAR_WIDTH)) if standalone else []
    top = TOP + TITLE_LINE * len(headings) + (2 if headings else 0)
    credit = wrapped(plot.credit, int((width - 16) / CHAR_WIDTH))
    height += CREDIT_LINE * len(credit) + TITLE_LINE * max(len(headings) - 1, 0)
    drawn = Frame(plot, [], credit, top, width - LEFT - right, height - top - BOTTOM - CREDIT_LINE * len(credit), width)
    x, y, base, inner_w, parts = drawn.x, drawn.y, drawn.base, drawn.inner_w, drawn.parts
    title = escape(plot.title)
    parts += [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{title}: {described}" class="chart" {FONT}>',
        f"<title>{title}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    parts += [
        f'<text x="{LEFT}" y="{22 + TITLE_LINE * i}" font-size="15" font-weight="600" fill="{INK}">'
        f"{escape(line)}</text>"
        for i, line in enumerate(headings)
    ]
    for tick in plot.y.ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + inner_w}" y1="{_f(y(tick))}" y2="{_f(y(tick))}" stroke="{GRID}"/>'
            f'<text x="{LEFT - 8}" y="{_f(y(tick) + 4)}" text-anchor="end" fill="{MUTED}">'
            f"{escape(plot.tick_text(tick))}</text>"
        )
    for tick in plot.x.ticks:
        parts.append(
            f'<line x1="{_f(x(tick))}" x2="{_f(x(tick))}" y1="{base}" y2="{base + 5}" stroke="{MUTED}"/>'
            f'<text x="{_f(x(tick))}" y="{base + 19}" text-anchor="middle" fill="{MUTED}">{int(tick)}</text>'
        )
    parts += [
        f'<line x1="{LEFT}" x2="{LEFT + inner_w}" y1="{base}" y2="{base}" stroke="{MUTED}"/>',
        f'<text class="axis-label" x="{LEFT + inner_w / 2:.1f}" y="{base + 40}" text-anchor="middle" '
        f'fill="{INK}">year</text>',
        f'<text class="axis-label unit" transform="translate(16 {top + drawn.inner_h / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="{INK}">{escape(plot.unit)}</text>',
    ]
    return drawn


def line_chart(plot: Plot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> str:
    """The chart as SVG text; `standalone` adds the XML prolog and a visible title.

    The source credit is drawn under the axes, so a chart embedded anywhere still says where its figures
    come from; its lines add to `height`.
    """
    drawn = frame(plot, width, height, standalone, "chart of values by year, with targets")
    x, y, base, parts = drawn.x, drawn.y, drawn.base, drawn.parts
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
            f'<text x="{LEFT + drawn.inner_w / 2:.1f}" y="{drawn.top + drawn.inner_h / 2:.1f}" text-anchor="middle" '
            f'fill="{MUTED}">no observations yet</text>'
        )
    parts.append(_legend(plot, width - RIGHT, base + 40))
    return drawn.close(standalone)


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
    return _legend_row(entries, right, baseline)


def _legend_row(entries: list[tuple[str, str]], right: float, baseline: float) -> str:
    """Shapes as drawn, each with its name, right-aligned."""
    parts, at = [], right
    for name, shape in reversed(entries):
        at -= len(name) * 6.5
        parts.append(f'<text x="{_f(at)}" y="{baseline}" fill="{MUTED}">{name}</text>')
        parts.append(f'<g transform="translate({_f(at - 9)} {baseline - 4})">{shape}</g>')
        at -= 26
    return '<g class="legend">' + "".join(parts) + "</g>"


def rank_chart(plot: RankPlot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> str:
    """Shanghai in bold blue over its peers in thin colours, each named at its last place; a bound ("not
    in the top 5") open at 6th with an arrow down, never joined by a line."""
    drawn = frame(plot, width, height, standalone, "rank by edition, 1st at the top, Shanghai among its peers", NAMES)
    x, y, parts = drawn.x, drawn.y, drawn.parts
    # Shanghai first (plot.series's order), so its name stays at its line and the peers' move round it.
    labels = _name_places([(s.city, x(s.places[-1].x) + 7, y(s.places[-1].rank) + 4) for s in plot.series])
    for series in reversed(plot.series):  # Shanghai last: on top
        colour, stroke = _series_style(plot, series)
        group = [f'<g class="series{" subject" if series.subject else ""}" data-city="{escape(series.city)}">']
        for segment in series.segments:
            if len(segment) > 1:
                coordinates = " ".join(f"{_f(x(p.x))},{_f(y(p.rank))}" for p in segment)
                group.append(
                    f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="{stroke}"/>'
                )
        for place in series.places:
            cx, cy = x(place.x), y(place.rank)
            tooltip = escape(f"{series.city}: {place.text} ({place.detail})")
            fill = "#ffffff" if place.bounded else colour
            kind = "place bounded" if place.bounded else "place"
            group.append(
                f'<circle class="{kind}" cx="{_f(cx)}" cy="{_f(cy)}" r="{3 + stroke / 2:.1f}" fill="{fill}" '
                f'stroke="{colour}" stroke-width="1.5"><title>{tooltip}</title></circle>'
            )
            if place.bounded:
                group.append(_arrow(cx, cy, 1, colour))
        cx, cy = labels[series.city]
        group.append(
            f'<text class="city" x="{_f(cx)}" y="{_f(cy)}" font-size="10.5" fill="{colour}">'
            f"{escape(series.city)}</text></g>"
        )
        parts += group
    parts.append(_rank_legend(plot, width - RIGHT, drawn.base + 40))
    return drawn.close(standalone)


def _name_places(names: list[tuple[str, float, float]]) -> dict[str, tuple[float, float]]:
    """Each city's name beside its last place, moved down where it would overprint a name already placed."""
    placed: dict[str, tuple[float, float]] = {}
    for city, cx, cy in names[:1] + sorted(names[1:], key=lambda n: n[2]):
        while any(abs(cx - px) < 90 and abs(cy - py) < 11 for px, py in placed.values()):
            cy += 11
        placed[city] = (cx, cy)
    return placed


def _series_style(plot: RankPlot, series: Series) -> tuple[str, float]:
    """Shanghai's colour and weight, or a peer's: thin, from a muted palette in order of best place."""
    if series.subject:
        return LINE, 2.5
    peers = [s.city for s in plot.series if not s.subject]
    return PEER_COLOURS[peers.index(series.city) % len(PEER_COLOURS)], 1.0


def _rank_legend(plot: RankPlot, right: float, baseline: float) -> str:
    entries = [("Shanghai", f'<circle r="4" fill="{LINE}"/>')]
    if any(not s.subject for s in plot.series):
        entries.append(("peers", f'<line x1="-6" x2="6" stroke="{PEER_COLOURS[0]}" stroke-width="1"/>'))
    if any(p.bounded for s in plot.series for p in s.places):
        entries.append(("not in the top N", f'<circle r="4" fill="#ffffff" stroke="{LINE}" stroke-width="1.5"/>'))
    return _legend_row(entries, right, baseline)
