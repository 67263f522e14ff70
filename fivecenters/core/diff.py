"""What changed in the data between two versions of the file, as a reviewer reads it.

Both versions are put in canonical form first, so a moved block, a reordered
key, a default spelt out or a reformatted number is no change. Records are
matched by what identifies them: sources and indicators by id, observations by
indicator, year and place among that year's revisions, targets by indicator,
deadline and place among that deadline's targets. Works on any parsed TOML,
valid or not: a review may well be of a file that does not validate yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import Any, Literal

from fivecenters.core.canonical import canonical_data
from fivecenters.core.results import RecordDict, Result
from fivecenters.core.structs import struct

Kind = Literal["source", "indicator", "observation", "target"]
How = Literal["added", "removed", "changed"]
KINDS: tuple[Kind, ...] = ("indicator", "observation", "target", "source")
_CHILDREN = ("observations", "targets")
# What places a figure in time, and how its source hedges or what it asks.
FIGURES = {"observation": ("year", "qualifier"), "target": ("deadline", "comparator")}
_SERIES: tuple[tuple[Kind, str, str], ...] = (
    ("observation", "observations", "year"),
    ("target", "targets", "deadline"),
)


@struct(frozen=True)
class Change:
    """A record added, removed or changed between two versions of the file: `fc diff`."""

    kind: Kind
    how: How
    key: tuple[Any, ...]  # (id,) or (indicator id, year | deadline, place)
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    units: tuple[str | None, str | None] = (None, None)  # the indicator's unit, old and new
    fields: tuple[str, ...] = field(default=())  # for a change: the keys whose values differ

    @property
    def record(self) -> dict[str, Any]:
        """The newer side, or the removed record."""
        return self.new if self.new is not None else self.old or {}


def _tables(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _keyed(records: list[dict[str, Any]], *names: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Records by the values of `names` and their place among records sharing them."""
    seen: dict[tuple[Any, ...], int] = {}
    keyed = {}
    for record in records:
        key = tuple(_hashable(record.get(name)) for name in names)
        seen[key] = seen.get(key, -1) + 1
        keyed[(*key, seen[key])] = record
    return keyed


def _hashable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | None) else repr(value)


def _pairs(
    old: dict[tuple[Any, ...], dict[str, Any]], new: dict[tuple[Any, ...], dict[str, Any]]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any] | None, dict[str, Any] | None]]:
    for key in [*old, *(key for key in new if key not in old)]:
        yield key, old.get(key), new.get(key)


def _compared(kind: Kind, key: tuple[Any, ...], old: Any, new: Any, units: tuple[Any, Any]) -> Change | None:
    if old is None or new is None:
        return Change(kind, "added" if old is None else "removed", key, old, new, units)
    fields = tuple(name for name in [*old, *(n for n in new if n not in old)] if old.get(name) != new.get(name))
    return Change(kind, "changed", key, old, new, units, fields) if fields else None


def _own(indicator: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if indicator is None else {k: v for k, v in indicator.items() if k not in _CHILDREN}


def _unit(indicator: dict[str, Any] | None) -> str | None:
    unit = (indicator or {}).get("unit")
    return unit if isinstance(unit, str) else None


def changes(old_raw: Mapping[str, Any], new_raw: Mapping[str, Any]) -> list[Change]:
    """Every record added, removed or changed from `old_raw` to `new_raw` (parsed data files)."""
    old, new = canonical_data(old_raw), canonical_data(new_raw)
    found: list[Change | None] = []
    old_indicators = _keyed(_tables(old.get("indicators")), "id")
    new_indicators = _keyed(_tables(new.get("indicators")), "id")
    for (indicator_id, place), before, after in _pairs(old_indicators, new_indicators):
        units = (_unit(before), _unit(after))
        found.append(
            _compared(
                "indicator", (indicator_id,) if place == 0 else (indicator_id, place), _own(before), _own(after), units
            )
        )
        for kind, name, by in _SERIES:
            old_records, new_records = (_keyed(_tables((side or {}).get(name)), by) for side in (before, after))
            for key, old_record, new_record in _pairs(old_records, new_records):
                found.append(_compared(kind, (indicator_id, *key), old_record, new_record, units))
    for key, before, after in _pairs(
        _keyed(_tables(old.get("sources")), "id"), _keyed(_tables(new.get("sources")), "id")
    ):
        found.append(_compared("source", key[:1] if key[1] == 0 else key, before, after, (None, None)))
    return [change for change in found if change is not None]


def _plain(value: Any) -> Any:
    """TOML's dates and times as JSON has them: ISO text."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@struct(frozen=True)
class Diff(Result):
    """Two versions of the data (as labelled for people) and what changed between them."""

    old: str
    new: str
    changes: list[Change]
    nested = "changes"

    def record(self) -> RecordDict:
        """Which record, how, and both sides in full."""
        rows = []
        for c in self.changes:
            row: RecordDict = {"kind": c.kind, "change": c.how, ("id" if c.kind == "source" else "indicator"): c.key[0]}
            if c.kind in FIGURES:
                row |= {FIGURES[c.kind][0]: c.key[1], "place": c.key[2], "unit": {"old": c.units[0], "new": c.units[1]}}
            row |= {"fields": list(c.fields), "old": _plain(c.old), "new": _plain(c.new)}
            rows.append(row)
        return {"old": self.old, "new": self.new, "changed": bool(self.changes), "changes": rows}
