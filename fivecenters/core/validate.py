"""Validating a data file: read, parse, build the records one by one, run the checks, locate the problems.

Records are validated one by one, so a single bad observation does not hide
the problems of the others; cross-record rules (`checks.py`) then run on what
validated.
"""

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from pydantic import ValidationError

from fivecenters.core.benchmark_checks import benchmark_stats, check_benchmarks, raw_benchmark_citations
from fivecenters.core.centers import Center
from fivecenters.core.checks import Checker, Indexed, check_dataset, check_sources_cited, raw_name_source
from fivecenters.core.codes import Code
from fivecenters.core.load import (
    RECORD_TABLES,
    STDIN_NAME,
    DataError,
    decode_text,
    parse_slice,
    parse_toml,
    read_data,
    read_stream_data,
    record_slices,
    text_lines,
)
from fivecenters.core.locator import Locator
from fivecenters.core.lookup import suggestion
from fivecenters.core.model import Benchmark, Dataset, Indicator, Record, Source
from fivecenters.core.problems import KeyPath, Problem, Report
from fivecenters.core.text import BIDI, CONTROL, LINE_BREAK, ZERO_WIDTH
from fivecenters.core.validators import validated

M = TypeVar("M", bound=Record)
MODELS: dict[str, type[Record]] = {"sources": Source, "indicators": Indicator, "benchmarks": Benchmark}

_PYDANTIC_CODES = {
    "unexpected_keyword_argument": Code.UNKNOWN_KEY,
    "missing": Code.MISSING_FIELD,
    "enum": Code.INVALID_VALUE,
    "string_pattern_mismatch": Code.INVALID_VALUE,
    "string_too_short": Code.EMPTY_STRING,
}


def _validated(checker: Checker, model: type[M], raw: Any, path: KeyPath) -> M | None:
    try:
        return validated(model, raw)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            checker.add((*path, *error["loc"]), *_describe(error))
        return None


def _describe(error: Any) -> tuple[Code, str]:
    kind, loc = error["type"], error["loc"]
    name = str(loc[-1]) if loc else "value"
    if kind == "unexpected_keyword_argument":  # a key the record does not have (extra="forbid")
        return Code.UNKNOWN_KEY, f"unknown key '{name}'"
    if kind == "missing":
        return Code.MISSING_FIELD, f"required key '{name}' is missing"
    if kind == "enum" and (name == "center" or (len(loc) > 1 and loc[-2] == "centers")):
        return Code.UNKNOWN_CENTER, f"'{error['input']}' is not a center; expected {error['ctx']['expected']}." + (
            suggestion(str(error["input"]), [c.value for c in Center])
        )
    if kind == "enum":
        return Code.INVALID_VALUE, f"'{error['input']}' is not a valid {name}; expected {error['ctx']['expected']}"
    if kind == "value_error":  # the model's own validators (a publication month) word their message
        return Code.INVALID_VALUE, f"'{name}': {error['ctx']['error']}"
    if kind in ("string_pattern_mismatch", "string_too_long") and name in ("id", "source"):
        return Code.INVALID_ID, f"'{error['input']}' is not a kebab-case id (a-z, 0-9, hyphens; at most 80 characters)"
    if kind == "dataclass_type":  # worded as when the records were pydantic models
        return Code.WRONG_TYPE, _wrong_type(
            name, f"input should be a valid dictionary or instance of {error['ctx']['class_name']}", error
        )
    code = _PYDANTIC_CODES.get(kind, Code.WRONG_TYPE)
    return code, _wrong_type(name, error["msg"][0].lower() + error["msg"][1:], error)


def _wrong_type(name: str, expected: str, error: Any) -> str:
    return f"'{name}': {expected} (got {type(error['input']).__name__})"


def validate_file(path: Path, today: dt.date | None = None) -> tuple[Report, Dataset | None]:
    """Validate one data file; the dataset is returned when it has no errors.

    The file is parsed a slice of records at a time where it can be (see `load.record_slices`),
    each slice's tables let go once they are records; its bytes are let go before the checks
    that relate records. Positions, needed only when there are problems, re-read the file.
    """
    return _validate(lambda: read_data(path), str(path), path.parent, today, rereadable=True)


def validate_stream(stream: BinaryIO, base_dir: Path, today: dt.date | None = None) -> tuple[Report, Dataset | None]:
    """Validate data piped in (`fc validate -`), named `<stdin>`; the documents its quotes cite are
    looked up from `base_dir`. The bytes are kept for positions: a stream cannot be read twice."""
    return _validate(lambda: read_stream_data(stream), STDIN_NAME, base_dir, today, rereadable=False)


