"""Charts as plain functions: the geometry, the terminal chart and the SVG, from the reading fixture.

Charts tell the truth: gaps break the line, hedged values look hedged, every revision shows, ranks rise
when they improve, and every chart names the publishers of its figures."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from fivecenters.core.model import Kind, Qualifier, Status
from fivecenters.core.progress import assess
from fivecenters.core.state import state_of
from fivecenters.output.charts.geometry import OBSERVED, SUPERSEDED, TARGET, Plot, plot_of, value_axis
from fivecenters.output.charts.svg import escape, line_chart
from fivecenters.output.charts.text import BRAILLE, HEDGED, SYMBOLS, chart_lines
from fivecenters.output.formatting import SPARKS, sparkline, wrapped
from tests.support.reading import make_indicator, obs, reading_dataset, target

DATASET = reading_dataset()
SVG = "{http://www.w3.org/2000/svg}"


def test_svg_escapes_data_text() -> None:
    gdp = DATASET.indicator("gdp")
    assert gdp is not None
    hostile = replace(gdp, name="<script>alert(1)</script> & co", unit='yuan" onload="x')
    plot = plot_of(state_of(hostile), DATASET)
    assert plot is not None
    svg = line_chart(plot)
    assert "<script>" not in svg and 'onload="x' not in svg
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script> & co"  # type: ignore[union-attr]


@given(st.text(alphabet=st.sampled_from("&<>\"'a;#x上\n") | st.characters()))
def test_svg_escapes_as_html_escape_does(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_terminal_chart_draws_every_point_and_target() -> None:
    throughput = DATASET.indicator("container-throughput")
    assert throughput is not None
    plot = plot_of(state_of(throughput), DATASET)
    assert plot is not None
    lines = chart_lines(plot, width=80)
    texts = ["".join(cell.text for cell in line) for line in lines]
    area = texts[2 : 2 + 14]
    assert sum(t.count(SYMBOLS[OBSERVED]) for t in area) == len(throughput.observations) == 3
    assert sum(t.count(SYMBOLS[TARGET]) for t in area) == len(throughput.targets) == 2
    assert texts[1] == "million TEU", "the y axis is labelled with the unit"
    assert any(t.endswith(" year") for t in texts), "the x axis is labelled"
    later = max(throughput.targets, key=lambda t: t.deadline)
    assert f"◆ ≥53 by 2030 · Port plan · {assess(throughput, later).status.value}" in texts
    assert all(len(t) <= 80 for t in texts[:-3])


def test_value_axis_has_round_ticks_covering_the_values() -> None:
    axis = value_axis([47.03, 49.158, 53.0], rank=False)
    assert axis.ticks == (46, 48, 50, 52, 54)
    assert value_axis([6, 5, 3], rank=True).ticks == (3, 4, 5, 6)
    assert value_axis([1, 1], rank=True).low == 1, "no 0th place"
    assert value_axis([0.5], rank=False).low == 0, "no negative ticks for values that cannot be negative"


PUBLISHER = "Test Statistics Bureau"
WITH_SRC = replace(DATASET, sources=[replace(DATASET.sources[0], id="src", publisher=PUBLISHER)])


def plot(*observations, kind: Kind = Kind.FLOW) -> Plot:
    made = plot_of(state_of(make_indicator(observations, kind=kind)), WITH_SRC)
    assert made is not None
    return made


def svg(chart: Plot) -> ET.Element:
    return ET.fromstring(line_chart(chart).split("\n", 1)[1])


def of_class(root: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if name in (e.get("class") or "").split()]


def area(chart: Plot, width: int = 80) -> list[str]:
    """The terminal chart's plot area, row by row (between the unit line and the year axis)."""
    texts = ["".join(cell.text for cell in line) for line in chart_lines(chart, width)]
    return texts[2 : 2 + 14]


def columns_of(rows: list[str], characters: str) -> list[int]:
    return sorted({i for row in rows for i, c in enumerate(row) if c in characters})


def test_a_missing_year_breaks_the_line() -> None:
    chart = plot(obs(2018, 2.0), obs(2019, 3.0), obs(2025, 1.9))
    [line] = svg(chart).findall(f"{SVG}polyline")
    assert len(line.get("points", "").split()) == 2, "only 2018 and 2019 are joined"
    rows = area(chart)
    braille = columns_of(rows, "".join(chr(BRAILLE + n) for n in range(1, 256)))
    points = columns_of(rows, SYMBOLS[OBSERVED])
    assert len(points) == 3
    assert max(braille) < points[1] + 1, "no line is drawn from 2019 towards 2025"


def test_consecutive_years_are_joined() -> None:
    chart = plot(obs(2021, 1.0), obs(2022, 2.0), obs(2023, 3.0))
    [line] = svg(chart).findall(f"{SVG}polyline")
    assert len(line.get("points", "").split()) == 3


