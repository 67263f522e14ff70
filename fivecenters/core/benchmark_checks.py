"""The rules for benchmarks: editions in order, one entry per city, ranks stated by their quotes.

Citations go through the same `Citations` as observations, so a benchmark's
quotes are checked against seed documents and its sources count as cited.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

from fivecenters.core.checks import (
    FIRST_YEAR,
    LAST_TARGET_YEAR,
    Checker,
    Citations,
    check_chinese_name,
    check_unique_id,
    raw_name_source,
    repeated,
)
from fivecenters.core.codes import Code
from fivecenters.core.model import Benchmark, Edition, Entry, Published
from fivecenters.core.problems import KeyPath
from fivecenters.core.quotes import numbers_in, value_in_quote


def check_benchmarks(checker: Checker, benchmarks: list[tuple[int, Benchmark]], citations: Citations) -> None:
    seen: dict[str, int] = {}
    for index, benchmark in benchmarks:
        path: KeyPath = ("benchmarks", index)
        check_unique_id(checker, seen, path, "benchmark", benchmark.id, index)
        if not benchmark.editions and not benchmark.targets:
            checker.add(path, Code.NO_EDITIONS, f"benchmark '{benchmark.id}' has no editions and no targets")
        names: dict[str, int] = {}
        for number, edition in enumerate(benchmark.editions):
            edition_path = (*path, "editions", number)
            if (first := repeated(names, edition.name, number)) is not None:
                checker.add(
                    (*edition_path, "name"),
                    Code.DUPLICATE_EDITION,
                    f"edition '{edition.name}' is already edition #{first + 1} of '{benchmark.id}'",
                )
            _check_edition(checker, edition, edition_path)
            for entry_number, entry in enumerate(edition.entries):
                entry_path = (*edition_path, "entries", entry_number)
                citations.check(entry_path, entry)
                if entry.score_quote:
                    citations.check_quote((*entry_path, "score_quote"), entry.source, entry.score_quote)
                _check_entry(checker, entry, entry_path)
        _check_order(checker, benchmark, path)
        check_chinese_name(citations, benchmark, path)
        for number, target in enumerate(benchmark.targets):
            target_path = (*path, "targets", number)
            citations.check(target_path, target)
            _check_rank(checker, target.rank, (*target_path, "rank"))
            if not FIRST_YEAR <= target.deadline <= LAST_TARGET_YEAR:
                checker.add(
                    (*target_path, "deadline"),
                    Code.YEAR_OUT_OF_RANGE,
                    f"deadline {target.deadline} is outside {FIRST_YEAR}–{LAST_TARGET_YEAR}",
                )
            if target.set_in is not None and not FIRST_YEAR <= target.set_in <= min(
                target.deadline, checker.today.year
            ):
                checker.add(
                    (*target_path, "set_in"),
                    Code.TARGET_YEARS_INCONSISTENT,
                    f"set_in {target.set_in} must lie between {FIRST_YEAR} and the deadline {target.deadline}, "
                    "and not in the future",
                )


def published_year(published: Published | None) -> int | None:
    if published is None:
        return None
    return published.year if not isinstance(published, str) else int(published[:4])


def _published_text(published: Published) -> str:
    return published if isinstance(published, str) else published.isoformat()


def _check_edition(checker: Checker, edition: Edition, path: KeyPath) -> None:
    if not FIRST_YEAR <= edition.year <= checker.today.year:
        checker.add(
            (*path, "year"),
            Code.YEAR_OUT_OF_RANGE,
            f"edition year {edition.year} is outside {FIRST_YEAR}–{checker.today.year}",
        )
    if edition.data_year is not None and edition.data_year > edition.year:
        checker.add(
            (*path, "data_year"),
            Code.EDITION_YEARS_INCONSISTENT,
            f"data year {edition.data_year} is after the edition's year {edition.year}",
        )
    if edition.published is not None:
        year = published_year(edition.published)
        assert year is not None
        if _published_text(edition.published) > checker.today.isoformat():
            checker.add(
                (*path, "published"), Code.DATE_IN_FUTURE, f"published date {edition.published} is in the future"
            )
        elif year < edition.year:
            checker.add(
                (*path, "published"),
                Code.EDITION_YEARS_INCONSISTENT,
                f"published in {year}, before the edition's year {edition.year}",
            )
    if not edition.entries:
        checker.add(path, Code.NO_ENTRIES, f"edition '{edition.name}' has no entries")
    cities: dict[str, int] = {}
    for number, entry in enumerate(edition.entries):
        if (first := repeated(cities, entry.city, number)) is not None:
            checker.add(
                (*path, "entries", number, "city"),
                Code.DUPLICATE_ENTRY,
                f"{entry.city} already has entry #{first + 1} in '{edition.name}'; "
                "one entry per city per edition (a second source goes in the note)",
            )


def _check_order(checker: Checker, benchmark: Benchmark, path: KeyPath) -> None:
    """Editions are read by year; their publication dates must follow the same order."""
    dated = sorted(
        ((e.year, number, _published_text(e.published)) for number, e in enumerate(benchmark.editions) if e.published),
    )
    for (year, _, before), (later_year, number, after) in itertools.pairwise(dated):
        common = min(len(before), len(after))
        if later_year > year and after[:common] < before[:common]:
            checker.add(
                (*path, "editions", number, "published"),
                Code.EDITIONS_OUT_OF_ORDER,
                f"edition of {later_year} is dated {after}, before the edition of {year} ({before})",
            )


def _check_entry(checker: Checker, entry: Entry, path: KeyPath) -> None:
    if entry.rank is not None and entry.outside_top is not None:
        checker.add(path, Code.RANK_AND_BOUND, "an entry has either a rank or outside_top, not both")
    if entry.rank is None and entry.outside_top is None and entry.score is None:
        checker.add(path, Code.ENTRY_WITHOUT_STANDING, f"entry for {entry.city} has no rank, outside_top or score")
    for key in ("rank", "outside_top"):
        if (place := getattr(entry, key)) is not None:
            _check_rank(checker, place, (*path, key))
            if not entry.from_order and not _stated(place, entry.quote):
                checker.add(
                    (*path, "quote"),
                    Code.RANK_NOT_IN_QUOTE,
                    f"{key} {place} does not appear in its quote; "
                    "if it is read from the order of a list, set from_order = true and say so in the note",
                )
    score_quote = entry.score_quote or entry.quote
    if entry.score is not None:
        if not math.isfinite(entry.score):
            checker.add((*path, "score"), Code.NOT_FINITE, f"score {entry.score} is not a finite number")
        elif not value_in_quote(entry.score, score_quote):  # volumes change scale: "377.8万吨" is 3.778 million t
            checker.add(
                (*path, "score_quote" if entry.score_quote else "quote"),
                Code.SCORE_NOT_IN_QUOTE,
                f"score {entry.score:g} does not appear in its quote",
            )
    elif entry.score_quote:
        checker.add((*path, "score_quote"), Code.SCORE_QUOTE_WITHOUT_SCORE, "score_quote is set but score is not")


def _stated(number: float, quote: str) -> bool:
    """Exactly, not up to a change of scale as for observations: rank 5 is not stated by "50"."""
    return any(n == number for n in numbers_in(quote))


def _check_rank(checker: Checker, rank: int, path: KeyPath) -> None:
    if rank < 1:
        checker.add(path, Code.INVALID_RANK, f"rank {rank} must be a whole number of at least 1")


def benchmark_stats(benchmarks: list[Benchmark]) -> dict[str, int]:
    """Counted only in a file that has benchmarks: the others' summaries stay as they were."""
    if not benchmarks:
        return {}
    return {"benchmarks": len(benchmarks), "editions": sum(len(b.editions) for b in benchmarks)}


def raw_benchmark_citations(record: dict[str, Any]) -> set[str]:
    """The source ids a benchmark cites, read from a record that failed validation."""
    return {item["source"] for item in _raw_items(record) if isinstance(item.get("source"), str)} | raw_name_source(
        record
    )


def _raw_items(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    editions = record.get("editions")
    for edition in editions if isinstance(editions, list) else []:
        entries = edition.get("entries") if isinstance(edition, dict) else None
        yield from (e for e in (entries if isinstance(entries, list) else []) if isinstance(e, dict))
    targets = record.get("targets")
    yield from (t for t in (targets if isinstance(targets, list) else []) if isinstance(t, dict))
