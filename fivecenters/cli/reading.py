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
    user_errors,
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
    with user_errors():
        from fivecenters.core.lookup import center_named, require_as_of
        from fivecenters.core.snapshot import overview, snapshot
        from fivecenters.output.grids import overview_grids, show_grid

        chosen = center_named(center) if center else None
        dataset = load_data(data)
        if year is not None:
            require_as_of(dataset.indicators, year)
        if chosen is None:
            centers = overview(dataset, year)
            records = [c.to_dict() for c in centers]
            rows = [s.to_dict() for c in centers for s in c.headlines]
            emit(output_format, records if output_format is OutputFormat.JSON else rows, overview_grids(centers))
            return
        snapshots = [snapshot(i, year) for i in dataset.indicators if i.center is chosen]
        title = chosen.title + (f", as of {year}" if year else "")
        emit(output_format, [s.to_dict() for s in snapshots], [show_grid(title, snapshots)])


@app.command()
def compare(
    year_a: Annotated[int, typer.Argument(help="A year.", metavar="YEAR1")],
    year_b: Annotated[int, typer.Argument(help="Another year (either order).", metavar="YEAR2")],
    center: Annotated[str | None, typer.Option("--center", "-c", help="Only this center.")] = None,
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """What changed between two years, indicator by indicator."""
    with user_errors():
        from fivecenters.core.compare import compare_years
        from fivecenters.core.lookup import center_named
        from fivecenters.output.grids import compare_grids, compare_summary

        chosen = center_named(center) if center else None
        dataset = load_data(data)
        indicators = [i for i in dataset.indicators if chosen is None or i.center is chosen]
        comparison = compare_years(indicators, year_a, year_b)
        emit(output_format, comparison.to_dict(), compare_grids(comparison), [compare_summary(comparison)])


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
    with user_errors():
        from fivecenters.core.centers import Center
        from fivecenters.core.lookup import center_named, require_as_of
        from fivecenters.core.progress import assess_all
        from fivecenters.output.grids import progress_grid

        chosen = center_named(center) if center else None
        dataset = load_data(data)
        if year is not None:
            require_as_of(dataset.indicators, year)
        assessments, grids = [], []
        for each in [chosen] if chosen else list(Center):
            found = assess_all([i for i in dataset.indicators if i.center is each], year)
            assessments += found
            if found:
                grids.append(progress_grid(each.title, found, explain))
        where = f" for the {chosen.title}" if chosen else ""
        emit(
            output_format, [a.to_dict() for a in assessments], grids, [] if grids else [f"No targets recorded{where}."]
        )


@app.command()
def info(
    indicator: Annotated[str, typer.Argument(help="An indicator id, e.g. container-throughput.")],
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Everything about one indicator: metadata, every observation with its quote, targets."""
    with user_errors():
        from fivecenters.core.lookup import indicator_named
        from fivecenters.core.progress import assess_all
        from fivecenters.output.grids import info_grids

        dataset = load_data(data)
        chosen = indicator_named(dataset, indicator)
        assessments = assess_all([chosen])
        if output_format is OutputFormat.CSV:
            records = [
                {"indicator": chosen.id, "unit": chosen.unit, **o.model_dump(mode="json")} for o in chosen.observations
            ]
        else:
            records = {
                **chosen.model_dump(mode="json"),
                "progress": [a.to_dict() for a in assessments],
            }
        emit(output_format, records, info_grids(dataset, chosen, assessments))


@app.command()
def sources(data: DataOption = None, output_format: FormatOption = OutputFormat.TABLE) -> None:
    """Every source, where to find it, and which indicators cite it."""
    with user_errors():
        from fivecenters.output.grids import sources_grid

        dataset = load_data(data)
        citing = dataset.citations()
        records = [
            {**s.model_dump(mode="json"), "cited_by": citing.get(s.id, [])}
            for s in sorted(dataset.sources, key=lambda s: s.id)
        ]
        emit(output_format, records, [sources_grid(dataset)])
