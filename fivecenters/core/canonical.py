"""The canonical form of a data file: one text for one content, so diffs show data.

Records are sorted (sources by id; indicators by center, then id; observations
by year, keeping the order of revisions; targets by deadline, then value;
benchmarks by their first center, then id; editions by year, then publication;
entries by place; corroborating citations by source), keys follow the order of
the model's fields, and keys equal to their default are left out. Values are
written by tomli-w; the layout is ours, because tomli-w
writes short arrays of tables inline and `Locator` finds lines only through
`[[...]]` headers. Canonical form works on any parsed TOML, valid or not, and
keeps every value, unknown keys included (after the known ones), and every
comment: `comments.py` attaches each to the table or key it precedes, and it
moves with them (a key equal to its default stays when it carries a comment).
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import tomli_w

from fivecenters.core.centers import Center
from fivecenters.core.comments import NOTES, Notes, annotated
from fivecenters.core.errors import NotValid
from fivecenters.core.load import parse_toml
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
    dump,
)
from fivecenters.core.problems import KeyPath
from fivecenters.core.validate import check_document

Table = Mapping[str, Any]
CENTER_ORDER = {center.value: rank for rank, center in enumerate(Center)}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


_SCALARS = frozenset({str, int, float, bool})


def _plain(value: Any) -> Any:
    """Model dumps hold enums; TOML and equality with defaults want their values."""
    if type(value) in _SCALARS:  # most values: asked first, since asking for a Mapping is slow
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        # Plain values before tables, as TOML writes them, so that the order (and
        # anything sorted by it) is the same once the canonical text is read back.
        keys = sorted(value, key=lambda key: isinstance(value[key], Mapping) or _is_tables(value[key]))
        return {key: _plain(value[key]) for key in keys}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _defaults(model: type[Record]) -> dict[str, Any]:
    defaults = {
        field.name: field.default if field.default_factory is dataclasses.MISSING else field.default_factory()
        for field in dataclasses.fields(model)
        if field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    }
    return {name: _plain(value) for name, value in defaults.items() if value is not None}


def _sort_key(value: Any) -> tuple[int, float, str]:
    """A total order over whatever a key holds, so sorting even odd data is stable."""
    if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
        return (0, float(value), "")
    return (1, 0.0, str(value))


def _indicator_key(record: Table) -> tuple[Any, ...]:
    center = record.get("center")
    rank = CENTER_ORDER.get(center, len(CENTER_ORDER)) if isinstance(center, str) else len(CENTER_ORDER)
    return (rank, _sort_key(center), _sort_key(record.get("id")))


def _benchmark_key(record: Table) -> tuple[Any, ...]:
    centers = record.get("centers")
    first = centers[0] if isinstance(centers, list) and centers and isinstance(centers[0], str) else None
    return (CENTER_ORDER.get(first, len(CENTER_ORDER)) if first else len(CENTER_ORDER), _sort_key(record.get("id")))


def _entry_key(record: Table) -> tuple[Any, ...]:
    """Best place first; "not in the top five" after fifth; entries with only a score last."""
    rank, bound = record.get("rank"), record.get("outside_top")
    place = _sort_key(rank) if rank is not None else _sort_key(bound)
    if rank is None and bound is not None and place[0] == 0:
        place = (0, place[1] + 0.5, "")
    return ((2, 0.0, "") if rank is None and bound is None else place, _sort_key(record.get("city")))


def _fields_key(*names: str) -> Callable[[Table], tuple[Any, ...]]:
    return lambda record: tuple(_sort_key(record.get(name)) for name in names)


class _Kind:
    """How records of one kind are ordered and which of their keys come first."""

    def __init__(
        self,
        model: type[Record],
        key: Callable[[Table], tuple[Any, ...]],
        children: Mapping[str, _Kind] | None = None,
    ) -> None:
        self.fields = [field.name for field in dataclasses.fields(model)]
        self.defaults = _defaults(model)
        self.key = key
        self.children = children or {}


_CITATIONS = {"corroborated_by": _Kind(Citation, _fields_key("source", "quote"))}
_OBSERVATION = _Kind(Observation, _fields_key("year"), _CITATIONS)
_TARGET = _Kind(Target, _fields_key("deadline", "value"), _CITATIONS)
_EDITION = _Kind(Edition, _fields_key("year", "published", "name"), {"entries": _Kind(Entry, _entry_key)})
_ROOT_CHILDREN = {
    "sources": _Kind(Source, _fields_key("id")),
    "indicators": _Kind(Indicator, _indicator_key, {"observations": _OBSERVATION, "targets": _TARGET}),
    "benchmarks": _Kind(
        Benchmark,
        _benchmark_key,
        {"editions": _EDITION, "targets": _Kind(RankTarget, _fields_key("deadline", "rank"))},
    ),
}
_ROOT = _Kind(Dataset, _fields_key(), _ROOT_CHILDREN)
_ROOT_FIELDS = _ROOT.fields


def _arrays(children: Mapping[str, _Kind], path: tuple[str, ...] = ()) -> dict[tuple[str, ...], _Kind]:
    found: dict[tuple[str, ...], _Kind] = {}
    for name, kind in children.items():
        found[(*path, name)] = kind
        found |= _arrays(kind.children, (*path, name))
    return found


# The kind of record an array holds, by the names in its key path ("indicators", 3, "observations").
_ARRAYS = _arrays(_ROOT_CHILDREN)


def _is_default(value: Any, default: Any) -> bool:
    # type() matters: in Python 0 == False, but `revision = 0` is not the default.
    return type(value) is type(default) and value == default


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _ordered(table: Table, fields: Iterable[str]) -> list[str]:
    known = [name for name in fields if name in table]
    return known + [name for name in table if name not in known]


def _commented(record: Table, name: str) -> bool:
    notes = record.get(NOTES)
    return notes is not None and (name in notes.keys or name in notes.inline)


def _record(record: Table, kind: _Kind) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _ordered(record, kind.fields):
        value = record[name]
        default = name in kind.defaults and _is_default(value, kind.defaults[name])
        if value is None or (default and not _commented(record, name)):  # a comment keeps its key
            continue
        out[name] = _records(value, kind.children[name]) if name in kind.children else value
    return out


def _records(value: Any, kind: _Kind) -> Any:
    if not _is_tables(value):
        return value
    return sorted((_record(item, kind) for item in value), key=kind.key)


def canonical_data(data: Table | Dataset) -> dict[str, Any]:
    """The content in canonical order, defaults left out; a Dataset or parsed TOML."""
    return _record(_plain(dump(data) if isinstance(data, Dataset) else data), _ROOT)


def _key(part: str) -> str:
    return part if _BARE_KEY.fullmatch(part) else tomli_w.dumps({"k": part})[4:-1]


def _with_comment(line: str, comment: str | None) -> str:
    return f"{line}  {comment}" if comment else line


# Where tomli-w starts a key's line: not where an array it writes over several lines goes on
# (indented) or closes (at the key's own level, with "]").
_NEXT_KEY = re.compile(r"\n(?=[^ \]])")
# What a TOML basic string must escape: `"`, `\` and the control characters but tab. A string
# without any is itself between quotes, as tomli-w writes it, which it finds out a character at a
# time, in Python: most of `fc fmt`'s time, since nearly every value is such a string.
_ESCAPED = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')


def _value_lines(values: Table) -> list[str]:
    """Each `key = value` as tomli-w writes it (an array over several lines), for the table's values in
    order: strings that need no escape between quotes, the rest in one call of tomli-w for the table
    rather than one a key (a file has thousands of keys, and each call has its own set-up)."""
    lines = {
        name: f'{name} = "{value}"'
        for name, value in values.items()
        if type(value) is str and _BARE_KEY.fullmatch(name) and not _ESCAPED.search(value)
    }
    rest = {name: value for name, value in values.items() if name not in lines}
    if rest:
        texts = _NEXT_KEY.split(tomli_w.dumps(rest).rstrip("\n"))
        if len(texts) != len(rest):
            texts = [tomli_w.dumps({name: value}).rstrip("\n") for name, value in rest.items()]
        lines.update(zip(rest, texts, strict=True))
    return [lines[name] for name in values]


def _blocks(table: Table, header: str | None, path: tuple[str, ...]) -> Iterable[str]:
    """One block per table: its comments, header and values, then its sub-tables.

    Arrays of tables are always `[[...]]` blocks, never inline.
    """
    notes = table.get(NOTES) or Notes()
    lines = [*notes.before, _with_comment(header, notes.header)] if header else []
    values: dict[str, Any] = {}
    nested: list[tuple[str, list[Table], bool]] = []  # each sub-table or array of tables, and which
    for name, value in table.items():
        if name is NOTES:
            continue
        if isinstance(value, Mapping):
            nested.append((name, [value], False))
        elif _is_tables(value):
            nested.append((name, value, True))
        else:
            values[name] = value
    for name, text in zip(values, _value_lines(values), strict=True):
        lines.extend(notes.keys.get(name, ()))
        lines.append(_with_comment(text, notes.inline.get(name)))
    if lines:
        yield "\n".join(lines) + "\n"
    for name, items, array in nested:
        dotted = ".".join(_key(part) for part in (*path, name))
        for item in items:
            yield from _blocks(item, f"[[{dotted}]]" if array else f"[{dotted}]", (*path, name))


def canonical_text(data: Table | Dataset) -> str:
    """The canonical TOML text: a blank line between tables, one key per line, comments
    (from `comments.annotated`) where they were: the file's first and last, then each above its table or key."""
    content = canonical_data(data)
    notes = content.get(NOTES) or Notes()
    head = ["\n".join(notes.before) + "\n"] if notes.before else []
    tail = ["\n".join(notes.after) + "\n"] if notes.after else []
    return "\n".join([*head, *_blocks(content, None, ()), *tail])


