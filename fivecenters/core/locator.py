"""Where a key stands in the file's text, since tomllib keeps no positions.

Built only when a problem needs a position: a clean file never pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from fivecenters.core.problems import KeyPath

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_MULTILINE = ('"""', "'''")


def _bracket_balance(line: str) -> int:
    """Opened minus closed brackets on a line, outside strings and comments."""
    balance, quote, escaped = 0, "", False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char == "[":
            balance += 1
        elif char == "]":
            balance -= 1
    return balance


class Locator:
    """Maps key paths such as ("indicators", 3, "observations", 0, "year") to lines.

    `text` is the file's text or its lines (split at line feeds). Given `wanted`, it keeps only the
    positions of those paths and of the tables around them, and no `headers`: to locate a few
    problems in a large file, a position for every key of it would take more memory than its records.
    """

    def __init__(self, text: str | Iterable[str], wanted: Collection[KeyPath] | None = None) -> None:
        self._positions: dict[KeyPath, tuple[int, int]] = {}
        self._wanted = None if wanted is None else {path[:end] for path in wanted for end in range(1, len(path) + 1)}
        self.headers: list[tuple[KeyPath, int]] = []  # every table header, in file order, with its line
        # Lines end at LF only, as tomllib counts them: splitlines() would also split
        # at U+2028, U+0085 and others that TOML strings may hold.
        self._scan(text.split("\n") if isinstance(text, str) else text)

    def _keep(self, path: KeyPath, position: tuple[int, int]) -> None:
        if self._wanted is None or path in self._wanted:
            self._positions.setdefault(path, position)

    def _scan(self, lines: Iterable[str]) -> None:
        counts: dict[KeyPath, int] = {}
        table: KeyPath = ()
        open_string: str | None = None
        open_brackets = 0  # inside a value array that spans lines
        for number, line in enumerate(lines, start=1):
            if open_string:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            if open_brackets > 0:
                open_brackets += _bracket_balance(line)
                continue
            if header := _HEADER.match(line):
                table = self._header_path(header[2], header[1] == "[[", counts)
                self._keep(table, (number, line.index("[") + 1))
                if self._wanted is None:
                    self.headers.append((table, number))
                continue
            if key := _KEY.match(line):
                name = key[2].strip("\"'")
                self._keep((*table, name), (number, len(key[1]) + 1))
                rest = line[key.end() :]
                for delimiter in _MULTILINE:
                    if rest.count(delimiter) % 2 == 1:
                        open_string = delimiter
                if not open_string:
                    # Most values open no array: skip the scan of each character.
                    open_brackets = _bracket_balance(rest) if "[" in rest else 0

    def _header_path(self, dotted: str, is_array: bool, counts: dict[KeyPath, int]) -> KeyPath:
        segments = [s.strip().strip("\"'") for s in dotted.split(".")]
        path: list[str | int] = []
        for position, segment in enumerate(segments):
            path.append(segment)
            key = tuple(path)
            if is_array and position == len(segments) - 1:
                counts[key] = counts.get(key, -1) + 1
                path.append(counts[key])
            elif key in counts:
                path.append(counts[key])
        return tuple(path)

    def locate(self, path: KeyPath) -> tuple[int | None, int | None]:
        """The line of the key, else of its nearest enclosing table."""
        for end in range(len(path), 0, -1):
            if found := self._positions.get(path[:end]):
                return found
        return None, None
