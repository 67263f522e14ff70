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

    @property
    def title(self) -> str:
        return TITLES[self]


TITLES = {
    Center.ECONOMIC: "International Economic Center",
    Center.FINANCIAL: "International Financial Center",
    Center.TRADE: "International Trade Center",
    Center.SHIPPING: "International Shipping Center",
    Center.INNOVATION: "International Sci-Tech Innovation Center",
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
}


def resolve_center(name: str) -> Center | None:
    """Map what a user typed to a center, forgiving case, spaces and underscores."""
    key = "-".join(name.strip().lower().replace("_", " ").split())
    return ALIASES.get(key)
