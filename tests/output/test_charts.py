"""Charts as plain functions: the geometry, the terminal chart and the SVG, from the reading fixture."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fivecenters.core.state import state_of
from fivecenters.output.charts.geometry import OBSERVED, TARGET, plot_of, value_axis
from fivecenters.output.charts.svg import line_chart
from fivecenters.output.charts.text import SYMBOLS, chart_lines
from tests.support.reading import reading_dataset

DATASET = reading_dataset()
SVG = "{http://www.w3.org/2000/svg}"


def test_svg_escapes_data_text() -> None:
    gdp = DATASET.indicator("gdp")
    assert gdp is not None
    hostile = gdp.model_copy(update={"name": "<script>alert(1)</script> & co", "unit": 'yuan" onload="x'})
    plot = plot_of(state_of(hostile))
    assert plot is not None
    svg = line_chart(plot)
    assert "<script>" not in svg and 'onload="x' not in svg
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script> & co"  # type: ignore[union-attr]


def test_terminal_chart_draws_every_point_and_target() -> None:
    throughput = DATASET.indicator("container-throughput")
    assert throughput is not None
    plot = plot_of(state_of(throughput))
    assert plot is not None
    lines = chart_lines(plot, width=80)
    texts = ["".join(cell.text for cell in line) for line in lines]
    area = texts[2 : 2 + 14]
    assert sum(t.count(SYMBOLS[OBSERVED]) for t in area) == len(throughput.observations) == 3
    assert sum(t.count(SYMBOLS[TARGET]) for t in area) == len(throughput.targets) == 2
    assert texts[1] == "million TEU", "the y axis is labelled with the unit"
    assert any(t.endswith(" year") for t in texts), "the x axis is labelled"
    assert "◆ ≥53 by 2030 · Port plan · not assessable" in texts
    assert all(len(t) <= 80 for t in texts[:-3])


def test_value_axis_has_round_ticks_covering_the_values() -> None:
    axis = value_axis([47.03, 49.158, 53.0], rank=False)
    assert axis.ticks == (46, 48, 50, 52, 54)
    assert value_axis([6, 5, 3], rank=True).ticks == (3, 4, 5, 6)
    assert value_axis([1, 1], rank=True).low == 1, "no 0th place"
    assert value_axis([0.5], rank=False).low == 0, "no negative ticks for values that cannot be negative"
