"""The base dataset: every validation case starts from it and breaks exactly one thing.

`fixtures/base.toml` passes `fc validate` with no problem at all. Its multi-line
strings hold lines that look like headers and keys, and the derived observation's
inputs span lines: none of it may shift a position. Its document
(`fixtures/base-bulletin.txt`) has line breaks, a curly apostrophe and full-width
digits that the quotes do not reproduce: the quote check must forgive all three.
Expected lines are always derived from the text a test wrote (`line_of`,
`table_line_of`), never typed in.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from fivecenters.core.problems import Report
from fivecenters.core.validate import validate_file
from tests.support import FIXTURES

DOCUMENT_NAME = "seeds/port-bulletin.txt"
DOCUMENT = (FIXTURES / "base-bulletin.txt").read_text(encoding="utf-8")
BASE_TOML = (FIXTURES / "base.toml").read_text(encoding="utf-8")

BASE_DATA = tomllib.loads(BASE_TOML)
BASE_STATS = {
    "sources": len(BASE_DATA["sources"]),
    "indicators": len(BASE_DATA["indicators"]),
    "observations": sum(len(i.get("observations", [])) for i in BASE_DATA["indicators"]),
    "targets": sum(len(i.get("targets", [])) for i in BASE_DATA["indicators"]),
}


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with its only occurrence of `old` replaced: a case never edits by accident."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def lines(text: str) -> list[str]:
    """Lines as TOML and editors count them: split at LF only."""
    return text.split("\n")


def line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """The 1-based line holding the given occurrence of `needle` (-1: the last)."""
    found = [number for number, line in enumerate(lines(text), start=1) if needle in line]
    assert found, f"{needle!r} is not in the text"
    return found[occurrence]


def table_line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """The line of the table header (`[...]` or `[[...]]`) that holds the line of `needle`."""
    number = line_of(text, needle, occurrence)
    all_lines = lines(text)
    while not all_lines[number - 1].startswith("["):
        number -= 1
        assert number > 0, f"{needle!r} is in no table"
    return number


def problem_lines(report: Report) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in report.problems]


def report_for(path: Path) -> Report:
    """Validate a file as the CLI does, returning the sorted report."""
    report, _ = validate_file(path)
    return report


def write_document(directory: Path) -> Path:
    """Put the document the base dataset cites into `directory`; the directory."""
    document = directory / DOCUMENT_NAME
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(DOCUMENT, encoding="utf-8")
    return directory


class WriteData:
    """Writes a data file next to the base document (bytes exactly as given)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __call__(self, text: str | bytes = BASE_TOML, name: str = "indicators.toml") -> Path:
        path = self.directory / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path
