"""`fc rank` for people: one grid per benchmark, Shanghai's place beside the peers the sources name."""

from __future__ import annotations

from fivecenters.core.model import Benchmark, Edition, Entry
from fivecenters.core.standing import YEARS_BACK, BandAssessment, BenchmarkStanding, Movement
from fivecenters.output.formatting import DASH, STACK, Cell, number, ordinal
from fivecenters.output.grids import Grid


def place_text(entry: Entry | None) -> str:
    if entry is None:
        return DASH
    if entry.rank is not None:
        return ordinal(entry.rank)
    if entry.outside_top is not None:
        return f"not in top {entry.outside_top}"
    return DASH


def movement_text(move: Movement | None) -> str:
    """ "up 2", "down at least 3", "unchanged"; with the edition it is measured from."""
    if move is None:
        return DASH
    how = "unchanged" if move.places == 0 else ("up " if move.places > 0 else "down ")
    if move.places:
        how += ("at least " if move.at_least else "") + str(abs(move.places))
    return f"{how} since {move.since}" if move.since else how


def movement_cell(move: Movement | None, with_since: bool = False) -> Cell:
    if move is None:
        return Cell(DASH, "muted")
    arrow = "▲" if move.places > 0 else "▼" if move.places < 0 else "→"
    style = "good" if move.places > 0 else "bad" if move.places < 0 else "muted"
    shown = move if with_since else Movement(move.places, move.at_least)
    return Cell(f"{arrow} {movement_text(shown).replace(' since ', STACK + 'since ')}", style)


def benchmark_title(benchmark: Benchmark) -> str:
    return benchmark.name + (f" ({benchmark.name_zh})" if benchmark.name_zh else "")


def _peer(entry: Entry) -> str:
    score = f" ({number(entry.score)})" if entry.score is not None else ""
    return f"{entry.city} {place_text(entry)}{score}" if place_text(entry) != DASH else f"{entry.city}{score}"


def _edition_label(edition: Edition) -> str:
    """The name, then when it appeared and the year its data describe, where not already in the name."""
    lines = [edition.name]
    if edition.published is not None:
        lines.append(f"pub. {edition.published}")
    elif str(edition.year) not in edition.name:
        lines.append(str(edition.year))
    if edition.data_year and str(edition.data_year) not in edition.name:
        lines.append(f"data {edition.data_year}")
    return STACK.join(lines)


def band_text(band: BandAssessment) -> str:
    target = band.target
    where = f"latest {place_text(band.latest.entry)} ({band.latest.edition.name})" if band.latest else "no place yet"
    to_go = f", {band.places_to_go} places to go" if band.places_to_go else ""
    return f"Target: top {target.rank} by {target.deadline} — {band.status.value}: {where}{to_go}"


def rank_grid(standing: BenchmarkStanding) -> Grid:
    benchmark = standing.benchmark
    unit = f", {benchmark.score_unit}" if benchmark.score_unit else ""
    columns = ["Edition", f"Shanghai{STACK}(score{unit})", "Change", "Peers the sources name", "Source"]
    grid = Grid(benchmark_title(benchmark), columns, numeric=frozenset({1}), wrapping=frozenset({0, 3, 4}))
    before = ""
    for row in standing.editions:
        entry, change = row.entry, row.change
        # The edition a change is measured from is named when it is not the row above.
        cell = movement_cell(change, with_since=change is not None and change.since != before)
        score = f"{STACK}({number(entry.score)})" if entry and entry.score is not None else ""
        grid.add(
            _edition_label(row.edition),
            place_text(entry) + score,
            cell,
            ", ".join(_peer(p) for p in row.peers) or Cell(DASH, "muted"),
            Cell(entry.source if entry else DASH, "muted"),
        )
        before = row.edition.name
    grid.notes.append(f"{benchmark.producer}; ranks {benchmark.ranks}. 1 is first.")
    if standing.latest:
        grid.notes.append(
            f"Latest: {place_text(standing.latest.entry)} in {standing.latest.edition.name}; "
            f"{movement_text(standing.since_previous) if standing.since_previous else 'no earlier place to compare'}; "
            f"over {YEARS_BACK} years: {movement_text(standing.over_years) if standing.over_years else 'not known'}."
        )
    grid.notes.extend(band_text(b) for b in standing.bands)
    return grid


def latest_line(standing: BenchmarkStanding) -> str:
    """One line for `fc show`: the latest place and its change."""
    latest = standing.latest
    if latest is None:
        return f"- {standing.benchmark.name}: no place for Shanghai yet"
    move = movement_text(standing.since_previous) if standing.since_previous else "first place recorded"
    return f"- {standing.benchmark.name}: {place_text(latest.entry)} in {latest.edition.name} ({move})"
