"""The `fc` command line: parses arguments, calls the core, renders the result.

Heavy modules (pydantic through the checks, rich through the renderers) are
imported inside the commands that use them, so `fc --version` and `fc --help`
stay fast.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from fivecenters import __version__

app = typer.Typer(
    name="fc",
    help="Track Shanghai's Five Centers (economic, financial, trade, shipping, sci-tech) with cited figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Data file to read. Default: $FC_DATA, else ./indicators.toml, else the bundled copy.",
        show_default=False,
        metavar="PATH",
    ),
]


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    DATAPACKAGE = "datapackage"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
MAX_SHOWN_ERRORS = 10


@contextmanager
def user_errors() -> Iterator[None]:
    """Domain errors become one-line messages: exit 1 for bad data, 2 for bad names."""
    from fivecenters.files import OutputError
    from fivecenters.load import DataError
    from fivecenters.lookup import UnknownName
    from fivecenters.report import printable

    try:
        yield
    except DataError as exc:
        for problem in exc.problems[:MAX_SHOWN_ERRORS]:
            typer.echo(problem.format(exc.file), err=True)
        more = len(exc.problems) - MAX_SHOWN_ERRORS
        hint = f" ({more} more)" if more > 0 else ""
        typer.echo(f"fc: {printable(exc.file)} cannot be used{hint}; run 'fc validate' for the full report", err=True)
        raise typer.Exit(1) from None
    except UnknownName as exc:
        typer.echo(f"fc: error: {printable(str(exc))}", err=True)
        raise typer.Exit(2) from None
    except OutputError as exc:
        from fivecenters.report import printable

        typer.echo(f"fc: error: {printable(str(exc))}", err=True)
        raise typer.Exit(2 if exc.usage else 1) from None


def _dataset(data: Path | None):  # -> Dataset; pydantic is imported only here
    from fivecenters.checks import load_dataset
    from fivecenters.load import find_data_file

    dataset = load_dataset(find_data_file(data))
    # The command ends with the dataset: the garbage collector need not walk it again while
    # the output is built (a seventh of `fc compare` on a large file).
    gc.freeze()
    return dataset


def _emit(output_format: OutputFormat, records, grids, lines=()) -> None:
    """Records for machines (json, csv); grids for people (table, markdown)."""
    if output_format is OutputFormat.JSON:
        from fivecenters.records import to_json

        typer.echo(to_json(records))
    elif output_format is OutputFormat.CSV:
        from fivecenters.records import to_csv

        rows = records if isinstance(records, list) else records["rows"]
        typer.echo(to_csv(rows), nl=False)
    elif output_format is OutputFormat.MARKDOWN:
        from fivecenters.render import markdown

        typer.echo(markdown(grids, lines), nl=False)
    else:
        from fivecenters.render import print_rich

        print_rich(grids, lines)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Track Shanghai's Five Centers with cited figures."""


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Data files to check (as pre-commit passes them).")] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.TEXT,
) -> None:
    """Check data files: syntax, types, ids, sources, quotes, years and values.

    Prints one line per problem, PATH:LINE:COL: SEVERITY CODE: MESSAGE, then a
    summary. Exits 1 when a file has errors (or warnings, with --strict).
    """
    from fivecenters.checks import validate_file
    from fivecenters.load import find_data_file
    from fivecenters.report import json_safe

    files = paths or [find_data_file(data)]
    reports = [validate_file(path)[0] for path in files]
    passed = all(report.passed(strict) for report in reports)
    if output_format is CheckFormat.JSON:
        document = {"valid": passed, "reports": [r.to_dict() for r in reports]}
        typer.echo(json_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        for report in reports:
            for problem in report.problems:
                typer.echo(problem.format(report.file))
            typer.echo(("ok: " if report.passed(strict) else "failed: ") + report.summary())
    raise typer.Exit(0 if passed else 1)


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
        from fivecenters.lookup import center_named, require_as_of
        from fivecenters.snapshot import overview, snapshot
        from fivecenters.views import overview_grids, show_grid

        chosen = center_named(center) if center else None
        dataset = _dataset(data)
        if year is not None:
            require_as_of(dataset.indicators, year)
        if chosen is None:
            centers = overview(dataset, year)
            records = [c.to_dict() for c in centers]
            rows = [s.to_dict() for c in centers for s in c.headlines]
            _emit(output_format, records if output_format is OutputFormat.JSON else rows, overview_grids(centers))
            return
        snapshots = [snapshot(i, year) for i in dataset.indicators if i.center is chosen]
        title = chosen.title + (f", as of {year}" if year else "")
        _emit(output_format, [s.to_dict() for s in snapshots], [show_grid(title, snapshots)])


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
        from fivecenters.compare import compare_years
        from fivecenters.lookup import center_named
        from fivecenters.views import compare_grids, compare_summary

        chosen = center_named(center) if center else None
        dataset = _dataset(data)
        indicators = [i for i in dataset.indicators if chosen is None or i.center is chosen]
        comparison = compare_years(indicators, year_a, year_b)
        _emit(output_format, comparison.to_dict(), compare_grids(comparison), [compare_summary(comparison)])


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
        from fivecenters.centers import Center
        from fivecenters.lookup import center_named, require_as_of
        from fivecenters.progress import assess_all
        from fivecenters.views import progress_grid

        chosen = center_named(center) if center else None
        dataset = _dataset(data)
        if year is not None:
            require_as_of(dataset.indicators, year)
        assessments, grids = [], []
        for each in [chosen] if chosen else list(Center):
            found = assess_all([i for i in dataset.indicators if i.center is each], year)
            assessments += found
            if found:
                grids.append(progress_grid(each.title, found, explain))
        where = f" for the {chosen.title}" if chosen else ""
        _emit(
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
        from fivecenters.lookup import indicator_named
        from fivecenters.progress import assess_all
        from fivecenters.views import info_grids

        dataset = _dataset(data)
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
        _emit(output_format, records, info_grids(dataset, chosen, assessments))


@app.command()
def sources(data: DataOption = None, output_format: FormatOption = OutputFormat.TABLE) -> None:
    """Every source, where to find it, and which indicators cite it."""
    with user_errors():
        from fivecenters.views import citations, sources_grid

        dataset = _dataset(data)
        citing = citations(dataset)
        records = [
            {**s.model_dump(mode="json"), "cited_by": citing.get(s.id, [])}
            for s in sorted(dataset.sources, key=lambda s: s.id)
        ]
        _emit(output_format, records, [sources_grid(dataset)])


@app.command()
def export(
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv or json: one table; datapackage: a folder.")
    ] = ExportFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (csv, json) or folder (datapackage) to write.", metavar="PATH"),
    ] = None,
    data: DataOption = None,
) -> None:
    """Export the data for spreadsheets and other tools.

    csv and json: a tidy long table, one row per observation (center,
    indicator, year, value, unit, qualifier, status, revision, and the source's
    title, publisher, URL and quote), to stdout or to --output. datapackage: a
    Frictionless Data Package in the folder --output (datapackage.json with
    the table schemas, plus observations.csv, targets.csv and sources.csv).
    Files are replaced atomically.
    """
    with user_errors():
        from fivecenters import export as exporting
        from fivecenters.files import OutputError, write_text

        if output_format is ExportFormat.DATAPACKAGE and output is None:
            raise OutputError("--format datapackage needs --output DIR, the folder to write", usage=True)
        dataset = _dataset(data)
        if output_format is ExportFormat.DATAPACKAGE:
            assert output is not None
            exporting.write_package(dataset, output)
            typer.echo(f"fc: wrote a data package to {output}", err=True)
            return
        if output_format is ExportFormat.CSV:
            text = exporting.observations_csv(dataset)
        else:
            text = exporting.observations_json(dataset) + "\n"
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_text(output, text)
            typer.echo(f"fc: wrote {output}", err=True)


