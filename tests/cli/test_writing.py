"""fc add, add-source, add-target, add-indicator and fmt: what they write and what they refuse."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from fivecenters.core.canonical import format_text
from tests.support.run import fc, fc_command, fc_process
from tests.support.sample import SAMPLE, added_indicator, added_observation, assert_valid, errors_of, make_data


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def indicator(path: Path, indicator_id: str) -> dict[str, Any]:
    return next(i for i in load(path)["indicators"] if i["id"] == indicator_id)


def observations(path: Path, indicator_id: str = "gdp") -> list[dict[str, Any]]:
    return indicator(path, indicator_id).get("observations", [])


def assert_canonical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)) == text


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data(tmp_path)


# --- Writes that pass ------------------------------------------------------


def test_add_records_an_observation(data: Path) -> None:
    result = fc(
        *added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024", "--note", "First release."), "--data", data
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"added gdp 2024 = 5.39 in {data}\n"
    assert observations(data)[-1] == {
        "year": 2024,
        "value": 5.39,
        "source": "port-bulletin",
        "quote": "GDP reached 5.39 trillion yuan in 2024",
        "note": "First release.",
    }
    assert_valid(data)
    assert_canonical(data)


def test_add_keeps_whole_numbers_and_takes_every_option(data: Path) -> None:
    result = fc(
        *added_observation("51", "The port handled 51.5 million TEUs in 2024", indicator="container-throughput"),
        "--qualifier",
        "More-Than",
        "--status",
        "estimate",
        "--data",
        data,
    )
    assert result.exit_code == 0, result.output
    added = observations(data, "container-throughput")[-1]
    assert added["value"] == 51 and isinstance(added["value"], int)
    assert (added["qualifier"], added["status"]) == ("more-than", "estimate")


def test_add_a_derived_value(data: Path) -> None:
    result = fc(
        *added_observation("0.92", "GDP reached 4.47 trillion yuan in 2022", year=2021),
        "--status",
        "derived",
        "--derived-from",
        "gdp 2022 (4.47)",
        "--derived-from",
        "growth in 2022",
        "--data",
        data,
    )
    assert result.exit_code == 0, result.output
    assert observations(data)[0]["derived_from"] == ["gdp 2022 (4.47)", "growth in 2022"]


def test_a_revision_supersedes_the_earlier_value(data: Path) -> None:
    result = fc(
        *added_observation("4.5", "GDP reached 4.47 trillion yuan in 2022", "--revision", year=2022), "--data", data
    )
    assert result.exit_code == 0, result.output
    first, second = observations(data)
    assert (first["value"], first["revision"], first["used"]) == (4.47, True, False)
    assert (second["value"], second["revision"], second.get("used", True)) == (4.5, True, True)
    assert_valid(data)


def test_an_unused_revision_keeps_the_earlier_value(data: Path) -> None:
    args = added_observation("4.5", "GDP reached 4.47 trillion yuan in 2022", "--revision", "--unused", year=2022)
    assert fc(*args, "--data", data).exit_code == 0
    first, second = observations(data)
    assert (first["revision"], first.get("used", True)) == (True, True)
    assert (second["revision"], second["used"]) == (True, False)
    assert_valid(data)


def test_new_warnings_are_shown_but_do_not_stop_the_write(data: Path) -> None:
    result = fc(*added_observation("5.5", "GDP reached 5.39 trillion yuan in 2024"), "--data", data)
    assert result.exit_code == 0
    assert "warning value-not-in-quote: value 5.5 does not appear in its quote" in result.stderr
    assert f"{data}:" in result.stderr  # positions refer to the file as written


def test_add_source(data: Path) -> None:
    result = fc(
        "add-source",
        "nbs-2025",
        "--title",
        "Statistical communiqué",
        "--publisher",
        "Shanghai Bureau of Statistics",
        "--language",
        "zh",
        "--published",
        "2025-03-01",
        "--url",
        "https://example.org/c",
        "--data",
        data,
    )
    assert result.exit_code == 0, result.output
    source = next(s for s in load(data)["sources"] if s["id"] == "nbs-2025")
    assert source["published"].isoformat() == "2025-03-01"
    assert "warning unused-source" in result.stderr
    assert_valid(data)


def test_add_target(data: Path) -> None:
    result = fc(
        "add-target",
        "gdp",
        "6",
        "--comparator",
        "at-least",
        "--deadline",
        "2030",
        "--source",
        "plan-2021",
        "--quote",
        "GDP to exceed 6 trillion yuan by 2030",
        "--set-in",
        "2021",
        "--baseline-year",
        "2020",
        "--baseline-value",
        "3.87",
        "--label",
        "Plan",
        "--data",
        data,
    )
    assert result.exit_code == 0, result.output
    assert indicator(data, "gdp")["targets"] == [
        {
            "value": 6,
            "comparator": "at-least",
            "deadline": 2030,
            "set_in": 2021,
            "baseline_year": 2020,
            "baseline_value": 3.87,
            "label": "Plan",
            "source": "plan-2021",
            "quote": "GDP to exceed 6 trillion yuan by 2030",
        }
    ]


def test_add_indicator_then_a_negative_value(data: Path) -> None:
    result = fc(*added_indicator("gdp-growth", "Economy", "--headline", unit="%", kind="growth"), "--data", data)
    assert result.exit_code == 0, result.output
    assert indicator(data, "gdp-growth")["center"] == "economic"
    assert [i["id"] for i in load(data)["indicators"]] == ["gdp", "gdp-growth", "container-throughput"]
    assert "warning no-observations" in result.stderr
    result = fc("add", "gdp-growth", "2020", "-0.3", "--source", "plan-2021", "--quote", "fell 0.3%", "--data", data)
    assert result.exit_code == 0, result.output
    assert observations(data, "gdp-growth") == [
        {"year": 2020, "value": -0.3, "source": "plan-2021", "quote": "fell 0.3%"}
    ]
    assert_valid(data)


def test_add_indicator_with_its_chinese_name_and_the_words_stating_it(data: Path) -> None:
    cited = ["--name-zh", "外贸进出口总额", "--name-zh-source", "plan-2021"]
    result = fc(
        *added_indicator("trade", "trade", *cited, "--name-zh-quote", "外贸进出口总额达到4.27万亿元"), "--data", data
    )
    assert result.exit_code == 0, result.output
    written = indicator(data, "trade")
    assert list(written)[:6] == ["id", "center", "name", "name_zh", "name_zh_source", "name_zh_quote"]
    assert written["name_zh_quote"] == "外贸进出口总额达到4.27万亿元"
    assert fc("info", "外贸进出口总额", "--data", data, "-f", "json").exit_code == 0
    assert_canonical(data)


def test_add_indicator_warns_of_a_name_its_quote_does_not_hold(data: Path) -> None:
    cited = ["--name-zh", "货物进出口总额", "--name-zh-source", "plan-2021", "--name-zh-quote", "外贸进出口总额"]
    result = fc(*added_indicator("trade", "trade", *cited), "--data", data)
    assert result.exit_code == 0, result.output
    assert "warning chinese-name-not-in-quote: '货物进出口总额' does not appear in name_zh_quote" in result.stderr


def test_the_data_file_can_come_from_the_environment(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FC_DATA", str(data))
    assert fc(*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024")).exit_code == 0
    assert observations(data)[-1]["year"] == 2024


# --- Writes that are refused ------------------------------------------------

REFUSED = {
    "chinese name without its words": (
        added_indicator("trade", "trade", "--name-zh", "外贸进出口总额", "--name-zh-source", "plan-2021"),
        1,
        "error incomplete-name-citation: name_zh_source needs name_zh_quote",
    ),
    "unknown source": (
        ["add", "gdp", "2024", "5.39", "--source", "nowhere", "--quote", "GDP reached 5.39 trillion yuan in 2024"],
        1,
        "error unknown-source: cites source 'nowhere', which is not in [[sources]]",
    ),
    "duplicate year": (
        added_observation("4.5", "GDP reached 4.47 trillion yuan in 2022", year=2022),
        1,
        "already has 2022: 4.47 from 'port-bulletin'; pass --revision",
    ),
    "revision of nothing": (
        added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024", "--revision"),
        1,
        "has no observation for 2024 to revise",
    ),
    "quote not in document": (
        added_observation("5.39", "GDP soared to 5.39 trillion yuan"),
        1,
        "error quote-not-in-document: quote not found in port-bulletin.txt",
    ),
    "future year": (
        added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024", year=2999),
        1,
        "error year-out-of-range",
    ),
    "negative flow": (added_observation("-5", "GDP reached 4.47 trillion yuan in 2022"), 1, "error negative-value"),
    "control character": (added_observation("5.39", "GDP \x1b[31m5.39"), 1, "error control-character"),
    "derived without inputs": (
        added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024", "--status", "derived"),
        1,
        "error derived-without-inputs",
    ),
    "unknown indicator": (
        added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024", indicator="gpd"),
        2,
        "unknown indicator 'gpd'. Did you mean 'gdp'?",
    ),
    "not a number": (added_observation("5.3.9", "q"), 2, "'5.3.9' is not a number"),
    "bad status": (added_observation("5.39", "q", "--status", "final-ish"), 2, "'final-ish' is not one of: final"),
    "duplicate source": (
        ["add-source", "plan-2021", "--title", "T", "--publisher", "P", "--language", "en", "--url", "u"],
        1,
        "error duplicate-id: source id 'plan-2021' is already used",
    ),
    "source without location": (
        ["add-source", "new-one", "--title", "T", "--publisher", "P", "--language", "en"],
        1,
        "error source-without-location",
    ),
    "bad date": (
        ["add-source", "new-one", "--title", "T", "--publisher", "P", "--language", "en", "--published", "2024-13-01"],
        2,
        "Invalid value for '--published'",
    ),
    "bad id": (
        added_indicator("Bad Id", "trade"),
        1,
        "error invalid-id",
    ),
    "unknown center": (
        added_indicator("x", "moon"),
        2,
        "unknown center 'moon'",
    ),
    "target on unknown indicator": (
        [
            "add-target",
            "nope",
            "1",
            "--comparator",
            "about",
            "--deadline",
            "2030",
            "--source",
            "plan-2021",
            "--quote",
            "q",
        ],
        2,
        "unknown indicator 'nope'",
    ),
    "incomplete baseline": (
        [
            "add-target",
            "gdp",
            "6",
            "--comparator",
            "about",
            "--deadline",
            "2030",
            "--source",
            "plan-2021",
            "--quote",
            "6 by 2030",
            "--baseline-year",
            "2020",
        ],
        1,
        "error incomplete-baseline",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_writes_leave_the_file_byte_for_byte(tmp_path: Path, case: str) -> None:
    args, code, message = REFUSED[case]
    # Not canonical, with comments: any write at all would show.
    path = make_data(tmp_path, "# curated by hand\n" + SAMPLE.replace("\n\n", "\n\n\n"))
    before = path.read_bytes()
    result = fc(*args, "--data", path)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_refusal_names_every_error_and_says_nothing_was_written(data: Path) -> None:
    result = fc(*added_observation("-5", "GDP \x1b[1m"), "--data", data)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"fc: refused: the result would not pass fc validate; {data} is unchanged"
    assert {line.split(" ")[2].rstrip(":") for line in lines[:-1]} == {
        "control-character",
        "negative-value",
        "quote-not-in-document",
    }
    assert all(line.startswith(f"{data}: error ") for line in lines[:-1])
    assert "\x1b" not in result.stderr


def test_a_broken_file_is_not_touched(tmp_path: Path) -> None:
    path = make_data(tmp_path, SAMPLE + "[[sources]\n")
    before = path.read_bytes()
    result = fc(*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data", path)
    assert result.exit_code == 1
    assert "error toml-syntax" in result.stderr
    assert path.read_bytes() == before


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = fc(*added_observation("5.39", "q"), "--data", tmp_path / "none.toml")
    assert result.exit_code == 1
    assert "error file-not-found: no such file" in result.stderr
    assert "Traceback" not in result.output


# --- Concurrency ------------------------------------------------------------


def test_twenty_concurrent_adds_are_all_kept(data: Path) -> None:
    years = range(2000, 2020)
    processes = [
        subprocess.Popen(
            fc_command(
                "add",
                "container-throughput",
                year,
                f"{year - 1950}.5",
                "--source",
                "plan-2021",
                "--quote",
                f"{year - 1950}.5 million TEUs in {year}",
                "--data",
                data,
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for year in years
    ]
    outcomes = [(p.wait(timeout=300), p.communicate()) for p in processes]
    assert [code for code, _ in outcomes] == [0] * 20, outcomes
    assert_valid(data)
    recorded = {o["year"]: o["value"] for o in observations(data, "container-throughput")}
    assert recorded == {2023: 49, **{year: year - 1950 + 0.5 for year in years}}
    assert_canonical(data)


# --- fc fmt -----------------------------------------------------------------


def test_fmt_check_passes_a_canonical_file(data: Path) -> None:
    result = fc("fmt", "--check", data)
    assert (result.exit_code, result.output) == (0, "")


def test_fmt_check_shows_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    path = make_data(
        tmp_path,
        SAMPLE.replace('title = "Shipping center plan"\n', "", 1).replace(
            'language = "en"\n', 'language = "en"\ntitle = "Shipping center plan"\n', 1
        ),
    )
    before = path.read_bytes()
    result = fc("fmt", "--check", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [f"--- {path}", f"+++ {path} (canonical)"]
    assert '-title = "Shipping center plan"' in result.stdout.splitlines()
    assert f"{path} is not in canonical form" in result.stderr
    assert path.read_bytes() == before


def test_fmt_rewrites_in_place_keeping_the_mode(tmp_path: Path) -> None:
    path = make_data(tmp_path, "# by hand\n" + SAMPLE.replace("\n\n", "\n"))
    path.chmod(0o600)
    result = fc("fmt", "--data", path)
    assert (result.exit_code, result.stdout) == (0, f"reformatted {path}\n")
    assert path.read_text(encoding="utf-8") == "# by hand\n" + SAMPLE
    assert path.stat().st_mode & 0o777 == 0o600
    assert fc("fmt", path).stdout == f"already canonical: {path}\n"
    assert fc("fmt", "--check", path).exit_code == 0


def test_fmt_reports_a_file_that_does_not_parse_in_one_line(tmp_path: Path) -> None:
    good = make_data(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]\n", encoding="utf-8")
    result = fc("fmt", "--check", bad, good)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{bad}:1:10: error toml-syntax: invalid TOML: ")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("check", [True, False])
def test_fmt_leaves_a_file_with_errors_to_fc_validate(tmp_path: Path, check: bool) -> None:
    text = SAMPLE.replace('unit = "trillion yuan"', 'unit = "trillion yuan"\nvlaue = 3').replace("\n\n", "\n")
    path = make_data(tmp_path, text)
    assert errors_of(path)
    result = fc("fmt", *(["--check"] if check else []), path)
    assert result.exit_code == 1
    assert (result.stdout, result.stderr) == ("", f"fc: {path} does not pass fc validate (1 error); not formatted\n")
    assert path.read_text(encoding="utf-8") == text


def test_fmt_output_escapes_control_characters(tmp_path: Path) -> None:
    path = make_data(tmp_path, SAMPLE.replace('name = "Gross domestic product"', 'name = "GDP \\u001b[31m"') + "\n")
    result = fc("fmt", "--check", path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output


# --- Packaging ---------------------------------------------------------------


def test_a_real_process_exits_2_on_usage_errors(data: Path) -> None:
    result = fc_process("add", "gdp", "2024", "--data", data)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
