"""The data as tidy tables for other tools, each declared once, column by column.

Each table is declared once, field by field (name, type, description, how to
read it from the data), and both the rows and the table schema are built from
that declaration, so the schema cannot drift from the columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fivecenters.core.centers import Center
from fivecenters.core.model import (
    Benchmark,
    Comparator,
    Dataset,
    Direction,
    Edition,
    Entry,
    Frequency,
    Indicator,
    Kind,
    Observation,
    Qualifier,
    RankTarget,
    Source,
    Target,
)
from fivecenters.core.model import Status as ObservationStatus
from fivecenters.core.progress import Assessment
from fivecenters.core.progress import Status as ProgressStatus
from fivecenters.core.standing import BandAssessment, BandStatus, standing
from fivecenters.core.state import state_of
from fivecenters.core.structs import struct

DESCRIPTOR = "datapackage.json"


@struct(frozen=True)
class Item:
    """What a row is made from: an indicator or benchmark, one of its records, the source it cites,
    a target's assessment, an entry's edition, a rank target's band."""

    indicator: Indicator | None
    record: Observation | Target | Source | Indicator | Benchmark | Entry | RankTarget
    source: Source | None
    assessment: Assessment | None = None
    benchmark: Benchmark | None = None
    edition: Edition | None = None
    band: BandAssessment | None = None


@struct(frozen=True)
class Column:
    """One column of an exported table: its name, type and description, and how a record gives its value."""

    name: str
    type: str  # a Frictionless table-schema type
    description: str
    get: Callable[[Item], Any]
    required: bool = False
    enum: tuple[str, ...] = ()

    def schema(self) -> dict[str, Any]:
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


@struct(frozen=True)
class ForeignKey:
    """A column whose every value is the key of a row in another table."""

    column: str
    table: str
    key: str = "id"


CITES = (ForeignKey("indicator", "indicators"), ForeignKey("source", "sources"))


Items = Callable[[Dataset], Iterator[Item]]


@struct(frozen=True)
class Table:
    """One exported table: its columns, the records that make its rows, and its keys."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    items: Items
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = CITES

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def rows(self, dataset: Dataset) -> list[dict[str, Any]]:
        return [{c.name: c.get(item) for c in self.columns} for item in self.items(dataset)]

    def resource(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [c.schema() for c in self.columns], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": k.column, "reference": {"resource": k.table, "fields": k.key}} for k in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def _enum(values: type) -> tuple[str, ...]:
    return tuple(v.value for v in values)  # type: ignore[attr-defined]


def _get(name: str, part: str = "record") -> Callable[[Item], Any]:
    """Read attribute `name` of the item's record, indicator or source; enums as their text."""

    def get(item: Item) -> Any:
        value = getattr(getattr(item, part), name, None)
        return getattr(value, "value", value)

    return get


# The official Chinese names beside the values, so a reader of the schema meets both.
CENTERS = ", ".join(f"{c.value} ({c.full_name_zh})" for c in Center)
INDICATOR_COLUMNS = (
    Column("center", "string", f"The center: {CENTERS}.", _get("center", "indicator"), True, _enum(Center)),
    Column("indicator", "string", "Indicator id (indicators.csv).", _get("id", "indicator"), True),
    Column("indicator_name", "string", "Indicator name.", _get("name", "indicator"), True),
    Column(
        "indicator_name_zh", "string", "The indicator's official Chinese name, if known.", _get("name_zh", "indicator")
    ),
)
BENCHMARK_COLUMNS = (
    Column("benchmark", "string", "Benchmark id (benchmarks.csv).", _get("id", "benchmark"), True),
    Column("benchmark_name", "string", "Name of the ranking.", _get("name", "benchmark"), True),
    Column("benchmark_name_zh", "string", "The ranking's Chinese name, if known.", _get("name_zh", "benchmark")),
)
QUOTED_COLUMNS = (
    Column("source", "string", "Id of the cited source (sources.csv).", _get("source"), True),
    Column("source_title", "string", "Title of the cited source.", _get("title", "source")),
    Column("publisher", "string", "Publisher of the cited source.", _get("publisher", "source")),
    Column("url", "string", "Where the cited source can be read, if online.", _get("url", "source")),
    Column("quote", "string", "The source's words that state the figure, verbatim.", _get("quote"), True),
)
NOTE = Column("note", "string", "The curator's note, if any.", _get("note"))
CITATION_COLUMNS = (
    *QUOTED_COLUMNS,
    NOTE,
    Column(
        "corroborated_by",
        "string",
        "Other sources stating the same figure, by id, separated by '; ' (quotes in the data file).",
        lambda item: "; ".join(c.source for c in getattr(item.record, "corroborated_by", [])) or None,
    ),
)


