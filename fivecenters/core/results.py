"""What the reading commands answer: one record per result, which JSON prints and CSV flattens.

Every result has one record shape. JSON prints it whole; CSV prints its rows:
the items of a list, or, where each record holds its rows in a list (`nested`),
one row per item of that list, after the plain fields (text, numbers) of the
record that holds it. Nested objects in a row become dotted columns
(`latest.value`) when CSV is written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from fivecenters.core.model import Indicator, Observation

RecordDict = dict[str, Any]


class Result(ABC):
    nested: ClassVar[str | None] = None  # the list inside each record that holds its rows, if any

    @abstractmethod
    def record(self) -> RecordDict | list[RecordDict]:
        """The result as JSON shows it."""

    def csv_rows(self) -> list[RecordDict]:
        """The rows CSV flattens, taken from the record so that the two cannot disagree."""
        return rows_of(self.record(), self.nested)


def rows_of(record: RecordDict | list[RecordDict], nested: str | None = None) -> list[RecordDict]:
    records = record if isinstance(record, list) else [record]
    if nested is None:
        return records
    return [{**plain_fields(r), **row} for r in records for row in r[nested]]


def plain_fields(record: RecordDict) -> RecordDict:
    """A record's own text and numbers, without the lists and objects it holds."""
    return {key: value for key, value in record.items() if not isinstance(value, dict | list)}


def indicator_record(indicator: Indicator) -> RecordDict:
    """What every output record says of its indicator, so that rows can be read alone."""
    return {
        "center": indicator.center.value,
        "indicator": indicator.id,
        "name": indicator.name,
        "name_zh": indicator.name_zh,
        "unit": indicator.unit,
        "kind": indicator.kind.value,
        "direction": indicator.direction.value,
    }


def observation_record(obs: Observation | None) -> RecordDict | None:
    """An observation as output records carry it: value with its qualifier, status, marks and sources."""
    if obs is None:
        return None
    return {
        "year": obs.year,
        "value": obs.value,
        "qualifier": obs.qualifier.value if obs.qualifier else None,
        "status": obs.status.value,
        "provisional": obs.provisional,
        "as_of": obs.as_of,
        "series_break": obs.series_break,
        "vintage": obs.vintage,
        "source": obs.source,
        "corroborated_by": [c.source for c in obs.corroborated_by],
    }
