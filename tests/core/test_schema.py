"""The JSON Schema of the data file: valid, a description on every field, the choices as enums."""

from __future__ import annotations

import dataclasses
import json
import tomllib

import jsonschema
import pytest

from fivecenters.core.centers import Center
from fivecenters.core.model import Kind, Qualifier, Status
from fivecenters.core.schema import FIELDS, MODELS, json_schema
from tests.support import ROOT


@pytest.fixture(scope="module")
def schema() -> dict:
    return json_schema()


def test_it_is_valid_json_schema(schema: dict) -> None:
    jsonschema.Draft7Validator.check_schema(schema)


def test_every_field_has_a_description(schema: dict) -> None:
    for model, fields in FIELDS.items():
        assert set(fields) == {field.name for field in dataclasses.fields(model)}, model.__name__
    nodes = [schema, *schema["definitions"].values()]
    assert len(nodes) == len(MODELS)
    for node in nodes:
        assert node["description"]
        assert all(len(prop["description"]) > 10 for prop in node["properties"].values())


def test_the_choices_are_enums(schema: dict) -> None:
    definitions = schema["definitions"]
    assert definitions["Indicator"]["properties"]["center"]["enum"] == [c.value for c in Center]
    assert definitions["Indicator"]["properties"]["kind"]["enum"] == [k.value for k in Kind]
    assert definitions["Observation"]["properties"]["qualifier"]["enum"] == [q.value for q in Qualifier]
    assert definitions["Observation"]["properties"]["status"]["enum"] == [s.value for s in Status]
    assert definitions["Benchmark"]["properties"]["centers"]["items"]["enum"] == [c.value for c in Center]


def test_it_accepts_the_shipped_data_as_json(schema: dict) -> None:
    """The same check, without taplo: TOML dates become strings, as taplo turns them."""
    data = json.loads(json.dumps(tomllib.loads((ROOT / "indicators.toml").read_text(encoding="utf-8")), default=str))
    jsonschema.Draft7Validator(schema).validate(data)
