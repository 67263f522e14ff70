"""Published charts have no rough edges: no text covers another text or a mark, and none runs off the page.

Checked on what the SVG draws (every `<text>`, its box estimated by `layout.text_width`, the width the
layout places text by), for the shipped charts and for generated ones: series with gaps, hedged and
provisional values, revisions, targets, long units, titles, credits and city names.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fivecenters.core.model import Comparator, Dataset, Indicator, Kind, Qualifier, Status
from fivecenters.core.standing import standing
from fivecenters.core.state import state_of
from fivecenters.core.validate import load_dataset
from fivecenters.output.charts.geometry import Plot, plot_of
from fivecenters.output.charts.layout import (
    FONT_SIZE,
    NAME,
    NAME_LINE,
    NAME_SIZE,
    TITLE,
    UNIT,
    VALUE,
    Box,
    Label,
    Page,
    _lines,
    line_page,
    rank_page,
    text_width,
)
from fivecenters.output.charts.ranking import RankPlot, rank_plot
from fivecenters.output.charts.svg import line_chart, rank_chart
from tests.support.benchmark import benchmark, edition, entry
from tests.support.reading import make_indicator, obs, reading_dataset, target

SVG = "{http://www.w3.org/2000/svg}"
SHIPPED = load_dataset(Path(__file__).parents[2] / "indicators.toml")
READING = reading_dataset()
# Words as data files write them: Latin, digits, punctuation, Chinese (two columns wide), long words.
WORDS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.()%/-&'上海港集装箱吞吐量万亿元（）·",
    min_size=1,
    max_size=90,
).filter(str.strip)


def drawn(svg: str) -> tuple[Box, list[Label]]:
    """The page and every text the SVG draws, as a label with its estimated box."""
    root = ET.fromstring(svg.removeprefix('<?xml version="1.0" encoding="UTF-8"?>\n'))
    _, _, width, height = (float(n) for n in root.get("viewBox", "").split())
    texts = []
    for text in root.iter(f"{SVG}text"):
        assert text.get("transform") is None, "a turned text's box is not the one estimated"
        texts.append(
            Label(
                TITLE if text.get("font-weight") else "",
                text.text or "",
                float(text.get("x", 0)),
                float(text.get("y", 0)),
                float(text.get("font-size", FONT_SIZE)),
                text.get("text-anchor", "start"),
            )
        )
    return Box(0, 0, width, height), texts


def assert_clear(svg: str) -> None:
    page, texts = drawn(svg)
    for text in texts:
        assert text.box.within(page), f"{text.text!r} runs off the page {page}: {text.box}"
    for one, other in itertools.combinations(texts, 2):
        assert not one.box.meets(other.box), f"{one.text!r} covers {other.text!r}"


def assert_drawn_as_laid_out(svg: str, page: Page) -> None:
    """The SVG draws the layout's text, all of it and nothing else, where the layout put it."""
    _, texts = drawn(svg)
    assert sorted((t.text, round(t.x, 1), round(t.y, 1)) for t in texts) == sorted(
        (label.text, round(label.x, 1), round(label.y, 1)) for label in page.labels
    )


def assert_values_off_the_marks(page: Page) -> None:
    for label in page.labels:
        if label.role == VALUE:
            assert not any(label.box.meets(mark) for mark in page.marks), f"{label.text!r} covers a mark"


def line_plot(indicator: Indicator, dataset: Dataset = READING) -> Plot:
    plot = plot_of(state_of(indicator), dataset)
    assert plot is not None
    return plot


def test_text_widths_count_chinese_double() -> None:
    assert text_width("上海", 12) == text_width("abcd", 12) > 0
    assert text_width("Shanghai", 15, bold=True) > text_width("Shanghai", 15) > text_width("Shanghai", 11)