def _observations(dataset: Dataset) -> Iterator[Item]:
    for indicator in dataset.indicators:
        for obs in sorted(indicator.observations, key=lambda o: o.year):
            yield Item(indicator, obs, dataset.source(obs.source))


def _targets(dataset: Dataset) -> Iterator[Item]:
    for indicator in dataset.indicators:
        for assessment in state_of(indicator).by_deadline:
            yield Item(indicator, assessment.target, dataset.source(assessment.target.source), assessment)


def _sources(dataset: Dataset) -> Iterator[Item]:
    for source in sorted(dataset.sources, key=lambda s: s.id):
        yield Item(None, source, source)


def _indicators(dataset: Dataset) -> Iterator[Item]:
    for indicator in dataset.indicators:
        yield Item(indicator, indicator, None)


def _benchmarks(dataset: Dataset) -> Iterator[Item]:
    for benchmark in dataset.benchmarks:
        yield Item(None, benchmark, None, benchmark=benchmark)


def _entries(dataset: Dataset) -> Iterator[Item]:
    for benchmark in dataset.benchmarks:
        for edition in sorted(benchmark.editions, key=lambda e: e.year):
            for entry in edition.entries:
                yield Item(None, entry, dataset.source(entry.source), benchmark=benchmark, edition=edition)


def _rank_targets(dataset: Dataset) -> Iterator[Item]:
    for benchmark in dataset.benchmarks:
        for band in standing(benchmark).bands:
            yield Item(None, band.target, dataset.source(band.target.source), benchmark=benchmark, band=band)


def _band(name: str) -> Callable[[Item], Any]:
    """Part of a rank target's assessment: its status, or Shanghai's latest place it rests on."""

    def get(item: Item) -> Any:
        band = item.band
        assert band is not None
        latest = band.latest.entry if band.latest else None
        return {
            "status": band.status.value,
            "latest_edition": band.latest.edition.name if band.latest else None,
            "latest_rank": latest.rank if latest else None,
            "latest_outside_top": latest.outside_top if latest else None,
            "places_to_go": band.places_to_go,
        }[name]

    return get


def _published(item: Item) -> str | None:
    """A date, a month or a year, as precise as the source shows it: text, so the column has one type."""
    published = getattr(item.edition, "published", None)
    return None if published is None else str(published)


def _progress(item: Item) -> str:
    assert item.assessment is not None
    return item.assessment.status.value


def _cited_by_id(name: str, title: str, description: str, columns: tuple[Column, ...], items: Items) -> Table:
    """A table of the things the other tables cite by their id."""
    return Table(name, title, description, columns, items, primary_key=("id",), foreign_keys=())


OBSERVATIONS = Table(
    "observations",
    "Observations",
    "One row per observation: each indicator's yearly values, with revisions, each citing its source.",
    (
        *INDICATOR_COLUMNS,
        Column("year", "integer", "The year the value is for.", _get("year"), True),
        Column("value", "number", "The value, in the unit of the `unit` column.", _get("value"), True),
        Column("unit", "string", "The unit with its scale: million TEU, %.", _get("unit", "indicator"), True),
        Column(
            "qualifier",
            "string",
            "How the source hedges the value (about, more-than …); empty when exact.",
            _get("qualifier"),
            enum=_enum(Qualifier),
        ),
        Column(
            "status",
            "string",
            "final, preliminary, revised, estimate or derived.",
            _get("status"),
            True,
            _enum(ObservationStatus),
        ),
        Column(
            "as_of",
            "string",
            "The month or day the value is as of (YYYY-MM or YYYY-MM-DD) when it is not for the whole year.",
            _get("as_of"),
        ),
        Column(
            "series_break",
            "boolean",
            "True when the series' definition, scope or method changes from this value on (SDMX break).",
            _get("series_break"),
            True,
        ),
        Column(
            "revision",
            "boolean",
            "True when the year has several differing values (first published, revised).",
            _get("revision"),
            True,
        ),
        Column("vintage", "string", "The round of revision the value belongs to, if named.", _get("vintage")),
        Column(
            "used",
            "boolean",
            "False for a revision kept for the record but not used; one used value a year.",
            _get("used"),
            True,
        ),
        *CITATION_COLUMNS,
    ),
    _observations,
)

