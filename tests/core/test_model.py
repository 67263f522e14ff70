"""The strict model: what it accepts, what it rejects and where it says the error is."""

from __future__ import annotations

import copy
from dataclasses import FrozenInstanceError
from typing import Any

import pytest
from pydantic import ValidationError

from fivecenters.core.model import Dataset, Indicator, Kind, Observation, Source, Status, Target, adapter
from tests.support.base import BASE_DATA


def raw_observation() -> dict[str, Any]:
    """A valid observation as TOML gives it (the base data's 2022 container throughput)."""
    return copy.deepcopy(BASE_DATA["indicators"][0]["observations"][1])


def raw_indicator(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(BASE_DATA["indicators"][0]), **changes}


def error_of(model: type[Any], raw: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    """The type and location of the only validation error."""
    with pytest.raises(ValidationError) as caught:
        adapter(model).validate_python(raw)
    errors = caught.value.errors()
    assert len(errors) == 1, errors
    return errors[0]["type"], errors[0]["loc"]


# --- the strict model ---------------------------------------------------------------------------


def test_base_records_validate() -> None:
    dataset = adapter(Dataset).validate_python(BASE_DATA)
    assert [s.id for s in dataset.sources] == [s["id"] for s in BASE_DATA["sources"]]
    assert dataset.indicator("container-throughput") is dataset.indicators[0]
    assert dataset.source("shipping-plan") is dataset.sources[1]
    assert dataset.indicator("no-such-thing") is None
    assert dataset.source("no-such-thing") is None


def test_misspelt_key_is_an_error_not_ignored() -> None:
    raw = raw_observation()
    raw["vlaue"] = raw.pop("value")
    with pytest.raises(ValidationError) as caught:
        adapter(Observation).validate_python(raw)
    found = {(e["type"], e["loc"]) for e in caught.value.errors()}
    assert found == {("unexpected_keyword_argument", ("vlaue",)), ("missing", ("value",))}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("value", "47.3"),  # a number in quotes is not coerced
        ("year", True),  # nor is a boolean a year
        ("year", "2022"),
        ("year", 2022.0),
        ("revision", "yes"),
        ("used", 1),
        ("quote", 47.3),
        ("derived_from", "one input"),
    ],
)
def test_wrong_types_are_rejected(key: str, value: object) -> None:
    kind, loc = error_of(Observation, {**raw_observation(), key: value})
    assert loc[0] == key
    assert kind not in {"extra_forbidden", "missing"}


def test_an_integer_value_is_a_number() -> None:
    observation = adapter(Observation).validate_python({**raw_observation(), "value": 47})
    assert observation.value == 47.0
    assert isinstance(observation.value, float)


def test_defaults() -> None:
    observation = adapter(Observation).validate_python(raw_observation())
    assert (observation.status, observation.used, observation.revision) == (Status.FINAL, True, False)
    assert observation.qualifier is None
    assert observation.derived_from == []


@pytest.mark.parametrize("status", list(Status))
def test_every_status_is_accepted(status: Status) -> None:
    observation = adapter(Observation).validate_python({**raw_observation(), "status": status.value})
    assert observation.status is status


@pytest.mark.parametrize(
    ("model", "raw", "key", "bad"),
    [
        (Observation, raw_observation(), "status", "computed"),
        (Observation, raw_observation(), "qualifier", "roughly"),
        (Indicator, raw_indicator(), "kind", "flows"),
        (Indicator, raw_indicator(), "direction", "up"),
        (Indicator, raw_indicator(), "center", "economy"),  # aliases are for the command line only
        (Target, BASE_DATA["indicators"][0]["targets"][0], "comparator", "below"),
    ],
)
def test_enums_reject_other_words(model: type[Any], raw: dict[str, Any], key: str, bad: str) -> None:
    assert error_of(model, {**raw, key: bad}) == ("enum", (key,))


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_is_accepted(kind: Kind) -> None:
    assert adapter(Indicator).validate_python(raw_indicator(kind=kind.value)).kind is kind


@pytest.mark.parametrize("bad_id", ["Container", "container_throughput", "-container", "container-", "a--b", ""])
def test_ids_are_kebab_case(bad_id: str) -> None:
    kind, loc = error_of(Indicator, raw_indicator(id=bad_id))
    assert loc == ("id",)
    assert kind in {"string_pattern_mismatch", "string_too_short"}


def test_nested_error_location_points_into_the_observation() -> None:
    raw = raw_indicator()
    raw["observations"][2]["year"] = True
    assert error_of(Indicator, raw) == ("int_type", ("observations", 2, "year"))


def test_records_are_frozen() -> None:
    source = adapter(Source).validate_python(BASE_DATA["sources"][0])
    with pytest.raises(FrozenInstanceError):
        source.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(("unit", "expected"), [("%", True), (" % ", True), ("percent", False), ("% of GDP", False)])
def test_is_percent(unit: str, expected: bool) -> None:
    assert adapter(Indicator).validate_python(raw_indicator(unit=unit)).is_percent is expected


def test_used_observations_are_oldest_first_without_unused() -> None:
    raw = raw_indicator()
    observations = list(reversed(raw["observations"]))
    observations[0] = {**observations[0], "used": False}
    indicator = adapter(Indicator).validate_python({**raw, "observations": observations})
    expected = sorted(o["year"] for o in observations if o.get("used", True))
    assert [o.year for o in indicator.used_observations()] == expected
    assert len(expected) == len(observations) - 1


def test_sources_are_looked_up_by_id_first_one_winning() -> None:
    dataset = adapter(Dataset).validate_python(
        {
            "sources": [
                {"id": f"s{n}", "title": f"T{n}", "publisher": "P", "url": "https://x", "language": "en"}
                for n in (1, 2, 1)
            ]
        }
    )
    assert dataset.source("s1") is dataset.sources[0]
    assert dataset.source("s2") is dataset.sources[1]
    assert dataset.source("s3") is None
