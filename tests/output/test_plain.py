"""Off a terminal, `output.plain` draws what rich draws, byte for byte, without importing rich.

Random grids (long words, hyphenated ids, Chinese and other wide characters,
combining marks, empty cells, stacked lines, optional columns, notes) are
drawn by both renderers at widths from none to wider than any table, and
must come out the same. Rich is what the plain renderer copies, so these
tests import it; `tests/test_imports.py` checks a reading command does not.
"""

from __future__ import annotations

import io
import os
import sys
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console

from fivecenters.output import plain
from fivecenters.output.fitting import MAX_SHOWN
from fivecenters.output.formatting import Cell, cell_width, char_width
from fivecenters.output.grids import Grid
from fivecenters.output.terminal import print_rich

# Characters whose width rich (its own Unicode 17 tables) and this Python's Unicode database agree on,
# from each kind the data may hold: plain and accented Latin, Greek, Cyrillic, punctuation fc writes
# (dashes, arrows, bars, sparks), Chinese, Japanese, Korean, full-width forms, emoji, combining marks.
ALPHABET = st.one_of(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789"),
    st.sampled_from("     ----.,;:()[]/%+*#'\"…"),
    st.sampled_from("éüñßØæΩλжЯ—–→▲▼≈≥≤·█▇▁◆●○"),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),  # CJK unified ideographs
    st.sampled_from("あいうアイウ한국어，。：（）ＡＢ１２"),
    st.characters(min_codepoint=0x1F600, max_codepoint=0x1F64F),  # emoticons, two columns
    st.sampled_from("\u0301\u0308\u20dd"),  # combining marks: no column of their own
)
WORD = st.text(ALPHABET, min_size=1, max_size=12) | st.text(st.sampled_from("abcdefgh"), min_size=20, max_size=60)
PART = st.text(st.sampled_from("abcxyz0123456789"), min_size=1, max_size=22)
ID = st.lists(PART, min_size=1, max_size=4).map("-".join)  # "reportify-1218992509569601536"
SPACE = st.sampled_from([" ", " ", " ", "  ", "   "])
LINE = st.lists(st.tuples(WORD | ID, SPACE).map("".join), max_size=8).map("".join)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)  # cells stack lines
STYLE = st.sampled_from([None, "good", "bad", "warn", "muted", "title", "line"])
WIDTHS = st.sampled_from([0, 1, 2, 3, 5, 8, 12, 20, 30, 40, 50, 60, 72, 80, 100, 120, 160, 250])


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    count = draw(st.integers(1, 6))
    columns = draw(st.lists(st.text(ALPHABET, min_size=1, max_size=14) | TEXT, min_size=count, max_size=count))
    indexes = st.lists(st.integers(0, count - 1), unique=True)
    wrapping = draw(st.none() | indexes.map(frozenset))
    grid = Grid(
        draw(st.just("") | TEXT),
        columns,
        numeric=frozenset(draw(indexes)),
        wrapping=wrapping,
        optional=tuple(draw(indexes)),
        ids=frozenset(draw(indexes)),
    )
    for _ in range(draw(st.integers(0, 6))):
        grid.add(*(Cell(draw(st.just("") | TEXT | ID), draw(STYLE)) for _ in range(count)))
    grid.notes.extend(draw(st.lists(TEXT, max_size=3)))
    return grid


@st.composite
def fc_like_grids(draw: st.DrawFn) -> Grid:
    """Shaped as fc's: names that wrap first, stacked figures, an optional column or two, source ids."""
    names = st.lists(st.text(ALPHABET, min_size=1, max_size=12), min_size=1, max_size=10).map(" ".join)
    figure = st.tuples(st.floats(0, 1e6, allow_nan=False), st.integers(1990, 2030)).map(
        lambda f: f"{f[0]:,.3f}\n({f[1]})"
    )
    extra = draw(st.lists(TEXT, min_size=1, max_size=3))
    columns = ["Indicator", "Latest", *(f"Extra {n}" for n in range(len(extra))), "Source"]
    optional = draw(st.permutations(range(2, 2 + len(extra))).map(tuple))
    grid = Grid(
        draw(TEXT),
        columns,
        numeric=frozenset({1}),
        wrapping=frozenset({0}),
        optional=optional,
        ids=frozenset({len(columns) - 1}),
    )
    for _ in range(draw(st.integers(1, 8))):
        cells = [draw(names), draw(figure), *(draw(TEXT) for _ in extra), draw(ID)]
        grid.add(*cells)
    return grid


@pytest.fixture(autouse=True)
def _off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "COLUMNS", "UNICODE_VERSION"):
        monkeypatch.delenv(name, raising=False)


def by_rich(grids: list[Grid], lines: list[str], width: int) -> str:
    out = io.StringIO()
    os.environ["COLUMNS"] = str(width)  # the one way print_rich's console is told its width
    try:
        print_rich(grids, lines, file=out)
    finally:
        del os.environ["COLUMNS"]
    return out.getvalue()


def by_plain(grids: list[Grid], lines: list[str], width: int) -> str:
    out = io.StringIO()
    plain.print_grids(grids, lines, width, out)
    return out.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(grids() | fc_like_grids(), min_size=1, max_size=2), st.lists(LINE, max_size=2), WIDTHS)
def test_plain_draws_grids_as_rich_does(drawn: list[Grid], lines: list[str], width: int) -> None:
    assert by_plain(drawn, lines, width) == by_rich(drawn, lines, width)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.builds(Cell, LINE, STYLE), max_size=4), max_size=5), WIDTHS)
