"""A small valid dataset for the writing commands, and ways to run `fc` on it.

`SAMPLE` is in canonical form and passes `fc validate` with no problem; the
document it cites holds every quote the tests add, so that a refused write is
refused for the reason the test means.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from typer.testing import CliRunner, Result

from fivecenters.cli import app
from fivecenters.core.validate import validate_file

DOCUMENT_NAME = "port-bulletin.txt"
DOCUMENT = """\
Shanghai Port Annual Bulletin
GDP reached 4.47 trillion yuan in 2022.
GDP reached 5.39 trillion yuan in 2024, after a census revision to 5.14 trillion for 2023.
The container throughput of Shanghai Port exceeded 49 million TEUs in 2023.
The port handled 51.5 million TEUs in 2024.
"""

SAMPLE = f"""\
[[sources]]
id = "plan-2021"
title = "Shipping center plan"
publisher = "Shanghai Municipal Government"
published = 2021-07-09
url = "https://example.org/plan"
language = "en"

[[sources]]
id = "port-bulletin"
title = "Shanghai Port Annual Bulletin"
publisher = "Shanghai International Port Group"
published = 2024-03-28
document = "{DOCUMENT_NAME}"
language = "en"

[[indicators]]
id = "gdp"
center = "economic"
name = "Gross domestic product"
unit = "trillion yuan"
kind = "flow"
direction = "higher"
description = "Output of the city."
headline = true

[[indicators.observations]]
year = 2022
value = 4.47
source = "port-bulletin"
quote = "GDP reached 4.47 trillion yuan in 2022"

[[indicators]]
id = "container-throughput"
center = "shipping"
name = "Container throughput, Port of Shanghai"
unit = "million TEU"
kind = "flow"
direction = "higher"
description = "Containers handled by the Port of Shanghai in the year."

[[indicators.observations]]
year = 2023
value = 49
qualifier = "more-than"
source = "port-bulletin"
quote = "exceeded 49 million TEUs in 2023"

[[indicators.targets]]
value = 47
comparator = "at-least"
deadline = 2025
set_in = 2021
source = "plan-2021"
quote = "at least 47 million TEUs by 2025"
"""


def make_data(folder: Path, text: str = SAMPLE) -> Path:
    """Write the data file and its cited document into `folder`; the data file's path."""
    (folder / DOCUMENT_NAME).write_text(DOCUMENT, encoding="utf-8")
    path = folder / "indicators.toml"
    path.write_text(text, encoding="utf-8")
    return path


def fc(*args: str | Path) -> Result:
    """Run `fc` in-process; stdout and stderr are apart on the result."""
    return CliRunner().invoke(app, [str(a) for a in args])


def fc_command(*args: str | Path) -> list[str]:
    """The command line to run `fc` in a real process, with this interpreter."""
    return [sys.executable, "-m", "fivecenters", *(str(a) for a in args)]


def run_fc(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(fc_command(*args), capture_output=True, text=True, timeout=timeout, env=env, check=False)


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
