"""Center names as users type them: aliases, any case, and the names that are not centers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.centers import ALIASES, Center, resolve_center


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
        # The official Chinese names, with and without 上海, and the short forms people type.
        ("航运", Center.SHIPPING),
        ("国际金融中心", Center.FINANCIAL),
        ("上海国际贸易中心", Center.TRADE),
        ("具有全球影响力的科技创新中心", Center.INNOVATION),
        ("国际科技创新中心", Center.INNOVATION),
        (" 经济 ", Center.ECONOMIC),
    ],
)
def test_resolve_center_aliases(typed: str, center: Center) -> None:
    assert resolve_center(typed) is center


@pytest.mark.parametrize("center", list(Center))
def test_every_center_resolves_by_its_own_name_in_any_case(center: Center) -> None:
    assert resolve_center(center.value) is center
    assert resolve_center(center.value.upper()) is center
    assert center.full_name.startswith("International ")


@pytest.mark.parametrize("typed", ["", "moon", "fintech", "sci--tech", "economic center"])
def test_resolve_center_unknown(typed: str) -> None:
    assert resolve_center(typed) is None


@given(st.sampled_from(sorted(ALIASES)), st.lists(st.booleans()))
def test_any_casing_of_an_alias_resolves(alias: str, upper: list[bool]) -> None:
    typed = "".join(c.upper() if upper[i % len(upper)] else c for i, c in enumerate(alias)) if upper else alias
    assert resolve_center(typed) is ALIASES[alias]


def test_every_center_has_its_official_chinese_name_as_an_alias() -> None:
    for center in Center:
        assert center.full_name_zh.endswith("中心")
        assert resolve_center(center.full_name_zh) is center
        assert center.bilingual == f"{center.full_name} ({center.full_name_zh})"
