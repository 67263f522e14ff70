"""A small canonical dataset for the writing commands, and the arguments that add to it.

`fixtures/sample.toml` is in canonical form and passes `fc validate` with no
problem; the document it cites (`fixtures/sample-bulletin.txt`) holds every quote
the tests add, so that a refused write is refused for the reason the test means.
It is not the base dataset: that one is laid out awkwardly on purpose (comments,
multi-line strings that look like keys) to test positions, which `fc fmt` would
rewrite away.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fivecenters.core.validate import validate_file
from tests.support import FIXTURES

DOCUMENT_NAME = "port-bulletin.txt"
DOCUMENT = (FIXTURES / "sample-bulletin.txt").read_text(encoding="utf-8")
SAMPLE = (FIXTURES / "sample.toml").read_text(encoding="utf-8")


def make_data(folder: Path, text: str = SAMPLE) -> Path:
    """Write the data file and its cited document into `folder`; the data file's path."""
    (folder / DOCUMENT_NAME).write_text(DOCUMENT, encoding="utf-8")
    path = folder / "indicators.toml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    report, _ = validate_file(path)
    return [p.format(str(path)) for p in report.errors]


def assert_valid(path: Path) -> None:
    assert errors_of(path) == []


def added_observation(value: str, quote: str, *extra: str, indicator: str = "gdp", year: int = 2024) -> Sequence[str]:
    """`fc add` arguments for one observation citing the sample's document."""
    return ["add", indicator, str(year), value, "--source", "port-bulletin", "--quote", quote, *extra]


def added_indicator(indicator_id: str, center: str, *extra: str, unit: str = "u", kind: str = "flow") -> list[str]:
    """`fc add-indicator` arguments with every required option."""
    options = {"--center": center, "--name": "N", "--unit": unit, "--kind": kind, "--direction": "higher"}
    return [
        "add-indicator",
        indicator_id,
        *(part for pair in options.items() for part in pair),
        "--description",
        "D",
        *extra,
    ]
