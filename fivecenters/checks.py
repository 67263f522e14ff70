"""Every rule a data file must pass, each problem with a stable code and a position.

Records are validated one by one, so a single bad observation does not hide
the problems of the others; cross-record rules then run on what validated.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from fivecenters.centers import Center
from fivecenters.load import DataError, Locator, parse_toml, read_text
from fivecenters.lookup import suggestion
from fivecenters.model import Comparator, Dataset, Direction, Indicator, Kind, Source, Status, Target
from fivecenters.report import CONTROL, KeyPath, Problem, Report

FIRST_YEAR = 1949
LAST_TARGET_YEAR = 2100
TOP_LEVEL = ("sources", "indicators")
M = TypeVar("M", bound=BaseModel)

_PYDANTIC_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing-field",
    "enum": "invalid-value",
    "string_pattern_mismatch": "invalid-value",
    "string_too_short": "empty-string",
}


@dataclass
class _Checker:
    """Collects problems for one file; positions are resolved once at the end."""

    base_dir: Path
    today: dt.date
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: KeyPath, code: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(code, message, severity, path))  # type: ignore[arg-type]

    def validated(self, model: type[M], raw: Any, path: KeyPath) -> M | None:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                self.add((*path, *error["loc"]), *_describe(error))
            return None


def _describe(error: Any) -> tuple[str, str]:
    kind, loc = error["type"], error["loc"]
    name = str(loc[-1]) if loc else "value"
    if kind == "extra_forbidden":
        return "unknown-key", f"unknown key '{name}'"
    if kind == "missing":
        return "missing-field", f"required key '{name}' is missing"
    if kind == "enum" and name == "center":
        return "unknown-center", f"'{error['input']}' is not a center; expected {error['ctx']['expected']}." + (
            suggestion(str(error["input"]), [c.value for c in Center])
        )
    if kind == "enum":
        return "invalid-value", f"'{error['input']}' is not a valid {name}; expected {error['ctx']['expected']}"
    if kind in ("string_pattern_mismatch", "string_too_long") and name in ("id", "source"):
        return "invalid-id", f"'{error['input']}' is not a kebab-case id (a-z, 0-9, hyphens; at most 80 characters)"
    code = _PYDANTIC_CODES.get(kind, "wrong-type")
    return code, f"'{name}': {error['msg'][0].lower()}{error['msg'][1:]} (got {type(error['input']).__name__})"


def validate_file(path: Path, today: dt.date | None = None) -> tuple[Report, Dataset | None]:
    """Validate one data file; the dataset is returned when it has no errors.

    The text and the parsed tables are let go as soon as the records are built
    (a large file's text is as big as its records): positions, needed only
    when there are problems, re-read the file.
    """
    file = str(path)
    with _collector_paused():
        try:
            text = read_text(path)
            raw = parse_toml(text, file)
        except DataError as exc:
            return Report(file, exc.problems), None
        checker = _Checker(path.parent, today or dt.date.today())
        _check_text(checker, raw, text)
        del text
        dataset = _check_records(checker, raw, consume=True)  # raw is ours: the tables go as records come
        del raw
        return _finish(checker, dataset, file, lambda: read_text(path))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing and validating make millions of objects and no cycles: the cyclic garbage
    collector's passes over them are wasted, a third of the checks' time on a large file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_document(
    raw: dict[str, Any], text: str, file: str, base_dir: Path, today: dt.date | None = None
) -> tuple[Report, Dataset | None]:
    checker = _Checker(base_dir, today or dt.date.today())
    _check_text(checker, raw, text)
    return _finish(checker, _check_records(checker, raw), file, lambda: text)


def _check_text(checker: _Checker, raw: dict[str, Any], text: str) -> None:
    if _may_hold_control_characters(text):
        _check_control_characters(checker, raw)


def _finish(checker: _Checker, dataset: _Indexed, file: str, text: Callable[[], str]) -> tuple[Report, Dataset | None]:
    _check_dataset(checker, dataset)
    report = Report(file, _locate(checker.problems, text), _stats(dataset))
    report.sort()
    return report, (None if report.errors else _dataset(dataset))


def _locate(problems: list[Problem], text: Callable[[], str]) -> list[Problem]:
    if not problems:
        return problems
    try:
        locator = Locator(text())
    except DataError:  # the file went away since it was read: report without positions
        return problems
    return [p.located(*locator.locate(p.path)) for p in problems]


@dataclass
class _Indexed:
    """Records that validated, with their index in the file for positions."""

    sources: list[tuple[int, Source]] = field(default_factory=list)
    indicators: list[tuple[int, Indicator]] = field(default_factory=list)
    # From records that did not validate (already reported): their citations and ids
    # must not add unused-source or unknown-source problems on top.
    cited: set[str] = field(default_factory=set)
    invalid_source_ids: set[str] = field(default_factory=set)


def _dataset(indexed: _Indexed) -> Dataset:
    return Dataset.model_construct(
        sources=[s for _, s in indexed.sources], indicators=[i for _, i in indexed.indicators]
    )


def _stats(indexed: _Indexed) -> dict[str, int]:
    indicators = [i for _, i in indexed.indicators]
    return {
        "sources": len(indexed.sources),
        "indicators": len(indicators),
        "observations": sum(len(i.observations) for i in indicators),
        "targets": sum(len(i.targets) for i in indicators),
    }


def _check_records(checker: _Checker, raw: dict[str, Any], consume: bool = False) -> _Indexed:
    """The records that validate; with `consume`, each table of `raw` is dropped once it is a record."""
    indexed = _Indexed()
    for key in raw:
        if key not in TOP_LEVEL:
            checker.add(
                (key,), "unknown-key", f"unknown top-level key '{key}'; expected [[sources]] and [[indicators]]"
            )
    for key, model, into in (("sources", Source, indexed.sources), ("indicators", Indicator, indexed.indicators)):
        records = raw.get(key, [])
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            checker.add((key,), "wrong-type", f"'{key}' must be an array of tables ([[{key}]])")
            continue
        if not records:
            checker.add((key,), "missing-field", f"no [[{key}]] in the file")
        for index, record in enumerate(records):
            if (valid := checker.validated(model, record, (key, index))) is not None:
                into.append((index, valid))
            elif key == "indicators":
                indexed.cited |= _raw_citations(record)
            elif isinstance(record.get("id"), str):
                indexed.invalid_source_ids.add(record["id"])
            if consume:
                records[index] = None
    return indexed


def _raw_citations(record: dict[str, Any]) -> set[str]:
    """The source ids an indicator cites, read from a record that failed validation."""
    return {
        item["source"]
        for kind in ("observations", "targets")
        if isinstance(items := record.get(kind), list)
        for item in items
        if isinstance(item, dict) and isinstance(item.get("source"), str)
    }


# TOML lets U+0080–U+009F stand raw in a string and makes the other control characters only by
# escapes (a raw CR, NUL or ESC is a syntax error): a text with neither has none to find.
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_ESCAPE = re.compile(r"\\(?:[bfrex]|u00|U0000)")


def _may_hold_control_characters(text: str) -> bool:
    """A scan of the text in C, so that a clean file skips the walk through every parsed value."""
    return bool(_RAW_CONTROL.search(text) or ("\\" in text and _CONTROL_ESCAPE.search(text)))


def _check_control_characters(checker: _Checker, raw: Any, path: KeyPath = ()) -> None:
    """Data text reaches terminals: escape sequences in it must never pass."""
    if isinstance(raw, dict):
        for key, value in raw.items():
            _check_control_characters(checker, value, (*path, key))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            _check_control_characters(checker, value, (*path, index))
    elif isinstance(raw, str) and (match := CONTROL.search(raw)):
        checker.add(
            path,
            "control-character",
            f"contains control character U+{ord(match[0]):04X} (terminal escape codes are not allowed)",
        )


def _check_dataset(checker: _Checker, data: _Indexed) -> None:
    sources = _check_sources(checker, data.sources)
    cited: set[str] = set(data.cited)
    seen: dict[str, int] = {}
    quotes = _QuoteFinder(checker.base_dir)
    for index, indicator in data.indicators:
        path: KeyPath = ("indicators", index)
        if indicator.id in seen:
            checker.add(
                (*path, "id"),
                "duplicate-id",
                f"indicator id '{indicator.id}' is already used by indicator #{seen[indicator.id] + 1}",
            )
        seen.setdefault(indicator.id, index)
        # An indicator may exist only to hold a plan's targets until data is found; with neither it is a stub.
        if not indicator.observations and not indicator.targets:
            checker.add(
                path, "no-observations", f"indicator '{indicator.id}' has no observations and no targets", "warning"
            )
        for kind, records in (("observations", indicator.observations), ("targets", indicator.targets)):
            for number, record in enumerate(records):
                record_path = (*path, kind, number)
                cited.add(record.source)
                source = sources.get(record.source)
                if source is None and record.source in data.invalid_source_ids:
                    continue
                if source is None:
                    checker.add(
                        (*record_path, "source"),
                        "unknown-source",
                        f"cites source '{record.source}', which is not in [[sources]]",
                    )
                elif source.document and not quotes.contains(source, record.quote):
                    checker.add(
                        (*record_path, "quote"),
                        "quote-not-in-document",
                        f"quote not found in {source.document} (cited as '{source.id}')",
                    )
        _check_observations(checker, indicator, path)
        _check_targets(checker, indicator, path)
    for source_id, (index, source) in ((s.id, (i, s)) for i, s in data.sources):
        if source_id not in cited:
            checker.add(
                ("sources", index, "id"), "unused-source", f"source '{source_id}' is cited by nothing", "warning"
            )
        if source.document:
            quotes.require_document(checker, source, ("sources", index, "document"))


def _check_sources(checker: _Checker, sources: list[tuple[int, Source]]) -> dict[str, Source]:
    by_id: dict[str, Source] = {}
    for index, source in sources:
        path = ("sources", index)
        if source.id in by_id:
            checker.add((*path, "id"), "duplicate-id", f"source id '{source.id}' is already used")
            continue
        by_id[source.id] = source
        if not (source.url or source.document):
            checker.add(path, "source-without-location", f"source '{source.id}' needs a url or a document")
        for key, day in (("published", source.published), ("accessed", source.accessed)):
            if day and day > checker.today:
                checker.add((*path, key), "date-in-future", f"{key} date {day} is in the future")
    return by_id


def _check_observations(checker: _Checker, indicator: Indicator, path: KeyPath) -> None:
    by_year: dict[int, list[int]] = defaultdict(list)
    for number, obs in enumerate(indicator.observations):
        obs_path = (*path, "observations", number)
        by_year[obs.year].append(number)
        if not FIRST_YEAR <= obs.year <= checker.today.year:
            checker.add(
                (*obs_path, "year"),
                "year-out-of-range",
                f"observation year {obs.year} is outside {FIRST_YEAR}–{checker.today.year}",
            )
        _check_value(checker, indicator, obs.value, (*obs_path, "value"))
        if obs.status is Status.DERIVED:
            if not obs.derived_from:
                checker.add(
                    obs_path, "derived-without-inputs", "a derived value must name its inputs in 'derived_from'"
                )
        else:
            if obs.derived_from:
                checker.add(
                    (*obs_path, "derived_from"),
                    "inputs-without-derived",
                    "'derived_from' is set but status is not \"derived\"",
                    "warning",
                )
            if math.isfinite(obs.value) and not value_in_quote(obs.value, obs.quote):
                checker.add(
                    (*obs_path, "quote"),
                    "value-not-in-quote",
                    f"value {obs.value:g} does not appear in its quote; "
                    "if it is computed, set status = \"derived\" and 'derived_from'",
                    "warning",
                )
    for year, numbers in by_year.items():
        observations = [indicator.observations[n] for n in numbers]
        used = [n for n, o in zip(numbers, observations, strict=True) if o.used]
        first = (*path, "observations", numbers[-1])
        if len(numbers) > 1 and not all(o.revision for o in observations):
            checker.add(
                (*first, "year"),
                "duplicate-year",
                f"{len(numbers)} observations for {year}; "
                "mark each with revision = true and all but one with used = false",
            )
        elif len(used) > 1:
            checker.add(
                (*path, "observations", used[-1], "year"),
                "multiple-used-values",
                f"{len(used)} observations for {year} are used; set used = false on all but one",
            )
        if not used:
            checker.add((*first, "used"), "no-used-value", f"no observation for {year} is used; exactly one must be")


def _check_targets(checker: _Checker, indicator: Indicator, path: KeyPath) -> None:
    for number, target in enumerate(indicator.targets):
        tpath = (*path, "targets", number)
        _check_value(checker, indicator, target.value, (*tpath, "value"))
        if not FIRST_YEAR <= target.deadline <= LAST_TARGET_YEAR:
            checker.add(
                (*tpath, "deadline"),
                "year-out-of-range",
                f"deadline {target.deadline} is outside {FIRST_YEAR}–{LAST_TARGET_YEAR}",
            )
        for key in ("set_in", "baseline_year"):
            year = getattr(target, key)
            if year is not None and not FIRST_YEAR <= year <= min(target.deadline, checker.today.year):
                checker.add(
                    (*tpath, key),
                    "target-years-inconsistent",
                    f"{key} {year} must lie between {FIRST_YEAR} and the deadline {target.deadline}, "
                    "and not in the future",
                )
        if (target.baseline_year is None) != (target.baseline_value is None):
            checker.add(tpath, "incomplete-baseline", "baseline_year and baseline_value go together")
        elif target.baseline_value is not None:
            _check_value(checker, indicator, target.baseline_value, (*tpath, "baseline_value"))
        if _against_direction(target, indicator.direction):
            checker.add(
                (*tpath, "comparator"),
                "comparator-against-direction",
                f"'{target.comparator}' on an indicator where {indicator.direction} is better",
                "warning",
            )


def _against_direction(target: Target, direction: Direction) -> bool:
    return (target.comparator, direction) in {
        (Comparator.AT_MOST, Direction.HIGHER),
        (Comparator.AT_LEAST, Direction.LOWER),
    }


def _check_value(checker: _Checker, indicator: Indicator, value: float, path: KeyPath) -> None:
    for code, message in value_problems(indicator, value):
        checker.add(path, code, message)


def value_problems(indicator: Indicator, value: float) -> Iterator[tuple[str, str]]:
    """What is wrong with a value for this indicator's kind and unit, if anything."""
    if not math.isfinite(value):
        yield "not-finite", f"value {value} is not a finite number"
    elif indicator.kind is Kind.RANK:
        if value < 1 or value != int(value):
            yield "invalid-rank", f"rank {value:g} must be a whole number of at least 1"
    elif indicator.kind is not Kind.GROWTH and value < 0:
        yield "negative-value", f"value {value:g} is negative, but a {indicator.kind} cannot be"
    elif indicator.is_percent and indicator.kind is Kind.RATIO and value > 100:
        yield "percent-out-of-range", f"value {value:g}% is above 100%"


# Thousands separators; a decimal point, or a decimal comma as in "4,19 trilhões".
_NUMBER = re.compile(r"\d+(?:[,，]\d{3}(?!\d))*(?:[.・·]\d+|,\d{1,2}(?!\d))?")
# One string per list reads better than forty quoted words.
_WORDS = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINALS = (  # noqa: SIM905
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
NUMBER_WORDS = {word: float(n) for words in (_WORDS, _ORDINALS) for n, word in enumerate(words)}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
# Ranks in Chinese: 第三 (third), 第十 (tenth).
_CHINESE_ORDINAL = re.compile("第([一二三四五六七八九十])")


def numbers_in(text: str) -> Iterator[float]:
    """Every number a quote states: in digits, as an English word, or as a Chinese ordinal."""
    text = unicodedata.normalize("NFKC", text)
    for match in _NUMBER.finditer(text):
        try:  # most numbers are plain digits: no separators to read
            yield float(match[0])
            continue
        except ValueError:
            pass
        digits = match[0].replace("，", ",").replace("・", ".").replace("·", ".")
        if re.search(r",\d{1,2}$", digits):
            digits = digits.replace(",", ".")
        yield float(digits.replace(",", ""))
    for match in _NUMBER_WORD.finditer(text):
        yield NUMBER_WORDS[match[1].lower()]
    for match in _CHINESE_ORDINAL.finditer(text):
        yield float("一二三四五六七八九十".index(match[1]) + 1)


def value_in_quote(value: float, quote: str) -> bool:
    """Whether the quote states the value, allowing a change of scale (亿元 → trillion)."""
    target = abs(value)
    for number in numbers_in(quote):
        if number == target:
            return True
        if number and target and math.isfinite(number):
            # A difference of logs: a quotient of extreme values overflows or underflows.
            shift = math.log10(target) - math.log10(number)
            if abs(shift - round(shift)) < 1e-9:
                return True
    return False


# Two scans in C with a constant replacement: str.translate looks up every character of a
# document in a dict (3.6 of the 4.9 ms that the shipped file's documents took).
_DOUBLE_QUOTES = re.compile("[“”„‟«»「」『』〝〞＂″]")
_SINGLE_QUOTES = re.compile("[‘’‚‛′＇`]")


def normalize_text(text: str) -> str:
    """Forgive what copying a quote changes: width, quote marks, line breaks."""
    text = _SINGLE_QUOTES.sub("'", _DOUBLE_QUOTES.sub('"', unicodedata.normalize("NFKC", text)))
    return " ".join(text.split())


@dataclass
class _QuoteFinder:
    """Reads each cited document once, normalised, for every quote citing it."""

    base_dir: Path
    _documents: dict[str, str | None] = field(default_factory=dict)

    def document(self, source: Source) -> str | None:
        assert source.document
        if source.document not in self._documents:
            try:
                text = (self.base_dir / source.document).read_text(encoding="utf-8")
                self._documents[source.document] = normalize_text(text)
            except (OSError, UnicodeDecodeError):
                self._documents[source.document] = None
        return self._documents[source.document]

    def contains(self, source: Source, quote: str) -> bool:
        document = self.document(source)
        return document is None or normalize_text(quote) in document

    def require_document(self, checker: _Checker, source: Source, path: KeyPath) -> None:
        if self.document(source) is None:
            checker.add(
                path,
                "document-not-found",
                f"document '{source.document}' cannot be read (paths are relative to the data file)",
            )


def load_dataset(path: Path) -> Dataset:
    """The dataset for the reading commands: they show only data that passes validation."""
    report, dataset = validate_file(path)
    if dataset is None:
        raise DataError(report.file, report.errors)
    return dataset