@app.command()
def chart(
    indicator: Annotated[str, typer.Argument(help="An indicator id, e.g. container-throughput.")],
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Write the chart as an SVG file instead.", metavar="PATH")
    ] = None,
    data: DataOption = None,
) -> None:
    """A line chart of one indicator over the years, with its targets as markers.

    The y axis is labelled with the indicator's unit; ranks are drawn with 1st
    at the top. Superseded revisions show as hollow points. With --svg, the
    chart is written as a standalone SVG file (replaced atomically).
    """
    with user_errors():
        from fivecenters.files import write_text
        from fivecenters.lookup import indicator_named
        from fivecenters.plot import plot_of

        chosen = indicator_named(_dataset(data), indicator)
        plot = plot_of(chosen)
        if plot is None:
            typer.echo(f"fc: error: {chosen.id} has nothing to chart: no observations and no targets", err=True)
            raise typer.Exit(1)
        if svg is not None:
            from fivecenters.svg import line_chart

            write_text(svg, line_chart(plot))
            typer.echo(f"fc: wrote {svg}", err=True)
            return
        from fivecenters.chart import chart_lines
        from fivecenters.render import console, print_lines

        print_lines(chart_lines(plot, width=min(console().width, 100)))


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.", metavar="PATH")] = Path(
        "report.html"
    ),
    data: DataOption = None,
) -> None:
    """One self-contained HTML page of all five centers, to open in any browser.

    Per center: the headline indicators and their changes, a chart of every
    indicator with its targets, progress bars with statuses, and each figure's
    source, linked or named. The page loads nothing from the network (inline
    CSS and SVG, no script). The file is replaced atomically.
    """
    with user_errors():
        from fivecenters.files import write_text
        from fivecenters.html_report import report_html
        from fivecenters.load import find_data_file

        path = find_data_file(data)
        write_text(output, report_html(_dataset(path), path.name))
        typer.echo(f"fc: wrote {output}", err=True)


