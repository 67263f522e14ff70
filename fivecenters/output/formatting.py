"""Numbers, units, changes and statuses as people read them, for every renderer.

Styles are names ("good", "bad", "muted"), not colours: colour is each
renderer's decision.
"""

from __future__ import annotations

import functools
import math
import unicodedata

from fivecenters.core.compare import Change, Measure, Verdict
from fivecenters.core.model import Benchmark, Entry, Indicator, Kind, Observation, Qualifier
from fivecenters.core.model import Status as ObservationStatus
from fivecenters.core.progress import Assessment, Status, status_for_ratio
from fivecenters.core.structs import struct


@struct(frozen=True)
class Cell:
    """A piece of text with a style name."""

    text: str
    style: str | None = None


DASH = "—"
# Table cells stack a value over its year, or a change over its relative change,
# so that tables stay readable at 80 columns.
STACK = "\n"
HEDGES = {
    Qualifier.ABOUT: "≈",
    Qualifier.NEARLY: "≈",
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "≤",
}
VERDICT_STYLES = {Verdict.IMPROVED: "good", Verdict.WORSENED: "bad", Verdict.UNCHANGED: "muted"}
STATUS_STYLES = {
    Status.ACHIEVED: "good",
    Status.ON_TRACK: "good",
    Status.MODERATE: "warn",
    Status.LIMITED: "bad",
    Status.DETERIORATION: "bad",
    Status.MISSED: "bad",
    Status.NOT_ASSESSABLE: "muted",
}
SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 8
SMALL_BAR = 5
UNITLESS = {"count", "rank", "number"}
# Past this, digits stop informing: 1e308 written out is 309 characters.
LARGEST_PLAIN = 1e15


def ordinal(n: int) -> str:
    if n >= LARGEST_PLAIN:
        return f"#{n:.4g}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def place_text(entry: Entry | None) -> str:
    """A place in a ranking: "3rd", "not in top 5"; a dash for none."""
    if entry is None:
        return DASH
    if entry.rank is not None:
        return ordinal(entry.rank)
    if entry.outside_top is not None:
        return f"not in top {entry.outside_top}"
    return DASH


def benchmark_title(benchmark: Benchmark) -> str:
    return benchmark.name + (f" ({benchmark.name_zh})" if benchmark.name_zh else "")


def number(value: float, signed: bool = False) -> str:
    """Thousands separators and the value's own precision, up to three decimals; huge values in
    scientific notation (1.7e+308)."""
    if abs(value) >= LARGEST_PLAIN:
        return f"{value:+.4g}" if signed else f"{value:.4g}"
    text = f"{value:+,.3f}" if signed else f"{value:,.3f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "+0") else text  # a value that rounds to zero has no sign


def spelled_unit(indicator: Indicator) -> str | None:
    """The unit where it must be written out: not for %, ranks and counts, which speak for themselves."""
    if indicator.kind is Kind.RANK or indicator.is_percent or indicator.unit.lower() in UNITLESS:
        return None
    return indicator.unit


def label(indicator: Indicator) -> str:
    """The indicator's name with its unit, so table cells can show bare numbers."""
    unit = spelled_unit(indicator)
    return f"{indicator.name} ({unit})" if unit else indicator.name


def quantity(indicator: Indicator, value: float, qualifier: Qualifier | None = None, with_unit: bool = True) -> str:
    hedge = HEDGES.get(qualifier, "") if qualifier else ""
    if indicator.kind is Kind.RANK:
        return f"{hedge}{ordinal(int(value))}"
    if indicator.is_percent:
        return f"{hedge}{number(value)}%"
    unit = spelled_unit(indicator)
    return f"{hedge}{number(value)}" + (f" {unit}" if unit and with_unit else "")


