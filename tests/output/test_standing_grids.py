"""`fc rank`'s grids: places, bounds and movements as people read them."""

from __future__ import annotations

from fivecenters.core.standing import Movement, standing
from fivecenters.output.standing_grids import latest_line, movement_text, place_text, rank_grid
from tests.support.benchmark import benchmark as make_benchmark
from tests.support.benchmark import edition, entry


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
    benchmark = make_benchmark(
        edition(2019, entry(rank=7)),
        edition(2020, entry("Tokyo", rank=1)),
        edition(2021, entry(rank=4, score=80.5), entry("Tokyo", rank=1)),
        edition(2022, entry(rank=4)),
        name_zh="乙",
        score_unit="points",
    )
    grid = rank_grid(standing(benchmark))
    assert grid.title == "B (乙)"
    assert grid.columns[1] == "Shanghai\n(score, points)"
    changes = [row[2].text for row in grid.rows]
    assert changes == ["—", "—", "▲ up 3\nsince E2019", "→ unchanged"]
    assert [row[1].text for row in grid.rows] == ["7th", "—", "4th\n(80.5)", "4th"]
    assert grid.rows[2][3].text == "Tokyo 1st"
    assert latest_line(standing(benchmark)) == "- B: 4th in E2022 (unchanged since E2021)"
