"""`fc chart`: every observation a point, every target a marker, axes labelled with the unit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fivecenters.core.state import state_of
from fivecenters.core.validate import load_dataset
from fivecenters.output.charts.geometry import OBSERVED, SUPERSEDED, TARGET, plot_of, value_axis
from fivecenters.output.charts.svg import line_chart
from fivecenters.output.charts.text import SYMBOLS, chart_lines
from tests.support.reading import READING, fc_reading

DATASET = load_dataset(READING)
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> tuple[int, str, str]:
    result = fc_reading(*args)
    return result.exit_code, result.stdout, result.stderr


def svg_of(indicator_id: str, tmp_path: Path) -> ET.Element:
    target = tmp_path / f"{indicator_id}.svg"
    code, out, err = run("chart", indicator_id, "--svg", str(target))
    assert code == 0 and out == "" and str(target) in err
    return ET.fromstring(target.read_text(encoding="utf-8"))


def classes(root: ET.Element, tag: str, name: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if name in (e.get("class") or "").split()]


@pytest.mark.parametrize("indicator", [i.id for i in DATASET.indicators])
def test_svg_has_a_point_per_observation_a_marker_per_target_and_the_unit(indicator: str, tmp_path: Path) -> None:
    chosen = DATASET.indicator(indicator)
    assert chosen is not None
    root = svg_of(indicator, tmp_path)
    points = classes(root, "circle", "point")
    assert len(points) == len(chosen.observations)
    assert len(classes(root, "circle", SUPERSEDED)) == sum(not o.used for o in chosen.observations)
    assert len(classes(root, "path", "target")) == len(chosen.targets)
    texts = [t.text for t in classes(root, "text", "axis-label")]
    assert chosen.unit in texts and "year" in texts
    tooltips = sorted(p.find(f"{SVG}title").text.split(":")[0] for p in points)  # type: ignore[union-attr]
    assert tooltips == sorted(str(o.year) for o in chosen.observations)


def test_svg_puts_higher_values_higher_and_first_rank_at_the_top(tmp_path: Path) -> None:
    gdp = [float(p.get("cy", 0)) for p in classes(svg_of("gdp", tmp_path), "circle", OBSERVED)]
    assert gdp == sorted(gdp, reverse=True), "GDP rose every year, so each point sits higher (smaller y)"
    rank = [float(p.get("cy", 0)) for p in classes(svg_of("wipo-rank", tmp_path), "circle", OBSERVED)]
    assert rank[1] < rank[0], "5th in 2023 is drawn above 6th in 2022"


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


def test_fc_chart_prints_data_text_literally() -> None:
    code, out, _ = run("chart", "wipo-rank")
    assert code == 0
    assert "WIPO cluster rank [red]Shanghai[/red]" in out
    assert "6th" in out and "3rd" in out
    code, out, _ = run("chart", "gdp")
    assert out.count(SYMBOLS[SUPERSEDED]) == 2, "one hollow point in the plot, one in the legend"


def test_value_axis_has_round_ticks_covering_the_values() -> None:
    axis = value_axis([47.03, 49.158, 53.0], rank=False)
    assert axis.ticks == (46, 48, 50, 52, 54)
    assert value_axis([6, 5, 3], rank=True).ticks == (3, 4, 5, 6)
    assert value_axis([1, 1], rank=True).low == 1, "no 0th place"
    assert value_axis([0.5], rank=False).low == 0, "no negative ticks for values that cannot be negative"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("chart", "container-througput"), 2, "Did you mean 'container-throughput'?"),
        (("chart", "gdp", "--svg", "/nonexistent-dir/gdp.svg"), 2, "does not exist"),
    ],
)
def test_errors_are_one_line(args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, _, err = run(*args)
    assert exit_code == code
    assert message in err and err.count("\n") == 1
