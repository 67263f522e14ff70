"""The text rules as plain functions: a value is in its quote, and quotes are normalised as copied."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.centers import Center
from fivecenters.core.model import Citation, Direction, Indicator, Kind, Observation
from fivecenters.core.quotes import (
    _aho_corasick,
    found_in,
    name_evidence,
    name_in_quote,
    normalize_text,
    value_in_quote,
)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (5.140447, "總值修訂為51404.47億元"),  # 亿元 to trillion yuan
        (51404.47, "總值修訂為51404.47億元"),
        (47, "全年集装箱吞吐量4700万标准箱"),  # 万 TEU to million TEU
        (1016, "1,016 regional headquarters"),
        (1.016, "1,016 regional headquarters"),
        (1234567.5, "a total of 1,234,567.5 yuan"),
        (12345, "累计１２，３４５家"),  # full-width digits and comma
        (4.4, "about 4.4% of its GDP"),
        (5, "ranked 5th"),
        (5, "grew by 5.0%"),
        (-1.5, "fell by 1.5%"),  # negative growth is stated as a fall
        (-2.3, "同比下降2.3%"),
        (-0.7, "growth of -0.7%"),
        (0, "0 new cases"),
        (5, "secured fifth place in the ranking"),  # ranks in words
        (7, "ranked Shanghai Seventh globally"),
        (3, "排名均升至世界第三"),
        (2, "位居第二"),
        (4.19, "atingiram um recorde de 4,19 trilhões de yuans"),  # a decimal comma
        (619.14, "(US$ 619,14 bilhões)"),
    ],
)
def test_value_in_quote(value: float, quote: str) -> None:
    assert value_in_quote(value, quote)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (47.4, "47.3 million TEUs"),
        (5.14, "51404.47亿元"),
        (48, "4700万标准箱"),
        (1061, "1,016 headquarters"),
        (2.5, "ranked 5th"),
        (0, "no figure here"),
        (3, "no figure here"),
        (5, "the fifteenth time"),  # a word is matched whole
        (3, "三个中心"),  # a Chinese numeral counts only as an ordinal (第三)
        (4.19, "4,191 trillion"),  # three digits after a comma group thousands: 4191
    ],
)
def test_value_not_in_quote(value: float, quote: str) -> None:
    assert not value_in_quote(value, quote)


finite = st.floats(allow_nan=False, allow_infinity=False)


# Magnitudes that Python writes without an exponent, as a quote would.
positional = finite.filter(lambda x: x == 0 or 1e-4 <= abs(x) < 1e16)


@given(positional)
def test_a_value_is_in_its_own_text(value: float) -> None:
    assert value_in_quote(value, f"reached {value} in the year")


# Quotes full of numbers of every size, written as people and printf write them.
number_words = st.one_of(
    st.text(max_size=8),
    finite.map(lambda x: f"{abs(x):f}"),
    finite.map(lambda x: f"{abs(x):,}"),
    st.integers(min_value=0).map(str),
    st.from_regex(r"[1-9][0-9]{300,400}", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(,[0-9]{3})+,[0-9]{1,2}", fullmatch=True),  # thousands, then a decimal comma
)
quotes = st.lists(number_words, max_size=6).map(" ".join)


@given(finite, quotes)
def test_value_in_quote_never_raises(value: float, quote: str) -> None:
    assert isinstance(value_in_quote(value, quote), bool)


def test_thousands_before_a_decimal_comma_state_no_number() -> None:
    """Read "1,000,5" as neither 1000.5 nor 10005, and the numbers around it are still read."""
    assert not value_in_quote(1000.5, "rose 1,000,5 units") and not value_in_quote(10005, "rose 1,000,5 units")
    assert value_in_quote(47.3, "handled 1,000,50 boxes, 47.3 million TEUs")


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=-8, max_value=8))
def test_any_change_of_scale_is_allowed(number: int, shift: int) -> None:
    assert value_in_quote(number * 10.0**shift, f"a total of {number:,} yuan")


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2)))
def test_thousands_separators(value: float) -> None:
    assert value_in_quote(value, f"about {value:,.2f} yuan") and value_in_quote(-value, f"fell by {value:,.2f}")


def _significant(number: int) -> int:
    while number and number % 10 == 0:
        number //= 10
    return number


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_whole_numbers_match_only_up_to_scale(value: int, stated: int) -> None:
    assert value_in_quote(value, f"stood at {stated} units") is (_significant(value) == _significant(stated))


# --- quotes as copied ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("copied", "normal"),
    [
        ("the city’s “five centers”", 'the city\'s "five centers"'),
        ("「五个中心」", '"五个中心"'),
        ("line one\nline two", "line one line two"),
        ("  spaced \t  out\r\n", "spaced out"),
        ("ＧＤＰ增长５．０％", "GDP增长5.0%"),
        ("non\u00a0breaking", "non breaking"),
    ],
)
def test_normalize_text(copied: str, normal: str) -> None:
    assert normalize_text(copied) == normal


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip() and "  " not in once and "\n" not in once


def test_aho_corasick_finds_what_in_finds() -> None:
    text = "she sells sea shells by the sea shore; 上海港集装箱吞吐量"
    needles = {"sea", "shells", "hells", "he", "ore", "sore", "集装箱", "港口", "x", "sea shore;"}
    assert _aho_corasick(text, needles) == {n for n in needles if n in text}


def test_many_quotes_over_a_long_document_are_all_checked() -> None:
    document = "abc " * 200_000 + "needle"
    needles = {f"missing {n}" for n in range(100)} | {"needle", "abc abc"}
    assert found_in(document, needles) == {"needle", "abc abc"}


@pytest.mark.parametrize(
    ("name", "quote", "found"),
    [
        ("集装箱吞吐量", "上海港集装箱吞吐量达到4915.8万标准箱", True),
        ("新华·波罗的海国际航运中心发展指数", "新华·波罗的海国际航运中心发展指数排名均升至世界第三", True),
        ("G60科技成果拍卖会", "今年Ｇ６０科技成果拍卖会累计成交额", True),  # full width forgiven
        ("世界领先海事之都", "Menon Economics近日发布了2017“世界领先海事之都”报告", True),
        ("跨国公司地区总部", "上海跨國公司地區總部累計達到1027家", False),  # traditional is not simplified
        ("集装箱吞吐量", "集装箱年吞吐量达到4700万标准箱", False),  # an abridged or longer form is not the name
    ],
)
def test_name_in_quote(name: str, quote: str, found: bool) -> None:
    assert name_in_quote(name, quote) is found


def _indicator(**names: str | None) -> Indicator:
    observations = [
        Observation(year=2022, value=4.7, source="a", quote="4700万标准箱"),
        Observation(
            year=2023,
            value=4.9,
            source="b",
            quote="49 million",
            corroborated_by=[Citation(source="c", quote="集装箱吞吐量4915.8万标准箱")],
        ),
    ]
    return Indicator(
        id="teu",
        center=Center.SHIPPING,
        name="Container throughput",
        unit="million TEU",
        kind=Kind.FLOW,
        direction=Direction.HIGHER,
        description="Containers handled by the port.",
        observations=observations,
        **names,
    )


def test_a_name_is_evidenced_by_its_own_citation_first_then_by_any_quote_holding_it() -> None:
    own = _indicator(name_zh="集装箱吞吐量", name_zh_source="s", name_zh_quote="集装箱吞吐量")
    assert name_evidence(own) == Citation(source="s", quote="集装箱吞吐量")
    implied = name_evidence(_indicator(name_zh="集装箱吞吐量", name_zh_source=None, name_zh_quote=None))
    assert (implied.source, implied.quote) == ("c", "集装箱吞吐量4915.8万标准箱")  # type: ignore[union-attr]
    assert name_evidence(_indicator(name_zh="港口吞吐量", name_zh_source=None, name_zh_quote=None)) is None
    assert name_evidence(_indicator(name_zh=None, name_zh_source=None, name_zh_quote=None)) is None
