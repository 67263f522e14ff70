"""`fc rank`'s grids: places, bounds and movements as people read them."""

from __future__ import annotations

from fivecenters.core.model import Benchmark, Edition, Entry
from fivecenters.core.standing import Movement, standing
from fivecenters.output.standing_grids import latest_line, movement_text, place_text, rank_grid


def entry(city: str = "Shanghai", **place: float) -> Entry:
    return Entry(city=city, source="s", quote="q", **place)  # type: ignore[arg-type]


def test_places_and_bounds() -> None:
    assert place_text(entry(rank=3)) == "3rd"
    assert place_text(entry(outside_top=5)) == "not in top 5"
    assert place_text(entry(score=80.5)) == "—"
    assert place_text(None) == "—"


def test_movements_say_how_sure_they_are() -> None:
    assert movement_text(Movement(2, since="GFCI 37")) == "up 2 since GFCI 37"
    assert movement_text(Movement(-3, at_least=True)) == "down at least 3"
    assert movement_text(Movement(0, since="E")) == "unchanged since E"
    assert movement_text(None) == "—"


def test_the_grid_names_the_edition_a_change_counts_from_only_when_it_is_not_the_row_above() -> None:
    benchmark = Benchmark(
        id="b",
        name="B",
        name_zh="乙",
        producer="P",
        ranks="cities",
        score_unit="points",
        centers=["shipping"],
        frequency="yearly",
        editions=[
            Edition(name="E2019", year=2019, entries=[entry(rank=7)]),
            Edition(name="E2020", year=2020, entries=[entry("Tokyo", rank=1)]),
            Edition(name="E2021", year=2021, entries=[entry(rank=4, score=80.5), entry("Tokyo", rank=1)]),
            Edition(name="E2022", year=2022, entries=[entry(rank=4)]),
        ],
    )
    grid = rank_grid(standing(benchmark))
    assert grid.title == "B (乙)"
    assert grid.columns[1] == "Shanghai\n(score, points)"
    changes = [row[2].text for row in grid.rows]
    assert changes == ["—", "—", "▲ up 3\nsince E2019", "→ unchanged"]
    assert [row[1].text for row in grid.rows] == ["7th", "—", "4th\n(80.5)", "4th"]
    assert grid.rows[2][3].text == "Tokyo 1st"
    assert latest_line(standing(benchmark)) == "- B: 4th in E2022 (unchanged since E2021)"
