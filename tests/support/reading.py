"""The reading fixture (`fixtures/reading.toml`: real figures, several centers) and model builders.

The reading commands (show, compare, progress, info, sources), the publishing
commands and the core's compare/progress/snapshot are all tested against it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from typer.testing import Result

from fivecenters.core.centers import Center
from fivecenters.core.model import Comparator, Dataset, Direction, Indicator, Kind, Observation, Target
from fivecenters.core.validate import load_dataset
from tests.support import FIXTURES
from tests.support.run import fc

READING = FIXTURES / "reading.toml"


@functools.cache
def reading_dataset() -> Dataset:
    """The fixture as the reading commands see it: loaded through validation."""
    return load_dataset(READING)


def fixture_indicator(indicator_id: str) -> Indicator:
    indicator = reading_dataset().indicator(indicator_id)
    assert indicator is not None, f"the fixture has no indicator {indicator_id!r}"
    return indicator


def used_value(indicator: Indicator, year: int) -> Observation:
    """The one used observation of a year, found independently of the code under test."""
    (found,) = [o for o in indicator.observations if o.year == year and o.used]
    return found


def latest_used(indicator: Indicator, as_of: int | None = None) -> Observation:
    return max(
        (o for o in indicator.observations if o.used and (as_of is None or o.year <= as_of)), key=lambda o: o.year
    )


def fc_reading(*args: str, data: Path = READING, env: Mapping[str, str | None] | None = None) -> Result:
    """`fc` with the reading fixture (or `data`) as --data."""
    return fc(*args, "--data", data, env=env)


def obs(year: int, value: float, **extra: Any) -> Observation:
    return Observation(year=year, value=value, source="src", quote=f"{value:g} in {year}", **extra)


def target(value: float, deadline: int, comparator: Comparator = Comparator.AT_LEAST, **extra: Any) -> Target:
    return Target(value=value, comparator=comparator, deadline=deadline, source="src", quote="a target", **extra)


def make_indicator(
    observations: Iterable[Observation] = (),
    targets: Iterable[Target] = (),
    *,
    kind: Kind = Kind.FLOW,
    direction: Direction = Direction.HIGHER,
    unit: str = "million TEU",
    center: Center = Center.SHIPPING,
    indicator_id: str = "test-indicator",
    headline: bool = False,
) -> Indicator:
    return Indicator(
        id=indicator_id,
        center=center,
        name=f"Indicator {indicator_id}",
        unit=unit,
        kind=kind,
        direction=direction,
        description="Built by a test.",
        headline=headline,
        observations=list(observations),
        targets=list(targets),
    )


def minimal_data(name: str = "Container throughput", observation_extra: str = "") -> str:
    """A small valid data file; `name` is a TOML basic string body (escapes allowed)."""
    return f"""[[sources]]
id = "web"
title = "A web page"
publisher = "News site"
url = "https://example.org/page"
language = "en"

[[indicators]]
id = "container-throughput"
center = "shipping"
name = "{name}"
unit = "million TEU"
kind = "flow"
direction = "higher"
description = "TEU handled."

[[indicators.observations]]
year = 2023
value = 49.158
source = "web"
quote = "49.158 million TEU"
{observation_extra}"""
