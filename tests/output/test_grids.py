"""Grids as plain functions: what the reading commands show, before any terminal draws it."""

from __future__ import annotations

import pytest

from fivecenters.core.centers import Center
from fivecenters.core.model import Kind, Status
from fivecenters.core.progress import NO_PLAN, assess, by_plan
from fivecenters.core.progress import Status as Progress
from fivecenters.core.snapshot import CenterSnapshot, ProgressReport
from fivecenters.core.state import state_of
from fivecenters.output.formatting import observed
from fivecenters.output.grids import progress_grids, show_grid
from tests.support.reading import make_indicator, obs, target


def test_show_says_why_a_change_is_not_comparable() -> None:
    indicator = make_indicator([obs(2019, 3.78), obs(2025, 1.857, series_break=True, note="Customs count.")])
    grid = show_grid(CenterSnapshot(Center.SHIPPING, None, [state_of(indicator)]))
    assert grid.rows[0][2].text == "not comparable"
    assert "[1]" in grid.rows[0][0].text
    assert grid.notes[0].startswith("[1]") and "series break in 2025: Customs count." in grid.notes[0]


def test_values_show_their_flags_and_as_of_date() -> None:
    indicator = make_indicator([obs(2024, 91, as_of="2024-04", status=Status.ESTIMATE)], kind=Kind.STOCK)
    latest = indicator.observations[0]
    assert observed(indicator, latest) == "91 e"
    grid = show_grid(CenterSnapshot(Center.SHIPPING, None, [state_of(indicator)]))
    assert "(2024-04)" in grid.rows[0][1].text
    assert any(note.startswith("Flags:") for note in grid.notes)


def test_not_assessable_draws_no_bar() -> None:
    goal = target(50, 2030, set_in=2024)
    indicator = make_indicator([obs(2024, 20), obs(2025, 22)], [goal])
    assessment = assess(indicator, goal)
    assert assessment.status is Progress.NOT_ASSESSABLE
    assert assessment.share is None
    (grid,) = progress_grids(ProgressReport(None, {Center.SHIPPING: [assessment]}))
    assert grid.rows[0][4].text == "—"


@pytest.mark.parametrize("status", [Status.ESTIMATE, Status.PRELIMINARY])
def test_an_estimate_makes_a_status_provisional(status: Status) -> None:
    goal = target(12, 2025, set_in=2021)
    indicator = make_indicator([obs(2020, 10), obs(2025, 12, status=status)], [goal], kind=Kind.RATIO, unit="%")
    assessment = assess(indicator, goal)
    assert assessment.status is Progress.ACHIEVED and assessment.provisional
    assert assessment.to_dict()["provisional"] is True
    (grid,) = progress_grids(ProgressReport(None, {Center.SHIPPING: [assessment]}))
    assert grid.rows[0][5].text == "achieved (provisional)"
    firm = assess(make_indicator([obs(2020, 10), obs(2025, 12)], [goal], kind=Kind.RATIO, unit="%"), goal)
    assert not firm.provisional


def test_targets_are_grouped_under_their_plans() -> None:
    plan_a = target(10, 2025, set_in=2021, label="Plan A")
    plan_b = target(20, 2030, set_in=2026, label="Plan B (2026-2030)")
    plan_a2 = target(30, 2024, set_in=2022, label="Plan A")
    loose = target(40, 2028)
    indicator = make_indicator([obs(2020, 5), obs(2023, 8)], [plan_b, plan_a, loose, plan_a2])
    groups = by_plan([assess(indicator, t) for t in indicator.targets])
    assert [(g.plan, g.start, g.end) for g in groups] == [
        ("Plan A", 2021, 2025),
        ("Plan B (2026-2030)", 2026, 2030),
        (NO_PLAN, None, 2028),
    ]
    assert [g.title for g in groups] == ["Plan A (2021–2025)", "Plan B (2026-2030)", f"{NO_PLAN} (2028)"]
    assert sorted(t.value for g in groups for t in (a.target for a in g.assessments)) == [10, 20, 30, 40]
    grids = progress_grids(ProgressReport(None, {Center.SHIPPING: [assess(indicator, t) for t in indicator.targets]}))
    assert [g.title for g in grids] == [f"{Center.SHIPPING.full_name} · {g.title}" for g in groups]
