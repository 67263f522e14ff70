"""No CSV fc writes holds a cell a spreadsheet would run as a formula (OWASP: prefix `'`); numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.support.base import BASE_TOML, WriteData, replace_once
from tests.support.run import fc

HOSTILE = {
    'title = "Shanghai to build world-class international shipping center by 2025"': (
        'title = "=HYPERLINK(\\"http://evil.example\\",\\"open\\")"'
    ),
    'publisher = "Shanghai International Port Group"': "publisher = \"@SUM(1+1)*cmd|' /C calc'!A0\"",
    'name = "Container throughput, Port of Shanghai"': "name = \"+cmd|' /C notepad'!A0\"",
    'description = "Growth of regional GDP at constant prices."': 'description = "\\t=1+1"',
    'label = "Shipping Center 14th Five-Year Plan"': 'label = "-2+3"',
    'note = "The bulletin gives no exact figure."': 'note = "\\t-2+2"',
    "year = 2023\nvalue = 5.0\n": "year = 2023\nvalue = -1.5\n",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Every CSV the CLI writes to stdout.
STDOUT_CSV = [
    ["export"],
    ["export", "--format", "csv"],
    ["show", "--format", "csv"],
    ["show", "shipping", "--format", "csv"],
    ["show", "economic", "-f", "csv"],
    ["compare", "2022", "2023", "-f", "csv"],
    ["progress", "-f", "csv"],
    ["info", "container-throughput", "-f", "csv"],
    ["info", "gdp-growth", "-f", "csv"],
    ["sources", "-f", "csv"],
]


@pytest.fixture
def hostile(write_data: WriteData) -> Path:
    text = BASE_TOML
    for old, new in HOSTILE.items():
        text = replace_once(text, old, new)
    return write_data(text)


def assert_safe(text: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    for cell in cells:
        if cell.startswith(FORMULA_STARTS):
            float(cell)  # only a number may start so: it is no formula
    return cells


@pytest.mark.parametrize("args", STDOUT_CSV, ids=" ".join)
def test_every_csv_on_stdout_is_safe(hostile: Path, args: list[str]) -> None:
    result = fc(*[*args, "--data", str(hostile)])
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout)


def test_the_hostile_text_reaches_the_csv_neutralized(hostile: Path) -> None:
    cells = assert_safe(fc(*["export", "--data", str(hostile)]).stdout)
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert "'+cmd|' /C notepad'!A0" in cells
    assert "-1.5" in cells  # a negative value is still a number
    sources = assert_safe(fc(*["sources", "-f", "csv", "--data", str(hostile)]).stdout)
    assert '\'=HYPERLINK("http://evil.example","open")' in sources


def test_every_file_of_the_data_package_is_safe(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert fc(*["export", "-f", "datapackage", "-o", str(out), "--data", str(hostile)]).exit_code == 0
    written = {path.name: assert_safe(path.read_text(encoding="utf-8")) for path in out.glob("*.csv")}
    assert {"observations.csv", "targets.csv", "sources.csv"} <= set(written)
    assert "'-2+3" in written["targets.csv"]
    assert '\'=HYPERLINK("http://evil.example","open")' in written["sources.csv"]
    assert "'\t-2+2" in written["observations.csv"]


def test_export_to_a_file_is_safe(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert fc(*["export", "-o", str(out), "--data", str(hostile)]).exit_code == 0
    assert_safe(out.read_text(encoding="utf-8"))
