"""The data model: what `indicators.toml` may hold, as frozen slots dataclasses that pydantic validates.

Only shape and per-field rules live here; rules that relate several records
(unique ids, cited sources, revisions, quotes in documents) live in `checks.py`
so that every problem is reported with its position instead of aborting.

Dataclasses with slots rather than pydantic models: at 100,000 observations a
model's `__dict__` and set of the fields it was given cost four times what the
values do. Each record is validated with the core schema pydantic builds for it
(`validators.py`, which keeps it prebuilt: edit this file, then run
`python -m fivecenters.core.validators`);
every field is strict on its own (`Strict()` in its type), since a strict
dataclass accepts only instances, not the parsed tables. The types are objects, not strings (no
`from __future__ import annotations`): as strings, dataclass would read each again for `ClassVar`
and pydantic compile each one, at every start-up.
"""

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import field
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, ClassVar, TypeVar, dataclass_transform

from pydantic import AfterValidator, ConfigDict, Field, Strict, TypeAdapter

from fivecenters.core.centers import Center
from fivecenters.core.structs import struct

KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, Strict(), Field(pattern=KEBAB, min_length=1, max_length=80)]
Text = Annotated[str, Strict(), Field(min_length=1)]
Year = Annotated[int, Strict()]
Number = Annotated[float, Strict()]  # an int too, as TOML writes whole numbers
Count = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
Date = Annotated[dt.date, Strict()]
# Enum fields are lax: strict, they would want enum instances, and TOML gives strings.


class Kind(StrEnum):
    STOCK = "stock"
    FLOW = "flow"
    RATIO = "ratio"
    GROWTH = "growth"
    RANK = "rank"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Qualifier(StrEnum):
    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    NEARLY = "nearly"
    LESS_THAN = "less-than"
    AT_MOST = "at-most"


class Status(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"
    REVISED = "revised"
    ESTIMATE = "estimate"
    DERIVED = "derived"


class Comparator(StrEnum):
    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    ABOUT = "about"


class Record:
    """Strict and closed: a misspelt key is an error, not silently ignored."""

    __slots__ = ()
    __pydantic_config__ = ConfigDict(extra="forbid")
    __dataclass_fields__: ClassVar[dict[str, Any]]  # every record is a dataclass (see `record`)


R = TypeVar("R")


def empty_list() -> list[Any]:
    """The default of a list field. Not the builtin `list`: pydantic reads each default factory's
    signature, and the builtin's is parsed from its text with tokenize (~2 M instructions each time)."""
    return []


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: type[R]) -> type[R]:
    """A record type: frozen, with slots, its fields named when it is made (they are many, and optional)."""
    return struct(slots=True, frozen=True, kw_only=True)(cls)