def _names(array: KeyPath) -> tuple[str, ...]:
    return tuple(part for part in array if isinstance(part, str))


def field_names(record: KeyPath) -> list[str]:
    """The keys a record at this path has, in canonical order (the file's own at the root)."""
    names = _names(record)
    return _ARRAYS[names].fields if names else _ROOT_FIELDS


def insertion_index(records: Sequence[Table], record: Table, array: KeyPath) -> int:
    """Where a new record goes among `records`: after the last one that sorts at or before it,
    so that a canonical file stays canonical and a hand-ordered one is disturbed least."""
    key = _ARRAYS[_names(array)].key
    new = key(record)
    return max((index + 1 for index, old in enumerate(records) if key(old) <= new), default=0)


def record_block(record: Table, array: KeyPath) -> str:
    """The canonical text of one new record of the array at `array`, its header first."""
    names = _names(array)
    header = f"[[{'.'.join(_key(name) for name in names)}]]"
    return "\n".join(_blocks(_record(_plain(record), _ARRAYS[names]), header, names))


def format_text(text: str, file: str) -> str:
    """Canonical form of a file's text, comments kept; raises DataError when it is not TOML."""
    return canonical_text(annotated(text, parse_toml(text, file), file))


def format_valid(text: str, file: str, base_dir: Path) -> str:
    """Canonical form of a file that passes `fc validate`; raises DataError or NotValid otherwise."""
    raw = parse_toml(text, file)
    report, _ = check_document(raw, text, file, base_dir)
    if report.errors:
        raise NotValid(report)
    return canonical_text(annotated(text, raw, file))


