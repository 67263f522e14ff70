"""`fc chart`: every observation a point, every target a marker, axes labelled with the unit."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fivecenters.output.charts.geometry import OBSERVED, SUPERSEDED
from fivecenters.output.charts.text import SYMBOLS
from fivecenters.output.formatting import SPARKS
from tests.support.reading import fc_reading, reading_dataset

DATASET = reading_dataset()
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


def test_fc_chart_prints_data_text_literally() -> None:
    code, out, _ = run("chart", "wipo-rank")
    assert code == 0
    assert "WIPO cluster rank [red]Shanghai[/red]" in out
    assert "6th" in out and "3rd" in out
    code, out, _ = run("chart", "gdp")
    assert out.count(SYMBOLS[SUPERSEDED]) == 2, "one hollow point in the plot, one in the legend"


def test_fc_chart_ends_with_its_source_line() -> None:
    code, out, _ = run("chart", "gdp")
    assert code == 0
    assert "Source: Publisher; News site" in out.rstrip().splitlines()[-1]


def test_fc_show_draws_no_sparkline_under_three_points() -> None:
    records = json.loads(run("show", "innovation", "-f", "json")[1])
    shown = run("show", "innovation", "-f", "markdown")[1]
    for record in records:
        row = next(line for line in shown.splitlines() if line.startswith(f"| {record['name']}"))
        trend = row.split(" | ")[3]  # Indicator, Latest, Change, Trend
        assert any(c in trend for c in SPARKS) == (len(record["series"]) >= 3), row


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


def test_fc_chart_draws_a_benchmark_by_id_or_chinese_name_with_its_legend() -> None:
    from tests.cli.test_ranking import ok

    out = ok("chart", "gfci")
    lines = out.splitlines()
    assert lines[0] == "Global Financial Centres Index (全球金融中心指数)"
    assert "Shanghai 8th in GFCI 38" in lines[1]
    legend = next(line for line in lines if line.startswith("● Shanghai"))
    assert "N New York" in legend and "L London" in legend
    # London 2nd shares New York 1st's row (1st to 31st in 14 rows), and still shows, a column aside.
    plot_rows = "".join(line for line in lines if "┤" in line or "│" in line)
    keys = re.findall(r"(?<!\S)([A-Z]) ", " ".join(lines[lines.index(legend) : lines.index(legend) + 2]))
    assert {"N", "L", "H", "S"} <= set(keys) and all(key in plot_rows for key in keys)
    source = lines[next(i for i, line in enumerate(lines) if line.startswith("Source: ")) :]
    assert len(source) <= 2 and "fc rank gfci quotes each" in " ".join(source)
    assert ok("chart", "全球金融中心指数") == out


def test_fc_chart_writes_a_benchmark_as_svg_with_its_source_line(tmp_path: Path) -> None:
    from tests.cli.test_ranking import ok

    target = tmp_path / "xinhua.svg"
    ok("chart", "xinhua-baltic", "--svg", str(target))
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    cities = [g.get("data-city") for g in root.iter(f"{SVG}g") if g.get("data-city")]
    assert cities[-1] == "Shanghai" and "Singapore" in cities  # Shanghai drawn last, over its peers
    credit = " ".join(t.text or "" for t in classes(root, "text", "credit"))
    # Ten copies of one ranking: the producer and their number, not ten "Xinhua … (via …)".
    assert re.fullmatch(
        r"Source: Xinhua News Agency and the Baltic Exchange; the places as \d+ reports state them "
        r"\(fc rank xinhua-baltic quotes each\)",
        credit,
    )
    # A title wider than the chart is broken into lines rather than run past its edge.
    titles = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "600"]
    assert titles == [
        "Xinhua-Baltic International Shipping Centre Development Index",
        "(新华·波罗的海国际航运中心发展指数)",
    ]


def test_fc_chart_names_indicators_and_benchmarks_for_an_unknown_name() -> None:
    result = fc_reading("chart", "gfcj")
    assert result.exit_code == 2
    assert "unknown indicator or benchmark 'gfcj'" in result.stderr
    assert "Valid indicators: " in result.stderr and "Benchmarks: " in result.stderr
