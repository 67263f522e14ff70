"""`fc rank`: Shanghai's standing among its peers, edition by edition."""

from __future__ import annotations

from typing import Annotated

import typer

from fivecenters.cli.app import DataOption, FormatOption, OutputFormat, app, emit, load_data


@app.command()
def rank(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A center (financial, shipping …) or a benchmark id (gfci, xinhua-baltic …).",
            metavar="CENTER|BENCHMARK",
        ),
    ] = None,
    data: DataOption = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Shanghai's place on each international benchmark, edition by edition, beside the peers the sources name.

    Movement is counted in places since the previous edition that places
    Shanghai, and over the last five years; "not in the top 5" is a bound,
    so a move from it is "at least". Rank targets are assessed as bands.
    """
    from fivecenters.core.centers import Center
    from fivecenters.core.lookup import benchmark_or_center
    from fivecenters.core.standing import standings
    from fivecenters.output.standing_grids import rank_grid

    dataset = load_data(data)
    chosen = benchmark_or_center(dataset, name) if name else None
    found = standings(dataset, chosen)
    where = f" for the {chosen.full_name}" if isinstance(chosen, Center) else ""
    lines = [] if found.benchmarks else [f"No benchmarks recorded{where}."]
    emit(output_format, found, [rank_grid(s) for s in found.benchmarks], lines)
