"""What a chart of one indicator shows, whatever draws it (SVG or the terminal).

The series, the targets as markers, the axes with their ticks and labels are
decided here once, so the SVG and the terminal chart cannot disagree.
"""

import itertools
import math
from collections.abc import Sequence
from typing import NamedTuple, Protocol, TypeVar

from fivecenters.core.model import Dataset, Indicator, Kind, Qualifier
from fivecenters.core.progress import Status
from fivecenters.core.state import IndicatorState
from fivecenters.output.formatting import STATUS_STYLES, observed, quantity, status_text, target_text

OBSERVED = "observed"
SUPERSEDED = "superseded"  # a revision kept in the data but not used
TARGET = "target"
TICKS = 5
MAX_YEAR_TICKS = 12
# Which way the true value lies from a hedged one: ">600" lies above 600, "<5" below 5, "≈4.4" on it.
UP, DOWN, AROUND = 1, -1, 0
HEDGE_DIRECTIONS = {
    Qualifier.MORE_THAN: UP,
    Qualifier.AT_LEAST: UP,
    Qualifier.LESS_THAN: DOWN,
    Qualifier.AT_MOST: DOWN,
    Qualifier.ABOUT: AROUND,
    Qualifier.NEARLY: AROUND,
}


class Mark(NamedTuple):
    year: int
    value: float
    kind: str  # OBSERVED, SUPERSEDED or TARGET
    text: str  # as people read it: "≈4.4%", "≥6 by 2027"
    detail: str  # where it comes from: the source id; for a target its label and status
    style: str | None = None  # a style name (output.formatting): good, bad, warn, muted
    achieved: bool = False  # a target already met
    qualifier: Qualifier | None = None  # a hedged value ("more than 600") is drawn open, not as exact
    # Marks of one year side by side: 0 for the used value, -1, -2 … for the revisions it replaced,
    # so that a revision equal (or close) to the used value is not hidden behind it.
    offset: int = 0

    provisional: bool = False  # an estimate or a preliminary figure
    joined: bool = False  # the line runs to it from the year before: no gap, no break in series

    @property
    def hedge(self) -> int | None:
        """UP, DOWN or AROUND for a hedged value; None for an exact one."""
        return HEDGE_DIRECTIONS[self.qualifier] if self.qualifier else None


class Axis(NamedTuple):
    low: float
    high: float
    ticks: tuple[float, ...]

    def fraction(self, value: float) -> float:
        """Where a value lies on the axis, 0 at `low` and 1 at `high`.

        In halves: the difference of two extreme floats (±1.7e308) overflows, that of their halves cannot.
        """
        return (value / 2 - self.low / 2) / (self.high / 2 - self.low / 2)


class Plot(NamedTuple):
    indicator: Indicator
    points: tuple[Mark, ...]  # every observation, oldest first
    targets: tuple[Mark, ...]
    x: Axis  # years
    y: Axis  # values
    credit: str  # "Source: …", the publishers of the figures plotted

    @property
    def title(self) -> str:
        return self.indicator.name

    @property
    def unit(self) -> str:
        """The y-axis label."""
        return self.indicator.unit

    @property
    def inverted(self) -> bool:
        """Ranks read best at the top: 1st above 5th."""
        return self.indicator.kind is Kind.RANK

    @property
    def line(self) -> list[Mark]:
        return [p for p in self.points if p.kind == OBSERVED]

    @property
    def ahead(self) -> list[Mark]:
        """The targets still to reach after the latest value: a dashed line runs to each from it."""
        line = self.line
        return [t for t in self.targets if line and t.year > line[-1].year and not t.achieved]

    @property
    def segments(self) -> list[list[Mark]]:
        """The line in runs: a year with no value, or a break in series, breaks it rather than being bridged."""
        return runs(self.line)

    def height_of(self, value: float) -> float:
        """0 at the bottom of the plot area, 1 at the top."""
        fraction = self.y.fraction(value)
        return 1 - fraction if self.inverted else fraction

    def tick_text(self, value: float) -> str:
        return quantity(self.indicator, value, with_unit=False)


class Joinable(Protocol):
    @property
    def joined(self) -> bool: ...


M = TypeVar("M", bound=Joinable)


def runs(points: Sequence[M]) -> list[list[M]]:
    """Points in runs a line may join: each run starts at a point not joined to the one before."""
    pieces: list[list[M]] = []
    for point in points:
        if point.joined and pieces:
            pieces[-1].append(point)
        else:
            pieces.append([point])
    return pieces


