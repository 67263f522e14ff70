"""Where a key stands in the file's text, since tomllib keeps no positions.

Built only when a problem needs a position: a clean file never pays for it.
"""

from __future__ import annotations

import re

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
    """Maps key paths such as ("indicators", 3, "observations", 0, "year") to lines."""

    def __init__(self, text: str) -> None:
        self._positions: dict[KeyPath, tuple[int, int]] = {}
        self.headers: list[tuple[KeyPath, int]] = []  # every table header, in file order, with its line
        self._scan(text)

    def _scan(self, text: str) -> None:
        counts: dict[KeyPath, int] = {}
        table: KeyPath = ()
        open_string: str | None = None
        open_brackets = 0  # inside a value array that spans lines
        # Lines end at LF only, as tomllib counts them: splitlines() would also split
        # at U+2028, U+0085 and others that TOML strings may hold.
        for number, line in enumerate(text.split("\n"), start=1):
            if open_string:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            if open_brackets > 0:
                open_brackets += _bracket_balance(line)
                continue
            if header := _HEADER.match(line):
                table = self._header_path(header[2], header[1] == "[[", counts)
                self._positions.setdefault(table, (number, line.index("[") + 1))
                self.headers.append((table, number))
                continue
            if key := _KEY.match(line):
                name = key[2].strip("\"'")
                self._positions.setdefault((*table, name), (number, len(key[1]) + 1))
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
