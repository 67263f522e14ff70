"""Recording figures without an editor: add one record, validate, then write it in place.

The `add_*` functions are pure: they read the parsed file and return the
`Addition` to make, raising for requests that cannot be met (an unknown
indicator, a second value for a year that is not marked as a revision).
`commit` runs one of them under the file's lock: the new record is spliced
into the text where canonical order puts it (`splice`), so comments, blank
lines and the order of everything else stay as they are, and the diff of an
`fc add` is the lines it adds. The result is written only if it parses to
exactly the intended data and passes every check `fc validate` makes.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fivecenters.core import store
from fivecenters.core.canonical import canonical_text, insertion_index, record_block
from fivecenters.core.errors import DataError, EditError, Refused, UnknownName
from fivecenters.core.load import parse_toml
from fivecenters.core.lookup import suggestion
from fivecenters.core.problems import KeyPath, Problem, Report
from fivecenters.core.splice import SpliceError, Update, splice
from fivecenters.core.structs import struct
from fivecenters.core.validate import check_document

Raw = dict[str, Any]


@struct(frozen=True)
class Addition:
    """One record to add to the array at `array`, with the changes to other records it brings."""

    array: KeyPath
    record: Raw
    updates: tuple[Update, ...] = ()


Change = Callable[[Raw], Addition]


def compact(**fields: Any) -> Raw:
    """A record from command-line options: options not given are left out."""
    return {key: value for key, value in fields.items() if value not in (None, [], ())}


def _records(raw: Raw, key: str) -> list[Raw]:
    records = raw.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise EditError(f"'{key}' in the file is not an array of tables ([[{key}]]); fix the file first")
    return records


def _indicator(raw: Raw, indicator_id: str) -> tuple[int, Raw]:
    wanted = indicator_id.strip().lower()
    indicators = _records(raw, "indicators")
    for index, indicator in enumerate(indicators):
        if indicator.get("id") == wanted:
            return index, indicator
    ids = [str(i.get("id")) for i in indicators]
    raise UnknownName(
        f"unknown indicator '{indicator_id}'.{suggestion(indicator_id, ids)} Add it with fc add-indicator."
    )


def add_observation(raw: Raw, indicator_id: str, observation: Raw) -> Addition:
    """Add a yearly value. With `revision`, the year's earlier values become revisions
    too, and unless the new value is marked unused it supersedes them."""
    number, indicator = _indicator(raw, indicator_id)
    array: KeyPath = ("indicators", number, "observations")
    year = observation.get("year")
    same_year = [(index, o) for index, o in enumerate(_records(indicator, "observations")) if o.get("year") == year]
    updates: list[Update] = []
    if observation.get("revision"):
        if not same_year:
            raise EditError(
                f"indicator '{indicator['id']}' has no observation for {year} to revise; leave out --revision"
            )
        for index, earlier in same_year:
            if earlier.get("revision") is not True:
                updates.append(((*array, index), "revision", True))
            if observation.get("used", True) and earlier.get("used", True) is not False:
                updates.append(((*array, index), "used", False))
    elif same_year:
        values = ", ".join(f"{o.get('value')} from '{o.get('source')}'" for _, o in same_year)
        raise EditError(
            f"indicator '{indicator['id']}' already has {year}: {values}; "
            "pass --revision to record another value for that year"
        )
    return Addition(array, dict(observation), tuple(updates))


def add_target(raw: Raw, indicator_id: str, target: Raw) -> Addition:
    number, indicator = _indicator(raw, indicator_id)
    _records(indicator, "targets")
    return Addition(("indicators", number, "targets"), dict(target))


def add_source(raw: Raw, source: Raw) -> Addition:
    _records(raw, "sources")
    return Addition(("sources",), dict(source))


def add_indicator(raw: Raw, indicator: Raw) -> Addition:
    _records(raw, "indicators")
    return Addition(("indicators",), dict(indicator))


def _array(raw: Raw, array: KeyPath) -> list[Raw]:
    """The list at `array` in `raw`, made (empty) if the file has none yet."""
    table: Any = raw
    for part in array[:-1]:
        table = table[part]
    return table.setdefault(array[-1], [])


def apply(raw: Raw, addition: Addition) -> Raw:
    """The data the file must hold after the addition: a new dict, `raw` is left as it is."""
    new = copy.deepcopy(raw)
    for record, key, value in addition.updates:
        table: Any = new
        for part in record:
            table = table[part]
        table[key] = value
    records = _array(new, addition.array)
    records.insert(insertion_index(records, addition.record, addition.array), dict(addition.record))
    return new


def spliced(text: str, raw: Raw, addition: Addition, expected: Raw) -> str | None:
    """The file's text with the addition spliced in, or None unless that holds exactly `expected`."""
    records = _array(copy.deepcopy(raw), addition.array)
    index = insertion_index(records, addition.record, addition.array)
    block = record_block(addition.record, addition.array)
    try:
        new_text = splice(text, addition.array, index, len(records), block, addition.updates)
        return new_text if parse_toml(new_text, "") == expected else None
    except (SpliceError, DataError):
        return None


@struct(frozen=True)
class Outcome:
    """What a successful write left: the new file's report and the warnings it added."""

    report: Report
    new_warnings: list[Problem]


def _added(before: list[Problem], after: list[Problem]) -> list[Problem]:
    """Problems in `after` that `before` did not have, compared by code and message."""
    seen = Counter((p.code, p.message) for p in before)
    added = []
    for problem in after:
        key = (problem.code, problem.message)
        if seen[key]:
            seen[key] -= 1
        else:
            added.append(problem)
    return added


def commit(path: Path, change: Change, timeout: float = store.LOCK_TIMEOUT) -> Outcome:
    """Apply `change` to the file under its lock; raises Refused, leaving it untouched,
    when the result would not pass validation."""
    file = str(path)
    outcome: Outcome | None = None

    def rewrite(text: str) -> str:
        nonlocal outcome
        raw = parse_toml(text, file)
        addition = change(raw)
        new_raw = apply(raw, addition)
        new_text = spliced(text, raw, addition, new_raw)
        report, _ = check_document(new_raw, new_text or canonical_text(new_raw), file, path.parent)
        if report.errors:
            raise Refused(report)
        if new_text is None:
            raise EditError("fc cannot add to this file's layout in place; run fc fmt on it, then try again")
        before, _ = check_document(raw, text, file, path.parent)
        outcome = Outcome(report, _added(before.warnings, report.warnings))
        return new_text

    store.rewrite(path, rewrite, timeout)
    assert outcome is not None
    return outcome
