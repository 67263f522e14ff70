"""What starting fc imports: heavy packages only where a command needs them.

Structural checks (which modules are loaded), never timings: bench/run.py
measures the time. Each runs in a fresh interpreter, since this one has
imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HEAVY = ("rich", "pydantic", "fivecenters.core.model", "fivecenters.core.checks")


def loaded_after(code: str, *argv: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules loaded once `code` has run, with `argv` as the command line, in a fresh interpreter
    whose standard streams are pipes (and `env` its environment, if given)."""
    probe = "\n".join(
        [
            "import json, sys",
            f"sys.argv = ['fc', *{list(argv)!r}]",
            "try:",
            textwrap.indent(code, "    "),
            "except SystemExit:",
            "    pass",
            "sys.stderr.write(json.dumps(sorted(sys.modules)))",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True, env=env
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_importing_the_cli_imports_neither_rich_nor_pydantic() -> None:
    loaded = loaded_after("import fivecenters.cli")
    assert "fivecenters.cli" in loaded
    for module in HEAVY:
        assert module not in loaded, f"importing fivecenters.cli imports {module}"


def test_version_imports_neither_pydantic_nor_typer() -> None:
    loaded = loaded_after("from fivecenters.__main__ import main\nmain()", "--version")
    for module in (*HEAVY, "typer"):
        assert module not in loaded, f"fc --version imports {module}"


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ([sys.executable, "-m", "fivecenters"], "fivecenters"),
        ([sys.executable, "-m", "fivecenters.cli"], "fivecenters"),
        ([str(Path(sys.executable).parent / "fivecenters")], "fivecenters"),
        ([str(Path(sys.executable).parent / "fc")], "fc"),
    ],
)
def test_version_prints_the_name_it_was_called_by_and_the_version(command: list[str], name: str) -> None:
    from fivecenters import __version__

    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout == f"{name} {__version__}\n"


def test_version_through_the_app_imports_none_of_the_writing_modules() -> None:
    loaded = loaded_after("from fivecenters.cli import app\napp(['--version'])")
    assert sorted(m for m in ("pydantic", "rich", "tomli_w", "filelock") if m in loaded) == []


def test_help_imports_neither_rich_nor_pydantic() -> None:
    loaded = loaded_after("from fivecenters.__main__ import main\nmain()", "--help")
    for module in HEAVY:
        assert module not in loaded, f"fc --help imports {module}"


def test_validate_does_not_import_rich() -> None:
    loaded = loaded_after("from fivecenters.__main__ import main\nmain()", "validate", "--data", "missing.toml")
    assert "fivecenters.core.checks" in loaded
    assert "rich" not in loaded, "fc validate imports rich"


def test_shell_init_imports_neither_rich_nor_pydantic() -> None:
    """It runs at every shell start, from the rc file."""
    loaded = loaded_after("from fivecenters.__main__ import main\nmain()", "shell-init", "bash")
    assert "fivecenters.cli.shell" in loaded
    for module in HEAVY:
        assert module not in loaded, f"fc shell-init imports {module}"


def test_the_report_and_xlsx_libraries_load_only_for_their_command() -> None:
    """minijinja is fc report's, openpyxl fc export --format xlsx's: the other exports and readings never pay."""
    data = str(Path(__file__).parent / "fixtures" / "reading.toml")
    run = "from fivecenters.__main__ import main\nmain()"
    for argv in (("show", "--data", data), ("export", "--data", data, "-f", "json"), ("chart", "gdp", "--data", data)):
        loaded = loaded_after(run, *argv)
        assert "fivecenters.core.model" in loaded, argv
        assert "minijinja" not in loaded and "openpyxl" not in loaded, f"fc {argv[0]} imports minijinja or openpyxl"
    assert "openpyxl" not in loaded_after("import fivecenters.output.spreadsheet, fivecenters.output.html_page")
    assert "minijinja" not in loaded_after("import fivecenters.output.spreadsheet, fivecenters.output.html_page")


READING = str(Path(__file__).parent / "fixtures" / "reading.toml")
# Every command that draws grids or a chart for people.
DRAWING = [
    ("show",),
    ("show", "shipping"),
    ("compare", "2022", "2023"),
    ("progress",),
    ("info", "gdp"),
    ("sources",),
    ("chart", "gdp"),
    ("rank",),
]


def _off_a_terminal(**extra: str) -> dict[str, str]:
    """The caller's environment without what would make fc's output count as a terminal's (CI sets FORCE_COLOR)."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "FC_DATA")}
    return {**env, **extra}


@pytest.mark.parametrize("command", DRAWING, ids=" ".join)
def test_a_reading_command_writing_to_a_pipe_does_not_import_rich(command: tuple[str, ...]) -> None:
    """Off a terminal fc draws without rich (output.plain), what pre-commit, CI and scripts get."""
    run = "from fivecenters.__main__ import main\nmain()"
    loaded = loaded_after(run, *command, "--data", READING, env=_off_a_terminal())
    assert "fivecenters.output.plain" in loaded, f"fc {' '.join(command)} drew nothing"
    assert not any(m == "rich" or m.startswith("rich.") for m in loaded), f"fc {' '.join(command)} imports rich"


@pytest.mark.parametrize("command", [("show", "shipping"), ("chart", "gdp")], ids=" ".join)
def test_a_terminal_still_gets_rich(command: tuple[str, ...]) -> None:
    """TTY_COMPATIBLE=1 says the output is a terminal, as a terminal's isatty would: rich draws, in colour."""
    run = "from fivecenters.__main__ import main\nmain()"
    loaded = loaded_after(run, *command, "--data", READING, env=_off_a_terminal(TTY_COMPATIBLE="1"))
    assert "rich.console" in loaded


def test_a_chart_on_the_terminal_does_not_import_the_svg_chart() -> None:
    """The SVG page's layout (and html) is for `fc chart --svg` alone."""
    run = "from fivecenters.__main__ import main\nmain()"
    loaded = loaded_after(run, "chart", "gdp", "--data", READING, env=_off_a_terminal())
    assert "fivecenters.output.charts.text" in loaded
    assert "fivecenters.output.charts.svg" not in loaded and "fivecenters.output.charts.layout" not in loaded
