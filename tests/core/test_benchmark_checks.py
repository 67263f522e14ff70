"""Benchmarks in the data file: what validates, each located problem, and the canonical form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.canonical import canonical_text, format_text
from fivecenters.core.load import parse_toml
from fivecenters.core.validate import validate_file
from tests.support.base import BASE_STATS, WriteData, replace_once, report_for
from tests.support.benchmark import BENCHMARK_CASES, BENCHMARK_TOML, WITH_BENCHMARK
from tests.support.defects import Expect

NEXT_YEAR = dt.date.today().year + 1


def test_a_benchmark_validates_and_is_counted(write_data: WriteData) -> None:
    report, dataset = validate_file(write_data(WITH_BENCHMARK))
    assert report.problems == []
    assert report.stats == {**BASE_STATS, "benchmarks": 1, "editions": 3}
    assert dataset is not None
    benchmark = dataset.benchmark("clusters")
    assert benchmark is not None and benchmark.name_zh == "科技集群排名"
    assert [e.name for e in benchmark.editions] == ["Clusters 2018", "Clusters 2022", "Clusters 2023"]
    assert benchmark.editions[1].entry("Shanghai").outside_top == 5  # type: ignore[union-attr]
    # A benchmark's citations count: both sources are cited by it too.
    assert dataset.citations()["shipping-plan"] == ["container-throughput", "clusters"]


@pytest.mark.parametrize(("name", "edits", "expected"), BENCHMARK_CASES, ids=[c[0] for c in BENCHMARK_CASES])
def test_problems_are_located(
    write_data: WriteData, name: str, edits: list[tuple[str, str]], expected: list[Expect]
) -> None:
    text = WITH_BENCHMARK
    for old, new in edits:
        text = replace_once(text, old, new)
    report, dataset = validate_file(write_data(text))
    wanted = sorted(((e.code, e.line(text)) for e in expected), key=lambda p: (p[1], p[0]))
    assert [(p.code, p.line) for p in report.problems] == wanted
    assert (dataset is None) == any(p.severity == "error" for p in report.problems)


def test_citations_of_an_invalid_benchmark_still_count(write_data: WriteData) -> None:
    """A benchmark that fails to validate must not make the sources only it cites look unused."""
    source = (
        '\n[[sources]]\nid = "only-here"\ntitle = "T"\npublisher = "P"\nurl = "https://example.org/"\nlanguage = "en"\n'
    )
    text = replace_once(
        WITH_BENCHMARK,
        'source = "shipping-plan"\nquote = "Shanghai came ninth"',
        'source = "only-here"\nquote = "Shanghai came ninth"',
    )
    assert report_for(write_data(text + source)).problems == []
    text = replace_once(text, 'frequency = "yearly"', 'frequency = "often"')
    assert [p.code for p in report_for(write_data(text + source)).problems] == ["invalid-value"]


def test_canonical_form_orders_benchmarks_and_round_trips() -> None:
    # Editions in reverse: canonical form puts them back in order.
    parts = BENCHMARK_TOML.split("\n[[benchmarks.editions]]")
    reversed_text = parts[0] + "".join("\n[[benchmarks.editions]]" + p for p in reversed(parts[1:]))
    canonical = format_text(reversed_text, "x.toml")
    assert canonical == format_text(BENCHMARK_TOML, "x.toml")
    assert format_text(canonical, "x.toml") == canonical
    data = parse_toml(canonical, "x.toml")
    editions = data["benchmarks"][0]["editions"]
    assert [e["name"] for e in editions] == ["Clusters 2018", "Clusters 2022", "Clusters 2023"]
    assert [e["city"] for e in editions[2]["entries"]] == ["Beijing", "Shanghai"]
    assert canonical_text(data) == canonical
    # Defaults are left out: from_order = false is not written.
    assert "from_order = false" not in format_text(canonical.replace("from_order = true", "from_order = false"), "x")


def test_entries_order_by_place_bounds_after_ranks_scores_last() -> None:
    text = """
[[benchmarks]]
id = "b"

[[benchmarks.editions]]
name = "e"

[[benchmarks.editions.entries]]
city = "Only a score"
score = 1.0

[[benchmarks.editions.entries]]
city = "Outside the top five"
outside_top = 5

[[benchmarks.editions.entries]]
city = "Sixth"
rank = 6

[[benchmarks.editions.entries]]
city = "Fifth"
rank = 5
"""
    entries = parse_toml(format_text(text, "x"), "x")["benchmarks"][0]["editions"][0]["entries"]
    assert [e["city"] for e in entries] == ["Fifth", "Outside the top five", "Sixth", "Only a score"]


PLACES = st.one_of(
    st.builds(dict, rank=st.integers(1, 200)),
    st.builds(dict, outside_top=st.integers(1, 200)),
    st.builds(dict, score=st.floats(0, 1000, allow_nan=False)),
)


@given(st.lists(st.tuples(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1), PLACES)))
def test_canonical_order_of_entries_does_not_depend_on_the_file(cities: list[tuple[str, dict[str, Any]]]) -> None:
    """Any entries in any order: one canonical text, which is its own canonical form."""
    entries = [{"city": city, **place, "source": "s", "quote": "q"} for city, place in cities]
    data = {"benchmarks": [{"id": "b", "editions": [{"name": "e", "year": 2020, "entries": entries}]}]}
    reversed_data = {"benchmarks": [{"id": "b", "editions": [{"name": "e", "year": 2020, "entries": entries[::-1]}]}]}
    text = canonical_text(data)
    assert format_text(text, "x") == text
    if len({city for city, _ in cities}) == len(cities):  # entries differing only in city tie-break by city
        assert canonical_text(reversed_data) == text