TARGETS = Table(
    "targets",
    "Targets",
    "One row per target set for an indicator, with its progress status (Statistics Canada / Open SDG method).",
    (
        *INDICATOR_COLUMNS,
        Column("value", "number", "The target value, in the unit of the `unit` column.", _get("value"), True),
        Column("unit", "string", "The unit with its scale.", _get("unit", "indicator"), True),
        Column("comparator", "string", "at-least, at-most or about.", _get("comparator"), True, _enum(Comparator)),
        Column("deadline", "integer", "The year by which the target should be met.", _get("deadline"), True),
        Column("set_in", "integer", "The year the plan set the target, if known.", _get("set_in")),
        Column("baseline_year", "integer", "The baseline year the source states, if any.", _get("baseline_year")),
        Column("baseline_value", "number", "The baseline value the source states, if any.", _get("baseline_value")),
        Column("label", "string", "The plan or programme that set the target.", _get("label")),
        Column(
            "average",
            "boolean",
            "True when the target is for the average of the yearly values from set_in to the deadline.",
            _get("average"),
            True,
        ),
        Column("progress", "string", "Progress status on the latest data.", _progress, True, _enum(ProgressStatus)),
        *CITATION_COLUMNS,
    ),
    _targets,
)

SOURCES = _cited_by_id(
    "sources",
    "Sources",
    "Every source in the data file.",
    (
        Column("id", "string", "Source id, as cited in the other tables.", _get("id"), True),
        Column("title", "string", "Title of the source.", _get("title"), True),
        Column("publisher", "string", "Who published it.", _get("publisher"), True),
        Column("published", "date", "Publication date, if the source shows one.", _get("published")),
        Column("url", "string", "Where it can be read online.", _get("url")),
        Column("document", "string", "Local copy in the project's seeds/ folder.", _get("document")),
        Column("language", "string", "Language (BCP 47 tag).", _get("language"), True),
        Column("accessed", "date", "When the copy was read.", _get("accessed")),
        Column("reliability", "string", "Why the copy may be less than authoritative.", _get("reliability")),
    ),
    _sources,
)

INDICATORS = _cited_by_id(
    "indicators",
    "Indicators",
    "One row per indicator: what it measures, in which unit, and which way is better.",
    (
        Column("id", "string", "Indicator id, stable and kebab-case, as cited in the other tables.", _get("id"), True),
        Column("center", "string", f"The center: {CENTERS}.", _get("center"), True, _enum(Center)),
        Column("name", "string", "Indicator name.", _get("name"), True),
        Column("name_zh", "string", "The official Chinese name, where a source gives it.", _get("name_zh")),
        Column("unit", "string", "The unit with its scale: million TEU, %.", _get("unit"), True),
        Column("kind", "string", "stock, flow, ratio, growth or rank.", _get("kind"), True, _enum(Kind)),
        Column(
            "direction", "string", "Which way is better: higher or lower.", _get("direction"), True, _enum(Direction)
        ),
        Column("headline", "boolean", "True for the center's headline indicators.", _get("headline"), True),
        Column("description", "string", "What the indicator measures and how.", _get("description"), True),
    ),
    _indicators,
)

BENCHMARKS = _cited_by_id(
    "benchmarks",
    "Benchmarks",
    "One row per international ranking that compares Shanghai with its peers.",
    (
        Column("id", "string", "Benchmark id, as cited in benchmark_entries.", _get("id"), True),
        Column("name", "string", "Name of the ranking, as its producer gives it.", _get("name"), True),
        Column("name_zh", "string", "The Chinese name, where a source gives it.", _get("name_zh")),
        Column("producer", "string", "Who compiles the ranking.", _get("producer"), True),
        Column("ranks", "string", "What it ranks: cities, ports, clusters …", _get("ranks"), True),
        Column(
            "centers",
            "string",
            f"The centers whose standing it measures, separated by '; ': {CENTERS}.",
            lambda item: "; ".join(c.value for c in getattr(item.record, "centers", [])),
            True,
        ),
        Column("frequency", "string", "How often an edition appears.", _get("frequency"), True, _enum(Frequency)),
        Column("score_unit", "string", "The unit of the scores, if the ranking gives scores.", _get("score_unit")),
        Column("description", "string", "What the ranking measures and how.", _get("description")),
    ),
    _benchmarks,
)

