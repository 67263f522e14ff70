"""Records as JSON and CSV: CSV text cells neutralised against formulas, numbers kept numbers."""

from __future__ import annotations

import pytest

from fivecenters.output.records import neutralized, to_csv


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1", "'=1"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=1", "a=1")],
)
def test_text_cells_are_neutralized(value: str, expected: str) -> None:
    assert neutralized(value) == expected


def test_numbers_stay_numbers() -> None:
    assert to_csv([{"value": -1.5, "rank": -3, "text": "-3"}]) == "value,rank,text\n-1.5,-3,'-3\n"
