"""The `fc` application: the Typer app, the options every command shares, and the error boundary.

Every command runs inside the boundary: an `FcError` raised anywhere below
becomes its lines on stderr and its exit code, so no command prints an error
of its own. Heavy modules (pydantic through the checks, rich through the
renderers) are imported inside the commands that use them, so `fc --version`
and `fc --help` stay fast.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
import typer.main

from fivecenters import __version__, program_name

if TYPE_CHECKING:
    from fivecenters.core.errors import FcError
    from fivecenters.core.results import Result

MAX_SHOWN_ERRORS = 10


def notice(message: str) -> None:
    """A line on stderr about what fc did, or why it stopped; the caller makes paths printable."""
    typer.echo(f"fc: {message}", err=True)


def tell(error: FcError, per_file: bool = False) -> int:
    """Say what went wrong on stderr: the error's problems, one a line, then `fc: ` and its summary.
    Returns the exit code it calls for.

    `per_file`: the command goes on to its next file (fc fmt), so a file's
    problems are shown in full, as fc validate shows them, and stand alone.
    """
    from fivecenters.core.text import printable

    problems = list(error.problems)
    shown = problems[:MAX_SHOWN_ERRORS] if error.capped and not per_file else problems
    for problem in shown:
        typer.echo(problem.format(error.file), err=True)
    if not (per_file and problems):
        notice(printable(error.summary(len(problems) - len(shown))))
    return error.exit_code


@contextmanager
def user_errors() -> Iterator[None]:
    """The error boundary: any FcError becomes its lines on stderr and its exit code, never a traceback."""
    from fivecenters.core.errors import FcError

    try:
        yield
    except FcError as exc:
        raise typer.Exit(tell(exc)) from None


class _Commands(typer.core.TyperGroup):
    """Runs every command inside the error boundary."""

    def invoke(self, ctx: Any) -> Any:  # a click.Context, which typer may vendor under another name
        with user_errors():
            return super().invoke(ctx)


app = typer.Typer(
    name="fc",
    help="Track Shanghai's Five Centers (economic, financial, trade, shipping, sci-tech) with cited figures.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Commands,
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
    GITHUB = "github"


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"
    SQLITE = "sqlite"
    DATAPACKAGE = "datapackage"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def load_data(data: Path | None):  # -> Dataset; pydantic is imported only here
    from fivecenters.core.load import find_data_file
    from fivecenters.core.validate import load_dataset

    dataset = load_dataset(find_data_file(data))
    # The command ends with the dataset: the garbage collector need not walk it again while
    # the output is built (see bench/ for what that saves).
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
        from fivecenters.output.terminal import print_grids

        print_grids(grids, lines)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        typer.echo(f"{ctx.find_root().info_name} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Track Shanghai's Five Centers with cited figures."""


def _named(argv: list[str]) -> list[typer.models.CommandInfo]:
    """The registered command that `argv` runs, alone; all of them for anything else (--help, a typo)."""
    if argv:
        for info in app.registered_commands:
            if argv[0] == (info.name or typer.main.get_command_name(getattr(info.callback, "__name__", ""))):
                return [info]
    return app.registered_commands


def main() -> None:
    """Run the app so that the output stream can neither crash it nor hang it.

    Characters the stream cannot encode (PYTHONIOENCODING=latin-1, LC_ALL=C)
    are written as escapes; a reader that goes away (`fc show | head -1`) ends
    fc quietly as it ends any Unix tool, by SIGPIPE; a full disk is one line.
    """
    import os
    import signal
    import sys

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # rich reads these as numbers wherever it measures the terminal, and its test (`isdigit`) lets "²"
    # through to int(), which fails: a size that is no number is no size, as if unset.
    for size in ("COLUMNS", "LINES"):
        if not (value := os.environ.get(size, "0")).isascii() or not value.isdigit():
            del os.environ[size]
    # typer builds every registered command before it looks at the command line: build only the one named.
    registered, app.registered_commands = app.registered_commands, _named(sys.argv[1:2])
    try:
        try:
            app(prog_name=program_name())
        finally:  # typer ends in SystemExit: flush before the interpreter does, where a failure is caught
            app.registered_commands = registered
            # The process ends here: the collection the interpreter runs at exit would walk every
            # object only to free memory the exit frees.
            gc.freeze()
            sys.stdout.flush()
    except OSError as exc:
        # Nothing more may reach the stream that failed, not even the interpreter's last flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.stderr.write(f"fc: cannot write the output: {exc.strerror or exc}\n")
        sys.exit(1)
