"""Splicing a record into the text: where it goes, what else changes, and line ends as the file has them."""

from __future__ import annotations

import tomllib

import pytest

from fivecenters.core.canonical import record_block
from fivecenters.core.splice import SpliceError, splice
from tests.support.sample import SAMPLE

GDP = ("indicators", 0, "observations")
NEW = {"year": 2024, "value": 5.39, "source": "port-bulletin", "quote": "q"}


def added(text: str, index: int = 1, count: int = 1, updates=()) -> str:
    return splice(text, GDP, index, count, record_block(NEW, GDP), updates)


def test_the_record_is_the_only_new_text() -> None:
    text = added(SAMPLE)
    assert tomllib.loads(text)["indicators"][0]["observations"][1] == NEW
    assert text.replace("\n" + record_block(NEW, GDP), "", 1) == SAMPLE


def test_a_file_with_crlf_line_ends_keeps_them() -> None:
    text = added(SAMPLE.replace("\n", "\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    assert tomllib.loads(text)["indicators"][0]["observations"][1] == NEW


def test_a_file_without_a_final_line_end_takes_a_record_at_its_end() -> None:
    targets = ("indicators", 1, "targets")
    target = {"value": 50, "comparator": "at-least", "deadline": 2030, "source": "plan-2021", "quote": "q"}
    text = splice(SAMPLE.rstrip("\n"), targets, 1, 1, record_block(target, targets))
    assert tomllib.loads(text)["indicators"][1]["targets"][1] == target
    assert text.endswith('quote = "q"')


def test_a_flag_already_written_is_changed_in_place() -> None:
    text = SAMPLE.replace("value = 4.47\n", "value = 4.47\nused = true  # for now\n")
    updates = [((*GDP, 0), "used", False), ((*GDP, 0), "revision", True)]
    new = added(text, updates=updates)
    assert "used = false  # for now\n" in new and "used = true" not in new
    assert new.index("revision = true") < new.index("used = false")
    assert tomllib.loads(new)["indicators"][0]["observations"][0]["revision"] is True


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE.replace("value = 4.47\n", "value = 4.47\nused = 1\n"),  # not a flag fc can flip
        # no key that `used` goes before (derived_from, source, quote, note)
        SAMPLE.replace('source = "port-bulletin"\nquote = "GDP reached 4.47 trillion yuan in 2022"\n', ""),
    ],
    ids=["not-a-boolean", "no-key-after"],
)
def test_a_record_fc_cannot_edit_in_place_is_refused(text: str) -> None:
    record = ("indicators", 0, "observations", 0)
    with pytest.raises(SpliceError):
        splice(text, GDP, 1, 1, record_block(NEW, GDP), [(record, "used", False)])
