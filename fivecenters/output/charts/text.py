"""One indicator as a line chart in text: braille dots for the line, symbols for points and targets.

Drawn by hand rather than with a plotting library: the chart is a few
points a year apart, and drawing it here keeps the geometry shared with the
SVG chart (`geometry.py`) and the output free of terminal codes, as lines of
`formatting.Cell` that `output.terminal` prints.
"""

from __future__ import annotations

import itertools

from fivecenters.core.standing import SUBJECT
from fivecenters.output.charts.geometry import AROUND, DOWN, OBSERVED, SUPERSEDED, TARGET, UP, Mark, Plot
from fivecenters.output.charts.ranking import RankPlot
from fivecenters.output.formatting import wrapped
from fivecenters.output.grids import Cell

BRAILLE = 0x2800
# The bit of each dot in a braille cell, by [row][column] (Unicode braille patterns).
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
SYMBOLS = {OBSERVED: "●", SUPERSEDED: "○", TARGET: "◆"}
# A hedged value is open, pointing where the true value lies: "more than 600" is △, "about 4.4" is ◎.
HEDGED = {UP: "△", DOWN: "▽", AROUND: "◎"}
PROVISIONAL = "◐"
X_LABEL = " year"
LINE_STYLE = "line"
HEIGHT = 14
MIN_WIDTH = 40

Line = list[Cell]


