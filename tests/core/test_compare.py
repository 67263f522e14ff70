"""Changes between two values and year-to-year comparisons (fivecenters.compare)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.compare import Measure, Verdict, change_between, compare_years, latest_as_of, value_in
from fivecenters.core.lookup import UnknownName
from fivecenters.core.model import Direction, Kind
from fivecenters.output.formatting import change_cell, change_text, ordinal
from tests.support.reading import fixture_indicator, make_indicator, obs, reading_dataset, used_value


def test_container_throughput_change_2022_to_2023() -> None:
    indicator = fixture_indicator("container-throughput")
    before, after = used_value(indicator, 2022), used_value(indicator, 2023)
    change = change_between(indicator, before, after)
    expected = after.value - before.value
    assert expected > 0, "the fixture should show a rise"
    assert change.absolute == pytest.approx(expected)
    assert change.relative == pytest.approx(expected / before.value)
    assert change.measure is Measure.RELATIVE
    assert change.verdict is Verdict.IMPROVED
    assert change.to_dict()["from_year"] == 2022
    assert change.to_dict()["to_year"] == 2023


def test_rd_ratio_changes_in_percentage_points() -> None:
    indicator = fixture_indicator("rd-ratio")
    before, after = used_value(indicator, 2022), used_value(indicator, 2023)
    change = change_between(indicator, before, after)
    assert change.measure is Measure.PERCENTAGE_POINTS
    # Rounded: 4.4 - 4.2 is 0.20000000000000018 in floating point.
    assert change.absolute == round(after.value - before.value, 9)
    text = change_text(change)
    assert text.endswith(" pp")
    assert "%" not in text, "a change of a percentage is in points, not a percent of a percent"
    assert float(text.removesuffix(" pp")) == pytest.approx(after.value - before.value, abs=5e-4)


def test_wipo_rank_changes_in_places() -> None:
    indicator = fixture_indicator("wipo-rank")
    before, after = used_value(indicator, 2022), used_value(indicator, 2023)
    places = int(before.value - after.value)
    assert places > 0, "the fixture should show a rank moving up"
    change = change_between(indicator, before, after)
    assert change.measure is Measure.PLACES
    assert change.verdict is Verdict.IMPROVED  # a smaller rank number is a better place
    expected = f"{ordinal(int(before.value))} → {ordinal(int(after.value))}, up {places}"
    assert change_text(change) == expected
    # The arrow follows the place, as the words do.
    assert change_cell(change, separator=" ").text == f"▲ {expected}"
    assert change_cell(change).style == "good"

    back = change_between(indicator, after, before)
    assert back.verdict is Verdict.WORSENED
    assert change_cell(back).text == f"▼ {ordinal(int(after.value))} → {ordinal(int(before.value))}, down {places}"


def test_lower_is_better_value_falling_is_improvement() -> None:
    indicator = make_indicator(kind=Kind.RATIO, direction=Direction.LOWER, unit="tonnes per 10,000 yuan")
    change = change_between(indicator, obs(2022, 0.5), obs(2023, 0.4))
    assert change.verdict is Verdict.IMPROVED
    assert change.absolute == pytest.approx(-0.1)
    # A value's arrow shows the value's movement; its colour says whether that is good.
    assert change_cell(change).text.startswith("▼ ")
    assert change_cell(change).style == "good"


def test_equal_values_are_unchanged() -> None:
    indicator = make_indicator()
    change = change_between(indicator, obs(2022, 47.3), obs(2023, 47.3))
    assert change.verdict is Verdict.UNCHANGED
    assert change.absolute == 0
    assert change_cell(change).text.startswith("→ ")


def test_change_from_zero_has_no_relative_change() -> None:
    indicator = make_indicator(kind=Kind.GROWTH, unit="percent")
    change = change_between(indicator, obs(2022, 0.0), obs(2023, 2.0))
    assert change.relative is None
    assert "(" not in change_text(change)


def test_value_in_uses_the_used_revision() -> None:
    indicator = fixture_indicator("gdp")
    revisions = [o for o in indicator.observations if o.year == 2023]
    assert len(revisions) > 1 and any(not o.used for o in revisions), "the fixture should hold a revision"
    assert value_in(indicator, 2023) == used_value(indicator, 2023)
    assert value_in(indicator, 1990) is None


def test_latest_as_of() -> None:
    indicator = fixture_indicator("gdp")
    assert latest_as_of(indicator) == max((o for o in indicator.observations if o.used), key=lambda o: o.year)
    assert latest_as_of(indicator, 2023) == used_value(indicator, 2023)
    first_year = min(o.year for o in indicator.observations)
    assert latest_as_of(indicator, first_year - 1) is None


def test_compare_years_rows_follow_the_data() -> None:
    indicators = reading_dataset().indicators
    comparison = compare_years(indicators, 2022, 2023)
    assert [row.indicator.id for row in comparison.rows] == [i.id for i in indicators]
    for row in comparison.rows:
        first, second = value_in(row.indicator, 2022), value_in(row.indicator, 2023)
        assert (row.first, row.second) == (first, second)
        if first and second:
            assert row.change is not None
            assert row.change.absolute == pytest.approx(second.value - first.value)
            assert row.footnote is None
        else:
            assert row.change is None
            assert row.verdict is Verdict.NOT_COMPARABLE
    counts = comparison.counts()
    assert sum(counts.values()) == len(indicators)
    assert counts[Verdict.NOT_COMPARABLE.value] == sum(1 for row in comparison.rows if row.change is None)


def test_missing_year_footnote_names_the_nearest_years() -> None:
    indicator = fixture_indicator("market-turnover")
    years = sorted(o.year for o in indicator.observations if o.used)
    assert 2022 not in years
    comparison = compare_years(reading_dataset().indicators, 2022, 2023)
    (row,) = [row for row in comparison.rows if row.indicator.id == indicator.id]
    assert row.first is None and row.second == used_value(indicator, 2023)
    earlier = max(y for y in years if y < 2022)
    later = min(y for y in years if y > 2022)
    assert row.footnote == f"no data for 2022; nearest years with data: {earlier}, {later}"


def _years() -> set[int]:
    return {o.year for i in reading_dataset().indicators for o in i.observations if o.used}


def test_compare_years_either_order() -> None:
    indicators = reading_dataset().indicators
    forward, backward = compare_years(indicators, 2022, 2023), compare_years(indicators, 2023, 2022)
    assert (backward.first_year, backward.second_year) == (2022, 2023)
    assert backward.record() == forward.record()


def test_compare_years_without_data_lists_the_years() -> None:
    missing = min(_years()) - 1
    with pytest.raises(UnknownName) as raised:
        compare_years(reading_dataset().indicators, missing, 2023)
    assert f"no data for {missing}" in str(raised.value)
    assert ", ".join(map(str, sorted(_years()))) in str(raised.value)


FINITE = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(before=FINITE, after=FINITE, direction=st.sampled_from(Direction), percent=st.booleans())
def test_verdict_follows_direction(before: float, after: float, direction: Direction, percent: bool) -> None:
    indicator = make_indicator(kind=Kind.GROWTH, direction=direction, unit="%" if percent else "percent")
    change = change_between(indicator, obs(2022, before), obs(2023, after))
    assert math.isfinite(change.absolute)
    rose, fell = after - before > 1e-6, before - after > 1e-6
    if after == before:
        assert change.verdict is Verdict.UNCHANGED
    if rose or fell:
        good = rose if direction is Direction.HIGHER else fell
        assert change.verdict is (Verdict.IMPROVED if good else Verdict.WORSENED)
        assert math.copysign(1, change.absolute) == (1 if rose else -1)
    # Going back undoes the change: the opposite verdict.
    back = change_between(indicator, obs(2022, after), obs(2023, before)).verdict
    opposite = {Verdict.IMPROVED: Verdict.WORSENED, Verdict.WORSENED: Verdict.IMPROVED}
    assert back is opposite.get(change.verdict, change.verdict)
