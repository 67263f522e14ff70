"""The kept core schemas: current with the model, used only while current, and validating as pydantic does."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import math
import sys
import tomllib
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic.version import VERSION as PYDANTIC_VERSION

from fivecenters.core import centers, model, prebuilt_schemas, validators
from fivecenters.core.centers import Center
from fivecenters.core.model import Benchmark, Indicator, Source, adapter

ROOT = Path(__file__).resolve().parents[2]
RAW = tomllib.loads((ROOT / "indicators.toml").read_text(encoding="utf-8"))
TABLES = [
    *((Source, table) for table in RAW["sources"][:20]),
    *((Indicator, table) for table in RAW["indicators"][:20]),
    *((Benchmark, table) for table in RAW["benchmarks"][:8]),
]
BUILT_WITH_INSTALLED = (prebuilt_schemas.KEY["pydantic"], prebuilt_schemas.KEY["pydantic-core"]) == (
    PYDANTIC_VERSION,
    pydantic_core.__version__,
)
REGENERATE = "run `python -m fivecenters.core.validators` to write prebuilt_schemas.py again"


@pytest.fixture(autouse=True)
def _fresh_validators() -> Any:
    """Each test makes its validators and reads the model's source again, and leaves nothing made under
    its patches."""
    validators._VALIDATE.clear()
    validators.key.cache_clear()
    yield
    validators._VALIDATE.clear()
    validators.key.cache_clear()


def outcome(validate: Any, raw: Any) -> tuple[str, Any]:
    try:
        return "valid", validate(raw)
    except ValidationError as exc:
        return "invalid", exc.errors(include_url=False)


def test_kept_schemas_follow_the_model() -> None:
    assert prebuilt_schemas.KEY["model"] == validators.key()["model"], f"the model changed: {REGENERATE}"


def test_kept_schemas_are_what_pydantic_builds_or_unused() -> None:
    if BUILT_WITH_INSTALLED:
        kept = (ROOT / "fivecenters" / "core" / "prebuilt_schemas.py").read_text(encoding="utf-8")
        assert kept == validators.generate(), REGENERATE
        assert validators.prebuilt(Source) is prebuilt_schemas.SCHEMAS["Source"]
    else:  # built with other versions than those installed: pydantic builds the schemas itself
        assert validators.prebuilt(Source) is None


def test_the_kept_file_holds_the_schemas_it_was_generated_from() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(validators.generate(), "prebuilt_schemas.py", "exec"), namespace)
    assert namespace["KEY"] == validators.key()
    for kind in validators.PREBUILT:
        assert namespace["SCHEMAS"][kind.__name__] == validators.portable(adapter(kind).core_schema)


def test_current_schemas_are_used_and_pydantic_builds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = {kind.__name__: validators.portable(adapter(kind).core_schema) for kind in validators.PREBUILT}
    monkeypatch.setattr(prebuilt_schemas, "KEY", validators.key())
    monkeypatch.setattr(prebuilt_schemas, "SCHEMAS", schemas)
    expected = adapter(Source).validate_python(RAW["sources"][0])

    def refused(kind: type[Any]) -> None:
        raise AssertionError(f"pydantic built the schema of {kind.__name__}, which is kept")

    monkeypatch.setattr(validators, "adapter", refused)
    assert validators.validated(Source, RAW["sources"][0]) == expected
    with pytest.raises(ValidationError, match="language"):
        validators.validated(Source, {**RAW["sources"][0], "language": "not a language"})


@pytest.mark.parametrize(
    "stale",
    [{"pydantic": "2.0.0"}, {"pydantic-core": "0.0.1"}, {"model": "0" * 64}],
    ids=["pydantic", "pydantic-core", "model"],
)
def test_stale_schemas_are_never_used(monkeypatch: pytest.MonkeyPatch, stale: dict[str, str]) -> None:
    monkeypatch.setattr(prebuilt_schemas, "KEY", {**validators.key(), **stale})
    built: list[type[Any]] = []

    def building(kind: type[Any]) -> Any:
        built.append(kind)
        return adapter(kind)

    monkeypatch.setattr(validators, "adapter", building)
    assert validators.prebuilt(Indicator) is None
    record = validators.validated(Indicator, RAW["indicators"][0])
    assert built == [Indicator]
    assert record == adapter(Indicator).validate_python(RAW["indicators"][0])


def test_a_model_whose_source_cannot_be_read_matches_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "__file__", str(ROOT / "no-such-model.py"))
    assert validators.key() == {}
    assert validators.prebuilt(Source) is None


def test_a_kept_file_that_no_longer_imports_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "fivecenters.core.prebuilt_schemas")
    monkeypatch.delattr(model, "Citation")  # as if renamed: the kept file names it
    assert validators.prebuilt(Source) is None


def test_only_record_types_are_kept() -> None:
    assert validators.prebuilt(model.Observation) is None
    assert validators.validated(model.Citation, {"source": "a", "quote": "b"}) == model.Citation(source="a", quote="b")


# Any value a TOML table may hold, and some it may not.
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.from_regex(r"[a-z]{1,4}(-[a-z0-9]{1,3})?", fullmatch=True),  # ids and language tags, some of them
    # What a lax validator would take: numbers and dates as text, whole floats, and values the enums hold.
    st.sampled_from(["12", "3.5", "true", "2021-07-01", 2.0, "final", "economic", "at-least", "stock", "zh", ""]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _slots(table: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) in a table, nested ones included."""
    items = table.items() if isinstance(table, dict) else enumerate(table) if isinstance(table, list) else ()
    for key, value in items:
        found.append((table, key))
        _slots(value, found)
    return found


