"""Progress towards targets by the Statistics Canada / Open SDG method (fivecenters.progress)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.model import Comparator, Direction, Indicator, Kind, Target
from fivecenters.core.model import Status as ObservationStatus
from fivecenters.core.progress import (
    MODERATE,
    ON_TRACK,
    Status,
    assess,
    baseline_for,
    period_start,
    status_for_ratio,
)
from tests.support.reading import fixture_indicator, latest_used, make_indicator, obs, target

BELOW = 1e-6  # "just below" a threshold: well beyond the 1e-9 rounding R gets before comparison
ORDER = [Status.DETERIORATION, Status.LIMITED, Status.MODERATE, Status.ON_TRACK]


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (ON_TRACK, Status.ON_TRACK),
        (ON_TRACK - BELOW, Status.MODERATE),
        (MODERATE, Status.MODERATE),
        (MODERATE - BELOW, Status.LIMITED),
        (0.0, Status.LIMITED),
        (-BELOW, Status.DETERIORATION),
        (3.0, Status.ON_TRACK),
    ],
)
def test_status_for_ratio_boundaries(ratio: float, status: Status) -> None:
    assert status_for_ratio(ratio) is status


def test_thresholds_are_the_methods() -> None:
    assert (ON_TRACK, MODERATE) == (0.95, 0.60)


def test_ratio_meant_to_be_exact_is_not_pushed_below_by_float_error() -> None:
    # An actual rate of 2.09 a year against 2.2 needed is R = 0.95, yet 2.09 / 2.2 < 0.95 in floating point.
    assert ON_TRACK > 2.09 / 2.2
    assert status_for_ratio(2.09 / 2.2) is Status.ON_TRACK
    goal = target(22.0, 2030, set_in=2021)
    indicator = make_indicator([obs(2020, 0.0), obs(2021, 2.09)], [goal], kind=Kind.GROWTH, unit="%")
    assessment = assess(indicator, goal)
    assert (assessment.actual_rate, assessment.required_rate) == (2.09, 2.2)
    assert assessment.status is Status.ON_TRACK


@given(st.floats(allow_nan=False, allow_infinity=False), st.floats(allow_nan=False, allow_infinity=False))
def test_status_for_ratio_is_monotonic(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert ORDER.index(status_for_ratio(low)) <= ORDER.index(status_for_ratio(high))


def _linear_case(direction: Direction, ratio: float) -> tuple[Indicator, Target]:
    """A growth rate from 0 towards ±10 over ten years: required change ±1 a year, so R is the latest value."""
    sign = 1 if direction is Direction.HIGHER else -1
    comparator = Comparator.AT_LEAST if sign > 0 else Comparator.AT_MOST
    goal = target(sign * 10.0, 2030, comparator, set_in=2021)
    indicator = make_indicator(
        [obs(2020, 0.0), obs(2021, sign * ratio)], [goal], kind=Kind.GROWTH, direction=direction, unit="%"
    )
    return indicator, goal


BOUNDARY_CASES = [
    (ON_TRACK, Status.ON_TRACK),
    (ON_TRACK - BELOW, Status.MODERATE),
    (MODERATE, Status.MODERATE),
    (MODERATE - BELOW, Status.LIMITED),
    (0.0, Status.LIMITED),
    (-0.5, Status.DETERIORATION),
]


@pytest.mark.parametrize("direction", list(Direction))
@pytest.mark.parametrize(("ratio", "status"), BOUNDARY_CASES)
def test_linear_method_boundaries(direction: Direction, ratio: float, status: Status) -> None:
    indicator, goal = _linear_case(direction, ratio)
    assessment = assess(indicator, goal)
    assert assessment.method == "linear"  # a baseline of 0: no compound rate
    sign = 1 if direction is Direction.HIGHER else -1
    assert assessment.required_rate == sign * 1.0
    assert assessment.actual_rate == sign * ratio
    assert assessment.ratio == ratio
    assert assessment.status is status


def _cagr(start: float, end: float, years: int) -> float:
    return (end / start) ** (1 / years) - 1


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (1 + ON_TRACK, Status.ON_TRACK),
        (1 + ON_TRACK - BELOW, Status.MODERATE),
        (1 + MODERATE, Status.MODERATE),
        (1 + MODERATE - BELOW, Status.LIMITED),
        (1.0, Status.LIMITED),
        (0.5, Status.DETERIORATION),
    ],
)
def test_cagr_method_boundaries(latest: float, status: Status) -> None:
    # From 1 to 4 in two years needs 100% a year; one year at rate g reaches 1 + g, so R = g.
    goal = target(4.0, 2022, set_in=2021)
    indicator = make_indicator([obs(2020, 1.0), obs(2021, latest)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.method == "cagr"
    assert assessment.required_rate == _cagr(1.0, 4.0, 2) == 1.0
    assert assessment.actual_rate == pytest.approx(_cagr(1.0, latest, 1))
    assert assessment.ratio == pytest.approx(_cagr(1.0, latest, 1) / _cagr(1.0, 4.0, 2))
    assert assessment.status is status


@pytest.mark.parametrize(
    ("rank", "status"),
    [
        (3, Status.ACHIEVED),
        (4, Status.ACHIEVED),
        (8, Status.ON_TRACK),
        (9, Status.MODERATE),
        (16, Status.LIMITED),  # no move: R = 0
        (20, Status.DETERIORATION),
    ],
)
def test_rank_falling_toward_an_at_most_target(rank: int, status: Status) -> None:
    goal = target(4, 2022, Comparator.AT_MOST, set_in=2021)
    indicator = make_indicator(
        [obs(2020, 16), obs(2021, rank)], [goal], kind=Kind.RANK, direction=Direction.LOWER, unit="rank"
    )
    assessment = assess(indicator, goal)
    assert assessment.status is status
    if status is not Status.ACHIEVED:
        expected = _cagr(16, rank, 1) / _cagr(16, 4, 2)
        assert assessment.ratio == pytest.approx(expected)
        assert status_for_ratio(expected) is status
        assert assessment.required_rate is not None and assessment.required_rate < 0


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (0.2, Status.ACHIEVED),
        (0.5, Status.ON_TRACK),
        (0.8, Status.LIMITED),
        (1.0, Status.LIMITED),
        (1.1, Status.DETERIORATION),
    ],
)
def test_lower_is_better_value_toward_an_at_most_target(latest: float, status: Status) -> None:
    goal = target(0.25, 2022, Comparator.AT_MOST, baseline_year=2020, baseline_value=1.0)
    indicator = make_indicator(
        [obs(2021, latest)], [goal], kind=Kind.RATIO, direction=Direction.LOWER, unit="tonnes per 10,000 yuan"
    )
    assessment = assess(indicator, goal)
    assert assessment.status is status
    if status is not Status.ACHIEVED:
        assert assessment.ratio == pytest.approx(_cagr(1.0, latest, 1) / _cagr(1.0, 0.25, 2))


@pytest.mark.parametrize(
    ("direction", "latest", "achieved"),
    [
        (Direction.HIGHER, 10.5, True),
        (Direction.HIGHER, 9.5, False),
        (Direction.LOWER, 9.5, True),
        (Direction.LOWER, 10.5, False),
    ],
)
def test_about_target_counts_from_the_better_side(direction: Direction, latest: float, achieved: bool) -> None:
    goal = target(10, 2030, Comparator.ABOUT, set_in=2021)
    indicator = make_indicator([obs(2020, 8), obs(2022, latest)], [goal], direction=direction)
    assert (assess(indicator, goal).status is Status.ACHIEVED) is achieved


def test_missed_when_the_deadline_year_falls_short() -> None:
    goal = target(47, 2025, set_in=2021)
    indicator = make_indicator([obs(2020, 40), obs(2025, 45)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Status.MISSED
    assert assessment.reason is not None and "2025" in assessment.reason
    # Before the deadline the same data are assessed, not missed.
    assert assess(make_indicator([obs(2020, 40), obs(2024, 45)], [goal]), goal).status is not Status.MISSED


def test_a_value_after_the_deadline_does_not_count() -> None:
    """Only the target's period counts: 2026 says nothing of 2025."""
    goal = target(47, 2025, set_in=2021)
    indicator = make_indicator([obs(2020, 40), obs(2023, 42), obs(2026, 50)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.latest is not None and assessment.latest.year == 2023
    assert assessment.reason == "no value for 2025; 2023 did not meet it"
    assert assessment.share is None


def test_as_of_assesses_with_the_data_of_that_year() -> None:
    goal = target(47, 2025, set_in=2021)
    indicator = make_indicator([obs(2020, 40), obs(2023, 42), obs(2025, 45)], [goal])
    assert assess(indicator, goal).status is Status.MISSED
    earlier = assess(indicator, goal, as_of=2024)
    assert earlier.latest is not None and earlier.latest.year == 2023
    assert earlier.status not in (Status.MISSED, Status.NOT_ASSESSABLE)


def test_not_assessable_without_baseline() -> None:
    goal = target(47, 2030)  # no set_in, no stated baseline
    indicator = make_indicator([obs(2020, 40), obs(2023, 42)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.baseline is None
    assert assessment.reason is not None and "baseline" in assessment.reason


def test_not_assessable_with_one_observation() -> None:
    goal = target(47, 2030, set_in=2023)
    indicator = make_indicator([obs(2023, 42)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.reason == "no baseline: no value before 2023, the year the target was set"
    assert assessment.ratio is None


def test_not_assessable_without_observations() -> None:
    goal = target(47, 2030, baseline_year=2020, baseline_value=40)
    assessment = assess(make_indicator([], [goal]), goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.reason == "no observations"


def test_deterioration_when_the_baseline_met_the_target_and_the_latest_does_not() -> None:
    goal = target(10, 2030, set_in=2021)
    assessment = assess(make_indicator([obs(2020, 12), obs(2022, 9)], [goal]), goal)
    assert assessment.status is Status.DETERIORATION
    assert assessment.share is None  # no way to go from a baseline already there


def test_stated_baseline_wins() -> None:
    goal = target(47, 2030, set_in=2021, baseline_year=2020, baseline_value=43.5)
    indicator = make_indicator([obs(2021, 44), obs(2023, 46)], [goal])
    baseline = baseline_for(indicator, goal)
    assert baseline is not None
    assert (baseline.year, baseline.value, baseline.stated) == (2020, 43.5, True)


@pytest.mark.parametrize(
    ("years", "set_in", "chosen"),
    [
        ([2018, 2021, 2025], 2020, 2018),  # the last before, however far
        ([2016, 2017], 2020, 2017),  # all before
        ([2019, 2020, 2021], 2020, 2019),  # not the very year: the plan's authors could not see it
        ([2022, 2023], 2020, None),  # all after: no baseline
    ],
)
def test_baseline_is_the_last_observation_before_the_year_set(
    years: list[int], set_in: int, chosen: int | None
) -> None:
    goal = target(100, 2030, set_in=set_in)
    indicator = make_indicator([obs(year, 10.0 + year - 2000) for year in years], [goal])
    baseline = baseline_for(indicator, goal)
    if chosen is None:
        assert baseline is None
        return
    assert baseline is not None
    assert baseline.year == chosen
    assert baseline.value == 10.0 + chosen - 2000
    assert baseline.stated is False


def test_baseline_ignores_values_not_used() -> None:
    goal = target(100, 2030, set_in=2021)
    unused = obs(2020, 1.0, revision=True, used=False)
    indicator = make_indicator([obs(2018, 5.0), unused, obs(2020, 2.0, revision=True), obs(2023, 9.0)], [goal])
    baseline = baseline_for(indicator, goal)
    assert baseline is not None and baseline.value == 2.0


def test_share_is_the_way_from_baseline_to_target() -> None:
    indicator = fixture_indicator("rd-ratio")
    (goal,) = indicator.targets
    assert goal.baseline_value is not None
    latest = latest_used(indicator)
    assessment = assess(indicator, goal)
    assert assessment.share == pytest.approx((latest.value - goal.baseline_value) / (goal.value - goal.baseline_value))


def test_a_value_before_the_period_does_not_achieve_a_later_plan() -> None:
    """5.4% growth in 2025 says nothing of the 2026–2030 plan."""
    goal = target(5, 2030, set_in=2026, average=True)
    indicator = make_indicator([obs(2024, 5.0), obs(2025, 5.4)], [goal], kind=Kind.GROWTH, unit="%")
    assessment = assess(indicator, goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.reason == "no value in the 2026–2030 period yet"
    assert assessment.share is None


def test_the_same_target_read_as_a_level_is_also_not_achieved_early() -> None:
    goal = target(5, 2030, set_in=2026)
    indicator = make_indicator([obs(2025, 5.4)], [goal], kind=Kind.GROWTH, unit="%")
    assert assess(indicator, goal).status is Status.NOT_ASSESSABLE


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ({2026: 5.5, 2027: 4.9}, Status.ON_TRACK),  # average 5.2 so far
        ({2026: 4.5, 2027: 4.9}, Status.LIMITED),
        ({year: 5.1 for year in range(2026, 2031)}, Status.ACHIEVED),
        ({year: 4.8 for year in range(2026, 2031)}, Status.MISSED),
    ],
)
def test_an_average_target_is_assessed_on_the_periods_values(values: dict[int, float], status: Status) -> None:
    goal = target(5, 2030, set_in=2026, average=True)
    series = [obs(2025, 9.0), *(obs(year, value) for year, value in values.items())]
    indicator = make_indicator(series, [goal], kind=Kind.GROWTH, unit="%")
    assessment = assess(indicator, goal)
    assert assessment.status is status
    mean = sum(values.values()) / len(values)
    assert assessment.reason is not None and f"average {mean:.4g}" in assessment.reason
    assert f"({len(values)} of 5 years)" in assessment.reason
    assert assessment.share is None


def test_two_targets_on_one_indicator_take_their_baselines_by_one_rule() -> None:
    """≥26,000 set in 2021 and the looser ≥25,000 set in 2023: both measured from the year before they were set."""
    looser, tighter = target(25000, 2025, set_in=2023), target(26000, 2025, set_in=2021)
    indicator = make_indicator(
        [obs(2020, 17012), obs(2021, 20000), obs(2022, 22000), obs(2023, 24000)], [looser, tighter], kind=Kind.STOCK
    )
    assert [(b.year, b.value) for b in (baseline_for(indicator, looser), baseline_for(indicator, tighter)) if b] == [
        (2022, 22000),
        (2020, 17012),
    ]
    statuses = [assess(indicator, t).status for t in (looser, tighter)]
    assert Status.NOT_ASSESSABLE not in statuses


def test_the_period_starts_when_set_else_after_the_stated_baseline() -> None:
    assert period_start(target(1, 2025, set_in=2021, baseline_year=2020, baseline_value=0)) == 2021
    assert period_start(target(1, 2025, baseline_year=2020, baseline_value=0)) == 2021
    assert period_start(target(1, 2025)) is None


def test_no_progress_across_a_break_in_series() -> None:
    goal = target(3, 2025, set_in=2023)
    indicator = make_indicator([obs(2019, 3.78), obs(2025, 1.857, series_break=True, note="Customs count.")], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Status.MISSED  # the deadline's own value falls short: no baseline needed
    earlier = make_indicator([obs(2019, 3.78), obs(2024, 1.3, series_break=True, note="Customs count.")], [goal])
    before_deadline = assess(earlier, goal)
    assert before_deadline.status is Status.NOT_ASSESSABLE
    assert before_deadline.reason is not None and "series break in 2024" in before_deadline.reason


def test_no_progress_from_a_baseline_of_another_vintage() -> None:
    goal = target(6, 2027, set_in=2023)
    census = obs(2023, 5.14, status=ObservationStatus.REVISED, vintage="fifth census")
    indicator = make_indicator([obs(2022, 4.47), census], [goal], unit="trillion yuan")
    assessment = assess(indicator, goal)
    assert assessment.status is Status.NOT_ASSESSABLE
    assert assessment.reason is not None and "fifth census" in assessment.reason
