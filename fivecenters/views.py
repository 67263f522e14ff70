"""What each reading command shows, as plain grids of text for people.

A grid is independent of any terminal library: `render.py` draws it with rich
or as Markdown. Cells carry a style name ("good", "bad", "muted") rather than
colours, so that colour stays a rendering decision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from fivecenters.compare import Change, Comparison, Measure, Verdict
from fivecenters.model import Dataset, Indicator, Kind, Observation, Qualifier
from fivecenters.progress import Assessment, Status, status_for_ratio
from fivecenters.snapshot import CenterOverview, IndicatorSnapshot


@dataclass(frozen=True)
class Cell:
    text: str
    style: str | None = None


@dataclass
class Grid:
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()  # columns aligned right
    # Columns whose text may wrap; the others keep their (short, stacked) cells whole,
    # so a narrow terminal takes its room from the names. None: all may wrap.
    wrapping: frozenset[int] | None = None

    def add(self, *cells: Cell | str) -> None:
        self.rows.append([c if isinstance(c, Cell) else Cell(c) for c in cells])


DASH = "—"
# Table cells stack a value over its year, or a change over its relative change,
# so that tables stay readable at 80 columns.
STACK = "\n"
HEDGES = {
    Qualifier.ABOUT: "≈",
    Qualifier.NEARLY: "≈",
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "≤",
}
VERDICT_STYLES = {Verdict.IMPROVED: "good", Verdict.WORSENED: "bad", Verdict.UNCHANGED: "muted"}
STATUS_STYLES = {
    Status.ACHIEVED: "good",
    Status.ON_TRACK: "good",
    Status.MODERATE: "warn",
    Status.LIMITED: "bad",
    Status.DETERIORATION: "bad",
    Status.MISSED: "bad",
    Status.NOT_ASSESSABLE: "muted",
}
SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 8
SMALL_BAR = 5
UNITLESS = {"count", "rank", "number"}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(value: float, signed: bool = False) -> str:
    """Thousands separators and the value's own precision, up to three decimals."""
    text = f"{value:+,.3f}" if signed else f"{value:,.3f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "+0") else text  # a value that rounds to zero has no sign


def spelled_unit(indicator: Indicator) -> str | None:
    """The unit where it must be written out: not for %, ranks and counts, which speak for themselves."""
    if indicator.kind is Kind.RANK or indicator.is_percent or indicator.unit.lower() in UNITLESS:
        return None
    return indicator.unit


def label(indicator: Indicator) -> str:
    """The indicator's name with its unit, so table cells can show bare numbers."""
    unit = spelled_unit(indicator)
    return f"{indicator.name} ({unit})" if unit else indicator.name


def quantity(indicator: Indicator, value: float, qualifier: Qualifier | None = None, with_unit: bool = True) -> str:
    hedge = HEDGES.get(qualifier, "") if qualifier else ""
    if indicator.kind is Kind.RANK:
        return f"{hedge}{ordinal(int(value))}"
    if indicator.is_percent:
        return f"{hedge}{number(value)}%"
    unit = spelled_unit(indicator)
    return f"{hedge}{number(value)}" + (f" {unit}" if unit and with_unit else "")


def observed(indicator: Indicator, obs: Observation | None, with_unit: bool = False) -> str:
    return quantity(indicator, obs.value, obs.qualifier, with_unit) if obs else DASH


def percent(fraction: float) -> str:
    return f"{fraction * 100:+,.1f}%"


def change_text(change: Change, with_relative: bool = True, separator: str = " ") -> str:
    """A change in the indicator's own terms: points, places, or absolute and relative."""
    if change.measure is Measure.PLACES:
        before, after = int(change.before.value), int(change.after.value)
        moved = before - after
        how = "unchanged" if moved == 0 else f"{'up' if moved > 0 else 'down'} {abs(moved)}"
        return f"{ordinal(before)} → {ordinal(after)},{separator}{how}"
    if change.measure is Measure.PERCENTAGE_POINTS:
        return f"{number(change.absolute, signed=True)} pp"
    relative = f"{separator}({percent(change.relative)})" if with_relative and change.relative is not None else ""
    return f"{number(change.absolute, signed=True)}{relative}"


