"""Problems as GitHub Actions workflow commands: one line each, escaped, reading back to what was said."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.codes import Code
from fivecenters.core.problems import Problem
from fivecenters.core.text import printable
from fivecenters.output.annotations import annotation
from tests.support.github import parsed


@given(message=st.text(), file=st.text(min_size=1), code=st.sampled_from(list(Code)),
       line=st.none() | st.integers(1, 10**6))  # fmt: skip
def test_any_text_makes_one_command_that_reads_back(message: str, file: str, code: Code, line: int | None) -> None:
    command = annotation(Problem(code, message, line=line, column=3 if line else None), file)
    assert "\n" not in command and "\r" not in command
    level, properties, data = parsed(command)
    assert (level, data) == (code.severity.value, printable(message))
    assert properties["file"] == printable(file) and properties["title"] == code.value
    assert properties.get("line") == (str(line) if line else None)
