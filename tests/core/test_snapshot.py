"""Where each indicator stands in a year (core.state), and the overview of the five centers (core.snapshot)."""

from __future__ import annotations

import json

import pytest

from fivecenters.core.centers import Center
from fivecenters.core.model import Dataset
from fivecenters.core.progress import Status, assess, meets
from fivecenters.core.snapshot import overview
from fivecenters.core.state import state_of
from tests.support.reading import fixture_indicator, latest_used, make_indicator, obs, reading_dataset, target


@pytest.mark.parametrize("indicator_id", ["gdp", "rd-ratio", "wipo-rank", "container-throughput", "market-turnover"])
def test_snapshot_of_the_latest_year(indicator_id: str) -> None:
    indicator = fixture_indicator(indicator_id)
    used = sorted((o for o in indicator.observations if o.used), key=lambda o: o.year)
    snap = state_of(indicator)
    assert snap.latest == used[-1]
    assert snap.series == used
    # The change is against the previous year with data, whatever the gap.
    assert snap.change is not None
    assert (snap.change.before, snap.change.after) == (used[-2], used[-1])
    assert snap.change.absolute == pytest.approx(used[-1].value - used[-2].value)


@pytest.mark.parametrize("as_of", [2021, 2022, 2023])
def test_snapshot_as_of_a_year(as_of: int) -> None:
    indicator = fixture_indicator("container-throughput")
    snap = state_of(indicator, as_of)
    assert snap.latest == latest_used(indicator, as_of)
    assert snap.series == [o for o in indicator.used_observations() if o.year <= as_of]
    assert all(o.year <= as_of for o in snap.series)
    assert (snap.change is None) == (len(snap.series) < 2)


def test_snapshot_before_any_data() -> None:
    indicator = fixture_indicator("gdp")
    snap = state_of(indicator, min(o.year for o in indicator.observations) - 1)
    assert (snap.latest, snap.change, snap.series) == (None, None, [])
    assert snap.to_dict()["latest"] is None


def test_next_target_is_the_nearest_not_yet_achieved() -> None:
    indicator = fixture_indicator("container-throughput")
    latest = latest_used(indicator)
    open_targets = [t for t in indicator.targets if not meets(latest.value, t, indicator.direction)]
    achieved = [t for t in indicator.targets if t not in open_targets]
    assert open_targets and achieved, "the fixture should have an achieved and an open target"
    snap = state_of(indicator)
    assert snap.next_target is not None
    assert snap.next_target.target == min(open_targets, key=lambda t: t.deadline)


def test_next_target_prefers_the_earliest_deadline() -> None:
    goals = [target(90, 2035, set_in=2020), target(60, 2025, set_in=2020), target(75, 2030, set_in=2020)]
    indicator = make_indicator([obs(2020, 40), obs(2023, 50)], goals)
    snap = state_of(indicator)
    assert snap.next_target is not None
    assert snap.next_target.target == min(goals, key=lambda t: t.deadline)


def test_no_next_target_when_all_are_achieved_or_past() -> None:
    goals = [target(40, 2025, set_in=2020), target(60, 2021, set_in=2020)]
    indicator = make_indicator([obs(2020, 38), obs(2023, 45)], goals)
    # The 2021 target: 2020 fell short and nothing is known of 2021.
    assert [assess(indicator, t).status for t in goals] == [Status.ACHIEVED, Status.NOT_ASSESSABLE]
    assert state_of(indicator).next_target is None


def test_next_target_as_of_an_earlier_year() -> None:
    goal = target(40, 2025, set_in=2020)
    indicator = make_indicator([obs(2020, 30), obs(2022, 35), obs(2024, 41)], [goal])
    assert state_of(indicator).next_target is None
    earlier = state_of(indicator, 2022).next_target
    assert earlier is not None and earlier.latest is not None and earlier.latest.year == 2022


def test_snapshot_record_is_json() -> None:
    indicator = fixture_indicator("gdp")
    record = json.loads(json.dumps(state_of(indicator).to_dict()))
    latest = latest_used(indicator)
    assert record["latest"] == {
        "year": latest.year,
        "value": latest.value,
        "qualifier": latest.qualifier.value if latest.qualifier else None,
        "status": latest.status.value,
        "provisional": latest.provisional,
        "as_of": latest.as_of,
        "series_break": latest.series_break,
        "vintage": latest.vintage,
        "source": latest.source,
        "corroborated_by": [c.source for c in latest.corroborated_by],
    }
    assert [p["year"] for p in record["series"]] == sorted({o.year for o in indicator.observations})


def test_state_assesses_every_target_in_file_order() -> None:
    for indicator in reading_dataset().indicators:
        state = state_of(indicator)
        assert [a.target for a in state.assessments] == indicator.targets
        assert [a.status for a in state.assessments] == [assess(indicator, t).status for t in indicator.targets]
        assert [a.target.deadline for a in state.by_deadline] == sorted(t.deadline for t in indicator.targets)
        assert all(a.latest == state.latest for a in state.assessments)


def test_overview_shows_headlines_and_counts_targets() -> None:
    dataset = reading_dataset()
    centers = overview(dataset).centers
    assert [c.center for c in centers] == list(Center)
    for center in centers:
        indicators = [i for i in dataset.indicators if i.center is center.center]
        marked = [i for i in indicators if i.headline]
        assert [s.indicator for s in center.states] == indicators
        assert [s.indicator for s in center.headlines] == (marked or indicators)
        outlooks = [assess(i, t).status.outlook for i in indicators for t in i.targets]
        assert center.outlook == {name: outlooks.count(name) for name in center.outlook}
        assert sum(center.outlook.values()) == sum(len(i.targets) for i in indicators)
    innovation = next(c for c in centers if c.center is Center.INNOVATION)
    assert "wipo-rank" not in [s.indicator.id for s in innovation.headlines], "not marked, so not a headline"


def test_overview_without_headlines_shows_every_indicator() -> None:
    indicators = [
        make_indicator([obs(2022, 1)], indicator_id="first", center=Center.TRADE),
        make_indicator([obs(2022, 2)], indicator_id="second", center=Center.TRADE),
    ]
    dataset = Dataset(indicators=indicators)
    trade = next(c for c in overview(dataset).centers if c.center is Center.TRADE)
    assert [s.indicator.id for s in trade.headlines] == ["first", "second"]


def test_overview_as_of_a_year() -> None:
    dataset = reading_dataset()
    for center in overview(dataset, 2022).centers:
        for snap in center.headlines:
            assert snap.latest == latest_used(snap.indicator, 2022)
