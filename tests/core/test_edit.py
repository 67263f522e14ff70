"""The pure edit functions: each says which record to add where, and `apply` makes the new file
(the record where canonical order puts it), leaving its input alone."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core import edit
from fivecenters.core.edit import apply, compact
from fivecenters.core.errors import EditError, UnknownName
from tests.support.sample import SAMPLE

Raw = dict[str, Any]


def add_observation(raw: Raw, indicator_id: str, record: Raw) -> Raw:
    return apply(raw, edit.add_observation(raw, indicator_id, record))


def add_target(raw: Raw, indicator_id: str, record: Raw) -> Raw:
    return apply(raw, edit.add_target(raw, indicator_id, record))


def add_source(raw: Raw, record: Raw) -> Raw:
    return apply(raw, edit.add_source(raw, record))


def add_indicator(raw: Raw, record: Raw) -> Raw:
    return apply(raw, edit.add_indicator(raw, record))


def sample() -> Raw:
    return tomllib.loads(SAMPLE)


def indicator(raw: Raw, indicator_id: str) -> Raw:
    return next(i for i in raw["indicators"] if i["id"] == indicator_id)


def observation(year: int = 2024, value: float = 5.39, **extra: Any) -> Raw:
    return {"year": year, "value": value, "source": "port-bulletin", "quote": "a quote", **extra}


TARGET = {"value": 60, "comparator": "at-least", "deadline": 2030, "source": "plan-2021", "quote": "60 by 2030"}
SOURCE = {"id": "new-report", "title": "T", "publisher": "P", "url": "https://example.org/r", "language": "en"}
INDICATOR = {"id": "new-one", "center": "trade", "name": "N", "unit": "u", "kind": "flow", "direction": "higher"}

# Every add, as a change of the sample, with where its record lands: where canonical order puts it
# (after gdp's 2022; new-report before plan-2021; a trade indicator between economic and shipping).
ADDS: dict[str, tuple[Callable[[Raw], Raw], Callable[[Raw], list[Raw]], Raw, int]] = {
    "observation": (
        lambda raw: add_observation(raw, "gdp", observation()),
        lambda raw: indicator(raw, "gdp")["observations"],
        observation(),
        1,
    ),
    "target": (
        lambda raw: add_target(raw, "gdp", TARGET),
        lambda raw: indicator(raw, "gdp").get("targets", []),
        TARGET,
        0,
    ),
    "source": (lambda raw: add_source(raw, SOURCE), lambda raw: raw["sources"], SOURCE, 0),
    "indicator": (lambda raw: add_indicator(raw, INDICATOR), lambda raw: raw["indicators"], INDICATOR, 1),
}


@pytest.mark.parametrize("kind", ADDS)
def test_an_add_inserts_one_record_in_canonical_order_and_leaves_its_input_alone(kind: str) -> None:
    change, records, record, index = ADDS[kind]
    raw = sample()
    before = copy.deepcopy(raw)
    new = change(raw)
    assert raw == before
    assert records(new) == [*records(before)[:index], record, *records(before)[index:]]
    assert records(new)[index] is not record, "the caller's record must not become part of the file"


@pytest.mark.parametrize("kind", ["source", "indicator"])
def test_the_first_record_of_its_kind_starts_the_array(kind: str) -> None:
    change, records, record, _ = ADDS[kind]
    assert records(change({})) == [record]


def test_the_first_target_of_an_indicator_starts_its_array() -> None:
    assert "targets" not in indicator(sample(), "gdp")
    assert indicator(add_target(sample(), "gdp", TARGET), "gdp")["targets"] == [TARGET]


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda raw: add_source(raw, SOURCE), "sources"),
        (lambda raw: add_indicator(raw, INDICATOR), "indicators"),
        (lambda raw: add_observation(raw, "gdp", observation()), "indicators"),
    ],
    ids=["source", "indicator", "observation"],
)
@pytest.mark.parametrize("broken", [{"x": 1}, [1, 2], "text"], ids=["a table", "an array of numbers", "a string"])
def test_an_array_that_is_not_an_array_of_tables_is_refused(
    change: Callable[[Raw], Raw], key: str, broken: Any
) -> None:
    raw = {**sample(), key: broken}
    with pytest.raises(EditError, match=rf"^'{key}' in the file is not an array of tables \(\[\[{key}\]\]\); fix the"):
        change(raw)


def test_the_indicator_is_found_whatever_the_case_and_spaces() -> None:
    new = add_observation(sample(), "  GDP ", observation())
    assert indicator(new, "gdp")["observations"][-1] == observation()


@pytest.mark.parametrize(
    "change",
    [lambda raw: add_observation(raw, "gpd", observation()), lambda raw: add_target(raw, "gpd", TARGET)],
    ids=["observation", "target"],
)
def test_an_unknown_indicator_suggests_the_closest_and_how_to_add_it(change: Callable[[Raw], Raw]) -> None:
    with pytest.raises(UnknownName) as raised:
        change(sample())
    assert str(raised.value) == "unknown indicator 'gpd'. Did you mean 'gdp'? Add it with fc add-indicator."


def test_an_unknown_indicator_far_from_any_has_no_suggestion() -> None:
    with pytest.raises(UnknownName) as raised:
        add_observation(sample(), "zzzz", observation())
    assert str(raised.value) == "unknown indicator 'zzzz'. Add it with fc add-indicator."


def test_a_second_value_for_a_year_needs_revision() -> None:
    with pytest.raises(EditError) as raised:
        add_observation(sample(), "gdp", observation(2022, 4.5))
    assert str(raised.value) == (
        "indicator 'gdp' already has 2022: 4.47 from 'port-bulletin'; "
        "pass --revision to record another value for that year"
    )


def test_a_revision_needs_a_value_to_revise() -> None:
    with pytest.raises(
        EditError, match=r"^indicator 'gdp' has no observation for 2024 to revise; leave out --revision$"
    ):
        add_observation(sample(), "gdp", observation(2024, revision=True))


def test_a_revision_supersedes_every_earlier_value_of_its_year() -> None:
    raw = add_observation(sample(), "gdp", observation(2022, 4.5, revision=True))
    raw = add_observation(raw, "gdp", observation(2022, 4.6, revision=True))
    observations = indicator(raw, "gdp")["observations"]
    assert [(o["value"], o.get("revision"), o.get("used", True)) for o in observations] == [
        (4.47, True, False),
        (4.5, True, False),
        (4.6, True, True),
    ]


def test_an_unused_revision_keeps_the_earlier_value_in_use() -> None:
    raw = add_observation(sample(), "gdp", observation(2022, 4.5, revision=True, used=False))
    assert [(o["value"], o.get("revision"), o.get("used", True)) for o in indicator(raw, "gdp")["observations"]] == [
        (4.47, True, True),
        (4.5, True, False),
    ]


def test_a_revision_touches_no_other_year() -> None:
    raw = add_observation(sample(), "gdp", observation(2024, 5.39))
    raw = add_observation(raw, "gdp", observation(2022, 4.5, revision=True))
    assert [o for o in indicator(raw, "gdp")["observations"] if o["year"] == 2024] == [observation(2024, 5.39)]


def test_compact_leaves_out_options_not_given() -> None:
    assert compact(year=2024, note=None, derived_from=[], tags=(), used=False, value=0, label="") == {
        "year": 2024,
        "used": False,
        "value": 0,
        "label": "",
    }


@given(st.dictionaries(st.sampled_from("abcdefgh"), st.none() | st.integers() | st.text() | st.lists(st.integers())))
def test_compact_keeps_exactly_the_given_options_in_order(fields: dict[str, Any]) -> None:
    given_fields = [(k, v) for k, v in fields.items() if v is not None and v != []]
    assert list(compact(**fields).items()) == given_fields
