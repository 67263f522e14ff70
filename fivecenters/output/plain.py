"""Grids and charts off a terminal, drawn as rich draws them there, without importing rich.

Off a terminal (a pipe, a file, pre-commit, CI) rich draws fc's tables in
plain characters: the ASCII2 box, no styles, at the width it finds. Importing
rich and laying out its renderables took a quarter of a reading command's
time (bench/), so this module draws the same characters itself. It follows
rich 15's own steps for the one kind of table fc draws (a title, a header
row, one space of padding either side of each cell, columns aligned left or
right that wrap or are cut with an ellipsis): each column as wide as its
longest line, too wide a table narrowed as `Table._collapse_widths`
and `ratio_reduce` do, words wrapped and folded as `rich._wrap.divide_line`,
cells padded and cut as `Segment.adjust_line_length`, a line wider than the
output cut at its edge; notes and chart lines wrapped as a printed `Text`.
tests/output/test_plain.py renders random grids with both and compares them
byte for byte.

Where it can differ from rich: the width of a character. It is measured by
`formatting.char_width`, from the Unicode database of this Python, where rich
carries tables of its own (Unicode 17 in rich 15). They agree on every
character but those this Python's database does not know yet (assigned in a
later Unicode version) and the symbols Unicode 16 made wide (Yijing
hexagrams U+4DC0-U+4DFF, U+2630-U+2637, U+268A-U+268F, U+1D300-U+1D356,
counting rods U+1D360-U+1D376); and a variation selector 16 that turns a
narrow character into a wide emoji counts two for rich, one here. A table
holding such characters shows the same cells, with that line's padding a
column off.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import TextIO

from fivecenters.output.fitting import Column, Fitted, fitted, shown
from fivecenters.output.formatting import Cell, cell_width, char_width
from fivecenters.output.grids import Grid

Line = list[str]  # the pieces of one output line, cut at their boundaries as rich cuts its segments
PADDING = 1  # spaces either side of a cell
EDGE, RULE = "|", "+-++"  # rich's ASCII2 box: "|" beside cells, rules drawn "+---+---+"

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


def plain_width(file: TextIO) -> int | None:
    """The width to draw at when `file` is no terminal, decided as rich's Console decides it; None when
    rich must draw: on a terminal, one forced by TTY_COMPATIBLE or FORCE_COLOR, and where rich does
    what this module does not (Windows consoles, Jupyter)."""
    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return None
    environ = os.environ
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible == "1":
        return None
    if compatible != "0":
        force_color = environ.get("FORCE_COLOR")
        if force_color is not None:
            if force_color != "":
                return None
        elif _is_a_terminal(file):
            return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isascii() and columns.isdigit():  # "²" is a digit int() refuses
        return int(columns)
    for descriptor in (0, 1, 2):  # a terminal on any standard stream gives its width, as for rich
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _is_a_terminal(file: TextIO) -> bool:
    isatty: Callable[[], bool] | None = getattr(file, "isatty", None)
    try:
        return False if isatty is None else isatty()
    except ValueError:  # closed
        return False


def print_grids(grids: Iterable[Grid], lines: Iterable[str], width: int, file: TextIO) -> None:
    """Each grid with what did not fit and its notes, then a blank line; then the lines."""
    if width < 1:  # rich draws nothing in no room
        return
    for grid in grids:
        table = fitted(grid, width)
        out = table_lines(table, width)
        note = table.left_out_note(width)
        for text in ([note] if note else []) + [shown(note) for note in grid.notes]:
            out += wrapped(text, width)
        out.append("")
        file.write("\n".join(out) + "\n")
    file.write("".join(f"{line}\n" for text in lines for line in wrapped(shown(text), width)))
    file.flush()


def print_lines(lines: Iterable[Sequence[Cell]], width: int, file: TextIO) -> None:
    """Lines of cells, such as a chart, each as its text."""
    if width < 1:
        return
    texts = ("".join(shown(cell.text) for cell in cells) for cells in lines)
    file.write("".join(f"{line}\n" for text in texts for line in wrapped(text, width)))
    file.flush()


def wrapped(text: str, width: int) -> list[str]:
    """Text as rich prints it: wrapped between words, a word longer than the line folded."""
    return _wrap(text, width, justify=None, wraps=True)


def table_lines(table: Fitted, width: int) -> list[str]:
    """The title and the table, each line cut at `width`."""
    if not table.columns:  # every column left out: rich draws an empty line, without the title
        return [""]
    extra = 2 + len(table.columns) - 1  # the edges and the rules between columns
    widths = _column_widths(table, max(0, width - extra))
    table_width = sum(widths) + extra
    lines = [[line] for line in _wrap(table.title, table_width, justify="left", wraps=True)] if table.title else []
    rule = RULE[0] + RULE[2].join(RULE[1] * w for w in widths) + RULE[3]
    lines.append([rule])
    header = [Cell(column.header) for column in table.columns]
    for number, row in enumerate([header, *table.rows]):
        cells = [_cell_lines(cell.text, w, column) for cell, w, column in zip(row, widths, table.columns, strict=True)]
        height = max(map(len, cells))
        for cell, w in zip(cells, widths, strict=True):
            blank = [[" " * w]] * (height - len(cell))
            cell[:] = blank + cell if number == 0 else cell + blank  # the header sits on the rule below it
            cell.extend([[" " * w]] * (1 - len(cell)))  # a row of cells with no room is one blank line
        for line_cells in zip(*cells, strict=True):
            if table_width <= width:  # nothing to cut: the line as one piece, joined in C
                lines.append([EDGE + EDGE.join(map("".join, line_cells)) + EDGE])
                continue
            line = [EDGE]
            for index, cell_line in enumerate(line_cells):
                line += [*cell_line, EDGE] if index < len(line_cells) - 1 else cell_line
            lines.append([*line, EDGE])
        if number == 0:
            lines.append([rule])
    lines.append([rule])
    if table_width > width:
        lines = [_fit(line, width, pad=False) for line in lines]
    return ["".join(line) for line in lines]


def _column_widths(table: Fitted, room: int) -> list[int]:
    """Each column's width with its padding, as `Table._calculate_column_widths` sets it in `room`."""
    texts = [[column.header, *(row[index].text for row in table.rows)] for index, column in enumerate(table.columns)]
    widths = [_widest(column, cells, room) or 1 for column, cells in zip(table.columns, texts, strict=True)]
    if sum(widths) > room:
        widths = _collapse(widths, [column.wraps for column in table.columns], room)
        if sum(widths) > room:  # last resort: narrow every column alike
            widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        widths = [_widest(c, cells, w) for c, cells, w in zip(table.columns, texts, widths, strict=True)]
    return widths


