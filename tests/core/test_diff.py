"""What changed between two versions of the data: found once each, and nothing for a re-ordering."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.canonical import format_text
from fivecenters.core.diff import Diff, changes
from tests.support.commented import hand_written, shuffled
from tests.support.sample import SAMPLE
from tests.support.versions import NEW, OLD


def found(old: str, new: str) -> list[tuple[str, str, tuple]]:
    return [(c.kind, c.how, c.key) for c in changes(tomllib.loads(old), tomllib.loads(new))]


def test_each_change_is_found_once() -> None:
    assert sorted(found(OLD, NEW)) == sorted(
        [
            ("observation", "changed", ("gdp", 2022, 0)),
            ("observation", "added", ("container-throughput", 2024, 0)),
            ("target", "removed", ("container-throughput", 2025, 0)),
            ("source", "changed", ("port-bulletin",)),
        ]
    )


def test_a_changed_figure_carries_both_sides() -> None:
    (change,) = [
        c for c in changes(tomllib.loads(OLD), tomllib.loads(NEW)) if c.how == "changed" and c.kind != "source"
    ]
    assert change.fields == ("value", "source")
    assert (change.old["value"], change.new["value"]) == (4.47, 4.48)
    assert change.units == ("trillion yuan", "trillion yuan")


def test_reordering_reformatting_and_spelt_out_defaults_are_no_change() -> None:
    text = hand_written()
    moved = shuffled(text)  # indicators swapped, keys moved, blank lines doubled
    assert moved != text
    assert found(text, moved) == []
    assert found(text, format_text(moved, "x")) == []
    assert found(OLD, OLD.replace("value = 49\n", "value = 49.0\n")) == []
    assert found(OLD, OLD.replace("value = 4.47\n", 'value = 4.47\nstatus = "final"\nused = true\n')) == []


def test_an_added_indicator_brings_its_observations() -> None:
    new = OLD + '\n[[indicators]]\nid = "x"\ncenter = "trade"\nname = "X"\nunit = "u"\nkind = "flow"\n'
    new += 'direction = "higher"\ndescription = "D"\n\n[[indicators.observations]]\nyear = 2020\nvalue = 1\n'
    new += 'source = "plan-2021"\nquote = "1"\n'
    assert found(OLD, new) == [("indicator", "added", ("x",)), ("observation", "added", ("x", 2020, 0))]


@given(st.permutations(range(3)), st.floats(0.5, 9.5).map(lambda v: round(v, 3)))
def test_a_permutation_is_no_change_and_one_value_is_one_change(order: list[int], value: float) -> None:
    sources, first, second = SAMPLE.split("[[indicators]]")
    blocks = [sources, "[[indicators]]" + first, "[[indicators]]" + second]
    permuted = "".join(blocks[i].rstrip("\n") + "\n\n" for i in order)
    assert found(SAMPLE, permuted) == []
    changed = permuted.replace("value = 47\n", f"value = {value}\n")
    assert found(SAMPLE, changed) == ([] if value == 47 else [("target", "changed", ("container-throughput", 2025, 0))])


def test_the_record_holds_both_sides_with_dates_as_text() -> None:
    record = Diff("a", "b", changes(tomllib.loads(OLD), tomllib.loads(NEW))).record()
    assert (record["old"], record["new"], record["changed"]) == ("a", "b", True)
    (source,) = [row for row in record["changes"] if row["kind"] == "source"]
    assert source["id"] == "port-bulletin" and source["fields"] == ["title"]
    assert source["old"]["published"] == source["new"]["published"] == "2024-03-28"
    (removed,) = [row for row in record["changes"] if row["change"] == "removed"]
    assert (removed["indicator"], removed["deadline"], removed["place"], removed["new"]) == (
        "container-throughput", 2025, 0, None
    )  # fmt: skip