def change_cell(change: Change | None, with_relative: bool = True, separator: str = " ") -> Cell:
    if change is None:
        return Cell(DASH, "muted")
    # A rank's arrow follows its place, as the text does: 6th → 5th is "▲ … up 1".
    rise = -change.absolute if change.measure is Measure.PLACES else change.absolute
    arrow = "▲" if rise > 0 else "▼" if rise < 0 else "→"
    return Cell(f"{arrow} {change_text(change, with_relative, separator)}", VERDICT_STYLES.get(change.verdict))


def sparkline(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return ""
    low, high = min(finite), max(finite)
    span = high - low
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1)) if span else 3] for v in finite)


def bar(share: float | None, width: int = BAR_WIDTH, separator: str = " ") -> str:
    if share is None:
        return ""
    clamped = max(0.0, min(1.0, share))
    filled = round(clamped * width)
    return "█" * filled + "░" * (width - filled) + f"{separator}{clamped * 100:.0f}%"


def target_text(assessment: Assessment, separator: str = " ") -> str:
    target, indicator = assessment.target, assessment.indicator
    comparator = {"at-least": "≥", "at-most": "≤", "about": "≈"}[target.comparator.value]
    return f"{comparator}{quantity(indicator, target.value, with_unit=False)}{separator}by {target.deadline}"


def dated(text: str, year: int) -> str:
    return f"{text}{STACK}({year})"


def show_grid(title: str, snapshots: list[IndicatorSnapshot]) -> Grid:
    columns = ["Indicator", "Latest", "Change", "Trend", "Next target", "Source"]
    grid = Grid(title, columns, numeric=frozenset({1}), wrapping=frozenset({0, 5}))
    for snap in snapshots:
        indicator, target, latest = snap.indicator, snap.next_target, snap.latest
        grid.add(
            label(indicator),
            dated(observed(indicator, latest), latest.year) if latest else DASH,
            change_cell(snap.change, separator=STACK),
            sparkline([o.value for o in snap.series]),
            f"{target_text(target)}{STACK}{bar(target.share, SMALL_BAR)}" if target else DASH,
            Cell(latest.source if latest else DASH, "muted"),
        )
    return grid


def overview_grids(centers: list[CenterOverview]) -> list[Grid]:
    grids = []
    for center in centers:
        grid = Grid(
            center.center.title,
            ["Indicator", "Latest", "Year", "Change"],
            numeric=frozenset({1}),
            wrapping=frozenset({0}),
        )
        for snap in center.headlines:
            grid.add(
                label(snap.indicator),
                observed(snap.indicator, snap.latest),
                str(snap.latest.year) if snap.latest else DASH,
                change_cell(snap.change),
            )
        grid.notes.append("Targets: " + " · ".join(f"{n} {name}" for name, n in center.outlook.items()))
        grids.append(grid)
    return grids


def compare_grids(comparison: Comparison) -> list[Grid]:
    first, second = comparison.first_year, comparison.second_year
    grids = []
    for center, rows in comparison.by_center().items():
        columns = ["Indicator", str(first), str(second), "Change", "Relative"]
        grid = Grid(center.title, columns, numeric=frozenset({1, 2}), wrapping=frozenset({0}))
        for row in rows:
            indicator, change = row.indicator, row.change
            relative = DASH
            if change and change.measure is Measure.RELATIVE and change.relative is not None:
                relative = percent(change.relative)
            marker = f" [{len(grid.notes) + 1}]" if row.footnote else ""
            grid.add(
                label(indicator) + marker,
                observed(indicator, row.first),
                observed(indicator, row.second),
                change_cell(change, with_relative=False),
                Cell(relative, VERDICT_STYLES.get(change.verdict) if change else "muted"),
            )
            if row.footnote:
                grid.notes.append(f"[{len(grid.notes) + 1}] {indicator.name}: {row.footnote}")
        grids.append(grid)
    return grids


def compare_summary(comparison: Comparison) -> str:
    return f"{comparison.first_year} → {comparison.second_year}: " + ", ".join(
        f"{n} {verdict}" for verdict, n in comparison.counts().items()
    )


def progress_grid(title: str, assessments: list[Assessment], explain: bool = False) -> Grid:
    """With `explain`, the numbers behind each status replace the baseline, latest and bar columns."""
    if explain:
        grid = Grid(title, ["Indicator", "Target", "Status", "Why"], wrapping=frozenset({0, 2, 3}))
    else:
        columns = ["Indicator", "Baseline", "Latest", "Target", "Progress", "Status"]
        grid = Grid(title, columns, wrapping=frozenset({0, 5}))
    for a in assessments:
        indicator = a.indicator
        status = Cell(a.status.value, STATUS_STYLES[a.status])
        if explain:
            grid.add(label(indicator), target_text(a, STACK), status, explanation(a))
            continue
        baseline = a.baseline and dated(quantity(indicator, a.baseline.value, with_unit=False), a.baseline.year)
        latest = a.latest and dated(observed(indicator, a.latest), a.latest.year)
        progress = bar(a.share, separator=STACK) or DASH
        grid.add(label(indicator), baseline or DASH, latest or DASH, target_text(a, STACK), progress, status)
    return grid


