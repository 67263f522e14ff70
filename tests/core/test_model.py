"""The strict model, center names and the text rules (value in quote, normalisation) as plain functions."""

from __future__ import annotations

import copy
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from fivecenters.core.centers import ALIASES, Center, resolve_center
from fivecenters.core.checks import value_problems
from fivecenters.core.model import Dataset, Indicator, Kind, Observation, Source, Status, Target
from fivecenters.core.quotes import normalize_text, value_in_quote
from tests.support.base import BASE_DATA


def raw_observation() -> dict[str, Any]:
    """A valid observation as TOML gives it (the base data's 2022 container throughput)."""
    return copy.deepcopy(BASE_DATA["indicators"][0]["observations"][1])


def raw_indicator(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(BASE_DATA["indicators"][0]), **changes}


def error_of(model: type[Any], raw: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    """The type and location of the only validation error."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(raw)
    errors = caught.value.errors()
    assert len(errors) == 1, errors
    return errors[0]["type"], errors[0]["loc"]


# --- the strict model ---------------------------------------------------------------------------


def test_base_records_validate() -> None:
    dataset = Dataset.model_validate(BASE_DATA)
    assert [s.id for s in dataset.sources] == [s["id"] for s in BASE_DATA["sources"]]
    assert dataset.indicator("container-throughput") is dataset.indicators[0]
    assert dataset.source("shipping-plan") is dataset.sources[1]
    assert dataset.indicator("no-such-thing") is None
    assert dataset.source("no-such-thing") is None


def test_misspelt_key_is_an_error_not_ignored() -> None:
    raw = raw_observation()
    raw["vlaue"] = raw.pop("value")
    with pytest.raises(ValidationError) as caught:
        Observation.model_validate(raw)
    found = {(e["type"], e["loc"]) for e in caught.value.errors()}
    assert found == {("extra_forbidden", ("vlaue",)), ("missing", ("value",))}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("value", "47.3"),  # a number in quotes is not coerced
        ("year", True),  # nor is a boolean a year
        ("year", "2022"),
        ("year", 2022.0),
        ("revision", "yes"),
        ("used", 1),
        ("quote", 47.3),
        ("derived_from", "one input"),
    ],
)
def test_wrong_types_are_rejected(key: str, value: object) -> None:
    kind, loc = error_of(Observation, {**raw_observation(), key: value})
    assert loc[0] == key
    assert kind not in {"extra_forbidden", "missing"}


def test_an_integer_value_is_a_number() -> None:
    observation = Observation.model_validate({**raw_observation(), "value": 47})
    assert observation.value == 47.0
    assert isinstance(observation.value, float)


def test_defaults() -> None:
    observation = Observation.model_validate(raw_observation())
    assert (observation.status, observation.used, observation.revision) == (Status.FINAL, True, False)
    assert observation.qualifier is None
    assert observation.derived_from == []


@pytest.mark.parametrize("status", list(Status))
def test_every_status_is_accepted(status: Status) -> None:
    observation = Observation.model_validate({**raw_observation(), "status": status.value})
    assert observation.status is status


@pytest.mark.parametrize(
    ("model", "raw", "key", "bad"),
    [
        (Observation, raw_observation(), "status", "computed"),
        (Observation, raw_observation(), "qualifier", "roughly"),
        (Indicator, raw_indicator(), "kind", "flows"),
        (Indicator, raw_indicator(), "direction", "up"),
        (Indicator, raw_indicator(), "center", "economy"),  # aliases are for the command line only
        (Target, BASE_DATA["indicators"][0]["targets"][0], "comparator", "below"),
    ],
)
def test_enums_reject_other_words(model: type[Any], raw: dict[str, Any], key: str, bad: str) -> None:
    assert error_of(model, {**raw, key: bad}) == ("enum", (key,))


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_is_accepted(kind: Kind) -> None:
    assert Indicator.model_validate(raw_indicator(kind=kind.value)).kind is kind


@pytest.mark.parametrize("bad_id", ["Container", "container_throughput", "-container", "container-", "a--b", ""])
def test_ids_are_kebab_case(bad_id: str) -> None:
    kind, loc = error_of(Indicator, raw_indicator(id=bad_id))
    assert loc == ("id",)
    assert kind in {"string_pattern_mismatch", "string_too_short"}


def test_nested_error_location_points_into_the_observation() -> None:
    raw = raw_indicator()
    raw["observations"][2]["year"] = True
    assert error_of(Indicator, raw) == ("int_type", ("observations", 2, "year"))


def test_records_are_frozen() -> None:
    source = Source.model_validate(BASE_DATA["sources"][0])
    with pytest.raises(ValidationError):
        source.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(("unit", "expected"), [("%", True), (" % ", True), ("percent", False), ("% of GDP", False)])
def test_is_percent(unit: str, expected: bool) -> None:
    assert Indicator.model_validate(raw_indicator(unit=unit)).is_percent is expected


def test_used_observations_are_oldest_first_without_unused() -> None:
    raw = raw_indicator()
    observations = list(reversed(raw["observations"]))
    observations[0] = {**observations[0], "used": False}
    indicator = Indicator.model_validate({**raw, "observations": observations})
    expected = sorted(o["year"] for o in observations if o.get("used", True))
    assert [o.year for o in indicator.used_observations()] == expected
    assert len(expected) == len(observations) - 1


# --- center names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "center"),
    [
        ("economy", Center.ECONOMIC),
        ("finance", Center.FINANCIAL),
        ("sci-tech", Center.INNOVATION),
        ("science", Center.INNOVATION),
        ("tech", Center.INNOVATION),
        ("Sci-Tech", Center.INNOVATION),
        ("SCI_TECH", Center.INNOVATION),
        ("sci tech", Center.INNOVATION),
        ("  Finance ", Center.FINANCIAL),
        ("ECONOMY", Center.ECONOMIC),
        ("Shipping", Center.SHIPPING),
    ],
)
def test_resolve_center_aliases(typed: str, center: Center) -> None:
    assert resolve_center(typed) is center


@pytest.mark.parametrize("center", list(Center))
def test_every_center_resolves_by_its_own_name_in_any_case(center: Center) -> None:
    assert resolve_center(center.value) is center
    assert resolve_center(center.value.upper()) is center
    assert center.title.startswith("International ")


@pytest.mark.parametrize("typed", ["", "moon", "fintech", "sci--tech", "economic center"])
def test_resolve_center_unknown(typed: str) -> None:
    assert resolve_center(typed) is None


@given(st.sampled_from(sorted(ALIASES)), st.lists(st.booleans()))
def test_any_casing_of_an_alias_resolves(alias: str, upper: list[bool]) -> None:
    typed = "".join(c.upper() if upper[i % len(upper)] else c for i, c in enumerate(alias)) if upper else alias
    assert resolve_center(typed) is ALIASES[alias]


# --- the value in its quote ---------------------------------------------------------------------


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
)
quotes = st.lists(number_words, max_size=6).map(" ".join)


@given(finite, quotes)
def test_value_in_quote_never_raises(value: float, quote: str) -> None:
    assert isinstance(value_in_quote(value, quote), bool)


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


# --- values for kinds and units -----------------------------------------------------------------


def indicator(kind: str, unit: str) -> Indicator:
    return Indicator.model_validate(raw_indicator(kind=kind, unit=unit, observations=[], targets=[]))


@pytest.mark.parametrize(
    ("kind", "unit", "value", "codes"),
    [
        ("flow", "million TEU", 0, []),
        ("flow", "million TEU", -1, ["negative-value"]),
        ("stock", "institutions", -0.5, ["negative-value"]),
        ("growth", "%", -12.5, []),
        ("growth", "%", 250, []),  # growth may exceed 100 %
        ("ratio", "%", 100, []),
        ("ratio", "%", 100.5, ["percent-out-of-range"]),
        ("ratio", "per 10,000 people", 150, []),  # only a % unit is capped
        ("ratio", "%", -1, ["negative-value"]),
        ("rank", "place", 1, []),
        ("rank", "place", 0, ["invalid-rank"]),
        ("rank", "place", 2.5, ["invalid-rank"]),
        ("rank", "place", -3, ["invalid-rank"]),
        ("flow", "million TEU", math.nan, ["not-finite"]),
        ("growth", "%", -math.inf, ["not-finite"]),
        ("rank", "place", math.inf, ["not-finite"]),
    ],
)
def test_value_problems(kind: str, unit: str, value: float, codes: list[str]) -> None:
    assert [code for code, _ in value_problems(indicator(kind, unit), value)] == codes
