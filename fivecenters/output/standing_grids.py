"""`fc rank` for people: one grid per benchmark, Shanghai's place beside the peers the sources name."""

from __future__ import annotations

from fivecenters.core.model import Edition, Entry
from fivecenters.core.standing import SUBJECT, YEARS_BACK, BandAssessment, BenchmarkStanding, Movement, placed
from fivecenters.output.formatting import DASH, STACK, Cell, benchmark_title, number, place_text, wrapped
from fivecenters.output.grids import Grid


def movement_text(move: Movement | None) -> str:
    """ "up 2", "down at least 3", "unchanged"; with the edition it is measured from."""
    if move is None:
        return DASH
    how = "unchanged" if move.places == 0 else ("up " if move.places > 0 else "down ")
    if move.places:
        how += ("at least " if move.at_least else "") + str(abs(move.places))
    return f"{how} since {move.since}" if move.since else how


def movement_mark(move: Movement | None) -> Cell:
    """A move as a table shows it, narrow enough that the peers keep their room at 80 columns:
    "▲ 3", "▼ ≥2", "→ 0"; the words are in the grid's notes."""
    if move is None:
        return Cell(DASH, "muted")
    arrow = "▲" if move.places > 0 else "▼" if move.places < 0 else "→"
    style = "good" if move.places > 0 else "bad" if move.places < 0 else "muted"
    return Cell(f"{arrow} {'≥' if move.at_least else ''}{abs(move.places)}", style)


def _peer(entry: Entry) -> str:
    score = f" ({number(entry.score)})" if entry.score is not None else ""
    return f"{entry.city} {place_text(entry)}{score}" if place_text(entry) != DASH else f"{entry.city}{score}"


EDITION_WIDTH = 13  # an edition's name is broken between words to this width: "Leading Maritime" / "Capitals 2015"
PHRASE_WIDTH = 16  # and a phrase naming one: "since ISCDI 2024"


def _edition_label(edition: Edition) -> str:
    """The name over its publication date, then the year its data describe where the name does not say it.

    Stacked and narrow, so that the edition column does not take the peers' room."""
    lines = wrapped(edition.name, EDITION_WIDTH)
    if edition.published is not None:
        lines.append(f"({edition.published})")
    elif str(edition.year) not in edition.name:
        lines.append(f"(year {edition.year})")
    if edition.data_year and str(edition.data_year) not in edition.name:
        lines.append(f"data {edition.data_year}")
    return STACK.join(lines)


def _shanghai_cell(entry: Entry | None) -> str:
    """Shanghai's place over its score; "not in top 5" over two lines, to keep the column narrow."""
    place = place_text(entry).replace("not in top ", f"not in{STACK}top ")
    return place + (f"{STACK}({number(entry.score)})" if entry and entry.score is not None else "")


def band_text(band: BandAssessment) -> str:
    target = band.target
    where = f"latest {place_text(band.latest.entry)} ({band.latest.edition.name})" if band.latest else "no place yet"
    to_go = f", {band.places_to_go} places to go" if band.places_to_go else ""
    return f"Target: top {target.rank} by {target.deadline} — {band.status.value}: {where}{to_go}"


def rank_grid(standing: BenchmarkStanding) -> Grid:
    """One row per edition. Only the peers wrap, and every other column is narrow and stacked, so that
    at 80 columns the peers keep their room beside source ids broken at hyphens; the change gives way
    first on a narrower terminal (the notes say the latest move in words)."""
    benchmark = standing.benchmark
    rows = standing.editions
    scored = any(e.score is not None for row in rows for e in ([row.entry] if row.entry else []) + row.peers)
    own_score = any(row.entry and row.entry.score is not None for row in rows)
    columns = [
        f"Edition{STACK}(published)",
        SUBJECT + (f"{STACK}(score)" if own_score else ""),
        "Change",
        "Peers the sources name",
        "Source",
    ]
    grid = Grid(
        benchmark_title(benchmark),
        columns,
        numeric=frozenset({1}),
        wrapping=frozenset({3}),
        optional=(2,),
        ids=frozenset({4}),
    )
    before = ""
    for row in rows:
        entry, change = row.entry, row.change
        mark = movement_mark(change)
        if change is not None and change.since != before:  # not measured from the row above: say from where
            mark = Cell(mark.text + grid.footnote(f"{row.edition.name}: {movement_text(change)}."), mark.style)
        grid.add(
            _edition_label(row.edition),
            _shanghai_cell(entry),
            mark,
            ", ".join(_peer(p) for p in row.peers) or Cell(DASH, "muted"),
            Cell(entry.source if entry else DASH, "muted"),
        )
        before = row.edition.name
    grid.notes.append(f"{benchmark.producer}; ranks {benchmark.ranks}. 1 is first.")
    if scored:
        grid.notes.append("Scores in brackets" + (f", in {benchmark.score_unit}." if benchmark.score_unit else "."))
    grid.notes.append(f"Change: places gained ▲ or lost ▼ since the last edition that places {SUBJECT}.")
    if any(row.change and row.change.at_least for row in rows):
        grid.notes.append("≥: at least, from or to a place stated only as 'not in top N'.")
    if standing.latest:
        grid.notes.append(
            f"Latest: {place_text(standing.latest.entry)} in {standing.latest.edition.name}; "
            f"{movement_text(standing.since_previous) if standing.since_previous else _no_move(standing)}; "
            f"over {YEARS_BACK} years: {movement_text(standing.over_years) if standing.over_years else 'not known'}."
        )
    grid.notes.extend(band_text(b) for b in standing.bands)
    return grid


def peers_grid(standings: list[BenchmarkStanding]) -> Grid:
    """For `fc show CENTER`: a row per benchmark, Shanghai's latest place and its change, in words.

    The place and the change are stacked narrow, so the benchmarks' names keep the room at 80 columns."""
    grid = Grid("Among its peers (fc rank)", ["Benchmark", "Latest place", "Change"], wrapping=frozenset({0}))
    for standing in standings:
        latest, move = standing.latest, standing.since_previous
        grid.add(
            standing.benchmark.name,
            _stacked(place_text(latest.entry), f"in {latest.edition.name}") if latest else Cell("none yet", "muted"),
            movement_cell(move) if move else Cell(_no_move(standing) if latest else DASH, "muted"),
        )
    return grid


def _no_move(standing: BenchmarkStanding) -> str:
    """Why the latest place has no change: it is the first, or a bound says too little ("9th", then
    "not in top 5": anywhere from up 3 to down)."""
    if sum(placed(row.entry) for row in standing.editions) > 1:
        return "change not known"
    return "first place"


def movement_cell(move: Movement) -> Cell:
    """ "▲ up 2" over "since GFCI 37", with the colour of the move."""
    mark = movement_mark(move)
    how = movement_text(Movement(move.places, move.at_least))
    return Cell(_stacked(f"{mark.text.split()[0]} {how}", f"since {move.since}"), mark.style)


def _stacked(first: str, then: str) -> str:
    return STACK.join([first, *wrapped(then, PHRASE_WIDTH)])
