"""Changes only between comparable observations: breaks, vintages, final with final, gaps named."""

from __future__ import annotations

import pytest

from fivecenters.core.compare import Change, Verdict, comparable_change, compare_years
from fivecenters.core.model import Kind, Status
from fivecenters.core.state import state_of
from fivecenters.output.formatting import change_text
from tests.support.reading import make_indicator, obs


def test_no_change_across_a_break() -> None:
    rescoped = obs(2025, 1.857, series_break=True, note="Customs count of all cruise terminals from 2025.")
    indicator = make_indicator([obs(2019, 3.78), rescoped])
    found = comparable_change(indicator, indicator.observations[0], rescoped)
    assert isinstance(found, str)
    assert "series break in 2025" in found and "Customs count" in found
    state = state_of(indicator)
    assert state.change is None and state.change_note == found


def test_a_change_within_the_new_segment_is_measured() -> None:
    indicator = make_indicator([obs(2023, 10), obs(2024, 12, series_break=True, note="New scope."), obs(2025, 15)])
    state = state_of(indicator)
    assert isinstance(state.change, Change)
    assert (state.change.before.year, state.change.after.year, state.change.absolute) == (2024, 2025, 3)


def test_a_revised_vintage_is_compared_with_the_same_vintage() -> None:
    first_2022 = obs(2022, 4.47, revision=True)
    census_2022 = obs(2022, 4.9, revision=True, used=False, vintage="fifth census")
    census_2023 = obs(2023, 5.14, status=Status.REVISED, vintage="fifth census")
    indicator = make_indicator([first_2022, census_2022, census_2023], unit="trillion yuan")
    found = comparable_change(indicator, first_2022, census_2023)
    assert isinstance(found, Change)
    assert found.before is census_2022
    assert found.absolute == pytest.approx(0.24)
    assert found.note is not None and "2022 as the fifth census figure" in found.note


def test_a_revised_vintage_without_its_match_is_not_comparable() -> None:
    first_2022 = obs(2022, 4.47)
    census_2023 = obs(2023, 5.14, status=Status.REVISED, vintage="fifth census")
    indicator = make_indicator([first_2022, census_2023], unit="trillion yuan")
    row = compare_years([indicator], 2022, 2023).rows[0]
    assert row.change is None and row.verdict is Verdict.NOT_COMPARABLE
    assert row.footnote is not None and "not comparable" in row.footnote and "fifth census" in row.footnote


def test_a_later_figure_on_the_new_basis_compares_with_the_revision() -> None:
    """After the census, routine figures are on the revised basis: no vintage needed on them."""
    census_2023 = obs(2023, 5.14, vintage="fifth census")
    indicator = make_indicator([census_2023, obs(2024, 5.39)])
    found = comparable_change(indicator, census_2023, indicator.observations[1])
    assert isinstance(found, Change) and found.absolute == pytest.approx(0.25)


def test_an_estimate_is_compared_with_an_estimate_where_there_is_one() -> None:
    final_2021 = obs(2021, 4.21, revision=True)
    estimate_2021 = obs(2021, 4.1, status=Status.PRELIMINARY, revision=True, used=False)
    estimate_2022 = obs(2022, 4.2, status=Status.PRELIMINARY)
    indicator = make_indicator([final_2021, estimate_2021, estimate_2022], kind=Kind.RATIO, unit="%")
    found = comparable_change(indicator, final_2021, estimate_2022)
    assert isinstance(found, Change)
    assert found.before is estimate_2021 and found.verdict is Verdict.IMPROVED
    assert found.provisional
    assert "+0.1 pp p" in change_text(found)


def test_final_with_provisional_is_marked_provisional() -> None:
    indicator = make_indicator([obs(2021, 4.21), obs(2022, 4.2, status=Status.ESTIMATE)], kind=Kind.RATIO, unit="%")
    found = comparable_change(indicator, *indicator.observations)
    assert isinstance(found, Change) and found.provisional
    assert found.note == "provisional: 2022 estimate"


def test_final_figures_give_a_firm_change() -> None:
    indicator = make_indicator([obs(2021, 10), obs(2022, 11)])
    found = comparable_change(indicator, *indicator.observations)
    assert isinstance(found, Change) and not found.provisional and found.note is None


def test_a_change_over_a_gap_names_its_years_and_yearly_rate() -> None:
    indicator = make_indicator([obs(2019, 100), obs(2025, 200)])
    change = state_of(indicator).change
    assert change is not None and change.years == 6
    assert change.yearly_rate == pytest.approx(2 ** (1 / 6) - 1)
    assert change.per_year == pytest.approx(100 / 6)
    assert "2019 → 2025, +12.2%/yr" in change_text(change)
    record = change.to_dict()
    assert (record["from_year"], record["to_year"], record["years"]) == (2019, 2025, 6)
    assert record["yearly_rate"] == pytest.approx(change.yearly_rate)


def test_a_revised_year_before_a_first_published_one_is_matched_by_its_vintage() -> None:
    """2019 known only as revised: 2020's revision of the same vintage stands in for its first figure."""
    revised_2019 = obs(2019, 3.79876, status=Status.REVISED, vintage="aggregator table")
    first_2020 = obs(2020, 3.87, revision=True)
    revised_2020 = obs(2020, 3.89633, status=Status.REVISED, revision=True, used=False, vintage="aggregator table")
    indicator = make_indicator([revised_2019, first_2020, revised_2020], unit="trillion yuan")
    found = comparable_change(indicator, revised_2019, first_2020)
    assert isinstance(found, Change) and found.after is revised_2020
    assert found.note == "2020 as the aggregator table figure, like 2019"
    row = compare_years([indicator], 2019, 2020).rows[0]
    assert row.second is revised_2020 and row.change == found


def test_a_trend_starts_at_the_last_break() -> None:
    indicator = make_indicator([obs(2018, 2.75), obs(2019, 3.78, series_break=True, note="New scope."), obs(2020, 3.9)])
    state = state_of(indicator)
    assert [o.year for o in state.series] == [2018, 2019, 2020]
    assert [o.year for o in state.segment] == [2019, 2020]


def test_a_trend_starts_at_a_new_vintage() -> None:
    census = obs(2023, 5.14, status=Status.REVISED, vintage="fifth census")
    indicator = make_indicator([obs(2021, 4.32), obs(2022, 4.47), census, obs(2024, 5.39)])
    assert [o.year for o in state_of(indicator).segment] == [2023, 2024]
