"""The two ways a test runs `fc`: in-process (`fc`) and as a real `python -m fivecenters` (`fc_process`),
and the programs beside it that some tests drive (`require_program`, `unavailable`).

Both keep stdout and stderr apart and fail the test on a traceback: users never
see one, whatever a test feeds in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner, Result

from fivecenters.cli import app

# A pipe 80 columns wide: nothing in the caller's shell makes rich treat it as a colour terminal.
PIPE_ENV: dict[str, str | None] = {"COLUMNS": "80", "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "NO_COLOR": None}


def fc(
    *args: str | int | Path, env: Mapping[str, str | None] | None = None, input: str | bytes | None = None
) -> Result:
    """Run `fc` in-process, `input` on its standard input; it must never end in an exception other than its exit."""
    result = CliRunner(env={**PIPE_ENV, **(env or {})}).invoke(app, [str(a) for a in args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess, without the caller's data file or git state."""
    env = {k: v for k, v in os.environ.items() if k != "FC_DATA" and not k.startswith("GIT_")}
    env.update(extra)
    return env


def fc_command(*args: str | int | Path) -> list[str]:
    """The command line that runs `fc` in a real process, with this interpreter."""
    return [sys.executable, "-m", "fivecenters", *(str(a) for a in args)]


def fc_process(
    *args: str | int | Path, cwd: Path | None = None, timeout: float = 120, input: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `fc` in a real process, `input` on its standard input, and wait for it; it must not print a traceback."""
    process = subprocess.run(
        fc_command(*args),
        cwd=cwd,
        input=input,
        env=clean_env(PYTHONIOENCODING="utf-8", **env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in process.stdout + process.stderr
    return process


def require_program(*names: str, needed_for: str) -> str:
    """The first of `names` on PATH; missing, see `unavailable`."""
    for name in names:
        if found := shutil.which(name):
            return found
    unavailable(names[0], needed_for)


def unavailable(what: str, needed_for: str) -> NoReturn:
    """A program or font a test needs is missing: the test is skipped on a developer's machine but fails
    in CI, which installs everything the suite needs (.ci/run) and must run every test."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed, and CI must run {needed_for} (.ci/run installs it)")
    pytest.skip(f"{what} is not installed (needed by {needed_for}; see the README's Set up)")