BENCHMARK_ENTRIES = Table(
    "benchmark_entries",
    "Benchmark entries",
    "One row per city's place in an edition of a benchmark, as a source states it.",
    (
        *BENCHMARK_COLUMNS,
        Column("edition", "string", "The edition, named as its producer names it.", _get("name", "edition"), True),
        Column("edition_year", "integer", "The year of the edition.", _get("year", "edition"), True),
        Column("published", "string", "When it was published: YYYY, YYYY-MM or YYYY-MM-DD.", _published),
        Column("data_year", "integer", "The year its data describe, if the source says.", _get("data_year", "edition")),
        Column("city", "string", "The city (or its port, airport, cluster).", _get("city"), True),
        Column("listed_as", "string", "The name the ranking lists it under, if different.", _get("listed_as")),
        Column("rank", "integer", "Its place, 1 being first.", _get("rank")),
        Column(
            "outside_top",
            "integer",
            "Set when the source states only that it is not in the top N: its rank is at least N + 1.",
            _get("outside_top"),
        ),
        Column("score", "number", "Its score, where the source gives it (unit in benchmarks.csv).", _get("score")),
        Column(
            "from_order",
            "boolean",
            "True when the place is read from the order of the quote's list or its wording, not stated as a number.",
            _get("from_order"),
            True,
        ),
        *QUOTED_COLUMNS,
        Column(
            "score_quote", "string", "The source's words that state the score, if not the quote.", _get("score_quote")
        ),
        NOTE,
    ),
    _entries,
    primary_key=("benchmark", "edition", "city"),
    foreign_keys=(ForeignKey("benchmark", "benchmarks"), ForeignKey("source", "sources")),
)

BENCHMARK_TARGETS = Table(
    "benchmark_targets",
    "Benchmark targets",
    "One row per rank ambition a plan states (within the top N of a ranking by a year), with its assessment: "
    "a band that Shanghai's latest place is inside or not, not a growth rate.",
    (
        *BENCHMARK_COLUMNS,
        Column("rank", "integer", "The band: within the top `rank`, 1 being first.", _get("rank"), True),
        Column("deadline", "integer", "The year by which the place should be reached.", _get("deadline"), True),
        Column("set_in", "integer", "The year the plan set the target, if known.", _get("set_in")),
        Column("label", "string", "The plan or programme that set the target.", _get("label")),
        Column(
            "status",
            "string",
            "achieved (the latest place is within the band), not yet (outside, the deadline ahead), missed "
            "(outside in an edition of the deadline's year or later), no data (no place, or a bound that "
            "cannot tell).",
            _band("status"),
            True,
            _enum(BandStatus),
        ),
        Column("latest_edition", "string", "The edition of Shanghai's latest place.", _band("latest_edition")),
        Column("latest_rank", "integer", "Shanghai's latest place, where exact.", _band("latest_rank")),
        Column(
            "latest_outside_top",
            "integer",
            "Set when the latest place is stated only as not in the top N.",
            _band("latest_outside_top"),
        ),
        Column(
            "places_to_go",
            "integer",
            "Places between the latest exact place and the band's edge; 0 once inside.",
            _band("places_to_go"),
        ),
        *QUOTED_COLUMNS,
        NOTE,
    ),
    _rank_targets,
    foreign_keys=(ForeignKey("benchmark", "benchmarks"), ForeignKey("source", "sources")),
)

TABLES = (OBSERVATIONS, TARGETS, SOURCES, INDICATORS, BENCHMARKS, BENCHMARK_ENTRIES, BENCHMARK_TARGETS)
PACKAGE_FILES = (DESCRIPTOR, *(t.path for t in TABLES))


def observation_rows(dataset: Dataset) -> list[dict[str, Any]]:
    """The tidy long table: one row per observation, revisions included."""
    return OBSERVATIONS.rows(dataset)
