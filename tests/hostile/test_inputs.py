"""Inputs that crashed or hung fc: each now ends in one clear line, or in a correct output, never a traceback.

Driven through the CLI as a subprocess where the process itself matters (its
streams, its exit by signal), in-process elsewhere.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.base import BASE_TOML, WriteData, replace_once
from tests.support.run import clean_env, fc, fc_process

# --- values beyond what the parser or Python's recursion takes ----------------------------------


def test_a_five_thousand_digit_integer_is_a_located_syntax_error(write_data: WriteData) -> None:
    text = BASE_TOML + "\n[extra]\nx = " + "9" * 5000 + "\n"
    path = write_data(text)
    line = text.count("\n")  # the last line holds it
    for args in (["validate", str(path)], ["fmt", "--check", str(path)], ["show", "--data", str(path)]):
        result = fc(*args)
        assert result.exit_code == 1
        assert f"{path}:{line}:5: error toml-syntax: invalid TOML: a number with more than 4,300 digits" in (
            result.stdout + result.stderr
        )


@pytest.mark.parametrize(
    "nesting",
    [
        "x = " + "[" * 300 + "1" + "]" * 300,
        "[" + ".".join(["a"] * 600) + "]\nx = 1",
        'x = ["\u200b", ' + "[" * 400 + "]" * 401,
    ],
    ids=["arrays", "dotted-keys", "arrays-with-a-suspect-character"],
)
@pytest.mark.parametrize(
    "command",
    [
        ("validate",),
        ("fmt",),
        ("fmt", "--check"),
        ("add-source", "new", "--title", "T", "--publisher", "P", "--language", "en", "--url", "https://example.org"),
    ],
    ids=lambda c: c[0] + ("-check" if "--check" in c else ""),
)
def test_deep_nesting_is_an_error_not_a_recursion_error(
    write_data: WriteData, nesting: str, command: tuple[str, ...]
) -> None:
    path = write_data(BASE_TOML + "\n[extra]\n" + nesting + "\n")
    before = path.read_bytes()
    result = fc(*[*command, "--data", str(path)])
    assert result.exit_code == 1
    assert "error" in result.stdout + result.stderr
    assert path.read_bytes() == before


# --- extreme but valid values ---------------------------------------------------------------------

EXTREME = {
    # a growth series from the largest float to its negative and the smallest subnormal
    "year = 2023\nvalue = 5.0\n": (
        'year = 2021\nvalue = 1.7e308\nsource = "port-bulletin"\nquote = "x"\nstatus = "estimate"\n\n'
        '[[indicators.observations]]\nyear = 2022\nvalue = -1.7e308\nsource = "port-bulletin"\nquote = "x"\n'
        'status = "estimate"\n\n[[indicators.observations]]\nyear = 2023\nvalue = 5e-324\n'
    ),
    # a rank of 1e300 before 5th
    "year = 2023\nvalue = 5\n": (
        'year = 2020\nvalue = 1e300\nsource = "port-bulletin"\nquote = "x"\n\n'
        "[[indicators.observations]]\nyear = 2023\nvalue = 5\n"
    ),
    # values a ten-billionth apart, and a target of 1e308
    "value = 47.3\n": "value = 47.3000000001\n",
    "value = 47\ncomparator": "value = 1e308\ncomparator",
}


@pytest.fixture
def extreme(write_data: WriteData) -> Path:
    text = BASE_TOML
    for old, new in EXTREME.items():
        text = replace_once(text, old, new)
    return write_data(text)


@pytest.mark.parametrize(
    "args",
    [
        ["show"],
        ["show", "economic"],
        ["show", "innovation"],
        ["show", "shipping"],
        ["info", "gdp-growth"],
        ["info", "cluster-rank"],
        ["progress", "--explain"],
        ["compare", "2020", "2023"],
        ["chart", "gdp-growth"],
        ["chart", "cluster-rank"],
        ["chart", "container-throughput"],
    ],
    ids=" ".join,
)
def test_extreme_values_are_drawn(extreme: Path, args: list[str]) -> None:
    result = fc(*[*args, "--data", str(extreme)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output


def test_extreme_values_make_a_report_and_svg(extreme: Path, tmp_path: Path) -> None:
    assert fc(*["report", "-o", str(tmp_path / "r.html"), "--data", str(extreme)]).exit_code == 0
    for indicator in ("gdp-growth", "cluster-rank", "container-throughput"):
        svg = tmp_path / f"{indicator}.svg"
        assert fc(*["chart", indicator, "--svg", str(svg), "--data", str(extreme)]).exit_code == 0
        assert "nan" not in svg.read_text(encoding="utf-8").lower()


# --- the output stream ---------------------------------------------------------------------------


@pytest.mark.parametrize("environment", [{"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}])
@pytest.mark.parametrize(
    "command", [["show", "shipping"], ["info", "gdp-growth"], ["sources"], ["chart", "gdp-growth"]]
)
def test_an_output_that_cannot_encode_unicode_gets_escapes(
    write_data: WriteData, environment: dict[str, str], command: list[str]
) -> None:
    write_data()
    process = subprocess.run(
        [sys.executable, "-m", "fivecenters", *command],
        cwd=write_data.directory,
        env=clean_env(**environment),
        capture_output=True,
        timeout=60,
    )
    assert process.returncode == 0, process.stderr
    assert b"Traceback" not in process.stderr
    process.stdout.decode("ascii")  # only ASCII: what the stream could not encode is escaped


def test_a_full_disk_is_one_line(write_data: WriteData) -> None:
    write_data()
    with open("/dev/full", "w") as full:
        process = subprocess.run(
            [sys.executable, "-m", "fivecenters", "show"],
            cwd=write_data.directory,
            env=clean_env(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert process.returncode == 1
    assert process.stderr == "fc: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", [["export"], ["show"], ["sources", "-f", "csv"]])
def test_a_reader_that_goes_away_ends_fc_quietly(write_data: WriteData, command: list[str]) -> None:
    """As `fc export | head -1` does: fc ends by SIGPIPE, as any Unix tool, with nothing on stderr."""
    path = write_data(
        BASE_TOML
        + "".join(
            f'\n[[sources]]\nid = "s{n}"\ntitle = "T"\npublisher = "P"\nurl = "https://example.org"\nlanguage = "en"\n'
            for n in range(2000)
        )
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "fivecenters", *command, "--data", str(path)],
        env=clean_env(COLUMNS="100"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) in (0, -signal.SIGPIPE)
    assert stderr == b""


# --- the environment ------------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_named_by_fc_data_is_refused_unread(tmp_path: Path, device: str) -> None:
    process = fc_process("validate", cwd=tmp_path, FC_DATA=device, timeout=60)
    assert process.returncode == 1
    assert process.stdout.startswith(f"{device}: error not-a-file: is not a regular file")


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "100000"])
@pytest.mark.parametrize("command", [["show"], ["chart", "container-throughput"], ["info", "gdp-growth"]], ids=" ".join)
def test_any_terminal_width_is_drawn(write_data: WriteData, columns: str, command: list[str]) -> None:
    result = fc(*command, "--data", write_data(), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("size", [{"COLUMNS": "²"}, {"LINES": "³"}, {"COLUMNS": "٨٠"}], ids=str)
@pytest.mark.parametrize("terminal", ["0", "1"], ids=["plain", "rich"])
def test_a_terminal_size_in_other_digits_counts_as_unset(
    write_data: WriteData, size: dict[str, str], terminal: str
) -> None:
    # "²" and Arabic-Indic "٨٠" pass str.isdigit, which rich trusts before int(); fc must not fail on them.
    process = fc_process("show", "--data", write_data(), TTY_COMPATIBLE=terminal, **size)
    assert process.returncode == 0, process.stderr
    unset = fc_process("show", "--data", write_data(), TTY_COMPATIBLE=terminal, COLUMNS="80")
    assert process.stdout == unset.stdout
