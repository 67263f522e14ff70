"""Where the centers stand as of a year: the results of `fc show` and `fc progress`."""

from __future__ import annotations

from typing import Any, ClassVar

from fivecenters.core.centers import Center
from fivecenters.core.lookup import indicators_in, require_as_of
from fivecenters.core.model import Dataset
from fivecenters.core.progress import Assessment, by_plan
from fivecenters.core.results import RecordDict, Result
from fivecenters.core.state import IndicatorState, state_of
from fivecenters.core.structs import struct

OUTLOOKS = ("achieved", "on track", "off track", "not assessable")


@struct(frozen=True)
class CenterOverview:
    """One center at a glance: each indicator's state, its headlines and how its targets stand."""

    center: Center
    states: list[IndicatorState]  # every indicator of the center
    headlines: list[IndicatorState]  # those marked as headlines, else all of them
    outlook: dict[str, int]  # targets achieved / on track / off track / not assessable

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": self.center.value,
            "title": self.center.full_name,
            "indicators": [s.to_dict() for s in self.headlines],
            "targets": self.outlook,
        }


@struct(frozen=True)
class Overview(Result):
    """`fc show` without a center; CSV has a row per headline indicator."""

    centers: list[CenterOverview]
    nested: ClassVar[str | None] = "indicators"

    def record(self) -> list[RecordDict]:
        return [c.to_dict() for c in self.centers]


@struct(frozen=True)
class CenterSnapshot(Result):
    """`fc show CENTER`: every indicator of the center."""

    center: Center
    as_of: int | None
    states: list[IndicatorState]

    def record(self) -> list[RecordDict]:
        return [s.to_dict() for s in self.states]


@struct(frozen=True)
class ProgressReport(Result):
    """`fc progress`: every target, grouped by center in the order of the five."""

    center: Center | None  # None: all five
    by_center: dict[Center, list[Assessment]]  # only centers with targets

    @property
    def assessments(self) -> list[Assessment]:
        return [a for found in self.by_center.values() for a in found]

    def record(self) -> list[RecordDict]:
        return [a.to_dict() for a in self.assessments]


def states_by_center(
    dataset: Dataset, as_of: int | None, only: Center | None = None
) -> dict[Center, list[IndicatorState]]:
    """The state of every indicator, by center in the order of the five; checks the year has data."""
    if as_of is not None:
        require_as_of(dataset.indicators, as_of)
    return {
        center: [state_of(i, as_of) for i in indicators_in(dataset, center)]
        for center in ([only] if only else list(Center))
    }


def overview(dataset: Dataset, as_of: int | None = None) -> Overview:
    """Each center's headline indicators (all of them if none is marked) and target outlook."""
    centers = []
    for center, states in states_by_center(dataset, as_of).items():
        outlook = dict.fromkeys(OUTLOOKS, 0)
        for state in states:
            for assessment in state.assessments:
                outlook[assessment.status.outlook] += 1
        headlines = [s for s in states if s.indicator.headline] or states
        centers.append(CenterOverview(center, states, headlines, outlook))
    return Overview(centers)


def center_snapshot(dataset: Dataset, center: Center, as_of: int | None = None) -> CenterSnapshot:
    return CenterSnapshot(center, as_of, states_by_center(dataset, as_of, center)[center])


def progress_report(dataset: Dataset, center: Center | None = None, as_of: int | None = None) -> ProgressReport:
    """Each center's targets in the order of their plans, as `fc progress` lists them under each plan."""
    by_center = {
        each: [a for group in by_plan([a for s in states for a in s.assessments]) for a in group.assessments]
        for each, states in states_by_center(dataset, as_of, center).items()
    }
    return ProgressReport(center, {each: found for each, found in by_center.items() if found})
