"""Drawing grids and charts on a terminal with rich.

Every cell is a rich `Text`, never a markup string, so text from the data file
(`[bold]`, escape sequences) is shown literally.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from fivecenters.core.text import printable
from fivecenters.output.grids import Cell, Grid

STYLES = {"good": "green", "bad": "red", "warn": "yellow", "muted": "dim", "title": "bold", "line": "blue"}


def console(file: TextIO | None = None):  # -> rich.console.Console, imported lazily
    from rich.console import Console

    return Console(file=file or sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False)


def print_rich(grids: Iterable[Grid], lines: Iterable[str] = (), file: TextIO | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = console(file)
    # Box-drawing characters only on a terminal that has not asked for plain output.
    frame = box.SIMPLE_HEAD if out.is_terminal and not out.no_color else box.ASCII2
    for grid in grids:
        table = Table(title=Text(printable(grid.title), style="bold"), box=frame, title_justify="left")
        for index, column in enumerate(grid.columns):
            wraps = grid.wrapping is None or index in grid.wrapping
            table.add_column(
                Text(column),
                justify="right" if index in grid.numeric else "left",
                overflow="fold" if wraps else "ellipsis",
                no_wrap=not wraps,
            )
        for row in grid.rows:
            table.add_row(*(Text(_lines(cell.text), style=STYLES.get(cell.style or "", "")) for cell in row))
        out.print(table)
        for note in grid.notes:
            out.print(Text(printable(note), style="dim"))
        out.print()
    for line in lines:
        out.print(Text(printable(line)))


def print_lines(lines: Iterable[list[Cell]], file: TextIO | None = None) -> None:
    """Lines of styled cells, such as a chart, each cell as literal text."""
    from rich.text import Text

    out = console(file)
    for line in lines:
        text = Text()
        for cell in line:
            text.append(printable(cell.text), style=STYLES.get(cell.style or "", ""))
        out.print(text)


def _lines(text: str) -> str:
    """Cells may stack lines; anything else unprintable is shown escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))
