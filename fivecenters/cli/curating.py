"""The curator's tools around the data file: the editor schema and the semantic diff for review."""

from __future__ import annotations

import typer

from fivecenters.cli.app import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data file, for editors (completion, hover help, checks as you type).

    The repository ships it as indicators.schema.json, with a .taplo.toml that
    gives it to taplo and VS Code's Even Better TOML for indicators.toml.
    """
    from fivecenters.core.schema import json_schema
    from fivecenters.output.records import to_json

    typer.echo(to_json(json_schema()))
