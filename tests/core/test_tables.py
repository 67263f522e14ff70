"""The tidy tables of the export, as plain functions."""

from __future__ import annotations

from pathlib import Path

from fivecenters.core.tables import OBSERVATIONS
from fivecenters.core.validate import load_dataset
from tests.cli.test_reading import DATA


def test_the_export_carries_marks_and_corroborating_sources(tmp_path: Path) -> None:
    text = DATA.replace(
        'quote = "4.47 trillion yuan"\n',
        'quote = "4.47 trillion yuan"\nas_of = "2022-12"\n\n[[indicators.observations.corroborated_by]]\n'
        'source = "web"\nquote = "GDP of 4.47 trillion yuan"\n',
    )
    path = tmp_path / "data.toml"
    path.write_text(text, encoding="utf-8")
    rows = {(r["year"], r["value"]): r for r in OBSERVATIONS.rows(load_dataset(path))}
    assert rows[(2022, 4.47)]["as_of"] == "2022-12" and rows[(2022, 4.47)]["corroborated_by"] == "web"
    revised = rows[(2023, 5.140447)]
    assert (revised["vintage"], revised["series_break"], revised["corroborated_by"]) == (
        "fifth economic census",
        False,
        None,
    )
