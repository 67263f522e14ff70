"""A grid fitted to a width: which columns it shows, how each column behaves, and its cells as shown.

Decided once here for both text renderers, rich on a terminal (`terminal.py`)
and `plain.py` elsewhere, so that they cannot disagree on what a table holds.
Every text comes out escaped (`printable`) and cut at MAX_SHOWN: data text is
untrusted, and a renderer draws it as it is.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from fivecenters.core.text import printable
from fivecenters.output.formatting import Cell, widest
from fivecenters.output.grids import Grid

# A cell longer than this is cut, with its length: rich wraps text in time that grows faster than
# its length, and a 10 MB quote would take minutes to show and be unreadable anyway.
MAX_SHOWN = 1_000
NAME_WIDTH = 24  # an indicator name keeps this many columns before optional columns give way
ID_WIDTH = 20  # ids wider than this break after a hyphen: "reportify-" over "1218992509569601536"


# Records as NamedTuples: a frozen dataclass takes five times as long to define, at every start.
class Column(NamedTuple):
    header: str
    right: bool  # numbers are aligned right
    wraps: bool  # text wraps between words, folding a longer word; otherwise one line, cut with "…"
    min_width: int | None  # columns of text the column keeps however narrow the table


class Fitted(NamedTuple):
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    left_out: list[str]  # names of the columns that did not fit

    def left_out_note(self, width: int) -> str | None:
        return f"Left out at {width} columns: {', '.join(self.left_out)}." if self.left_out else None


def fitted(grid: Grid, width: int) -> Fitted:
    """The grid in `width` columns: ids are broken at hyphens first (unless whole ids leave every wrapping
    column a name's room), then optional columns left out, before names are squeezed under NAME_WIDTH."""
    extent = functools.cache(functools.partial(_extent, grid))  # each column measured once, not at every step

    def needed(shown_columns: list[int], id_width: int | None, roomy: bool) -> int:
        """Columns the table takes with every unwrapped cell whole and names at NAME_WIDTH or their length
        (`roomy`: every wrapping column at a name's room, such as the peers of `fc rank` or the quotes of
        `fc info`); a space either side of each cell, a rule between columns and at the edges."""
        total = 3 * len(shown_columns) + 1
        for index in shown_columns:
            lines, longest = extent(index, id_width if index in grid.ids else None)
            if not _wraps(grid, index):
                total += lines
            else:
                total += max(longest, min(NAME_WIDTH, lines)) if index == 0 or roomy else longest
        return total

    shown_columns, id_width, fits = list(range(len(grid.columns))), None, False
    for dropped in range(len(grid.optional) + 1):
        shown_columns = [i for i in range(len(grid.columns)) if i not in grid.optional[:dropped]]
        id_width = None if needed(shown_columns, None, roomy=True) <= width else ID_WIDTH
        fits = needed(shown_columns, id_width, roomy=False) <= width
        if fits:
            break
    # Too narrow even so: the names give up their room rather than the table being cut off.
    name_width = NAME_WIDTH if fits else 0
    columns = []
    for index in shown_columns:
        wraps = _wraps(grid, index)
        longest = max((len(line) for row in grid.rows for line in clipped(row[index].text).split("\n")), default=0)
        columns.append(
            Column(
                header=_lines(clipped(grid.columns[index])),
                right=index in grid.numeric,
                wraps=wraps,
                min_width=min(name_width, longest) if index == 0 and wraps and name_width else None,
            )
        )
    rows = [
        [Cell(_lines(_cell_text(grid, row, i, id_width)), row[i].style) for i in shown_columns] for row in grid.rows
    ]
    left_out = [name for i, name in enumerate(grid.columns) if i not in shown_columns]
    return Fitted(shown(grid.title), columns, rows, left_out)


def _extent(grid: Grid, index: int, id_width: int | None) -> tuple[int, int]:
    """The widest line and (in a column that wraps) the widest word of a column's header and cells."""
    texts = [grid.columns[index], *(_cell_text(grid, row, index, id_width) for row in grid.rows)]
    lines = widest("\n".join(texts).split("\n"))
    if not _wraps(grid, index):
        return lines, 0
    return lines, widest(" ".join(texts).split())


def _wraps(grid: Grid, index: int) -> bool:
    """Ids never wrap (they are broken at hyphens beforehand); other columns as the grid says."""
    return index not in grid.ids and (grid.wrapping is None or index in grid.wrapping)


def _cell_text(grid: Grid, row: list[Cell], index: int, id_width: int | None) -> str:
    text = clipped(row[index].text)
    return _broken(text, id_width) if id_width and index in grid.ids else text


def _broken(text: str, width: int) -> str:
    """An id over lines of at most `width`, broken only after its hyphens (a part longer stays whole)."""
    lines: list[str] = []
    for part in re.findall(r"[^-]+-?|-", text):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return "\n".join(lines)


def clipped(text: str) -> str:
    """Text cut, with its length, when it is very long: measured, wrapped and shown at most MAX_SHOWN."""
    return f"{text[:MAX_SHOWN]}… ({len(text):,} characters)" if len(text) > MAX_SHOWN else text


def shown(text: str) -> str:
    """Text as a terminal view shows it: escaped, and cut with its length when it is very long."""
    return printable(clipped(text))


def _lines(text: str) -> str:
    """Cells may stack lines; anything else unprintable is shown escaped. The text is clipped already:
    clipped again, it would be cut at its own clipping and give a wrong length."""
    return "\n".join(printable(line) for line in text.split("\n"))