# Writing commands. Choices are checked against the model's enums inside the
# commands (exit 2), so that importing this module stays free of pydantic.

_ADD_SETTINGS = {"ignore_unknown_options": True}  # lets a VALUE such as -1.5 through as a number
NoteOption = Annotated[
    str | None, typer.Option("--note", help="A note: why this value, what it covers.", metavar="TEXT")
]


def _date_option(help_text: str) -> typer.models.OptionInfo:
    return typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help=help_text, show_default=False)


def _number(text: str, hint: str) -> int | float:
    """Keep a whole number whole: `47` stays 47 in the file, not 47.0."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    raise typer.BadParameter(f"'{text}' is not a number", param_hint=hint)


def _optional_number(text: str | None, hint: str) -> int | float | None:
    return None if text is None else _number(text, hint)


def _choice(value: str | None, choices: type[StrEnum], hint: str) -> str | None:
    if value is None:
        return None
    try:
        return choices(value.strip().lower()).value
    except ValueError:
        valid = ", ".join(c.value for c in choices)
        raise typer.BadParameter(f"'{value}' is not one of: {valid}", param_hint=hint) from None


def _write_failure(exc: Exception, path: Path) -> str:
    from fivecenters.report import printable

    if isinstance(exc, OSError):
        return f"fc: cannot write {exc.filename or path}: {exc.strerror or exc}"
    return f"fc: error: {printable(str(exc))}"


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Refused and failed writes: the reasons, one line each, and exit 1."""
    from fivecenters.edit import EditError, Refused
    from fivecenters.store import LockTimeout

    with user_errors():
        try:
            yield
        except Refused as exc:
            for problem in exc.report.errors:
                typer.echo(problem.located(None, None).format(exc.report.file), err=True)
            typer.echo(f"fc: refused: the result would not pass fc validate; {path} is unchanged", err=True)
            raise typer.Exit(1) from None
        except (EditError, LockTimeout, OSError) as exc:
            typer.echo(_write_failure(exc, path), err=True)
            raise typer.Exit(1) from None


def _commit(data: Path | None, change: Callable[[dict[str, Any]], dict[str, Any]], done: str) -> None:
    """Apply one change to the data file, validated, under its lock."""
    from fivecenters.edit import commit
    from fivecenters.load import find_data_file
    from fivecenters.report import printable

    path = find_data_file(data)
    with _writing(path):
        outcome = commit(path, change)
    for problem in outcome.new_warnings:
        typer.echo(problem.format(str(path)), err=True)
    typer.echo(f"{printable(done)} in {path}")


