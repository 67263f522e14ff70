"""Canonical form: order, layout, no value lost, idempotent (with hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fivecenters.core import canonical
from fivecenters.core.canonical import canonical_data, canonical_text, diff, format_text
from fivecenters.core.centers import Center
from fivecenters.core.checks import FIRST_YEAR, LAST_TARGET_YEAR
from fivecenters.core.model import Comparator, Dataset, Direction, Kind, Qualifier, Status, adapter, dump
from fivecenters.core.quotes import value_in_quote
from fivecenters.core.validate import check_document
from tests.support.sample import SAMPLE

TODAY = dt.date.today()


def _roundtrip(raw: dict[str, Any]) -> dict[str, Any]:
    return tomllib.loads(canonical_text(raw))


def _headers(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("[")]


def test_sample_is_canonical() -> None:
    assert canonical_text(tomllib.loads(SAMPLE)) == SAMPLE


def test_records_are_sorted() -> None:
    raw = tomllib.loads(SAMPLE)
    raw["sources"].reverse()
    raw["indicators"].reverse()
    raw["indicators"].append({"id": "a-rank", "center": "innovation"})
    raw["indicators"].append({"id": "b-odd", "center": "nowhere"})
    raw["indicators"].append({"id": "a-odd", "center": "nowhere"})
    gdp = raw["indicators"][1]
    gdp["observations"] = [
        {"year": 2024, "value": 3},
        {"year": 2023, "value": 2, "note": "first"},
        {"year": 2023, "value": 1, "note": "second"},
    ]
    gdp["targets"] = [{"deadline": 2030, "value": 1}, {"deadline": 2025, "value": 9}, {"deadline": 2025, "value": 8}]
    data = canonical_data(raw)
    assert [s["id"] for s in data["sources"]] == ["plan-2021", "port-bulletin"]
    assert [i["id"] for i in data["indicators"]] == ["gdp", "container-throughput", "a-rank", "a-odd", "b-odd"]
    assert [(o["year"], o.get("note")) for o in data["indicators"][0]["observations"]] == [
        (2023, "first"),
        (2023, "second"),  # revisions keep their order
        (2024, None),
    ]
    assert [(t["deadline"], t["value"]) for t in data["indicators"][0]["targets"]] == [(2025, 8), (2025, 9), (2030, 1)]


def test_center_order_is_the_enum_order() -> None:
    raw = {"indicators": [{"id": "x", "center": c.value} for c in reversed(Center)]}
    assert [i["center"] for i in canonical_data(raw)["indicators"]] == [
        "economic",
        "financial",
        "trade",
        "shipping",
        "innovation",
    ]


def test_keys_follow_the_model_and_defaults_are_left_out() -> None:
    observation = {
        "note": "n",
        "used": True,
        "revision": False,
        "derived_from": [],
        "status": "final",
        "quote": "q",
        "source": "s",
        "value": 1,
        "year": 2020,
        "zz-unknown": 1,
    }
    raw = {"indicators": [{"observations": [observation], "headline": False, "id": "x"}]}
    data = canonical_data(raw)
    assert list(data["indicators"][0]) == ["id", "observations"]
    assert list(data["indicators"][0]["observations"][0]) == ["year", "value", "source", "quote", "note", "zz-unknown"]


def test_only_true_defaults_are_left_out() -> None:
    # 0 == False in Python, but `revision = 0` is a (wrong) value the check must still see.
    raw = {"indicators": [{"id": "x", "observations": [{"year": 2020, "revision": 0, "used": 1, "status": "Final"}]}]}
    assert _roundtrip(raw)["indicators"][0]["observations"][0] == {
        "year": 2020,
        "status": "Final",
        "revision": 0,
        "used": 1,
    }


def test_arrays_of_tables_are_never_inline() -> None:
    raw = {"sources": [{"id": "a"}], "indicators": [{"id": "b", "targets": [{"value": 1}], "observations": [{}]}]}
    text = canonical_text(raw)
    assert "{" not in text
    assert _headers(text) == ["[[sources]]", "[[indicators]]", "[[indicators.observations]]", "[[indicators.targets]]"]
    assert "\n\n[[indicators]]\n" in text  # a blank line between tables
    assert not text.endswith("\n\n")


def test_unknown_keys_and_odd_values_are_kept() -> None:
    raw = {
        "title": "top-level scalar",
        "sources": "not an array of tables",
        "indicators": [{"id": "x", "extra table": {"k": [1, "a"], "deep": [{"b": dt.date(2020, 1, 2)}]}}],
        "zzz": {"a": 1},
    }
    assert _roundtrip(raw) == raw
    assert canonical_text(_roundtrip(raw)) == canonical_text(raw)


def test_whole_numbers_stay_whole() -> None:
    text = canonical_text({"indicators": [{"id": "x", "observations": [{"year": 2020, "value": 47}]}]})
    assert "\nvalue = 47\n" in text


def test_comments_are_kept_and_format_is_idempotent() -> None:
    text = "# a comment\n" + SAMPLE.replace('id = "gdp"', 'id = "gdp"  # the economy')
    formatted = format_text(text.replace("\n\n", "\n"), "x.toml")
    assert formatted == text
    assert format_text(formatted, "x.toml") == formatted


def test_canonical_text_of_a_dataset_matches_its_raw_form() -> None:
    raw = tomllib.loads(SAMPLE)
    dataset = adapter(Dataset).validate_python(raw)
    from_model = canonical_text(dataset)
    assert _fingerprint(tomllib.loads(from_model)) == _fingerprint(raw)
    assert from_model == SAMPLE.replace("value = 49\n", "value = 49.0\n").replace("value = 47\n", "value = 47.0\n")


def test_positions_in_canonical_text_are_found(tmp_path: Path) -> None:
    """`Locator` needs one key per line and `[[...]]` headers: canonical text has both."""
    raw = tomllib.loads(SAMPLE)
    raw["indicators"][1]["observations"][0]["source"] = "nowhere"
    text = canonical_text(raw)
    report, _ = check_document(tomllib.loads(text), text, "x.toml", tmp_path)
    (problem,) = [p for p in report.errors if p.code == "unknown-source"]
    assert text.splitlines()[problem.line - 1] == 'source = "nowhere"'


def test_diff_shows_what_fmt_would_change() -> None:
    text = SAMPLE.replace('publisher = "Shanghai Municipal Government"\n', "")
    text = text.replace('title = "Shipping center plan"', 'publisher = "P"\ntitle = "Shipping center plan"')
    lines = diff(text, format_text(text, "x.toml"), "x.toml")
    assert lines[:2] == ["--- x.toml", "+++ x.toml (canonical)"]
    moved = {'publisher = "P"', 'title = "Shipping center plan"'}
    changed = [line for line in lines[3:] if line[:1] in "+-"]
    assert len(changed) == 2 and {line[1:] for line in changed} < moved
    assert diff(SAMPLE, SAMPLE, "x.toml") == []


# --- Properties -------------------------------------------------------------


def test_extreme_values_do_not_crash_the_quote_check() -> None:
    """Found by the property below: 5e-324 / 2 underflows to 0, and log10(0) raised."""
    assert not value_in_quote(5e-324, "2")
    assert not value_in_quote(1.5e308, "0.00001")  # 1.5e308 / 1e-5 overflows
    assert not value_in_quote(2.0, "9" * 400)  # a number too long for a float
    assert value_in_quote(5.140447, "51404.47億元")


_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
# Valid in every field: no line break, no bidi control, no invisible character.
_INVISIBLE = "\n\u061c\u2028\u2029\ufeff" + "".join(
    chr(c) for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A)]
)
texts = st.text(st.characters(codec="utf-8", exclude_characters=_CONTROL + _INVISIBLE), min_size=1, max_size=20)
ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
past_dates = st.dates(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=TODAY)
past_years = st.integers(FIRST_YEAR, TODAY.year)


def _optional(draw: st.DrawFn, record: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        record[key] = draw(strategy)


def _values(kind: Kind, unit: str) -> st.SearchStrategy[int | float]:
    if kind is Kind.RANK:
        return st.integers(1, 500) | st.integers(1, 500).map(float)
    if kind is Kind.GROWTH:
        return st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    top = 100 if kind is Kind.RATIO and unit == "%" else 1e15
    return st.integers(0, int(top)) | st.floats(0, top)


@st.composite
def sources(draw: st.DrawFn) -> dict[str, Any]:
    source = {
        "id": draw(ids),
        "title": draw(texts),
        "publisher": draw(texts),
        "language": draw(st.sampled_from(["en", "zh", "zh-Hant", "ja"])),
    }
    for key in ("url", "reliability"):
        _optional(draw, source, key, texts)
    for key in ("published", "accessed"):
        _optional(draw, source, key, past_dates)
    source.setdefault("url", "https://example.org/")  # a source needs a url or a document
    return source


@st.composite
def observation(draw: st.DrawFn, year: int, values: st.SearchStrategy[Any], cited: list[str]) -> dict[str, Any]:
    record = {"year": year, "value": draw(values), "source": draw(st.sampled_from(cited)), "quote": draw(texts)}
    _optional(draw, record, "qualifier", st.sampled_from([q.value for q in Qualifier]))
    _optional(draw, record, "status", st.sampled_from([s.value for s in Status]))
    _optional(draw, record, "note", texts)
    _optional(draw, record, "as_of", st.integers(1, 12).map(lambda month: f"{year}-{month:02d}"))
    _optional(draw, record, "vintage", texts)
    if draw(st.booleans()):
        record["series_break"] = True
        record.setdefault("note", draw(texts))
    if record.get("status") == Status.DERIVED:
        record["derived_from"] = draw(st.lists(texts, min_size=1, max_size=3))
    _optional(draw, record, "corroborated_by", st.lists(citation(cited), min_size=1, max_size=2))
    return record


@st.composite
def citation(draw: st.DrawFn, cited: list[str]) -> dict[str, Any]:
    record = {"source": draw(st.sampled_from(cited)), "quote": draw(texts)}
    _optional(draw, record, "note", texts)
    return record


@st.composite
def target(draw: st.DrawFn, values: st.SearchStrategy[Any], cited: list[str]) -> dict[str, Any]:
    deadline = draw(st.integers(FIRST_YEAR, LAST_TARGET_YEAR))
    record = {
        "value": draw(values),
        "comparator": draw(st.sampled_from([c.value for c in Comparator])),
        "deadline": deadline,
        "source": draw(st.sampled_from(cited)),
        "quote": draw(texts),
    }
    earlier = st.integers(FIRST_YEAR, min(deadline, TODAY.year))
    _optional(draw, record, "set_in", earlier)
    if draw(st.booleans()):
        record["baseline_year"] = draw(earlier)
        record["baseline_value"] = draw(values)
    for key in ("label", "note"):
        _optional(draw, record, key, texts)
    _optional(draw, record, "average", st.booleans())
    _optional(draw, record, "corroborated_by", st.lists(citation(cited), min_size=1, max_size=2))
    return record


@st.composite
def indicator(draw: st.DrawFn, cited: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(list(Kind)))
    unit = draw(st.sampled_from(["%", "million TEU", "trillion yuan", "rank"]))
    values = _values(kind, unit)
    record: dict[str, Any] = {
        "id": draw(ids),
        "center": draw(st.sampled_from([c.value for c in Center])),
        "name": draw(texts),
        "unit": unit,
        "kind": kind.value,
        "direction": draw(st.sampled_from([d.value for d in Direction])),
        "description": draw(texts),
    }
    _optional(draw, record, "headline", st.booleans())
    observations = []
    for year in draw(st.lists(past_years, unique=True, max_size=4)):
        revisions = draw(st.integers(1, 3))
        for number in range(revisions):
            obs = draw(observation(year, values, cited))
            if revisions > 1:
                obs["revision"] = True
                obs["used"] = number == 0  # sometimes the default, written out
            observations.append(obs)
    record["observations"] = draw(st.permutations(observations))
    # One target per value and deadline: a second would be a duplicate (an error).
    unique = lambda t: (float(t["value"]), t["deadline"], t.get("average", False))  # noqa: E731
    record["targets"] = draw(st.lists(target(values, cited), max_size=3, unique_by=unique))
    return record


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.lists(sources(), min_size=1, max_size=4, unique_by=lambda s: s["id"]))
    cited = [s["id"] for s in chosen]
    indicators = draw(st.lists(indicator(cited), min_size=1, max_size=4, unique_by=lambda i: i["id"]))
    return {"sources": draw(st.permutations(chosen)), "indicators": indicators}


def _fingerprint(raw: dict[str, Any]) -> list[list[str]]:
    """The data as the model reads it, with the order of records ignored."""
    dataset = adapter(Dataset).validate_python(raw)

    def dumped(record: Any, **replace: Any) -> str:
        return json.dumps({**dump(record, mode="json"), **replace}, sort_keys=True, ensure_ascii=False)

    def citations(record: Any) -> list[str]:
        return sorted(dumped(c) for c in record.corroborated_by)

    return [
        sorted(dumped(s) for s in dataset.sources),
        sorted(
            dumped(
                i,
                observations=sorted(dumped(o, corroborated_by=citations(o)) for o in i.observations),
                targets=sorted(dumped(t, corroborated_by=citations(t)) for t in i.targets),
            )
            for i in dataset.indicators
        ),
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_valid_datasets_survive_a_canonical_write(raw: dict[str, Any]) -> None:
    text = canonical_text(raw)
    report, dataset = check_document(tomllib.loads(text), text, "generated.toml", Path("."))
    assert report.errors == [], "the strategy must generate valid data"
    assert dataset is not None
    reloaded = tomllib.loads(text)
    assert reloaded == canonical_data(raw)  # every value, with its type
    assert _fingerprint(reloaded) == _fingerprint(raw)  # the same data
    assert canonical_text(reloaded) == text  # formatting twice changes nothing
    assert canonical_text(adapter(Dataset).validate_python(reloaded)) == canonical_text(dataset)


_keys = st.text(st.characters(codec="utf-8"), max_size=6) | st.sampled_from(
    ["id", "year", "value", "center", "deadline", "status", "revision", "used", "observations", "targets"]
)
_scalars = (
    st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.text(st.characters(codec="utf-8"), max_size=8)
    | st.dates()
)
_values_anywhere = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3), max_leaves=8
)
_records = st.dictionaries(_keys, _values_anywhere, max_size=5)
_odd_files = st.dictionaries(
    st.sampled_from(["sources", "indicators"]) | _keys,
    st.lists(_records, max_size=3) | _values_anywhere,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(_odd_files)
# Found by CI: a table whose keys came tables-first sorted differently once read back.
@example({"sources": [{"": [], "id": {"0": {}, "": 0}}, {"id": {"": 0}}]})
def test_any_toml_keeps_every_value(raw: dict[str, Any]) -> None:
    """fmt works on files that do not validate yet: it must not lose their content."""
    text = canonical_text(raw)
    assert tomllib.loads(text) == canonical_data(raw)
    assert canonical_text(tomllib.loads(text)) == text


def test_a_diff_sets_aside_the_common_lines_and_keeps_their_numbers() -> None:
    old = "".join(f"line {n}\n" for n in range(1, 1001))
    new = old.replace("line 500\n", "line five hundred\n")
    assert canonical.diff(old, new, "f")[2:] == [
        "@@ -497,7 +497,7 @@",
        " line 497",
        " line 498",
        " line 499",
        "-line 500",
        "+line five hundred",
        " line 501",
        " line 502",
        " line 503",
    ]


_VALUES = st.one_of(
    st.text(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
)


@given(st.dictionaries(st.text(max_size=6), _VALUES, max_size=6))
def test_each_value_is_written_as_tomli_w_writes_it_alone(values: dict[str, Any]) -> None:
    """Strings that need no escape are written without tomli-w, the rest in one call per table: each
    line is what tomli-w writes for the key alone."""
    alone = [tomli_w.dumps({name: value}).rstrip("\n") for name, value in values.items()]
    assert canonical._value_lines(values) == alone
