"""The `fc` application: the Typer app, the options every command shares, and the error boundary.

Heavy modules (pydantic through the checks, rich through the renderers) are
imported inside the commands that use them, so `fc --version` and `fc --help`
stay fast.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fivecenters import __version__

if TYPE_CHECKING:
    from fivecenters.core.results import Result

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
    from fivecenters.core.load import DataError
    from fivecenters.core.lookup import UnknownName
    from fivecenters.core.store import OutputError
    from fivecenters.core.text import printable

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
        from fivecenters.core.text import printable

        typer.echo(f"fc: error: {printable(str(exc))}", err=True)
        raise typer.Exit(2 if exc.usage else 1) from None


def load_data(data: Path | None):  # -> Dataset; pydantic is imported only here
    from fivecenters.core.load import find_data_file
    from fivecenters.core.validate import load_dataset

    dataset = load_dataset(find_data_file(data))
    # The command ends with the dataset: the garbage collector need not walk it again while
    # the output is built (a seventh of `fc compare` on a large file).
    gc.freeze()
    return dataset


def emit(output_format: OutputFormat, result: Result, grids, lines=()) -> None:
    """The core's result for machines (json: its record, csv: its rows); grids for people (table, markdown)."""
    if output_format is OutputFormat.JSON:
        from fivecenters.output.records import to_json

        typer.echo(to_json(result.record()))
    elif output_format is OutputFormat.CSV:
        from fivecenters.output.records import to_csv

        typer.echo(to_csv(result.csv_rows()), nl=False)
    elif output_format is OutputFormat.MARKDOWN:
        from fivecenters.output.markdown import markdown

        typer.echo(markdown(grids, lines), nl=False)
    else:
        from fivecenters.output.terminal import print_rich

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


def main() -> None:
    app(prog_name="fc")
