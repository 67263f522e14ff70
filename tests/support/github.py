"""GitHub Actions workflow commands read back as the runner reads them."""

from __future__ import annotations

import re

COMMAND = re.compile(r"::(error|warning) ([^:]*)::(.*)")


def unescape(text: str, codes: str) -> str:
    table = {"%0A": "\n", "%0D": "\r", "%3A": ":", "%2C": ","}
    return re.sub(rf"%(?:{codes}|25)", lambda m: table.get(m[0], "%"), text)


def parsed(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command's level, properties and message, unescaped as the runner reads them."""
    match = COMMAND.fullmatch(line)
    assert match, line
    properties = dict(pair.split("=", 1) for pair in match[2].split(","))
    return match[1], {k: unescape(v, "0A|0D|3A|2C") for k, v in properties.items()}, unescape(match[3], "0A|0D")
