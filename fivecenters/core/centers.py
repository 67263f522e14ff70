"""The five centers and the names people type for them.

Kept free of pydantic and rich so the command line can resolve a center name
without paying for either.
"""

from __future__ import annotations

from enum import StrEnum


class Center(StrEnum):
    ECONOMIC = "economic"
    FINANCIAL = "financial"
    TRADE = "trade"
    SHIPPING = "shipping"
    INNOVATION = "innovation"

    # Not `title`: that would shadow str.title, which every StrEnum member has.
    @property
    def full_name(self) -> str:
        return TITLES[self]

    @property
    def full_name_zh(self) -> str:
        return TITLES_ZH[self]

    @property
    def bilingual(self) -> str:
        """The English title with the official Chinese name beside it, for headings."""
        return f"{self.full_name} ({self.full_name_zh})"


TITLES = {
    Center.ECONOMIC: "International Economic Center",
    Center.FINANCIAL: "International Financial Center",
    Center.TRADE: "International Trade Center",
    Center.SHIPPING: "International Shipping Center",
    Center.INNOVATION: "International Sci-Tech Innovation Center",
}

# The official names, as the 2021 government work report writes them (国际经济、金融、贸易、航运中心;
# 具有全球影响力的科技创新中心); "国际科技创新中心" is the usage from 2024.
TITLES_ZH = {
    Center.ECONOMIC: "国际经济中心",
    Center.FINANCIAL: "国际金融中心",
    Center.TRADE: "国际贸易中心",
    Center.SHIPPING: "国际航运中心",
    Center.INNOVATION: "具有全球影响力的科技创新中心",
}

ALIASES: dict[str, Center] = {
    **{c.value: c for c in Center},
    "economy": Center.ECONOMIC,
    "econ": Center.ECONOMIC,
    "finance": Center.FINANCIAL,
    "fin": Center.FINANCIAL,
    "financial-center": Center.FINANCIAL,
    "commerce": Center.TRADE,
    "ship": Center.SHIPPING,
    "port": Center.SHIPPING,
    "maritime": Center.SHIPPING,
    "sci-tech": Center.INNOVATION,
    "scitech": Center.INNOVATION,
    "science": Center.INNOVATION,
    "tech": Center.INNOVATION,
    "technology": Center.INNOVATION,
    "sci-tech-innovation": Center.INNOVATION,
    **{title: center for center, title in TITLES_ZH.items()},
    **{f"上海{title}": center for center, title in TITLES_ZH.items()},
    "经济": Center.ECONOMIC,
    "金融": Center.FINANCIAL,
    "贸易": Center.TRADE,
    "航运": Center.SHIPPING,
    "科创": Center.INNOVATION,
    "科技创新": Center.INNOVATION,
    "科技创新中心": Center.INNOVATION,
    "国际科技创新中心": Center.INNOVATION,
}


def resolve_center(name: str) -> Center | None:
    """Map what a user typed to a center, forgiving case, spaces and underscores."""
    key = "-".join(name.strip().lower().replace("_", " ").split())
    return ALIASES.get(key)