def _widest(column: Column, texts: list[str], room: int) -> int:
    """The most a column takes in `room`, padding included: the maximum of rich's Measurement, the one
    part of it that sets a width (its minimum only measures a table inside another)."""
    if room < 1:
        return 0
    widest = 0
    for text in texts:
        if room - 2 * PADDING < 1:  # no room for text: the padding takes it all
            widest = max(widest, room)
            continue
        longest = min(max(map(_width, text.splitlines()), default=0), room)
        widest = max(widest, min(longest + 2 * PADDING, room))
    if column.min_width is not None:  # rich applies the minimum after the room: it may exceed it
        widest = max(widest, column.min_width + 2 * PADDING)
    return widest


def _collapse(widths: list[int], wrapping: list[bool], room: int) -> list[int]:
    """The widest wrapping columns narrowed to the next widest, in turn, until the table fits."""
    excess = sum(widths) - room
    if not any(wrapping):
        return widths
    while sum(widths) and excess > 0:
        widest = max(w for w, wraps in zip(widths, wrapping, strict=True) if wraps)
        next_widest = max(w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapping, strict=True))
        ratios = [1 if w == widest and wraps else 0 for w, wraps in zip(widths, wrapping, strict=True)]
        if not any(ratios) or not widest - next_widest:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - next_widest)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """`total` taken from the values in proportion to the ratios, at most each maximum (rich's ratio_reduce)."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * total / total_ratio))
            result.append(value - taken)
            total -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _cell_lines(text: str, width: int, column: Column) -> list[Line]:
    """A cell's lines, padded to the column's width; none when there is no room for text."""
    inner = width - 2 * PADDING
    if inner < 1:
        return []
    justify = "right" if column.right else "left"
    # Justified, each line is exactly `inner` columns: rich's padding and cutting to the width leave it as it is.
    return [[" ", line, " "] for line in _wrap(text, inner, justify=justify, wraps=column.wraps)]


def _wrap(text: str, width: int, justify: str | None, wraps: bool) -> list[str]:
    """Text in lines of `width` columns as rich's Text.wrap makes them: a wrapping text is broken between
    words and folds longer words; another keeps each line whole, cut with an ellipsis."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width and (size := _width(line)) <= width:  # the common case: nothing to break, trim or cut
            if justify == "left":
                lines.append(line + " " * (width - size))
            elif justify == "right":
                lines.append(" " * (width - _width(line.rstrip())) + line.rstrip())
            else:
                lines.append(line)
            continue
        pieces = [line]
        if wraps:
            pieces = [line[a:b] for a, b in pairwise([0, *_breaks(line, width), len(line)])]
            pieces = [_trimmed(piece, width) if len(piece) > width else piece for piece in pieces]
        for piece in pieces:
            if justify == "left":
                if piece.isascii() and len(piece) <= width:  # most pieces of a wrapped line: padded, no more
                    piece += " " * (width - len(piece))
                else:
                    piece = _truncated(piece, width, wraps, pad=True)
            elif justify == "right":
                piece = _truncated(piece.rstrip(), width, wraps)
                piece = " " * max(0, width - _width(piece)) + piece
            lines.append(piece if justify else _truncated(piece, width, wraps))  # justified, it fits already
    return lines


