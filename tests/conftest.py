"""Shared builders: a small valid dataset with its source document, and ways to run `fc validate`.

Every corpus case starts from `BASE_TOML`, which passes `fc validate` with no
problem at all, and breaks exactly one thing in it. Expected lines are always
derived from the text a test wrote (`line_of`, `table_line_of`), never typed in.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from fivecenters.cli import app
from fivecenters.core.codes import Code, Severity
from fivecenters.core.problems import Report
from fivecenters.core.validate import validate_file

# CI explores the same examples on every run, so a landing is never decided by
# chance; developers' runs keep exploring new ones (and the database replays failures).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DOCUMENT_NAME = "seeds/port-bulletin.txt"
THIS_YEAR = dt.date.today().year

# Line breaks, a curly apostrophe and full-width digits that the quotes in
# BASE_TOML do not reproduce: the quote check must forgive all three.
DOCUMENT = """\
Shanghai Port Annual Bulletin

In 2022 the port handled 47.3 million TEUs.
In 2023 the container throughput of Shanghai Port exceeded 49 million TEUs,
ranking first in the world for the 14th consecutive year.
The city’s R&D expenditure accounted for about 4.4% of its GDP.
全年全市生产总值比上年增长５．０％。
The Shanghai cluster ranked 5th among global science and technology clusters.
The city aims to rank among the top 3 clusters by 2030.
"""

# The multi-line strings hold lines that look like headers and keys, and the
# derived observation's inputs span lines: none of it may shift a position.
BASE_TOML = '''\
# Test data: every record is valid; each corpus case breaks one thing.

[[sources]]
id = "port-bulletin"
title = "Shanghai Port Annual Bulletin"
publisher = "Shanghai International Port Group"
published = 2024-01-15
document = "seeds/port-bulletin.txt"
language = "en"

[[sources]]
id = "shipping-plan"
title = "Shanghai to build world-class international shipping center by 2025"
publisher = "Hellenic Shipping News"
published = 2021-07-09
url = "https://example.org/shipping-plan"
language = "en"
reliability = "Trade-press report of the plan; the plan itself was not reached."

[[indicators]]
id = "container-throughput"
center = "shipping"
name = "Container throughput, Port of Shanghai"
unit = "million TEU"
kind = "flow"
direction = "higher"
description = """
Containers handled by the Port of Shanghai in the year.
[[indicators.observations]]
value = -1
"""
headline = true

[[indicators.observations]]
year = 2021
value = 45.1
status = "derived"
derived_from = [
  "2022 throughput (47.3, port-bulletin)",
  "growth in 2022 [port-bulletin]",
]
source = "port-bulletin"
quote = "In 2022 the port handled 47.3 million TEUs."
note = "2022 throughput divided by its growth."

[[indicators.observations]]
year = 2022
value = 47.3
source = "port-bulletin"
quote = "In 2022 the port handled 47.3 million TEUs."

[[indicators.observations]]
year = 2023
value = 49
qualifier = "more-than"
source = "port-bulletin"
quote = "exceeded 49 million TEUs, ranking first in the world"
note = "The bulletin gives no exact figure."

[[indicators.targets]]
value = 47
comparator = "at-least"
deadline = 2025
set_in = 2021
baseline_year = 2020
baseline_value = 43.5
label = "Shipping Center 14th Five-Year Plan"
source = "shipping-plan"
quote = "annual container throughput will reach at least 47 million TEUs by 2025"

[[indicators]]
id = "rd-intensity"
center = "innovation"
name = "R&D expenditure as a share of GDP"
unit = "%"
kind = "ratio"
direction = "higher"
description = "Gross domestic expenditure on R&D over regional GDP."

[[indicators.observations]]
year = 2023
value = 4.4
qualifier = "about"
source = "port-bulletin"
quote = "The city's R&D expenditure accounted for about 4.4% of its GDP"
note = \'\'\'
year = 1900
[[indicators]]
\'\'\'

[[indicators]]
id = "gdp-growth"
center = "economic"
name = "Real GDP growth"
unit = "%"
kind = "growth"
direction = "higher"
description = "Growth of regional GDP at constant prices."

[[indicators.observations]]
year = 2023
value = 5.0
source = "port-bulletin"
quote = "全年全市生产总值比上年增长5.0%"

[[indicators]]
id = "cluster-rank"
center = "innovation"
name = "Rank of the Shanghai science and technology cluster"
unit = "place"
kind = "rank"
direction = "lower"
description = "Place of the Shanghai cluster among global science and technology clusters."

[[indicators.observations]]
year = 2023
value = 5
source = "port-bulletin"
quote = "ranked 5th among global science and technology clusters"

[[indicators.targets]]
value = 3
comparator = "at-most"
deadline = 2030
source = "port-bulletin"
quote = "rank among the top 3 clusters by 2030"
'''

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


@pytest.fixture(autouse=True)
def _no_data_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file named in the caller's shell must not leak into a test."""
    monkeypatch.delenv("FC_DATA", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A directory holding the source document that BASE_TOML cites."""
    document = tmp_path / DOCUMENT_NAME
    document.parent.mkdir(parents=True)
    document.write_text(DOCUMENT, encoding="utf-8")
    return tmp_path


class WriteData:
    """Writes a data file next to the seeds document (bytes exactly as given)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __call__(self, text: str | bytes = BASE_TOML, name: str = "indicators.toml") -> Path:
        path = self.directory / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path


@pytest.fixture
def write_data(data_dir: Path) -> WriteData:
    return WriteData(data_dir)


def report_for(path: Path) -> Report:
    """Validate a file as the CLI does, returning the sorted report."""
    report, _ = validate_file(path)
    return report


def invoke(args: Sequence[str], env: Mapping[str, str] | None = None) -> Result:
    """Run `fc` in-process; it must never end in an exception other than its exit."""
    result = CliRunner().invoke(app, list(args), env=dict(env) if env else None)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess, without the caller's data file or git state."""
    env = {k: v for k, v in os.environ.items() if k != "FC_DATA" and not k.startswith("GIT_")}
    env.update(extra)
    return env


def run_module(args: Sequence[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m fivecenters` in a real subprocess."""
    process = subprocess.run(
        [sys.executable, "-m", "fivecenters", *args],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert "Traceback" not in process.stdout + process.stderr
    return process


# --- The corpus of broken data files -------------------------------------------------------------

Edit = Callable[[str], str]


def sub(*pairs: tuple[str, str]) -> Edit:
    """An edit replacing each `old` (which must occur once) by its `new`, in order."""

    def edit(text: str) -> str:
        for old, new in pairs:
            text = replace_once(text, old, new)
        return text

    return edit


def append(extra: str) -> Edit:
    return lambda text: text + extra


@dataclass(frozen=True)
class Expect:
    """A problem expected on the line of `needle` (or on the header of its table)."""

    code: str
    needle: str
    occurrence: int = 0
    table: bool = False

    @property
    def severity(self) -> Severity:
        return Code(self.code).severity

    def line(self, text: str) -> int:
        find = table_line_of if self.table else line_of
        return find(text, self.needle, self.occurrence)


@dataclass(frozen=True)
class Defect:
    name: str
    edit: Edit
    expected: tuple[Expect, ...]

    def text(self) -> str:
        return self.edit(BASE_TOML)

    def expected_problems(self) -> list[tuple[str, int]]:
        """(code, line) pairs in the order the report sorts them."""
        text = self.text()
        return sorted(((e.code, e.line(text)) for e in self.expected), key=lambda p: (p[1], p[0]))

    @property
    def has_errors(self) -> bool:
        return any(e.severity is Severity.ERROR for e in self.expected)


ONE_SOURCE = """
[[sources]]
id = "{id}"
title = "Another report"
publisher = "Another publisher"
url = "https://example.org/{id}"
language = "en"
"""

ONE_INDICATOR = """
[[indicators]]
id = "{id}"
center = "trade"
name = "Port trade"
unit = "trillion yuan"
kind = "flow"
direction = "higher"
description = "Value of goods passing through the port."
"""

ONE_OBSERVATION = """
[[indicators.observations]]
year = 2022
value = 47.3
source = "port-bulletin"
quote = "In 2022 the port handled 47.3 million TEUs."
"""

FUTURE = THIS_YEAR + 1
DEFECTS = [
    Defect(
        "toml-syntax-bad-number",
        sub(("value = 47.3\n", "value = 47.3.1\n")),
        (Expect("toml-syntax", "value = 47.3.1"),),
    ),
    Defect(
        "toml-syntax-unclosed-header",
        sub(("[[indicators.targets]]\nvalue = 3\n", "[[indicators.targets]\nvalue = 3\n")),
        # The broken header is the last targets header (the earlier ones are substrings' matches).
        (Expect("toml-syntax", "[[indicators.targets]", occurrence=-1),),
    ),
    Defect(
        "toml-syntax-duplicate-key",
        sub(('unit = "%"\nkind = "growth"', 'unit = "%"\nunit = "%"\nkind = "growth"')),
        (Expect("toml-syntax", 'unit = "%"', occurrence=-1),),
    ),
    Defect(
        "toml-syntax-after-line-separator",
        sub(('name = "Real GDP growth"', 'name = "Real GDP\u2028growth"'), ("value = 5.0\n", "value = 5.0 5\n")),
        (Expect("toml-syntax", "value = 5.0 5"),),
    ),
    Defect(
        "unknown-key-vlaue",
        sub(("value = 47.3\n", "vlaue = 47.3\n")),
        (Expect("unknown-key", "vlaue = 47.3"), Expect("missing-field", "vlaue = 47.3", table=True)),
    ),
    Defect(
        "unknown-key-top-level",
        append("\n[metadata]\nversion = 1\n"),
        (Expect("unknown-key", "[metadata]"),),
    ),
    Defect(
        "unknown-key-after-line-separator",
        sub(('name = "Real GDP growth"', 'name = "Real GDP\u2028growth"'), ('unit = "place"', 'unti = "place"')),
        (Expect("unknown-key", 'unti = "place"'), Expect("missing-field", 'unti = "place"', table=True)),
    ),
    Defect(
        "missing-field-unit",
        sub(('unit = "million TEU"\n', "")),
        (Expect("missing-field", 'id = "container-throughput"', table=True),),
    ),
    Defect(
        "wrong-type-string-value",
        sub(("value = 47.3\n", 'value = "47.3"\n')),
        (Expect("wrong-type", 'value = "47.3"'),),
    ),
    Defect(
        "wrong-type-bool-year",
        sub(("year = 2022\n", "year = true\n")),
        (Expect("wrong-type", "year = true"),),
    ),
    Defect(
        "wrong-type-string-headline",
        sub(("headline = true", 'headline = "yes"')),
        (Expect("wrong-type", 'headline = "yes"'),),
    ),
    Defect(
        "unknown-center",
        sub(('center = "shipping"', 'center = "harbour"')),
        (Expect("unknown-center", 'center = "harbour"'),),
    ),
    Defect(
        "unknown-center-alias-is-for-the-cli-only",
        sub(('center = "economic"', 'center = "economy"')),
        (Expect("unknown-center", 'center = "economy"'),),
    ),
    Defect(
        "invalid-value-kind",
        sub(('kind = "flow"', 'kind = "flows"')),
        (Expect("invalid-value", 'kind = "flows"'),),
    ),
    Defect(
        "invalid-value-direction",
        sub(('direction = "lower"', 'direction = "down"')),
        (Expect("invalid-value", 'direction = "down"'),),
    ),
    Defect(
        "invalid-value-status",
        sub(('status = "derived"', 'status = "computed"')),
        (Expect("invalid-value", 'status = "computed"'),),
    ),
    Defect(
        "invalid-value-qualifier",
        sub(('qualifier = "about"', 'qualifier = "roughly"')),
        (Expect("invalid-value", 'qualifier = "roughly"'),),
    ),
    Defect(
        "invalid-value-comparator",
        sub(('comparator = "at-most"', 'comparator = "below"')),
        (Expect("invalid-value", 'comparator = "below"'),),
    ),
    Defect(
        "invalid-value-language",
        sub(('language = "en"\n\n[[sources]]', 'language = "English!"\n\n[[sources]]')),
        (Expect("invalid-value", 'language = "English!"'),),
    ),
    Defect(
        "invalid-id-indicator",
        sub(('id = "gdp-growth"', 'id = "GDP_growth"')),
        (Expect("invalid-id", 'id = "GDP_growth"'),),
    ),
    Defect(
        "invalid-id-cited-source",
        sub(('source = "port-bulletin"\nquote = "全年', 'source = "Port Bulletin"\nquote = "全年')),
        (Expect("invalid-id", 'source = "Port Bulletin"'),),
    ),
    Defect(
        "duplicate-id-source",
        append(ONE_SOURCE.format(id="shipping-plan")),
        (Expect("duplicate-id", 'id = "shipping-plan"', occurrence=-1),),
    ),
    Defect(
        "duplicate-id-indicator",
        append(ONE_INDICATOR.format(id="gdp-growth") + ONE_OBSERVATION),
        (Expect("duplicate-id", 'id = "gdp-growth"', occurrence=-1),),
    ),
    Defect(
        "unknown-source",
        sub(('source = "port-bulletin"\nquote = "全年', 'source = "statistics-bureau"\nquote = "全年')),
        (Expect("unknown-source", 'source = "statistics-bureau"'),),
    ),
    Defect(
        "unused-source",
        append(ONE_SOURCE.format(id="unused-report")),
        (Expect("unused-source", 'id = "unused-report"'),),
    ),
    Defect(
        "duplicate-year",
        sub(("year = 2022\n", "year = 2023\n")),
        (Expect("duplicate-year", "year = 2023", occurrence=1),),
    ),
    Defect(
        "multiple-used-values",
        sub(
            ("year = 2022\nvalue = 47.3\n", "year = 2023\nvalue = 47.3\nrevision = true\n"),
            ("year = 2023\nvalue = 49\n", "year = 2023\nvalue = 49\nrevision = true\n"),
        ),
        (Expect("multiple-used-values", "year = 2023", occurrence=1),),
    ),
    Defect(
        "no-used-value",
        sub(
            ("year = 2022\nvalue = 47.3\n", "year = 2023\nvalue = 47.3\nrevision = true\nused = false\n"),
            ("year = 2023\nvalue = 49\n", "year = 2023\nvalue = 49\nrevision = true\nused = false\n"),
        ),
        (Expect("no-used-value", "used = false", occurrence=-1),),
    ),
    Defect(
        "year-out-of-range-future-observation",
        sub(("year = 2023\nvalue = 5.0\n", f"year = {FUTURE}\nvalue = 5.0\n")),
        (Expect("year-out-of-range", f"year = {FUTURE}"),),
    ),
    Defect(
        "year-out-of-range-before-1949",
        sub(("year = 2023\nvalue = 4.4\n", "year = 1900\nvalue = 4.4\n")),
        (Expect("year-out-of-range", "year = 1900"),),
    ),
    Defect(
        "year-out-of-range-deadline",
        sub(("deadline = 2030", "deadline = 2101")),
        (Expect("year-out-of-range", "deadline = 2101"),),
    ),
    Defect("target-deadline-in-future-is-fine", sub(("deadline = 2030", f"deadline = {THIS_YEAR + 10}")), ()),
    Defect(
        "date-in-future",
        sub(("published = 2024-01-15", f"published = {FUTURE}-01-15")),
        (Expect("date-in-future", f"published = {FUTURE}-01-15"),),
    ),
    Defect(
        "not-finite-nan",
        sub(("value = 4.4\n", "value = nan\n")),
        (Expect("not-finite", "value = nan"),),
    ),
    Defect(
        "not-finite-inf-target",
        sub(("value = 47\n", "value = inf\n")),
        (Expect("not-finite", "value = inf"),),
    ),
    Defect(
        "negative-value",
        sub(("value = 47.3\n", "value = -47.3\n")),
        (Expect("negative-value", "value = -47.3"),),
    ),
    Defect(
        "negative-baseline",
        sub(("baseline_value = 43.5", "baseline_value = -43.5")),
        (Expect("negative-value", "baseline_value = -43.5"),),
    ),
    Defect("negative-growth-is-fine", sub(("value = 5.0\n", "value = -5.0\n")), ()),
    Defect(
        "percent-out-of-range",
        sub(("value = 4.4\n", "value = 440\n")),
        (Expect("percent-out-of-range", "value = 440"),),
    ),
    Defect(
        "invalid-rank-zero",
        sub(("value = 3\n", "value = 0\n")),
        (Expect("invalid-rank", "value = 0"),),
    ),
    Defect(
        "invalid-rank-fraction",
        sub(("value = 3\n", "value = 2.5\n")),
        (Expect("invalid-rank", "value = 2.5"),),
    ),
    Defect(
        "quote-not-in-document",
        sub(("ranked 5th among global", "ranked 5th among all")),
        (Expect("quote-not-in-document", "ranked 5th among all"),),
    ),
    Defect(
        "document-not-found",
        sub(('document = "seeds/port-bulletin.txt"', 'document = "seeds/missing.txt"')),
        (Expect("document-not-found", 'document = "seeds/missing.txt"'),),
    ),
    Defect(
        "value-not-in-quote",
        sub(("value = 47.3\n", "value = 47.4\n")),
        (Expect("value-not-in-quote", 'quote = "In 2022 the port handled', occurrence=1),),
    ),
    Defect(
        "derived-value-need-not-be-in-quote",
        sub(("value = 47.3\n", 'value = 47.4\nstatus = "derived"\nderived_from = ["two half-year figures"]\n')),
        (),
    ),
    Defect(
        "derived-without-inputs",
        sub(
            (
                'derived_from = [\n  "2022 throughput (47.3, port-bulletin)",\n'
                '  "growth in 2022 [port-bulletin]",\n]\n',
                "",
            )
        ),
        (Expect("derived-without-inputs", 'status = "derived"', table=True),),
    ),
    Defect(
        "inputs-without-derived",
        sub(('status = "derived"', 'status = "estimate"')),
        (
            Expect("inputs-without-derived", "derived_from = ["),
            Expect("value-not-in-quote", 'quote = "In 2022 the port handled'),
        ),
    ),
    Defect(
        "target-years-inconsistent-set-in",
        sub(("set_in = 2021", "set_in = 2026")),
        (Expect("target-years-inconsistent", "set_in = 2026"),),
    ),
    Defect(
        "target-years-inconsistent-baseline",
        sub(("baseline_year = 2020", "baseline_year = 2030")),
        (Expect("target-years-inconsistent", "baseline_year = 2030"),),
    ),
    Defect(
        "incomplete-baseline",
        sub(("baseline_value = 43.5\n", "")),
        (Expect("incomplete-baseline", "baseline_year = 2020", table=True),),
    ),
    Defect(
        "comparator-against-direction",
        sub(('comparator = "at-least"', 'comparator = "at-most"')),
        (Expect("comparator-against-direction", 'comparator = "at-most"'),),
    ),
    Defect(
        "control-character",
        sub(('name = "Real GDP growth"', 'name = "Real GDP \\u001b[31mgrowth"')),
        (Expect("control-character", 'name = "Real GDP \\u001b'),),
    ),
    Defect(
        "source-without-location",
        sub(('url = "https://example.org/shipping-plan"\n', "")),
        (Expect("source-without-location", 'id = "shipping-plan"', table=True),),
    ),
    Defect(
        "empty-string",
        sub(('label = "Shipping Center 14th Five-Year Plan"', 'label = ""')),
        (Expect("empty-string", 'label = ""'),),
    ),
    Defect(
        "no-observations",
        append(ONE_INDICATOR.format(id="port-trade")),
        (Expect("no-observations", 'id = "port-trade"', table=True),),
    ),
]
