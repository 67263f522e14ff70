"""Where one indicator stands as of a year, computed once for every view of it.

Latest value, change on the year before, series and the assessment of every
target: the terminal, Markdown, JSON, the HTML page, charts and the export
all read them from here, so no view assesses a target again.
"""

from __future__ import annotations

from typing import Any

from fivecenters.core.compare import Change, comparable_change, latest_as_of
from fivecenters.core.model import Indicator, Observation
from fivecenters.core.progress import Assessment, Status, assess
from fivecenters.core.results import indicator_record, observation_record
from fivecenters.core.series import pair
from fivecenters.core.structs import struct


@struct(frozen=True)
class IndicatorState:
    """What is known of one indicator up to a year: latest value, change, series and targets; made once."""

    indicator: Indicator
    latest: Observation | None
    change: Change | None  # against the previous year with data, when comparable
    series: list[Observation]  # the used values up to the year shown
    assessments: list[Assessment]  # every target, in the data file's order
    next_target: Assessment | None  # the nearest target not yet achieved
    change_note: str | None = None  # why there is no change though there are two values

    @property
    def segment(self) -> list[Observation]:
        """The series since the last value not comparable with the one before it (a break in
        series, a new vintage): what a trend may be drawn through."""
        starts = [
            n
            for n in range(1, len(self.series))
            if isinstance(pair(self.indicator, self.series[n - 1], self.series[n]), str)
        ]
        return self.series[starts[-1] :] if starts else self.series

    @property
    def by_deadline(self) -> list[Assessment]:
        return sorted(self.assessments, key=lambda a: a.target.deadline)

    def to_dict(self) -> dict[str, Any]:
        return {
            **indicator_record(self.indicator),
            "latest": observation_record(self.latest),
            "change": self.change.to_dict() if self.change else None,
            "change_note": self.change_note,
            "series": [observation_record(o) for o in self.series],
            "next_target": self.next_target.target_record() if self.next_target else None,
        }


def state_of(indicator: Indicator, as_of: int | None = None) -> IndicatorState:
    latest = latest_as_of(indicator, as_of)
    series = [o for o in indicator.used_observations() if latest and o.year <= latest.year]
    found = comparable_change(indicator, series[-2], series[-1]) if len(series) >= 2 else None
    change = found if isinstance(found, Change) else None
    assessments = [assess(indicator, t, as_of) for t in indicator.targets]
    open_targets = [
        a
        for a in assessments
        if a.status is not Status.ACHIEVED and (latest is None or a.target.deadline >= latest.year)
    ]
    next_target = min(open_targets, key=lambda a: a.target.deadline, default=None)
    note = found if isinstance(found, str) else None
    return IndicatorState(indicator, latest, change, series, assessments, next_target, note)
