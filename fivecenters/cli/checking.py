"""`fc validate`: the checks, as pre-commit and CI run them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fivecenters.cli.app import (
    CheckFormat,
    DataOption,
    app,
)

STDIN = "-"  # standard input, as linters take it


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,  # not Path, which makes ./- into -: a file named - is reached as ./-
        typer.Argument(help="Data files to check (as pre-commit passes them); - reads standard input.", metavar="PATH"),
    ] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.TEXT,
) -> None:
    """Check data files: syntax, types, ids, sources, quotes, years and values.

    Prints one line per problem, PATH:LINE:COL: SEVERITY CODE: MESSAGE, then a
    summary (with --format github, annotations for GitHub Actions). Exits 1 when
    a file has errors (or warnings, with --strict).
    Data read from standard input (-) is named <stdin>; the documents its
    quotes cite are looked up from the current directory.
    """
    from fivecenters.core.load import find_data_file
    from fivecenters.core.text import json_safe
    from fivecenters.core.validate import validate_file, validate_stream

    files = paths or [str(find_data_file(data))]
    if files.count(STDIN) > 1:
        raise typer.BadParameter("standard input (-) can be read only once", param_hint="PATH")
    reports = [
        (validate_stream(sys.stdin.buffer, Path.cwd()) if path == STDIN else validate_file(Path(path)))[0]
        for path in files
    ]
    passed = all(report.passed(strict) for report in reports)
    if output_format is CheckFormat.JSON:
        import json  # only here: every command imports this module, few print JSON

        document = {"valid": passed, "reports": [r.to_dict() for r in reports]}
        typer.echo(json_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        from fivecenters.output.annotations import annotation

        github = output_format is CheckFormat.GITHUB
        for report in reports:
            for problem in report.problems:
                typer.echo(annotation(problem, report.file) if github else problem.format(report.file))
            typer.echo(("ok: " if report.passed(strict) else "failed: ") + report.summary())
    raise typer.Exit(0 if passed else 1)
