"""Every command has help and is documented in the README (as sqlite-utils does)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import typer.main

from fivecenters.cli import app
from tests.support.run import fc

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
READS_NO_DATA = {"shell-init", "schema"}  # schema prints the format's schema, not data
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_there_are_commands() -> None:
    assert {"validate", "show", "compare", "progress", "info", "sources"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    result = fc(name, "--help")
    assert result.exit_code == 0
    if name not in READS_NO_DATA:
        assert "--data" in result.output, f"fc {name} does not take --data"
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.strip()) > 20, f"fc {name} has no real help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    assert re.search(rf"`(fc|fivecenters) {re.escape(name)}\b", README), f"fc {name} is not documented in README.md"


def test_version() -> None:
    result = fc("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"fc \d+\.\d+\.\d+\n", result.output)


def test_format_doc_example_is_valid_and_canonical(tmp_path: Path) -> None:
    """The complete example in docs/format.md passes fc validate and fc fmt --check as written."""
    doc = (Path(__file__).parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    example = doc.split("## A complete indicator", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    shutil.copytree(Path(__file__).parents[1] / "seeds", tmp_path / "seeds")  # a link out would be refused
    data = tmp_path / "indicators.toml"
    data.write_text(example, encoding="utf-8")
    validated = fc("validate", "--strict", str(data))
    assert validated.exit_code == 0, validated.output
    formatted = fc("fmt", "--check", str(data))
    assert formatted.exit_code == 0, formatted.output
