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


class Canvas:
    """The plot area of a text chart: cells in rows and columns, braille dots for lines, y ticks in a gutter."""

    def __init__(self, plot: Plot | RankPlot, width: int, height: int) -> None:
        self.plot, self.height = plot, height
        self.tick_texts = [plot.tick_text(t) for t in plot.y.ticks]
        self.gutter = max(len(t) for t in self.tick_texts) + 1
        self.columns = max(max(width, MIN_WIDTH) - self.gutter - 1 - len(X_LABEL), MIN_WIDTH // 2)
        self.grid: list[list[Cell | None]] = [[None] * self.columns for _ in range(height)]
        self.dots: dict[tuple[int, int], int] = {}

    def dot(self, x: float, value: float) -> tuple[int, int]:
        fraction = self.plot.x.fraction(x)
        return round(fraction * (2 * self.columns - 1)), round((1 - self.plot.height_of(value)) * (4 * self.height - 1))

    def line(self, points: list[tuple[float, float]]) -> None:
        """Braille dots along straight lines between consecutive points."""
        for (x0, y0), (x1, y1) in itertools.pairwise(self.dot(x, v) for x, v in points):
            steps = max(abs(x1 - x0), abs(y1 - y0), 1)
            for step in range(steps + 1):
                dx, dy = round(x0 + (x1 - x0) * step / steps), round(y0 + (y1 - y0) * step / steps)
                self.dots[(dx // 2, dy // 4)] = self.dots.get((dx // 2, dy // 4), 0) | DOT_BITS[dy % 4][dx % 2]
        for (column, row), bits in self.dots.items():
            self.grid[row][column] = Cell(chr(BRAILLE + bits), LINE_STYLE)

    def put(self, x: float, value: float, cell: Cell, offset: int = 0) -> None:
        dx, dy = self.dot(x, value)
        self.grid[dy // 4][max(0, dx // 2 + offset)] = cell

    def lines(self, subtitle: str) -> list[Line]:
        """Title, subtitle, the rows with their y ticks, the year axis."""
        plot, height = self.plot, self.height
        tick_rows = {
            round((1 - plot.height_of(t)) * (height - 1)): text
            for t, text in zip(plot.y.ticks, self.tick_texts, strict=True)
        }
        lines: list[Line] = [[Cell(plot.title, "title")], [Cell(subtitle, "muted")]]
        for row in range(height):
            tick = tick_rows.get(row)
            lines.append(
                [Cell(f"{tick or '':>{self.gutter - 1}} " + ("┤" if tick else "│"), "muted")]
                + [cell or Cell(" ") for cell in self.grid[row]]
            )
        return lines + _year_axis(plot, self.gutter, self.columns)


def chart_lines(plot: Plot, width: int = 80, height: int = HEIGHT) -> list[Line]:
    """The chart in `width` columns: title, unit, plot area with y ticks, year axis, legend, targets."""
    canvas = Canvas(plot, width, height)
    # A year with no value breaks the line: only consecutive years are joined.
    for segment in plot.segments:
        canvas.line([(p.year, p.value) for p in segment])
    for mark in (*plot.points, *plot.targets):
        # A revision sits beside the value that replaced it, a column to the left, never under it.
        canvas.put(mark.year, mark.value, Cell(symbol(mark, plot.inverted), _style(mark)), mark.offset)
    lines = canvas.lines(plot.unit)
    lines.append(_legend(plot))
    hedged = [p for p in plot.line if p.hedge is not None]
    lines += [[Cell(f"{symbol(p, plot.inverted)} {p.text} in {p.year} · {p.detail}", _style(p))] for p in hedged]
    lines += [[Cell(f"{SYMBOLS[TARGET]} {t.text} · {t.detail}", _style(t))] for t in plot.targets]
    if not plot.points:
        lines.append([Cell("no observations yet", "muted")])
    lines += [[Cell(text, "muted")] for text in wrapped(plot.credit, max(width, MIN_WIDTH))]
    return lines


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
    its places (no line: letters and braille would blur); "not in the top N" as ▽ at N+1, then the key.

    A row holds two places or more where the ranks outnumber the rows (1st to 31st in 14): a mark whose cell
    is taken moves a column aside, so that no city of the key is hidden under another."""
    canvas = Canvas(plot, width, height)
    keys = _peer_keys(plot)
    taken: set[tuple[int, int]] = set()
    for series in plot.series:  # Shanghai first: its marks keep their place
        if series.subject:
            for segment in series.segments:
                canvas.line([(p.x, p.rank) for p in segment])
        for place in series.places:
            shape = keys[series.city]
            if place.bounded:  # a bound is open: ▽ for Shanghai, a peer's letter in lower case
                shape = HEDGED[DOWN] if series.subject else shape.lower()
            dx, dy = canvas.dot(place.x, place.rank)
            row, column = dy // 4, dx // 2
            free = [o for o in (0, 1, -1, 2, -2) if 0 <= column + o < canvas.columns and (row, column + o) not in taken]
            offset = free[0] if free else 0
            taken.add((row, column + offset))
            canvas.put(place.x, place.rank, Cell(shape, LINE_STYLE if series.subject else "muted"), offset)
    lines = canvas.lines(f"rank · Shanghai {plot.latest}")
    legend = [f"{SYMBOLS[OBSERVED]} Shanghai"] + [f"{key} {city}" for city, key in keys.items() if city != SUBJECT]
    lines += [[Cell(text, "muted")] for text in wrapped("   ".join(legend), max(width, MIN_WIDTH))]
    if any(p.bounded for s in plot.series for p in s.places):
        bound = f"{HEDGED[DOWN]} not in the top N, drawn at N+1: that place or lower (a peer's letter in lower case)"
        lines.append([Cell(bound, "muted")])
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