def chart_lines(plot: Plot, width: int = 80, height: int = HEIGHT) -> list[Line]:
    """The chart in `width` columns: title, unit, plot area with y ticks, year axis, legend, targets."""
    tick_texts = [plot.tick_text(t) for t in plot.y.ticks]
    gutter = max(len(t) for t in tick_texts) + 1
    columns = max(max(width, MIN_WIDTH) - gutter - 1 - len(X_LABEL), MIN_WIDTH // 2)
    grid: list[list[Cell | None]] = [[None] * columns for _ in range(height)]
    dots: dict[tuple[int, int], int] = {}

    def dot(year: float, value: float) -> tuple[int, int]:
        return round(plot.x.fraction(year) * (2 * columns - 1)), round((1 - plot.height_of(value)) * (4 * height - 1))

    # A year with no value breaks the line: only consecutive years are joined.
    for before, after in (pair for segment in plot.segments for pair in itertools.pairwise(segment)):
        _join(dots, dot(before.year, before.value), dot(after.year, after.value))
    for (column, row), bits in dots.items():
        grid[row][column] = Cell(chr(BRAILLE + bits), LINE_STYLE)
    for mark in (*plot.points, *plot.targets):
        dx, dy = dot(mark.year, mark.value)
        # A revision sits beside the value that replaced it, a column to the left, never under it.
        grid[dy // 4][max(0, dx // 2 + mark.offset)] = Cell(symbol(mark, plot.inverted), _style(mark))

    tick_rows = {
        round((1 - plot.height_of(t)) * (height - 1)): text for t, text in zip(plot.y.ticks, tick_texts, strict=True)
    }
    lines: list[Line] = [[Cell(plot.title, "title")], [Cell(plot.unit, "muted")]]
    for row in range(height):
        tick = tick_rows.get(row)
        lines.append(
            [Cell(f"{tick or '':>{gutter - 1}} " + ("┤" if tick else "│"), "muted")]
            + [cell or Cell(" ") for cell in grid[row]]
        )
    lines += _year_axis(plot, gutter, columns)
    lines.append(_legend(plot))
    hedged = [p for p in plot.line if p.hedge is not None]
    lines += [[Cell(f"{symbol(p, plot.inverted)} {p.text} in {p.year} · {p.detail}", _style(p))] for p in hedged]
    lines += [[Cell(f"{SYMBOLS[TARGET]} {t.text} · {t.detail}", _style(t))] for t in plot.targets]
    if not plot.points:
        lines.append([Cell("no observations yet", "muted")])
    lines += [[Cell(text, "muted")] for text in wrapped(plot.credit, max(width, MIN_WIDTH))]
    return lines


def _join(dots: dict[tuple[int, int], int], start: tuple[int, int], end: tuple[int, int]) -> None:
    """Braille dots along a straight line between two dot positions."""
    (x0, y0), (x1, y1) = start, end
    steps = max(abs(x1 - x0), abs(y1 - y0), 1)
    for step in range(steps + 1):
        dx, dy = round(x0 + (x1 - x0) * step / steps), round(y0 + (y1 - y0) * step / steps)
        dots[(dx // 2, dy // 4)] = dots.get((dx // 2, dy // 4), 0) | DOT_BITS[dy % 4][dx % 2]


def symbol(mark: Mark, inverted: bool = False) -> str:
    """The mark's shape; a hedged value's points where the true value lies on the page (down for
    "more than 5th" on a rank axis, 1st at the top); an exact provisional value is half filled."""
    if mark.kind != OBSERVED:
        return SYMBOLS[mark.kind]
    if mark.hedge is None:
        return PROVISIONAL if mark.provisional else SYMBOLS[OBSERVED]
    return HEDGED[-mark.hedge if inverted else mark.hedge]


def _style(mark: Mark) -> str | None:
    return "muted" if mark.kind == SUPERSEDED else mark.style or LINE_STYLE


def _year_axis(plot: Plot | RankPlot, gutter: int, columns: int) -> list[Line]:
    axis = ["─"] * columns
    labels = [" "] * columns
    free_from = 0
    for tick in plot.x.ticks:
        column = round(plot.x.fraction(tick) * (2 * columns - 1)) // 2
        axis[column] = "┬"
        text = str(int(tick))
        start = max(0, min(column - len(text) // 2, columns - len(text)))
        if start >= free_from:
            labels[start : start + len(text)] = text
            free_from = start + len(text) + 1
    return [
        [Cell(" " * gutter + "└" + "".join(axis) + X_LABEL, "muted")],
        [Cell(" " * (gutter + 1) + "".join(labels).rstrip(), "muted")],
    ]


def _legend(plot: Plot) -> Line:
    kinds = [(SYMBOLS[OBSERVED], "observed")]
    if any(p.hedge is not None and p.kind == OBSERVED for p in plot.points):
        kinds.append(("/".join(sorted({symbol(p, plot.inverted) for p in plot.line if p.hedge is not None})), "hedged"))
    if any(p.kind == OBSERVED and p.provisional for p in plot.points):
        kinds.append((PROVISIONAL, "provisional"))
    if any(p.kind == SUPERSEDED for p in plot.points):
        kinds.append((SYMBOLS[SUPERSEDED], "superseded revision"))
    if plot.targets:
        kinds.append((SYMBOLS[TARGET], "target"))
    return [Cell("   ".join(f"{shape} {name}" for shape, name in kinds), "muted")]


def rank_lines(plot: RankPlot, width: int = 80, height: int = HEIGHT) -> list[Line]:
    """A rank chart in `width` columns: Shanghai's line in braille with ●, each peer a letter of its own at
    its places (no line: letters and braille would blur); "not in the top N" as ▽ at N+1, then the key."""
    tick_texts = [plot.tick_text(t) for t in plot.y.ticks]
    gutter = max(len(t) for t in tick_texts) + 1
    columns = max(max(width, MIN_WIDTH) - gutter - 1 - len(X_LABEL), MIN_WIDTH // 2)
    grid: list[list[Cell | None]] = [[None] * columns for _ in range(height)]
    dots: dict[tuple[int, int], int] = {}

    def dot(x: float, rank: float) -> tuple[int, int]:
        return round(plot.x.fraction(x) * (2 * columns - 1)), round((1 - plot.height_of(rank)) * (4 * height - 1))

    keys = _peer_keys(plot)
    for series in reversed(plot.series):  # Shanghai last: on top
        if series.subject:
            for before, after in (pair for segment in series.segments for pair in itertools.pairwise(segment)):
                _join(dots, dot(before.x, before.rank), dot(after.x, after.rank))
            for (column, row), bits in dots.items():
                grid[row][column] = Cell(chr(BRAILLE + bits), LINE_STYLE)
        for place in series.places:
            dx, dy = dot(place.x, place.rank)
            shape = keys[series.city]
            if place.bounded:  # a bound is open: ▽ for Shanghai, a peer's letter in lower case
                shape = HEDGED[DOWN] if series.subject else shape.lower()
            grid[dy // 4][dx // 2] = Cell(shape, LINE_STYLE if series.subject else "muted")
    tick_rows = {
        round((1 - plot.height_of(t)) * (height - 1)): text for t, text in zip(plot.y.ticks, tick_texts, strict=True)
    }
    lines: list[Line] = [[Cell(plot.title, "title")], [Cell(f"rank · Shanghai {plot.latest}", "muted")]]
    for row in range(height):
        tick = tick_rows.get(row)
        lines.append(
            [Cell(f"{tick or '':>{gutter - 1}} " + ("┤" if tick else "│"), "muted")]
            + [cell or Cell(" ") for cell in grid[row]]
        )
    lines += _year_axis(plot, gutter, columns)
    legend = [f"{SYMBOLS[OBSERVED]} Shanghai"] + [f"{key} {city}" for city, key in keys.items() if city != SUBJECT]
    lines += [[Cell(text, "muted")] for text in wrapped("   ".join(legend), max(width, MIN_WIDTH))]
    if any(p.bounded for s in plot.series for p in s.places):
        lines.append(
            [Cell(f"{HEDGED[DOWN]} (a peer: lower case) not in the top N, drawn at N+1: that place or lower", "muted")]
        )
    lines += [[Cell(text, "muted")] for text in wrapped(plot.credit, max(width, MIN_WIDTH))]
    return lines


def _peer_keys(plot: RankPlot) -> dict[str, str]:
    """A letter per peer, its initial where free, for the key below the chart."""
    keys = {SUBJECT: SYMBOLS[OBSERVED]}
    for series in plot.series:
        if not series.subject:
            free = [
                c for c in series.city.upper() + "ABCDEFGHJKLMNPQRSTUVWXYZ" if c.isalpha() and c not in keys.values()
            ]
            keys[series.city] = free[0] if free else "?"
    return keys
