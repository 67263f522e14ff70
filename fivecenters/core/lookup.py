"""Resolving what a user typed (a center, an indicator, a year) against the data.

Errors here are usage errors: they name the valid choices and suggest the
closest one, so that a typo costs one glance rather than a trip to the docs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TypeVar

from fivecenters.core.centers import ALIASES, Center, resolve_center
from fivecenters.core.errors import UnknownName
from fivecenters.core.model import Benchmark, Dataset, Indicator

Named = TypeVar("Named", bound=Indicator | Benchmark)


def suggestion(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def center_named(name: str) -> Center:
    if center := resolve_center(name):
        return center
    valid = ", ".join(c.value for c in Center)
    raise UnknownName(f"unknown center '{name}'. Valid centers: {valid}.{suggestion(name, ALIASES)}")


def indicator_named(dataset: Dataset, name: str) -> Indicator:
    """By id, or by its official Chinese name (集装箱吞吐量)."""
    if indicator := _indicator(dataset, name.strip()):
        return indicator
    ids = [i.id for i in dataset.indicators]
    raise UnknownName(f"unknown indicator '{name}'.{suggestion(name, ids)} Valid indicators: {', '.join(sorted(ids))}.")


def indicators_in(dataset: Dataset, center: Center | None) -> list[Indicator]:
    """The indicators of a center, in file order; all of them for no center."""
    return [i for i in dataset.indicators if center is None or i.center is center]


def years_with_data(indicators: Iterable[Indicator]) -> list[int]:
    return sorted({o.year for i in indicators for o in i.observations if o.used})


def require_year(indicators: list[Indicator], year: int) -> None:
    years = years_with_data(indicators)
    if year not in years:
        listed = ", ".join(map(str, years)) or "none"
        raise UnknownName(f"no data for {year}. Years with data: {listed}.")


def require_as_of(indicators: list[Indicator], year: int) -> None:
    """An "as of" year needs some data at or before it."""
    years = years_with_data(indicators)
    if not years or year < years[0]:
        listed = ", ".join(map(str, years)) or "none"
        raise UnknownName(f"no data as of {year}. Years with data: {listed}.")


def chartable_named(dataset: Dataset, name: str) -> Indicator | Benchmark:
    """`fc chart`: an indicator, or a benchmark, each by id or Chinese name."""
    key = name.strip()
    if found := dataset.indicator(key.lower()) or _benchmark_by_id(dataset, key):
        return found
    chartable: list[Indicator | Benchmark] = [*dataset.indicators, *dataset.benchmarks]
    if named := _only_named(key, chartable):
        return named
    indicators, benchmarks = sorted(i.id for i in dataset.indicators), sorted(b.id for b in dataset.benchmarks)
    raise UnknownName(
        f"unknown indicator or benchmark '{name}'.{suggestion(name, [*indicators, *benchmarks])} "
        f"Valid indicators: {', '.join(indicators)}. Benchmarks: {', '.join(benchmarks) or 'none'}."
    )


def _indicator(dataset: Dataset, key: str) -> Indicator | None:
    return dataset.indicator(key.lower()) or _only_named(key, dataset.indicators)


def _benchmark(dataset: Dataset, key: str) -> Benchmark | None:
    return _benchmark_by_id(dataset, key) or _only_named(key, dataset.benchmarks)


def _benchmark_by_id(dataset: Dataset, key: str) -> Benchmark | None:
    return next((b for b in dataset.benchmarks if key.lower() == b.id), None)


def _only_named(key: str, records: Iterable[Named]) -> Named | None:
    """The one record with this Chinese name. Two series may print the same official name (实际使用外资 in
    dollars and as misprinted in yuan): picking either silently would show the wrong figures, so the
    user is asked for the id instead."""
    named = [r for r in records if r.name_zh == key]
    if len(named) > 1:
        ids = ", ".join(r.id for r in named)
        raise UnknownName(f"'{key}' names more than one: {ids}. Give the id of the one you mean.")
    return named[0] if named else None


def benchmark_or_center(dataset: Dataset, name: str) -> Benchmark | Center:
    """A benchmark id (or its Chinese name) first, then a center name or alias."""
    key = name.strip()
    if benchmark := _benchmark(dataset, key):
        return benchmark
    if center := resolve_center(key):
        return center
    ids = [b.id for b in dataset.benchmarks]
    raise UnknownName(
        f"'{name}' is neither a benchmark nor a center.{suggestion(name, [*ids, *ALIASES])} "
        f"Benchmarks: {', '.join(sorted(ids)) or 'none'}. Centers: {', '.join(c.value for c in Center)}."
    )
