"""The JSON Schema of the data file, for editors: completion, hover help and checks as people type.

Generated from the records' pydantic schema, so it cannot drift from what `fc validate`
accepts by shape; the cross-record rules (unique ids, cited sources, quotes in
documents) stay with `fc validate`. Editors and taplo read JSON Schema draft 7
best, so the choices (centers, kinds, qualifiers, statuses …) are written as an
`enum` in each field, with the field's description beside it, TOML's lack of
null is reflected (an optional field is simply left out), and definitions live
under `definitions`. Every field has a description: a test keeps it so.
"""

from __future__ import annotations

from typing import Any

from fivecenters.core.model import (
    Benchmark,
    Citation,
    Dataset,
    Edition,
    Entry,
    Indicator,
    Observation,
    RankTarget,
    Record,
    Source,
    Target,
    adapter,
)

DRAFT = "http://json-schema.org/draft-07/schema#"

MODELS: dict[type[Record], str] = {
    Dataset: "A Five Centers data file: the sources, the indicators with their observations and targets, "
    "and the benchmarks that rank Shanghai among other cities.",
    Source: "A document that observations and targets cite. It needs a url, a document, or both.",
    Indicator: "One measure of a center, with its yearly observations and its targets.",
    Observation: "The value of an indicator for a year, with the source that states it and its words.",
    Target: "A value an indicator should reach by a deadline, as a plan set it, with its source and words.",
    Benchmark: "An international ranking that compares Shanghai with other cities, with its editions.",
    Edition: "One edition of a benchmark (GFCI 37, the 2024 report), with the places sources state in it.",
    Entry: "One city's place in an edition, as a source states it: a rank, a bound or a score, quoted.",
    RankTarget: "A plan's ambition for a place in a ranking: within the top `rank` by the deadline.",
    Citation: "Another source stating the same figure or target, with its own words.",
}

FIELDS: dict[type[Record], dict[str, str]] = {
    Dataset: {
        "sources": "The documents cited, one [[sources]] table each.",
        "indicators": "The indicators, one [[indicators]] table each.",
        "benchmarks": "The international rankings, one [[benchmarks]] table each.",
    },
    Source: {
        "id": "Kebab-case id, unique among sources; observations and targets cite it (e.g. scio-2024-03-28).",
        "title": "The document's title, as published.",
        "publisher": "Who published it.",
        "published": "When it was published (a TOML date); leave out when the source shows none.",
        "url": "Where it is online.",
        "document": "A saved copy, relative to the data file; fc validate checks every quote citing it against it.",
        "language": "Its language, a BCP 47 tag: en, zh, zh-Hant, ja …",
        "accessed": "When the copy was read (a TOML date).",
        "reliability": "Why the copy may be less than authoritative: a reprint, a mirror, an aggregator, a summary.",
    },
    Indicator: {
        "id": "Kebab-case id, unique and stable: what fc show and fc add name it by.",
        "center": "The center it measures: economic, financial, trade, shipping or innovation.",
        "name": "A short name.",
        "name_zh": "The official Chinese name (e.g. 集装箱吞吐量), as a source states it; fc info finds it by it.",
        "name_zh_source": "The id of the source stating name_zh, when none of the indicator's own quotes does.",
        "name_zh_quote": "The words of name_zh_source that state name_zh, verbatim (with name_zh_source).",
        "unit": "The unit with its scale, e.g. 'million TEU', 'trillion yuan' or '%'.",
        "kind": "stock (a level at year end), flow (a total over the year), ratio, growth (a rate of change) or rank.",
        "direction": "Which way is better: higher or lower.",
        "description": "What it measures, in a sentence.",
        "headline": "Show it in the overview (fc show).",
        "observations": "Its yearly values, one [[indicators.observations]] table each.",
        "targets": "The targets set for it, one [[indicators.targets]] table each.",
    },
    Observation: {
        "year": "The year the value is for.",
        "value": "The value, in the indicator's unit.",
        "qualifier": "How the source hedges: about, more-than, at-least, nearly, less-than or at-most.",
        "status": "final (the default), preliminary, revised, estimate or derived (computed: say from what).",
        "as_of": "The month or day the value is for when not the whole year or the year end: YYYY-MM or YYYY-MM-DD.",
        "series_break": "true on the first value of a new series: definition, scope or method change (note says how).",
        "revision": "One of several differing values for the year (a first estimate, a census revision); all carry it.",
        "vintage": "The round of revision the value belongs to, when it changed the basis (an economic census).",
        "used": "false for a revision that is recorded but not the value used.",
        "derived_from": "For a derived value: its inputs, in words, one string each.",
        "source": "The id of the source stating the value.",
        "quote": "The source's words stating the value, verbatim.",
        "note": "Why this value, what it covers, which revision is used and why.",
        "corroborated_by": "Other sources stating the value, one [[indicators.observations.corroborated_by]] each.",
    },
    Target: {
        "value": "The target value, in the indicator's unit.",
        "comparator": "at-least, at-most or about.",
        "deadline": "The year by which it should be met.",
        "set_in": "The year the plan set it.",
        "baseline_year": "The baseline's year, where the source states one (with baseline_value).",
        "baseline_value": "The baseline value (with baseline_year).",
        "label": "The plan that states it; fc progress lists targets under their plans.",
        "average": "true when the target is for the average of the yearly values from set_in to the deadline.",
        "source": "The id of the source setting the target.",
        "quote": "The source's words setting it, verbatim.",
        "note": "Anything a reader needs to know about it.",
        "corroborated_by": "Other sources stating the same target, one [[indicators.targets.corroborated_by]] each.",
    },
    Citation: {
        "source": "The id of the source.",
        "quote": "The source's words stating the same figure or target, verbatim.",
        "note": "Anything a reader needs to know about this citation.",
    },
    Benchmark: {
        "id": "Kebab-case id, unique among benchmarks: what fc rank names it by (e.g. gfci).",
        "name": "Its name, as its producer gives it.",
        "name_zh": "Its official Chinese name (e.g. 全球金融中心指数), as a source states it.",
        "name_zh_source": "The id of the source stating name_zh, when none of the benchmark's own quotes does.",
        "name_zh_quote": "The words of name_zh_source that state name_zh, verbatim (with name_zh_source).",
        "producer": "Who compiles and publishes it.",
        "ranks": "What it ranks (financial centres, container ports …).",
        "score_unit": "What its scores count (points, million TEU), where entries give scores.",
        "centers": "The centers it bears on, one or more of: economic, financial, trade, shipping, innovation.",
        "frequency": "How often it appears: twice-a-year, yearly or irregular.",
        "description": "What it is, in a sentence or two.",
        "editions": "Its editions, one [[benchmarks.editions]] table each.",
        "targets": "Rank ambitions that plans set for it, one [[benchmarks.targets]] table each.",
    },
    Edition: {
        "name": "The edition's name, as its producer gives it (GFCI 37).",
        "year": "The edition's year, by which editions are ordered.",
        "published": "When it appeared: a TOML date, or 'YYYY-MM' or 'YYYY' as precise as known.",
        "data_year": "The year its data describe, where a source says so.",
        "note": "Anything a reader needs to know about it.",
        "entries": "The places sources state in it, one [[benchmarks.editions.entries]] table each.",
    },
    Entry: {
        "city": "The city, spelt the same in every edition (Shanghai, Hong Kong, Ningbo-Zhoushan).",
        "listed_as": "The name the ranking gives, where it differs (Shanghai–Suzhou, Shanghai Pudong (PVG)).",
        "rank": "Its place: 1 is first.",
        "outside_top": "For 'not in the top N': N (the place is N + 1 or lower).",
        "score": "Its score, in the benchmark's score_unit, where the source gives it.",
        "from_order": "The place is read from the order of names or the wording of the quote, not stated as a number.",
        "source": "The id of the source stating the place.",
        "quote": "The source's words stating the place, verbatim.",
        "score_quote": "The same source's words giving the score, when they are not the quote's.",
        "note": "How the place is read, what else a source says.",
    },
    RankTarget: {
        "rank": "The band: within the top `rank`.",
        "deadline": "The year by which it should be reached.",
        "set_in": "The year the plan set it.",
        "label": "The plan's name.",
        "source": "The id of the source setting it.",
        "quote": "The source's words setting it, verbatim.",
        "note": "Anything a reader needs to know about it.",
    },
}


