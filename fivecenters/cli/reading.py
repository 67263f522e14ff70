"""The reading commands: show, compare, progress, info and sources."""

from __future__ import annotations

from typing import Annotated

import typer

from fivecenters.cli.app import (
    DataOption,
    FormatOption,
    OutputFormat,
    app,
    emit,
    load_data,
)


@app.command()
def show(
    center: Annotated[
        str | None, typer.Argument(help="A center (economic, financial, trade, shipping, innovation).")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Show values as of this year.")] = None,
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Where a center stands: latest values, changes, trends and targets.

    Without a center: an overview of all five centers with their headline
    indicators and how many targets are achieved, on track or off track.
    """
    from fivecenters.core.lookup import center_named
    from fivecenters.core.snapshot import center_snapshot, overview
    from fivecenters.core.standing import standings_for
    from fivecenters.output.grids import overview_grids, show_grid
    from fivecenters.output.standing_grids import peers_grid

    chosen = center_named(center) if center else None
    if chosen is None:
        centers = overview(load_data(data), year)
        emit(output_format, centers, overview_grids(centers))
    else:
        dataset = load_data(data)
        snapshot = center_snapshot(dataset, chosen, year)
        # For people only (`fc rank` has the records): the latest place on each benchmark.
        ranks = standings_for(dataset, chosen, year)
        emit(output_format, snapshot, [show_grid(snapshot), *([peers_grid(ranks)] if ranks else [])])


@app.command()
def compare(
    year_a: Annotated[int, typer.Argument(help="A year.", metavar="YEAR1")],
    year_b: Annotated[int, typer.Argument(help="Another year (either order).", metavar="YEAR2")],
    center: Annotated[str | None, typer.Option("--center", "-c", help="Only this center.")] = None,
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """What changed between two years, indicator by indicator."""
    from fivecenters.core.compare import year_comparison
    from fivecenters.core.lookup import center_named
    from fivecenters.output.grids import compare_grids, compare_summary

    chosen = center_named(center) if center else None
    comparison = year_comparison(load_data(data), year_a, year_b, chosen)
    emit(output_format, comparison, compare_grids(comparison), [compare_summary(comparison)])


@app.command()
def progress(
    center: Annotated[str | None, typer.Argument(help="Only this center.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show the numbers behind each status.")] = False,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Assess as of this year.")] = None,
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Every target: baseline, latest value, how far along, and its status.

    Statuses follow the Statistics Canada / Open SDG progress method: R, the
    growth achieved since the baseline over the growth needed by the deadline,
    is on track at 0.95 or more, moderate from 0.60, limited from 0, and
    deterioration below 0. See the README for the method.
    """
    from fivecenters.core.lookup import center_named
    from fivecenters.core.snapshot import progress_report
    from fivecenters.output.grids import progress_grids, progress_lines

    chosen = center_named(center) if center else None
    report = progress_report(load_data(data), chosen, year)
    emit(output_format, report, progress_grids(report, explain), progress_lines(report))


@app.command()
def info(
    indicator: Annotated[str, typer.Argument(help="An indicator id, e.g. container-throughput.")],
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Everything about one indicator: metadata, every observation with its quote, targets."""
    from fivecenters.core.catalogue import indicator_info
    from fivecenters.output.grids import info_grids

    info = indicator_info(load_data(data), indicator)
    emit(output_format, info, info_grids(info))


@app.command()
def sources(data: DataOption = None, output_format: FormatOption = OutputFormat.TABLE) -> None:
    """Every source, where to find it, and which indicators cite it."""
    from fivecenters.core.catalogue import source_list
    from fivecenters.output.grids import sources_grid

    listing = source_list(load_data(data))
    emit(output_format, listing, [sources_grid(listing)])
