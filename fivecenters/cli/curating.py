"""The curator's tools around the data file: the editor schema and the semantic diff for review."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from fivecenters.cli.app import DataOption, app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data file, for editors (completion, hover help, checks as you type).

    The repository ships it as indicators.schema.json, with a .taplo.toml that
    gives it to taplo and VS Code's Even Better TOML for indicators.toml.
    """
    from fivecenters.core.schema import json_schema
    from fivecenters.output.records import to_json

    typer.echo(to_json(json_schema()))


class DiffFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


@app.command()
def diff(
    old: Annotated[str | None, typer.Argument(help="A file or a git revision. Default: HEAD.", metavar="OLD")] = None,
    new: Annotated[
        str | None, typer.Argument(help="A file or a git revision. Default: the data file.", metavar="NEW")
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.TABLE,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the data changed.")] = False,
    data: DataOption = None,
) -> None:
    """Show what changed in the data between two versions: records added, removed and changed.

    OLD and NEW are files, or git revisions of the data file (a name that is
    a file is the file): `fc diff` compares HEAD with the working file, `fc
    diff main` a branch with main. A changed figure shows its old and new
    value, year, unit and source; moving or reformatting a block is no change.
    --format markdown makes a pull-request comment.
    """
    from fivecenters.cli.app import OutputFormat, emit
    from fivecenters.core.diff import Diff, changes
    from fivecenters.core.history import version
    from fivecenters.core.load import find_data_file, parse_toml
    from fivecenters.output.changes import diff_grids, diff_lines

    data_file = find_data_file(data)
    before, after = version(old or "HEAD", data_file), version(new, data_file)
    found = changes(parse_toml(before.text, before.label), parse_toml(after.text, after.label))
    result = Diff(before.label, after.label, found)
    emit(OutputFormat(output_format.value), result, diff_grids(result), diff_lines(result))
    raise typer.Exit(1 if exit_code and found else 0)
