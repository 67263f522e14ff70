"""Which two observations of a series may be compared, after the statistical offices' rules.

A change is only meaningful within one segment of a series (no break in
between: SDMX's OBS_STATUS "B"), between figures of one vintage (a figure
revised after a census against the revised figure of the earlier year, not
the first-published one) and, where both years have one, final against final.
When the years hold nothing comparable, the pair is refused with the reason,
so that no view draws a change the figures do not support.
"""

from __future__ import annotations

from fivecenters.core.model import Indicator, Observation
from fivecenters.core.structs import struct


@struct(frozen=True)
class Pair:
    """The observations a change is measured between; `stand_in` is the end that is not the year's used value."""

    before: Observation
    after: Observation
    stand_in: Observation | None = None

    @property
    def provisional(self) -> bool:
        return self.before.provisional or self.after.provisional

    def caveat(self) -> str | None:
        """What a reader must know of a comparable pair: the stand-in figure, the provisional ends."""
        notes = []
        if self.stand_in is not None:
            other = self.after if self.stand_in is self.before else self.before
            notes.append(f"{self.stand_in.year} as {describe(self.stand_in)}, like {other.year}")
        provisional = [f"{o.year} {o.status.value}" for o in (self.before, self.after) if o.provisional]
        if provisional:
            notes.append("provisional: " + ", ".join(provisional))
        return "; ".join(notes) or None


def describe(obs: Observation) -> str:
    """The figure's standing: its vintage, or its status."""
    return f"the {obs.vintage} figure" if obs.vintage else f"the {obs.status.value} figure"


def series_break(indicator: Indicator, before_year: int, after_year: int) -> Observation | None:
    """The first used observation after `before_year`, up to `after_year`, that starts a new segment."""
    return next(
        (o for o in indicator.used_observations() if before_year < o.year <= after_year and o.series_break),
        None,
    )


def break_reason(found: Observation) -> str:
    return f"series break in {found.year}" + (f": {found.note}" if found.note else "")


def pair(indicator: Indicator, before: Observation, after: Observation) -> Pair | str:
    """The comparable pair for two used observations, or why there is none."""
    if found := series_break(indicator, before.year, after.year):
        return break_reason(found)
    same_year = [o for o in indicator.observations if o.year == before.year]
    if before.vintage and after.vintage != before.vintage:
        # A revised series before a routine figure: the later year's figure of that vintage, if any.
        end = next((o for o in indicator.observations if o.year == after.year and o.vintage == before.vintage), None)
        if end is not None:
            return Pair(before, end, stand_in=end)
    start = before
    if after.vintage and before.vintage != after.vintage:
        matching = [o for o in same_year if o.vintage == after.vintage]
        if not matching:
            return f"{after.year} is the {after.vintage} figure; {before.year} has none of that vintage"
        start = matching[0]
    if start.provisional != after.provisional:
        # Like with like: final with final where both exist, an estimate with an estimate.
        alike = [
            o for o in same_year if o.provisional == after.provisional and o.vintage == start.vintage and o is not start
        ]
        if alike:
            start = alike[0]
    return Pair(start, after, stand_in=None if start is before else start)
