"""Drawing grids and charts on a terminal with rich.

Every cell is a rich `Text`, never a markup string, so text from the data file
(`[bold]`, escape sequences) is shown literally.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from fivecenters.core.text import printable
from fivecenters.output.grids import Cell, Grid

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table

# A cell longer than this is cut, with its length: rich wraps text in time that grows faster than
# its length, and a 10 MB quote would take minutes to show and be unreadable anyway.
MAX_SHOWN = 1_000

STYLES = {"good": "green", "bad": "red", "warn": "yellow", "muted": "dim", "title": "bold", "line": "blue"}


def console(file: TextIO | None = None):  # -> rich.console.Console, imported lazily
    from rich.console import Console

    return Console(file=file or sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False)


NAME_WIDTH = 24  # an indicator name keeps this many columns before optional columns give way
ID_WIDTH = 20  # ids wider than this break after a hyphen: "reportify-" over "1218992509569601536"


def print_rich(grids: Iterable[Grid], lines: Iterable[str] = (), file: TextIO | None = None) -> None:
    from rich import box
    from rich.text import Text

    out = console(file)
    # Box-drawing characters only on a terminal that has not asked for plain output.
    frame = box.SIMPLE_HEAD if out.is_terminal and not out.no_color else box.ASCII2
    for grid in grids:
        table, left_out = fitted(grid, frame, out)
        out.print(table)
        if left_out:
            out.print(Text(f"Left out at {out.width} columns: {', '.join(left_out)}.", style="dim"))
        for note in grid.notes:
            out.print(Text(shown(note), style="dim"))
        out.print()
    for line in lines:
        out.print(Text(shown(line)))


def fitted(grid: Grid, frame: Box, out: Console) -> tuple[Table, list[str]]:
    """The grid as a table that fits the terminal, and the columns it leaves out: ids are broken at
    hyphens first (unless whole ids leave every wrapping column a name's room), then optional columns
    left out, before names are squeezed under NAME_WIDTH."""
    shown, id_width, fits = list(range(len(grid.columns))), None, False
    for dropped in range(len(grid.optional) + 1):
        shown = [i for i in range(len(grid.columns)) if i not in grid.optional[:dropped]]
        id_width = None if _needed(grid, shown, None, roomy=True) <= out.width else ID_WIDTH
        fits = _needed(grid, shown, id_width) <= out.width
        if fits:
            break
    left_out = [name for i, name in enumerate(grid.columns) if i not in shown]
    # Too narrow even so: the names give up their room rather than the table being cut off.
    return _table(grid, shown, frame, id_width, NAME_WIDTH if fits else 0), left_out


def _needed(grid: Grid, shown: list[int], id_width: int | None, roomy: bool = False) -> int:
    """Columns the table takes with every unwrapped cell whole and names at NAME_WIDTH or their length
    (`roomy`: every wrapping column, such as the peers of `fc rank` or the quotes of `fc info`)."""
    from rich.cells import cell_len

    total = 3 * len(shown) + 1  # a space either side of each cell, a rule between columns and at the edges
    for index in shown:
        texts = [grid.columns[index], *(_cell_text(grid, row, index, id_width) for row in grid.rows)]
        if _wraps(grid, index):
            words = [w for text in texts for w in text.split()]
            longest = max(map(cell_len, words), default=0)
            lines = max((cell_len(line) for text in texts for line in text.split("\n")), default=0)
            total += max(longest, min(NAME_WIDTH, lines)) if index == 0 or roomy else longest
        else:
            total += max((cell_len(line) for text in texts for line in text.split("\n")), default=0)
    return total


def _wraps(grid: Grid, index: int) -> bool:
    """Ids never wrap (they are broken at hyphens beforehand); other columns as the grid says."""
    return index not in grid.ids and (grid.wrapping is None or index in grid.wrapping)


def _cell_text(grid: Grid, row: list[Cell], index: int, id_width: int | None) -> str:
    text = clipped(row[index].text)
    return _broken(text, id_width) if id_width and index in grid.ids else text


def _table(grid: Grid, shown: list[int], frame: Box, id_width: int | None, name_width: int) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(printable(clipped(grid.title)), style="bold"), box=frame, title_justify="left")
    for index in shown:
        wraps = _wraps(grid, index)
        longest = max((len(line) for row in grid.rows for line in clipped(row[index].text).split("\n")), default=0)
        table.add_column(
            Text(grid.columns[index]),
            justify="right" if index in grid.numeric else "left",
            overflow="fold" if wraps else "ellipsis",
            no_wrap=not wraps,
            min_width=min(name_width, longest) if index == 0 and wraps and name_width else None,
        )
    for row in grid.rows:
        table.add_row(
            *(Text(_lines(_cell_text(grid, row, i, id_width)), style=STYLES.get(row[i].style or "", "")) for i in shown)
        )
    return table


def _broken(text: str, width: int) -> str:
    """An id over lines of at most `width`, broken only after its hyphens (a part longer stays whole)."""
    lines: list[str] = []
    for part in re.findall(r"[^-]+-?|-", text):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return "\n".join(lines)


def print_lines(lines: Iterable[list[Cell]], file: TextIO | None = None) -> None:
    """Lines of styled cells, such as a chart, each cell as literal text."""
    from rich.text import Text

    out = console(file)
    for line in lines:
        text = Text()
        for cell in line:
            text.append(shown(cell.text), style=STYLES.get(cell.style or "", ""))
        out.print(text)


def clipped(text: str) -> str:
    """Text cut, with its length, when it is very long: measured, wrapped and shown at most MAX_SHOWN."""
    return f"{text[:MAX_SHOWN]}… ({len(text):,} characters)" if len(text) > MAX_SHOWN else text


def shown(text: str) -> str:
    """Text as a terminal view shows it: escaped, and cut with its length when it is very long."""
    return printable(clipped(text))


def _lines(text: str) -> str:
    """Cells may stack lines; anything else unprintable is shown escaped."""
    return "\n".join(shown(line) for line in text.split("\n"))
