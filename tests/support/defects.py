"""The corpus of broken data files: each case breaks one thing in the base dataset.

A case names the problems it expects and where (by a needle in the text, never by
a typed line number); severities come from the registry of codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from fivecenters.core.codes import Code, Severity
from tests.support.base import BASE_TOML, line_of, replace_once, table_line_of

THIS_YEAR = dt.date.today().year

Edit = Callable[[str], str]


def sub(*pairs: tuple[str, str]) -> Edit:
    """An edit replacing each `old` (which must occur once) by its `new`, in order."""

    def edit(text: str) -> str:
        for old, new in pairs:
            text = replace_once(text, old, new)
        return text

    return edit


def append(extra: str) -> Edit:
    return lambda text: text + extra


@dataclass(frozen=True)
class Expect:
    """A problem expected on the line of `needle` (or on the header of its table)."""

    code: str
    needle: str
    occurrence: int = 0
    table: bool = False

    @property
    def severity(self) -> Severity:
        return Code(self.code).severity

    def line(self, text: str) -> int:
        find = table_line_of if self.table else line_of
        return find(text, self.needle, self.occurrence)


@dataclass(frozen=True)
class Defect:
    name: str
    edit: Edit
    expected: tuple[Expect, ...]

    def text(self) -> str:
        return self.edit(BASE_TOML)

    def expected_problems(self) -> list[tuple[str, int]]:
        """(code, line) pairs in the order the report sorts them."""
        text = self.text()
        return sorted(((e.code, e.line(text)) for e in self.expected), key=lambda p: (p[1], p[0]))

    @property
    def has_errors(self) -> bool:
        return any(e.severity is Severity.ERROR for e in self.expected)


ONE_SOURCE = """
[[sources]]
id = "{id}"
title = "Another report"
publisher = "Another publisher"
url = "https://example.org/{id}"
language = "en"
"""

ONE_INDICATOR = """
[[indicators]]
id = "{id}"
center = "trade"
name = "Port throughput, second count"
unit = "million TEU"
kind = "flow"
direction = "higher"
description = "Containers handled, from a second count."
"""

ONE_OBSERVATION = """
[[indicators.observations]]
year = 2022
value = 47.3
source = "port-bulletin"
quote = "In 2022 the port handled 47.3 million TEUs."
"""

# The base dataset's Chinese name, and the keys that cite a source for one.
NAMED = 'name_zh = "全市生产总值"\n'
CITED = 'name_zh_source = "{source}"\nname_zh_quote = "{quote}"\n'

FUTURE = THIS_YEAR + 1
DEFECTS = [
    Defect(
        "toml-syntax-bad-number",
        sub(("value = 47.3\n", "value = 47.3.1\n")),
        (Expect("toml-syntax", "value = 47.3.1"),),
    ),
    Defect(
        "toml-syntax-unclosed-header",
        sub(("[[indicators.targets]]\nvalue = 3\n", "[[indicators.targets]\nvalue = 3\n")),
        # The broken header is the last targets header (the earlier ones are substrings' matches).
        (Expect("toml-syntax", "[[indicators.targets]", occurrence=-1),),
    ),
    Defect(
        "toml-syntax-duplicate-key",
        sub(('unit = "%"\nkind = "growth"', 'unit = "%"\nunit = "%"\nkind = "growth"')),
        (Expect("toml-syntax", 'unit = "%"', occurrence=-1),),
    ),
    Defect(
        "toml-syntax-after-line-separator",
        sub(
            (
                'description = "Growth of regional GDP at constant prices."',
                'description = "Growth of GDP\u2028at constant prices."',
            ),
            ("value = 5.0\n", "value = 5.0 5\n"),
        ),
        (Expect("toml-syntax", "value = 5.0 5"),),
    ),
    Defect(
        "invisible-character-bidi-in-title",
        sub(('title = "Shanghai Port Annual Bulletin"', 'title = "Shanghai Port \u202eAnnual Bulletin"')),
        (Expect("invisible-character", 'title = "Shanghai Port \u202eAnnual Bulletin"'),),
    ),
    Defect(
        "invisible-character-zero-width-in-name",
        sub(('name = "Real GDP growth"', 'name = "Real GDP\u200bgrowth"')),
        (Expect("invisible-character", 'name = "Real GDP\u200bgrowth"'),),
    ),
    Defect(
        "zero-width-character-in-quote",
        sub(("reach at least 47 million TEUs", "reach at least 47\u200b million TEUs")),
        (Expect("zero-width-character", "reach at least 47\u200b million TEUs"),),
    ),
    Defect(
        "line-break-in-field-escaped",
        sub(('unit = "place"', 'unit = "place\\nFORGED LINE"')),
        (Expect("line-break-in-field", 'unit = "place\\nFORGED LINE"'),),
    ),
    Defect(
        "line-break-in-field-line-separator",
        sub(('publisher = "Hellenic Shipping News"', 'publisher = "Hellenic\u2029Shipping News"')),
        (Expect("line-break-in-field", 'publisher = "Hellenic\u2029Shipping News"'),),
    ),
    Defect(
        "line-break-in-field-multi-line-string",
        sub(('label = "Shipping Center 14th Five-Year Plan"', 'label = """Shipping Center\n14th Five-Year Plan"""')),
        (Expect("line-break-in-field", 'label = """Shipping Center'),),
    ),
    Defect(
        "unknown-key-vlaue",
        sub(("value = 47.3\n", "vlaue = 47.3\n")),
        (Expect("unknown-key", "vlaue = 47.3"), Expect("missing-field", "vlaue = 47.3", table=True)),
    ),
    Defect(
        "unknown-key-top-level",
        append("\n[metadata]\nversion = 1\n"),
        (Expect("unknown-key", "[metadata]"),),
    ),
    Defect(
        "unknown-key-after-line-separator",
        sub(
            (
                'description = "Growth of regional GDP at constant prices."',
                'description = "Growth of GDP\u2028at constant prices."',
            ),
            ('unit = "place"', 'unti = "place"'),
        ),
        (Expect("unknown-key", 'unti = "place"'), Expect("missing-field", 'unti = "place"', table=True)),
    ),
    Defect(
        "missing-field-unit",
        sub(('unit = "million TEU"\n', "")),
        (Expect("missing-field", 'id = "container-throughput"', table=True),),
    ),
    Defect(
        "wrong-type-string-value",
        sub(("value = 47.3\n", 'value = "47.3"\n')),
        (Expect("wrong-type", 'value = "47.3"'),),
    ),
    Defect(
        "wrong-type-bool-year",
        sub(("year = 2022\n", "year = true\n")),
        (Expect("wrong-type", "year = true"),),
    ),
    Defect(
        "wrong-type-string-headline",
        sub(("headline = true", 'headline = "yes"')),
        (Expect("wrong-type", 'headline = "yes"'),),
    ),
    Defect(
        "unknown-center",
        sub(('center = "shipping"', 'center = "harbour"')),
        (Expect("unknown-center", 'center = "harbour"'),),
    ),
    Defect(
        "unknown-center-alias-is-for-the-cli-only",
        sub(('center = "economic"', 'center = "economy"')),
        (Expect("unknown-center", 'center = "economy"'),),
    ),
    Defect(
        "invalid-value-kind",
        sub(('kind = "flow"', 'kind = "flows"')),
        (Expect("invalid-value", 'kind = "flows"'),),
    ),
    Defect(
        "invalid-value-direction",
        sub(('direction = "lower"', 'direction = "down"')),
        (Expect("invalid-value", 'direction = "down"'),),
    ),
    Defect(
        "invalid-value-status",
        sub(('status = "derived"', 'status = "computed"')),
        (Expect("invalid-value", 'status = "computed"'),),
    ),
    Defect(
        "invalid-value-qualifier",
        sub(('qualifier = "about"', 'qualifier = "roughly"')),
        (Expect("invalid-value", 'qualifier = "roughly"'),),
    ),
    Defect(
        "invalid-value-comparator",
        sub(('comparator = "at-most"', 'comparator = "below"')),
        (Expect("invalid-value", 'comparator = "below"'),),
    ),
    Defect(
        "invalid-value-language",
        sub(('language = "en"\n\n[[sources]]', 'language = "English!"\n\n[[sources]]')),
        (Expect("invalid-value", 'language = "English!"'),),
    ),
    Defect(
        "invalid-id-indicator",
        sub(('id = "gdp-growth"', 'id = "GDP_growth"')),
        (Expect("invalid-id", 'id = "GDP_growth"'),),
    ),
    Defect(
        "invalid-id-cited-source",
        sub(('source = "port-bulletin"\nquote = "全年', 'source = "Port Bulletin"\nquote = "全年')),
        (Expect("invalid-id", 'source = "Port Bulletin"'),),
    ),
    Defect(
        "duplicate-id-source",
        append(ONE_SOURCE.format(id="shipping-plan")),
        (Expect("duplicate-id", 'id = "shipping-plan"', occurrence=-1),),
    ),
    Defect(
        "duplicate-id-indicator",
        append(ONE_INDICATOR.format(id="gdp-growth") + ONE_OBSERVATION),
        (Expect("duplicate-id", 'id = "gdp-growth"', occurrence=-1),),
    ),
    Defect(
        "unknown-source",
        sub(('source = "port-bulletin"\nquote = "全年', 'source = "statistics-bureau"\nquote = "全年')),
        (Expect("unknown-source", 'source = "statistics-bureau"'),),
    ),
    Defect(
        "unused-source",
        append(ONE_SOURCE.format(id="unused-report")),
        (Expect("unused-source", 'id = "unused-report"'),),
    ),
    # Chinese names: a name cites its own source and words, or stands in one of the indicator's quotes.
    Defect(
        "chinese-name-in-none-of-the-quotes",
        sub(('name_zh = "全市生产总值"', 'name_zh = "地区生产总值"')),
        (Expect("chinese-name-not-in-quote", 'name_zh = "地区生产总值"'),),
    ),
    Defect(
        "chinese-name-in-traditional-characters",
        sub(('name_zh = "全市生产总值"', 'name_zh = "全市生產總值"')),
        (Expect("chinese-name-not-in-quote", 'name_zh = "全市生產總值"'),),
    ),
    Defect(
        "chinese-name-not-in-its-quote",
        sub((NAMED, NAMED + CITED.format(source="port-bulletin", quote="上海科技集群排名升至全球第五"))),
        (Expect("chinese-name-not-in-quote", 'name_zh_quote = "上海科技集群排名升至全球第五"'),),
    ),
    Defect(
        "chinese-name-cited-is-fine",
        sub((NAMED, NAMED + CITED.format(source="port-bulletin", quote="全年全市生产总值比上年增长5.0%"))),
        (),
    ),
    Defect(
        "chinese-name-source-is-used",
        lambda text: (
            sub((NAMED, NAMED + CITED.format(source="names-report", quote="全市生产总值")))(text)
            + ONE_SOURCE.format(id="names-report")
        ),
        (),
    ),
    Defect(
        "chinese-name-source-of-a-broken-indicator-is-still-cited",
        lambda text: (
            sub(
                (NAMED, NAMED + CITED.format(source="names-report", quote="全市生产总值")),
                ('kind = "growth"', 'kind = "growths"'),
            )(text)
            + ONE_SOURCE.format(id="names-report")
        ),
        (Expect("invalid-value", 'kind = "growths"'),),
    ),
    Defect(
        "chinese-name-source-unknown",
        sub((NAMED, NAMED + CITED.format(source="names-report", quote="全市生产总值"))),
        (Expect("unknown-source", 'name_zh_source = "names-report"'),),
    ),
    Defect(
        "chinese-name-quote-not-in-document",
        sub((NAMED, NAMED + CITED.format(source="port-bulletin", quote="全市生产总值增长"))),
        (Expect("quote-not-in-document", 'name_zh_quote = "全市生产总值增长"'),),
    ),
    Defect(
        "incomplete-name-citation-without-quote",
        sub((NAMED, NAMED + 'name_zh_source = "port-bulletin"\n')),
        (Expect("incomplete-name-citation", 'name_zh_source = "port-bulletin"'),),
    ),
    Defect(
        "incomplete-name-citation-without-name",
        sub((NAMED, 'name_zh_quote = "全年全市生产总值比上年增长5.0%"\n')),
        (Expect("incomplete-name-citation", 'name_zh_quote = "全年全市生产总值比上年增长5.0%"'),),
    ),
    Defect(
        "duplicate-year",
        sub(("year = 2022\n", "year = 2023\n")),
        (Expect("duplicate-year", "year = 2023", occurrence=1),),
    ),
    Defect(
        "multiple-used-values",
        sub(
            ("year = 2022\nvalue = 47.3\n", "year = 2023\nvalue = 47.3\nrevision = true\n"),
            ("year = 2023\nvalue = 49\n", "year = 2023\nvalue = 49\nrevision = true\n"),
        ),
        (Expect("multiple-used-values", "year = 2023", occurrence=1),),
    ),
    Defect(
        "no-used-value",
        sub(
            ("year = 2022\nvalue = 47.3\n", "year = 2023\nvalue = 47.3\nrevision = true\nused = false\n"),
            ("year = 2023\nvalue = 49\n", "year = 2023\nvalue = 49\nrevision = true\nused = false\n"),
        ),
        (Expect("no-used-value", "used = false", occurrence=-1),),
    ),
    Defect(
        "year-out-of-range-future-observation",
        sub(("year = 2023\nvalue = 5.0\n", f"year = {FUTURE}\nvalue = 5.0\n")),
        (Expect("year-out-of-range", f"year = {FUTURE}"),),
    ),
    Defect(
        "year-out-of-range-before-1949",
        sub(("year = 2023\nvalue = 4.4\n", "year = 1900\nvalue = 4.4\n")),
        (Expect("year-out-of-range", "year = 1900"),),
    ),
    Defect(
        "year-out-of-range-deadline",
        sub(("deadline = 2030", "deadline = 2101")),
        (Expect("year-out-of-range", "deadline = 2101"),),
    ),
    Defect("target-deadline-in-future-is-fine", sub(("deadline = 2030", f"deadline = {THIS_YEAR + 10}")), ()),
    Defect(
        "date-in-future",
        sub(("published = 2024-01-15", f"published = {FUTURE}-01-15")),
        (Expect("date-in-future", f"published = {FUTURE}-01-15"),),
    ),
    Defect(
        "not-finite-nan",
        sub(("value = 4.4\n", "value = nan\n")),
        (Expect("not-finite", "value = nan"),),
    ),
    Defect(
        "not-finite-inf-target",
        sub(("value = 47\n", "value = inf\n")),
        (Expect("not-finite", "value = inf"),),
    ),
    Defect(
        "negative-value",
        sub(("value = 47.3\n", "value = -47.3\n")),
        (Expect("negative-value", "value = -47.3"),),
    ),
    Defect(
        "negative-baseline",
        sub(("baseline_value = 43.5", "baseline_value = -43.5")),
        (Expect("negative-value", "baseline_value = -43.5"),),
    ),
    Defect("negative-growth-is-fine", sub(("value = 5.0\n", "value = -5.0\n")), ()),
    Defect(
        "percent-out-of-range",
        sub(("value = 4.4\n", "value = 440\n")),
        (Expect("percent-out-of-range", "value = 440"),),
    ),
    Defect(
        "invalid-rank-zero",
        sub(("value = 3\n", "value = 0\n")),
        (Expect("invalid-rank", "value = 0"),),
    ),
    Defect(
        "invalid-rank-fraction",
        sub(("value = 3\n", "value = 2.5\n")),
        (Expect("invalid-rank", "value = 2.5"),),
    ),
    Defect(
        "quote-not-in-document",
        sub(("ranked 5th among global", "ranked 5th among all")),
        (Expect("quote-not-in-document", "ranked 5th among all"),),
    ),
    Defect(
        "document-not-found",
        sub(('document = "seeds/port-bulletin.txt"', 'document = "seeds/missing.txt"')),
        (Expect("document-not-found", 'document = "seeds/missing.txt"'),),
    ),
    Defect(
        "value-not-in-quote",
        sub(("value = 47.3\n", "value = 47.4\n")),
        (Expect("value-not-in-quote", 'quote = "In 2022 the port handled', occurrence=1),),
    ),
    Defect(
        "derived-value-need-not-be-in-quote",
        sub(("value = 47.3\n", 'value = 47.4\nstatus = "derived"\nderived_from = ["two half-year figures"]\n')),
        (),
    ),
    Defect(
        "derived-without-inputs",
        sub(
            (
                'derived_from = [\n  "2022 throughput (47.3, port-bulletin)",\n'
                '  "growth in 2022 [port-bulletin]",\n]\n',
                "",
            )
        ),
        (Expect("derived-without-inputs", 'status = "derived"', table=True),),
    ),
    Defect(
        "inputs-without-derived",
        sub(('status = "derived"', 'status = "estimate"')),
        (
            Expect("inputs-without-derived", "derived_from = ["),
            Expect("value-not-in-quote", 'quote = "In 2022 the port handled'),
        ),
    ),
    Defect(
        "target-years-inconsistent-set-in",
        sub(("set_in = 2021", "set_in = 2026")),
        (Expect("target-years-inconsistent", "set_in = 2026"),),
    ),
    Defect(
        "target-years-inconsistent-baseline",
        sub(("baseline_year = 2020", "baseline_year = 2030")),
        (Expect("target-years-inconsistent", "baseline_year = 2030"),),
    ),
    Defect(
        "incomplete-baseline",
        sub(("baseline_value = 43.5\n", "")),
        (Expect("incomplete-baseline", "baseline_year = 2020", table=True),),
    ),
    Defect(
        "comparator-against-direction",
        sub(('comparator = "at-least"', 'comparator = "at-most"')),
        (Expect("comparator-against-direction", 'comparator = "at-most"'),),
    ),
    Defect(
        "control-character",
        sub(('name = "Real GDP growth"', 'name = "Real GDP \\u001b[31mgrowth"')),
        (Expect("control-character", 'name = "Real GDP \\u001b'),),
    ),
    Defect(
        "source-without-location",
        sub(('url = "https://example.org/shipping-plan"\n', "")),
        (Expect("source-without-location", 'id = "shipping-plan"', table=True),),
    ),
    Defect(
        "empty-string",
        sub(('label = "Shipping Center 14th Five-Year Plan"', 'label = ""')),
        (Expect("empty-string", 'label = ""'),),
    ),
    Defect(
        "no-observations",
        append(ONE_INDICATOR.format(id="port-trade")),
        (Expect("no-observations", 'id = "port-trade"', table=True),),
    ),
    Defect(
        "break-without-note",
        sub(("year = 2022\nvalue = 47.3\n", "year = 2022\nvalue = 47.3\nseries_break = true\n")),
        (Expect("break-without-note", "series_break = true"),),
    ),
    Defect(
        "as-of-outside-year",
        sub(("year = 2022\nvalue = 47.3\n", 'year = 2022\nvalue = 47.3\nas_of = "2023-06"\n')),
        (Expect("as-of-outside-year", 'as_of = "2023-06"'),),
    ),
    Defect(
        "corroboration-as-revision",
        sub(
            (
                'year = 2022\nvalue = 47.3\nsource = "port-bulletin"\n',
                'year = 2022\nvalue = 47.3\nrevision = true\nused = false\nsource = "shipping-plan"\n'
                'quote = "47.3 million TEUs"\n\n[[indicators.observations]]\nyear = 2022\nvalue = 47.3\n'
                'revision = true\nsource = "port-bulletin"\n',
            )
        ),
        (Expect("corroboration-as-revision", "revision = true", occurrence=1),),
    ),
    Defect(
        "duplicate-target",
        append(
            '\n[[indicators.targets]]\nvalue = 3\ncomparator = "about"\ndeadline = 2030\n'
            'source = "port-bulletin"\nquote = "rank among the top 3 clusters by 2030"\n'
        ),
        (Expect("duplicate-target", "value = 3", occurrence=1),),
    ),
    Defect(
        "unit-mismatch",
        sub(("reach at least 47 million TEUs by 2025", "reach at least 47 thousand TEUs by 2025")),
        (Expect("unit-mismatch", "47 thousand TEUs"),),
    ),
]
