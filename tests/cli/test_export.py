"""`fc export`: the tidy table round-trips, and the data package is valid under the real Frictionless."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fivecenters.core.tables import PACKAGE_FILES, TABLES
from tests.support.reading import fc_reading, reading_dataset
from tests.support.run import fc

DATASET = reading_dataset()
OBSERVATIONS = [(i, o) for i in DATASET.indicators for o in sorted(i.observations, key=lambda o: o.year)]
TARGET_COUNT = sum(len(i.targets) for i in DATASET.indicators)


def run(*args: str) -> tuple[int, str, str]:
    result = fc_reading(*args)
    return result.exit_code, result.stdout, result.stderr


def test_csv_has_one_row_per_observation_and_round_trips() -> None:
    code, out, _ = run("export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(OBSERVATIONS) == 13
    for row, (indicator, obs) in zip(rows, OBSERVATIONS, strict=True):
        source = DATASET.source(obs.source)
        assert source is not None
        assert (row["center"], row["indicator"], row["indicator_name"]) == (
            indicator.center.value,
            indicator.id,
            indicator.name,
        )
        assert (int(row["year"]), float(row["value"]), row["unit"]) == (obs.year, obs.value, indicator.unit)
        assert row["quote"] == obs.quote
        assert row["qualifier"] == (obs.qualifier.value if obs.qualifier else "")
        assert (row["status"], row["revision"], row["used"]) == (
            obs.status.value,
            str(obs.revision).lower(),
            str(obs.used).lower(),
        )
        assert (row["source_title"], row["publisher"], row["url"]) == (source.title, source.publisher, source.url or "")
    revised = [r for r in rows if r["indicator"] == "gdp" and r["year"] == "2023"]
    assert [(r["value"], r["used"]) for r in revised] == [("4.72", "false"), ("5.140447", "true")]
    assert "總值修訂為51404.47億元" in out


def test_json_is_the_same_table(tmp_path: Path) -> None:
    code, out, _ = run("export", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert len(records) == len(OBSERVATIONS)
    assert records[0]["value"] == 4.47 and records[0]["revision"] is False and records[0]["qualifier"] is None
    target = tmp_path / "out.json"
    target.write_text("old content that is longer than nothing")
    code, out, err = run("export", "-f", "json", "--output", str(target))
    assert code == 0 and out == "" and str(target) in err
    assert json.loads(target.read_text(encoding="utf-8")) == records
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "a temporary file was left behind"


def test_datapackage_is_valid_under_frictionless(tmp_path: Path) -> None:
    package = tmp_path / "package"
    code, _, _ = run("export", "--format", "datapackage", "--output", str(package))
    assert code == 0
    assert sorted(p.name for p in package.iterdir()) == sorted(PACKAGE_FILES)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert {s["title"] for s in descriptor["sources"]} == {s.title for s in DATASET.sources}
    assert [r["name"] for r in descriptor["resources"]] == ["observations", "targets", "sources"]
    for resource in descriptor["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"])
    counts = {t.name: len(list(csv.DictReader((package / t.path).open(encoding="utf-8")))) for t in TABLES}
    assert counts == {"observations": len(OBSERVATIONS), "targets": TARGET_COUNT, "sources": len(DATASET.sources)}

    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless), "validate", "--json", str(package / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["valid"] is True, result.stdout
    assert result.returncode == 0
    assert {task["name"] for task in report["tasks"]} == {"observations", "targets", "sources"}


def test_datapackage_replaces_an_earlier_export_but_not_other_files(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "observations.csv").write_text("stale")
    assert run("export", "-f", "datapackage", "-o", str(package))[0] == 0
    assert (package / "observations.csv").read_text(encoding="utf-8").startswith("center,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package"]

    (package / "thesis.docx").write_text("mine")
    code, _, err = run("export", "-f", "datapackage", "-o", str(package))
    assert code == 2 and "thesis.docx" in err
    assert (package / "thesis.docx").read_text() == "mine"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("export", "-f", "datapackage"), 2, "needs --output"),
        (("export", "-o", "/nonexistent-dir/out.csv"), 2, "does not exist"),
        (("export", "-f", "xml"), 2, "xml"),
    ],
)
def test_errors_are_one_line_without_traceback(args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, _, err = run(*args)
    assert exit_code == code
    assert message in err and "Traceback" not in err


def test_unusable_data_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]\n", encoding="utf-8")
    result = fc("export", "--data", bad)
    assert result.exit_code == 1
    assert "toml-syntax" in result.stderr and "Traceback" not in result.stderr
