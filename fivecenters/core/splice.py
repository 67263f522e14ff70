"""Adding a record to the text of a data file in place, so that everything else stays as written.

Rewriting the whole file would drop its comments and re-order a hand-ordered
file; a review should see an `fc add` as the lines it adds. The new record goes
where `edit` placed it among its siblings, written in canonical form, before
the comments and blank lines that lead up to the next table: a comment belongs
to the record it precedes (as `fc fmt` keeps it). At the top of the file,
comments that a blank line separates from the first table are the file's own.
Positions come from `Locator`; the caller checks the result by parsing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import tomli_w

from fivecenters.core.canonical import field_names
from fivecenters.core.locator import Locator
from fivecenters.core.problems import KeyPath

Update = tuple[KeyPath, str, Any]  # a record's path, one of its keys, the new value
Edit = tuple[int, int, list[str]]  # first line (0-based), lines replaced, new lines


class SpliceError(Exception):
    """The file's layout has no place fc can find for the change."""


def _aside(line: str) -> bool:
    """Blank or a comment: what stands between two tables without belonging to the first."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _within(path: KeyPath, prefix: KeyPath) -> bool:
    return path[: len(prefix)] == prefix


def _stop(locator: Locator, array: KeyPath, count: int) -> int | None:
    """The header line a new last record of `array` must come before; None: the end of the file."""
    if count:
        anchor: KeyPath = (*array, count - 1)
        skipped = lambda path: _within(path, anchor)  # noqa: E731 - the anchor's own sub-tables
    else:
        anchor, name = array[:-1], str(array[-1])
        fields = field_names(anchor)
        earlier = set(fields[: fields.index(name)]) if name in fields else set(fields)
        skipped = lambda path: _within(path, anchor) and len(path) > len(anchor) and path[len(anchor)] in earlier  # noqa: E731
    start = _header_line(locator, anchor) if anchor else 0
    return next((line for path, line in locator.headers if line > start and not skipped(path)), None)


def _header_line(locator: Locator, path: KeyPath) -> int:
    for table, line in locator.headers:
        if table == path:
            return line
    raise SpliceError(f"no table [{'.'.join(map(str, path))}] in the file")


def _insertion(lines: list[str], at_header: int | None, block: list[str]) -> Edit:
    if at_header is None:  # at the end, before the comments that close the file
        start = len(lines)
        while start > 0 and _aside(lines[start - 1]):
            start -= 1
        return (start, 0, ["", *block])
    start = at_header - 1
    while start > 0 and _aside(lines[start - 1]):
        start -= 1
    if start == 0:  # the top of the file: its own comments end at the last blank line
        blanks = [index for index in range(at_header - 1) if not lines[index].strip()]
        start = blanks[-1] + 1 if blanks else 0
        return (start, 0, [*block, ""])
    return (start, 0, ["", *block] + ([] if not lines[start].strip() else [""]))


def _update(lines: list[str], locator: Locator, record: KeyPath, key: str, value: Any) -> Edit:
    assignment = tomli_w.dumps({key: value}).strip()
    line, _ = locator.locate((*record, key))
    if line is not None and line != locator.locate(record)[0]:
        old = re.match(rf"(\s*{re.escape(key)}\s*=\s*)(true|false)\b", lines[line - 1])
        if not old:
            raise SpliceError(f"cannot change '{key}' on line {line}")
        return (line - 1, 1, [old[1] + assignment.split("= ", 1)[1] + lines[line - 1][old.end() :]])
    fields = field_names(record)
    for later in fields[fields.index(key) + 1 :]:
        line, _ = locator.locate((*record, later))
        if line is not None and line != locator.locate(record)[0]:
            return (line - 1, 0, [assignment])
    raise SpliceError(f"no place for '{key}' in the record")


def splice(text: str, array: KeyPath, index: int, count: int, block: str, updates: Iterable[Update] = ()) -> str:
    """`text` with `block` (a new record) as record `index` of the `count` in `array`, and `updates` made."""
    locator = Locator(text)
    lines = text.split("\n")
    at_header = _header_line(locator, (*array, index)) if index < count else _stop(locator, array, count)
    edits = [_insertion(lines, at_header, block.rstrip("\n").split("\n"))]
    edits += [_update(lines, locator, *update) for update in updates]
    cr = "\r" if "\r\n" in text else ""  # new lines end as the file's do
    # From the bottom up, so that each edit's line numbers still hold. At one line, a changed line is
    # changed first, then what goes before it is inserted, in the order given.
    order = sorted(enumerate(edits), key=lambda pair: (pair[1][0], pair[1][1], pair[0]), reverse=True)
    for _, (start, removed, new) in order:
        lines[start : start + removed] = new if removed else [line + cr for line in new]
    return "\n".join(lines)
