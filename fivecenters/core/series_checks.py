"""The checks that keep conclusions honest: breaks, as-of dates, corroboration, duplicate targets, units.

A series that changes definition without a break mark cannot be told by
machine; these can. Each keeps a view from drawing a change or a status that
the figures do not support.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from fivecenters.core.codes import Code
from fivecenters.core.model import Indicator, Observation, Status, Target
from fivecenters.core.problems import KeyPath
from fivecenters.core.quotes import Quoted
from fivecenters.core.units import unit_contradiction

# Checker.add: (path, code, message).
Add = Callable[[KeyPath, Code, str], None]


def citation_path(path: KeyPath, number: int) -> KeyPath:
    """Where the keys of a figure's citation `number` sit: the figure's own, then `corroborated_by`'s."""
    return path if number == 0 else (*path, "corroborated_by", number - 1)


def check_series(
    add: Add, indicator: Indicator, path: KeyPath, observed: list[list[Quoted]], targeted: list[list[Quoted]]
) -> None:
    """`observed` and `targeted`: each observation's and target's `cited_quotes`."""
    for number, (obs, quoted) in enumerate(zip(indicator.observations, observed, strict=True)):
        obs_path = (*path, "observations", number)
        if obs.series_break and not obs.note:
            add(
                (*obs_path, "series_break"),
                Code.BREAK_WITHOUT_NOTE,
                "a series break needs a note saying what changed",
            )
        if obs.as_of is not None and int(obs.as_of[:4]) != obs.year:
            add(
                (*obs_path, "as_of"),
                Code.AS_OF_OUTSIDE_YEAR,
                f"as_of {obs.as_of} is not in the observation's year {obs.year}",
            )
        _check_units(add, indicator, obs, quoted, obs_path)
    for number, (target, quoted) in enumerate(zip(indicator.targets, targeted, strict=True)):
        _check_units(add, indicator, target, quoted, (*path, "targets", number))
    _check_corroborating_revisions(add, indicator, path)
    _check_duplicate_targets(add, indicator, path)


def _check_units(
    add: Add, indicator: Indicator, record: Observation | Target, quoted: list[Quoted], path: KeyPath
) -> None:
    if isinstance(record, Observation) and record.status is Status.DERIVED:
        return  # its quote states the inputs, not the value
    for number, (_, quote) in enumerate(quoted):
        if reason := unit_contradiction(indicator.unit, record.value, quote):
            add((*citation_path(path, number), "quote"), Code.UNIT_MISMATCH, reason)


def _check_corroborating_revisions(add: Add, indicator: Indicator, path: KeyPath) -> None:
    """Equal values of one year from different sources agree: they are one observation."""
    groups: dict[tuple[int, float, str | None], list[int]] = defaultdict(list)
    for number, obs in enumerate(indicator.observations):
        if obs.revision:
            groups[(obs.year, obs.value, obs.vintage)].append(number)
    for (year, value, _), numbers in groups.items():
        sources = {indicator.observations[n].source for n in numbers}
        if len(numbers) > 1 and len(sources) > 1:
            add(
                (*path, "observations", numbers[-1], "revision"),
                Code.CORROBORATION_AS_REVISION,
                f"{len(numbers)} observations give {value:g} for {year} ({', '.join(sorted(sources))}); "
                "equal values corroborate each other: cite every source on one observation (corroborated_by)",
            )


def _check_duplicate_targets(add: Add, indicator: Indicator, path: KeyPath) -> None:
    """One target stated by several sources is one target citing them all."""
    seen: dict[tuple[float, int, bool], int] = {}
    for number, target in enumerate(indicator.targets):
        key = (target.value, target.deadline, target.average)
        if key in seen:
            add(
                (*path, "targets", number, "value"),
                Code.DUPLICATE_TARGET,
                f"the same target as target #{seen[key] + 1} ({target.value:g} by {target.deadline}); "
                "cite every source on one target (corroborated_by)",
            )
        seen.setdefault(key, number)
