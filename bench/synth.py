"""Synthetic data files for the benchmark, valid under the real model.

A file at scale k has k times the reference file's indicators and sources;
every indicator gets the same number of yearly observations, chosen so that
the 1000x file holds well over 100,000 of them. Some sources are documents
(written beside the file) that hold every quote citing them, so the quote
check runs; some observations are hedged, revised or derived. Generation is
seeded: the same reference gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

LAST_YEAR = 2024  # the newest year with data; fixed so that files do not change with the date
FIRST_YEAR = 1949
LARGEST_SCALE = 1000
MIN_LARGEST_OBSERVATIONS = 110_000  # "well over 100,000" at the largest scale
DOCUMENT_EVERY = 5  # one source in five is a document
SEED = 20240328

CENTERS = ("economic", "financial", "trade", "shipping", "innovation")
# kind, unit, direction, a value range, and how the unit is said in Chinese quotes
KINDS: tuple[tuple[str, str, str, tuple[float, float], str], ...] = (
    ("flow", "billion yuan", "higher", (50.0, 5000.0), "亿元"),
    ("stock", "institutions", "higher", (10.0, 2000.0), "家"),
    ("ratio", "%", "higher", (1.0, 60.0), "%"),
    ("growth", "%", "higher", (-5.0, 15.0), "%"),
    ("rank", "rank", "lower", (1.0, 40.0), "位"),
    ("flow", "million TEU", "higher", (5.0, 60.0), "万标准箱"),
)
# Chinese units that are not the indicator's own: 1 亿 is 100 million (a tenth of a billion yuan), 1 万 is
# 10,000 (a hundredth of a million TEU). Quotes in Chinese state the value in them, as fc's unit check expects.
ZH_PER_UNIT = {"亿元": 10, "万标准箱": 100}
WORDS = (
    *("output", "throughput", "turnover", "volume", "capacity", "investment", "trade", "finance", "port"),
    *("cargo", "patents", "enterprises", "headquarters", "institutions", "transactions", "settlement"),
    *("clearing", "exports", "imports", "research", "talent", "platforms"),
)


@dataclass(frozen=True)
class Profile:
    """What the reference file holds, as counts."""

    indicators: int
    sources: int
    observations: int
    targets: int

    @property
    def years_per_indicator(self) -> int:
        """Observations per indicator: the reference's mean, or more so that the largest file is large enough."""
        mean = math.ceil(self.observations / max(self.indicators, 1))
        needed = math.ceil(MIN_LARGEST_OBSERVATIONS / (LARGEST_SCALE * max(self.indicators, 1)))
        return min(max(mean, needed, 2), LAST_YEAR - FIRST_YEAR + 1)

    def targets_of(self, number: int) -> int:
        """Targets for the indicator at `number`: spread so that each scale keeps the reference's ratio."""
        ratio = self.targets / max(self.indicators, 1)
        return math.floor((number + 1) * ratio) - math.floor(number * ratio)


# Used when no reference file can be read (a fresh clone before the data file lands).
DEFAULT_PROFILE = Profile(indicators=30, sources=20, observations=120, targets=30)


def profile_of(path: Path) -> Profile:
    """Count the records of a data file (parsed, not validated: validate it with fc first)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    indicators = data.get("indicators", [])
    return Profile(
        indicators=len(indicators),
        sources=len(data.get("sources", [])),
        observations=sum(len(i.get("observations", [])) for i in indicators),
        targets=sum(len(i.get("targets", [])) for i in indicators),
    )


def observations_at(profile: Profile, scale: int) -> int:
    """How many observations the file at `scale` holds, revisions included (see `_Generator.indicators`)."""
    indicators = profile.indicators * scale
    return indicators * profile.years_per_indicator + len(range(3, indicators, 10))


def compare_years(profile: Profile) -> tuple[int, int]:
    """Two years every synthetic indicator has data for."""
    return LAST_YEAR - min(profile.years_per_indicator - 1, 5), LAST_YEAR


def _round(value: float, kind: str) -> float | int:
    return max(1, round(value)) if kind in ("rank", "stock") else round(value, 2)


def _text(value: float | int) -> str:
    """A value as a source would print it, with thousands separators."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