# Eurostat's flags, after SDMX's OBS_STATUS: shown after a value, explained under the table.
FLAGS = {ObservationStatus.ESTIMATE: "e", ObservationStatus.PRELIMINARY: "p"}
BREAK_FLAG = "b"
FLAG_LEGEND = "Flags: e estimate · p preliminary · b break in series (not comparable with earlier years)"


def flags(obs: Observation) -> str:
    return FLAGS.get(obs.status, "") + (BREAK_FLAG if obs.series_break else "")


def observed(indicator: Indicator, obs: Observation | None, with_unit: bool = False) -> str:
    """The value as read, hedged, with its flags: "≈4.2% p"."""
    if obs is None:
        return DASH
    flag = flags(obs)
    return quantity(indicator, obs.value, obs.qualifier, with_unit) + (f" {flag}" if flag else "")


def when(obs: Observation) -> str:
    """The year, or the date a figure is as of when it is not for the whole year: "2021-07"."""
    return obs.as_of or str(obs.year)


def percent(fraction: float) -> str:
    return (
        f"{number(fraction * 100, signed=True) if abs(fraction) >= LARGEST_PLAIN / 100 else f'{fraction * 100:+,.1f}'}%"
    )


def change_text(change: Change, with_relative: bool = True, separator: str = " ") -> str:
    """A change in the indicator's own terms: points, places, or absolute and relative.

    A change over several years names them and gives the yearly rate; a
    provisional one carries the flag "p"."""
    if change.measure is Measure.PLACES:
        before, after = int(change.before.value), int(change.after.value)
        moved = before - after
        how = "unchanged" if moved == 0 else f"{'up' if moved > 0 else 'down'} {abs(moved)}"
        text = f"{ordinal(before)} → {ordinal(after)},{separator}{how}"
    elif change.measure is Measure.PERCENTAGE_POINTS:
        text = f"{number(change.absolute, signed=True)} pp"
    else:
        text = number(change.absolute, signed=True)
        if with_relative and change.relative is not None:
            text += f"{separator}({percent(change.relative)})"
    text += " p" if change.provisional else ""
    return text + (f"{separator}{span_text(change, separator)}" if change.years > 1 else "")


def span_text(change: Change, separator: str = " ") -> str:
    """ "2019 → 2025, -11.2%/yr": the years a change spans and its yearly rate."""
    if change.yearly_rate is not None:
        rate = f"{change.yearly_rate * 100:+,.1f}%"
    else:
        unit = {Measure.PERCENTAGE_POINTS: " pp", Measure.PLACES: " places"}.get(change.measure, "")
        rate = f"{number(change.per_year, signed=True)}{unit}"
    return f"{change.before.year} → {change.after.year},{separator}{rate}/yr"


def change_cell(change: Change | None, with_relative: bool = True, separator: str = " ") -> Cell:
    if change is None:
        return Cell(DASH, "muted")
    # A rank's arrow follows its place, as the text does: 6th → 5th is "▲ … up 1".
    rise = -change.absolute if change.measure is Measure.PLACES else change.absolute
    arrow = "▲" if rise > 0 else "▼" if rise < 0 else "→"
    return Cell(f"{arrow} {change_text(change, with_relative, separator)}", VERDICT_STYLES.get(change.verdict))


NOT_COMPARABLE = Cell("not comparable", "muted")


MIN_SPARK = 3  # two points make a change, which the change column already shows


def sparkline(values: list[float], inverted: bool = False) -> str:
    """The values' shape in block characters; `inverted` for ranks, so that 3rd → 2nd rises."""
    finite = [-v if inverted else v for v in values if math.isfinite(v)]
    if len(finite) < MIN_SPARK:
        return ""
    # In halves, so that the span of extreme values (±1.7e308) does not overflow.
    low, high = min(finite) / 2, max(finite) / 2
    span = high - low
    return "".join(SPARKS[round((v / 2 - low) / span * (len(SPARKS) - 1)) if span else 3] for v in finite)


