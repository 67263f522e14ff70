"""The rules that relate records: ids, citations, revisions, years, values, quotes in documents.

Each problem has a stable code and the key path it is about; `validate.py`
turns paths into positions.
"""

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import field
from pathlib import Path
from typing import Any

from fivecenters.core.codes import Code
from fivecenters.core.model import (
    Benchmark,
    Comparator,
    Direction,
    Entry,
    Indicator,
    Kind,
    RankTarget,
    Source,
    Status,
    Target,
)
from fivecenters.core.problems import KeyPath, Problem
from fivecenters.core.quotes import (
    Quoted,
    QuoteFinder,
    cited_quotes,
    name_evidence,
    name_in_quote,
    value_in_quote,
)
from fivecenters.core.series_checks import check_series, citation_path
from fivecenters.core.structs import struct

FIRST_YEAR = 1949
LAST_TARGET_YEAR = 2100


@struct
class Checker:
    """Collects problems for one file; positions are resolved once at the end."""

    base_dir: Path
    today: dt.date
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: KeyPath, code: Code, message: str) -> None:
        self.problems.append(Problem(code, message, path))


@struct
class Indexed:
    """Records that validated, with their index in the file for positions."""

    sources: list[tuple[int, Source]] = field(default_factory=list)
    indicators: list[tuple[int, Indicator]] = field(default_factory=list)
    benchmarks: list[tuple[int, Benchmark]] = field(default_factory=list)
    # From records that did not validate (already reported): their citations and ids
    # must not add unused-source or unknown-source problems on top.
    cited: set[str] = field(default_factory=set)
    invalid_source_ids: set[str] = field(default_factory=set)


@struct
class Citations:
    """Each record's citation: a known source; its quote is looked for in the source's document
    by `check_sources_cited`, once per document for all the quotes citing it."""

    checker: Checker
    sources: dict[str, Source]
    quotes: QuoteFinder
    invalid_source_ids: set[str]
    cited: set[str] = field(default_factory=set)
    to_find: dict[str, list[tuple[Source, str, KeyPath]]] = field(default_factory=lambda: defaultdict(list))

    def check(self, path: KeyPath, record: Entry | RankTarget) -> None:
        """The source of a benchmark's entry or target."""
        self.cite(path, record.source, record.quote)

    def check_figure(self, path: KeyPath, quoted: list[Quoted]) -> None:
        """Every source an observation or a target cites (`cited_quotes`): it may be corroborated by several."""
        for number, (source_id, quote) in enumerate(quoted):
            self.cite(citation_path(path, number), source_id, quote)

    def cite(self, path: KeyPath, source_id: str, quote: str, keys: tuple[str, str] = ("source", "quote")) -> None:
        """One source and its words, under `path` at keys of any name (a Chinese name's `name_zh_source`)."""
        self.cited.add(source_id)
        source = self.sources.get(source_id)
        if source is None and source_id in self.invalid_source_ids:
            return
        if source is None:
            self.checker.add(
                (*path, keys[0]), Code.UNKNOWN_SOURCE, f"cites source '{source_id}', which is not in [[sources]]"
            )
        else:
            self._find(source, quote, (*path, keys[1]))

    def check_quote(self, path: KeyPath, source_id: str, quote: str) -> None:
        if (source := self.sources.get(source_id)) is not None:
            self._find(source, quote, path)

    def _find(self, source: Source, quote: str, path: KeyPath) -> None:
        if source.document:
            self.to_find[source.document].append((source, quote, path))


def check_dataset(checker: Checker, data: Indexed) -> Citations:
    """Sources and indicators; the citations seen, for the benchmarks' checks and `check_sources_cited`."""
    quotes = QuoteFinder(checker.base_dir)
    citations = Citations(checker, _check_sources(checker, data.sources), quotes, data.invalid_source_ids)
    citations.cited |= data.cited
    seen: dict[str, int] = {}
    for index, indicator in data.indicators:
        path: KeyPath = ("indicators", index)
        check_unique_id(checker, seen, path, "indicator", indicator.id, index)
        # An indicator may exist only to hold a plan's targets until data is found; with neither it is a stub.
        if not indicator.observations and not indicator.targets:
            checker.add(path, Code.NO_OBSERVATIONS, f"indicator '{indicator.id}' has no observations and no targets")
        # Each figure's sources and quotes, made once for the checks of its sources, value and unit.
        observed = [cited_quotes(observation) for observation in indicator.observations]
        targeted = [cited_quotes(target) for target in indicator.targets]
        for number, quoted in enumerate(observed):
            citations.check_figure((*path, "observations", number), quoted)
        for number, quoted in enumerate(targeted):
            citations.check_figure((*path, "targets", number), quoted)
        _check_observations(checker, indicator, path, observed)
        _check_targets(checker, indicator, path)
        check_series(checker.add, indicator, path, observed, targeted)
        check_chinese_name(citations, indicator, path)
    return citations


