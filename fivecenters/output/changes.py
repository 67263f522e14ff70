"""`fc diff` for people: grids for the terminal, and Markdown for a pull-request comment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fivecenters.core.diff import FIGURES, KINDS, Change, Diff
from fivecenters.output.formatting import DASH
from fivecenters.output.grids import Grid

_SHOWN = {"value", "source", "qualifier", "comparator"}  # in the Old, New and Source columns
_PLURAL = {"indicator": "Indicators", "observation": "Observations", "target": "Targets", "source": "Sources"}


def exact(value: Any) -> str:
    """A value as the data holds it: every digit (a diff is about the last one), thousands separated."""
    if isinstance(value, list):
        return "[" + ", ".join(exact(item) for item in value) + "]"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def _figure(change: Change, record: dict[str, Any] | None, unit: str | None) -> str:
    if record is None:
        return DASH
    hedge = record.get(FIGURES[change.kind][1])
    parts = [hedge, exact(record.get("value")), unit]
    return " ".join(str(part) for part in parts if part is not None)


def _source(change: Change) -> str:
    old, new = ((record or {}).get("source") for record in (change.old, change.new))
    if change.how == "changed" and old != new:
        return f"{old} → {new}"
    return str(new if change.new is not None else old)


def _fields(change: Change, skip: Iterable[str] = ()) -> str:
    """The changed keys, each as old → new."""
    old, new = change.old or {}, change.new or {}
    return "; ".join(
        f"{name}: {exact(old[name]) if name in old else DASH} → {exact(new[name]) if name in new else DASH}"
        for name in change.fields
        if name not in skip
    )


def _title(kind: str, found: list[Change]) -> str:
    counts = {how: sum(1 for c in found if c.how == how) for how in ("added", "removed", "changed")}
    return f"{_PLURAL[kind]} ({', '.join(f'{n} {how}' for how, n in counts.items() if n)})"


def diff_grids(diff: Diff) -> list[Grid]:
    changes = diff.changes
    grids = []
    for kind in KINDS:
        found = [c for c in changes if c.kind == kind]
        if not found:
            continue
        if kind in FIGURES:
            when = FIGURES[kind][0].capitalize()
            grid = Grid(_title(kind, found), ["Indicator", when, "Change", "Old", "New", "Source", "Also changed"])
            grid.numeric = frozenset({1})
            for c in found:
                cells = (_figure(c, c.old, c.units[0]), _figure(c, c.new, c.units[1]), _source(c), _fields(c, _SHOWN))
                grid.add(str(c.key[0]), str(c.key[1]), c.how, *cells)
        else:
            grid = Grid(_title(kind, found), [kind.capitalize(), "Change", "What"])
            for c in found:
                what = _fields(c) if c.how == "changed" else str(c.record.get("name") or c.record.get("title") or "")
                grid.add(str(c.key[0]), c.how, what)
        grids.append(grid)
    return grids


def diff_lines(diff: Diff) -> list[str]:
    count, span = len(diff.changes), f"in the data from {diff.old} to {diff.new}."
    return [f"{count} change{'' if count == 1 else 's'} {span}" if count else f"No change {span}"]
