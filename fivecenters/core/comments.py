"""The comments of a data file, attached to what they precede, so that `fc fmt` keeps them.

tomllib drops comments; tomlkit keeps them, but where they fall in the text:
a comment above a `[[...]]` header sits at the end of the previous table. Here
they are read in text order and given to what follows them: the comment lines
above a record's header to that record, those above a key to the key, one at
the end of a line to that line (a comment inside a multi-line array goes above
its key). At the top of the file, comments that a blank line separates from
the first table are the file's own, and comments after the last value close it.

The result is the parsed data with a `Notes` under the key `NOTES` of each
table that has comments; canonical form writes them back where they belong.
Only files with a `#` pay for tomlkit, which parses five times slower than tomllib.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from fivecenters.core.errors import EditError
from fivecenters.core.structs import struct

BLANK = ""  # a blank line between two comment lines of one block


class _Marker:
    """A dict key that no TOML key can equal."""

    def __repr__(self) -> str:
        return "NOTES"


NOTES: Any = _Marker()


@struct
class Notes:
    """The curator's comments around one table of the file, kept by `fc fmt` and `fc add` when they rewrite it."""

    before: list[str] = field(default_factory=list)  # above the table's header (the file's head: the root's)
    header: str = ""  # at the end of the header line
    keys: dict[str, list[str]] = field(default_factory=dict)  # above each key
    inline: dict[str, str] = field(default_factory=dict)  # at the end of each key's line
    after: list[str] = field(default_factory=list)  # the root only: below the last table


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and lines[start] == BLANK:
        start += 1
    while end > start and lines[end - 1] == BLANK:
        end -= 1
    return lines[start:end]


class _Reader:
    def __init__(self) -> None:
        self.pending: list[str] = []
        self.started = False
        self.root = Notes()

    def take(self) -> list[str]:
        """The comments waiting for the next key or table; at the top, the file keeps its own."""
        pending, self.pending = self.pending, []
        if not self.started:
            self.started = True
            if BLANK in pending:
                cut = len(pending) - pending[::-1].index(BLANK)
                self.root.before, pending = _trimmed(pending[:cut]), pending[cut:]
        # One block per key or table: a blank line inside it would make it the file's head once sorted first.
        return [line for line in pending if line != BLANK]

    def table(self, container: Any, notes: Notes) -> dict[Any, Any]:
        from tomlkit.items import AoT, Array, Comment, Table, Whitespace

        out: dict[Any, Any] = {}
        for key, item in container.body:
            if isinstance(item, Comment):
                self.pending.append(item.as_string().strip())
            elif isinstance(item, Whitespace):
                if self.pending and "\n" in item.as_string():
                    self.pending.append(BLANK)
            elif key is None:
                continue
            elif isinstance(item, AoT):
                out[key.key] = [self.record(table) for table in item.body]
            elif isinstance(item, Table):
                out[key.key] = self.record(item)
            else:
                above = self.take() + (_array_comments(item) if isinstance(item, Array) else [])
                if above:
                    notes.keys[key.key] = above
                if item.trivia.comment:
                    notes.inline[key.key] = item.trivia.comment.strip()
                out[key.key] = item.unwrap()
        return out

    def record(self, table: Any) -> dict[Any, Any]:
        notes = Notes(before=self.take(), header=table.trivia.comment.strip())
        record = self.table(table.value, notes)
        if notes != Notes():
            record[NOTES] = notes
        return record


def _array_comments(array: Any) -> list[str]:
    from tomlkit.items import Array, Comment

    found: list[str] = []
    for item in array._iter_items():  # tomlkit keeps no public list of an array's comments
        if isinstance(item, Comment):
            found.append(item.as_string().strip())
        elif isinstance(item, Array):
            found.extend(_array_comments(item))
    return found


def without_notes(data: Any) -> Any:
    """The data as tomllib would parse it."""
    if isinstance(data, dict):
        return {key: without_notes(value) for key, value in data.items() if key is not NOTES}
    if isinstance(data, list):
        return [without_notes(item) for item in data]
    return data


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to itself (a file may hold `nan`; validation reports it, not this)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b or (a != a and b != b)  # NaN is not equal to itself


def annotated(text: str, parsed: dict[str, Any], file: str) -> dict[Any, Any]:
    """`parsed` (tomllib's reading of `text`) with the comments of `text` attached."""
    if "#" not in text:
        return parsed
    import tomlkit

    reader = _Reader()
    data = reader.table(tomlkit.parse(text), reader.root)
    reader.root.after = _trimmed(reader.pending)
    if not _same(without_notes(data), parsed):
        raise EditError(f"{file}: fc cannot place the comments of this layout; move them next to a key or a table")
    if reader.root != Notes():
        data[NOTES] = reader.root
    return data