def lines_measured_whole(text: str, width: float, size: float, bold: bool) -> list[str]:
    """How `_lines` broke text before it added widths up: every candidate line measured whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
            continue
        lines.append("")
        for character in word:
            if lines[-1] and text_width(lines[-1] + character, size, bold) > width:
                lines.append("")
            lines[-1] += character
    return lines


@settings(deadline=None)
@given(WORDS, st.integers(1, 90), st.floats(-1e-6, 1e-6), st.sampled_from([10.5, 11, 12, 15]), st.booleans())
def test_lines_break_where_measuring_each_line_whole_breaks_them(
    text: str, cut: int, nudge: float, size: float, bold: bool
) -> None:
    """Widths added up word by word break lines where measuring them whole did, also at widths a rounding
    error away from a line's: at a prefix's measured width, nudged."""
    width = text_width(text[:cut], size, bold) + nudge
    assert _lines(text, width, size, bold) == lines_measured_whole(text, width, size, bold)


def test_a_line_crosses_a_box_only_through_its_inside() -> None:
    box = Box(0, 0, 10, 10)
    assert box.crossed((-5, 5), (15, 5)) and box.crossed((5, 5), (6, 6)) and box.crossed((-1, -1), (11, 11))
    assert (
        not box.crossed((-5, -1), (15, -1)) and not box.crossed((-5, 4), (4, -5)) and not box.crossed((0, 22), (22, 0))
    )
    assert not box.crossed((10, -5), (10, 15)), "along an edge is outside"


def test_equal_hedged_values_in_consecutive_years_are_both_labelled_apart() -> None:
    """rd-ratio: "≈4.4% p" in 2023 and in 2024 were drawn one over the other."""
    indicator = make_indicator(
        [
            obs(2022, 4.2, status=Status.PRELIMINARY),
            obs(2023, 4.4, qualifier=Qualifier.ABOUT, status=Status.PRELIMINARY),
            obs(2024, 4.4, qualifier=Qualifier.ABOUT, status=Status.PRELIMINARY),
            obs(2025, 4.5, qualifier=Qualifier.ABOUT, status=Status.PRELIMINARY),
        ],
        [target(4.5, 2025, Comparator.ABOUT), target(5, 2030)],
        kind=Kind.RATIO,
        unit="%",
    )
    svg = line_chart(line_plot(indicator))
    assert_clear(svg)
    labels = [t.text for t in drawn(svg)[1] if t.text.startswith("≈")]
    assert sorted(labels) == ["≈4.4% p", "≈4.4% p", "≈4.5% p"]


def test_the_legend_never_covers_the_axis_title() -> None:
    """Five kinds of mark make a legend wider than the half of the page right of "year"."""
    indicator = make_indicator(
        [
            obs(2020, 1.0),
            obs(2021, 2.0, qualifier=Qualifier.MORE_THAN),
            obs(2022, 3.0, status=Status.ESTIMATE),
            obs(2022, 2.5, used=False, revision=True),
        ],
        [target(5, 2025)],
    )
    svg = line_chart(line_plot(indicator))
    assert_clear(svg)
    _, texts = drawn(svg)
    assert {"year", "observed", "hedged", "provisional", "superseded", "target"} <= {t.text for t in texts}


def test_a_long_unit_wraps_whole_above_the_plot() -> None:
    unit = (
        "billion yuan at current prices, the sum of the districts' figures as the bureau adds them up, "
        "before the revision of the economic census"
    )
    chart = line_chart(line_plot(make_indicator([obs(2020, 1.0), obs(2021, 2.0)], unit=unit)))
    assert_clear(chart)
    root = ET.fromstring(chart.split("\n", 1)[1])
    lines = [t.text for t in root.iter(f"{SVG}text") if "unit" in (t.get("class") or "").split()]
    assert len(lines) > 1 and " ".join(lines) == unit


def test_a_chart_of_targets_alone_says_so_beside_them() -> None:
    """The middle of the plot is where a lone target's diamond sits: the note moves off it."""
    page = line_page(line_plot(make_indicator([], [target(10, 2025)])))
    [note] = [label for label in page.labels if label.text == "no observations yet"]
    assert not any(note.box.meets(mark) for mark in page.marks)
    assert [label.text for label in page.labels if label.role == "legend"] == ["target"]


