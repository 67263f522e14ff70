"""What each reading command shows, as plain grids of text for people.

A grid is independent of any terminal library: `terminal.py` draws it with
rich and `markdown.py` as a Markdown table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fivecenters.core.catalogue import IndicatorInfo, SourceList
from fivecenters.core.compare import Comparison, Measure
from fivecenters.core.model import Kind, Observation
from fivecenters.core.progress import Assessment
from fivecenters.core.snapshot import CenterSnapshot, Overview, ProgressReport
from fivecenters.output.formatting import (
    DASH,
    SMALL_BAR,
    STACK,
    STATUS_STYLES,
    VERDICT_STYLES,
    Cell,
    bar,
    change_cell,
    dated,
    explanation,
    label,
    observed,
    percent,
    quantity,
    sparkline,
    target_text,
)


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
    # Columns a narrow terminal leaves out, first to go first, before names are squeezed.
    optional: tuple[int, ...] = ()
    # Columns of ids (source ids): broken only after a hyphen, never inside a word.
    ids: frozenset[int] = frozenset()

    def add(self, *cells: Cell | str) -> None:
        self.rows.append([c if isinstance(c, Cell) else Cell(c) for c in cells])


def show_grid(snapshot: CenterSnapshot) -> Grid:
    title = snapshot.center.bilingual + (f", as of {snapshot.as_of}" if snapshot.as_of else "")
    columns = ["Indicator", "Latest", "Change", "Trend", "Next target", "Source"]
    grid = Grid(title, columns, numeric=frozenset({1}), wrapping=frozenset({0}), optional=(3, 4), ids=frozenset({5}))
    for state in snapshot.states:
        indicator, target, latest = state.indicator, state.next_target, state.latest
        grid.add(
            label(indicator),
            dated(observed(indicator, latest), latest.year) if latest else DASH,
            change_cell(state.change, separator=STACK),
            sparkline([o.value for o in state.series], indicator.kind is Kind.RANK) or DASH,
            f"{target_text(target)}{STACK}{bar(target.share, SMALL_BAR)}" if target else DASH,
            Cell(latest.source if latest else DASH, "muted"),
        )
    return grid


def overview_grids(overview: Overview) -> list[Grid]:
    grids = []
    for center in overview.centers:
        grid = Grid(
            center.center.full_name,
            ["Indicator", "Latest", "Year", "Change"],
            numeric=frozenset({1}),
            wrapping=frozenset({0}),
        )
        for state in center.headlines:
            grid.add(
                label(state.indicator),
                observed(state.indicator, state.latest),
                str(state.latest.year) if state.latest else DASH,
                change_cell(state.change),
            )
        grid.notes.append("Targets: " + " · ".join(f"{n} {name}" for name, n in center.outlook.items()))
        grids.append(grid)
    return grids


def compare_grids(comparison: Comparison) -> list[Grid]:
    first, second = comparison.first_year, comparison.second_year
    grids = []
    for center, rows in comparison.by_center().items():
        columns = ["Indicator", str(first), str(second), "Change", "Relative"]
        grid = Grid(center.full_name, columns, numeric=frozenset({1, 2}), wrapping=frozenset({0}), optional=(4,))
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


def progress_grids(report: ProgressReport, explain: bool = False) -> list[Grid]:
    return [progress_grid(center.full_name, found, explain) for center, found in report.by_center.items()]


def progress_lines(report: ProgressReport) -> list[str]:
    """What to say when there is no grid to show."""
    if report.by_center:
        return []
    return [f"No targets recorded{f' for the {report.center.full_name}' if report.center else ''}."]


def progress_grid(title: str, assessments: list[Assessment], explain: bool = False) -> Grid:
    """With `explain`, the numbers behind each status replace the baseline, latest and bar columns."""
    if explain:
        grid = Grid(title, ["Indicator", "Target", "Status", "Why"], wrapping=frozenset({0, 2, 3}))
    else:
        columns = ["Indicator", "Baseline", "Latest", "Target", "Progress", "Status"]
        grid = Grid(title, columns, wrapping=frozenset({0, 5}), optional=(4, 1))
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


def info_grids(info: IndicatorInfo) -> list[Grid]:
    indicator, assessments = info.state.indicator, info.state.assessments
    chinese = f" {indicator.name_zh}" if indicator.name_zh else ""
    about = Grid(f"{indicator.name}{chinese} ({indicator.id})", ["Field", "Value"])
    for name, value in (
        ("Center", indicator.center.bilingual),
        ("Unit", indicator.unit),
        ("Kind", indicator.kind.value),
        ("Better when", f"{indicator.direction.value}"),
        ("Description", indicator.description),
    ):
        about.add(name, value)
    series = Grid(
        "Observations",
        ["Year", "Value", "Status", "Used", "Source", "Quote"],
        wrapping=frozenset({1, 5}),
        ids=frozenset({4}),
    )
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
        source = info.sources.get(a.target.source)
        targets.notes.append(f"{target_text(a)}: “{a.target.quote}” ({source.title if source else a.target.source})")
    return [about, series, targets]


def _derived(obs: Observation) -> str:
    return f" [derived from: {'; '.join(obs.derived_from)}]" if obs.derived_from else ""


def sources_grid(listing: SourceList) -> Grid:
    """One row per source: what it is, who published it and when, where to find it, who cites it."""
    grid = Grid("Sources", ["Id", "Source", "Cited by"], ids=frozenset({0}))
    for source in listing.sources:
        published = source.published.isoformat() if source.published else "no date"
        lines = [source.title, f"{source.publisher}, {published}", source.document or source.url or DASH]
        if source.reliability:
            lines.append(f"Note: {source.reliability}")
        cited_by = ", ".join(listing.cited_by.get(source.id, [])) or Cell("nothing", "muted")
        grid.add(source.id, STACK.join(lines), cited_by)
    return grid
