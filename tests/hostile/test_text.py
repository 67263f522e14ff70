"""Every printed path and every shown text passes the printable guard; Markdown carries no raw HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.base import BASE_TOML, WriteData, replace_once
from tests.support.run import fc
from tests.support.sample import SAMPLE, added_observation, make_data

EVIL = "evil\x1b]0;owned\x07\u202egol.toml"  # an OSC title sequence and a right-to-left override
RAW = re.compile("[\x1b\x07\u202e]")
UNCANONICAL = SAMPLE.replace('title = "Shipping center plan"\n', "", 1).replace(
    'language = "en"\n', 'language = "en"\ntitle = "Shipping center plan"\n', 1
)
SHOWN = "evil\\x1b]0;owned\\x07\\u202egol.toml"


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    return make_data(tmp_path, UNCANONICAL).rename(tmp_path / EVIL)


def assert_guarded(*outputs: str) -> None:
    joined = "".join(outputs)
    assert not RAW.search(joined), joined
    assert SHOWN in joined


def test_fmt_prints_the_path_escaped(evil: Path) -> None:
    result = fc("fmt", evil)
    assert result.exit_code == 0
    assert_guarded(result.stdout)


def test_fmt_check_prints_the_path_escaped(evil: Path) -> None:
    result = fc("fmt", "--check", evil)
    assert result.exit_code == 1
    assert_guarded(result.stdout, result.stderr)


def test_add_prints_the_path_escaped(evil: Path) -> None:
    result = fc(*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data", evil)
    assert result.exit_code == 0, result.output
    assert_guarded(result.stdout)
    evil.chmod(0o444)
    refused = fc(*added_observation("5.4", "GDP reached 5.4 trillion yuan in 2025", year=2025), "--data", evil)
    assert refused.exit_code == 1
    assert_guarded(refused.stderr)


def test_an_output_path_is_printed_escaped(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    result = fc("export", "-o", tmp_path / EVIL, "--data", data)
    assert result.exit_code == 0
    assert_guarded(result.stderr)


def test_validate_json_escapes_invisible_characters(evil: Path) -> None:
    result = fc("validate", "--format", "json", evil)
    assert not RAW.search(result.stdout)
    assert json.loads(result.stdout)["reports"][0]["file"] == str(evil)


HTML = {
    'name = "Real GDP growth"': 'name = "<script>alert(1)</script>"',
    'title = "Shanghai Port Annual Bulletin"': 'title = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"',
}


@pytest.mark.parametrize(
    "command", [("show", "economic"), ("show",), ("info", "gdp-growth"), ("sources",), ("compare", "2022", "2023")]
)
def test_markdown_escapes_html(write_data: WriteData, command: tuple[str, ...]) -> None:
    text = BASE_TOML
    for old, new in HTML.items():
        text = replace_once(text, old, new)
    result = fc(*[*command, "--format", "markdown", "--data", str(write_data(text))])
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout and "<img" not in result.stdout
    assert not re.search(r"(?<!\\)\]\(javascript", result.stdout)
    if command[0] in ("info", "sources"):
        assert "&lt;img src=x onerror=alert(1)&gt;" in result.stdout or "&lt;script&gt;" in result.stdout


def test_zero_width_in_a_quote_is_a_warning_and_still_matches(write_data: WriteData) -> None:
    text = replace_once(BASE_TOML, "ranked 5th among global", "ranked 5th\u200b among global")
    result = fc(*["validate", str(write_data(text))])
    assert result.exit_code == 0
    assert "warning zero-width-character" in result.stdout
    assert "quote-not-in-document" not in result.stdout
    assert "\\u200b" not in result.stdout or "\u200b" not in result.stdout
