"""Commands that write files for others: export, chart and report."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fivecenters.cli.app import (
    DataOption,
    ExportFormat,
    app,
    load_data,
    notice,
)
from fivecenters.core.text import printable

if TYPE_CHECKING:
    from fivecenters.core.model import Dataset
    from fivecenters.output.charts.geometry import Plot
    from fivecenters.output.charts.ranking import RankPlot


BOM = "\ufeff"
# Formats that are files, not text: they need --output.
BINARY = {ExportFormat.XLSX: "an .xlsx file", ExportFormat.SQLITE: "a .db file", ExportFormat.DATAPACKAGE: "a folder"}


def _reads(data: Path | None, dataset: Dataset) -> list[Path]:
    """What fc read for this command: an output must never replace it."""
    from fivecenters.core.documents import files_read
    from fivecenters.core.load import find_data_file

    return files_read(find_data_file(data), (s.document for s in dataset.sources if s.document))


@app.command()
def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="csv or json: one table; xlsx, sqlite: every table; datapackage: a folder."
        ),
    ] = ExportFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File (csv, json, xlsx, sqlite) or folder (datapackage) to write.", metavar="PATH"
        ),
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom", help="csv: start with a byte-order mark, so Excel reads the text as UTF-8.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Export the data for spreadsheets, databases and other tools.

    csv and json: a tidy long table, one row per observation (center,
    indicator, year, value, unit, qualifier, status, revision, and the source's
    title, publisher, URL and quote), to stdout or to --output. xlsx: an Excel
    workbook with a sheet per table (observations, targets, sources,
    indicators, benchmarks, benchmark_entries). sqlite: a SQLite database of the same tables with foreign
    keys, and beside it NAME.metadata.json for Datasette (datasette NAME.db -m
    NAME.metadata.json). datapackage: a Frictionless Data Package in the folder
    --output (datapackage.json with the table schemas, and a CSV per table).
    Files are replaced atomically.
    """
    from fivecenters.core.store import OutputError, write_text
    from fivecenters.output import datapackage as exporting

    if output is None and output_format in BINARY:
        raise OutputError(f"--format {output_format} needs --output, {BINARY[output_format]} to write", usage=True)
    if bom and output_format is not ExportFormat.CSV:
        raise OutputError("--bom is for --format csv", usage=True)
    dataset = load_data(data)
    if output_format is ExportFormat.DATAPACKAGE:
        assert output is not None
        exporting.write_package(dataset, output)
        notice(f"wrote a data package to {printable(output)}")
        return
    if output_format is ExportFormat.SQLITE:
        assert output is not None
        _write_database(dataset, output, _reads(data, dataset))
        return
    content: str | bytes
    if output_format is ExportFormat.XLSX:
        from fivecenters.output.spreadsheet import workbook

        content = workbook(dataset)
    elif output_format is ExportFormat.CSV:
        content = (BOM if bom else "") + exporting.observations_csv(dataset)
    else:
        content = exporting.observations_json(dataset) + "\n"
    if output is None:
        typer.echo(content, nl=False)
    else:
        write_text(output, content, _reads(data, dataset))
        notice(f"wrote {printable(output)}")


def _write_database(dataset: Dataset, output: Path, reads: list[Path]) -> None:
    """The database, then its Datasette metadata beside it (NAME.metadata.json)."""
    from fivecenters.core.store import check_output, write_text
    from fivecenters.output.database import database, metadata
    from fivecenters.output.records import to_json

    described = output.with_name(f"{output.stem}.metadata.json")
    check_output(described, reads)  # both are refused before either is written
    write_text(output, database(dataset), reads)
    write_text(described, to_json(metadata(dataset, output.stem)) + "\n", reads)
    shown, meta = printable(output), printable(described)
    notice(f"wrote {shown} and {meta}; browse: datasette {shown} -m {meta}")


@app.command()
def chart(
    name: Annotated[
        str,
        typer.Argument(
            help="An indicator id (container-throughput) or a benchmark id (gfci), or its Chinese name.",
            metavar="INDICATOR|BENCHMARK",
        ),
    ],
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Write the chart as an SVG file instead.", metavar="PATH")
    ] = None,
    data: DataOption = None,
) -> None:
    """A line chart of one indicator over the years, with its targets as markers; or a benchmark's rank chart.

    The y axis is labelled with the indicator's unit; ranks are drawn with 1st
    at the top. A year with no value breaks the line; hedged values ("more
    than 600") are open, labelled, with an arrow towards the true value;
    superseded revisions show as hollow points beside the value that replaced
    them. A benchmark's chart shows Shanghai's place edition by edition
    among the peers its sources name in two editions or more; "not in the
    top N" is an open mark at N+1 pointing down, never joined to a place.
    Every chart ends with its source line, the publishers of its figures.
    With --svg, the chart is written as a standalone SVG file (replaced
    atomically).
    """
    from fivecenters.core.errors import NothingToShow
    from fivecenters.core.lookup import chartable_named
    from fivecenters.core.model import Indicator
    from fivecenters.core.standing import standing
    from fivecenters.core.state import state_of
    from fivecenters.output.charts import text
    from fivecenters.output.charts.geometry import plot_of
    from fivecenters.output.charts.ranking import rank_plot

    dataset = load_data(data)
    chosen = chartable_named(dataset, name)
    if isinstance(chosen, Indicator):
        plot = plot_of(state_of(chosen), dataset)
        if plot is None:
            raise NothingToShow(f"{chosen.id} has nothing to chart: no observations and no targets")
        as_svg, as_lines = partial(_svg_chart, plot), partial(text.chart_lines, plot)
    else:
        ranks = rank_plot(standing(chosen), dataset)
        if ranks is None:
            raise NothingToShow(f"{chosen.id} has nothing to chart: no edition places Shanghai or a peer")
        as_svg, as_lines = partial(_svg_chart, ranks), partial(text.rank_lines, ranks)
    if svg is not None:
        from fivecenters.core.store import write_text

        write_text(svg, as_svg(), _reads(data, dataset))
        notice(f"wrote {printable(svg)}")
        return
    from fivecenters.output.terminal import output_width, print_lines

    print_lines(as_lines(width=min(output_width(), 100)))


def _svg_chart(figure: Plot | RankPlot) -> str:
    """The chart as an SVG page; its modules (the page's layout, html) are imported only to write one."""
    from fivecenters.output.charts import svg as drawing
    from fivecenters.output.charts.geometry import Plot

    return drawing.line_chart(figure) if isinstance(figure, Plot) else drawing.rank_chart(figure)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.", metavar="PATH")] = Path(
        "report.html"
    ),
    data: DataOption = None,
) -> None:
    """One self-contained HTML page of all five centers, to open in any browser.

    Per center: the headline indicators and their changes, a chart of every
    indicator with its targets, progress bars with statuses, a rank chart of
    every benchmark with Shanghai's latest place, and each figure's source,
    linked or named. The page loads nothing from the network (inline
    CSS and SVG, no script). The file is replaced atomically.
    """
    from fivecenters.core.load import find_data_file
    from fivecenters.core.store import write_text
    from fivecenters.output.html_page import report_html

    path = find_data_file(data)
    dataset = load_data(path)
    write_text(output, report_html(dataset, path.name), _reads(path, dataset))
    notice(f"wrote {printable(output)}")
