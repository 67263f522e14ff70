"""fc validate's checks on how figures may be read: breaks, as-of dates, corroboration, duplicate targets, units."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from fivecenters.core.canonical import canonical_text
from fivecenters.core.problems import Report
from fivecenters.core.validate import check_document

HEAD = """
[[sources]]
id = "bureau"
title = "Statistical communiqué"
publisher = "Statistics bureau"
url = "https://example.org/bureau"
language = "en"

[[sources]]
id = "press"
title = "Press report"
publisher = "A newspaper"
url = "https://example.org/press"
language = "en"

[[indicators]]
id = "foreign-capital"
center = "trade"
name = "Actual use of foreign capital"
unit = "billion US dollars"
kind = "flow"
direction = "higher"
description = "Foreign direct investment actually used in the year."
"""


def report(records: str) -> Report:
    text = HEAD + records
    found, _ = check_document(tomllib.loads(text), text, "data.toml", Path("."))
    return found


def codes(records: str) -> list[tuple[str, str, int | None]]:
    """(code, severity, line) of every problem but the unused second source."""
    return [(p.code, p.severity, p.line) for p in report(records).problems if p.code != "unused-source"]


def line(records: str, needle: str, occurrence: int = 0) -> int:
    return [n for n, text in enumerate((HEAD + records).splitlines(), 1) if text == needle][occurrence]


OBS = """
[[indicators.observations]]
year = {year}
value = {value}
source = "{source}"
quote = "{quote}"
{extra}
"""


def obs(year: int = 2023, value: float = 24, source: str = "bureau", quote: str = "", extra: str = "") -> str:
    return OBS.format(
        year=year, value=value, source=source, quote=quote or f"{value:g} billion US dollars", extra=extra
    )


def test_a_clean_series_with_every_new_key_passes() -> None:
    records = obs(
        2024,
        17.6,
        extra='as_of = "2024-11"\nseries_break = true\nvintage = "census"\nnote = "Counted from November."\n'
        '[[indicators.observations.corroborated_by]]\nsource = "press"\nquote = "$17.6 billion"',
    )
    assert codes(records) == []


def test_a_break_needs_a_note() -> None:
    records = obs(extra="series_break = true")
    assert codes(records) == [("break-without-note", "error", line(records, "series_break = true"))]


def test_an_as_of_date_must_lie_in_its_year() -> None:
    records = obs(2023, extra='as_of = "2024-03"')
    assert codes(records) == [("as-of-outside-year", "error", line(records, 'as_of = "2024-03"'))]


@pytest.mark.parametrize("as_of", ["2023", "2023-13", "2023-7", "23-07", "2023-07-32"])
def test_an_as_of_date_is_a_month_or_a_day(as_of: str) -> None:
    records = obs(2023, extra=f'as_of = "{as_of}"')
    assert [c for c, _, _ in codes(records)] == ["invalid-value"]


def test_equal_values_filed_as_revisions_are_corroboration() -> None:
    records = obs(extra="revision = true") + obs(source="press", extra="revision = true\nused = false")
    found = report(records).problems
    assert [(p.code, p.severity) for p in found] == [("corroboration-as-revision", "warning")]
    assert "bureau, press" in found[0].message and "corroborated_by" in found[0].message


def test_different_values_or_vintages_are_revisions() -> None:
    differing = obs(extra="revision = true") + obs(value=24.5, source="press", extra="revision = true\nused = false")
    vintages = obs(extra='revision = true\nvintage = "first"') + obs(
        source="press", extra='revision = true\nused = false\nvintage = "census"'
    )
    assert codes(differing) == [] and codes(vintages) == []


def test_a_corroborating_citation_is_checked_like_the_first() -> None:
    records = obs(extra='[[indicators.observations.corroborated_by]]\nsource = "nobody"\nquote = "24 billion"')
    assert [c for c, _, _ in codes(records)] == ["unknown-source"]
    assert codes(records)[0][2] == line(records, 'source = "nobody"')


def test_a_corroborating_quote_must_state_the_value() -> None:
    records = obs(extra='[[indicators.observations.corroborated_by]]\nsource = "press"\nquote = "a record year"')
    assert codes(records) == [("value-not-in-quote", "warning", line(records, 'quote = "a record year"'))]


def test_corroborating_sources_are_cited() -> None:
    """A source cited only as corroboration is not unused."""
    records = obs(extra='[[indicators.observations.corroborated_by]]\nsource = "press"\nquote = "24 billion dollars"')
    assert "unused-source" not in [p.code for p in report(records).problems]
    assert "unused-source" in [p.code for p in report(obs()).problems]


TARGET = """
[[indicators.targets]]
value = {value}
comparator = "{comparator}"
deadline = {deadline}
source = "{source}"
quote = "{value} billion US dollars by {deadline}"
"""


def target(value: float = 25, deadline: int = 2025, comparator: str = "at-least", source: str = "bureau") -> str:
    return TARGET.format(value=value, deadline=deadline, comparator=comparator, source=source)


def test_the_same_target_twice_is_an_error() -> None:
    records = obs() + target() + target(comparator="about", source="press")
    assert codes(records) == [("duplicate-target", "error", line(records, "value = 25", occurrence=1))]


def test_targets_differing_in_value_or_deadline_are_distinct() -> None:
    assert codes(obs() + target() + target(value=26) + target(deadline=2030)) == []


def test_a_quote_in_yuan_for_a_dollar_series_is_warned() -> None:
    records = obs(2020, 20.23, quote="The actual use of foreign capital reached 20.23 billion yuan")
    assert codes(records) == [
        (
            "unit-mismatch",
            "warning",
            line(records, 'quote = "The actual use of foreign capital reached 20.23 billion yuan"'),
        )
    ]


def test_corroborating_citations_are_written_in_canonical_order() -> None:
    records = obs(
        extra='[[indicators.observations.corroborated_by]]\nsource = "press"\nquote = "24 billion dollars"\n'
        '[[indicators.observations.corroborated_by]]\nsource = "bureau"\nquote = "USD 24 billion"'
    )
    text = canonical_text(tomllib.loads(HEAD + records))
    assert text.index('quote = "USD 24 billion"') < text.index('quote = "24 billion dollars"')
    assert text.count("[[indicators.observations.corroborated_by]]") == 2
    assert canonical_text(tomllib.loads(text)) == text
