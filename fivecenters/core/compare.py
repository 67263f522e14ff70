"""Changes between two values of an indicator, and year-to-year comparisons.

How a change is measured depends on the indicator: percentages move in
percentage points, ranks in places, everything else absolutely and relatively.
Whether a change is good depends on the indicator's direction.
"""

from __future__ import annotations

from dataclasses import field, replace
from enum import StrEnum
from typing import Any, ClassVar

from fivecenters.core.centers import Center
from fivecenters.core.lookup import indicators_in, require_year, years_with_data
from fivecenters.core.model import Dataset, Direction, Indicator, Kind, Observation
from fivecenters.core.results import Result, indicator_record, observation_record
from fivecenters.core.series import pair
from fivecenters.core.structs import struct

PRECISION = 9


class Verdict(StrEnum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    NOT_COMPARABLE = "not comparable"


class Measure(StrEnum):
    PERCENTAGE_POINTS = "pp"
    PLACES = "places"
    RELATIVE = "relative"


def measure_of(indicator: Indicator) -> Measure:
    if indicator.kind is Kind.RANK:
        return Measure.PLACES
    if indicator.is_percent:
        return Measure.PERCENTAGE_POINTS
    return Measure.RELATIVE


@struct(frozen=True)
class Change:
    """From one observation to a later one of the same indicator."""

    before: Observation
    after: Observation
    absolute: float
    relative: float | None
    measure: Measure
    verdict: Verdict
    provisional: bool = False  # an end is an estimate or preliminary: the change may not hold
    note: str | None = None  # what stands in for a used value, which end is provisional

    @property
    def years(self) -> int:
        return self.after.year - self.before.year

    @property
    def per_year(self) -> float:
        """The average yearly change, in the indicator's own terms (points, places, units)."""
        return round(self.absolute / self.years, PRECISION) if self.years else self.absolute

    @property
    def yearly_rate(self) -> float | None:
        """The compound yearly rate of a relative change over several years; None where it has no meaning."""
        if self.measure is not Measure.RELATIVE or not self.years or min(self.before.value, self.after.value) <= 0:
            return None
        return round((self.after.value / self.before.value) ** (1 / self.years) - 1, PRECISION)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_year": self.before.year,
            "to_year": self.after.year,
            "years": self.years,
            "absolute": self.absolute,
            "relative": self.relative,
            "per_year": self.per_year,
            "yearly_rate": self.yearly_rate,
            "measure": self.measure.value,
            "verdict": self.verdict.value,
            "provisional": self.provisional,
            "note": self.note,
        }


def comparable_change(indicator: Indicator, before: Observation, after: Observation) -> Change | str:
    """The change between two used values, measured between comparable figures; else why it cannot be."""
    found = pair(indicator, before, after)
    if isinstance(found, str):
        return found
    change = change_between(indicator, found.before, found.after)
    return replace(change, provisional=found.provisional, note=found.caveat())


def change_between(indicator: Indicator, before: Observation, after: Observation) -> Change:
    # Rounded to drop floating-point noise (4.4 - 4.2 = 0.20000000000000018).
    absolute = round(after.value - before.value, PRECISION)
    # Against the size of the starting value, so that -2 → -1 is a rise of 50%.
    relative = round(absolute / abs(before.value), PRECISION) if before.value else None
    if absolute == 0:
        verdict = Verdict.UNCHANGED
    else:
        # A rank that falls in number has risen in place: "lower is better".
        better = absolute > 0 if indicator.direction is Direction.HIGHER else absolute < 0
        verdict = Verdict.IMPROVED if better else Verdict.WORSENED
    return Change(before, after, absolute, relative, measure_of(indicator), verdict)


def value_in(indicator: Indicator, year: int) -> Observation | None:
    return next((o for o in indicator.observations if o.used and o.year == year), None)


def latest_as_of(indicator: Indicator, year: int | None = None) -> Observation | None:
    series = [o for o in indicator.used_observations() if year is None or o.year <= year]
    return series[-1] if series else None


@struct(frozen=True)
class ComparisonRow:
    """One indicator in two years: each year's value, the change between them, and why it is not shown."""

    indicator: Indicator
    first: Observation | None
    second: Observation | None
    change: Change | None
    footnote: str | None

    @property
    def verdict(self) -> Verdict:
        return self.change.verdict if self.change else Verdict.NOT_COMPARABLE

    def to_dict(self) -> dict[str, Any]:
        return {
            **indicator_record(self.indicator),
            "first": observation_record(self.first),
            "second": observation_record(self.second),
            "change": self.change.to_dict() if self.change else None,
            "verdict": self.verdict.value,
            "footnote": self.footnote,
        }


@struct
class Comparison(Result):
    """Every indicator in two years: `fc compare`."""

    first_year: int
    second_year: int
    rows: list[ComparisonRow] = field(default_factory=list)
    nested: ClassVar[str | None] = "rows"

    def counts(self) -> dict[str, int]:
        counts = {v.value: 0 for v in Verdict}
        for row in self.rows:
            counts[row.verdict.value] += 1
        return counts

    def by_center(self) -> dict[Center, list[ComparisonRow]]:
        grouped: dict[Center, list[ComparisonRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.indicator.center, []).append(row)
        return grouped

    def record(self) -> dict[str, Any]:
        return {
            "first_year": self.first_year,
            "second_year": self.second_year,
            "rows": [row.to_dict() for row in self.rows],
            "counts": self.counts(),
        }


def _missing_note(indicator: Indicator, year: int) -> str:
    years = years_with_data([indicator])
    earlier = [y for y in years if y < year]
    later = [y for y in years if y > year]
    nearest = [str(y) for y in (earlier[-1:] + later[:1])]
    return f"no data for {year}" + (f"; nearest years with data: {', '.join(nearest)}" if nearest else "")


def compare_years(indicators: list[Indicator], year_a: int, year_b: int) -> Comparison:
    """Compare two years, earlier to later whatever order they were given in."""
    first_year, second_year = sorted((year_a, year_b))
    for year in (first_year, second_year):
        require_year(indicators, year)
    comparison = Comparison(first_year, second_year)
    for indicator in indicators:
        first, second = value_in(indicator, first_year), value_in(indicator, second_year)
        notes = [_missing_note(indicator, y) for y, o in ((first_year, first), (second_year, second)) if o is None]
        change = None
        if first and second:
            found = comparable_change(indicator, first, second)
            if isinstance(found, str):
                notes.append(f"not comparable: {found}")
            else:
                change, first, second = found, found.before, found.after
                notes += [found.note] if found.note else []
        comparison.rows.append(ComparisonRow(indicator, first, second, change, "; ".join(notes) or None))
    return comparison


def year_comparison(dataset: Dataset, year_a: int, year_b: int, center: Center | None = None) -> Comparison:
    """`fc compare`: the indicators of one center, or all of them."""
    return compare_years(indicators_in(dataset, center), year_a, year_b)
