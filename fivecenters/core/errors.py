"""The errors fc stops on: each knows what it says and the exit code it ends with.

Every error a user can cause or fix is an `FcError`; the command line turns
any of them into lines on stderr and its exit code in one place (the error
boundary in `cli/app.py`), so the core raises and never prints. Exit 1: the
data, or a write, failed; exit 2: the request itself was wrong (a usage
error).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from fivecenters.core.codes import Code
from fivecenters.core.problems import Problem, Report


class FcError(Exception):
    """An error a user can act on. `problems` of `file` are shown first, one a line, then the summary."""

    exit_code: int = 1
    file: str = ""
    problems: Sequence[Problem] = ()
    # A data file may hold thousands of errors: the boundary shows the first few.
    capped: ClassVar[bool] = False

    def summary(self, hidden: int = 0) -> str:
        """The closing line, after `fc: `; `hidden` problems were not shown."""
        return f"error: {self}"


class DataError(FcError):
    """A data file that cannot be used: it cannot be read or parsed, or it fails validation."""

    capped = True

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(problems[0].format(file) if problems else file)

    @classmethod
    def single(
        cls, file: str, code: Code, message: str, line: int | None = None, column: int | None = None
    ) -> DataError:
        return cls(file, [Problem(code, message, line=line, column=column)])

    def summary(self, hidden: int = 0) -> str:
        more = f" ({hidden} more)" if hidden > 0 else ""
        return f"{self.file} cannot be used{more}; run 'fc validate' for the full report"


class UnknownName(FcError):
    """A center, an indicator or a year the data does not have: a usage error."""

    exit_code = 2


class NothingToShow(FcError):
    """What was asked for exists but holds nothing to draw (an indicator without data)."""


class OutputError(FcError):
    """An output that cannot be written; a usage error when the path itself is the mistake."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.exit_code = 2 if usage else 1


class WriteError(FcError):
    """The data file could not be written: the system's reason, for the file it names."""

    def summary(self, hidden: int = 0) -> str:
        return str(self)


class LockTimeout(FcError):
    """Another process held the data file's lock for longer than we were willing to wait."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        super().__init__(f"another fc is writing {path}; gave up after {timeout:g} s")


class EditError(FcError):
    """A request the data cannot take as asked; the message says what to do instead."""


class Refused(FcError):
    """The result of a change would not pass validation, so nothing was written.

    Its problems have no positions: those would be lines of the text that was not written.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.file = report.file
        self.problems = [p.located(None, None) for p in report.errors]
        super().__init__(f"{report.file}: {len(report.errors)} errors")

    def summary(self, hidden: int = 0) -> str:
        return f"refused: the result would not pass fc validate; {self.file} is unchanged"


class NotValid(FcError):
    """A file with errors, which fc fmt leaves to fc validate: a diff of its layout would bury them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        count = len(report.errors)
        super().__init__(
            f"{report.file} does not pass fc validate ({count} error{'' if count == 1 else 's'}); not formatted"
        )

    def summary(self, hidden: int = 0) -> str:
        return str(self)
