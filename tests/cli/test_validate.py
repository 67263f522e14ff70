"""`fc validate` end to end: in-process with CliRunner, and as a real `python -m fivecenters`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from fivecenters.core import load
from fivecenters.core.codes import Code
from fivecenters.core.text import printable
from tests.support.base import BASE_STATS, BASE_TOML, DOCUMENT_NAME, WriteData, line_of, replace_once
from tests.support.defects import DEFECTS, Defect
from tests.support.github import parsed
from tests.support.run import fc, fc_process

OK_SUMMARY = ", ".join(f"{n} {name[:-1] if n == 1 else name}" for name, n in BASE_STATS.items())


def output_lines(output: str) -> list[str]:
    return output.rstrip("\n").split("\n")


def test_valid_file_passes(write_data: WriteData) -> None:
    path = write_data()
    result = fc("validate", str(path))
    assert result.exit_code == 0
    assert output_lines(result.output) == [f"ok: {path}: 0 errors, 0 warnings ({OK_SUMMARY})"]


PROBLEM_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) (?P<code>[a-z-]+): \S"
)


def parse_problem(line: str) -> dict[str, str]:
    match = PROBLEM_LINE.match(line)
    assert match, f"not PATH:LINE:COL: SEVERITY CODE: MESSAGE: {line!r}"
    return match.groupdict()


def key_column(text: str, line: int) -> int:
    """Where the key (or table header) on a line starts."""
    row = text.split("\n")[line - 1]
    return len(row) - len(row.lstrip()) + 1


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.name)
def test_corpus_through_the_cli(write_data: WriteData, defect: Defect) -> None:
    path = write_data(defect.text())
    result = fc("validate", str(path))
    strict = fc("validate", "--strict", str(path))
    assert result.exit_code == (1 if defect.has_errors else 0)
    assert strict.exit_code == (1 if defect.expected else 0)
    *problems, summary = output_lines(result.output)
    found = [parse_problem(line) for line in problems]
    assert [(p["file"], p["code"], int(p["line"]), p["severity"]) for p in found] == [
        (str(path), code, line, Code(code).severity) for code, line in defect.expected_problems()
    ]
    for problem in found:
        if problem["code"] != "toml-syntax":  # the parser gives its own column
            assert int(problem["column"]) == key_column(defect.text(), int(problem["line"]))
    assert summary.startswith(("failed: " if defect.has_errors else "ok: ") + str(path) + ": ")
    assert output_lines(strict.output)[-1].startswith(("failed: " if defect.expected else "ok: ") + str(path))
    assert "\x1b" not in result.output


def test_toml_syntax_column_comes_from_the_parser(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, 'kind = "ratio"', 'kind = ratio"')
    path = write_data(text)
    result = fc("validate", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:{line_of(text, 'kind = ratio')}:{len('kind = ') + 1}: error toml-syntax: ")


def test_summary_counts_errors_and_warnings(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")  # two errors
    text = replace_once(text, 'comparator = "at-most"', 'comparator = "at-least"')  # one warning
    path = write_data(text)
    lines = output_lines(fc("validate", str(path)).output)
    assert len(lines) == 4
    assert lines[-1].startswith(f"failed: {path}: 2 errors, 1 warning (")


# --- strictness ---------------------------------------------------------------------------------


@pytest.fixture
def warning_only(write_data: WriteData) -> Path:
    return write_data(replace_once(BASE_TOML, 'comparator = "at-least"', 'comparator = "at-most"'))


def test_warning_passes_without_strict(warning_only: Path) -> None:
    result = fc("validate", str(warning_only))
    assert result.exit_code == 0
    assert "warning comparator-against-direction:" in result.output
    assert output_lines(result.output)[-1].startswith(f"ok: {warning_only}: 0 errors, 1 warning")


def test_strict_turns_a_warning_into_failure(warning_only: Path) -> None:
    result = fc("validate", "--strict", str(warning_only))
    assert result.exit_code == 1
    assert output_lines(result.output)[-1].startswith(f"failed: {warning_only}: 0 errors, 1 warning")


# --- json ---------------------------------------------------------------------------------------


def as_text(report: dict[str, Any]) -> list[str]:
    """The text lines a JSON report stands for."""
    lines = []
    for p in report["problems"]:
        where = report["file"] if p["line"] is None else f"{report['file']}:{p['line']}:{p['column'] or 1}"
        lines.append(f"{where}: {p['severity']} {p['code']}: {printable(p['message'])}")
    return lines


@pytest.mark.parametrize(
    "defect",
    [d for d in DEFECTS if d.name in {"unknown-key-vlaue", "control-character", "inputs-without-derived"}],
    ids=lambda d: d.name,
)
@pytest.mark.parametrize("strict", [False, True])
def test_json_has_the_same_problems_as_text(write_data: WriteData, defect: Defect, strict: bool) -> None:
    path = write_data(defect.text())
    flags = ["--strict"] if strict else []
    text = fc("validate", *flags, str(path))
    result = fc("validate", *flags, "--format", "json", str(path))
    assert result.exit_code == text.exit_code
    document = json.loads(result.stdout)
    [report] = document["reports"]
    assert document["valid"] is (text.exit_code == 0)
    assert report["file"] == str(path)
    assert report["valid"] is (not defect.has_errors)
    assert report["stats"] == BASE_STATS or defect.has_errors
    assert [(p["code"], p["line"]) for p in report["problems"]] == defect.expected_problems()
    assert report["errors"] + report["warnings"] == len(report["problems"])
    assert as_text(report) == output_lines(text.output)[:-1]
    assert "\x1b" not in result.output


def test_json_for_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    result = fc("validate", "--format", "json", str(path))
    assert result.exit_code == 1
    [report] = json.loads(result.stdout)["reports"]
    assert [(p["code"], p["line"]) for p in report["problems"]] == [("file-not-found", None)]


# --- files that cannot be read ------------------------------------------------------------------


def first_line(result_output: str) -> str:
    return output_lines(result_output)[0]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    result = fc("validate", str(path))
    assert result.exit_code == 1
    assert first_line(result.output) == f"{path}: error file-not-found: no such file"
    assert output_lines(result.output)[-1] == f"failed: {path}: 1 error, 0 warnings"


def test_directory(tmp_path: Path) -> None:
    result = fc("validate", str(tmp_path))
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{tmp_path}: error not-a-file: ")


def test_not_utf8(write_data: WriteData) -> None:
    text = BASE_TOML.encode()
    at = text.index(b"Real GDP")
    path = write_data(text[:at] + b"\xff" + text[at:])
    line = text.count(b"\n", 0, at) + 1
    column = at - text.rfind(b"\n", 0, at)
    result = fc("validate", str(path))
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{path}:{line}:{column}: error not-utf8: byte 0xff ")


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file(write_data: WriteData, content: bytes) -> None:
    path = write_data(content)
    result = fc("validate", str(path))
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{path}: error empty-file: ")


def test_byte_order_mark(write_data: WriteData) -> None:
    path = write_data(b"\xef\xbb\xbf" + BASE_TOML.encode())
    result = fc("validate", str(path))
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{path}:1:1: error byte-order-mark: ")


@pytest.fixture
def huge(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.toml"
    with path.open("wb") as f:
        f.truncate(load.MAX_BYTES + 1)  # sparse: no disk, and nothing to read if it is rejected in time
    return path


def test_file_too_large_is_rejected_before_reading(huge: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_reading(self: Path, *args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    result = fc("validate", str(huge))
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{huge}: error file-too-large: is {load.MAX_BYTES + 1:,} bytes")


def test_escape_codes_never_reach_the_terminal(write_data: WriteData) -> None:
    """Control characters in keys, values and the file name are shown escaped."""
    text = replace_once(BASE_TOML, 'center = "shipping"', 'center = "\\u001b[2J"')
    text = replace_once(text, "headline = true", '"\x9b31m" = true')  # raw: TOML allows C1 in strings
    path = write_data(text, name="evil\x1b]0;title\x07.toml")
    for output_format in ("text", "json"):
        result = fc("validate", "--format", output_format, str(path))
        assert result.exit_code == 1
        assert not any(c in result.output for c in "\x1b\x07\x9b"), result.output
    found = [parse_problem(line) for line in output_lines(fc("validate", str(path)).output)[:-1]]
    center, key = line_of(text, "center = "), line_of(text, "31m")
    assert [(int(p["line"]), p["code"]) for p in found] == [
        (center, "control-character"),
        (center, "unknown-center"),
        (key, "unknown-key"),
    ]


# --- usage --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["validate", "--format", "yaml"], ["validate", "--bogus"], ["validate", "--data"], ["nonsense"]],
)
def test_usage_errors_exit_2(write_data: WriteData, args: list[str]) -> None:
    result = fc(*([*args, str(write_data())] if args[-1] != "--data" else args))
    assert result.exit_code == 2
    assert "Error" in result.output


def test_several_paths(write_data: WriteData) -> None:
    good = write_data(name="good.toml")
    bad = write_data(replace_once(BASE_TOML, "year = 2022\n", "year = true\n"), name="bad.toml")
    both_good = fc("validate", str(good), str(good))
    assert both_good.exit_code == 0
    assert [line.split(": ")[0] for line in output_lines(both_good.output)] == ["ok", "ok"]
    result = fc("validate", str(good), str(bad))
    assert result.exit_code == 1
    lines = output_lines(result.output)
    assert lines[0].startswith(f"ok: {good}: ")
    assert lines[1].startswith(f"{bad}:{line_of(BASE_TOML, 'year = 2022')}:1: error wrong-type: ")
    assert lines[2].startswith(f"failed: {bad}: 1 error")
    document = json.loads(fc("validate", "--format", "json", str(good), str(bad)).stdout)
    assert document["valid"] is False
    assert [(r["file"], r["valid"]) for r in document["reports"]] == [(str(good), True), (str(bad), False)]


# --- which file -----------------------------------------------------------------------------------


@pytest.fixture
def broken_here(write_data: WriteData, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A broken indicators.toml in the working directory, which --data and $FC_DATA must beat."""
    here = write_data.directory / "here"
    here.mkdir()
    (here / load.DEFAULT_NAME).write_text("broken = [", encoding="utf-8")
    monkeypatch.chdir(here)
    return here


