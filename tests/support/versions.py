"""Two versions of the sample, as `fc diff` compares them."""

from __future__ import annotations

from tests.support.sample import SAMPLE

OLD = SAMPLE
# One figure changed (value and source), one added, a target removed, a source retitled.
NEW = (
    SAMPLE.replace('value = 4.47\nsource = "port-bulletin"', 'value = 4.48\nsource = "plan-2021"')
    .replace('title = "Shanghai Port Annual Bulletin"', 'title = "Port Bulletin"')
    .split("[[indicators.targets]]")[0]
    .rstrip("\n")
    + '\n\n[[indicators.observations]]\nyear = 2024\nvalue = 51.5\nsource = "port-bulletin"\nquote = "q"\n'
)