class _Generator:
    def __init__(self, profile: Profile, scale: int, seed: int) -> None:
        self.rng = random.Random(seed * 1009 + scale)
        self.profile = profile
        self.scale = scale
        self.quotes_by_document: dict[str, list[str]] = {}

    def sources(self) -> list[dict[str, Any]]:
        count = max(2, self.profile.sources * self.scale)
        sources = []
        for number in range(count):
            sid = f"source-{number:06d}"
            source: dict[str, Any] = {
                "id": sid,
                "title": f"Report {number} on Shanghai's {CENTERS[number % 5]} center and its {self._words(3)}",
                "publisher": f"{self._words(2).title()} Bureau of Shanghai Municipality",
                "published": dt.date(2015 + number % 10, 1 + number % 12, 1 + number % 28),
                "language": "zh" if number % 3 == 0 else "en",
            }
            if number % DOCUMENT_EVERY == 1:
                source["document"] = f"docs/{sid}.txt"
                self.quotes_by_document[sid] = []
            else:
                source["url"] = f"https://example.org/shanghai/{number % 7}/{sid}.html"
            if number % 4 == 0:
                source["accessed"] = dt.date(2025, 1 + number % 12, 1 + number % 28)
            if number % 9 == 0:
                source["reliability"] = "Reprint on an aggregator; the original page was not reached."
            sources.append(source)
        return sources

    def _words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def _quote(self, source_id: str, name: str, value: float | int, year: int, unit_zh: str, hedge: str) -> str:
        if source_id.endswith(("0", "3", "6", "9")):
            stated = value * ZH_PER_UNIT[unit_zh] if unit_zh in ZH_PER_UNIT else value
            quote = f"{year}年，全市{name}达到{'约' if hedge else ''}{_text(stated)}{unit_zh}，同比保持增长"
        else:
            quote = f"In {year}, the city's {name} stood at {hedge}{_text(value)}, the municipal bureau said"
        if source_id in self.quotes_by_document:
            self.quotes_by_document[source_id].append(quote)
        return quote

    def indicators(self, source_ids: list[str]) -> list[dict[str, Any]]:
        count = self.profile.indicators * self.scale
        years = self.profile.years_per_indicator
        first_year = LAST_YEAR - years + 1
        cite = 0
        indicators = []
        for number in range(count):
            kind, unit, direction, (low, high), unit_zh = KINDS[number % len(KINDS)]
            name = f"{self._words(2)} {number}"
            value = self.rng.uniform(low, high)
            observations = []
            for year in range(first_year, LAST_YEAR + 1):
                value = min(high, max(low, value * self.rng.uniform(0.9, 1.15)))
                shown = _round(value, kind)
                source = source_ids[cite % len(source_ids)]
                cite += 1
                hedged = self.rng.random() < 0.15
                obs: dict[str, Any] = {"year": year, "value": shown}
                if hedged:
                    obs["qualifier"] = "about"
                obs["source"] = source
                obs["quote"] = self._quote(source, name, shown, year, unit_zh, "about " if hedged else "")
                observations.append(obs)
            if number % 10 == 3:  # a first estimate, superseded by a revision
                last = observations[-1]
                source = source_ids[cite % len(source_ids)]
                cite += 1
                estimate = last["value"] if kind == "rank" else _round(last["value"] * 0.97, kind)
                if estimate == last["value"] and kind != "rank":  # an equal figure corroborates, not precedes
                    estimate = _round(last["value"] + (1 if isinstance(last["value"], int) else 0.01), kind)
                first = {
                    "year": LAST_YEAR,
                    "value": estimate,
                    "status": "preliminary",
                    "revision": True,
                    "used": False,
                    "source": source,
                    "quote": self._quote(source, name, estimate, LAST_YEAR, unit_zh, ""),
                    "note": "First published figure; superseded by the revision below.",
                }
                last.update(status="revised", revision=True, note="Revised figure; used.")
                observations.insert(len(observations) - 1, first)
            if number % 25 == 7 and kind != "rank":  # a derived value, with its inputs in words
                obs = observations[0]
                obs.update(
                    status="derived",
                    derived_from=[f"{name} {obs['year'] + 1} (as published)", f"growth in {obs['year'] + 1}"],
                    note="Computed from the next year's value and its growth rate.",
                )
            indicator: dict[str, Any] = {
                "id": f"indicator-{number:06d}",
                "center": CENTERS[number % 5],
                "name": f"{name.capitalize()} of Shanghai",
                "unit": unit,
                "kind": kind,
                "direction": direction,
                "description": f"The {name} of Shanghai in the year, as reported by the municipal statistics bureau.",
            }
            if number % 3 == 0:
                indicator["headline"] = True
            indicator["observations"] = observations
            indicator["targets"] = self._targets(kind, direction, low, high, unit_zh, name, source_ids, number)
            indicators.append(indicator)
        return indicators

    def _targets(
        self, kind: str, direction: str, low: float, high: float, unit_zh: str, name: str, ids: list[str], number: int
    ) -> list[dict[str, Any]]:
        targets = []
        for index in range(self.profile.targets_of(number)):
            deadline = LAST_YEAR + 1 + 5 * index + number % 5
            value = _round(self.rng.uniform(low, high), kind)
            source = ids[(number * 3 + index) % len(ids)]
            target: dict[str, Any] = {
                "value": value,
                "comparator": "at-least" if direction == "higher" else "at-most",
                "deadline": deadline,
                "set_in": LAST_YEAR - 3,
                "label": f"Shanghai {name} plan for {deadline}",
                "source": source,
                "quote": self._quote(source, name, value, deadline, unit_zh, ""),
            }
            if number % 4 == 1:
                target["baseline_year"] = LAST_YEAR - 4
                target["baseline_value"] = _round(self.rng.uniform(low, high), kind)
            targets.append(target)
        return targets

    def document(self, source_id: str) -> str:
        """A document that states every quote citing it, wrapped as a text file would be."""
        body = " Officials added that the work would continue. ".join(self.quotes_by_document[source_id])
        lines, line = [], ""
        for word in f"Press release {source_id}. {body}.".split(" "):
            if len(line) + len(word) > 78:
                lines.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        return "\n".join([*lines, line]) + "\n"


