"""The workbook as a plain function: text from the data file never becomes a formula."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from fivecenters.output.spreadsheet import workbook
from tests.support.reading import reading_dataset

DATASET = reading_dataset()


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    gdp = DATASET.indicators[0]
    hostile = replace(gdp, observations=[replace(gdp.observations[0], quote='=HYPERLINK("http://x","y")')])
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(workbook(replace(DATASET, indicators=[hostile])))
    sheet = load_workbook(path)["observations"]
    (quotes,) = [column for column in sheet.iter_cols() if column[0].value == "quote"]
    cell = next(c for c in quotes if c.value and str(c.value).startswith("="))
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","y")'