def test_working_directory_file_is_the_default(broken_here: Path) -> None:
    result = fc("validate")
    assert result.exit_code == 1
    assert first_line(result.output).startswith(f"{load.DEFAULT_NAME}:1:")


def test_data_option(broken_here: Path, write_data: WriteData) -> None:
    good = write_data()
    result = fc("validate", "--data", str(good))
    assert result.exit_code == 0
    assert output_lines(result.output) == [f"ok: {good}: 0 errors, 0 warnings ({OK_SUMMARY})"]


def test_environment_variable(broken_here: Path, write_data: WriteData) -> None:
    good = write_data()
    result = fc("validate", env={load.DATA_ENV: str(good)})
    assert result.exit_code == 0
    assert output_lines(result.output)[-1].startswith(f"ok: {good}: ")


def test_data_option_beats_environment_variable(broken_here: Path, write_data: WriteData) -> None:
    good = write_data()
    result = fc("validate", "--data", str(good), env={load.DATA_ENV: str(broken_here / load.DEFAULT_NAME)})
    assert result.exit_code == 0


# --- a real process -----------------------------------------------------------------------------


def test_subprocess_valid(write_data: WriteData) -> None:
    path = write_data()
    process = fc_process("validate", str(path), cwd=write_data.directory)
    assert process.returncode == 0, process.stdout + process.stderr
    assert process.stdout == f"ok: {path}: 0 errors, 0 warnings ({OK_SUMMARY})\n"


