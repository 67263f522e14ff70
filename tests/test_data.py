"""The shipped data: valid with no warnings, canonical, and as complete as the foundation issue asks."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from fivecenters.core.canonical import format_text
from fivecenters.core.centers import Center
from fivecenters.core.lookup import chartable_named, indicator_named
from fivecenters.core.model import Dataset, Status
from fivecenters.core.quotes import name_evidence
from fivecenters.core.validate import load_dataset, validate_file
from tests.support.run import fc

SHIPPED = Path(__file__).parents[1] / "indicators.toml"
# The headline indicators the issue names, each needing 2022, 2023 and 2024 values.
HEADLINES = {
    "gdp",
    "financial-market-turnover",
    "licensed-financial-institutions",
    "port-trade",
    "foreign-capital",
    "container-throughput",
    "airport-cargo",
    "rd-ratio",
    "high-value-patents",
    "wipo-cluster-rank",
    "regional-hq",
    "foreign-rd-centers",
}

# Indicators for which no source found states a Chinese name (README, "The data"): left unnamed, not translated.
UNNAMED = {
    "sei-value-added-share",  # stated only in traditional characters
    "national-projects-led",  # stated only in traditional characters
    "g60-tech-contract-share",  # stated only in traditional characters
    "direct-financing-national-share",
    "pe-vc-fund-scale",  # stated only in generic words
    "pe-vc-funds",  # stated only in generic words
    "star-shanghai-market-value",  # stated only in generic words
    "cruise-passengers-wusongkou",  # stated only in generic words
    "leading-industries-talent",
    "national-research-platforms",
    "talent-introduced",
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SHIPPED)


def test_shipped_data_passes_strict_validation() -> None:
    report, _ = validate_file(SHIPPED)
    assert [p.format(report.file) for p in report.problems] == []
    assert fc("validate", "--strict", SHIPPED).exit_code == 0


def test_shipped_data_is_canonical() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert format_text(text, SHIPPED) == text


def test_enough_indicators_in_every_center(dataset: Dataset) -> None:
    per_center = Counter(i.center for i in dataset.indicators)
    assert len(dataset.indicators) >= 30
    assert all(per_center[center] >= 4 for center in Center), per_center


def test_headline_indicators_have_2022_to_2024(dataset: Dataset) -> None:
    marked = {i.id for i in dataset.indicators if i.headline}
    assert marked == HEADLINES
    for indicator_id in HEADLINES:
        indicator = dataset.indicator(indicator_id)
        assert indicator is not None
        years = {o.year for o in indicator.used_observations()}
        assert {2022, 2023, 2024} <= years, f"{indicator_id} lacks {sorted({2022, 2023, 2024} - years)}"


def test_seed_documents_are_cited(dataset: Dataset) -> None:
    """Unused sources are a validation warning, so every source with a document is cited by something."""
    documents = {s.document for s in dataset.sources if s.document}
    seeds = {f"seeds/{p.name}" for p in (SHIPPED.parent / "seeds").glob("*.txt")}
    assert "seeds/2024-03-28-scio-press-conference.txt" in documents
    assert documents <= seeds


def test_derived_values_name_their_inputs(dataset: Dataset) -> None:
    derived = [o for i in dataset.indicators for o in i.observations if o.status is Status.DERIVED]
    assert derived, "the shipped data has derived values; each must say what it is derived from"
    assert all(o.derived_from and o.note for o in derived)


def test_revisions_keep_one_used_value(dataset: Dataset) -> None:
    for indicator in dataset.indicators:
        by_year = Counter(o.year for o in indicator.observations)
        for year, count in by_year.items():
            if count > 1:
                used = [o for o in indicator.observations if o.year == year and o.used]
                assert len(used) == 1, (indicator.id, year)


def test_every_chinese_name_is_cited_and_only_the_known_gaps_are_unnamed(dataset: Dataset) -> None:
    """A name filled in, or a new indicator left unnamed, updates UNNAMED and the README's list of gaps."""
    assert {i.id for i in dataset.indicators if i.name_zh is None} == UNNAMED
    named = [r for r in [*dataset.indicators, *dataset.benchmarks] if r.name_zh]
    assert len(named) == len(dataset.indicators) - len(UNNAMED) + len(dataset.benchmarks)
    assert [r.id for r in named if name_evidence(r) is None] == []


# Indicators that are one official statistic printed two ways, so share its Chinese name.
SHARED_NAMES = {"实际使用外资": ["foreign-capital", "foreign-capital-printed-yuan"]}


def test_every_chinese_name_finds_its_own_record(dataset: Dataset) -> None:
    """Names are distinct but for SHARED_NAMES, so `fc info 外贸进出口总额` or `fc chart 全球金融中心指数`
    finds one record, and a shared name asks for the id rather than picking one."""
    names = Counter(r.name_zh for r in [*dataset.indicators, *dataset.benchmarks] if r.name_zh)
    assert {name for name, count in names.items() if count > 1} == set(SHARED_NAMES)
    for indicator in dataset.indicators:
        if indicator.name_zh and indicator.name_zh not in SHARED_NAMES:
            assert indicator_named(dataset, indicator.name_zh) is indicator
    for name, ids in SHARED_NAMES.items():
        assert [i.id for i in dataset.indicators if i.name_zh == name] == ids
        shared = fc("info", name, "--data", SHIPPED)
        assert (shared.exit_code, shared.stderr) == (
            2,
            f"fc: error: '{name}' names more than one: {', '.join(ids)}. Give the id of the one you mean.\n",
        )
    for benchmark in dataset.benchmarks:
        assert benchmark.name_zh and chartable_named(dataset, benchmark.name_zh) is benchmark
    result = fc("info", "航空旅客吞吐量", "--data", SHIPPED, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "air-passengers"
