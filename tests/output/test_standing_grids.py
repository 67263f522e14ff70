"""`fc rank`'s grids: places, bounds and movements as people read them."""

from __future__ import annotations

from fivecenters.core.standing import Movement, standing
from fivecenters.output.formatting import place_text
from fivecenters.output.standing_grids import movement_text, peers_grid, rank_grid
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


def test_a_change_not_measured_from_the_row_above_names_its_edition_in_a_note() -> None:
    benchmark = make_benchmark(
        edition(2019, entry(rank=7)),
        edition(2020, entry("Tokyo", rank=1)),
        edition(2021, entry(rank=4, score=80.5), entry("Tokyo", rank=1)),
        edition(2022, entry(rank=4)),
        edition(2023, entry(outside_top=5)),
        name_zh="乙",
        score_unit="points",
    )
    grid = rank_grid(standing(benchmark))
    assert grid.title == "B (乙)"
    assert grid.columns[1] == "Shanghai\n(score)"
    assert [row[2].text for row in grid.rows] == ["—", "—", "▲ 3 [1]", "→ 0", "▼ ≥2"]
    assert grid.notes[0] == "[1] E2021: up 3 since E2019."
    assert "Scores in brackets, in points." in grid.notes
    assert any(note.startswith("≥: at least") for note in grid.notes), "a bound's move says it is a bound"
    assert [row[1].text for row in grid.rows] == ["7th", "—", "4th\n(80.5)", "4th", "not in\ntop 5"]
    assert grid.rows[2][3].text == "Tokyo 1st"
    [row] = peers_grid([standing(benchmark)]).rows
    assert [cell.text for cell in row] == ["B", "not in top 5\nin E2023", "▼ down at least 2\nsince E2022"]
    assert row[2].style == "bad"


def test_only_the_peers_wrap_and_ids_are_marked_as_ids() -> None:
    """At 80 columns the peers take the room the narrow, stacked columns leave; the source is an id."""
    named = edition(2019, entry(rank=7), name="Leading Maritime Capitals 2019")
    grid = rank_grid(standing(make_benchmark(named)))
    assert grid.wrapping == frozenset({3}) and grid.ids == frozenset({4}) and grid.optional == (2,)
    assert grid.columns[1] == "Shanghai", "no score column heading without a score"
    assert grid.rows[0][0].text == "Leading\nMaritime\nCapitals 2019"
    assert not any(note.startswith("Scores") for note in grid.notes)


def test_the_peers_of_fc_show_say_when_there_is_no_place_or_no_earlier_one() -> None:
    first = standing(make_benchmark(edition(2019, entry(rank=7))))
    unplaced = standing(make_benchmark(edition(2019, entry("Tokyo", rank=1))))
    rows = peers_grid([first, unplaced]).rows
    assert [[cell.text for cell in row] for row in rows] == [
        ["B", "7th\nin E2019", "first place"],
        ["B", "none yet", "—"],
    ]
