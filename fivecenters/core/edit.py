"""Recording figures without an editor: add one record, validate, then write.

The `add_*` functions are pure: they take the parsed file and return a new one
with the record added, raising for requests that cannot be met (an unknown
indicator, a second value for a year that is not marked as a revision).
`commit` runs one of them under the file's lock, and writes the canonical text
only if the result passes every check `fc validate` makes.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fivecenters.core import store
from fivecenters.core.canonical import canonical_text
from fivecenters.core.errors import EditError, Refused, UnknownName
from fivecenters.core.load import parse_toml
from fivecenters.core.lookup import suggestion
from fivecenters.core.problems import Problem, Report
from fivecenters.core.validate import check_document

Raw = dict[str, Any]
Change = Callable[[Raw], Raw]


def compact(**fields: Any) -> Raw:
    """A record from command-line options: options not given are left out."""
    return {key: value for key, value in fields.items() if value not in (None, [], ())}


def _records(raw: Raw, key: str) -> list[Raw]:
    records = raw.setdefault(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise EditError(f"'{key}' in the file is not an array of tables ([[{key}]]); fix the file first")
    return records


def _indicator(raw: Raw, indicator_id: str) -> Raw:
    wanted = indicator_id.strip().lower()
    indicators = _records(raw, "indicators")
    for indicator in indicators:
        if indicator.get("id") == wanted:
            return indicator
    ids = [str(i.get("id")) for i in indicators]
    raise UnknownName(
        f"unknown indicator '{indicator_id}'.{suggestion(indicator_id, ids)} Add it with fc add-indicator."
    )


def add_observation(raw: Raw, indicator_id: str, observation: Raw) -> Raw:
    """Add a yearly value. With `revision`, the year's earlier values become revisions
    too, and unless the new value is marked unused it supersedes them."""
    new = copy.deepcopy(raw)
    indicator = _indicator(new, indicator_id)
    observations = _records(indicator, "observations")
    year = observation.get("year")
    same_year = [o for o in observations if o.get("year") == year]
    if observation.get("revision"):
        if not same_year:
            raise EditError(
                f"indicator '{indicator['id']}' has no observation for {year} to revise; leave out --revision"
            )
        for earlier in same_year:
            earlier["revision"] = True
            if observation.get("used", True):
                earlier["used"] = False
    elif same_year:
        values = ", ".join(f"{o.get('value')} from '{o.get('source')}'" for o in same_year)
        raise EditError(
            f"indicator '{indicator['id']}' already has {year}: {values}; "
            "pass --revision to record another value for that year"
        )
    observations.append(dict(observation))
    return new


def add_target(raw: Raw, indicator_id: str, target: Raw) -> Raw:
    new = copy.deepcopy(raw)
    _records(_indicator(new, indicator_id), "targets").append(dict(target))
    return new


def add_source(raw: Raw, source: Raw) -> Raw:
    new = copy.deepcopy(raw)
    _records(new, "sources").append(dict(source))
    return new


def add_indicator(raw: Raw, indicator: Raw) -> Raw:
    new = copy.deepcopy(raw)
    _records(new, "indicators").append(dict(indicator))
    return new


@dataclass(frozen=True)
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
        new_text = canonical_text(change(raw))
        report, _ = check_document(parse_toml(new_text, file), new_text, file, path.parent)
        if report.errors:
            raise Refused(report)
        before, _ = check_document(raw, text, file, path.parent)
        outcome = Outcome(report, _added(before.warnings, report.warnings))
        return new_text

    store.rewrite(path, rewrite, timeout)
    assert outcome is not None
    return outcome
