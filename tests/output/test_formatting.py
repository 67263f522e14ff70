"""Numbers and ranks as every renderer writes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.model import Kind
from fivecenters.core.state import state_of
from fivecenters.output.formatting import change_text, number, ordinal
from tests.support.reading import make_indicator, obs


@given(value=st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), signed=st.booleans())
def test_number_keeps_value_and_sign(value: float, signed: bool) -> None:
    text = number(value, signed)
    # A tie such as 0.0625 rounds to 0.062: off by 5e-4 exactly, which float subtraction may exceed by an ulp.
    assert float(text.replace(",", "")) == pytest.approx(value, abs=5e-4 + 1e-15, rel=1e-12)
    if abs(value) >= 5e-4:
        assert text.startswith("-") == (value < 0)
    if signed:
        # A signed number shows its sign, except a value that rounds to zero, which has none.
        assert text[0] in "+-" or text == "0"
    if text.lstrip("+-").replace(",", "").replace(".", "").strip("0") == "":
        assert text == "0"
    assert not text.endswith(".") and ("." not in text or not text.endswith("0"))


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text


def test_a_yearly_change_names_no_span() -> None:
    change = state_of(make_indicator([obs(2024, 100), obs(2025, 110)])).change
    assert change is not None and "→" not in change_text(change)


def test_points_over_a_gap_give_points_a_year() -> None:
    indicator = make_indicator([obs(2020, 4.0), obs(2024, 4.4)], kind=Kind.RATIO, unit="%")
    change = state_of(indicator).change
    assert change is not None and change.yearly_rate is None
    assert change_text(change) == "+0.4 pp 2020 → 2024, +0.1 pp/yr"
