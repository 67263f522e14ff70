"""The writing commands: add, add-source, add-target, add-indicator and fmt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from fivecenters.cli.app import (
    DataOption,
    app,
    notice,
    tell,
)

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


def _commit(data: Path | None, change: Callable[[dict[str, Any]], Any], done: str) -> None:
    """Apply one change to the data file, validated, under its lock."""
    from fivecenters.core.edit import commit
    from fivecenters.core.load import find_data_file, nesting_limit
    from fivecenters.core.text import printable

    path = find_data_file(data)
    with nesting_limit(str(path)):
        outcome = commit(path, change)
    for problem in outcome.new_warnings:
        typer.echo(problem.format(str(path)), err=True)
    typer.echo(f"{printable(done)} in {printable(path)}")


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
    from fivecenters.core import edit
    from fivecenters.core.model import Qualifier, Status

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
    from fivecenters.core import edit

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
    from fivecenters.core import edit
    from fivecenters.core.model import Comparator

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
    name_zh: Annotated[
        str | None, typer.Option(help="Its official Chinese name, as a source states it.", metavar="TEXT")
    ] = None,
    name_zh_source: Annotated[
        str | None, typer.Option(help="Id of the source stating the Chinese name.", metavar="ID")
    ] = None,
    name_zh_quote: Annotated[
        str | None, typer.Option(help="That source's words holding the Chinese name, verbatim.", metavar="TEXT")
    ] = None,
    data: DataOption = None,
) -> None:
    """Record a new indicator; then add its observations with fc add.

    A Chinese name is checked as a figure is: without --name-zh-source and
    --name-zh-quote it must stand in one of the indicator's own quotes.
    """
    from fivecenters.core import edit
    from fivecenters.core.lookup import center_named
    from fivecenters.core.model import Direction, Kind

    record = edit.compact(
        id=indicator_id,
        center=center_named(center).value,
        name=name,
        name_zh=name_zh,
        name_zh_source=name_zh_source,
        name_zh_quote=name_zh_quote,
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

    Comments are kept, each with the table or key it precedes. Only a file that
    passes `fc validate` is formatted: one with errors is left alone, saying so
    in one line. Files are replaced atomically, under the same lock as fc add.
    """
    from fivecenters.core.canonical import diff, format_valid
    from fivecenters.core.errors import FcError
    from fivecenters.core.load import find_data_file, nesting_limit, read_text
    from fivecenters.core.store import rewrite
    from fivecenters.core.text import printable

    failed = False
    for path in paths or [find_data_file(data)]:

        def canonical(text: str, path: Path = path) -> str:
            return format_valid(text, str(path), path.parent)

        try:
            with nesting_limit(str(path)):
                if not check:
                    changed = rewrite(path, canonical)
                    typer.echo(f"{'reformatted' if changed else 'already canonical:'} {printable(path)}")
                    continue
                text = read_text(path)
                formatted = canonical(text)
            if text != formatted:
                failed = True
                for line in diff(text, formatted, str(path)):
                    typer.echo(printable(line))
                shown = printable(path)
                notice(f"{shown} is not in canonical form; run: fc fmt {shown}")
        except FcError as exc:  # reported as it comes; the other files are still formatted
            tell(exc, per_file=True)
            failed = True
    raise typer.Exit(1 if failed else 0)
