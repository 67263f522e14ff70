"""One indicator as a line chart in text: braille dots for the line, symbols for points and targets.

Drawn by hand rather than with a plotting library: the chart is a few
points a year apart, and drawing it here keeps the geometry shared with the
SVG chart (`geometry.py`) and the output free of terminal codes, as lines of
`formatting.Cell` that `output.terminal` prints.
"""

from __future__ import annotations

import itertools

from fivecenters.output.charts.geometry import OBSERVED, SUPERSEDED, TARGET, Mark, Plot
from fivecenters.output.grids import Cell

BRAILLE = 0x2800
# The bit of each dot in a braille cell, by [row][column] (Unicode braille patterns).
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
SYMBOLS = {OBSERVED: "●", SUPERSEDED: "○", TARGET: "◆"}
X_LABEL = " year"
LINE_STYLE = "line"
HEIGHT = 14
MIN_WIDTH = 40

Line = list[Cell]


def chart_lines(plot: Plot, width: int = 80, height: int = HEIGHT) -> list[Line]:
    """The chart in `width` columns: title, unit, plot area with y ticks, year axis, legend, targets."""
    tick_texts = [plot.tick_text(t) for t in plot.y.ticks]
    gutter = max(len(t) for t in tick_texts) + 1
    columns = max(width, MIN_WIDTH) - gutter - 1 - len(X_LABEL)
    grid: list[list[Cell | None]] = [[None] * columns for _ in range(height)]
    dots: dict[tuple[int, int], int] = {}

    def dot(year: float, value: float) -> tuple[int, int]:
        return round(plot.x.fraction(year) * (2 * columns - 1)), round((1 - plot.height_of(value)) * (4 * height - 1))

    line = plot.line
    for before, after in itertools.pairwise(line):
        (x0, y0), (x1, y1) = dot(before.year, before.value), dot(after.year, after.value)
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for step in range(steps + 1):
            dx, dy = round(x0 + (x1 - x0) * step / steps), round(y0 + (y1 - y0) * step / steps)
            dots[(dx // 2, dy // 4)] = dots.get((dx // 2, dy // 4), 0) | DOT_BITS[dy % 4][dx % 2]
    for (column, row), bits in dots.items():
        grid[row][column] = Cell(chr(BRAILLE + bits), LINE_STYLE)
    for mark in (*plot.points, *plot.targets):
        dx, dy = dot(mark.year, mark.value)
        grid[dy // 4][dx // 2] = Cell(SYMBOLS[mark.kind], _style(mark))

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
    lines += [[Cell(f"{SYMBOLS[TARGET]} {t.text} · {t.detail}", _style(t))] for t in plot.targets]
    if not plot.points:
        lines.append([Cell("no observations yet", "muted")])
    return lines


def _style(mark: Mark) -> str | None:
    return "muted" if mark.kind == SUPERSEDED else mark.style or LINE_STYLE


def _year_axis(plot: Plot, gutter: int, columns: int) -> list[Line]:
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
    kinds = [(OBSERVED, "observed")]
    if any(p.kind == SUPERSEDED for p in plot.points):
        kinds.append((SUPERSEDED, "superseded revision"))
    if plot.targets:
        kinds.append((TARGET, "target"))
    return [Cell("   ".join(f"{SYMBOLS[kind]} {name}" for kind, name in kinds), "muted")]
