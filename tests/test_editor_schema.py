"""The editor schema as shipped: equal to `fc schema`, and run by the real taplo on the data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.run import fc

SHIPPED = ROOT / "indicators.toml"
TAPLO = shutil.which("taplo")


def test_the_shipped_schema_is_the_printed_one() -> None:
    result = fc("schema")
    assert result.exit_code == 0
    shipped = (ROOT / "indicators.schema.json").read_text(encoding="utf-8")
    assert shipped == result.stdout, "run: fc schema > indicators.schema.json"


BROKEN = {
    "misspelt-key": ("value = 49.158\n", "vlaue = 49.158\n"),
    "wrong-type": ("year = 2023\nvalue = 49.158\n", 'year = "2023"\nvalue = 49.158\n'),
    "unknown-center": (
        'id = "container-throughput"\ncenter = "shipping"',
        'id = "container-throughput"\ncenter = "harbour"',
    ),
    "unknown-status": ('status = "derived"', 'status = "computed"'),
}


def taplo_check(folder: Path, text: str) -> subprocess.CompletedProcess[str]:
    """taplo as an editor runs it: the repository's .taplo.toml and schema beside the data file."""
    for name in (".taplo.toml", "indicators.schema.json"):
        shutil.copy2(ROOT / name, folder / name)
    (folder / "indicators.toml").write_text(text, encoding="utf-8")
    return subprocess.run(
        [str(TAPLO), "check", "indicators.toml"], cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.skipif(TAPLO is None, reason="taplo is in the test extras: pip install -e '.[test]'")
def test_taplo_with_the_schema_accepts_the_shipped_file(tmp_path: Path) -> None:
    process = taplo_check(tmp_path, SHIPPED.read_text(encoding="utf-8"))
    assert process.returncode == 0, process.stderr
    assert "found configuration file" in process.stderr


@pytest.mark.skipif(TAPLO is None, reason="taplo is in the test extras: pip install -e '.[test]'")
@pytest.mark.parametrize("case", BROKEN)
def test_taplo_with_the_schema_rejects_a_broken_copy(tmp_path: Path, case: str) -> None:
    old, new = BROKEN[case]
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    process = taplo_check(tmp_path, text.replace(old, new, 1))
    assert process.returncode != 0
    # Its diagnostics (`error: …` at the line) or its closing log line; a busy machine may lose the log line.
    output = process.stdout + process.stderr
    assert "schema validation failed" in output or "error: " in output, output
