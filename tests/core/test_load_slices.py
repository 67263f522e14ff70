"""Parsing a file a slice of records at a time gives what one parse of the whole file gives, or falls back to it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fivecenters.core import validate
from fivecenters.core.load import parse_slice, record_slices, text_lines
from fivecenters.core.locator import Locator
from tests.support.base import BASE_TOML, WriteData
from tests.support.defects import DEFECTS, Defect


def sliced(text: str, size: int = 0) -> dict[str, Any] | None:
    """The tables of `text` parsed slice by slice and joined; None when it must be parsed whole."""
    data = text.encode("utf-8")
    if (parts := record_slices(data, size)) is None:
        return None
    joined: dict[str, Any] = {}
    for part in parts:
        if (parsed := parse_slice(data, part)) is None:
            return None
        for key, records in parsed[1].items():
            joined.setdefault(key, []).extend(records)
    return joined


def whole(text: str) -> dict[str, Any] | str:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return f"error: {exc}"


# Documents made of records, with what could fool a cut at their headers: headers inside multi-line
# strings and arrays, tables and keys that reach another record or the top level, dotted keys,
# inline tables, arrays of tables with sub-tables, comments, CRLF; then perhaps a line that breaks
# the syntax or the structure, anywhere.
TABLES = ("sources", "indicators", "benchmarks")
HEADERS = ("[[{}]]", " [[ {} ]]  # a comment", "[[{}]]\r", "[[{}]]#")
INNER = ("[{}.meta]", "[ {} . meta ]", "[{}.meta.deep]", "[[{}.observations]]", "[[{}.observations.x]]")
VALUES = (
    *("id = 1", "id = 2", "a.b = 3", "a.c = 4", "a = {b = 5}", "t = {x = 1}", "t.y = 2", "meta.z = 5", "v = 'a'"),
    *("observations = [{year = 1}]", 'q = "[[sources]]"', "q = '[[sources]]'", "note = '''x'''", "arr = [1, 2]"),
    *("# [[sources]]", "#", "", "  ", "\u00e9 = '\u00e9'", '"key with spaces" = 1', "meta = {}"),
)
CONFUSING = (*(h.format(t) for h in HEADERS for t in TABLES), "[sources]", "[other]", "[[indicators.targets]]")
STRAY = (
    *("[indicators]", "[sources]", "[other]", "[[other]]", '["indicators".x]', "[sources.x]", "sources = 1"),
    *("indicators.x = 1", "benchmarks = []", '"""', "'''", "list = [", "]", "=", "[[", "]]", "\\", "y = \x01"),
    *('x = """[[sources]]', "x = 1 [[sources]]", "[[sources]] x", "  [1, 2],", "id = 1"),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(["# preamble", "", "  # more"]), max_size=2))
    for table in draw(st.lists(st.sampled_from(TABLES), min_size=1, max_size=6)):
        lines.append(draw(st.sampled_from(HEADERS)).format(table))
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.integers(0, 9))
            if kind < 5:
                lines.append(draw(st.sampled_from(VALUES)))
            elif kind < 7:
                lines.append(draw(st.sampled_from(INNER)).format(table))
            else:  # a value over several lines, holding what looks like a header
                inside = draw(st.sampled_from(CONFUSING))
                opening = draw(st.sampled_from(['"""', "'''", "["]))
                closing = "]" if opening == "[" else opening
                lines += [f"k{len(lines)} = {opening}", f'  "{inside}",' if opening == "[" else inside, closing]
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(STRAY)))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from([0, 10, 40]))
@example('[[indicators]]\nquote = """\n[[indicators]]\nid = 1\n"""\n', 0)
@example("[[indicators]]\n[indicators.meta]\n[[indicators]]\n[indicators.meta]\n", 0)
@example("[[indicators]]\n[[sources]]\n[indicators.meta]\n", 0)
@example("benchmarks = []\n[[benchmarks]]\n", 0)
@example("[[indicators]]\nlist = [\n[[sources]]\n]\n", 0)
# A record header in a string, then a top-level table of that name: to be refused, or kept apart, as a whole.
@example('[[indicators]]\nk1 = """\n[[sources]]\n"""\n[sources.x]\nid = 1\n[[indicators]]', 40)
@example('[[indicators]]\nk1 = """\n[[sources]]\n"""\n[sources.x]\nid = 1\n[[sources]]', 40)
def test_slices_parse_to_the_whole_document_or_fall_back(text: str, size: int) -> None:
    """Wherever slices are used, they give what tomllib gives for the whole text; where tomllib
    finds an error, the file is parsed whole (so the error and its line are tomllib's)."""
    expected = whole(text)
    found = sliced(text, size)
    if isinstance(expected, str):
        assert found is None, expected
    elif found is not None:
        assert found == expected


