"""The reading commands end to end: fc show, compare, progress, info and sources."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from fivecenters.core.centers import Center
from fivecenters.core.model import Indicator, Observation
from fivecenters.core.progress import Assessment, assess, by_plan
from fivecenters.output.formatting import ordinal
from fivecenters.output.grids import progress_grid
from fivecenters.output.terminal import print_rich
from tests.support import FIXTURES
from tests.support.base import BASE_TOML, WriteData, replace_once
from tests.support.reading import (
    READING,
    fc_reading,
    fixture_indicator,
    latest_used,
    minimal_data,
    reading_dataset,
    used_value,
)

READING_COMMANDS: list[tuple[str, ...]] = [
    ("show",),
    ("show", "shipping"),
    ("compare", "2022", "2023"),
    ("progress",),
    ("progress", "--explain"),
    ("info", "gdp"),
    ("sources",),
]
BOX_DRAWING = re.compile(r"[\u2500-\u257f]")
WIDE = {"COLUMNS": "200"}


def ok(*args: str, env: dict[str, str | None] | None = None) -> str:
    result = fc_reading(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ok(*args, "--format", "csv"))))


def json_of(*args: str) -> Any:
    return json.loads(ok(*args, "--format", "json"))


def assessments_of(indicators: list[Indicator], as_of: int | None = None) -> list[Assessment]:
    return [assess(i, t, as_of) for i in indicators for t in i.targets]


def years_with_data() -> list[int]:
    return sorted({o.year for i in reading_dataset().indicators for o in i.observations if o.used})


def assert_observation_columns(row: dict[str, str], obs: Observation, prefix: str = "") -> None:
    """An observation in a CSV row: value, year, qualifier, status and source, as the data have them."""
    assert float(row[f"{prefix}value"]) == obs.value
    assert int(row[f"{prefix}year"]) == obs.year
    assert row[f"{prefix}qualifier"] == (obs.qualifier.value if obs.qualifier else "")
    assert row[f"{prefix}status"] == obs.status.value
    assert row[f"{prefix}source"] == obs.source


# Every output format parses.


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_json_output_parses(command: tuple[str, ...]) -> None:
    assert json_of(*command)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_csv_output_reads_back(command: tuple[str, ...]) -> None:
    rows = csv_rows(*command)
    assert rows
    assert all(None not in row for row in rows), "a row has more cells than the header"


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_markdown_output_has_tables(command: tuple[str, ...]) -> None:
    lines = ok(*command, "--format", "markdown").splitlines()
    headers = [
        n for n, line in enumerate(lines[:-1]) if line.startswith("| ") and re.fullmatch(r"\|(-+:?\|)+", lines[n + 1])
    ]
    assert headers, "no table header line"
    for n in headers:
        assert lines[n].count(" | ") + 1 == lines[n + 1].count("|") - 1, "header and separator disagree"


# CSV is the JSON record flattened: a row per item of the list, or, where each record holds its
# rows in a list, a row per item of that list after the record's own text and numbers.
OVERVIEW_AS_OF = ("show", "--year", "2022")
ROW_LISTS = {
    ("show",): "indicators",
    OVERVIEW_AS_OF: "indicators",
    ("compare", "2022", "2023"): "rows",
    ("info", "gdp"): "observations",
}


def json_rows(command: tuple[str, ...]) -> list[dict[str, Any]]:
    data = json_of(*command)
    records = data if isinstance(data, list) else [data]
    nested = ROW_LISTS.get(command)
    if nested is None:
        return records
    return [
        {**{k: v for k, v in record.items() if not isinstance(v, dict | list)}, **row}
        for record in records
        for row in record[nested]
    ]


def leaf_paths(record: dict[str, Any], prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for key, value in record.items():
        paths |= leaf_paths(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"}
    return paths


def cell_text(record: dict[str, Any], column: str) -> str:
    """What a CSV cell holds for a dotted column: nothing under a null object, lists as JSON."""
    value: Any = record
    for key in column.split("."):
        if value is None:
            return ""
        value = value[key]
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)


@pytest.mark.parametrize("command", [*READING_COMMANDS, OVERVIEW_AS_OF], ids=" ".join)
def test_csv_is_the_json_record_flattened(command: tuple[str, ...]) -> None:
    expected = json_rows(command)
    text = ok(*command, "--format", "csv")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert len(rows) == len(expected) > 0
    columns = list(reader.fieldnames or [])
    paths = set().union(*(leaf_paths(record) for record in expected))
    assert set(columns) <= paths
    # A path missing from the columns is an object that is null in some rows: its fields are the columns.
    assert all(any(c.startswith(f"{p}.") for c in columns) for p in paths - set(columns))
    for row, record in zip(rows, expected, strict=True):
        assert row == {column: cell_text(record, column) for column in columns}


def test_show_center_csv_values() -> None:
    rows = csv_rows("show", "shipping")
    shipping = [i for i in reading_dataset().indicators if i.center is Center.SHIPPING]
    assert [row["indicator"] for row in rows] == [i.id for i in shipping]
    for row, indicator in zip(rows, shipping, strict=True):
        assert row["unit"] == indicator.unit
        assert_observation_columns(row, latest_used(indicator), "latest.")


def test_show_overview_csv_has_the_headlines() -> None:
    rows = csv_rows("show")
    headlines = [i for center in Center for i in reading_dataset().indicators if i.center is center and i.headline]
    assert [row["indicator"] for row in rows] == [i.id for i in headlines]
    for row, indicator in zip(rows, headlines, strict=True):
        assert_observation_columns(row, latest_used(indicator), "latest.")


def test_info_csv_has_every_observation() -> None:
    indicator = fixture_indicator("gdp")
    rows = csv_rows("info", "gdp")
    assert len(rows) == len(indicator.observations)
    for row, obs in zip(rows, indicator.observations, strict=True):
        assert (row["id"], row["unit"]) == (indicator.id, indicator.unit)
        assert_observation_columns(row, obs)
        assert row["used"] == str(obs.used)


def test_compare_csv_values() -> None:
    rows = {row["indicator"]: row for row in csv_rows("compare", "2022", "2023")}
    indicator = fixture_indicator("container-throughput")
    before, after = used_value(indicator, 2022), used_value(indicator, 2023)
    row = rows[indicator.id]
    assert row["unit"] == indicator.unit
    assert_observation_columns(row, before, "first.")
    assert_observation_columns(row, after, "second.")
    assert float(row["change.absolute"]) == pytest.approx(after.value - before.value)
    assert row["verdict"] == "improved"
    assert set(rows) == {i.id for i in reading_dataset().indicators}


def test_progress_csv_and_json_follow_the_assessments() -> None:
    assessments = assessments_of(reading_dataset().indicators)
    rows = csv_rows("progress")
    records = json_of("progress")
    assert len(rows) == len(records) == len(assessments)
    by_key = {(a.indicator.id, a.target.deadline, a.target.value): a for a in assessments}
    for row, record in zip(rows, records, strict=True):
        a = by_key[(row["indicator"], int(row["target.deadline"]), float(row["target.value"]))]
        assert row["status"] == record["status"] == a.status.value
        assert a.latest is not None
        assert_observation_columns(row, a.latest, "latest.")
        assert record["ratio"] == a.ratio


def test_sources_csv_and_json() -> None:
    dataset = reading_dataset()
    rows = csv_rows("sources")
    records = json_of("sources")
    assert [row["id"] for row in rows] == [r["id"] for r in records] == sorted(s.id for s in dataset.sources)
    for record in records:
        citing = [
            i.id for i in dataset.indicators if any(r.source == record["id"] for r in (*i.observations, *i.targets))
        ]
        assert record["cited_by"] == citing


def test_compare_json_values() -> None:
    data = json_of("compare", "2022", "2023")
    assert (data["first_year"], data["second_year"]) == (2022, 2023)
    indicator = fixture_indicator("rd-ratio")
    (row,) = [r for r in data["rows"] if r["indicator"] == indicator.id]
    before, after = used_value(indicator, 2022), used_value(indicator, 2023)
    assert row["change"]["measure"] == "pp"
    assert row["change"]["absolute"] == pytest.approx(after.value - before.value)
    assert sum(data["counts"].values()) == len(data["rows"]) == len(reading_dataset().indicators)


def test_info_json_holds_the_indicator_and_its_progress() -> None:
    indicator = fixture_indicator("container-throughput")
    data = json_of("info", "container-throughput")
    assert data["id"] == indicator.id
    assert [o["value"] for o in data["observations"]] == [o.value for o in indicator.observations]
    assert [p["status"] for p in data["progress"]] == [assess(indicator, t).status.value for t in indicator.targets]


# Tables for people.


def test_compare_table_shows_changes_in_their_terms() -> None:
    out = ok("compare", "2022", "2023", env=WIDE)
    rank = fixture_indicator("wipo-rank")
    before, after = (int(used_value(rank, y).value) for y in (2022, 2023))
    assert f"▲ {ordinal(before)} → {ordinal(after)}, up {before - after}" in out
    assert re.search(r"▲ \+\d+(\.\d+)? pp", out), "the R&D ratio's change in points"
    missing = fixture_indicator("market-turnover")
    assert f"{missing.name}: no data for 2022" in out


def test_show_year_shows_values_as_of_that_year() -> None:
    indicator = fixture_indicator("container-throughput")
    (record,) = json_of("show", "shipping", "--year", "2022")
    expected = latest_used(indicator, 2022)
    assert record["latest"]["year"] == expected.year == 2022
    assert record["latest"]["value"] == expected.value
    assert [p["year"] for p in record["series"]] == [o.year for o in indicator.used_observations() if o.year <= 2022]
    assert "International Shipping Center (国际航运中心), as of 2022" in ok("show", "shipping", "--year", "2022")
    for center in json_of("show", "--year", "2022"):
        for snap in center["indicators"]:
            assert snap["latest"]["value"] == latest_used(fixture_indicator(snap["indicator"]), 2022).value


def test_progress_year_assesses_as_of_that_year() -> None:
    records = json_of("progress", "--year", "2022")
    indicators = reading_dataset().indicators
    # Grouped by center, in the order of the five centers, and within a center by plan.
    expected = [
        a
        for c in Center
        for group in by_plan(assessments_of([i for i in indicators if i.center is c], 2022))
        for a in group.assessments
    ]
    assert [r["status"] for r in records] == [a.status.value for a in expected]
    assert all(r["latest"] is None or r["latest"]["year"] <= 2022 for r in records)


def test_year_before_any_data_is_a_usage_error() -> None:
    early = years_with_data()[0] - 1
    for command in (("show",), ("progress",)):
        result = fc_reading(*command, "--year", str(early))
        assert result.exit_code == 2
        assert f"no data as of {early}" in result.stderr


# Names and years a user types.


@pytest.mark.parametrize(
    ("command", "suggested"),
    [
        (("show", "shiping"), "shipping"),
        (("progress", "shiping"), "shipping"),
        (("compare", "2022", "2023", "--center", "shiping"), "shipping"),
        (("info", "gpd"), "gdp"),
        (("info", "wipo-rnak"), "wipo-rank"),
    ],
)
def test_unknown_name_suggests_the_closest(command: tuple[str, ...], suggested: str) -> None:
    result = fc_reading(*command)
    assert result.exit_code == 2
    assert f"Did you mean '{suggested}'?" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_compare_year_without_data_lists_the_years() -> None:
    missing = years_with_data()[0] - 2
    result = fc_reading("compare", str(missing), "2023")
    assert result.exit_code == 2
    assert f"no data for {missing}" in result.stderr
    assert "Years with data: " + ", ".join(map(str, years_with_data())) in result.stderr


@pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown"])
def test_compare_either_order(output_format: str) -> None:
    assert ok("compare", "2023", "2022", "-f", output_format) == ok("compare", "2022", "2023", "-f", output_format)


@pytest.mark.parametrize(
    ("alias", "center"),
    [
        ("finance", Center.FINANCIAL),
        ("sci-tech", Center.INNOVATION),
        ("Tech", Center.INNOVATION),
        ("SHIPPING", Center.SHIPPING),
    ],
)
def test_center_aliases(alias: str, center: Center) -> None:
    records = json_of("show", alias)
    assert records and {r["center"] for r in records} == {center.value}
    assert center.full_name in ok("show", alias)
    assert {r["center"] for r in json_of("progress", alias)} <= {center.value}


# Data shown literally, never interpreted.


@pytest.mark.parametrize(
    ("command", "text"),
    [
        (("show", "innovation"), "[red]Shanghai[/red]"),
        (("compare", "2022", "2023"), "[red]Shanghai[/red]"),
        (("info", "wipo-rank"), "[red]Shanghai[/red]"),
        (("progress", "innovation"), "[red]Shanghai[/red]"),
        (("sources",), "[bold]document[/bold]"),
        (("info", "container-throughput"), "[bold]document[/bold]"),
    ],
)
def test_markup_in_data_is_shown_literally(command: tuple[str, ...], text: str) -> None:
    in_data = [i.name for i in reading_dataset().indicators] + [s.title for s in reading_dataset().sources]
    assert any(text in value for value in in_data), "the fixture should hold the markup"
    assert text in ok(*command, env=WIDE)
    assert text in ok(*command, "--format", "markdown")


@pytest.mark.parametrize("command", [("show", "shipping"), ("info", "container-throughput"), ("validate",)])
def test_escape_characters_never_reach_output(write_data: WriteData, command: tuple[str, ...]) -> None:
    path = write_data(minimal_data(name="\\u001b[31mContainer\\u001b[0m throughput"))
    result = fc_reading(*command, data=path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "control-character" in result.output


# No colour, no box-drawing, 80 columns.


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("no_color", [None, "1"])
def test_plain_output_off_a_terminal(command: tuple[str, ...], no_color: str | None) -> None:
    out = ok(*command, env={"NO_COLOR": no_color, "TERM": "xterm-256color"})
    assert "\x1b[" not in out
    assert not BOX_DRAWING.search(out)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_tables_fit_80_columns(command: tuple[str, ...]) -> None:
    out = ok(*command)
    too_wide = [line for line in out.splitlines() if cell_len(line) > 80]
    assert not too_wide


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _colours(text: str) -> set[int]:
    """The foreground colours that SGR escape sequences in the text set."""
    params = [int(p) for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for p in seq.split(";") if p]
    return {p for p in params if 30 <= p <= 38 or 90 <= p <= 97}


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    grid = progress_grid("Targets", assessments_of(reading_dataset().indicators))
    coloured = _Terminal()
    print_rich([grid], file=coloured)
    assert _colours(coloured.getvalue()), "a terminal should get colours"
    assert BOX_DRAWING.search(coloured.getvalue())

    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    print_rich([grid], file=plain)
    assert not _colours(plain.getvalue())
    assert "on track" in plain.getvalue()


# A data file with errors.


@pytest.mark.parametrize(
    "command",
    [("show",), ("show", "shipping"), ("compare", "2022", "2023"), ("progress",), ("info", "gdp"), ("sources",)],
    ids=" ".join,
)
def test_data_errors_stop_reading_commands(write_data: WriteData, command: tuple[str, ...]) -> None:
    text = minimal_data(observation_extra="vlaue = 49.158\n")
    path = write_data(text)
    line = text.splitlines().index("vlaue = 49.158") + 1
    result = fc_reading(*command, data=path)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    first, hint = result.stderr.splitlines()
    assert first == f"{path}:{line}:1: error unknown-key: unknown key 'vlaue'"
    assert hint.startswith(f"fc: {path} ") and "fc validate" in hint
    assert "Traceback" not in result.output


def test_toml_syntax_error_has_a_position(write_data: WriteData) -> None:
    text = minimal_data() + "year = = 3\n"
    path = write_data(text)
    result = fc_reading("show", data=path)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(path))}:{len(text.splitlines())}:\d+: error toml-syntax: .+", first)


def test_missing_data_file(tmp_path: Path) -> None:
    result = fc_reading("sources", data=tmp_path / "nowhere.toml")
    assert result.exit_code == 1
    assert "file-not-found" in result.stderr
    assert "Traceback" not in result.output


def test_fixture_is_valid() -> None:
    result = fc_reading("validate", data=READING)
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.stdout


# The base dataset's container throughput named in Chinese, citing a source that names it alone.
NAMED_TEXT = replace_once(
    BASE_TOML,
    'name = "Container throughput, Port of Shanghai"\n',
    'name = "Container throughput, Port of Shanghai"\nname_zh = "集装箱吞吐量"\n'
    'name_zh_source = "names-report"\nname_zh_quote = "上海港集装箱吞吐量连续14年排名世界第一"\n',
) + (
    '\n[[sources]]\nid = "names-report"\ntitle = "名称报告"\npublisher = "P"\n'
    'url = "https://example.org/n"\nlanguage = "zh"\n'
)


def test_chinese_names_are_accepted_and_shown(write_data: WriteData) -> None:
    """`fc show 航运` and `fc info` by an indicator's official Chinese name, shown beside the English one
    with the words that state it."""
    shown = ok("show", "航运")
    assert "International Shipping Center (国际航运中心)" in shown
    text = NAMED_TEXT
    result = fc_reading("info", "集装箱吞吐量", data=write_data(text), env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Container throughput, Port of Shanghai 集装箱吞吐量" in result.stdout
    assert "International Shipping Center (国际航运中心)" in result.stdout
    assert "集装箱吞吐量: “上海港集装箱吞吐量连续14年排名世界第一” (名称报告)" in result.stdout
    assert (
        json.loads(fc_reading("show", "shipping", "-f", "json", data=write_data(text)).stdout)[0]["name_zh"]
        == "集装箱吞吐量"
    )


def test_a_chinese_name_two_indicators_share_asks_for_the_id(write_data: WriteData) -> None:
    """One official statistic may be kept as two series (dollars, and a misprint in yuan) under one name:
    `fc info` and `fc chart` by that name list both ids as a usage error, never pick one."""
    text = replace_once(
        BASE_TOML,
        'name = "R&D expenditure as a share of GDP"\n',
        'name = "R&D expenditure as a share of GDP"\nname_zh = "全市生产总值"\n'
        'name_zh_source = "port-bulletin"\nname_zh_quote = "全年全市生产总值比上年增长5.0%"\n',
    )
    path = write_data(text)
    assert fc_reading("validate", "--strict", data=path).exit_code == 0
    for command in ("info", "chart"):
        result = fc_reading(command, "全市生产总值", data=path)
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        assert result.stderr == (
            "fc: error: '全市生产总值' names more than one: rd-intensity, gdp-growth. "
            "Give the id of the one you mean.\n"
        )
    assert json.loads(fc_reading("info", "gdp-growth", "-f", "json", data=path).stdout)["name_zh"] == "全市生产总值"


def test_the_citation_of_a_chinese_name_reaches_info_and_sources(write_data: WriteData) -> None:
    """JSON gives where a name is stated, its own citation or one of the indicator's quotes; a source
    cited only for a name is cited, not unused."""
    path = write_data(NAMED_TEXT)
    assert fc_reading("validate", "--strict", data=path).exit_code == 0
    record = json.loads(fc_reading("info", "container-throughput", "-f", "json", data=path).stdout)
    assert record["name_zh_cited"] == {"source": "names-report", "quote": "上海港集装箱吞吐量连续14年排名世界第一"}
    assert (record["name_zh_source"], record["name_zh"]) == ("names-report", "集装箱吞吐量")
    listed = json.loads(fc_reading("sources", "-f", "json", data=path).stdout)
    assert {s["id"]: s["cited_by"] for s in listed}["names-report"] == ["container-throughput"]
    own = json.loads(fc_reading("info", "全市生产总值", "-f", "json", data=path).stdout)
    assert own["id"] == "gdp-growth"
    assert own["name_zh_cited"] == {"source": "port-bulletin", "quote": "全年全市生产总值比上年增长5.0%"}
    unnamed = json.loads(fc_reading("info", "rd-intensity", "-f", "json", data=path).stdout)
    assert unnamed["name_zh"] is None and unnamed["name_zh_cited"] is None


TRUST = FIXTURES / "trust.toml"


def test_compare_does_not_report_a_census_revision_as_growth() -> None:
    result = fc_reading("compare", "2022", "2023", "--format", "json", data=TRUST)
    assert result.exit_code == 0, result.output
    (row,) = [r for r in json.loads(result.output)["rows"] if r["indicator"] == "gdp"]
    assert row["change"] is None and row["verdict"] == "not comparable"
    assert "fifth economic census" in row["footnote"]
    table = fc_reading("compare", "2022", "2023", data=TRUST)
    assert "not comparable" in table.output and "+15" not in table.output


def test_show_json_carries_marks_and_span() -> None:
    result = fc_reading("show", "economic", "--format", "json", data=TRUST)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert record["change"] is None and "fifth economic census" in record["change_note"]
    assert record["latest"]["vintage"] == "fifth economic census"


def test_fc_progress_lists_a_target_once_under_its_plan() -> None:
    result = fc_reading("progress", "--format", "json", data=TRUST)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert record["target"]["plan"] == "Sci-Tech Innovation Center 14th Five-Year Plan"
    assert record["target"]["corroborated_by"] == ["other"]
    assert (record["status"], record["provisional"]) == ("achieved", True)
    table = fc_reading("progress", "--format", "markdown", data=TRUST)
    title = "International Sci-Tech Innovation Center · Sci-Tech Innovation Center 14th Five-Year Plan (2021–2025)"
    assert f"### {title}" in table.output
    assert table.output.count("by 2025") == 1
