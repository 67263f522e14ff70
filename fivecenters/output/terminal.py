"""Drawing grids and charts for people: with rich on a terminal, as plain text elsewhere.

Both draw the grid `fitting.fitted` lays out for the output's width. Off a
terminal rich draws plain characters, which `plain.py` draws the same
without importing rich: `print_grids` and `print_lines` pick.

Every rich cell is a `Text`, never a markup string, so text from the data file
(`[bold]`, escape sequences) is shown literally.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from fivecenters.output import plain
from fivecenters.output.fitting import Fitted, fitted, shown
from fivecenters.output.grids import Cell, Grid

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table

STYLES = {"good": "green", "bad": "red", "warn": "yellow", "muted": "dim", "title": "bold", "line": "blue"}


def console(file: TextIO | None = None) -> Console:
    from rich.console import Console

    return Console(file=file or sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False)


def output_width(file: TextIO | None = None) -> int:
    """The columns output to `file` (stdout by default) is drawn in."""
    width = plain.plain_width(file or sys.stdout)
    return console(file).width if width is None else width


def print_grids(grids: Iterable[Grid], lines: Iterable[str] = (), file: TextIO | None = None) -> None:
    """Grids with their notes, then lines: by rich on a terminal, as the same plain text elsewhere."""
    out = file or sys.stdout
    width = plain.plain_width(out)
    if width is None:
        print_rich(grids, lines, out)
    else:
        plain.print_grids(grids, lines, width, out)


def print_lines(lines: Iterable[Sequence[Cell]], file: TextIO | None = None) -> None:
    """Lines of styled cells, such as a chart, each cell as literal text."""
    out = file or sys.stdout
    width = plain.plain_width(out)
    if width is not None:
        plain.print_lines(lines, width, out)
        return
    from rich.text import Text

    terminal = console(out)
    for line in lines:
        text = Text()
        for cell in line:
            text.append(shown(cell.text), style=STYLES.get(cell.style or "", ""))
        terminal.print(text)


def print_rich(grids: Iterable[Grid], lines: Iterable[str] = (), file: TextIO | None = None) -> None:
    from rich import box
    from rich.text import Text

    out = console(file)
    # Box-drawing characters only on a terminal that has not asked for plain output.
    frame = box.SIMPLE_HEAD if out.is_terminal and not out.no_color else box.ASCII2
    for grid in grids:
        table = fitted(grid, out.width)
        out.print(_table(table, frame))
        if note := table.left_out_note(out.width):
            out.print(Text(note, style="dim"))
        for text in grid.notes:
            out.print(Text(shown(text), style="dim"))
        out.print()
    for line in lines:
        out.print(Text(shown(line)))


def _table(fitted: Fitted, frame: Box) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(fitted.title, style="bold"), box=frame, title_justify="left")
    for column in fitted.columns:
        table.add_column(
            Text(column.header),
            justify="right" if column.right else "left",
            overflow="fold" if column.wraps else "ellipsis",
            no_wrap=not column.wraps,
            min_width=column.min_width,
        )
    for row in fitted.rows:
        table.add_row(*(Text(cell.text, style=STYLES.get(cell.style or "", "")) for cell in row))
    return table
