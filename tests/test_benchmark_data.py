"""The shipped benchmarks: the editions the issue asks for, and rank series that agree with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from fivecenters.core.model import Dataset
from fivecenters.core.validate import load_dataset

SHIPPED = Path(__file__).parents[1] / "indicators.toml"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SHIPPED)


def shanghai_years(dataset: Dataset, benchmark_id: str) -> set[int]:
    benchmark = dataset.benchmark(benchmark_id)
    assert benchmark is not None
    return {e.year for e in benchmark.editions if e.entry("Shanghai")}


def test_gfci_every_year_2016_to_2025(dataset: Dataset) -> None:
    assert set(range(2016, 2026)) <= shanghai_years(dataset, "gfci")


def test_xinhua_baltic_2019_to_2025_with_peer_scores(dataset: Dataset) -> None:
    assert set(range(2019, 2026)) <= shanghai_years(dataset, "xinhua-baltic")
    benchmark = dataset.benchmark("xinhua-baltic")
    assert benchmark is not None
    for edition in benchmark.editions:
        if edition.year in (2022, 2024, 2025):
            scored = {e.city for e in edition.entries if e.score is not None}
            assert {"Shanghai", "Singapore", "London"} <= scored, edition.name


def test_every_benchmark_has_a_chinese_name_and_shanghai(dataset: Dataset) -> None:
    assert len(dataset.benchmarks) >= 8
    for benchmark in dataset.benchmarks:
        assert benchmark.name_zh, benchmark.id
        assert shanghai_years(dataset, benchmark.id), benchmark.id


def test_the_cluster_rank_indicator_agrees_with_the_benchmark(dataset: Dataset) -> None:
    """wipo-cluster-rank stays a headline indicator; each of its years matches the benchmark's edition."""
    indicator, benchmark = dataset.indicator("wipo-cluster-rank"), dataset.benchmark("gii-clusters")
    assert indicator is not None and benchmark is not None
    places = {e.year: entry.rank for e in benchmark.editions if (entry := e.entry("Shanghai"))}
    series = {o.year: o.value for o in indicator.used_observations()}
    assert series and all(places[year] == value for year, value in series.items())


def test_rank_series_moved_into_benchmarks_are_gone(dataset: Dataset) -> None:
    for moved in ("gfci-rank", "shipping-center-index-rank", "pvg-cargo-rank"):
        assert dataset.indicator(moved) is None


def test_benchmark_sources_say_how_far_to_trust_them(dataset: Dataset) -> None:
    """A ranking read through another site (publisher "producer (via site)") says how far to trust the copy."""
    cited = {e.source for b in dataset.benchmarks for ed in b.editions for e in ed.entries}
    relayed = [s for s in map(dataset.source, cited) if s is not None and "(via " in s.publisher]
    assert len(relayed) >= 30
    assert all(s.url and s.reliability for s in relayed), [s.id for s in relayed if not s.reliability]


def test_indicators_carry_the_official_chinese_names_the_facts_give(dataset: Dataset) -> None:
    named = {i.id: i.name_zh for i in dataset.indicators if i.name_zh}
    assert named["gdp"] == "地区生产总值" and named["container-throughput"] == "集装箱吞吐量"
    assert len(named) >= 8
