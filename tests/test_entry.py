"""The programs' entry (`fivecenters.__main__.run`): the command's status and output, then an end without
the interpreter's teardown, after every atexit function the command registered; errors and interrupts are
left to the interpreter."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]

# A probe: `entry.main` replaced by `body` (which may call the real one), then `entry.<end>()`. An object
# made at its start says so when the teardown frees it.
PROBE = """
import atexit, sys
import fivecenters.__main__ as entry

class Noisy:
    def __del__(self):
        print("torn down", flush=True)

noisy = Noisy()
real = entry.main
sys.argv = ["fivecenters", "--version"]

def main():
{body}

entry.main = main
entry.{end}()
"""


def probe(body: str, end: str = "run") -> subprocess.CompletedProcess[str]:
    code = PROBE.format(body=textwrap.indent(textwrap.dedent(body), "    "), end=end)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_run_ends_without_the_teardown_after_the_commands_atexit_functions() -> None:
    body = """
        real()
        atexit.register(print, "atexit ran", flush=True)
    """
    ended = probe(body)
    assert ended.returncode == 0, ended.stderr
    lines = ended.stdout.splitlines()
    assert lines[0].startswith("fivecenters ")
    assert lines[1:] == ["atexit ran"]  # no "torn down": the process ended before the teardown
    # main alone returns, and the interpreter ends as it always does
    plain = probe(body, end="main")
    assert plain.returncode == 0
    assert plain.stdout.splitlines()[1:] == ["atexit ran", "torn down"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("raise SystemExit(3)", 3, ""),
        ("raise SystemExit(None)", 0, ""),
        ("raise SystemExit('cannot go on')", 1, "cannot go on\n"),
        ("sys.exit(256 + 4)", 4, ""),
    ],
)
def test_run_ends_with_the_status_sys_exit_gives(body: str, status: int, message: str) -> None:
    ended = probe(body)
    assert (ended.returncode, ended.stderr, ended.stdout) == (status, message, "")


def test_an_error_is_reported_by_the_interpreter_with_its_teardown() -> None:
    ended = probe("raise RuntimeError('a bug')")
    assert ended.returncode == 1
    assert "Traceback" in ended.stderr and "RuntimeError: a bug" in ended.stderr
    assert ended.stdout == "torn down\n"


def test_an_interrupt_ends_the_process_as_the_interpreter_does() -> None:
    ended = probe("raise KeyboardInterrupt")
    assert ended.returncode == -signal.SIGINT
    assert "KeyboardInterrupt" in ended.stderr


@pytest.mark.parametrize("program", ["fivecenters", "fc"])
def test_the_programs_give_their_statuses_and_whole_output(program: str, tmp_path: Path) -> None:
    exe = str(BIN / program)
    shown = subprocess.run([exe, "show", "economic", "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)  # all of it, flushed before the end
    missing = subprocess.run([exe, "validate", "--data", str(tmp_path / "none.toml")], capture_output=True, text=True)
    assert missing.returncode == 1
    assert "none.toml: 1 error" in missing.stdout
    usage = subprocess.run([exe, "show", "--no-such-option"], capture_output=True, text=True, cwd=ROOT)
    assert usage.returncode == 2
    module = subprocess.run([sys.executable, "-m", "fivecenters", "--version"], capture_output=True, text=True)
    assert (module.returncode, module.stdout.split()[0]) == (0, "fivecenters")
