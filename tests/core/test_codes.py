"""The registry of problem codes: the one list, its page in docs/, and the checks naming it."""

from __future__ import annotations

import ast
import errno
import os
import re
import runpy
from pathlib import Path

import pytest

from fivecenters.core.codes import Code, Severity
from fivecenters.core.load import DataError, read_text
from fivecenters.core.problems import Problem
from tests.support import ROOT

CORE = ROOT / "fivecenters" / "core"


def test_the_committed_page_is_the_registry() -> None:
    """Regenerate with `python scripts/problem_codes.py` when this fails."""
    script = runpy.run_path(str(ROOT / "scripts" / "problem_codes.py"))
    assert script["PAGE"].read_text(encoding="utf-8") == script["page"]()


def test_the_page_lists_every_code_with_its_severity() -> None:
    page = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", page, re.MULTILINE)
    assert rows == [(code.value, code.severity.value) for code in Code]


def test_codes_are_kebab_case_and_none_is_an_alias() -> None:
    """A repeated string would make an enum alias, silently merging two codes."""
    assert len(Code.__members__) == len({code.value for code in Code}) == len(Code)
    for code in Code:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", code.value), code
        assert code.label and code.description.endswith("."), code


def test_warnings_are_those_that_do_not_make_data_wrong() -> None:
    """Severity is an interface: CI fails on errors, and on warnings only with --strict."""
    warnings = {code.value for code in Code if code.severity is Severity.WARNING}
    assert warnings == {
        "zero-width-character",  # legitimate in copied Chinese text (docs/problems.md)
        "unused-source",
        "value-not-in-quote",
        "chinese-name-not-in-quote",  # a name as a source words it: forms differ (traditional, abridged)
        "comparator-against-direction",
        "inputs-without-derived",
        "no-observations",
        "no-editions",
        "no-entries",
        "rank-not-in-quote",
        "score-not-in-quote",
        "corroboration-as-revision",
        "unit-mismatch",
    }


def test_a_problem_takes_its_severity_from_its_code() -> None:
    problem = Problem(Code.UNUSED_SOURCE, "source 'x' is cited by nothing", ("sources", 0, "id"), 3, 1)
    assert problem.severity is Severity.WARNING
    assert problem.format("data.toml") == "data.toml:3:1: warning unused-source: source 'x' is cited by nothing"
    assert problem.to_dict() == {
        "code": "unused-source",
        "severity": "warning",
        "message": "source 'x' is cited by nothing",
        "line": 3,
        "column": 1,
        "path": "sources.0.id",
    }
    assert type(problem.to_dict()["code"]) is str


def _string_literals(path: Path) -> set[str]:
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize("module", sorted(p.name for p in CORE.glob("*.py") if p.name != "codes.py"))
def test_the_core_names_codes_only_through_the_registry(module: str) -> None:
    """A code written as a string would bypass its severity and its line in the docs."""
    assert not _string_literals(CORE / module) & {code.value for code in Code}


# --- the one code no data file can reach in a test: a file the system will not read ---------------


@pytest.mark.parametrize(
    ("failure", "message"),
    [(PermissionError(errno.EACCES, "Permission denied"), "permission denied"), (OSError(errno.EIO, "I/O"), "I/O")],
)
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: OSError, message: str) -> None:
    path = tmp_path / "data.toml"
    path.write_text("x = 1\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> int:
        raise failure

    with monkeypatch.context() as patched, pytest.raises(DataError) as caught:
        patched.setattr(os, "open", refuse)  # the data file is opened with os.open (non-blocking)
        read_text(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.severity, problem.message) == (Code.UNREADABLE_FILE, Severity.ERROR, message)