def check_chinese_name(citations: Citations, record: Indicator | Benchmark, path: KeyPath) -> None:
    """The official Chinese name, evidenced as a figure is: by a source of its own and its words
    (`name_zh_source`, `name_zh_quote`), else by one of the record's own quotes."""
    add, kind = citations.checker.add, "indicator" if isinstance(record, Indicator) else "benchmark"
    name, source, quote = record.name_zh, record.name_zh_source, record.name_zh_quote
    if (problem := _incomplete_name_citation(name, source, quote)) is not None:
        add((*path, problem[0]), Code.INCOMPLETE_NAME_CITATION, problem[1])
        return
    if name is None:  # no source found to state one: left out, not supplied
        return
    if source is not None and quote is not None:
        citations.cite(path, source, quote, ("name_zh_source", "name_zh_quote"))
        if not name_in_quote(name, quote):
            add((*path, "name_zh_quote"), Code.CHINESE_NAME_NOT_IN_QUOTE, f"'{name}' does not appear in name_zh_quote")
    elif name_evidence(record) is None:
        add(
            (*path, "name_zh"),
            Code.CHINESE_NAME_NOT_IN_QUOTE,
            f"'{name}' appears in none of the {kind}'s quotes; "
            "cite a source that states it in name_zh_source and name_zh_quote",
        )


def _incomplete_name_citation(name: str | None, source: str | None, quote: str | None) -> tuple[str, str] | None:
    """The key at fault and why, when a name's citation lacks a part."""
    if name is None and (source is not None or quote is not None):
        key = "name_zh_source" if source is not None else "name_zh_quote"
        return key, f"'{key}' cites a Chinese name, but name_zh is not set"
    if source is not None and quote is None:
        return "name_zh_source", "name_zh_source needs name_zh_quote: the source's words stating the name"
    if quote is not None and source is None:
        return "name_zh_quote", "name_zh_quote needs name_zh_source: the id of the source stating the name"
    return None


def raw_name_source(record: dict[str, Any]) -> set[str]:
    """The source a record's Chinese name cites, read from a record that failed validation."""
    source = record.get("name_zh_source")
    return {source} if isinstance(source, str) else set()


def check_unique_id(checker: Checker, seen: dict[str, int], path: KeyPath, kind: str, key: str, number: int) -> None:
    """A second record of a kind with the same id; the message names the first."""
    if (first := repeated(seen, key, number)) is not None:
        checker.add((*path, "id"), Code.DUPLICATE_ID, f"{kind} id '{key}' is already used by {kind} #{first + 1}")


def repeated(seen: dict[str, int], key: str, number: int) -> int | None:
    """The number of the record that used `key` first, if any; else remember this one."""
    if key in seen:
        return seen[key]
    seen[key] = number
    return None


def check_sources_cited(checker: Checker, data: Indexed, citations: Citations) -> None:
    """Run last: every quote in its document, every source cited by something, every document usable."""
    _check_quotes(checker, citations.quotes, citations.to_find)
    for source_id, (index, source) in ((s.id, (i, s)) for i, s in data.sources):
        if source_id not in citations.cited:
            checker.add(("sources", index, "id"), Code.UNUSED_SOURCE, f"source '{source_id}' is cited by nothing")
        if source.document:
            _require_document(checker, citations.quotes, source, ("sources", index, "document"))


def _check_sources(checker: Checker, sources: list[tuple[int, Source]]) -> dict[str, Source]:
    by_id: dict[str, Source] = {}
    for index, source in sources:
        path = ("sources", index)
        if source.id in by_id:
            checker.add((*path, "id"), Code.DUPLICATE_ID, f"source id '{source.id}' is already used")
            continue
        by_id[source.id] = source
        if not (source.url or source.document):
            checker.add(path, Code.SOURCE_WITHOUT_LOCATION, f"source '{source.id}' needs a url or a document")
        for key, day in (("published", source.published), ("accessed", source.accessed)):
            if day and day > checker.today:
                checker.add((*path, key), Code.DATE_IN_FUTURE, f"{key} date {day} is in the future")
    return by_id


