"""The tidy tables of the export, as plain functions."""

from __future__ import annotations

from fivecenters.core.tables import OBSERVATIONS
from fivecenters.core.validate import load_dataset
from tests.support import FIXTURES


def test_the_export_carries_marks_and_corroborating_sources() -> None:
    rows = {(r["indicator"], r["year"], r["used"]): r for r in OBSERVATIONS.rows(load_dataset(FIXTURES / "trust.toml"))}
    assert rows[("gdp", 2022, True)]["corroborated_by"] == "other"
    assert rows[("star-companies", 2024, True)]["as_of"] == "2024-03"
    revised = rows[("gdp", 2023, True)]
    assert (revised["vintage"], revised["series_break"], revised["corroborated_by"]) == (
        "fifth economic census",
        False,
        None,
    )