def test_a_file_in_records_is_cut_at_its_headers_into_slices_of_about_the_size() -> None:
    records = "".join(f'[[sources]]\nid = "s{n}"\n' for n in range(100))
    data = records.encode()
    parts = record_slices(data, size=100)
    assert parts is not None and len(parts) > 5
    assert b"".join(data[part] for part in parts) == data
    assert all(data[part].startswith(b"[[sources]]") for part in parts)
    assert all(part.stop - part.start >= 100 for part in parts[:-1])
    assert sliced(records, 100) == tomllib.loads(records)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("title = 'x'\n[[sources]]\nid = 1\n", "a top-level key before the records"),
        ("[[sources]]\n[indicators.x]\n", "a table of another record table"),
        ("[[sources]]\n[other]\n", "a table outside the record tables"),
        ("[[sources]]\nlist = [\n  [1],\n]\n", "an array line that opens with a bracket"),
        ("\ufeff[[sources]]\n", "a byte-order mark"),
        ("# only a comment\n", "no record"),
    ],
)
def test_what_cannot_be_cut_safely_is_parsed_whole(text: str, reason: str) -> None:
    assert record_slices(text.encode(), size=0) is None, reason


def test_a_cut_inside_a_multi_line_string_does_not_parse_and_the_file_is_parsed_whole() -> None:
    text = '[[sources]]\nquote = """\n[[sources]]\n"""\n'
    parts = record_slices(text.encode(), size=0)
    assert parts is not None and len(parts) == 2  # it looks like two records
    assert parse_slice(text.encode(), parts[0]) is None
    assert sliced(text) is None
    assert tomllib.loads(text) == {"sources": [{"quote": "[[sources]]\n"}]}


def report_of(path: Path) -> tuple[Any, ...]:
    report, dataset = validate.validate_file(path)
    return report.problems, report.stats, dataset


# The base data holds a header inside a multi-line string (a trap for `Locator`), so it is parsed
# whole; without the header, it is cut at every record.
TRAP = "\n[[indicators]]\n'''\n"


def without_trap(text: str) -> str:
    return text.replace(TRAP, "\n'''\n", 1)


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.name)
@pytest.mark.parametrize("variant", [without_trap, str], ids=["sliced", "as-is"])
def test_every_broken_file_is_reported_as_when_parsed_whole(
    defect: Defect, variant: Any, write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems, their order, lines and counts: a slice per record gives what one parse gives."""
    path = write_data(variant(defect.text()))
    monkeypatch.setattr(validate, "record_slices", lambda data: record_slices(data, size=0))
    in_slices = report_of(path)
    monkeypatch.setattr(validate, "record_slices", lambda data: None)
    assert in_slices == report_of(path)


def test_the_base_data_is_cut_at_every_record_once_its_trap_is_gone(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus above compares slices with a whole parse only if its files are cut."""
    assert TRAP in BASE_TOML and sliced(BASE_TOML) is None
    text = without_trap(BASE_TOML)
    parts = record_slices(text.encode(), size=0)
    assert parts is not None and len(parts) == 1 + sum(map(len, tomllib.loads(text).values()))  # and the comments
    parsed: list[slice] = []

    def parse(data: bytes, part: slice) -> tuple[str, dict[str, Any]] | None:
        parsed.append(part)
        return parse_slice(data, part)

    monkeypatch.setattr(validate, "parse_slice", parse)
    monkeypatch.setattr(validate, "record_slices", lambda data: record_slices(data, size=0))
    report, dataset = validate.validate_file(write_data(text))
    assert dataset is not None and not report.problems
    assert parsed == parts


# --- positions in a large file ------------------------------------------------------------------


@given(st.text(st.sampled_from("ab\n\u00e9\u4e07\U0001f600\u2028\r"), max_size=60), st.integers(0, 12))
def test_lines_decoded_a_block_at_a_time_are_the_lines_of_the_text(text: str, block: int) -> None:
    assert list(text_lines(text.encode("utf-8"), block)) == text.split("\n")


def key_paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every key and array index of parsed TOML, as paths."""
    if isinstance(value, dict):
        return [*([path] if path else []), *(p for k, v in value.items() for p in key_paths(v, (*path, k)))]
    if isinstance(value, list):
        return [path, *(p for n, v in enumerate(value) for p in key_paths(v, (*path, n)))]
    return [path]


def test_a_locator_for_a_few_paths_finds_them_where_a_full_one_does() -> None:
    every = Locator(BASE_TOML)
    paths = [*key_paths(tomllib.loads(BASE_TOML)), ("indicators", 1, "no-such-key"), ("nowhere", 0)]
    for path in paths:
        assert Locator(text_lines(BASE_TOML.encode(), 64), wanted=[path]).locate(path) == every.locate(path), path
    few = Locator(BASE_TOML, wanted=paths[:3])
    assert few.headers == [] and [few.locate(p) for p in paths[:3]] == [every.locate(p) for p in paths[:3]]
