"""`fc add` edits the file in place: comments, blank lines and hand-made order survive,
and the diff of an add is the lines it adds; `fc fmt` keeps the comments."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fivecenters.core.canonical import format_text
from tests.support.commented import BEFORE_INDICATOR, INLINE, LEADING, hand_written, shuffled
from tests.support.run import fc
from tests.support.sample import SAMPLE, added_indicator, added_observation, make_data


def diff(old: str, new: str) -> list[str]:
    """The changed lines of a unified diff, without its headers."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def added(old: str, new: str) -> list[str]:
    changed = diff(old, new)
    assert all(line.startswith("+") for line in changed), changed
    return [line[1:] for line in changed]


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    return make_data(tmp_path, hand_written())


def test_add_keeps_every_comment_and_adds_only_its_lines(hand: Path) -> None:
    before = hand.read_text(encoding="utf-8")
    result = fc(*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data", hand)
    assert result.exit_code == 0, result.output
    after = hand.read_text(encoding="utf-8")
    record = [
        "[[indicators.observations]]",
        "year = 2024",
        "value = 5.39",
        'source = "port-bulletin"',
        'quote = "GDP reached 5.39 trillion yuan in 2024"',
    ]
    assert added(before, after) in ([*record, ""], ["", *record])  # difflib may match either blank line
    for comment in (LEADING, BEFORE_INDICATOR, INLINE):
        assert comment in after
    assert tomllib.loads(after)["indicators"][0]["observations"][-1]["year"] == 2024


def test_a_comment_stays_above_the_record_it_precedes(hand: Path) -> None:
    """The new indicator sorts just before the commented one: it goes above the comment."""
    before = hand.read_text(encoding="utf-8")
    result = fc(*added_indicator("air-cargo", "shipping"), "--data", hand)
    assert result.exit_code == 0, result.output
    after = hand.read_text(encoding="utf-8")
    assert "[[indicators]]" in added(before, after)
    assert BEFORE_INDICATOR + '[[indicators]]\nid = "container-throughput"' in after
    assert after.index('id = "air-cargo"') < after.index(BEFORE_INDICATOR)


def test_a_first_source_goes_below_the_file_comment(hand: Path) -> None:
    before = hand.read_text(encoding="utf-8")
    result = fc(
        "add-source", "aaa-first", "--title", "T", "--publisher", "P", "--language", "en",
        "--url", "https://example.org/a", "--data", hand,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = hand.read_text(encoding="utf-8")
    assert after.startswith(LEADING + '[[sources]]\nid = "aaa-first"')
    assert len(added(before, after)) == 7  # the header, five keys and a blank line


def test_a_revision_changes_only_the_flags_of_the_earlier_value(hand: Path) -> None:
    before = hand.read_text(encoding="utf-8")
    args = added_observation("5.14", "revision to 5.14 trillion", "--revision", year=2022)
    result = fc(*args, "--data", hand)
    assert result.exit_code == 0, result.output
    lines = added(before, hand.read_text(encoding="utf-8"))
    assert lines[:2] == ["revision = true", "used = false"]
    assert "revision = true" in lines[2:] and "value = 5.14" in lines


def test_targets_go_after_targets_and_observations_before_them(hand: Path) -> None:
    target = ["add-target", "container-throughput", "47", "--comparator", "at-least", "--deadline", "2030"]
    result = fc(*target, "--source", "plan-2021", "--quote", "at least 47 million TEUs by 2025", "--data", hand)
    assert result.exit_code == 0, result.output
    observation = added_observation(
        "51.5", "The port handled 51.5 million TEUs in 2024", indicator="container-throughput"
    )
    assert fc(*observation, "--data", hand).exit_code == 0
    text = hand.read_text(encoding="utf-8")
    assert text.index("year = 2023") < text.index("year = 2024") < text.index("deadline = 2025")
    assert text.index("deadline = 2025") < text.index("deadline = 2030")


def test_a_canonical_file_stays_canonical(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    for year, value in ((2024, "5.39"), (2021, "4.47")):
        quote = "GDP reached 5.39 trillion yuan in 2024" if year == 2024 else "GDP reached 4.47 trillion yuan in 2022"
        assert fc(*added_observation(value, quote, year=year), "--data", path).exit_code == 0
    assert fc(*added_indicator("air-cargo", "trade"), "--data", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(years=st.lists(st.integers(2000, 2021), min_size=1, max_size=4, unique=True), blank=st.booleans())
def test_any_sequence_of_adds_keeps_the_comments(
    tmp_path_factory: pytest.TempPathFactory, years: list[int], blank: bool
) -> None:
    text = hand_written().replace("\n\n", "\n\n\n" if blank else "\n\n")
    path = make_data(tmp_path_factory.mktemp("adds"), text)
    for year in years:
        args = added_observation("4.47", "GDP reached 4.47 trillion yuan in 2022", "--status", "estimate", year=year)
        result = fc(*args, "--data", path)
        assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert len(added(text, after)) == len(years) * 7  # a blank line, the header and five keys each
    gdp = tomllib.loads(after)["indicators"][0]["observations"]
    assert [o["year"] for o in gdp] == sorted([2022, *years])
    for comment in (LEADING, BEFORE_INDICATOR, INLINE):
        assert comment in after


def test_fmt_puts_a_commented_file_in_order_keeping_every_comment(tmp_path: Path) -> None:
    canonical = hand_written()
    path = make_data(tmp_path, shuffled(canonical))
    assert path.read_text(encoding="utf-8") != canonical
    result = fc("fmt", path)
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == canonical


def test_fmt_check_passes_a_canonical_file_with_comments(tmp_path: Path) -> None:
    path = make_data(tmp_path, hand_written())
    result = fc("fmt", "--check", path)
    assert (result.exit_code, result.output) == (0, "")


def test_comments_survive_an_add_then_fmt(hand: Path) -> None:
    assert fc(*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data", hand).exit_code == 0
    assert fc("fmt", "--check", hand).exit_code == 0  # the add put the record where fmt would
    hand.write_text(shuffled(hand.read_text(encoding="utf-8")), encoding="utf-8")
    assert fc("fmt", hand).exit_code == 0
    text = hand.read_text(encoding="utf-8")
    for comment in (LEADING, BEFORE_INDICATOR + "[[indicators]]", INLINE):
        assert text.count(comment) == 1


def test_a_layout_fc_cannot_add_to_is_refused_until_fmt(tmp_path: Path) -> None:
    """Observations written as an inline array: no [[...]] header to place one before or after."""
    quote = "GDP reached 4.47 trillion yuan in 2022"
    table = f'\n[[indicators.observations]]\nyear = 2022\nvalue = 4.47\nsource = "port-bulletin"\nquote = "{quote}"\n'
    inline = f'observations = [{{ year = 2022, value = 4.47, source = "port-bulletin", quote = "{quote}" }}]\n'
    path = make_data(tmp_path, SAMPLE.replace("headline = true\n" + table, "headline = true\n" + inline))
    before = path.read_bytes()
    args = [*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data", path]
    refused = fc(*args)
    assert refused.exit_code == 1
    assert (
        refused.stderr == "fc: error: fc cannot add to this file's layout in place; run fc fmt on it, then try again\n"
    )
    assert path.read_bytes() == before
    assert fc("fmt", path).exit_code == 0
    assert fc(*args).exit_code == 0