def _validate(
    read: Callable[[], bytes], file: str, base_dir: Path, today: dt.date | None, rereadable: bool
) -> tuple[Report, Dataset | None]:
    with _collector_paused():
        try:
            data = read()
        except DataError as exc:
            return Report(file, list(exc.problems)), None
        checker = Checker(base_dir, today or dt.date.today())
        if (dataset := _check_slices(checker, data)) is None:
            try:
                text = decode_text(data, file)
                raw = parse_toml(text, file)
            except DataError as exc:
                return Report(file, list(exc.problems)), None
            _check_text(checker, raw, text)
            del text
            dataset = _check_records(checker, raw, consume=True)  # raw is ours: the tables go as records come
            del raw
        located = read if rereadable else (lambda kept=data: kept)
        del data
        return _finish(checker, dataset, file, lambda: text_lines(located()))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing and validating make millions of objects and no cycles: the cyclic garbage
    collector's passes over them are wasted, and on a large file they are much of the checks' time.

    What was made meanwhile is left in the youngest generation, where the first collection after
    the pause would walk all of it at once (0.17 s at 100,000 observations). It is moved to the
    oldest instead, where only a full collection walks it: freezing and thawing move whole
    generations without walking them. Not when the caller has frozen objects, which would be thawed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def check_document(
    raw: dict[str, Any], text: str, file: str, base_dir: Path, today: dt.date | None = None
) -> tuple[Report, Dataset | None]:
    checker = Checker(base_dir, today or dt.date.today())
    _check_text(checker, raw, text)
    return _finish(checker, _check_records(checker, raw), file, lambda: text.split("\n"))


def _check_text(checker: Checker, raw: dict[str, Any], text: str) -> None:
    if _may_hold_control_characters(text):
        _check_control_characters(checker, raw)


def _finish(
    checker: Checker, dataset: Indexed, file: str, lines: Callable[[], Iterable[str]]
) -> tuple[Report, Dataset | None]:
    citations = check_dataset(checker, dataset)
    check_benchmarks(checker, dataset.benchmarks, citations)
    check_sources_cited(checker, dataset, citations)
    report = Report(file, _locate(checker.problems, lines), _stats(dataset))
    report.sort()
    return report, (None if report.errors else _dataset(dataset))


def _locate(problems: list[Problem], lines: Callable[[], Iterable[str]]) -> list[Problem]:
    if not problems:
        return problems
    try:
        locator = Locator(lines(), wanted=[p.path for p in problems])
    except (DataError, UnicodeDecodeError):  # the file went away or changed since it was read: no positions
        return problems
    return [p.located(*locator.locate(p.path)) for p in problems]


def _dataset(indexed: Indexed) -> Dataset:
    return Dataset(
        sources=[s for _, s in indexed.sources],
        indicators=[i for _, i in indexed.indicators],
        benchmarks=[b for _, b in indexed.benchmarks],
    )


def _stats(indexed: Indexed) -> dict[str, int]:
    indicators = [i for _, i in indexed.indicators]
    return {
        "sources": len(indexed.sources),
        "indicators": len(indicators),
        "observations": sum(len(i.observations) for i in indicators),
        "targets": sum(len(i.targets) for i in indicators),
        **benchmark_stats([b for _, b in indexed.benchmarks]),
    }


def _check_records(checker: Checker, raw: dict[str, Any], consume: bool = False) -> Indexed:
    """The records that validate; with `consume`, each table of `raw` is dropped once it is a record."""
    indexed = Indexed()
    for key in raw:
        if key not in RECORD_TABLES:
            checker.add(
                (key,),
                Code.UNKNOWN_KEY,
                f"unknown top-level key '{key}'; expected [[sources]], [[indicators]] and [[benchmarks]]",
            )
    for key in RECORD_TABLES:
        records = raw.get(key, [])
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            checker.add((key,), Code.WRONG_TYPE, f"'{key}' must be an array of tables ([[{key}]])")
            continue
        _check_missing(checker, key, len(records))
        for index, record in enumerate(records):
            _check_record(checker, indexed, key, index, record)
            if consume:
                records[index] = None
    return indexed


def _check_slices(checker: Checker, data: bytes) -> Indexed | None:
    """The records of a file parsed a slice at a time, so that the tables of all its records never
    exist at once; None when the file must be parsed whole (see `load.record_slices`).

    Problems are kept by kind until the end and then added in the order a whole parse adds them
    (characters of each top-level table in the order they first appear, then each kind's records),
    since the report's sort keeps that order between problems on one position.
    """
    if (parts := record_slices(data)) is None:
        return None
    indexed = Indexed()
    counts = dict.fromkeys(RECORD_TABLES, 0)
    in_text: dict[str, Checker] = {}
    in_records = {key: Checker(checker.base_dir, checker.today) for key in RECORD_TABLES}
    for part in parts:
        if (parsed := parse_slice(data, part)) is None:
            return None
        text, tables = parsed
        suspect = _may_hold_control_characters(text)
        del text, parsed
        for key, records in tables.items():  # only record tables: a slice holds nothing else
            first = counts[key]
            counts[key] += len(records)
            characters = in_text.setdefault(key, Checker(checker.base_dir, checker.today))
            for index, record in enumerate(records, start=first):
                if suspect:
                    _check_control_characters(characters, record, (key, index), key)
                _check_record(in_records[key], indexed, key, index, record)
        del tables
    for characters in in_text.values():
        checker.problems += characters.problems
    for key in RECORD_TABLES:
        _check_missing(checker, key, counts[key])
        checker.problems += in_records[key].problems
    return indexed


