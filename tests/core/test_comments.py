"""Canonical form keeps comments: each stays with the table or key it precedes, inline ones on their line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.canonical import format_text
from fivecenters.core.errors import EditError
from tests.support.commented import BEFORE_INDICATOR, INLINE, LEADING, hand_written
from tests.support.sample import SAMPLE


def test_a_comment_moves_with_its_record() -> None:
    text = SAMPLE.replace('[[sources]]\nid = "plan-2021"', '# the plan\n[[sources]]\nid = "zz-plan"').replace(
        'source = "plan-2021"', 'source = "zz-plan"'
    )
    formatted = format_text(text, "x.toml")
    assert '# the plan\n[[sources]]\nid = "zz-plan"' in formatted
    assert formatted.index('id = "port-bulletin"') < formatted.index("# the plan")


def test_a_comment_moves_with_its_key_and_a_commented_default_stays() -> None:
    text = SAMPLE.replace('title = "Shipping center plan"\n', "").replace(
        'language = "en"\n', '# checked against the print edition\ntitle = "Shipping center plan"\nlanguage = "en"\n', 1
    )
    text = text.replace("value = 4.47\n", 'value = 4.47\nstatus = "final"  # not preliminary\n')
    formatted = format_text(text, "x.toml")
    assert (
        'id = "plan-2021"\n# checked against the print edition\ntitle = "Shipping center plan"\npublisher' in formatted
    )
    assert 'value = 4.47\nstatus = "final"  # not preliminary\nsource' in formatted
    assert format_text(formatted, "x.toml") == formatted


def test_comments_in_an_array_go_above_its_key_and_the_last_ones_stay_last() -> None:
    text = (
        SAMPLE.replace(
            'quote = "GDP reached 4.47 trillion yuan in 2022"\n',
            'quote = "GDP reached 4.47 trillion yuan in 2022"\nnote = [\n  "a",  # first\n  # second\n  "b",\n]\n',
        )
        + "\n# end of file\n"
    )
    formatted = format_text(text, "x.toml")
    assert "# first\n# second\nnote = [\n" in formatted
    assert formatted.endswith('quote = "at least 47 million TEUs by 2025"\n\n# end of file\n')


def test_a_header_comment_stays_on_its_header() -> None:
    text = SAMPLE.replace("[[indicators.targets]]\n", "[[indicators.targets]]  # from the plan\n")
    assert "[[indicators.targets]]  # from the plan\n" in format_text(text, "x.toml")


def test_a_comment_fc_cannot_place_is_refused_not_dropped() -> None:
    """Out-of-order tables are TOML; tomlkit reads them as proxies that this placement does not follow."""
    text = "[a]\nx = 1\n[b]\ny = 2\n[a.c]  # here\nz = 3\n"
    try:
        formatted = format_text(text, "x.toml")
    except EditError as exc:
        assert "fc cannot place the comments" in str(exc)
    else:
        assert "# here" in formatted


def test_a_comment_in_a_string_is_no_comment() -> None:
    text = SAMPLE.replace('description = "Output of the city."', 'description = "Output # of the city."')
    assert format_text(text, "x.toml") == text


SAMPLE_LINES = SAMPLE.split("\n")


@given(
    above=st.sets(st.integers(0, len(SAMPLE_LINES) - 2), max_size=6),
    inline=st.sets(st.sampled_from([n for n, line in enumerate(SAMPLE_LINES) if " = " in line]), max_size=4),
)
def test_every_comment_survives_and_formatting_twice_changes_nothing(above: set[int], inline: set[int]) -> None:
    lines = list(SAMPLE_LINES)
    for number in sorted(inline):
        lines[number] += f"  # inline {number}"
    for number in sorted(above, reverse=True):
        lines.insert(number, f"# above {number}")
    text = "\n".join(lines)
    formatted = format_text(text, "x.toml")
    comments = sorted(line[line.index("#") :] for line in text.split("\n") if "#" in line)
    assert sorted(line[line.index("#") :] for line in formatted.split("\n") if "#" in line) == comments
    assert format_text(formatted, "x.toml") == formatted
    for number in inline:  # an inline comment stays on the line of its key
        assert f"{SAMPLE_LINES[number]}  # inline {number}" in formatted


@pytest.mark.parametrize("comment", [LEADING, BEFORE_INDICATOR, INLINE])
def test_the_hand_written_file_holds_each_kind_of_comment(comment: str) -> None:
    assert hand_written().count(comment) == 1