def test_subprocess_errors_with_relative_path(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")
    write_data(text)
    process = fc_process("validate", "indicators.toml", cwd=write_data.directory)
    assert process.returncode == 1
    assert f"indicators.toml:{line_of(text, 'vlaue')}:1: error unknown-key: unknown key 'vlaue'\n" in process.stdout


def test_subprocess_environment_variable(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, 'comparator = "at-least"', 'comparator = "at-most"')
    path = write_data(text)
    process = fc_process("validate", "--strict", cwd=write_data.directory, FC_DATA=str(path))
    assert process.returncode == 1
    line = line_of(text, 'comparator = "at-most"')
    assert f"{path}:{line}:1: warning comparator-against-direction:" in process.stdout


def test_subprocess_usage_error(write_data: WriteData) -> None:
    process = fc_process("validate", "--format", "yaml", str(write_data()), cwd=write_data.directory)
    assert process.returncode == 2
    assert "yaml" in process.stderr


def test_subprocess_file_too_large(huge: Path) -> None:
    process = fc_process("validate", huge.name, cwd=huge.parent)
    assert process.returncode == 1
    assert process.stdout.startswith(f"{huge.name}: error file-too-large: ")


# --- fc validate -: the data from standard input, named <stdin>; its documents are found from the current directory


def test_standard_input_passes_with_its_documents_found_from_the_current_directory(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_data.directory)
    result = fc("validate", "-", input=BASE_TOML)
    assert result.exit_code == 0
    assert output_lines(result.output) == [f"ok: <stdin>: 0 errors, 0 warnings ({OK_SUMMARY})"]


def test_standard_input_documents_are_not_found_from_anywhere_else(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = write_data.directory / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = fc("validate", "-", input=BASE_TOML)
    assert result.exit_code == 1
    assert f"error document-not-found: document '{DOCUMENT_NAME}' cannot be read" in result.output


def test_standard_input_problems_name_stdin_and_the_line(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_data.directory)
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")
    result = fc("validate", "-", "--format", "json", input=text)
    assert result.exit_code == 1
    (report,) = json.loads(result.output)["reports"]
    assert report["file"] == "<stdin>"
    assert {"code": "unknown-key", "line": line_of(text, "vlaue = 47.3")}.items() <= report["problems"][-1].items()


def test_standard_input_beside_files(write_data: WriteData) -> None:
    path = write_data()
    result = fc("validate", str(path), "-", input="x = \n")
    assert result.exit_code == 1
    assert output_lines(result.output)[0].startswith(f"ok: {path}: ")
    assert output_lines(result.output)[1].startswith("<stdin>:1:5: error toml-syntax: invalid TOML")


def test_standard_input_is_read_once() -> None:
    result = fc("validate", "-", "-", input=BASE_TOML)
    assert result.exit_code == 2
    assert "standard input (-) can be read only once" in result.stderr


def test_a_file_named_dash_is_reached_as_dot_slash_dash(write_data: WriteData, monkeypatch: pytest.MonkeyPatch) -> None:
    write_data(name="-")
    monkeypatch.chdir(write_data.directory)
    result = fc("validate", "./-", input="not read")
    assert result.exit_code == 0
    assert result.output.startswith("ok: -: ")


def test_standard_input_through_a_real_pipe(write_data: WriteData) -> None:
    process = fc_process("validate", "-", cwd=write_data.directory, input=BASE_TOML)
    assert process.returncode == 0, process.stderr
    assert process.stdout == f"ok: <stdin>: 0 errors, 0 warnings ({OK_SUMMARY})\n"


# --- --format github ---------------------------------------------------------------------


def test_errors_and_warnings_are_annotations_on_their_lines(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")
    text += '\n[[sources]]\nid = "unused-report"\ntitle = "T"\npublisher = "P"\nlanguage = "en"\n'
    text += 'url = "https://example.org/u"\n'
    path = write_data(text)
    result = fc("validate", "--format", "github", path)
    assert result.exit_code == 1
    *annotations, summary = result.output.splitlines()
    found = [parsed(line) for line in annotations]
    assert ("error", {"file": str(path), "line": str(line_of(text, "vlaue")), "col": "1", "title": "unknown-key"},
            "unknown key 'vlaue'") in found  # fmt: skip
    assert {(level, props["title"]) for level, props, _ in found} == {
        ("error", "unknown-key"),
        ("error", "missing-field"),
        ("warning", "unused-source"),
    }
    assert summary.startswith("failed: ")


def test_a_valid_file_gives_no_annotation(write_data: WriteData) -> None:
    result = fc("validate", "--format", "github", write_data())
    assert result.exit_code == 0
    assert not result.output.startswith("::") and result.output.count("\n") == 1


def test_a_file_name_with_separators_is_escaped(write_data: WriteData) -> None:
    path = write_data(replace_once(BASE_TOML, "value = 47.3\n", '"50%, at 10:00" = 47.3\n'), name="a,b:c%.toml")
    lines = fc("validate", "--format", "github", path).output.splitlines()
    escaped = str(path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    assert all(line.startswith(f"::error file={escaped},line=") for line in lines[:-1])
    assert any(line.endswith("::unknown key '50%25, at 10:00'") for line in lines)