def test_a_city_name_too_long_for_the_margin_is_shortened_and_kept_whole_in_its_tooltip() -> None:
    city = "Shenzhen-Hong Kong-Guangzhou-Dongguan-Foshan-Huizhou-Zhuhai-Zhongshan-Jiangmen-Zhaoqing"
    chart = rank_plot(
        standing(benchmark(*(edition(y, entry(rank=3), entry(city, rank=2)) for y in (2021, 2022)))), Dataset()
    )
    assert chart is not None
    svg = rank_chart(chart)
    assert_clear(svg)
    root = ET.fromstring(svg.split("\n", 1)[1])
    [name] = [t for t in root.iter(f"{SVG}text") if t.get("class") == "city" and (t.text or "").endswith("…")]
    assert city.startswith((name.text or "")[:-1])
    assert name.find(f"{SVG}title").text == city  # type: ignore[union-attr]


def test_crowded_names_move_apart_in_order_round_shanghais() -> None:
    """Four peers just above Shanghai, an axis down to 40th: five names cannot all sit at their lines."""
    ranks = {"Far city": 40, "Shanghai": 14} | {f"Peer city {n}": n for n in range(10, 14)}
    crowded = benchmark(*(edition(year, *(entry(c, rank=r) for c, r in ranks.items())) for year in (2021, 2022)))
    chart = rank_plot(standing(crowded), Dataset())
    assert chart is not None
    page = rank_page(chart)
    assert_clear(rank_chart(chart))
    names = {label.key: label for label in page.labels if label.role == NAME}
    assert sorted(names, key=lambda city: names[city].y) == sorted(ranks, key=ranks.__getitem__)
    shift = {city: abs(label.y - NAME_SIZE * 0.35 - page.y(ranks[city])) for city, label in names.items()}
    assert shift["Shanghai"] < 0.5 < NAME_LINE < max(shift.values()), "the peers move, Shanghai's name stays"
    assert {leader.key for leader in page.leaders} == {city for city, moved in shift.items() if moved > NAME_LINE / 2}


def clear_pages(plot: Any, chart: Callable[..., str], page_of: Callable[..., Any]) -> list[Any]:
    """The chart's pages, standalone and in the report, each checked clear and drawn as laid out."""
    pages = []
    for standalone in (True, False):
        svg = chart(plot, standalone=standalone)
        assert_clear(svg)
        page = page_of(plot, standalone=standalone)
        assert_drawn_as_laid_out(svg, page)
        pages.append(page)
    return pages


@pytest.mark.parametrize("indicator", [i.id for i in SHIPPED.indicators])
def test_every_shipped_indicator_chart_is_clear(indicator: str) -> None:
    chosen = SHIPPED.indicator(indicator)
    assert chosen is not None
    plot = plot_of(state_of(chosen), SHIPPED)
    if plot is None:
        return
    for page in clear_pages(plot, line_chart, line_page):
        assert_values_off_the_marks(page)


@pytest.mark.parametrize("benchmark_id", [b.id for b in SHIPPED.benchmarks])
def test_every_shipped_rank_chart_is_clear_and_names_every_city(benchmark_id: str) -> None:
    chosen = SHIPPED.benchmark(benchmark_id)
    assert chosen is not None
    plot = rank_plot(standing(chosen), SHIPPED)
    if plot is None:
        return
    for page in clear_pages(plot, rank_chart, rank_page):
        assert {label.key for label in page.labels if label.role == NAME} == {s.city for s in plot.series}