def step_for(span: float, count: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `count` ticks."""
    raw = span / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def value_axis(values: Sequence[float], rank: bool, room: Sequence[float] = ()) -> Axis:
    """Round ticks around the values and the `room` they need; never below 0 for values that cannot be,
    nor above 1st for ranks.

    Any finite values get an axis: where round ticks cannot be had (a span beyond
    the largest float, values differing in the tenth digit), plain ones are used.
    """
    try:
        axis = _round_axis(values, rank, room)
        if _holds(axis, values):
            return axis
    except (ArithmeticError, ValueError):  # overflow of a span, a step or a tick; log of 0
        pass
    return _plain_axis([*values, *(r for r in room if math.isfinite(r))])


def _round_axis(values: Sequence[float], rank: bool, room: Sequence[float]) -> Axis:
    floor = 1.0 if rank else 0.0
    low, high = min(values), max(values)
    if room:
        low, high = min(low, *(max(r, floor) if low >= floor else r for r in room)), max(high, *room)
    if low == high:
        pad = max(abs(low) * 0.1, 1.0)
        low, high = (low - pad if low < floor else max(floor, low - pad)), high + pad
    step = step_for(high - low, TICKS)
    if rank:
        step = max(1.0, round(step))
    start, end = math.floor(low / step) * step, math.ceil(high / step) * step
    if rank:
        start = max(start, floor)
    count = math.ceil(round((end - start) / step, 9))
    ticks = tuple(round(start + i * step, 9) for i in range(count + 1))
    return Axis(ticks[0], ticks[-1], ticks)


def _holds(axis: Axis, values: Sequence[float]) -> bool:
    """Ticks that rise, are finite and span every value (rounding to 9 places can merge them)."""
    ticks = axis.ticks
    return (
        len(ticks) >= 2
        and all(math.isfinite(t) for t in ticks)
        and all(a < b for a, b in itertools.pairwise(ticks))
        and axis.low <= min(values)
        and axis.high >= max(values)
        and math.isfinite(axis.high / 2 - axis.low / 2)
        and axis.high / 2 - axis.low / 2 > 0
    )


def _plain_axis(values: Sequence[float]) -> Axis:
    """The values' own range (widened when it is a single value), split evenly."""
    low, high = min(values), max(values)
    if low == high:
        pad = max(abs(low) * 0.25, 1.0)
        low = low - pad if math.isfinite(low - pad) else low
        high = high + pad if math.isfinite(high + pad) else high
    ticks = tuple(low * (1 - i / (TICKS - 1)) + high * (i / (TICKS - 1)) for i in range(TICKS))
    return Axis(low, high, (low, *ticks[1:-1], high))


def year_axis(years: list[int]) -> Axis:
    low, high = min(years), max(years)
    if low == high:
        low, high = low - 1, high + 1
    step = max(1, math.ceil((high - low) / MAX_YEAR_TICKS))
    return Axis(low, high, tuple(float(y) for y in range(low, high + 1, step)))


def plot_of(state: IndicatorState, dataset: Dataset) -> Plot | None:
    """The chart of an indicator; None when it has neither observations nor targets."""
    indicator = state.indicator
    observations = sorted(indicator.observations, key=lambda o: (o.year, o.used))
    used_years = {o.year for o in indicator.used_observations()}
    points = tuple(
        Mark(
            o.year,
            o.value,
            OBSERVED if o.used else SUPERSEDED,
            observed(indicator, o, with_unit=True),
            o.source,
            qualifier=o.qualifier,
            offset=0 if o.used else -sum(not p.used and p.year == o.year for p in observations[index:]),
            provisional=o.provisional,
            joined=o.used and o.year - 1 in used_years and not o.series_break,
        )
        for index, o in enumerate(observations)
    )
    targets = []
    for assessment in state.by_deadline:
        detail = " · ".join(filter(None, [assessment.target.label, status_text(assessment)]))
        targets.append(
            Mark(
                assessment.target.deadline,
                assessment.target.value,
                TARGET,
                target_text(assessment),
                detail,
                STATUS_STYLES[assessment.status],
                achieved=assessment.status is Status.ACHIEVED,
            )
        )
    marks = [*points, *targets]
    if not marks:
        return None
    return Plot(
        indicator,
        points,
        tuple(targets),
        year_axis([m.year for m in marks]),
        value_axis([m.value for m in marks], indicator.kind is Kind.RANK, _hedged_room(points)),
        credit(dataset, [m.detail for m in points] + [a.target.source for a in state.by_deadline]),
    )


def _hedged_room(points: tuple[Mark, ...]) -> list[float]:
    """A hedged value ("more than 600") is kept off the axis ends: room for its arrow on the open side, and
    on the other no edge to sit on, which would read as the axis's floor or ceiling."""
    values = [p.value for p in points]
    if len(values) < 2:
        return []
    span = (max(values) - min(values)) or abs(values[0]) or 1.0
    return [p.value + side * span * 0.08 for p in points if p.hedge in (UP, DOWN) for side in (-1, 1)]


def credit(dataset: Dataset, source_ids: list[str]) -> str:
    """The publishers of the cited sources, each once, in order of first citation."""
    publishers: dict[str, None] = {}
    for source_id in source_ids:
        source = dataset.source(source_id)
        publishers[source.publisher if source else source_id] = None
    return "Source: " + "; ".join(publishers) if publishers else ""
