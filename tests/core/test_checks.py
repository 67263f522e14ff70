"""Every check as a plain function: the corpus of broken files, cross-record rules, and open input."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fivecenters.core.checks import value_problems
from fivecenters.core.codes import Code
from fivecenters.core.load import DataError
from fivecenters.core.model import Indicator, adapter
from fivecenters.core.problems import Report
from fivecenters.core.validate import check_document, load_dataset, validate_file
from tests.support.base import (
    BASE_DATA,
    BASE_STATS,
    BASE_TOML,
    WriteData,
    line_of,
    problem_lines,
    replace_once,
    report_for,
)
from tests.support.benchmark import BENCHMARK_CASES
from tests.support.defects import DEFECTS, ONE_INDICATOR, Defect


def test_base_data_is_clean(write_data: WriteData) -> None:
    report, dataset = validate_file(write_data())
    assert report.problems == []
    assert report.passed(strict=True)
    assert report.stats == BASE_STATS
    assert dataset is not None
    assert [i.id for i in dataset.indicators] == [i["id"] for i in BASE_DATA["indicators"]]


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.name)
def test_corpus(write_data: WriteData, defect: Defect) -> None:
    report, dataset = validate_file(write_data(defect.text()))
    assert problem_lines(report) == defect.expected_problems()
    assert all(p.column is not None and p.column >= 1 for p in report.problems)
    assert (dataset is None) == defect.has_errors


def test_corpus_covers_every_check_code() -> None:
    """Every registry code a record or dataset can produce has a case (file-level codes are in test_load;
    the benchmarks' cases, in test_benchmark_checks)."""
    file_level = {"file-not-found", "not-a-file", "not-utf8", "empty-file", "byte-order-mark", "file-too-large"}
    covered = {e.code for d in DEFECTS for e in d.expected} | {e.code for *_, found in BENCHMARK_CASES for e in found}
    documents = {"document-outside-repository", "document-not-regular-file", "document-too-large"}  # hostile docs
    assert covered == set(Code) - file_level - documents - {"unreadable-file"}
    assert len(DEFECTS) >= 25


def test_problems_are_sorted_by_position(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "deadline = 2030", "deadline = 2101")
    text = replace_once(text, 'kind = "flow"', 'kind = "flows"')
    future = f"published = {dt.date.today().year + 1}-07-09"
    text = replace_once(text, "published = 2021-07-09", future)
    report = report_for(write_data(text))
    lines = [p.line for p in report.problems]
    assert lines == sorted(lines)
    assert lines == [
        line_of(text, future),
        line_of(text, 'kind = "flows"'),
        line_of(text, "deadline = 2101"),
    ]


def test_an_indicator_holding_only_targets_is_not_a_stub(write_data: WriteData) -> None:
    """Plans set targets before data is found: such an indicator is not warned about; an empty one is."""
    target = """
[[indicators.targets]]
value = 12
comparator = "at-least"
deadline = 2030
source = "shipping-plan"
quote = "at least 47 million 20-foot equivalent units (TEUs) by 2025"
"""
    stub = BASE_TOML + ONE_INDICATOR.format(id="port-trade")
    assert [p.code for p in report_for(write_data(stub)).problems] == ["no-observations"]
    with_target = stub + target
    report = report_for(write_data(with_target))
    assert [p.code for p in report.problems if p.code == "no-observations"] == []


def test_a_bad_record_does_not_hide_the_others(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, 'kind = "flow"', 'kind = "flows"')
    text = replace_once(text, "value = 4.4\n", "value = 440\n")
    text = replace_once(text, 'direction = "lower"', 'direction = "down"')
    assert problem_lines(report_for(write_data(text))) == [
        ("invalid-value", line_of(text, 'kind = "flows"')),
        ("percent-out-of-range", line_of(text, "value = 440")),
        ("invalid-value", line_of(text, 'direction = "down"')),
    ]


def test_check_document_takes_today(tmp_path: Path) -> None:
    """The year limits follow the date given, not the clock."""
    raw = tomllib.loads(BASE_TOML)
    latest = max(o["year"] for i in raw["indicators"] for o in i.get("observations", []))
    report, dataset = check_document(raw, BASE_TOML, "data.toml", tmp_path, today=dt.date(latest - 1, 12, 31))
    assert dataset is None
    codes = {p.code for p in report.problems}
    assert "year-out-of-range" in codes


def test_load_dataset_raises_with_the_errors_only(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")
    text = replace_once(text, 'comparator = "at-least"', 'comparator = "at-most"')  # a warning
    path = write_data(text)
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert caught.value.file == str(path)
    assert sorted(p.code for p in caught.value.problems) == ["missing-field", "unknown-key"]


def test_load_dataset_returns_the_dataset(write_data: WriteData) -> None:
    dataset = load_dataset(write_data())
    throughput = dataset.indicator("container-throughput")
    assert throughput is not None
    assert [o.year for o in throughput.used_observations()] == sorted(
        o["year"] for o in BASE_DATA["indicators"][0]["observations"]
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("sources = 1\nindicators = []\n", "wrong-type"),
        ("sources = [1, 2]\n", "wrong-type"),
        ("title = 'no records'\n", "unknown-key"),
    ],
)
def test_top_level_shape(write_data: WriteData, content: str, code: str) -> None:
    report = report_for(write_data(content))
    assert code in {p.code for p in report.problems}
    assert all(p.code in set(Code) for p in report.problems)
    assert not report.passed()


# --- open input ---------------------------------------------------------------------------------


def assert_sound(report: Report, text: str) -> None:
    """A report for any input: known codes, real severities, lines inside the file."""
    assert isinstance(report, Report)
    line_count = text.count("\n") + 1
    for problem in report.problems:
        assert problem.code in set(Code), problem
        assert problem.severity in ("error", "warning")
        assert problem.message
        assert problem.line is None or 1 <= problem.line <= line_count, problem


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_validate_never_raises_on_any_text(write_data: WriteData, text: str) -> None:
    path = write_data(text)  # the same file, rewritten for each example
    assert_sound(report_for(path), text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=BASE_TOML.count("\n")), st.text(max_size=40))
