"""Progress towards targets, by the Statistics Canada / Open SDG method.

The ratio R of the growth achieved since the baseline to the growth needed to
reach the target by its deadline sorts each target into a status. Growth is
compound (CAGR) when baseline, latest and target are all positive, as the
method prescribes; for values that can be zero or negative (growth rates) it
falls back to the average yearly change.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fivecenters.core.compare import latest_as_of, value_in
from fivecenters.core.model import Comparator, Direction, Indicator, Observation, Target
from fivecenters.core.results import indicator_record, observation_record
from fivecenters.core.series import pair
from fivecenters.core.structs import struct

ON_TRACK = 0.95
MODERATE = 0.60
# R is compared after rounding, so that a ratio meant to be exactly 0.95
# is not pushed below the threshold by floating-point error.
R_DIGITS = 9
NO_PLAN = "No plan stated"


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


@struct(frozen=True)
class Point:
    """A value a target is measured from or against: an observation, or a baseline its source states."""

    year: int
    value: float
    stated: bool  # a baseline the target's source states, rather than an observation
    provisional: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "value": self.value, "stated": self.stated, "provisional": self.provisional}


@struct(frozen=True)
class Assessment:
    """One target, judged: its baseline, the latest value and whether it is on course."""

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
    def provisional(self) -> bool:
        """An estimate or a preliminary figure decided the status: a later figure may change it."""
        if self.status is Status.NOT_ASSESSABLE:
            return False
        return bool(self.latest and self.latest.provisional) or bool(self.baseline and self.baseline.provisional)

    @property
    def plan(self) -> str:
        return self.target.label or NO_PLAN

    @property
    def share(self) -> float | None:
        """How far from baseline to target the latest value has come (1 = there); no bar when not assessable."""
        if self.status is Status.NOT_ASSESSABLE or self.target.average:
            return None
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
                "plan": self.plan,
                "period_start": period_start(target),
                "average": target.average,
                "source": target.source,
                "corroborated_by": [c.source for c in target.corroborated_by],
            },
            "baseline": self.baseline.to_dict() if self.baseline else None,
            "latest": observation_record(self.latest),
            "share": self.share,
            "status": self.status.value,
            "provisional": self.provisional,
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


def period_start(target: Target) -> int | None:
    """The first year whose value counts towards the target: the year it was set, else the year after
    its stated baseline; None when the target says neither."""
    if target.set_in is not None:
        return target.set_in
    return target.baseline_year + 1 if target.baseline_year is not None else None


def baseline_for(indicator: Indicator, target: Target) -> Point | None:
    """The stated baseline, else the last value before the target's period: the plan's base year.

    One rule for every target, so that two targets on one indicator measure
    progress from comparable starting points.
    """
    if target.baseline_year is not None and target.baseline_value is not None:
        return Point(target.baseline_year, target.baseline_value, stated=True)
    start = period_start(target)
    before = [o for o in indicator.used_observations() if start is not None and o.year < start]
    if not before:
        return None
    return Point(before[-1].year, before[-1].value, stated=False, provisional=before[-1].provisional)


def latest_in_period(indicator: Indicator, target: Target, as_of: int | None = None) -> Observation | None:
    """The latest value that may count: within the target's period, up to its deadline and `as_of`."""
    start = period_start(target)
    end = target.deadline if as_of is None else min(as_of, target.deadline)
    series = [o for o in indicator.used_observations() if (start is None or o.year >= start) and o.year <= end]
    return series[-1] if series else None


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
    if target.average:
        return assess_average(indicator, target, as_of)
    latest = latest_in_period(indicator, target, as_of)
    baseline = baseline_for(indicator, target)

    def verdict(status: Status, reason: str | None = None, **numbers: Any) -> Assessment:
        return Assessment(indicator, target, baseline, latest, status, reason, **numbers)

    if latest is None:
        return verdict(Status.NOT_ASSESSABLE, _no_value(indicator, target, as_of))
    if meets(latest.value, target, indicator.direction):
        return verdict(Status.ACHIEVED)
    if latest.year >= target.deadline:
        return verdict(Status.MISSED, f"not met in {latest.year}, the {target.deadline} deadline")
    if _past_deadline(indicator, target, as_of):
        return verdict(Status.NOT_ASSESSABLE, f"no value for {target.deadline}; {latest.year} did not meet it")
    if baseline is None:
        return verdict(Status.NOT_ASSESSABLE, _no_baseline(target))
    if latest.year <= baseline.year:
        return verdict(Status.NOT_ASSESSABLE, f"no value after the {baseline.year} baseline yet")
    if not baseline.stated and isinstance(why := _incomparable(indicator, baseline, latest), str):
        return verdict(Status.NOT_ASSESSABLE, f"baseline and latest value not comparable: {why}")
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