@st.composite
def tables(draw: st.DrawFn) -> tuple[type[Any], Any]:
    """A record's table from the shipped data, with some of its values changed, dropped or added to."""
    kind, original = draw(st.sampled_from(TABLES))
    table = copy.deepcopy(original)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        # A field of the record itself half the time: a nested one would seldom be one of them.
        slots = [(table, key) for key in table] if draw(st.booleans()) else _slots(table, [])
        container, key = draw(st.sampled_from(slots))
        change = draw(st.sampled_from(["replace", "drop", "add"]))
        if change == "replace":
            container[key] = draw(values)
        elif change == "drop" and isinstance(container, dict):
            del container[key]
        elif isinstance(container, dict):
            container[draw(st.sampled_from(["note", "unit", "extra", "year", "quote"]))] = draw(values)
    return kind, table


@functools.cache
def kept_form(kind: type[Any]) -> pydantic_core.SchemaValidator:
    return pydantic_core.SchemaValidator(validators.portable(adapter(kind).core_schema))


@settings(max_examples=400)
@given(tables())
def test_the_kept_form_of_a_schema_validates_as_pydantic_does(drawn: tuple[type[Any], Any]) -> None:
    kind, table = drawn
    assert outcome(kept_form(kind).validate_python, table) == outcome(adapter(kind).validate_python, table)


def test_source_of_gives_back_what_it_writes() -> None:
    value = {
        "cls": model.Source,
        "members": [Center.TRADE, model.Status.FINAL],
        "factory": model.empty_list,
        "limits": {"low": -1.5, "high": 10**30, "strict": True, "pattern": "^[a-z]'\"\\d$", "none": None},
        "empty": [{}, []],
    }
    assert eval(validators.source_of(value), {"model": model, "centers": centers}) == value


@pytest.mark.parametrize(
    "value",
    [lambda: None, math.inf, math.nan, object(), Path, validators.source_of, (1, 2)],
    ids=["lambda", "inf", "nan", "object", "foreign-class", "foreign-function", "tuple"],
)
def test_source_of_refuses_what_it_cannot_name(value: Any) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        validators.source_of({"schema": [value]})
