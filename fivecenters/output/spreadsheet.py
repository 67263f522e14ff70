"""The tidy tables as an Excel workbook: one sheet per table, typed cells, a frozen header row.

openpyxl is imported inside `workbook`: only `fc export --format xlsx` pays for it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from fivecenters.core.model import Dataset
from fivecenters.core.tables import TABLES
from fivecenters.core.text import CONTROL
from fivecenters.output.formatting import widest

MAX_WIDTH = 60  # characters: a quote wider than this wraps rather than pushing the next column off screen


def workbook(dataset: Dataset) -> bytes:
    """The .xlsx file's bytes."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    book.properties.title = "Shanghai's Five Centers"
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        sheet.append([c.name for c in table.columns])
        widths = [_width(c.name) for c in table.columns]
        for row in table.rows(dataset):
            values = [_typed(row[c.name]) for c in table.columns]
            sheet.append(values)
            widths = [max(w, _width(v)) for w, v in zip(widths, values, strict=True)]
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if cell.data_type == "f":  # text that starts with "=" is data, never a formula to run
                    cell.data_type = "s"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for index, width in enumerate(widths, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = min(width, MAX_WIDTH) + 2
            if width > MAX_WIDTH:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _typed(value: Any) -> Any:
    """Numbers, booleans and dates keep their types; text loses the control characters xlsx cannot hold."""
    if isinstance(value, str):
        return CONTROL().sub(lambda m: m[0].encode("unicode_escape").decode(), value)
    return value


def _width(value: Any) -> int:
    """Columns a value takes on screen: East Asian wide characters count twice."""
    if value is None:
        return 0
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return widest(text.split("\n"))
