"""Where each indicator stands in a year: the core of `fc show`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fivecenters.core.centers import Center
from fivecenters.core.compare import Change, change_between, indicator_record, latest_as_of, observation_record
from fivecenters.core.model import Dataset, Indicator, Observation
from fivecenters.core.progress import Assessment, Status, assess


@dataclass(frozen=True)
class IndicatorSnapshot:
    indicator: Indicator
    latest: Observation | None
    change: Change | None  # against the previous year with data
    series: list[Observation]  # the used values up to the year shown
    next_target: Assessment | None  # the nearest target not yet achieved

    def to_dict(self) -> dict[str, Any]:
        return {
            **indicator_record(self.indicator),
            "latest": observation_record(self.latest),
            "change": self.change.to_dict() if self.change else None,
            "series": [{"year": o.year, "value": o.value} for o in self.series],
            "next_target": self.next_target.target_record() if self.next_target else None,
        }


def snapshot(indicator: Indicator, as_of: int | None = None) -> IndicatorSnapshot:
    latest = latest_as_of(indicator, as_of)
    series = [o for o in indicator.used_observations() if latest and o.year <= latest.year]
    change = change_between(indicator, series[-2], series[-1]) if len(series) >= 2 else None
    open_targets = [
        a
        for a in (assess(indicator, t, as_of) for t in indicator.targets)
        if a.status is not Status.ACHIEVED and (latest is None or a.target.deadline >= latest.year)
    ]
    next_target = min(open_targets, key=lambda a: a.target.deadline, default=None)
    return IndicatorSnapshot(indicator, latest, change, series, next_target)


@dataclass(frozen=True)
class CenterOverview:
    center: Center
    headlines: list[IndicatorSnapshot]
    outlook: dict[str, int]  # targets achieved / on track / off track / not assessable

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": self.center.value,
            "title": self.center.title,
            "indicators": [s.to_dict() for s in self.headlines],
            "targets": self.outlook,
        }


def overview(dataset: Dataset, as_of: int | None = None) -> list[CenterOverview]:
    """Each center's headline indicators (all of them if none is marked) and target outlook."""
    result = []
    for center in Center:
        indicators = [i for i in dataset.indicators if i.center is center]
        headlines = [i for i in indicators if i.headline] or indicators
        outlook = {name: 0 for name in ("achieved", "on track", "off track", "not assessable")}
        for indicator in indicators:
            for target in indicator.targets:
                outlook[assess(indicator, target, as_of).status.outlook] += 1
        result.append(CenterOverview(center, [snapshot(i, as_of) for i in headlines], outlook))
    return result
