"""The `fc` command line: parses arguments, calls the core, renders the result.

Heavy modules (pydantic through the checks, rich through the renderers) are
imported inside the commands that use them, so `fc --version` and `fc --help`
stay fast.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

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

    files = paths or [find_data_file(data)]
    reports = [validate_file(path)[0] for path in files]
    passed = all(report.passed(strict) for report in reports)
    if output_format is CheckFormat.JSON:
        typer.echo(json.dumps({"valid": passed, "reports": [r.to_dict() for r in reports]}, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            for problem in report.problems:
                typer.echo(problem.format(report.file))
            typer.echo(("ok: " if report.passed(strict) else "failed: ") + report.summary())
    raise typer.Exit(0 if passed else 1)


def main() -> None:
    app(prog_name="fc")


if __name__ == "__main__":  # pragma: no cover
    main()
