"""Text from the data file and the command line made safe to show: never terminal codes, never
invisible reordering, never raw controls in JSON."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, partial


def when_used(pattern: str) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use. Python compiles patterns in Python, a class of characters
    beyond ASCII in 0.2–0.5 ms, and these look for what a clean file does not have."""
    return cache(partial(re.compile, pattern))


# Tab and newline are fine inside data text; every other control character is not.
CONTROL = when_used(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional controls reorder how text reads (a file name "exe\u202etxt.csv" shows as
# "exe" + "vsc.txt"); they are never needed in this data.
BIDI = when_used("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Invisible characters: they make two equal-looking ids or titles differ. Compiled now: every
# quote with Chinese in it is cleared of them.
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060-\u2064\ufeff]")
# What starts a new line and is no control character (those are refused everywhere).
LINE_BREAK = when_used("[\n\u2028\u2029]")
# Shown as escapes: controls, bidi controls, invisible characters, line separators and the
# lone surrogates that stand for undecodable bytes in a file name. Each is unprintable to
# `str.isprintable`, which passes most text first.
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
_unprintable = when_used(_UNPRINTABLE)
# The same, less the C0 controls that json.dumps escapes itself.
_json_unsafe = when_used(_UNPRINTABLE.replace("\x00-\x1f", ""))


def json_safe(text: str) -> str:
    """JSON text with what `printable` escapes escaped as JSON does (\\uXXXX); json.dumps escapes only C0 controls."""
    return text if text.isprintable() else _json_unsafe().sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def printable(text: object) -> str:
    """Show control and invisible characters from the data or a path as escapes, never as terminal codes."""
    shown = str(text)
    if shown.isprintable():
        return shown
    return _unprintable().sub(lambda m: m[0].encode("unicode_escape", "backslashreplace").decode(), shown)


# Full-width punctuation of Chinese text, each with what NFKC makes of it (see `nfkc`).
_WIDE_PUNCTUATION = tuple((wide, chr(ord(wide) - 0xFEE0)) for wide in "，：；（）％")


def nfkc(text: str) -> str:
    """The text in NFKC, as the checks read a quote (full-width digits and commas as ASCII).

    NFKC takes 2 us for a Chinese sentence, and nearly every one has a full-width comma that stops
    the quick test of whether it is normalised already. Those marks are mapped first as NFKC maps
    them: what NFKC makes of the result is what it makes of the text, so if the result passes the
    quick test, it is the text in NFKC (0.4 us); if not, the text is normalised in full. Text already
    in NFKC (a quote the checks pass on, normalised once) passes the quick test first."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    narrow = text
    for wide, narrowed in _WIDE_PUNCTUATION:
        narrow = narrow.replace(wide, narrowed)
    return narrow if unicodedata.is_normalized("NFKC", narrow) else unicodedata.normalize("NFKC", text)