@pytest.mark.parametrize(("qualifier", "arrow"), [(Qualifier.MORE_THAN, "up"), (Qualifier.LESS_THAN, "down")])
def test_a_hedged_value_is_open_labelled_and_points_where_the_value_lies(qualifier: Qualifier, arrow: str) -> None:
    values = [500.0, 550.0, 600.0] if arrow == "up" else [700.0, 650.0, 600.0]
    chart = plot(obs(2021, values[0]), obs(2022, values[1]), obs(2023, values[2], qualifier=qualifier))
    root = svg(chart)
    [hedged] = of_class(root, "circle", "hedged")
    assert hedged.get("fill") == "#ffffff", "drawn open, not as an exact point"
    [label] = of_class(root, "text", "hedge-label")
    assert label.text == (">600 million TEU" if arrow == "up" else "<600 million TEU")
    [path] = of_class(root, "path", "hedge")
    tip = [float(y) for y in re.findall(r",([\d.]+)", path.get("d", ""))]
    cy = float(hedged.get("cy", 0))
    assert (min(tip) < cy) if arrow == "up" else (max(tip) > cy)
    assert chart.y.low < 600 < chart.y.high, "the hedged value sits inside the axis, not on its end"
    rows = area(chart)
    assert sum(row.count(HEDGED[1 if arrow == "up" else -1]) for row in rows) == 1
    texts = ["".join(c.text for c in line) for line in chart_lines(chart)]
    assert any(t.startswith(HEDGED[1 if arrow == "up" else -1]) and "600" in t and "2023" in t for t in texts)


def test_every_revision_is_visible_beside_the_value_that_replaced_it() -> None:
    chart = plot(obs(2022, 4.0), obs(2023, 5.0, revision=True, used=False), obs(2023, 5.0, revision=True))
    root = svg(chart)
    [old] = of_class(root, "circle", SUPERSEDED)
    used = [c for c in of_class(root, "circle", OBSERVED) if "5" in (c.find(f"{SVG}title").text or "")[6:]]
    assert used and old.get("cx") != used[-1].get("cx"), "the same value, drawn side by side, not on top"
    rows = area(chart)
    assert sum(row.count(SYMBOLS[SUPERSEDED]) for row in rows) == 1
    assert sum(row.count(SYMBOLS[OBSERVED]) for row in rows) == 2


def test_rank_sparklines_rise_as_the_rank_improves() -> None:
    rising = sparkline([4, 3, 2], inverted=True)
    assert SPARKS.index(rising[0]) < SPARKS.index(rising[-1]), "4th → 2nd draws rising"
    falling = sparkline([2, 3, 4], inverted=True)
    assert SPARKS.index(falling[0]) > SPARKS.index(falling[-1])
    rank = plot(obs(2021, 4.0), obs(2022, 3.0), obs(2023, 2.0), kind=Kind.RANK)
    heights = [float(c.get("cy", 0)) for c in of_class(svg(rank), "circle", OBSERVED)]
    assert heights == sorted(heights, reverse=True), "each better place is drawn higher on the page"


def test_no_sparkline_for_fewer_than_three_points() -> None:
    assert sparkline([]) == sparkline([5.0]) == sparkline([5.0, 6.0]) == ""
    assert len(sparkline([5.0, 6.0, 7.0])) == 3


@pytest.mark.parametrize("indicator", [i.id for i in DATASET.indicators])
def test_every_chart_names_the_publishers_of_its_figures(indicator: str) -> None:
    chosen = DATASET.indicator(indicator)
    assert chosen is not None
    chart = plot_of(state_of(chosen), DATASET)
    assert chart is not None
    cited = {o.source for o in chosen.observations} | {t.source for t in chosen.targets}
    publishers = {s.publisher for s in DATASET.sources if s.id in cited}
    credit = " ".join(t.text or "" for t in of_class(svg(chart), "text", "credit"))
    assert credit.startswith("Source: ")
    assert all(p in credit for p in publishers)
    terminal = " ".join("".join(c.text for c in line) for line in chart_lines(chart, 60)[-3:])
    assert "Source: " in terminal and all(p in terminal for p in publishers)


def test_the_source_line_wraps_by_terminal_columns_chinese_counting_double() -> None:
    credit = "Source: 解放日报 full text, on dawenge.com; 华尔街见闻 (wallstreetcn); 网易号 (163.com); Xinhua"
    lines = wrapped(credit, 24)
    assert " ".join(lines) == credit
    assert all(cell_len(line) <= 24 for line in lines), lines


def test_charts_break_the_line_at_gaps_and_breaks_and_mark_estimates() -> None:
    indicator = make_indicator(
        [
            obs(2018, 1),
            obs(2019, 2),
            obs(2021, 3),  # a gap before
            obs(2022, 4, series_break=True, note="New scope."),
            obs(2023, 5, status=Status.ESTIMATE),
        ]
    )
    plot = plot_of(state_of(indicator), DATASET)
    assert plot is not None
    assert [[p.year for p in segment] for segment in plot.segments] == [[2018, 2019], [2021], [2022, 2023]]
    svg = line_chart(plot)
    assert svg.count("<polyline") == 2
    assert svg.count('class="point observed provisional"') == 1 and ">provisional</text>" in svg
    text = "\n".join("".join(cell.text for cell in line) for line in chart_lines(plot))
    assert "◐" in text and "◐ provisional" in text


def test_a_target_resting_on_an_estimate_is_charted_as_provisional() -> None:
    goal = target(12, 2025, set_in=2021, label="Plan")
    indicator = make_indicator([obs(2020, 10), obs(2025, 12, status=Status.ESTIMATE)], [goal])
    plot = plot_of(state_of(indicator), DATASET)
    assert plot is not None
    (mark,) = plot.targets
    assert mark.detail == "Plan · achieved (provisional)"
