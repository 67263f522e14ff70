"""The app's one error boundary and the exception family it maps: lines on stderr, the exit code, nothing more."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fivecenters.core import store
from fivecenters.core.codes import Code
from fivecenters.core.errors import (
    DataError,
    EditError,
    FcError,
    LockTimeout,
    NothingToShow,
    OutputError,
    Refused,
    UnknownName,
    WriteError,
)
from fivecenters.core.problems import Problem, Report
from tests.support.run import fc

DATA = """\
[[sources]]
id = "plan"
title = "Plan"
publisher = "City"
url = "https://example.org/plan"
language = "en"

[[indicators]]
id = "gdp"
center = "economic"
name = "GDP"
unit = "trillion yuan"
kind = "flow"
direction = "higher"
description = "Output of the city."

[[indicators.observations]]
year = 2022
value = 4.47
source = "plan"
quote = "GDP reached 4.47 trillion yuan"
"""

STUB = """
[[indicators]]
id = "stub"
center = "trade"
name = "Nothing yet"
unit = "billion yuan"
kind = "flow"
direction = "higher"
description = "Waiting for its first figure."
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.toml"
    path.write_text(DATA, encoding="utf-8")
    return path


def _report(*problems: Problem) -> Report:
    return Report("data.toml", list(problems))


@pytest.mark.parametrize(
    ("error", "exit_code"),
    [
        (DataError.single("data.toml", Code.EMPTY_FILE, "is empty"), 1),
        (UnknownName("unknown center 'moon'"), 2),
        (NothingToShow("stub has nothing to chart"), 1),
        (OutputError("cannot write out.svg: No space left on device"), 1),
        (OutputError("cannot write out/x.svg: directory out does not exist", usage=True), 2),
        (WriteError("cannot write data.toml: Read-only file system"), 1),
        (LockTimeout(Path("data.toml"), 0.5), 1),
        (EditError("indicator 'gdp' already has 2022"), 1),
        (Refused(_report(Problem(Code.NEGATIVE_VALUE, "value -5 is negative", line=3, column=1))), 1),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, FcError) else str(value),
)
def test_each_error_carries_its_exit_code(error: FcError, exit_code: int) -> None:
    """1: the data or a write failed; 2: the request was wrong (README: exit codes)."""
    assert isinstance(error, FcError)
    assert error.exit_code == exit_code


def test_a_refusal_shows_its_errors_without_positions_in_text_never_written() -> None:
    located = Problem(Code.NEGATIVE_VALUE, "value -5 is negative", ("indicators", 0), 3, 1)
    warning = Problem(Code.UNUSED_SOURCE, "source 'x' is cited by nothing", line=9, column=1)
    refused = Refused(_report(located, warning))
    assert [(p.code, p.line, p.column) for p in refused.problems] == [(Code.NEGATIVE_VALUE, None, None)]
    assert refused.summary() == "refused: the result would not pass fc validate; data.toml is unchanged"


# --- through the command line ---------------------------------------------------------------------


def test_a_command_with_nothing_to_chart_says_so_in_one_line(data: Path) -> None:
    data.write_text(DATA + STUB, encoding="utf-8")
    result = fc("chart", "stub", "--data", data)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "fc: error: stub has nothing to chart: no observations and no targets\n"


def test_a_file_with_many_errors_shows_the_first_ten(data: Path) -> None:
    observations = "".join(
        f'\n[[indicators.observations]]\nyear = {year}\nvalue = -1\nsource = "plan"\nquote = "1 in {year}"\n'
        for year in range(2000, 2012)
    )
    data.write_text(DATA + observations, encoding="utf-8")
    result = fc("show", "--data", data)
    assert (result.exit_code, result.stdout) == (1, "")
    *problems, last = result.stderr.splitlines()
    assert len(problems) == 10
    assert all(f"{data}:" in line and " error negative-value: " in line for line in problems)
    assert last == f"fc: {data} cannot be used (2 more); run 'fc validate' for the full report"


def test_a_failed_write_names_the_file_and_leaves_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "atomic_write", full_disk)
    result = fc("add", "gdp", "2023", "4.72", "--source", "plan", "--quote", "4.72 trillion", "--data", data)
    assert result.exit_code == 1
    assert result.stderr == f"fc: cannot write {data}: No space left on device\n"
    assert data.read_text(encoding="utf-8") == DATA


def test_a_held_lock_is_one_line(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def held(path: Path, timeout: float = 0) -> None:
        raise LockTimeout(path, 30)

    monkeypatch.setattr(store, "locked", held)
    result = fc("add", "gdp", "2023", "4.72", "--source", "plan", "--quote", "4.72 trillion", "--data", data)
    assert result.exit_code == 1
    assert result.stderr == f"fc: error: another fc is writing {data}; gave up after 30 s\n"


def test_fmt_reports_a_failed_file_and_formats_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    spread = DATA.replace("\n\n", "\n\n\n")  # not canonical: fmt rewrites it
    for path in (first, second):
        path.write_text(spread, encoding="utf-8")
    real_write = store.atomic_write

    def fail_first(path: Path, text: str) -> None:
        if path == first:
            raise PermissionError(errno.EACCES, "Permission denied", str(first))
        real_write(path, text)

    monkeypatch.setattr(store, "atomic_write", fail_first)
    result = fc("fmt", first, second)
    assert result.exit_code == 1
    assert result.stderr == f"fc: cannot write {first}: Permission denied\n"
    assert result.stdout == f"reformatted {second}\n"
    assert first.read_text(encoding="utf-8") == spread
    assert second.read_text(encoding="utf-8") == DATA


def test_messages_from_the_data_reach_stderr_escaped(data: Path) -> None:
    result = fc("info", "gd\x1b[31mp", "--data", data)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert result.stderr.startswith("fc: error: unknown indicator 'gd\\x1b[31mp'.")


def test_the_boundary_imports_neither_pydantic_nor_rich() -> None:
    """An error on the way to `fc --help`-fast paths must not pull in what a command would."""
    probe = (
        "import json, sys\n"
        "from fivecenters.cli.app import tell\n"
        "from fivecenters.core.errors import UnknownName\n"
        "assert tell(UnknownName('no data for 1900.')) == 2\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stderr == "fc: error: no data for 1900.\n"
    loaded = set(json.loads(result.stdout))
    assert not {"pydantic", "rich", "fivecenters.core.model"} & loaded


def test_fc_builds_only_the_command_it_runs_and_its_help_lists_them_all() -> None:
    """main() hands typer the one command named on the command line: its help must not change, and
    `fc --help` still lists every command, in the order they are registered."""
    import typer.main

    from fivecenters.cli import app
    from tests.support.run import fc_process

    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    listing = fc_process("--help").stdout
    assert [n for n in names if f"  {n} " in listing] == names
    assert sorted(names, key=lambda n: listing.index(f"  {n} ")) == names
    alone = fc_process("add-source", "--help")
    assert alone.returncode == 0
    # The same help, wrapped to its width, but for the program's name (`python -m fivecenters` is fivecenters)
    assert alone.stdout.split()[2:] == fc("add-source", "--help").stdout.split()[2:]
    assert len(app.registered_commands) == len(names)