def test_validate_never_raises_on_a_line_of_noise(write_data: WriteData, at: int, noise: str) -> None:
    rows = BASE_TOML.split("\n")
    text = "\n".join([*rows[:at], noise, *rows[at:]])
    assert_sound(report_for(write_data(text)), text)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in _leaves(value, (*path, index))]
    return [path]


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


LEAVES = _leaves(BASE_DATA)
toml_values = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=30),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(LEAVES), toml_values)
def test_validate_never_raises_on_any_value(write_data: WriteData, leaf: tuple[Any, ...], value: Any) -> None:
    """Any value of any TOML type in any place of a valid file: a report, never an exception."""
    text = tomli_w.dumps(_replaced(BASE_DATA, leaf, value))
    report = report_for(write_data(text))
    assert_sound(report, text)
    original: Any = BASE_DATA
    for key in leaf:
        original = original[key]
    numbers = {int, float}
    if type(value) is not type(original) and not {type(value), type(original)} <= numbers:
        assert report.errors, f"{value!r} passed where {original!r} was"
        assert all(p.line is not None for p in report.errors)


# --- values for kinds and units -----------------------------------------------------------------


def indicator(kind: str, unit: str) -> Indicator:
    return adapter(Indicator).validate_python(
        {**BASE_DATA["indicators"][0], "kind": kind, "unit": unit, "observations": [], "targets": []}
    )


@pytest.mark.parametrize(
    ("kind", "unit", "value", "codes"),
    [
        ("flow", "million TEU", 0, []),
        ("flow", "million TEU", -1, ["negative-value"]),
        ("stock", "institutions", -0.5, ["negative-value"]),
        ("growth", "%", -12.5, []),
        ("growth", "%", 250, []),  # growth may exceed 100 %
        ("ratio", "%", 100, []),
        ("ratio", "%", 100.5, ["percent-out-of-range"]),
        ("ratio", "per 10,000 people", 150, []),  # only a % unit is capped
        ("ratio", "%", -1, ["negative-value"]),
        ("rank", "place", 1, []),
        ("rank", "place", 0, ["invalid-rank"]),
        ("rank", "place", 2.5, ["invalid-rank"]),
        ("rank", "place", -3, ["invalid-rank"]),
        ("flow", "million TEU", math.nan, ["not-finite"]),
        ("growth", "%", -math.inf, ["not-finite"]),
        ("rank", "place", math.inf, ["not-finite"]),
    ],
)
def test_value_problems(kind: str, unit: str, value: float, codes: list[str]) -> None:
    assert [code for code, _ in value_problems(indicator(kind, unit), value)] == codes