@app.command(context_settings=_ADD_SETTINGS)
def add(
    indicator: Annotated[
        str, typer.Argument(help="The indicator's id, e.g. container-throughput.", metavar="INDICATOR")
    ],
    year: Annotated[int, typer.Argument(help="The year the value is for.", metavar="YEAR")],
    value: Annotated[str, typer.Argument(help="The value, in the indicator's unit.", metavar="VALUE")],
    source: Annotated[str, typer.Option("--source", help="Id of the source stating the value.", metavar="ID")],
    quote: Annotated[
        str, typer.Option("--quote", help="The source's words stating the value, verbatim.", metavar="TEXT")
    ],
    qualifier: Annotated[
        str | None,
        typer.Option(
            help="How the source hedges: about, more-than, at-least, nearly, less-than or at-most.", metavar="WORD"
        ),
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="final (default), preliminary, revised, estimate or derived.", metavar="WORD")
    ] = None,
    note: NoteOption = None,
    revision: Annotated[
        bool, typer.Option("--revision", help="Another value for a year that has one: both become revisions.")
    ] = False,
    unused: Annotated[
        bool, typer.Option("--unused", help="With --revision: record the value but keep using the earlier one.")
    ] = False,
    derived_from: Annotated[
        list[str] | None,
        typer.Option("--derived-from", help="An input of a derived value, in words (repeat for each).", metavar="TEXT"),
    ] = None,
    data: DataOption = None,
) -> None:
    """Record an observation: the value of an indicator for a year, with its source and quote.

    Validated before it is written: when the result would not pass
    `fc validate`, the file is left unchanged and the errors say why.
    A negative VALUE is written as is: fc add gdp-growth 2020 -0.3 ...
    """
    from fivecenters import edit
    from fivecenters.model import Qualifier, Status

    record = edit.compact(
        year=year,
        value=_number(value, "VALUE"),
        qualifier=_choice(qualifier, Qualifier, "--qualifier"),
        status=_choice(status, Status, "--status"),
        source=source,
        quote=quote,
        note=note,
        revision=revision or None,
        used=False if unused else None,
        derived_from=derived_from,
    )
    _commit(data, lambda raw: edit.add_observation(raw, indicator, record), f"added {indicator} {year} = {value}")


@app.command("add-source")
def add_source(
    source_id: Annotated[str, typer.Argument(help="A new kebab-case id, e.g. scio-2024-03-28.", metavar="ID")],
    title: Annotated[str, typer.Option(help="The document's title.", metavar="TEXT")],
    publisher: Annotated[str, typer.Option(help="Who published it.", metavar="TEXT")],
    language: Annotated[str, typer.Option(help="Its language, a BCP 47 tag: en, zh, zh-Hant …", metavar="TAG")],
    published: Annotated[datetime | None, _date_option("When it was published.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it is online.", metavar="URL")] = None,
    document: Annotated[
        str | None,
        typer.Option(help="A saved copy, relative to the data file; quotes are checked against it.", metavar="PATH"),
    ] = None,
    accessed: Annotated[datetime | None, _date_option("When the copy was read.")] = None,
    reliability: Annotated[
        str | None, typer.Option(help="Why the copy may be less than authoritative.", metavar="TEXT")
    ] = None,
    data: DataOption = None,
) -> None:
    """Record a source: a document that observations and targets cite. It needs --url or --document."""
    from fivecenters import edit

    record = edit.compact(
        id=source_id,
        title=title,
        publisher=publisher,
        published=published and published.date(),
        url=url,
        document=document,
        language=language,
        accessed=accessed and accessed.date(),
        reliability=reliability,
    )
    _commit(data, lambda raw: edit.add_source(raw, record), f"added source {source_id}")


