"""A quote's currency and scale against the indicator's unit."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.units import (
    _SCALED,
    SCALES,
    _may_name_a_currency,
    _may_state_a_scale,
    currency,
    unit_contradiction,
    unit_scale,
    value_currency,
)


@pytest.mark.parametrize(
    ("unit", "value", "quote", "contradicts"),
    [
        ("billion US dollars", 23.96, "23.96 billion yuan ($3.53 billion)", True),
        ("billion US dollars", 17.5, "实际使用外资 175 亿美元左右、约合 1243 亿元人民币", False),
        ("billion US dollars", 24, "that number surpassed $24 billion", False),
        ("trillion yuan", 4.19, "4,19 trilhões de yuans (US$ 619,14 bilhões)", False),
        ("trillion yuan", 5.140447, "總值修訂為51404.47億元", False),
        ("trillion yuan", 51.40447, "總值修訂為51404.47億元", True),
        ("million TEU", 47.3, "In 2022 the port handled 47.3 million TEUs.", False),
        ("trillion yuan", 47.3, "In 2022 the port handled 47.3 million TEUs.", True),
        ("%", 4.4, "about 4.4% of its GDP", False),
        # Scale words in capitals or full width are read; one with a dotless ı (which the pattern's
        # case-insensitive i matches) is no scale word, and no crash.
        ("trillion yuan", 47.3, "47.3 MILLION TEUs", True),
        ("trillion yuan", 47.3, "47.3 ｍｉｌｌｉｏｎ TEUs", True),
        ("trillion yuan", 47.3, "47.3 mıllıon TEUs", False),
        ("trillion yuan", 47.3, "47.3 MİLLİON or 4.73 billion", True),
        ("trillion yuan", 47.3, "47.3 THOUSAND TEUs", True),
        ("trillion yuan", 0.0473, "４７３亿元", False),
        ("trillion yuan", 4.73, "４７３亿元", True),
    ],
)
def test_unit_contradiction(unit: str, value: float, quote: str, contradicts: bool) -> None:
    assert (unit_contradiction(unit, value, quote) is not None) is contradicts


def test_the_currency_named_next_to_the_value_wins() -> None:
    assert value_currency(1243, "175 亿美元左右、约合 1243 亿元人民币") == "CNY"
    assert value_currency(175, "175 亿美元左右、约合 1243 亿元人民币") == "USD"
    assert unit_scale("trillion yuan") == 1e12 and unit_scale("%") == 1


# Text made of what the unit patterns look for, in every case and width, and of what is near it.
pieces = st.sampled_from(
    [
        *SCALES,
        *("MİLLİON", "mıllıon", "ＢＩＬＬＩＯＮ"),
        *("美元", "元", "$", "¥", "￥", "US", "dollar", "DÓLARES", "do\u0301lare", "Yuans", "rmb", "cny", "usd"),
        *("ſ", "U", "D", "s", "\u212a"),  # a long s and the Kelvin sign, which patterns ignoring case read as s and k
        *("4.7", "1,016", " ", "x", "（"),
    ]
)
texts = st.one_of(st.lists(pieces, max_size=8).map("".join), st.text(max_size=20))


@given(texts)
def test_quotes_passed_over_state_no_scaled_number_and_no_currency(text: str) -> None:
    """The quick tests that let most quotes skip the slower patterns skip none that the patterns would read."""
    normal = unicodedata.normalize("NFKC", text)
    if not _may_state_a_scale(normal):
        assert not any(SCALES.get(match[2].lower()) for match in _SCALED.finditer(normal))
    if not _may_name_a_currency(normal):  # nor in any part of it: value_currency reads parts
        parts = [normal[start:end] for start in range(len(normal)) for end in range(start, len(normal) + 1)]
        assert all(currency(part) is None for part in parts)