def _field(node: dict[str, Any], enums: dict[str, Any], description: str) -> dict[str, Any]:
    """One property: without TOML's missing null, enums written in place, the description added."""
    branches = [branch for branch in node.pop("anyOf", []) if branch.get("type") != "null"]
    if len(branches) == 1:
        node = {**node, **branches[0]}
    if node.get("default", 0) is None:
        del node["default"]
    ref = node.pop("$ref", "").rpartition("/")[2]
    if ref in enums:
        node = {**{k: v for k, v in enums[ref].items() if k != "title"}, **node}
    items = node.get("items", {})
    if (item_ref := items.get("$ref", "").rpartition("/")[2]) in enums:  # a list of choices (a benchmark's centers)
        node = {**node, "items": {k: v for k, v in enums[item_ref].items() if k != "title"}}
    return {**node, "description": description}


def json_schema() -> dict[str, Any]:
    schema = adapter(Dataset).json_schema(mode="validation")
    definitions = schema.pop("$defs")
    enums = {name: node for name, node in definitions.items() if "enum" in node}
    models = {model.__name__: model for model in MODELS}
    out: dict[str, Any] = {"$schema": DRAFT, "title": "Five Centers indicators.toml"}
    nodes = {"": schema} | {name: node for name, node in definitions.items() if name in models}
    for name, node in nodes.items():
        model = models.get(name, Dataset)
        node["description"] = MODELS[model]
        node["properties"] = {
            field: _field(prop, enums, FIELDS[model][field]) for field, prop in node["properties"].items()
        }
    out |= {key: value for key, value in schema.items() if key != "title"}
    out["definitions"] = {name: node for name, node in definitions.items() if name in models}
    return _refs(out)


def _refs(node: Any) -> Any:
    """`#/$defs/X` (pydantic, draft 2020-12) as `#/definitions/X` (draft 7)."""
    if isinstance(node, dict):
        return {
            key: value.replace("#/$defs/", "#/definitions/") if key == "$ref" else _refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_refs(item) for item in node]
    return node