KINDS = st.sampled_from([Kind.FLOW, Kind.RATIO, Kind.RANK])
QUALIFIERS = st.none() | st.sampled_from(list(Qualifier))
STATUSES = st.sampled_from([Status.FINAL, Status.PRELIMINARY, Status.ESTIMATE])
UNITS = st.sampled_from(["%", "million TEU", "patents per 10,000 people", "亿元"]) | WORDS
WIDTHS = st.sampled_from([480, 640, 960])


@st.composite
def line_plots(draw: st.DrawFn) -> Plot:
    """An indicator's chart: any years (gaps included), values near or far apart, hedged, provisional,
    revised, with targets, under any title and unit, credited to any publisher."""
    kind = draw(KINDS)
    values = (
        st.integers(1, 60).map(float)
        if kind is Kind.RANK
        else st.floats(0, 100) | st.floats(-1e6, 1e12) | st.sampled_from([4.4, 4.5, 600.0])
    )
    observations = []
    for year in sorted(draw(st.sets(st.integers(2000, 2030), max_size=14))):
        status, qualifier = draw(STATUSES), draw(QUALIFIERS)
        observations.append(
            obs(year, draw(values), qualifier=qualifier, status=status, series_break=draw(st.booleans()))
        )
        observations += [obs(year, draw(values), used=False, revision=True) for _ in range(draw(st.integers(0, 2)))]
    targets = [
        target(draw(values), draw(st.integers(2000, 2040)), draw(st.sampled_from(list(Comparator))), label=draw(WORDS))
        for _ in range(draw(st.integers(0 if observations else 1, 3)))
    ]
    indicator = make_indicator(observations, targets, kind=kind, unit=draw(UNITS))
    indicator = replace(indicator, name=draw(WORDS))
    source = replace(READING.sources[0], id="src", publisher=draw(WORDS))
    return line_plot(indicator, replace(READING, sources=[source]))


@settings(deadline=None)
@given(line_plots(), WIDTHS, st.booleans())
def test_no_text_of_a_line_chart_covers_another_or_a_mark_or_leaves_the_page(
    plot: Plot, width: int, standalone: bool
) -> None:
    svg = line_chart(plot, width=width, standalone=standalone)
    assert_clear(svg)
    page = line_page(plot, width=width, standalone=standalone)
    assert_drawn_as_laid_out(svg, page)
    assert_values_off_the_marks(page)
    assert [label.text for label in page.labels if label.role == UNIT] or not plot.unit.strip()


@st.composite
def rank_plots(draw: st.DrawFn) -> RankPlot:
    """A benchmark's chart: Shanghai and up to a dozen peers with any names, exact places and bounds, in
    editions of any years, two in a year at times."""
    cities = ["Shanghai", *draw(st.lists(WORDS.filter(lambda c: c != "Shanghai"), max_size=12, unique=True))]
    places = st.builds(
        lambda rank, bound: {"outside_top": rank} if bound else {"rank": rank}, st.integers(1, 40), st.booleans()
    )
    editions = []
    for index, year in enumerate(sorted(draw(st.lists(st.integers(2010, 2030), min_size=1, max_size=10)))):
        entries = [entry(city, **draw(places)) for city in cities if draw(st.booleans())]
        editions.append(edition(year, *entries, name=f"Edition {index}"))
    named = replace(benchmark(*editions), name=draw(WORDS), name_zh=draw(st.none() | WORDS))
    chart = rank_plot(standing(named), Dataset())
    assume(chart is not None)  # no city placed twice: nothing to chart
    assert chart is not None
    return chart


@settings(deadline=None)
@given(rank_plots(), WIDTHS, st.booleans())
def test_no_text_of_a_rank_chart_covers_another_or_leaves_the_page(
    plot: RankPlot, width: int, standalone: bool
) -> None:
    svg = rank_chart(plot, width=width, standalone=standalone)
    assert_clear(svg)
    assert_drawn_as_laid_out(svg, rank_page(plot, width=width, standalone=standalone))