def generate(
    profile: Profile, scale: int, root: Path, name: str | None = None, seed: int = SEED
) -> tuple[Path, dict[str, int]]:
    """Write `root/{name or scale}x/indicators.toml` and its documents; return the path and its counts."""
    generator = _Generator(profile, scale, seed)
    sources = generator.sources()
    indicators = generator.indicators([s["id"] for s in sources])
    directory = root / (name or f"{scale}x")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "indicators.toml"
    text = tomli_w.dumps({"sources": sources, "indicators": indicators})
    counts = {
        "sources": len(sources),
        "indicators": len(indicators),
        "observations": sum(len(i["observations"]) for i in indicators),
        "targets": sum(len(i["targets"]) for i in indicators),
    }
    # The canonical layout: every record is a [[table]], none an inline table.
    for header, expected in (
        ("[[sources]]", counts["sources"]),
        ("[[indicators]]", counts["indicators"]),
        ("[[indicators.observations]]", counts["observations"]),
        ("[[indicators.targets]]", counts["targets"]),
    ):
        found = text.count(f"\n{header}\n") + text.startswith(f"{header}\n")
        if found != expected:
            raise AssertionError(f"{path}: {found} {header} tables, expected {expected}")
    path.write_text(text, encoding="utf-8")
    (directory / "docs").mkdir(exist_ok=True)
    for source_id in generator.quotes_by_document:
        (directory / "docs" / f"{source_id}.txt").write_text(generator.document(source_id), encoding="utf-8")
    return path, counts