def explanation(a: Assessment) -> str:
    """The numbers behind a status, in one sentence a reader can check by hand."""
    indicator, parts = a.indicator, []
    if a.baseline:
        origin = "stated by the target" if a.baseline.stated else "observed"
        parts.append(f"baseline {quantity(indicator, a.baseline.value)} ({a.baseline.year}, {origin})")
    if a.latest:
        parts.append(f"latest {observed(indicator, a.latest, with_unit=True)} ({a.latest.year})")
    if a.actual_rate is not None and a.required_rate is not None:
        method = "CAGR" if a.method == "cagr" else "average yearly change"
        parts.append(f"{method} actual {_rate(a, a.actual_rate)}, needed {_rate(a, a.required_rate)}")
    if a.ratio is not None:
        parts.append(f"R = {ratio_text(a.ratio)}")
    if a.reason:
        parts.append(a.reason)
    return "; ".join(parts) or DASH


def ratio_text(ratio: float) -> str:
    """R to two decimals, or four where two would round it across a threshold."""
    short = f"{ratio:.2f}"
    return short if status_for_ratio(float(short)) is status_for_ratio(ratio) else f"{ratio:.4f}"


def _rate(assessment: Assessment, rate: float | None) -> str:
    if rate is None:
        return DASH
    if assessment.method == "cagr":
        return f"{rate * 100:+.2f}%"
    return number(rate, signed=True) + (" pp" if assessment.indicator.is_percent else "")


def info_grids(dataset: Dataset, indicator: Indicator, assessments: list[Assessment]) -> list[Grid]:
    about = Grid(f"{indicator.name} ({indicator.id})", ["Field", "Value"])
    for label, value in (
        ("Center", indicator.center.title),
        ("Unit", indicator.unit),
        ("Kind", indicator.kind.value),
        ("Better when", f"{indicator.direction.value}"),
        ("Description", indicator.description),
    ):
        about.add(label, value)
    series = Grid("Observations", ["Year", "Value", "Status", "Used", "Source", "Quote"], wrapping=frozenset({1, 4, 5}))
    for obs in sorted(indicator.observations, key=lambda o: o.year):
        series.add(
            str(obs.year),
            observed(indicator, obs, with_unit=True),
            obs.status.value + (f"{STACK}revision" if obs.revision else ""),
            "yes" if obs.used else Cell("no", "muted"),
            obs.source,
            f"“{obs.quote}”" + (f" — {obs.note}" if obs.note else "") + _derived(obs),
        )
    targets = progress_grid("Targets", assessments, explain=True)
    for a in assessments:
        source = dataset.source(a.target.source)
        targets.notes.append(f"{target_text(a)}: “{a.target.quote}” ({source.title if source else a.target.source})")
    return [about, series, targets]


def _derived(obs: Observation) -> str:
    return f" [derived from: {'; '.join(obs.derived_from)}]" if obs.derived_from else ""


def sources_grid(dataset: Dataset) -> Grid:
    """One row per source: what it is, who published it and when, where to find it, who cites it."""
    grid = Grid("Sources", ["Id", "Source", "Cited by"])
    citing = citations(dataset)
    for source in sorted(dataset.sources, key=lambda s: s.id):
        published = source.published.isoformat() if source.published else "no date"
        lines = [source.title, f"{source.publisher}, {published}", source.document or source.url or DASH]
        if source.reliability:
            lines.append(f"Note: {source.reliability}")
        grid.add(source.id, STACK.join(lines), ", ".join(citing.get(source.id, [])) or Cell("nothing", "muted"))
    return grid


def citations(dataset: Dataset) -> dict[str, list[str]]:
    """Which indicators cite each source, in file order."""
    citing: dict[str, list[str]] = {}
    for indicator in dataset.indicators:
        for record in (*indicator.observations, *indicator.targets):
            ids = citing.setdefault(record.source, [])
            if indicator.id not in ids:
                ids.append(indicator.id)
    return citing
