"""Linear time for every command: no quadratic diff, lookup or wrapping (asserted by behaviour, never by time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fivecenters.core import canonical
from fivecenters.output.fitting import MAX_SHOWN
from tests.support.base import BASE_TOML, WriteData, replace_once
from tests.support.run import fc


def test_a_crlf_file_shows_why_it_is_not_canonical(write_data: WriteData) -> None:
    path = write_data(BASE_TOML)
    canonical_text = canonical.format_text(BASE_TOML, str(path))
    path.write_bytes(canonical_text.replace("\n", "\r\n").encode("utf-8"))
    result = fc(*["fmt", "--check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2] == (
        "@@ only line ends differ: canonical form ends every line with LF (\\n), not CRLF @@"
    )
    assert fc(*["fmt", str(path)]).exit_code == 0
    assert path.read_bytes() == canonical_text.encode("utf-8")


def test_a_diff_past_the_cap_is_summed_up(write_data: WriteData, monkeypatch: pytest.MonkeyPatch) -> None:
    text = replace_once(  # a key out of its canonical order (fc fmt keeps comments)
        BASE_TOML,
        'title = "Shanghai Port Annual Bulletin"\npublisher = "Shanghai International Port Group"',
        'publisher = "Shanghai International Port Group"\ntitle = "Shanghai Port Annual Bulletin"',
    )
    monkeypatch.setattr(canonical, "MAX_DIFF_LINES", 10)
    result = fc(*["fmt", "--check", str(write_data(text))])
    assert result.exit_code == 1
    [summary] = result.stdout.splitlines()[2:]
    assert summary.startswith("@@ -") and "too many to show: run fc fmt, then git diff" in summary


@pytest.mark.parametrize("command", [["info", "container-throughput"], ["sources"]])
def test_a_very_long_string_is_cut_with_its_length_in_terminal_views(write_data: WriteData, command: list[str]) -> None:
    long_note = "x" * (MAX_SHOWN * 50)
    text = replace_once(BASE_TOML, 'note = "The bulletin gives no exact figure."', f'note = "{long_note}"')
    text = replace_once(text, 'reliability = "Trade-press', f'reliability = "{long_note} Trade-press')
    result = fc(*[*command, "--data", str(write_data(text))], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "x" * (MAX_SHOWN * 2) not in result.stdout.replace("\n", "").replace(" ", "").replace("│", "")
    assert "characters)" in result.stdout


def test_machine_output_is_never_cut(write_data: WriteData, tmp_path: Path) -> None:
    long_note = "y" * (MAX_SHOWN * 5)
    text = replace_once(BASE_TOML, 'note = "The bulletin gives no exact figure."', f'note = "{long_note}"')
    path = write_data(text)
    assert long_note in fc(*["info", "container-throughput", "-f", "json", "--data", str(path)]).stdout
