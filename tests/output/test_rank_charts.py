"""Rank charts of a benchmark: the geometry on a small benchmark, the SVG and the terminal chart, `fc chart`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fivecenters.core.model import Dataset
from fivecenters.core.standing import standing
from fivecenters.output.charts.ranking import RankPlot, rank_plot
from fivecenters.output.charts.svg import rank_chart
from fivecenters.output.charts.text import rank_lines
from tests.support.benchmark import benchmark, edition, entry

SVG = "{http://www.w3.org/2000/svg}"
# Shanghai 3rd, then "not in the top 5", then 2nd; Singapore twice; Tokyo once (left out).
FIXTURE = benchmark(
    edition(2020, entry(rank=3), entry("Singapore", rank=1), entry("Tokyo", rank=4)),
    edition(2021, entry(outside_top=5), entry("Singapore", rank=2)),
    edition(2022, entry(rank=2), entry("Singapore", rank=1)),
    edition(2023, entry(rank=1)),
)


def plot() -> RankPlot:
    chart = rank_plot(standing(FIXTURE), Dataset())
    assert chart is not None
    return chart


def test_rank_axis_is_inverted_with_first_place_at_the_top() -> None:
    chart = plot()
    assert chart.y.low == 1
    assert chart.height_of(1) > chart.height_of(3) > chart.height_of(6)


def test_shanghai_is_its_own_series_and_peers_placed_once_are_left_out() -> None:
    chart = plot()
    assert [(s.city, s.subject) for s in chart.series] == [("Shanghai", True), ("Singapore", False)]
    assert chart.latest == "1st in E2023"


def test_a_bound_is_drawn_at_n_plus_one_as_a_bound_and_never_joined() -> None:
    shanghai = plot().series[0]
    bound = shanghai.places[1]
    assert (bound.rank, bound.bounded, bound.text) == (6, True, "not in top 5")
    # 3rd | not in top 5 | 2nd — 1st: the line runs only between the two exact places of consecutive editions.
    assert [[p.x for p in s] for s in shanghai.segments] == [[2020], [2021], [2022, 2023]]


def test_the_svg_draws_shanghai_apart_and_the_bound_open_with_an_arrow_down() -> None:
    root = ET.fromstring(rank_chart(plot(), standalone=False))
    groups = {g.get("data-city"): g for g in root.iter(f"{SVG}g") if g.get("data-city")}
    assert groups["Shanghai"].get("class") == "series subject"
    assert groups["Singapore"].get("class") == "series"
    widths = {c: {p.get("stroke-width") for p in g.iter(f"{SVG}polyline")} for c, g in groups.items()}
    assert float(widths["Shanghai"].pop()) > float(widths["Singapore"].pop())
    bounded = [c for c in groups["Shanghai"].iter(f"{SVG}circle") if c.get("class") == "place bounded"]
    assert len(bounded) == 1 and bounded[0].get("fill") == "#ffffff"
    arrows = [p for p in groups["Shanghai"].iter(f"{SVG}path") if p.get("class") == "hedge"]
    assert len(arrows) == 1
    # The arrow points down the page, where lower places lie.
    ys = [float(v.split(",")[1]) for v in arrows[0].get("d", "").replace("M", " ").replace("L", " ").split()]
    assert max(ys) > float(bounded[0].get("cy", "0"))
    names = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "city"]
    assert names == ["Singapore", "Shanghai"]


def test_the_terminal_chart_keys_every_series_and_marks_the_bound() -> None:
    text = "\n".join("".join(c.text for c in line) for line in rank_lines(plot()))
    assert "● Shanghai" in text and "S Singapore" in text and "▽" in text
    assert "Tokyo" not in text


def test_nothing_to_chart_without_a_placed_city() -> None:
    assert rank_plot(standing(benchmark(edition(2020, entry("Tokyo", rank=1)))), Dataset()) is None


def test_a_peer_sharing_a_cell_with_another_moves_aside_rather_than_vanish() -> None:
    """1st and 2nd fall in one row when the axis runs to 31st in 14 rows: both letters show, Shanghai's ● too."""
    crowded = benchmark(
        *(
            edition(year, entry(rank=30), entry("Hong Kong", rank=1), entry("London", rank=2), entry("Seoul", rank=29))
            for year in (2020, 2021)
        )
    )
    chart = rank_plot(standing(crowded), Dataset())
    assert chart is not None
    lines = ["".join(c.text for c in line) for line in rank_lines(chart)]
    plot_rows = "\n".join(line for line in lines if "┤" in line or "│" in line)
    assert plot_rows.count("H") == plot_rows.count("L") == plot_rows.count("S") == 2
    assert plot_rows.count("●") == 2
