"""`-f markdown` pastes: a real Markdown parser (markdown-it-py) reads every reading command's tables,
and their cells say what the command's JSON record says (end to end: the commands give both)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.support.reading import fc_reading

Table = list[dict[str, str]]
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def tables(text: str) -> dict[str, Table]:
    """Each table under its heading, as rows of {column: cell text}, the way a Markdown renderer reads them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    found: dict[str, Table] = {}
    heading = ""
    row: list[str] = []
    header: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = _text(tokens[index + 1])
        elif token.type == "table_open":
            found[heading] = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            row.append(_text(token))
        elif token.type == "tr_close":
            if tokens[index - 1].type == "th_close":
                header = row
            else:
                assert len(row) == len(header), f"a row of {len(row)} cells under {len(header)} columns"
                found[heading].append(dict(zip(header, row, strict=True)))
    return found


def _text(token: Token) -> str:
    """What a reader sees in a cell: the text of its inline tokens, markup removed."""
    shown = ("text", "text_special", "code_inline")  # text_special: an entity such as &gt;, decoded
    return "".join(child.content for child in token.children or [] if child.type in shown)


def numbers(cell: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(cell)]


def output(*args: str) -> tuple[str, Any]:
    """The command's Markdown and its JSON record."""
    shown = fc_reading(*args, "-f", "markdown")
    record = fc_reading(*args, "-f", "json")
    assert shown.exit_code == 0 and record.exit_code == 0, shown.output
    return shown.stdout, json.loads(record.stdout)


def close(cell: str, *expected: float) -> bool:
    """The cell shows these numbers, to the precision it prints them at (at most three decimals)."""
    shown = numbers(cell)
    return len(shown) == len(expected) and all(abs(s - e) < 0.0006 for s, e in zip(shown, expected, strict=True))


@pytest.mark.parametrize(
    "args",
    [("show",), ("show", "shipping"), ("compare", "2022", "2023"), ("progress",), ("info", "gdp"), ("sources",)],
)
def test_no_cell_shows_an_escaped_newline(args: tuple[str, ...]) -> None:
    text, _ = output(*args)
    assert "\\n" not in text, "a stacked cell must not show a literal \\n"
    assert tables(text), "the output has tables"


def test_show_of_a_center_matches_its_records() -> None:
    text, records = output("show", "shipping")
    [table] = tables(text).values()
    assert len(table) == len(records)
    for row, record in zip(table, records, strict=True):
        latest = record["latest"]
        assert row["Indicator"].startswith(record["name"])
        assert close(row["Latest"], latest["value"], latest["year"]), row["Latest"]
        assert row["Source"] == latest["source"]


def test_overview_matches_its_records() -> None:
    text, records = output("show")
    found = tables(text)
    for center in records:
        table = found[center["title"]]
        assert len(table) == len(center["indicators"])
        for row, record in zip(table, center["indicators"], strict=True):
            assert row["Indicator"].startswith(record["name"])
            assert close(row["Latest"], record["latest"]["value"]) and row["Year"] == str(record["latest"]["year"])


def test_compare_matches_its_records() -> None:
    text, record = output("compare", "2022", "2023")
    rows = [row for table in tables(text).values() for row in table]
    assert len(rows) == len(record["rows"])
    for row in rows:
        [expected] = [r for r in record["rows"] if row["Indicator"].startswith(r["name"])]
        for column, point in ((row["2022"], expected["first"]), (row["2023"], expected["second"])):
            assert close(column, point["value"]) if point else column == "—", row


def test_progress_matches_its_records() -> None:
    text, records = output("progress")
    rows = [row for table in tables(text).values() for row in table]
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["Status"] == record["status"]
        assert close(row["Latest"], record["latest"]["value"], record["latest"]["year"]), row
        assert close(row["Target"], record["target"]["value"], record["target"]["deadline"]), row


def test_info_matches_its_record() -> None:
    text, record = output("info", "gdp")
    observations = tables(text)["Observations"]
    assert [(int(r["Year"]), r["Source"]) for r in observations] == [
        (o["year"], o["source"]) for o in record["observations"]
    ]
    for row, obs in zip(observations, record["observations"], strict=True):
        assert close(row["Value"], obs["value"]), row
        assert obs["quote"] in row["Quote"]


def test_sources_match_their_records() -> None:
    text, records = output("sources")
    [table] = tables(text).values()
    assert [r["Id"] for r in table] == [r["id"] for r in records]
    for row, record in zip(table, records, strict=True):
        assert record["title"] in row["Source"] and record["publisher"] in row["Source"]
        assert row["Cited by"] == (", ".join(record["cited_by"]) or "nothing")