def _check_missing(checker: Checker, key: str, count: int) -> None:
    if not count and key != "benchmarks":  # a file may hold no benchmarks
        checker.add((key,), Code.MISSING_FIELD, f"no [[{key}]] in the file")


def _check_record(checker: Checker, indexed: Indexed, key: str, index: int, record: dict[str, Any]) -> None:
    """Validate one record into `indexed`; what a record that fails still tells the cross-record checks is kept."""
    if (valid := _validated(checker, MODELS[key], record, (key, index))) is not None:
        getattr(indexed, key).append((index, valid))
    elif key == "indicators":
        indexed.cited |= _raw_citations(record)
    elif key == "benchmarks":
        indexed.cited |= raw_benchmark_citations(record)
    elif isinstance(record.get("id"), str):
        indexed.invalid_source_ids.add(record["id"])


def _raw_citations(record: dict[str, Any]) -> set[str]:
    """The source ids an indicator cites, read from a record that failed validation."""
    return {
        item["source"]
        for kind in ("observations", "targets")
        if isinstance(items := record.get(kind), list)
        for item in items
        if isinstance(item, dict) and isinstance(item.get("source"), str)
    } | raw_name_source(record)


# TOML lets U+0080–U+009F stand raw in a string and makes the other control characters only by
# escapes (a raw CR, NUL or ESC is a syntax error): a text with neither has none to find. A line
# break inside a string needs an escape or a multi-line string; bidi and invisible characters
# may stand raw or as \u escapes.
_RAW_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SUSPECT_ESCAPE = re.compile(r"\\[bfrexnuU]")
# Fields shown on one line (table cells, CSV cells, headings): a line break in one forges lines.
SINGLE_LINE = frozenset({"title", "publisher", "url", "document", "name", "unit", "label"})


def _may_hold_control_characters(text: str) -> bool:
    """A scan of the text in C, so that a clean file skips the walk through every parsed value.
    Multi-line strings are looked for apart: in one pattern with the characters, they made the scan
    three times as slow."""
    return bool(
        '"""' in text or "'''" in text or _RAW_SUSPECT.search(text) or ("\\" in text and _SUSPECT_ESCAPE.search(text))
    )


def _check_control_characters(checker: Checker, raw: Any, path: KeyPath = (), key: str = "") -> None:
    """Data text reaches terminals, spreadsheets and pages: escape sequences, reordering and forged lines must not.

    `raw` stands at `path`, under `key`. A walk with its own stack: values nested as deep as tomllib
    allows must not exhaust Python's.
    """
    pending: list[tuple[Any, KeyPath, str]] = [(raw, path, key)]
    while pending:
        value, path, key = pending.pop()
        if isinstance(value, dict):
            pending.extend((item, (*path, name), str(name)) for name, item in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend((item, (*path, index), key) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            for code, message in _character_problems(value, key in SINGLE_LINE):
                checker.add(path, code, message)


def _character_problems(text: str, single_line: bool) -> Iterator[tuple[Code, str]]:
    if match := CONTROL().search(text):
        yield (
            Code.CONTROL_CHARACTER,
            f"contains control character U+{ord(match[0]):04X} (terminal escape codes are not allowed)",
        )
    if match := BIDI().search(text):
        yield (
            Code.INVISIBLE_CHARACTER,
            f"contains bidirectional control U+{ord(match[0]):04X}, which reorders how text reads",
        )
    if match := ZERO_WIDTH.search(text):
        character = f"invisible character U+{ord(match[0]):04X}"
        if single_line:
            yield Code.INVISIBLE_CHARACTER, f"contains {character}; a one-line field must not"
        else:  # text copied from a web page may carry one: check it against the publication
            yield Code.ZERO_WIDTH_CHARACTER, f"contains {character}; check the text is as published"
    if single_line and (match := LINE_BREAK().search(text)):
        yield (
            Code.LINE_BREAK_IN_FIELD,
            f"contains a line break (U+{ord(match[0]):04X}); this field must be one line",
        )


def load_dataset(path: Path) -> Dataset:
    """The dataset for the reading commands: they show only data that passes validation."""
    report, dataset = validate_file(path)
    if dataset is None:
        raise DataError(report.file, report.errors)
    return dataset
