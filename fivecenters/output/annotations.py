"""Problems as GitHub Actions workflow commands: CI shows each on the line it is about.

A workflow command is one line, `::error file=F,line=L,col=C,title=T::MESSAGE`.
Data text is untrusted: control characters are shown as escapes (so a message
cannot end its line and start a command of its own), and the characters the
runner reads as syntax are percent-encoded as the workflow-command rules say:
% CR LF in the message, and also : and , in a property.
"""

from __future__ import annotations

from fivecenters.core.problems import Problem
from fivecenters.core.text import printable

_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_DATA, ":": "%3A", ",": "%2C"}


def _escaped(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in printable(text))


def annotation(problem: Problem, file: str) -> str:
    properties = {"file": file}
    if problem.line is not None:
        properties |= {"line": str(problem.line), "col": str(problem.column or 1)}
    properties["title"] = problem.code
    listed = ",".join(f"{name}={_escaped(value, _PROPERTY)}" for name, value in properties.items())
    return f"::{problem.severity} {listed}::{_escaped(problem.message, _DATA)}"
