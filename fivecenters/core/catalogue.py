"""The data file's entries in full: one indicator (`fc info`) and every source (`fc sources`)."""

from __future__ import annotations

from typing import ClassVar

from fivecenters.core.lookup import indicator_named
from fivecenters.core.model import Citation, Dataset, Source, dump
from fivecenters.core.quotes import name_evidence
from fivecenters.core.results import RecordDict, Result
from fivecenters.core.state import IndicatorState, state_of
from fivecenters.core.structs import struct


@struct(frozen=True)
class IndicatorInfo(Result):
    """An indicator as the data file has it, with the assessment of its targets; CSV has a row per observation."""

    state: IndicatorState
    sources: dict[str, Source]  # the sources it cites (for a figure or its Chinese name), by id
    # Where the Chinese name is stated: its own citation, or the first of its quotes holding it.
    name_citation: Citation | None
    nested: ClassVar[str | None] = "observations"

    def record(self) -> RecordDict:
        cited = self.name_citation
        return {
            **dump(self.state.indicator, mode="json"),
            "name_zh_cited": None if cited is None else {"source": cited.source, "quote": cited.quote},
            "progress": [a.to_dict() for a in self.state.assessments],
        }


def indicator_info(dataset: Dataset, name: str) -> IndicatorInfo:
    """`name` as a user typed it; an unknown one is a usage error naming the closest."""
    indicator = indicator_named(dataset, name)
    named = name_evidence(indicator)
    cited = {c.source for c in indicator.cited()} | ({named.source} if named else set())
    return IndicatorInfo(state_of(indicator), {s.id: s for s in dataset.sources if s.id in cited}, named)


@struct(frozen=True)
class SourceList(Result):
    """Every source of the file, by id, with the indicators and benchmarks citing each: `fc sources`."""

    sources: list[Source]  # by id
    cited_by: dict[str, list[str]]  # the indicators citing each source, in file order

    def record(self) -> list[RecordDict]:
        return [{**dump(s, mode="json"), "cited_by": self.cited_by.get(s.id, [])} for s in self.sources]


def source_list(dataset: Dataset) -> SourceList:
    return SourceList(sorted(dataset.sources, key=lambda s: s.id), dataset.citations())