def _incomparable(indicator: Indicator, baseline: Point, latest: Observation) -> str | None:
    """Why an observed baseline cannot be compared with the latest value: a break, another vintage."""
    start = value_in(indicator, baseline.year)
    found = pair(indicator, start, latest) if start is not None else None
    return found if isinstance(found, str) else None


def _no_value(indicator: Indicator, target: Target, as_of: int | None) -> str:
    start = period_start(target)
    if start is not None and latest_as_of(indicator, as_of) is not None:
        return f"no value in the target's period ({start}–{target.deadline}) yet"
    return "no observations"


def _no_baseline(target: Target) -> str:
    if target.set_in is None:
        return "no baseline: the target states none and gives no year it was set"
    return f"no baseline: no value before {target.set_in}, the year the target was set"


def _past_deadline(indicator: Indicator, target: Target, as_of: int | None) -> bool:
    """Whether values after the deadline exist while none is for it: the target's time is over."""
    later = latest_as_of(indicator, as_of)
    return later is not None and later.year > target.deadline


def assess_average(indicator: Indicator, target: Target, as_of: int | None = None) -> Assessment:
    """A target for the mean of the period's yearly values ("about 5% a year through 2030")."""
    start = period_start(target)
    end = target.deadline if as_of is None else min(as_of, target.deadline)
    values = [o for o in indicator.used_observations() if start is not None and start <= o.year <= end]
    latest = values[-1] if values else None

    def verdict(status: Status, reason: str) -> Assessment:
        return Assessment(indicator, target, None, latest, status, reason, method="average")

    if start is None:
        return verdict(Status.NOT_ASSESSABLE, "a target for an average needs the year it was set")
    if not values:
        return verdict(Status.NOT_ASSESSABLE, f"no value in the {start}–{target.deadline} period yet")
    mean = sum(o.value for o in values) / len(values)
    years = f"{values[0].year}–{values[-1].year}" if len(values) > 1 else str(values[0].year)
    reason = f"average {mean:.4g} over {years} ({len(values)} of {target.deadline - start + 1} years)"
    complete = values[-1].year >= target.deadline
    if meets(mean, target, indicator.direction):
        return verdict(Status.ACHIEVED if complete else Status.ON_TRACK, reason)
    return verdict(Status.MISSED if complete else Status.LIMITED, reason)


@struct(frozen=True)
class PlanGroup:
    """The targets one plan states, with the plan's period as its targets give it."""

    plan: str
    start: int | None
    end: int
    assessments: list[Assessment]

    @property
    def title(self) -> str:
        """The plan with its period, unless its name already gives it: "… 14th Five-Year Plan (2021–2025)"."""
        if str(self.end) in self.plan:
            return self.plan
        period = f"{self.start}–{self.end}" if self.start is not None and self.start < self.end else str(self.end)
        return f"{self.plan} ({period})"


def by_plan(assessments: list[Assessment]) -> list[PlanGroup]:
    """Targets under the plans that state them, earliest deadline first; targets naming no plan last."""
    grouped: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        grouped.setdefault(assessment.plan, []).append(assessment)
    groups = []
    for plan, found in grouped.items():
        starts = [s for a in found if (s := period_start(a.target)) is not None]
        end = max(a.target.deadline for a in found)
        groups.append(PlanGroup(plan, min(starts, default=None), end, found))
    return sorted(groups, key=lambda g: (g.plan == NO_PLAN, g.end, g.start or 0, g.plan))