def _breaks(text: str, width: int) -> list[int]:
    """Where to break a line (rich's divide_line with folding): before a word that does not fit the rest of
    the line, and inside a word longer than a line."""
    breaks: list[int] = []
    used = 0
    measure = len if text.isascii() else cell_width
    for match in _WORD.finditer(text):
        start, word = match.start(), match[0]
        length = measure(word.rstrip())
        if width - used >= length:
            used += measure(word)
        elif length > width:
            folded = _chopped(word, width)
            for index, part in enumerate(folded):
                if start:
                    breaks.append(start)
                if index == len(folded) - 1:
                    used = measure(part)
                else:
                    start += len(part)
        elif used and start:
            breaks.append(start)
            used = measure(word)
    return breaks


def _trimmed(text: str, width: int) -> str:
    """Trailing spaces cut as far as the line is longer in characters than `width` (rich's rstrip_end)."""
    excess = len(text) - width
    if excess > 0 and (spaces := _TRAILING_SPACE.search(text)):
        return text[: -min(len(spaces[0]), excess)]
    return text


def _truncated(text: str, width: int, wraps: bool, pad: bool = False) -> str:
    """Text cut to `width` columns, with an ellipsis where it does not wrap; padded with spaces if asked."""
    length = _width(text)
    if length > width:
        text = _sized(text, width) if wraps else _sized(text, width - 1) + "…"
    if pad and length < width:
        text += " " * (width - length)
    return text


def _fit(line: Line, width: int, pad: bool) -> Line:
    """A line padded or cut to `width` columns, piece by piece as rich's adjust_line_length does."""
    length = sum(map(_width, line))
    if length < width:
        return [*line, " " * (width - length)] if pad else line[:]
    if length == width:
        return line[:]
    cut: Line = []
    length = 0
    for piece in line:
        size = _width(piece)
        if length + size < width:
            cut.append(piece)
            length += size
        else:
            cut.append(_sized(piece, width - length))
            break
    return cut


def _sized(text: str, width: int) -> str:
    """Text padded or cut to exactly `width` columns; a wide character cut in half becomes a space."""
    if width <= 0:
        return ""
    length = _width(text)
    if length <= width:
        return text + " " * (width - length)
    used = 0
    for start, _, size in _graphemes(text):
        if used == width:
            return text[:start]
        if used + size > width:
            return text[:start] + " "
        used += size
    return text


def _chopped(text: str, width: int) -> list[str]:
    """Text in pieces of at most `width` columns (rich's chop_cells)."""
    if text.isascii():
        return [text[start : start + width] for start in range(0, len(text), width)]
    pieces, used, offset = [], 0, 0
    for start, _, size in _graphemes(text):
        if used + size > width:
            pieces.append(text[offset:start])
            offset, used = start, 0
        used += size
    if used:
        pieces.append(text[offset:])
    return pieces


def _graphemes(text: str) -> list[tuple[int, int, int]]:
    """(start, end, columns) of each character, a character of no width joined to the one before."""
    spans: list[tuple[int, int, int]] = []
    for index, character in enumerate(text):
        size = char_width(character)
        if size or not spans:
            spans.append((index, index + 1, size))
        else:
            spans[-1] = (spans[-1][0], index + 1, spans[-1][2])
    return spans


def _width(text: str) -> int:
    """Columns of text already escaped, with no control character: its length when it is ASCII."""
    return len(text) if text.isascii() else cell_width(text)