def _check_observations(checker: Checker, indicator: Indicator, path: KeyPath, observed: list[list[Quoted]]) -> None:
    by_year: dict[int, list[int]] = defaultdict(list)
    for number, (obs, quoted) in enumerate(zip(indicator.observations, observed, strict=True)):
        obs_path = (*path, "observations", number)
        by_year[obs.year].append(number)
        if not FIRST_YEAR <= obs.year <= checker.today.year:
            checker.add(
                (*obs_path, "year"),
                Code.YEAR_OUT_OF_RANGE,
                f"observation year {obs.year} is outside {FIRST_YEAR}–{checker.today.year}",
            )
        _check_value(checker, indicator, obs.value, obs_path, "value")
        if obs.status is Status.DERIVED:
            if not obs.derived_from:
                checker.add(
                    obs_path, Code.DERIVED_WITHOUT_INPUTS, "a derived value must name its inputs in 'derived_from'"
                )
        else:
            if obs.derived_from:
                checker.add(
                    (*obs_path, "derived_from"),
                    Code.INPUTS_WITHOUT_DERIVED,
                    "'derived_from' is set but status is not \"derived\"",
                )
            if not math.isfinite(obs.value):
                continue
            for cited, (_, quote) in enumerate(quoted):
                if not value_in_quote(obs.value, quote):
                    checker.add(
                        (*citation_path(obs_path, cited), "quote"),
                        Code.VALUE_NOT_IN_QUOTE,
                        f"value {obs.value:g} does not appear in its quote; "
                        "if it is computed, set status = \"derived\" and 'derived_from'",
                    )
    observations = indicator.observations
    for year, numbers in by_year.items():
        used = [n for n in numbers if observations[n].used]
        if len(numbers) > 1 and not all(observations[n].revision for n in numbers):
            checker.add(
                (*path, "observations", numbers[-1], "year"),
                Code.DUPLICATE_YEAR,
                f"{len(numbers)} observations for {year}; "
                "mark each with revision = true and all but one with used = false",
            )
        elif len(used) > 1:
            checker.add(
                (*path, "observations", used[-1], "year"),
                Code.MULTIPLE_USED_VALUES,
                f"{len(used)} observations for {year} are used; set used = false on all but one",
            )
        if not used:
            checker.add(
                (*path, "observations", numbers[-1], "used"),
                Code.NO_USED_VALUE,
                f"no observation for {year} is used; exactly one must be",
            )


def _check_targets(checker: Checker, indicator: Indicator, path: KeyPath) -> None:
    for number, target in enumerate(indicator.targets):
        tpath = (*path, "targets", number)
        _check_value(checker, indicator, target.value, tpath, "value")
        if not FIRST_YEAR <= target.deadline <= LAST_TARGET_YEAR:
            checker.add(
                (*tpath, "deadline"),
                Code.YEAR_OUT_OF_RANGE,
                f"deadline {target.deadline} is outside {FIRST_YEAR}–{LAST_TARGET_YEAR}",
            )
        for key in ("set_in", "baseline_year"):
            year = getattr(target, key)
            if year is not None and not FIRST_YEAR <= year <= min(target.deadline, checker.today.year):
                checker.add(
                    (*tpath, key),
                    Code.TARGET_YEARS_INCONSISTENT,
                    f"{key} {year} must lie between {FIRST_YEAR} and the deadline {target.deadline}, "
                    "and not in the future",
                )
        if (target.baseline_year is None) != (target.baseline_value is None):
            checker.add(tpath, Code.INCOMPLETE_BASELINE, "baseline_year and baseline_value go together")
        elif target.baseline_value is not None:
            _check_value(checker, indicator, target.baseline_value, tpath, "baseline_value")
        if _against_direction(target, indicator.direction):
            checker.add(
                (*tpath, "comparator"),
                Code.COMPARATOR_AGAINST_DIRECTION,
                f"'{target.comparator}' on an indicator where {indicator.direction} is better",
            )


def _against_direction(target: Target, direction: Direction) -> bool:
    return (target.comparator, direction) in {
        (Comparator.AT_MOST, Direction.HIGHER),
        (Comparator.AT_LEAST, Direction.LOWER),
    }


def _check_value(checker: Checker, indicator: Indicator, value: float, path: KeyPath, key: str) -> None:
    for code, message in value_problems(indicator, value):
        checker.add((*path, key), code, message)


def value_problems(indicator: Indicator, value: float) -> Iterator[tuple[Code, str]]:
    """What is wrong with a value for this indicator's kind and unit, if anything."""
    if not math.isfinite(value):
        yield Code.NOT_FINITE, f"value {value} is not a finite number"
    elif indicator.kind is Kind.RANK:
        if value < 1 or value != int(value):
            yield Code.INVALID_RANK, f"rank {value:g} must be a whole number of at least 1"
    elif indicator.kind is not Kind.GROWTH and value < 0:
        yield Code.NEGATIVE_VALUE, f"value {value:g} is negative, but a {indicator.kind} cannot be"
    elif value > 100 and indicator.kind is Kind.RATIO and indicator.is_percent:
        yield Code.PERCENT_OUT_OF_RANGE, f"value {value:g}% is above 100%"


def _check_quotes(checker: Checker, quotes: QuoteFinder, to_find: dict[str, list[tuple[Source, str, KeyPath]]]) -> None:
    for cited in to_find.values():
        missing = quotes.missing(cited[0][0], (quote for _, quote, _ in cited))
        for source, quote, path in cited:
            if quote in missing:
                checker.add(
                    path, Code.QUOTE_NOT_IN_DOCUMENT, f"quote not found in {source.document} (cited as '{source.id}')"
                )


def _require_document(checker: Checker, quotes: QuoteFinder, source: Source, path: KeyPath) -> None:
    if (problem := quotes.problem(source)) is not None:
        checker.add(path, problem.code, problem.message)
