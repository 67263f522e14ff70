"""Problems found in a data file, and the report that collects them.

A problem is plain data with a stable kebab-case code (`codes.py`, which also
decides its severity), so that scripts can match on it and the `--format json`
output is this very object.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from fivecenters.core.codes import Code, Severity
from fivecenters.core.structs import struct
from fivecenters.core.text import printable

KeyPath = tuple[str | int, ...]


@struct(frozen=True, slots=True)
class Problem:
    """What a check found, where: its code (with its severity), a message and the place in the file."""

    code: Code
    message: str
    path: KeyPath = ()
    line: int | None = None
    column: int | None = None

    @property
    def severity(self) -> Severity:
        return self.code.severity

    def located(self, line: int | None, column: int | None) -> Problem:
        return Problem(self.code, self.message, self.path, line, column)

    def format(self, file: str) -> str:
        # The file name too: a name with escape codes must not reach the terminal raw.
        where = printable(file) + ("" if self.line is None else f":{self.line}:{self.column or 1}")
        return f"{where}: {self.severity} {self.code}: {printable(self.message)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "path": ".".join(str(part) for part in self.path) or None,
        }


@struct(slots=True)
class Report:
    """The outcome of validating one file."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def passed(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def sort(self) -> None:
        self.problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.code))

    def summary(self) -> str:
        counts = f"{_plural(len(self.errors), 'error')}, {_plural(len(self.warnings), 'warning')}"
        contents = ", ".join(_plural(n, name[:-1]) for name, n in self.stats.items())
        return f"{printable(self.file)}: {counts}" + (f" ({contents})" if contents else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "valid": not self.errors,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "stats": self.stats,
            "problems": [p.to_dict() for p in self.problems],
        }


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
