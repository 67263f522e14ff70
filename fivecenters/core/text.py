"""Text from the data file made safe to show: never terminal codes, never raw controls in JSON."""

from __future__ import annotations

import re

# Tab and newline are fine inside data text; every other control character is not.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")


def json_safe(text: str) -> str:
    """JSON text with DEL and C1 controls escaped; json.dumps escapes only C0 ones itself."""
    return _C1.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def printable(text: str) -> str:
    """Show control characters from the data as escapes, never as terminal codes."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode(), text)
