"""`fc export`: the tidy table round-trips, and the data package is valid under the real Frictionless.

Exports people open: an Excel workbook, a CSV Excel reads as UTF-8, a SQLite database for Datasette,
and a data package that describes itself."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fivecenters.core.tables import PACKAGE_FILES, TABLES
from fivecenters.core.validate import load_dataset
from tests.support.base import WriteData
from tests.support.benchmark import WITH_BENCHMARK
from tests.support.reading import fc_reading, reading_dataset
from tests.support.run import fc, require_program

DATASET = reading_dataset()
OBSERVATIONS = [(i, o) for i in DATASET.indicators for o in sorted(i.observations, key=lambda o: o.year)]
# Rows of each table, counted from the model rather than by the code under test.
COUNTS = {
    "observations": sum(len(i.observations) for i in DATASET.indicators),
    "targets": sum(len(i.targets) for i in DATASET.indicators),
    "sources": len(DATASET.sources),
    "indicators": len(DATASET.indicators),
    "benchmarks": len(DATASET.benchmarks),
    "benchmark_entries": sum(len(e.entries) for b in DATASET.benchmarks for e in b.editions),
    "benchmark_targets": sum(len(b.targets) for b in DATASET.benchmarks),
}


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
        assert (row["center"], row["indicator"], row["indicator_name"], row["indicator_name_zh"]) == (
            indicator.center.value,
            indicator.id,
            indicator.name,
            indicator.name_zh or "",
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
    assert [r["name"] for r in descriptor["resources"]] == list(COUNTS)
    for resource in descriptor["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"])
    counts = {t.name: len(list(csv.DictReader((package / t.path).open(encoding="utf-8")))) for t in TABLES}
    assert counts == COUNTS

    assert frictionless_validates(package) == set(COUNTS)


def frictionless_validates(package: Path) -> set[str]:
    """The tables the real `frictionless validate` checked, once it has found the package valid."""
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
    return {task["name"] for task in report["tasks"]}


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


def test_xlsx_has_a_typed_sheet_per_table_with_a_frozen_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "fc.xlsx"
    code, _, err = run("export", "-f", "xlsx", "-o", str(path))
    assert code == 0 and str(path) in err
    book = load_workbook(path)
    assert book.sheetnames == list(COUNTS)
    for table in TABLES:
        sheet = book[table.name]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == [c.name for c in table.columns]
        assert len(rows) - 1 == COUNTS[table.name]
        assert sheet.freeze_panes == "A2"
        assert sheet.cell(1, 1).font.bold
        for index, column in enumerate(table.columns, start=1):
            width = sheet.column_dimensions[sheet.cell(1, index).column_letter].width
            assert len(column.name) < width <= 62, f"{table.name}.{column.name} is {width} wide"
    observations = records(book["observations"])
    expected = [o for i in DATASET.indicators for o in sorted(i.observations, key=lambda o: o.year)]
    for row, obs in zip(observations, expected, strict=True):
        assert row["year"] == obs.year and isinstance(row["year"], int)
        assert row["value"] == pytest.approx(obs.value) and isinstance(row["value"], int | float)
        assert row["used"] is obs.used and row["quote"] == obs.quote
    published = [r["published"] for r in records(book["sources"])]
    assert any(isinstance(p, dt.datetime) for p in published), "dates are dates, not text"
    assert "總值修訂為51404.47億元" in [r["quote"] for r in observations]


def records(sheet: Any) -> list[dict[str, Any]]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_csv_byte_order_mark_is_an_option(tmp_path: Path) -> None:
    code, plain, _ = run("export")
    assert code == 0 and plain.startswith("center,"), "no BOM by default: pipes and scripts read the header"
    target = tmp_path / "excel.csv"
    code, _, _ = run("export", "--bom", "-o", str(target))
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == COUNTS["observations"] and "總值修訂為51404.47億元" in [r["quote"] for r in rows]
    code, _, err = run("export", "-f", "json", "--bom")
    assert code == 2 and "--bom is for --format csv" in err


@pytest.mark.parametrize("output_format", ["xlsx", "sqlite"])
def test_files_that_are_not_text_need_an_output(output_format: str) -> None:
    code, out, err = run("export", "-f", output_format)
    assert code == 2 and out == "" and "needs --output" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "fc.db"
    result = fc_reading("export", "-f", "sqlite", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert "datasette" in result.stderr
    return path


def test_sqlite_holds_every_table_with_its_keys(database: Path) -> None:
    with sqlite3.connect(database) as db:
        for name, count in COUNTS.items():
            assert db.execute(f"SELECT count(*) FROM {name}").fetchone() == (count,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        for name in ("observations", "targets"):
            keys = {(row[3], row[2], row[4]) for row in db.execute(f"PRAGMA foreign_key_list({name})")}
            assert keys == {("source", "sources", "id"), ("indicator", "indicators", "id")}
        joined = db.execute(
            "SELECT o.year, o.value, o.used, s.publisher, i.name FROM observations o "
            "JOIN sources s ON s.id = o.source JOIN indicators i ON i.id = o.indicator "
            "WHERE i.id = 'gdp' ORDER BY o.year, o.used"
        ).fetchall()
        gdp = DATASET.indicator("gdp")
        assert gdp is not None
        expected = sorted(gdp.observations, key=lambda o: (o.year, o.used))
        assert [(y, v, u) for y, v, u, _, _ in joined] == [(o.year, o.value, int(o.used)) for o in expected]
        assert {p for *_, p, _ in joined} == {
            s.publisher for s in DATASET.sources if s.id in {o.source for o in expected}
        }
        types = db.execute("SELECT DISTINCT typeof(year), typeof(value), typeof(used) FROM observations").fetchall()
        assert types == [("integer", "real", "integer")]
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("PRAGMA foreign_keys = ON")
            db.execute(
                "INSERT INTO observations (center, indicator, indicator_name, year, value, unit, status, revision, "
                "used, source, quote) VALUES ('economic', 'gdp', 'x', 2020, 1, 'u', 'final', 0, 1, 'nowhere', 'q')"
            )


def test_datasette_metadata_titles_licenses_and_sources_every_table(database: Path) -> None:
    metadata = json.loads(database.with_name("fc.metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] and metadata["license"] == "CC-BY-4.0" and metadata["source_url"].startswith("https://")
    tables = metadata["databases"]["fc"]["tables"]
    assert set(tables) == set(COUNTS)
    for table in TABLES:
        described = tables[table.name]
        assert described["title"] and described["source"] and described["license"] == "CC-BY-4.0"
        assert set(described["columns"]) == {c.name for c in table.columns}
    assert all(s.publisher in tables["observations"]["source"] for s in DATASET.sources)


def test_datasette_serves_the_database_with_its_metadata(database: Path) -> None:
    datasette = require_program("datasette", needed_for="the Datasette test of fc export --format sqlite")
    inspected = subprocess.run([datasette, "inspect", str(database)], capture_output=True, text=True, timeout=120)
    assert inspected.returncode == 0, inspected.stderr
    counts = {name: t["count"] for name, t in json.loads(inspected.stdout)["fc"]["tables"].items()}
    assert counts == COUNTS
    metadata = database.with_name("fc.metadata.json")
    page = subprocess.run(
        [datasette, str(database), "-m", str(metadata), "--get", "/fc/observations"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert page.returncode == 0, page.stderr
    assert "CC-BY-4.0" in page.stdout and "One row per observation" in page.stdout


def test_datapackage_describes_itself_and_its_indicators(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    package = tmp_path / "package"
    assert run("export", "-f", "datapackage", "-o", str(package))[0] == 0
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["created"] == "2026-01-01T00:00:00Z"
    assert descriptor["version"] and descriptor["homepage"].startswith("https://")
    assert descriptor["contributors"][0]["title"]
    indicators = list(csv.DictReader((package / "indicators.csv").open(encoding="utf-8")))
    assert [(r["id"], r["kind"], r["direction"], r["headline"], r["description"]) for r in indicators] == [
        (i.id, i.kind.value, i.direction.value, str(i.headline).lower(), i.description) for i in DATASET.indicators
    ]


# The shipped data holds every benchmark; the reading fixture holds none.
SHIPPED = Path(__file__).parents[2] / "indicators.toml"
SHIPPED_DATASET = load_dataset(SHIPPED)
ENTRIES = [
    (b, ed, e)
    for b in SHIPPED_DATASET.benchmarks
    for ed in sorted(b.editions, key=lambda ed: ed.year)
    for e in ed.entries
]


@pytest.fixture(scope="module")
def shipped_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shipped")
    for output_format, name in (("datapackage", "package"), ("sqlite", "fc.db"), ("xlsx", "fc.xlsx")):
        result = fc("export", "--data", SHIPPED, "-f", output_format, "-o", folder / name)
        assert result.exit_code == 0, result.output
    return folder


def test_benchmark_tables_carry_every_shipped_entry_once(shipped_exports: Path) -> None:
    package = shipped_exports / "package"
    assert {"benchmarks", "benchmark_entries"} <= frictionless_validates(package)
    benchmarks = list(csv.DictReader((package / "benchmarks.csv").open(encoding="utf-8")))
    assert [(r["id"], r["name"], r["name_zh"]) for r in benchmarks] == [
        (b.id, b.name, b.name_zh or "") for b in SHIPPED_DATASET.benchmarks
    ]
    rows = list(csv.DictReader((package / "benchmark_entries.csv").open(encoding="utf-8")))
    assert len(ENTRIES) > 100
    assert [(r["benchmark"], r["edition"], r["city"]) for r in rows] == [
        (b.id, ed.name, e.city) for b, ed, e in ENTRIES
    ]
    # Each row names its ranking in both languages, beside the id.
    assert [(r["benchmark_name"], r["benchmark_name_zh"]) for r in rows] == [
        (b.name, b.name_zh or "") for b, _, _ in ENTRIES
    ]
    assert len({(r["benchmark"], r["edition"], r["city"]) for r in rows}) == len(rows)
    for row, (_, edition, entry) in zip(rows, ENTRIES, strict=True):
        assert (row["rank"], row["outside_top"], row["quote"]) == (
            str(entry.rank or ""),
            str(entry.outside_top or ""),
            entry.quote,
        )
        assert row["score"] == ("" if entry.score is None else f"{entry.score:g}")
        assert (row["edition_year"], row["published"]) == (str(edition.year), str(edition.published or ""))
    indicators = list(csv.DictReader((package / "indicators.csv").open(encoding="utf-8")))
    assert [r["name_zh"] for r in indicators] == [i.name_zh or "" for i in SHIPPED_DATASET.indicators]
    assert any(r["name_zh"] for r in indicators)
    observed = {
        (r["indicator_name"], r["indicator_name_zh"])
        for r in csv.DictReader((package / "observations.csv").open(encoding="utf-8"))
    }
    assert observed == {(i.name, i.name_zh or "") for i in SHIPPED_DATASET.indicators if i.observations}
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in descriptor["resources"]}
    assert "国际航运中心" in fields["indicators"]["center"]["description"]


def test_sqlite_joins_entries_to_benchmarks_and_sources(shipped_exports: Path) -> None:
    with sqlite3.connect(shipped_exports / "fc.db") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {(row[3], row[2]) for row in db.execute("PRAGMA foreign_key_list(benchmark_entries)")}
        assert keys == {("benchmark", "benchmarks"), ("source", "sources")}
        joined = db.execute(
            "SELECT e.edition_year, e.rank, b.name_zh, s.publisher FROM benchmark_entries e "
            "JOIN benchmarks b ON b.id = e.benchmark JOIN sources s ON s.id = e.source "
            "WHERE b.id = 'gfci' AND e.city = 'Shanghai'"
        ).fetchall()
    expected = [(ed, e) for b, ed, e in ENTRIES if b.id == "gfci" and e.city == "Shanghai"]
    assert [(year, rank) for year, rank, _, _ in joined] == [(ed.year, e.rank) for ed, e in expected]
    gfci = SHIPPED_DATASET.benchmark("gfci")
    assert gfci is not None and {name for _, _, name, _ in joined} == {gfci.name_zh}
    publishers = [SHIPPED_DATASET.source(e.source) for _, e in expected]
    assert [p for *_, p in joined] == [s.publisher for s in publishers if s is not None]


def test_xlsx_has_typed_benchmark_sheets(shipped_exports: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(shipped_exports / "fc.xlsx")
    assert book.sheetnames[-3:] == ["benchmarks", "benchmark_entries", "benchmark_targets"]
    assert len(records(book["benchmarks"])) == len(SHIPPED_DATASET.benchmarks)
    entries = records(book["benchmark_entries"])
    assert len(entries) == len(ENTRIES)
    for row, (_, edition, entry) in zip(entries, ENTRIES, strict=True):
        assert row["edition_year"] == edition.year and isinstance(row["edition_year"], int)
        assert row["rank"] == entry.rank and row["from_order"] is entry.from_order
        assert row["score"] == (None if entry.score is None else pytest.approx(entry.score))
    assert any(isinstance(r["score"], float) for r in entries), "scores are numbers, not text"


def test_rank_targets_are_exported_with_their_band(write_data: WriteData, tmp_path: Path) -> None:
    """The benchmark fixture's ambition (top 3 by 2030) against Shanghai's latest place (5th, Clusters 2023),
    in the package that the real Frictionless validates, in SQLite and in the workbook."""
    data = write_data(WITH_BENCHMARK)
    for output_format, name in (("datapackage", "package"), ("sqlite", "fc.db"), ("xlsx", "fc.xlsx")):
        result = fc("export", "--data", data, "-f", output_format, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    package = tmp_path / "package"
    assert "benchmark_targets" in frictionless_validates(package)
    [row] = list(csv.DictReader((package / "benchmark_targets.csv").open(encoding="utf-8")))
    assert {k: row[k] for k in ("benchmark", "benchmark_name", "benchmark_name_zh", "rank", "deadline")} == {
        "benchmark": "clusters",
        "benchmark_name": "Science and technology clusters",
        "benchmark_name_zh": "科技集群排名",
        "rank": "3",
        "deadline": "2030",
    }
    assert (row["status"], row["latest_edition"], row["latest_rank"], row["places_to_go"]) == (
        "not yet",
        "Clusters 2023",
        "5",
        "2",
    )
    assert (row["source"], row["quote"]) == ("port-bulletin", "The city aims to rank among the top 3 clusters by 2030.")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [r for r in descriptor["resources"] if r["name"] == "benchmark_targets"]
    status = next(f for f in resource["schema"]["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == ["achieved", "not yet", "missed", "no data"]
    with sqlite3.connect(tmp_path / "fc.db") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        joined = db.execute(
            "SELECT b.name_zh, t.status, s.id FROM benchmark_targets t "
            "JOIN benchmarks b ON b.id = t.benchmark JOIN sources s ON s.id = t.source"
        ).fetchall()
    assert joined == [("科技集群排名", "not yet", "port-bulletin")]
    from openpyxl import load_workbook

    [sheet_row] = records(load_workbook(tmp_path / "fc.xlsx")["benchmark_targets"])
    assert (sheet_row["rank"], sheet_row["latest_rank"], sheet_row["status"]) == (3, 5, "not yet")