def test_plain_draws_lines_of_cells_as_rich_does(lines: list[list[Cell]], width: int) -> None:
    """Charts: each line's cells as one text, wrapped at the width as rich wraps it."""
    out = io.StringIO()
    plain.print_lines(lines, width, out)
    console = Console(file=io.StringIO(), width=width, highlight=False, markup=False, emoji=False)
    from rich.text import Text

    for line in lines:
        text = Text()
        for cell in line:
            text.append(cell.text, style=cell.style or "")
        console.print(text)
    assert out.getvalue() == console.file.getvalue()  # type: ignore[attr-defined]


def test_a_curated_looking_table_in_full() -> None:
    """Written out once, so that what both draw is seen, not only that they agree: the id broken after its
    hyphen and never inside, the header on the rule, words folded in a squeezed column, Chinese two columns
    a character, a note wrapped with the space rich leaves at the end of its line."""
    grid = Grid("Sources", ["Id", "Source", "Cited by"], ids=frozenset({0}))
    grid.add("reportify-1218992509569601536", "Sea-rail intermodal volume\nreportify, 2025-01-02", "rail")
    grid.add("stats-2024", "上海统计年鉴 2024", Cell("nothing", "muted"))
    grid.notes.append("A note long enough to wrap at forty columns, with a word.")
    expected = (
        "Sources                                 \n"
        "+---------------------+--------+-------+\n"
        "|                     |        | Cited |\n"
        "| Id                  | Source | by    |\n"
        "+---------------------+--------+-------+\n"
        "| reportify-          | Sea-ra | rail  |\n"
        "| 1218992509569601536 | il     |       |\n"
        "|                     | interm |       |\n"
        "|                     | odal   |       |\n"
        "|                     | volume |       |\n"
        "|                     | report |       |\n"
        "|                     | ify,   |       |\n"
        "|                     | 2025-0 |       |\n"
        "|                     | 1-02   |       |\n"
        "| stats-2024          | 上海统 | nothi |\n"
        "|                     | 计年鉴 | ng    |\n"
        "|                     |  2024  |       |\n"
        "+---------------------+--------+-------+\n"
        "A note long enough to wrap at forty \n"
        "columns, with a word.\n"
        "\n"
    )
    assert by_plain([grid], [], 40) == by_rich([grid], [], 40) == expected


def test_a_very_long_cell_is_cut_with_its_length() -> None:
    grid = Grid("Quotes", ["Quote"])
    grid.add("x" * (MAX_SHOWN + 500))
    text = by_plain([grid], [], 80)
    cells = "".join(line.strip("| ") + " " for line in text.splitlines()[3:-2])
    assert cells.count("x") == MAX_SHOWN
    assert cells.endswith(f"… ({MAX_SHOWN + 500:,} characters) ")
    assert text == by_rich([grid], [], 80)


def test_escape_sequences_in_data_are_shown_escaped() -> None:
    grid = Grid("\x1b[31mred\x1b[0m", ["Name"])
    grid.add("bell\x07 and \x1b]8;;http://x\x1b\\link")
    grid.notes.append("\x1b[2J")
    text = by_plain([grid], ["\x1b[1mbold"], 80)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[31mred" in text
    assert text == by_rich([grid], ["\x1b[1mbold"], 80)


def assigned() -> Iterator[str]:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if unicodedata.category(character) not in ("Cn", "Cs"):
            yield character


# Symbols Unicode 16 made wide: rich's tables know it, Pythons before 3.14 do not.
WIDENED_IN_UNICODE_16 = [(0x2630, 0x2637), (0x268A, 0x268F), (0x4DC0, 0x4DFF), (0x1D300, 0x1D356), (0x1D360, 0x1D376)]


def test_character_widths_are_riches_for_every_character_this_python_knows() -> None:
    differ = [c for c in assigned() if char_width(c) != get_character_cell_size(c)]
    unexplained = [c for c in differ if not any(low <= ord(c) <= high for low, high in WIDENED_IN_UNICODE_16)]
    assert unexplained == [], [f"U+{ord(c):04X}" for c in unexplained[:20]]
    assert all(char_width(c) == 1 and get_character_cell_size(c) == 2 for c in differ)


@given(st.text(ALPHABET))
def test_text_widths_are_riches(text: str) -> None:
    assert cell_width(text) == cell_len(text)


def test_cell_widths_count_what_terminals_count() -> None:
    assert cell_width("Shanghai") == 8
    assert cell_width("上海") == 4
    assert cell_width("e\u0301") == 1, "a combining accent takes no column"
    assert cell_width("😀") == 2
    assert cell_width("a\tb") == 2, "a control character takes none"


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize("terminal", [False, True])
@pytest.mark.parametrize("tty_compatible", [None, "", "0", "1"])
@pytest.mark.parametrize("force_color", [None, "", "1"])
@pytest.mark.parametrize("columns", [None, "100", "0", "wide"])
def test_plain_exactly_where_rich_draws_for_no_terminal_and_at_its_width(
    monkeypatch: pytest.MonkeyPatch,
    terminal: bool,
    tty_compatible: str | None,
    force_color: str | None,
    columns: str | None,
) -> None:
    for name, value in {"TTY_COMPATIBLE": tty_compatible, "FORCE_COLOR": force_color, "COLUMNS": columns}.items():
        if value is not None:
            monkeypatch.setenv(name, value)
    stream = _Stream(terminal)
    console = Console(file=stream)
    width = plain.plain_width(stream)
    assert (width is None) == console.is_terminal
    if width is not None:
        assert width == console.width
