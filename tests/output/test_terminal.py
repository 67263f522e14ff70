"""At 80 columns `fc show`, `progress` and `compare` stay readable: nothing runs past the edge, source ids
are never split inside a word, and optional columns give way before names are squeezed.

End to end through the reading commands, on the curated data: its long names and ids are the case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from fivecenters.output.fitting import NAME_WIDTH
from tests.support import ROOT
from tests.support.reading import fc_reading

CURATED = ROOT / "indicators.toml"
COMMANDS = [("show", "shipping"), ("show",), ("progress",), ("compare", "2022", "2023"), ("sources",)]


@pytest.fixture(scope="module")
def curated() -> Path:
    if not CURATED.is_file() or not CURATED.read_text(encoding="utf-8").strip():
        pytest.skip("no curated data: its long names and ids are what this checks")
    return CURATED


def shown(args: tuple[str, ...], data: Path, columns: int = 80) -> list[str]:
    result = fc_reading(*args, data=data, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def column(lines: list[str], header: str) -> list[str]:
    """The stripped cells of one column of every ASCII table in the output."""
    cells: list[str] = []
    position = None
    for line in lines:
        if line.startswith("+"):
            continue  # a rule inside the table
        parts = line.split("|")
        if len(parts) < 3:
            position = None
            continue
        names = [p.strip() for p in parts]
        if header in names:
            position = names.index(header)
        elif position is not None and len(parts) > position:
            cells.append(parts[position].strip())
    return cells


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_nothing_runs_past_80_columns(args: tuple[str, ...], curated: Path) -> None:
    lines = shown(args, curated)
    assert lines
    assert max(cell_len(line) for line in lines) <= 80


@pytest.mark.parametrize(("args", "header"), [(("show", "shipping"), "Source"), (("sources",), "Id")])
def test_source_ids_are_never_split_inside_a_word(args: tuple[str, ...], header: str, curated: Path) -> None:
    ids = [s["id"] for s in json.loads(fc_reading("sources", "-f", "json", data=curated).stdout)]
    pieces = [p for p in column(shown(args, curated), header) if p]
    assert pieces
    for piece in pieces:
        whole = piece in ids
        starts = any(i.startswith(piece) and piece.endswith("-") for i in ids)
        ends = any(i.endswith(piece) and i[: -len(piece)].endswith("-") for i in ids)
        assert whole or starts or ends, f"{piece!r} is a source id cut inside a word"


def test_optional_columns_give_way_before_names_are_squeezed(curated: Path) -> None:
    lines = shown(("show", "shipping"), curated)
    header = next(line for line in lines if "| Indicator" in line)
    assert len(header.split("|")[1]) - 2 >= NAME_WIDTH, "the names keep their room"
    assert "Trend" not in header and "Left out at 80 columns: Trend" in "\n".join(lines)
    wide = shown(("show", "shipping"), curated, columns=160)
    assert any("Trend" in line and "Next target" in line for line in wide), "a wide terminal shows every column"
    assert not any(line.startswith("Left out") for line in wide)


def test_markdown_keeps_every_column_whatever_the_width(curated: Path) -> None:
    text = "\n".join(shown(("show", "shipping", "-f", "markdown"), curated))
    assert "| Indicator | Latest | Change | Trend | Next target | Source |" in text
