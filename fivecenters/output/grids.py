"""What each reading command shows, as plain grids of text for people.

A grid is independent of any terminal library: `terminal.py` draws it with
rich and `markdown.py` as a Markdown table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field

from fivecenters.core.catalogue import IndicatorInfo, SourceList
from fivecenters.core.compare import Comparison, Measure
from fivecenters.core.model import Kind, Observation
from fivecenters.core.progress import Assessment, by_plan
from fivecenters.core.snapshot import CenterSnapshot, Overview, ProgressReport
from fivecenters.core.state import IndicatorState
from fivecenters.core.structs import struct
from fivecenters.output.formatting import (
    DASH,
    FLAG_LEGEND,
    NOT_COMPARABLE,
    SMALL_BAR,
    STACK,
    STATUS_STYLES,
    VERDICT_STYLES,
    Cell,
    bar,
    change_cell,
    dated,
    explanation,
    flags,
    label,
    observed,
    percent,
    quantity,
    sparkline,
    status_text,
    target_text,
    when,
)


@struct
class Grid:
    """A table for people, as the core's records give it: drawn by the terminal, plain text or Markdown."""

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

    def footnote(self, text: str) -> str:
        """Add a numbered note; the marker to put in the row."""
        self.notes.append(f"[{len(self.notes) + 1}] {text}")
        return f" [{len(self.notes)}]"

    def flag_legend(self, observations: Sequence[Observation | None]) -> None:
        """Explain the flags (e, p, b) under the grid, once, when a value shown carries one."""
        if any(o and flags(o) for o in observations):
            self.notes.append(FLAG_LEGEND)


def show_grid(snapshot: CenterSnapshot) -> Grid:
    title = snapshot.center.bilingual + (f", as of {snapshot.as_of}" if snapshot.as_of else "")
    columns = ["Indicator", "Latest", "Change", "Trend", "Next target", "Source"]
    grid = Grid(title, columns, numeric=frozenset({1}), wrapping=frozenset({0}), optional=(3, 4), ids=frozenset({5}))
    for state in snapshot.states:
        indicator, target, latest = state.indicator, state.next_target, state.latest
        change = change_cell(state.change, separator=STACK)
        marker = grid.footnote(f"{indicator.name}: {note}") if (note := _change_note(state)) else ""
        grid.add(
            label(indicator) + marker,
            dated(observed(indicator, latest), when(latest)) if latest else DASH,
            NOT_COMPARABLE if state.change_note else change,
            sparkline([o.value for o in state.segment], indicator.kind is Kind.RANK) or DASH,
            f"{target_text(target)}{STACK}{bar(target.share, SMALL_BAR)}" if target else DASH,
            Cell(latest.source if latest else DASH, "muted"),
        )
    grid.flag_legend([s.latest for s in snapshot.states])
    return grid


def _change_note(state: IndicatorState) -> str | None:
    """Why a change is not shown, or what a shown one rests on."""
    if state.change_note:
        return f"change not comparable: {state.change_note}"
    return state.change.note if state.change else None


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
            marker = grid.footnote(f"{state.indicator.name}: {note}") if (note := _change_note(state)) else ""
            grid.add(
                label(state.indicator) + marker,
                observed(state.indicator, state.latest),
                when(state.latest) if state.latest else DASH,
                NOT_COMPARABLE if state.change_note else change_cell(state.change),
            )
        grid.flag_legend([s.latest for s in center.headlines])
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
            marker = grid.footnote(f"{indicator.name}: {row.footnote}") if row.footnote else ""
            comparable = change or not (row.first and row.second)
            grid.add(
                label(indicator) + marker,
                observed(indicator, row.first),
                observed(indicator, row.second),
                change_cell(change, with_relative=False) if comparable else NOT_COMPARABLE,
                Cell(relative, VERDICT_STYLES.get(change.verdict) if change else "muted"),
            )
        grid.flag_legend([o for row in rows for o in (row.first, row.second)])
        grids.append(grid)
    return grids


def compare_summary(comparison: Comparison) -> str:
    return f"{comparison.first_year} → {comparison.second_year}: " + ", ".join(
        f"{n} {verdict}" for verdict, n in comparison.counts().items()
    )


def progress_grids(report: ProgressReport, explain: bool = False) -> list[Grid]:
    return [
        grid for center, found in report.by_center.items() for grid in _plan_grids(center.full_name, found, explain)
    ]


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
        status = Cell(status_text(a), STATUS_STYLES[a.status])
        if explain:
            grid.add(label(indicator), target_text(a, STACK), status, explanation(a))
            continue
        baseline = a.baseline and dated(quantity(indicator, a.baseline.value, with_unit=False), a.baseline.year)
        latest = a.latest and dated(observed(indicator, a.latest), when(a.latest))
        progress = bar(a.share, separator=STACK) or DASH
        grid.add(label(indicator), baseline or DASH, latest or DASH, target_text(a, STACK), progress, status)
    return grid


def _plan_grids(center_title: str, assessments: list[Assessment], explain: bool) -> list[Grid]:
    """One grid per plan: every target appears once, under the plan that states it."""
    grids = []
    for group in by_plan(assessments):
        grid = progress_grid(f"{center_title} · {group.title}", group.assessments, explain)
        grid.flag_legend([a.latest for a in group.assessments])
        grids.append(grid)
    return grids


def info_grids(info: IndicatorInfo) -> list[Grid]:
    indicator, assessments = info.state.indicator, info.state.assessments
    chinese = f" {indicator.name_zh}" if indicator.name_zh else ""
    about = Grid(f"{indicator.name}{chinese} ({indicator.id})", ["Field", "Value"])
    if (named := info.name_citation) is not None:
        source = info.sources.get(named.source)
        about.add("Chinese name", f"{indicator.name_zh}: “{named.quote}” ({source.title if source else named.source})")
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
        standing = [obs.status.value, obs.vintage and f"vintage: {obs.vintage}", obs.revision and "revision"]
        standing += [obs.series_break and "break in series", obs.as_of and f"as of {obs.as_of}"]
        series.add(
            str(obs.year),
            observed(indicator, obs, with_unit=True),
            STACK.join(part for part in standing if part),
            "yes" if obs.used else Cell("no", "muted"),
            "\n".join(c.source for c in obs.citations()),
            "\n".join(f"“{c.quote}”" for c in obs.citations()) + (f" — {obs.note}" if obs.note else "") + _derived(obs),
        )
    series.flag_legend(indicator.observations)
    targets = progress_grid("Targets", assessments, explain=True)
    for a in assessments:
        for citation in a.target.citations():
            source = info.sources.get(citation.source)
            cited = source.title if source else citation.source
            targets.notes.append(f"{target_text(a)} ({a.plan}): “{citation.quote}” ({cited})")
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