@app.command("add-target", context_settings=_ADD_SETTINGS)
def add_target(
    indicator: Annotated[str, typer.Argument(help="The indicator's id.", metavar="INDICATOR")],
    value: Annotated[str, typer.Argument(help="The target value, in the indicator's unit.", metavar="VALUE")],
    comparator: Annotated[str, typer.Option(help="at-least, at-most or about.", metavar="WORD")],
    deadline: Annotated[int, typer.Option(help="The year by which it should be met.", metavar="YEAR")],
    source: Annotated[str, typer.Option(help="Id of the source setting the target.", metavar="ID")],
    quote: Annotated[str, typer.Option(help="The source's words setting it, verbatim.", metavar="TEXT")],
    set_in: Annotated[int | None, typer.Option(help="The year the plan set it.", metavar="YEAR")] = None,
    baseline_year: Annotated[
        int | None, typer.Option(help="The baseline's year, where the source states one.", metavar="YEAR")
    ] = None,
    baseline_value: Annotated[
        str | None, typer.Option(help="The baseline value (with --baseline-year).", metavar="NUMBER")
    ] = None,
    label: Annotated[str | None, typer.Option(help="The plan's name, shown with the target.", metavar="TEXT")] = None,
    note: NoteOption = None,
    data: DataOption = None,
) -> None:
    """Record a target set for an indicator, with its source and quote."""
    from fivecenters import edit
    from fivecenters.model import Comparator

    record = edit.compact(
        value=_number(value, "VALUE"),
        comparator=_choice(comparator, Comparator, "--comparator"),
        deadline=deadline,
        set_in=set_in,
        baseline_year=baseline_year,
        baseline_value=_optional_number(baseline_value, "--baseline-value"),
        label=label,
        source=source,
        quote=quote,
        note=note,
    )
    _commit(
        data, lambda raw: edit.add_target(raw, indicator, record), f"added target {value} by {deadline} to {indicator}"
    )


@app.command("add-indicator")
def add_indicator(
    indicator_id: Annotated[str, typer.Argument(help="A new kebab-case id, e.g. container-throughput.", metavar="ID")],
    center: Annotated[
        str, typer.Option(help="economic, financial, trade, shipping or innovation (aliases work).", metavar="CENTER")
    ],
    name: Annotated[str, typer.Option(help="A short name.", metavar="TEXT")],
    unit: Annotated[str, typer.Option(help="The unit with its scale, e.g. 'million TEU' or '%'.", metavar="TEXT")],
    kind: Annotated[str, typer.Option(help="stock, flow, ratio, growth or rank.", metavar="WORD")],
    direction: Annotated[str, typer.Option(help="Which way is better: higher or lower.", metavar="WORD")],
    description: Annotated[str, typer.Option(help="What it measures, in a sentence.", metavar="TEXT")],
    headline: Annotated[bool, typer.Option("--headline", help="Show it in the overview.")] = False,
    data: DataOption = None,
) -> None:
    """Record a new indicator; then add its observations with fc add."""
    from fivecenters import edit
    from fivecenters.lookup import center_named
    from fivecenters.model import Direction, Kind

    with user_errors():
        chosen = center_named(center)
    record = edit.compact(
        id=indicator_id,
        center=chosen.value,
        name=name,
        unit=unit,
        kind=_choice(kind, Kind, "--kind"),
        direction=_choice(direction, Direction, "--direction"),
        description=description,
        headline=headline or None,
    )
    _commit(data, lambda raw: edit.add_indicator(raw, record), f"added indicator {indicator_id}")


@app.command()
def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(help="Data files (as pre-commit passes them).")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; show a diff and exit 1 if a file is not canonical.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Rewrite data files in canonical form: sorted records, keys in a fixed order.

    Comments are not kept (put notes in `note` fields). Files are replaced
    atomically, under the same lock as fc add.
    """
    from functools import partial

    from fivecenters.canonical import diff, format_text
    from fivecenters.load import DataError, find_data_file, read_text
    from fivecenters.report import printable
    from fivecenters.store import LockTimeout, rewrite

    failed = False
    for path in paths or [find_data_file(data)]:
        try:
            if not check:
                changed = rewrite(path, partial(format_text, file=str(path)))
                typer.echo(f"{'reformatted' if changed else 'already canonical:'} {path}")
                continue
            text = read_text(path)
            if text != (canonical := format_text(text, str(path))):
                failed = True
                for line in diff(text, canonical, str(path)):
                    typer.echo(printable(line))
                typer.echo(f"fc: {path} is not in canonical form; run: fc fmt {path}", err=True)
        except DataError as exc:
            failed = True
            for problem in exc.problems:
                typer.echo(problem.format(exc.file), err=True)
        except (LockTimeout, OSError) as exc:
            failed = True
            typer.echo(_write_failure(exc, path), err=True)
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app(prog_name="fc")


if __name__ == "__main__":  # pragma: no cover
    main()