@record
class Source(Record):
    """A document that observations and targets cite, online, saved beside the data, or both."""

    id: Id
    title: Text
    publisher: Text
    published: Date | None = None
    url: Text | None = None
    document: Text | None = None
    language: Annotated[str, Strict(), Field(pattern=r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")]
    accessed: Date | None = None
    reliability: Text | None = None


# Provisional in SDMX's sense (OBS_STATUS P and E): a later figure may replace it.
PROVISIONAL = frozenset({Status.PRELIMINARY, Status.ESTIMATE})
# "2021-07" or "2021-07-22": the day or month a stock was counted, or a flow summed up to.
AsOf = Annotated[str, Strict(), Field(pattern=r"^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$")]


@record
class Citation(Record):
    """Another source stating the same figure, in its own words."""

    source: Id
    quote: Text
    note: Text | None = None


@record
class Observation(Record):
    """The value of an indicator for a year, with the source that states it and its words."""

    year: Year
    value: Number
    qualifier: Qualifier | None = None
    status: Status = Status.FINAL
    as_of: AsOf | None = None
    # SDMX's break (OBS_STATUS B): definition, scope or method change from this value on.
    series_break: Flag = False
    revision: Flag = False
    vintage: Text | None = None
    used: Flag = True
    derived_from: list[Text] = field(default_factory=empty_list)
    source: Id
    quote: Text
    note: Text | None = None
    corroborated_by: list[Citation] = field(default_factory=empty_list)

    @property
    def provisional(self) -> bool:
        return self.status in PROVISIONAL

    def citations(self) -> list[Citation]:
        """Every source that states the value: the first, then the corroborating ones."""
        return [Citation(source=self.source, quote=self.quote), *self.corroborated_by]


@record
class Target(Record):
    """A value an indicator should reach by a deadline, as a plan set it, with its source and words."""

    value: Number
    comparator: Comparator
    deadline: Year
    set_in: Year | None = None
    baseline_year: Year | None = None
    baseline_value: Number | None = None
    label: Text | None = None  # the plan that states the target
    # A target for the mean of the yearly values from set_in to the deadline ("about 5% a year").
    average: Flag = False
    source: Id
    quote: Text
    note: Text | None = None
    corroborated_by: list[Citation] = field(default_factory=empty_list)

    def citations(self) -> list[Citation]:
        return [Citation(source=self.source, quote=self.quote), *self.corroborated_by]


def _name_citation(source: str | None, quote: str | None) -> Citation | None:
    """The citation of a Chinese name, when the record gives one of its own."""
    return None if source is None or quote is None else Citation(source=source, quote=quote)


@record
class Indicator(Record):
    """One measure of a center, with its yearly observations and its targets."""

    id: Id
    center: Center
    name: Text
    # The official Chinese name, cited like a figure: a source and its words stating the name.
    # Without them, the name must appear in one of the indicator's own quotes.
    name_zh: Text | None = None
    name_zh_source: Id | None = None
    name_zh_quote: Text | None = None
    unit: Text
    kind: Kind
    direction: Direction
    description: Text
    headline: Flag = False
    observations: list[Observation] = field(default_factory=empty_list)
    targets: list[Target] = field(default_factory=empty_list)

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"

    def used_observations(self) -> list[Observation]:
        """The series as shown: one used value per year, oldest first."""
        return sorted((o for o in self.observations if o.used), key=lambda o: o.year)

    def cited(self) -> list[Citation]:
        """Every citation of its observations and targets, corroborating ones included."""
        records: list[Observation | Target] = [*self.observations, *self.targets]
        return [citation for record in records for citation in record.citations()]

    def name_citation(self) -> Citation | None:
        return _name_citation(self.name_zh_source, self.name_zh_quote)


class Frequency(StrEnum):
    TWICE_A_YEAR = "twice-a-year"
    YEARLY = "yearly"
    IRREGULAR = "irregular"


_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def _month(value: dt.date | str) -> dt.date | str:
    if isinstance(value, str) and not _MONTH.fullmatch(value):
        raise ValueError(f'\'{value}\' is not a date, a month ("2016-09") or a year ("2016")')
    return value


# A publication date as precise as the source shows it: a TOML date, or "2016-09", or "2019".
# One validator rather than a union, so that a bad value is one problem, not one per member.
Published = Annotated[Date | Annotated[str, Strict()], AfterValidator(_month)]


@record
class Entry(Record):
    """One city's place in one edition, as a source states it.

    `rank` is an exact place; `outside_top = 5` records "not in the top five",
    a fact (rank ≥ 6) rather than a gap. `from_order` says the place is read
    from the quote's order of names or its wording ("the busiest") rather than
    stated as a number. `score_quote`: the same source's sentence giving the score.
    """

    city: Text
    listed_as: Text | None = None
    rank: Count | None = None
    outside_top: Count | None = None
    score: Number | None = None
    from_order: Flag = False
    source: Id
    quote: Text
    score_quote: Text | None = None
    note: Text | None = None


@record
class Edition(Record):
    """One edition of a benchmark, with the places sources state in it."""

    name: Text
    year: Year
    published: Published | None = None
    data_year: Year | None = None
    note: Text | None = None
    entries: list[Entry] = field(default_factory=empty_list)

    def entry(self, city: str) -> Entry | None:
        return next((e for e in self.entries if e.city == city), None)


@record
class RankTarget(Record):
    """A plan's ambition for a place in a ranking: to be within the top `rank` by the deadline."""

    rank: Count
    deadline: Year
    set_in: Year | None = None
    label: Text | None = None
    source: Id
    quote: Text
    note: Text | None = None


@record
class Benchmark(Record):
    """An international ranking that compares Shanghai with other cities, with its editions."""

    id: Id
    name: Text
    name_zh: Text | None = None  # cited as an indicator's is
    name_zh_source: Id | None = None
    name_zh_quote: Text | None = None
    producer: Text
    ranks: Text
    score_unit: Text | None = None
    centers: Annotated[list[Center], Field(min_length=1)]
    frequency: Frequency
    description: Text | None = None
    editions: list[Edition] = field(default_factory=empty_list)
    targets: list[RankTarget] = field(default_factory=empty_list)

    def cited(self) -> list[Entry | RankTarget]:
        return [*(e for ed in self.editions for e in ed.entries), *self.targets]

    def name_citation(self) -> Citation | None:
        return _name_citation(self.name_zh_source, self.name_zh_quote)


@struct(frozen=True, kw_only=True)  # no slots: `sources_by_id` is cached in its __dict__
class Dataset(Record):
    """A whole data file: its sources, indicators and benchmarks."""

    sources: list[Source] = field(default_factory=empty_list)
    indicators: list[Indicator] = field(default_factory=empty_list)
    benchmarks: list[Benchmark] = field(default_factory=empty_list)

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        """Built once: export and report look a source up per observation, and a scan each time is quadratic."""
        by_id: dict[str, Source] = {}
        for source in self.sources:
            by_id.setdefault(source.id, source)
        return by_id

    def source(self, source_id: str) -> Source | None:
        return self.sources_by_id.get(source_id)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def benchmark(self, benchmark_id: str) -> Benchmark | None:
        return next((b for b in self.benchmarks if b.id == benchmark_id), None)

    def citations(self) -> dict[str, list[str]]:
        """Which indicators and benchmarks cite each source, in file order (for a figure or a name)."""
        citing: dict[str, list[str]] = {}

        def cite(owner: Indicator | Benchmark, records: Iterable[Citation | Entry | RankTarget]) -> None:
            name = owner.name_citation()
            for record in [*records, *([name] if name else [])]:
                ids = citing.setdefault(record.source, [])
                if owner.id not in ids:
                    ids.append(owner.id)

        for indicator in self.indicators:
            cite(indicator, indicator.cited())
        for benchmark in self.benchmarks:
            cite(benchmark, benchmark.cited())
        return citing


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(kind: type[R]) -> TypeAdapter[R]:
    """The validator and serializer of a record type (or `Dataset`), built on first use with pydantic's
    plugin search off (as typer does for its own): fc uses no plugin, and the search reads the metadata
    of every installed distribution."""
    if (found := _ADAPTERS.get(kind)) is None:
        previous = os.environ.get("PYDANTIC_DISABLE_PLUGINS")
        os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"
        try:
            found = _ADAPTERS[kind] = TypeAdapter(kind)
        finally:
            if previous is None:
                del os.environ["PYDANTIC_DISABLE_PLUGINS"]
            else:
                os.environ["PYDANTIC_DISABLE_PLUGINS"] = previous
    return found


def dump(item: Record, **options: Any) -> dict[str, Any]:
    """A record as plain values (`mode="json"` for JSON), as pydantic's `model_dump` gave them."""
    dumped: dict[str, Any] = adapter(type(item)).dump_python(item, **options)
    return dumped
