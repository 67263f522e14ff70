"""Grids as plain functions: what the reading commands show, before any terminal draws it."""

from __future__ import annotations

from fivecenters.core.centers import Center
from fivecenters.core.model import Kind, Status
from fivecenters.core.snapshot import CenterSnapshot
from fivecenters.core.state import state_of
from fivecenters.output.formatting import observed
from fivecenters.output.grids import show_grid
from tests.support.reading import make_indicator, obs


def test_show_says_why_a_change_is_not_comparable() -> None:
    indicator = make_indicator([obs(2019, 3.78), obs(2025, 1.857, series_break=True, note="Customs count.")])
    grid = show_grid(CenterSnapshot(Center.SHIPPING, None, [state_of(indicator)]))
    assert grid.rows[0][2].text == "not comparable"
    assert "[1]" in grid.rows[0][0].text
    assert grid.notes[0].startswith("[1]") and "series break in 2025: Customs count." in grid.notes[0]


def test_values_show_their_flags_and_as_of_date() -> None:
    indicator = make_indicator([obs(2024, 91, as_of="2024-04", status=Status.ESTIMATE)], kind=Kind.STOCK)
    latest = indicator.observations[0]
    assert observed(indicator, latest) == "91 e"
    grid = show_grid(CenterSnapshot(Center.SHIPPING, None, [state_of(indicator)]))
    assert "(2024-04)" in grid.rows[0][1].text
    assert any(note.startswith("Flags:") for note in grid.notes)
