"""What a quote says of a figure's unit: its currency and the scale word after the number.

A quote in yuan cited for a US-dollar series, or "51404.47亿" cited for a value
that is not 5.140447 trillion, states another quantity than the indicator's:
the value may still appear in it, so `value_in_quote` cannot tell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from fivecenters.core.text import nfkc

# Longest first, so that 万亿 is read before 万 and 亿.
SCALES = {
    "万亿": 1e12,
    "萬億": 1e12,
    "兆": 1e12,
    "亿": 1e8,
    "億": 1e8,
    "万": 1e4,
    "萬": 1e4,
    "千": 1e3,
    "quadrillion": 1e15,
    "trillion": 1e12,
    "trln": 1e12,
    "billion": 1e9,
    "bln": 1e9,
    "million": 1e6,
    "thousand": 1e3,
}
_SCALE_WORDS = sorted(SCALES, key=len, reverse=True)
_SCALED = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(" + "|".join(_SCALE_WORDS) + r")(?![a-z])",
    re.IGNORECASE,
)
_DOLLAR = re.compile(r"美元|\$|\bU\.?S\.? ?dollars?\b|\bUSD\b|\bdollars?\b|dólares", re.IGNORECASE)
_YUAN = re.compile(r"(?<!美)元|\byuans?\b|\bRMB\b|\bCNY\b|¥", re.IGNORECASE)
_THOUSANDS = re.compile(r",\d{3}")
# A number, with the words after it up to the next number or bracket: where its currency is named.
_NUMBER_AND_WORDS = re.compile(r"(\d+(?:[,.]\d+)*)([^\d(（]{0,24})")


def unit_scale(unit: str) -> float:
    """The multiplier of an indicator's unit: 1e12 for "trillion yuan", 1 for "%"."""
    lowered = unit.lower()
    return next((SCALES[word] for word in _SCALE_WORDS if word in lowered), 1.0)


def currency(text: str) -> str | None:
    """ "USD" or "CNY" when the text names one of them and not the other."""
    dollar, yuan = bool(_DOLLAR.search(text)), bool(_YUAN.search(text))
    if dollar == yuan:
        return None
    return "USD" if dollar else "CNY"


def _may_name_a_currency(text: str) -> bool:
    """Whether a text in NFKC holds the words of `_DOLLAR` or `_YUAN`, without the edges they need:
    if not, neither it nor any part of it names a currency. Tests of `in` on the lowercased text
    rather than a pattern ignoring case (six times as long): in NFKC, which has made every long s
    an s, a letter of these words matches only itself and its capital."""
    lowered = text.lower()
    return (
        "$" in text
        or "¥" in text
        or "元" in text
        or "dollar" in lowered
        or "dólares" in lowered
        or "usd" in lowered
        or "yuan" in lowered
        or "rmb" in lowered
        or "cny" in lowered
    )


def value_currency(value: float, quote: str) -> str | None:
    """The currency the quote gives the value in: named right after it ("175亿美元",
    "23.96 billion yuan ($3.53 billion)") or just before it ("$24 billion"), else the
    quote's only currency."""
    text = nfkc(quote)
    if not _may_name_a_currency(text):
        return None
    log_value = math.log10(abs(value)) if value else None  # no number has the digits of 0
    for match in _NUMBER_AND_WORDS.finditer(text):
        digits = match[1].replace(",", "") if _THOUSANDS.search(match[1]) else match[1].replace(",", ".")
        try:
            number = float(digits)
        except ValueError:
            continue
        if not number or log_value is None or not _same_log(number, log_value):
            continue
        before = text[max(0, match.start() - 3) : match.start()]
        if found := currency(match[2]) or currency(before):
            return found
    return currency(text)


# The characters of the scale words in Chinese (see `_may_state_a_scale`).
_SCALE_CHARACTERS = re.compile("[兆亿億万萬千]")


def _may_state_a_scale(text: str) -> bool:
    """Whether the text, lowercased, holds a piece of every scale word: a quote with none states no
    scaled number, and most quotes are passed over without the slower search of `_SCALED`. Tests of
    `in` one after the other: a generator over the pieces or one pattern took three to five times as long."""
    lowered = text.lower()
    return (
        "llion" in lowered
        or "ousand" in lowered
        or "trln" in lowered
        or "bln" in lowered
        or (not lowered.isascii() and _SCALE_CHARACTERS.search(lowered) is not None)
    )


def _scaled_numbers(quote: str) -> Iterator[tuple[float, float, str]]:
    text = nfkc(quote)
    if not _may_state_a_scale(text):
        return
    for match in _SCALED.finditer(text):
        # The pattern ignores case as regular expressions do, so a dotless ı matches an i: such a
        # word, which lowercases to no scale word, is none.
        if scale := SCALES.get(match[2].lower()):
            yield float(match[1].replace(",", "")), scale, match[0]


def unit_contradiction(unit: str, value: float, quote: str) -> str | None:
    """Why the quote's unit is not the indicator's, or None when nothing contradicts it.

    Only a number written with a scale word is held to the unit's scale: a
    quote may state several numbers, and a bare one may be a count or a rate.
    """
    if not value or not math.isfinite(value):
        return None
    expected, unit_multiplier = _unit_terms(unit)
    # Most units name no currency: then the quote's need not be read (most of this check's time).
    stated = value_currency(value, quote) if expected else None
    if expected and stated and expected != stated:
        return f"the quote is in {stated}, the indicator's unit '{unit}' in {expected}"
    scaled = list(_scaled_numbers(quote))
    target = abs(value) * unit_multiplier
    if not scaled or any(math.isclose(number * scale, target, rel_tol=1e-9) for number, scale, _ in scaled):
        return None
    for number, scale, text in scaled:
        if number and _same_digits(number, abs(value)):
            return f"the quote's '{text}' is {number * scale:g}, but {value:g} {unit} is {target:g}"
    return None


@lru_cache(maxsize=256)
def _unit_terms(unit: str) -> tuple[str | None, float]:
    """A unit's currency and scale: an indicator's unit, asked of each of its figures and quotes."""
    return currency(unit), unit_scale(unit)


def _same_digits(a: float, b: float) -> bool:
    """Whether two numbers differ only by a power of ten (51404.47 and 5.140447)."""
    return _same_log(a, math.log10(b))


def _same_log(a: float, log_b: float) -> bool:
    """`_same_digits(a, b)` given the logarithm of b, taken once for all the numbers of a quote."""
    shift = log_b - math.log10(a)
    return abs(shift - round(shift)) < 1e-9