def bar(share: float | None, width: int = BAR_WIDTH, separator: str = " ") -> str:
    if share is None:
        return ""
    clamped = max(0.0, min(1.0, share))
    filled = round(clamped * width)
    return "█" * filled + "░" * (width - filled) + f"{separator}{clamped * 100:.0f}%"


def target_text(assessment: Assessment, separator: str = " ") -> str:
    target, indicator = assessment.target, assessment.indicator
    comparator = {"at-least": "≥", "at-most": "≤", "about": "≈"}[target.comparator.value]
    return f"{comparator}{quantity(indicator, target.value, with_unit=False)}{separator}by {target.deadline}"


def status_text(assessment: Assessment) -> str:
    """The status, marked provisional when an estimate or a preliminary figure decided it."""
    return assessment.status.value + (" (provisional)" if assessment.provisional else "")


def dated(text: str, year: int | str) -> str:
    return f"{text}{STACK}({year})"


def explanation(a: Assessment) -> str:
    """The numbers behind a status, in one sentence a reader can check by hand."""
    indicator, parts = a.indicator, []
    if a.baseline:
        origin = "stated by the target" if a.baseline.stated else "observed"
        parts.append(f"baseline {quantity(indicator, a.baseline.value)} ({a.baseline.year}, {origin})")
    if a.latest:
        parts.append(f"latest {observed(indicator, a.latest, with_unit=True)} ({when(a.latest)})")
    if a.actual_rate is not None and a.required_rate is not None:
        method = "CAGR" if a.method == "cagr" else "average yearly change"
        parts.append(f"{method} actual {_rate(a, a.actual_rate)}, needed {_rate(a, a.required_rate)}")
    if a.ratio is not None:
        parts.append(f"R = {ratio_text(a.ratio)}")
    if a.reason:
        parts.append(a.reason)
    return "; ".join(parts) or DASH


def ratio_text(ratio: float) -> str:
    """R to two decimals, or four where two would round it across a threshold."""
    short = f"{ratio:.2f}"
    return short if status_for_ratio(float(short)) is status_for_ratio(ratio) else f"{ratio:.4f}"


def _rate(assessment: Assessment, rate: float | None) -> str:
    if rate is None:
        return DASH
    if assessment.method == "cagr":
        return f"{rate * 100:+.2f}%"
    return number(rate, signed=True) + (" pp" if assessment.indicator.is_percent else "")


def cell_width(text: str) -> int:
    """Columns the text takes in a terminal (or glyph widths in a chart), counted as terminals (wcwidth) and
    rich count them: East Asian wide characters take two, combining and joining characters none."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_width, text))


def widest(texts: list[str]) -> int:
    """The most columns one of the texts takes (`cell_width`): measured in C when all are printable ASCII."""
    joined = "".join(texts)
    measure = len if joined.isascii() and joined.isprintable() else cell_width
    return max(map(measure, texts), default=0)


# Characters that take no column of their own: combining marks, controls, line and paragraph separators and
# format characters (but the soft hyphen and the prepended concatenation marks, which show)...
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Cc", "Zl", "Zp", "Cf"})
_SHOWN_FORMAT = frozenset(
    "\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
# ...and those that join the character before: Hangul medial vowels and final consonants, Hangul fillers,
# emoji skin-tone modifiers.
_JOINING = ((0x1160, 0x11FF), (0xD7B0, 0xD7FF), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0x1F3FB, 0x1F3FF))


@functools.cache
def char_width(character: str) -> int:
    """0, 1 or 2 columns, by the Unicode database of this Python (an unassigned code point takes one)."""
    category = unicodedata.category(character)
    if category in _ZERO_WIDTH_CATEGORIES and character not in _SHOWN_FORMAT:
        return 0
    if any(low <= ord(character) <= high for low, high in _JOINING):
        return 0
    return 2 if category != "Cn" and unicodedata.east_asian_width(character) in "WF" else 1


def wrapped(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between words; a word wider than that stays whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and cell_width(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
