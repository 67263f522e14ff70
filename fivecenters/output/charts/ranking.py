"""What a rank chart of one benchmark shows: Shanghai and its peers, edition by edition, 1st at the top.

A place a source states exactly is a point; "not in the top N" is an open mark at N+1 pointing down,
the most the source says, and never joined to a neighbouring place: a line runs only between exact
places of consecutive editions, so nothing is drawn that no source states.
"""

from collections import Counter
from typing import NamedTuple

from fivecenters.core.model import Benchmark, Dataset, Entry
from fivecenters.core.standing import SUBJECT, BenchmarkStanding, placed
from fivecenters.output.charts.geometry import Axis, credit, runs, value_axis, year_axis
from fivecenters.output.formatting import benchmark_title, ordinal, place_text

MIN_PEER_EDITIONS = 2  # a peer placed once is a dot, not a line: left to `fc rank`
MAX_NAMED_SOURCES = 3  # a credit names the publishers of this many sources at most


class Place(NamedTuple):
    x: float  # the edition's year, and a fraction for the second edition of a year
    rank: int  # where it is drawn: the rank, or N+1 for "not in the top N"
    bounded: bool  # "not in the top N": the true place is `rank` or lower
    text: str  # "3rd", "not in top 5"
    detail: str  # the edition's name and the source
    joined: bool = False  # the line runs to it from the edition before


class Series(NamedTuple):
    city: str
    places: tuple[Place, ...]
    subject: bool  # Shanghai, drawn apart from its peers

    @property
    def segments(self) -> list[list[Place]]:
        return runs(self.places)


class RankPlot(NamedTuple):
    benchmark: Benchmark
    series: tuple[Series, ...]  # Shanghai first, then the peers by their best place
    x: Axis
    y: Axis
    credit: str
    latest: str  # Shanghai's latest place: "3rd in GFCI 37"

    @property
    def inverted(self) -> bool:
        """1st at the top."""
        return True

    @property
    def unit(self) -> str:
        return "rank"

    @property
    def title(self) -> str:
        return benchmark_title(self.benchmark)

    def height_of(self, value: float) -> float:
        return 1 - self.y.fraction(value)

    def tick_text(self, value: float) -> str:
        return ordinal(int(value))


def rank_plot(standing: BenchmarkStanding, dataset: Dataset) -> RankPlot | None:
    """The chart of a benchmark; None when no edition places Shanghai or a peer twice."""
    editions = standing.editions
    per_year = Counter(s.edition.year for s in editions)
    seen: Counter[int] = Counter()
    xs = []
    for s in editions:
        xs.append(s.edition.year + seen[s.edition.year] / per_year[s.edition.year])
        seen[s.edition.year] += 1
    rows: dict[str, list[tuple[int, Entry]]] = {}
    for index, s in enumerate(editions):
        for entry in ([s.entry] if s.entry else []) + s.peers:
            if placed(entry):
                rows.setdefault(entry.city, []).append((index, entry))
    cities = [c for c, r in rows.items() if c == SUBJECT or len(r) >= MIN_PEER_EDITIONS]
    if not cities:
        return None
    cities.sort(key=lambda c: (c != SUBJECT, min(_drawn_at(e) for _, e in rows[c]), c))
    series = []
    for city in cities:
        places, before = [], None
        for index, entry in rows[city]:
            places.append(
                Place(
                    xs[index],
                    _drawn_at(entry),
                    entry.rank is None,
                    place_text(entry),
                    f"{editions[index].edition.name} · {entry.source}",
                    joined=before is not None and before[0] == index - 1 and entry.rank is not None and not before[1],
                )
            )
            before = (index, entry.rank is None)
        series.append(Series(city, tuple(places), city == SUBJECT))
    ranks = [p.rank for s in series for p in s.places]
    latest = standing.latest
    return RankPlot(
        standing.benchmark,
        tuple(series),
        _x_axis(xs),
        # 1st always shown, so a place reads against the top; room below a bound for its arrow.
        value_axis(ranks, rank=True, room=[1, max(ranks) + any(p.bounded for s in series for p in s.places)]),
        _credit(standing.benchmark, dataset, [e.source for c in cities for _, e in rows[c]]),
        f"{place_text(latest.entry)} in {latest.edition.name}" if latest else "not placed in any edition",
    )


def _credit(benchmark: Benchmark, dataset: Dataset, source_ids: list[str]) -> str:
    """The publishers when they are few; else the ranking's producer and how many reports state its places
    (the GFCI's twenty copies, each "Z/Yen … (via …)", would bury the chart under its credit)."""
    cited = set(source_ids)
    if len(cited) <= MAX_NAMED_SOURCES:
        return credit(dataset, source_ids)
    reports = f"the places as {len(cited)} reports state them (fc rank {benchmark.id} quotes each)"
    return f"Source: {benchmark.producer}; {reports}"


def _x_axis(xs: list[float]) -> Axis:
    """Years as ticks, reaching the second edition of the last year (drawn half a year on)."""
    years = year_axis([int(x) for x in xs])
    return Axis(years.low, max(years.high, *xs), years.ticks)


def _drawn_at(entry: Entry) -> int:
    """An exact place at itself; "not in the top N" at N+1, the best the source allows."""
    if entry.rank is not None:
        return entry.rank
    assert entry.outside_top is not None  # only placed entries are drawn
    return entry.outside_top + 1
