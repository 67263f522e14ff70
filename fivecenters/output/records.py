"""Machine-readable output: the core's own records as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fivecenters.core.text import json_safe


def to_json(data: Any) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2))


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested records become dotted columns (latest.value, change.absolute …)."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


# OWASP's CSV injection rule: a spreadsheet runs a cell beginning with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralized(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with `'` so it shows as text.

    Only text: a number such as -1.5 stays a number (Python's csv writes it
    from the float, and no spreadsheet runs it).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(records: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """Columns from the records, or given, so that a table with no rows still has its header.

    Every CSV fc writes comes through here, so every text cell is neutralized against formulas.
    """
    rows = [{key: neutralized(value) for key, value in flatten(r).items()} for r in records]
    if columns is None:
        found: dict[str, None] = {}
        for row in rows:
            found.update(dict.fromkeys(row))
        # A record missing in one row ("change": null, "next_target.latest": null) must not add
        # a column beside its fields, at any depth.
        parts = [name.split(".") for name in found]
        nested = {".".join(p[:depth]) for p in parts for depth in range(1, len(p))}
        columns = [name for name in found if name not in nested]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
