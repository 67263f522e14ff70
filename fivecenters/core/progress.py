"""Progress towards targets, by the Statistics Canada / Open SDG method.

The ratio R of the growth achieved since the baseline to the growth needed to
reach the target by its deadline sorts each target into a status. Growth is
compound (CAGR) when baseline, latest and target are all positive, as the
method prescribes; for values that can be zero or negative (growth rates) it
falls back to the average yearly change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fivecenters.core.compare import latest_as_of
from fivecenters.core.model import Comparator, Direction, Indicator, Observation, Target
from fivecenters.core.results import indicator_record, observation_record

ON_TRACK = 0.95
MODERATE = 0.60
# R is compared after rounding, so that a ratio meant to be exactly 0.95
# is not pushed below the threshold by floating-point error.
R_DIGITS = 9


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on track"
    MODERATE = "moderate progress"
    LIMITED = "limited progress"
    DETERIORATION = "deterioration"
    MISSED = "missed"
    NOT_ASSESSABLE = "not assessable"

    @property
    def outlook(self) -> str:
        """The three-way summary of the overview: achieved, on track or off track."""
        if self in (Status.ACHIEVED, Status.ON_TRACK):
            return self.value
        return "not assessable" if self is Status.NOT_ASSESSABLE else "off track"


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    stated: bool  # a baseline the target's source states, rather than an observation

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "value": self.value, "stated": self.stated}


@dataclass(frozen=True)
class Assessment:
    indicator: Indicator
    target: Target
    baseline: Point | None
    latest: Observation | None
    status: Status
    reason: str | None = None
    method: str | None = None  # "cagr" or "linear"
    actual_rate: float | None = None
    required_rate: float | None = None
    ratio: float | None = None

    @property
    def share(self) -> float | None:
        """How far from baseline to target the latest value has come (1 = there)."""
        if self.baseline is None or self.latest is None:
            return None
        if meets(self.baseline.value, self.target, self.indicator.direction):
            return None  # no way to go: the baseline already met the target
        return (self.latest.value - self.baseline.value) / (self.target.value - self.baseline.value)

    def to_dict(self) -> dict[str, Any]:
        return {**indicator_record(self.indicator), **self.target_record()}

    def target_record(self) -> dict[str, Any]:
        """The assessment without its indicator, for records that already name it."""
        target = self.target
        return {
            "target": {
                "value": target.value,
                "comparator": target.comparator.value,
                "deadline": target.deadline,
                "label": target.label,
                "source": target.source,
            },
            "baseline": self.baseline.to_dict() if self.baseline else None,
            "latest": observation_record(self.latest),
            "share": self.share,
            "status": self.status.value,
            "reason": self.reason,
            "method": self.method,
            "actual_rate": self.actual_rate,
            "required_rate": self.required_rate,
            "ratio": self.ratio,
        }


def meets(value: float, target: Target, direction: Direction) -> bool:
    """Whether a value satisfies a target; "about" targets count from the good side."""
    if target.comparator is Comparator.AT_LEAST:
        return value >= target.value
    if target.comparator is Comparator.AT_MOST:
        return value <= target.value
    return value >= target.value if direction is Direction.HIGHER else value <= target.value


def baseline_for(indicator: Indicator, target: Target) -> Point | None:
    """The stated baseline, else the observation nearest the year the target was set."""
    if target.baseline_year is not None and target.baseline_value is not None:
        return Point(target.baseline_year, target.baseline_value, stated=True)
    series = indicator.used_observations()
    if target.set_in is None or not series:
        return None
    # Nearest year; on a tie the earlier one, which the plan's authors could see.
    nearest = min(series, key=lambda o: (abs(o.year - target.set_in), o.year))  # type: ignore[operator]
    return Point(nearest.year, nearest.value, stated=False)


def yearly_rate(start: float, end: float, years: int, compound: bool) -> float:
    return (end / start) ** (1 / years) - 1 if compound else (end - start) / years


def status_for_ratio(ratio: float) -> Status:
    ratio = round(ratio, R_DIGITS)
    if ratio >= ON_TRACK:
        return Status.ON_TRACK
    if ratio >= MODERATE:
        return Status.MODERATE
    if ratio >= 0:
        return Status.LIMITED
    return Status.DETERIORATION


def assess(indicator: Indicator, target: Target, as_of: int | None = None) -> Assessment:
    latest = latest_as_of(indicator, as_of)
    baseline = baseline_for(indicator, target)

    def verdict(status: Status, reason: str | None = None, **numbers: Any) -> Assessment:
        return Assessment(indicator, target, baseline, latest, status, reason, **numbers)

    if latest is None:
        return verdict(Status.NOT_ASSESSABLE, "no observations")
    if meets(latest.value, target, indicator.direction):
        return verdict(Status.ACHIEVED)
    if latest.year >= target.deadline:
        return verdict(Status.MISSED, f"not met in {latest.year}, at or after the {target.deadline} deadline")
    if baseline is None:
        return verdict(Status.NOT_ASSESSABLE, "no baseline: the target states none and gives no year it was set")
    if latest.year <= baseline.year:
        return verdict(Status.NOT_ASSESSABLE, f"fewer than two observations from the {baseline.year} baseline on")
    compound = min(baseline.value, latest.value, target.value) > 0
    method = "cagr" if compound else "linear"
    actual = yearly_rate(baseline.value, latest.value, latest.year - baseline.year, compound)
    required = yearly_rate(baseline.value, target.value, target.deadline - baseline.year, compound)
    numbers: dict[str, Any] = {"method": method, "actual_rate": actual, "required_rate": required}
    needed_sign = 1 if indicator.direction is Direction.HIGHER else -1
    if required * needed_sign <= 0:
        # The baseline already met the target, yet the latest value does not.
        return verdict(Status.DETERIORATION, "the baseline met the target; the latest value does not", **numbers)
    ratio = actual / required
    return verdict(status_for_ratio(ratio), ratio=ratio, **numbers)