# difflib's matching is quadratic in the lines that differ: past this many, a summary instead.
MAX_DIFF_LINES = 4000
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def diff(text: str, canonical: str, file: str) -> list[str]:
    """A unified diff from the file as it is to its canonical form, without line ends.

    Linear in the file: the common first and last lines are set aside before
    difflib sees the rest, and a rest of more than MAX_DIFF_LINES is summed up
    rather than diffed. A file that differs only in its line ends (CRLF, no
    final newline) says so, rather than showing an empty diff.
    """
    if text == canonical:
        return []
    old, new = text.splitlines(), canonical.splitlines()
    header = [f"--- {file}", f"+++ {file} (canonical)"]
    if old == new:
        return [*header, "@@ only line ends differ: canonical form ends every line with LF (\\n), not CRLF @@"]
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    context = max(start - 3, 0)
    old_part, new_part = old[context : len(old) - end + 3], new[context : len(new) - end + 3]
    if len(old_part) + len(new_part) > MAX_DIFF_LINES:
        changed_old, changed_new = len(old) - start - end, len(new) - start - end
        return [
            *header,
            f"@@ -{start + 1},{changed_old} +{start + 1},{changed_new} @@ "
            f"{changed_old:,} lines differ from line {start + 1}, too many to show: run fc fmt, then git diff",
        ]
    lines = list(difflib.unified_diff(old_part, new_part, lineterm=""))[2:]
    return [*header, *(_shifted(line, context) for line in lines)]


def _shifted(line: str, offset: int) -> str:
    """A hunk header of a diff of lines from `offset` on, numbered as in the whole file."""
    match = _HUNK.match(line)
    if not match or not offset:
        return line
    old_start, old_count, new_start, new_count = match.groups()
    return (
        f"@@ -{int(old_start) + offset}{old_count or ''} +{int(new_start) + offset}{new_count or ''} @@"
        + line[match.end() :]
    )
