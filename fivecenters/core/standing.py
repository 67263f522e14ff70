"""Shanghai among its peers: its place edition by edition on each benchmark, and how it moved.

A place is exact (`rank`) or a bound ("not in the top five"); movements
between a bound and a place are lower bounds ("up at least 1"), and between
two bounds nothing is known. Nothing is interpolated: an edition without a
Shanghai entry has no place, not the place of its neighbours.
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum
from typing import Any

from fivecenters.core.centers import Center
from fivecenters.core.model import Benchmark, Dataset, Edition, Entry, RankTarget, dump
from fivecenters.core.results import RecordDict, Result, plain_fields
from fivecenters.core.structs import struct

SUBJECT = "Shanghai"
YEARS_BACK = 5


@struct(frozen=True)
class Movement:
    """Places moved between two editions: positive is up (a better place)."""

    places: int
    at_least: bool = False  # one side is a bound: the move is at least this many places
    since: str = ""  # the earlier edition's name

    def to_dict(self) -> dict[str, Any]:
        return {"places": self.places, "at_least": self.at_least, "since": self.since}


def movement(before: Entry | None, after: Entry | None, since: str = "") -> Movement | None:
    if before is None or after is None:
        return None
    if before.rank is not None and after.rank is not None:
        return Movement(before.rank - after.rank, since=since)
    if before.outside_top is not None and after.rank is not None and after.rank <= before.outside_top:
        return Movement(before.outside_top + 1 - after.rank, at_least=True, since=since)
    if before.rank is not None and after.outside_top is not None and before.rank <= after.outside_top:
        return Movement(-(after.outside_top + 1 - before.rank), at_least=True, since=since)
    return None


def placed(entry: Entry | None) -> bool:
    return entry is not None and (entry.rank is not None or entry.outside_top is not None)


def entry_record(entry: Entry) -> dict[str, Any]:
    return dump(entry, mode="json", exclude_none=True, exclude_defaults=True) | {"city": entry.city}


@struct(frozen=True)
class EditionStanding:
    """Shanghai in one edition of a ranking, with the peers the sources place beside it."""

    edition: Edition
    entry: Entry | None  # Shanghai's, if a source states it
    peers: list[Entry]  # the other cities the sources name, best place first
    change: Movement | None  # since the last earlier edition that places Shanghai

    def to_dict(self) -> dict[str, Any]:
        edition = self.edition
        return {
            "edition": edition.name,
            "year": edition.year,
            "published": str(edition.published) if edition.published is not None else None,
            "data_year": edition.data_year,
            "shanghai": entry_record(self.entry) if self.entry else None,
            "change": self.change.to_dict() if self.change else None,
            "peers": [entry_record(p) for p in self.peers],
        }


class BandStatus(StrEnum):
    ACHIEVED = "achieved"  # the latest place is within the band
    NOT_YET = "not yet"  # outside the band, the deadline still ahead
    MISSED = "missed"  # outside the band in an edition of the deadline's year or later
    NO_DATA = "no data"


@struct(frozen=True)
class BandAssessment:
    """A rank ambition ("within the top three by 2030") against the latest place."""

    target: RankTarget
    status: BandStatus
    latest: EditionStanding | None
    places_to_go: int | None  # exact places between the latest place and the band's edge

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.target.rank,
            "deadline": self.target.deadline,
            "label": self.target.label,
            "source": self.target.source,
            "quote": self.target.quote,
            "status": self.status.value,
            "latest_edition": self.latest.edition.name if self.latest else None,
            "places_to_go": self.places_to_go,
        }


def assess_band(target: RankTarget, standings: list[EditionStanding]) -> BandAssessment:
    """Rank bands, not growth rates: a place is inside the band or not, and how far from its edge."""
    latest = next((s for s in reversed(standings) if placed(s.entry)), None)
    if latest is None or latest.entry is None:
        return BandAssessment(target, BandStatus.NO_DATA, None, None)
    rank, bound = latest.entry.rank, latest.entry.outside_top
    if rank is not None and rank <= target.rank:
        return BandAssessment(target, BandStatus.ACHIEVED, latest, 0)
    if rank is None and bound is not None and bound < target.rank:  # "not in the top 5": may be 6th, inside a top 10
        return BandAssessment(target, BandStatus.NO_DATA, latest, None)
    status = BandStatus.MISSED if latest.edition.year >= target.deadline else BandStatus.NOT_YET
    return BandAssessment(target, status, latest, rank - target.rank if rank is not None else None)


@struct(frozen=True)
class BenchmarkStanding:
    """Shanghai in one ranking over its editions: the latest place, its movements and its targets."""

    benchmark: Benchmark
    editions: list[EditionStanding]  # oldest first
    latest: EditionStanding | None  # the last edition placing Shanghai
    since_previous: Movement | None
    over_years: Movement | None  # against the edition of YEARS_BACK years before the latest
    bands: list[BandAssessment] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        benchmark = self.benchmark
        return {
            "benchmark": benchmark.id,
            "name": benchmark.name,
            "name_zh": benchmark.name_zh,
            "producer": benchmark.producer,
            "ranks": benchmark.ranks,
            "score_unit": benchmark.score_unit,
            "centers": [c.value for c in benchmark.centers],
            "frequency": benchmark.frequency.value,
            "latest": self.latest.to_dict() if self.latest else None,
            "since_previous": self.since_previous.to_dict() if self.since_previous else None,
            f"over_{YEARS_BACK}_years": self.over_years.to_dict() if self.over_years else None,
            "targets": [b.to_dict() for b in self.bands],
            "editions": [e.to_dict() for e in self.editions],
        }


@struct(frozen=True)
class Standings(Result):
    """`fc rank`: one record per benchmark; CSV has a row per city per edition, from the record."""

    benchmarks: list[BenchmarkStanding]

    def record(self) -> list[RecordDict]:
        return [b.to_dict() for b in self.benchmarks]

    def csv_rows(self) -> list[RecordDict]:
        rows = []
        for benchmark in self.record():
            for edition in benchmark["editions"]:
                own = {"benchmark": benchmark["benchmark"], **plain_fields(edition)}
                own.pop("change", None)  # Shanghai's, on its own row
                if edition["shanghai"]:
                    change = edition["change"] or {}
                    rows.append(
                        {
                            **own,
                            **edition["shanghai"],
                            "change": change.get("places"),
                            "change_at_least": change.get("at_least"),
                        }
                    )
                rows.extend({**own, **peer} for peer in edition["peers"])
        return rows


def _edition_order(edition: Edition) -> tuple[int, str]:
    return (edition.year, str(edition.published or ""))


def standing(benchmark: Benchmark, as_of: int | None = None) -> BenchmarkStanding:
    """With `as_of`, only the editions of that year and before."""
    editions = sorted((e for e in benchmark.editions if as_of is None or e.year <= as_of), key=_edition_order)
    standings: list[EditionStanding] = []
    previous: EditionStanding | None = None
    for edition in editions:
        entry = edition.entry(SUBJECT)
        peers = sorted((e for e in edition.entries if e.city != SUBJECT), key=_place_order)
        change = movement(previous.entry, entry, previous.edition.name) if previous else None
        current = EditionStanding(edition, entry, peers, change)
        standings.append(current)
        if placed(entry):
            previous = current
    placed_ones = [s for s in standings if placed(s.entry)]
    latest = placed_ones[-1] if placed_ones else None
    over_years = None
    if latest is not None:
        back = [s for s in placed_ones if s.edition.year == latest.edition.year - YEARS_BACK]
        if back:
            over_years = movement(back[-1].entry, latest.entry, back[-1].edition.name)
    bands = [assess_band(t, standings) for t in sorted(benchmark.targets, key=lambda t: (t.deadline, t.rank))]
    return BenchmarkStanding(benchmark, standings, latest, latest.change if latest else None, over_years, bands)


def _place_order(entry: Entry) -> tuple[float, str]:
    if entry.rank is not None:
        return (entry.rank, entry.city)
    if entry.outside_top is not None:
        return (entry.outside_top + 0.5, entry.city)
    return (float("inf"), entry.city)


def standings_for(dataset: Dataset, center: Center | None = None, as_of: int | None = None) -> list[BenchmarkStanding]:
    """Every benchmark bearing on the center (all, without one), in file order."""
    return [standing(b, as_of) for b in dataset.benchmarks if center is None or center in b.centers]


def standings(dataset: Dataset, chosen: Benchmark | Center | None = None) -> Standings:
    """`fc rank`: one benchmark, or those of a center, or all."""
    if isinstance(chosen, Benchmark):
        return Standings([standing(chosen)])
    return Standings(standings_for(dataset, chosen))
