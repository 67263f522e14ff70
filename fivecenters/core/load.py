"""Finding, reading and parsing the data file, with positions for every key.

TOML parsers keep no positions, so `Locator` recovers the line of any key path from
the raw text. It is built only when a problem needs a position: a clean file
never pays for it.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

try:
    # tomli's compiled wheels parse much faster than tomllib, the standard library's pure-Python
    # copy of the same parser, with the same results and errors.
    import tomli as tomllib
except ModuleNotFoundError:  # a platform without the wheel
    import tomllib  # type: ignore[no-redef]

from fivecenters.core.codes import Code
from fivecenters.core.errors import DataError
from fivecenters.core.text import when_used

DATA_ENV = "FC_DATA"
DEFAULT_NAME = "indicators.toml"
STDIN_NAME = "<stdin>"  # the name of data read from standard input in reports, as Python names it
MAX_BYTES = 200 * 1024 * 1024
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the package folder, where the wheel keeps data/


def bundled_data_file() -> Path:
    """The copy shipped in the wheel, or the checkout's own file in an editable install."""
    shipped = PACKAGE_DIR / "data" / DEFAULT_NAME
    return shipped if shipped.is_file() else PACKAGE_DIR.parent / DEFAULT_NAME


def find_data_file(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data`, else `$FC_DATA`, else `./indicators.toml`, else the bundled copy."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get(DATA_ENV):
        return Path(env)
    local = Path(DEFAULT_NAME)
    return local if local.exists() else bundled_data_file()


class Unreadable(Exception):
    """Why a file was not read: `kind` is missing, directory, not-regular, too-large or denied."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.

    A FIFO, a terminal or a device is refused before it is opened (reading one
    hangs or never ends); the open is non-blocking in case one is swapped in.
    """
    try:
        _require_regular(os.stat(path), max_bytes)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            raw = _read_to_end(fd, _require_regular(os.fstat(fd), max_bytes), max_bytes + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise Unreadable("missing", "no such file") from None
    except PermissionError:
        raise Unreadable("denied", "permission denied") from None
    except OSError as exc:
        raise Unreadable("denied", exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:  # it grew since fstat
        raise Unreadable("too-large", f"is larger than the limit of {max_bytes:,} bytes")
    return raw


def _require_regular(status: os.stat_result, max_bytes: int) -> int:
    """The file's size, when it is a regular file within the limit."""
    if stat.S_ISDIR(status.st_mode):
        raise Unreadable("directory", "is a directory")
    if not stat.S_ISREG(status.st_mode):
        raise Unreadable("not-regular", "is not a regular file (a device, FIFO or socket)")
    if status.st_size > max_bytes:
        raise Unreadable("too-large", f"is {status.st_size:,} bytes; the limit is {max_bytes:,} bytes")
    return status.st_size


_READ_CHUNK = 1024 * 1024


def _read_to_end(fd: int, size: int, limit: int) -> bytes:
    """At most `limit` bytes of `fd`, up to its end. The first read asks for the size fstat gave and one
    byte more, not for `limit`: a buffer of the limit (20 MiB for a document) made for each of thousands
    of small documents cost more than reading them. A file that grew since is read on, a chunk at a time."""
    chunks: list[bytes] = []
    total, wanted = 0, size + 1
    while total < limit and (chunk := os.read(fd, min(wanted, limit - total))):
        chunks.append(chunk)
        total += len(chunk)
        wanted = _READ_CHUNK
    return b"".join(chunks)


_DATA_FILE_CODES = {
    "missing": Code.FILE_NOT_FOUND,
    "directory": Code.NOT_A_FILE,
    "not-regular": Code.NOT_A_FILE,
    "too-large": Code.FILE_TOO_LARGE,
    "denied": Code.UNREADABLE_FILE,
}


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a data file as UTF-8, turning every way that can fail into a DataError."""
    return decode_text(read_data(path, max_bytes), str(path))


def read_data(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A data file's bytes, undecoded (see `record_slices`), every way that reading can fail a DataError."""
    name = str(path)
    if os.path.islink(path):
        from fivecenters.core.documents import inside_repository  # documents reads files through this module

        if not inside_repository(path):
            # As for documents: a pull request must not make fc read (and report on) a file outside it.
            raise DataError.single(
                name, Code.NOT_A_FILE, "is a symbolic link out of its repository; fc reads no file there"
            )
    try:
        return read_regular(path, max_bytes)
    except Unreadable as exc:
        detail = "is a directory, not a data file" if exc.kind == "directory" else str(exc)
        raise DataError.single(name, _DATA_FILE_CODES[exc.kind], detail) from None


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, max_bytes: int = MAX_BYTES) -> str:
    """Read data piped in (`fc validate -`) with a file's limits: no more than `max_bytes` is ever held."""
    return decode_text(read_stream_data(stream, name, max_bytes), name)


def read_stream_data(stream: BinaryIO, name: str = STDIN_NAME, max_bytes: int = MAX_BYTES) -> bytes:
    """`read_stream`, undecoded."""
    try:
        raw = stream.read(max_bytes + 1)
    except OSError as exc:
        raise DataError.single(name, Code.UNREADABLE_FILE, exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:
        raise DataError.single(name, Code.FILE_TOO_LARGE, f"is more than {max_bytes:,} bytes, the limit")
    return raw


_BYTE_ORDER_MARK = b"\xef\xbb\xbf"


def decode_text(raw: bytes, name: str) -> str:
    """A data file's bytes as text: UTF-8 without a byte-order mark, and not empty."""
    if raw.startswith(_BYTE_ORDER_MARK):
        raise DataError.single(
            name, Code.BYTE_ORDER_MARK, "starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM", 1, 1
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError.single(
            name, Code.NOT_UTF8, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8", line, column
        ) from None
    if not text.strip():
        raise DataError.single(name, Code.EMPTY_FILE, "is empty; a data file needs [[sources]] and [[indicators]]")
    return text


# Compiled for the file that needs them.
_TOML_POSITION = when_used(r"\s*\(at line (\d+), column (\d+)\)$")
_LONG_INTEGER = when_used(r"\d{4000,}")


@contextmanager
def nesting_limit(file: str) -> Iterator[None]:
    """Values nested deeper than Python recurses (arrays, inline tables, dotted keys) are a syntax error,
    wherever a recursive walk over them (parsing, formatting, checking) gives out."""
    try:
        yield
    except RecursionError:
        raise DataError.single(file, Code.TOML_SYNTAX, "invalid TOML: values nested too deeply") from None


def parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        with nesting_limit(file):
            return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION().search(message)
        line = column = None
        if match:
            line, column = int(match[1]), int(match[2])
            message = message[: match.start()]
        elif "end of document" in message:
            line = text.count("\n") + 1
        raise DataError.single(file, Code.TOML_SYNTAX, f"invalid TOML: {message}", line, column) from None
    except ValueError:  # an integer beyond Python's limit on digits (4,300) converted by tomllib
        line = column = None
        if match := _LONG_INTEGER().search(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - text.rfind("\n", 0, match.start())
        message = f"invalid TOML: a number with more than {sys.get_int_max_str_digits():,} digits"
        raise DataError.single(file, Code.TOML_SYNTAX, message, line, column) from None


# -- Parsing a slice of records at a time ---------------------------------------------------------
#
# A large file's parsed tables take many times its size, and records are smaller: parsed whole, the
# tables of every record exist at once before the first becomes a record. Cut at the headers of its
# records ([[sources]], [[indicators]], [[benchmarks]]), the text parses a slice at a time to the
# same tables, provided that no slice can change what another means:
# - before the first record, only blank lines and comments (a top-level key would stay in the first
#   slice, but `benchmarks = []` there would clash with a [[benchmarks]] in a later one);
# - every other line that opens with a bracket is a header within the record above it
#   ([indicators.x], [[indicators.observations]]); a table declared anywhere else ([sources] under
#   an indicator, a quoted or dotted top-level name) makes the file parse whole. A line inside a
#   multi-line string or array that looks like a header outside one counts as one here, so a
#   `[[sources]]` in an indicator's quote makes a later `[sources.x]` look like a record's own
#   table when it is a top-level one: each slice must therefore parse to arrays of records alone
#   (`parse_slice`), else the file parses whole.
# - A cut at a line that only looks like a record's header, inside a multi-line string or array,
#   leaves that string or array unterminated at the end of the slice before it, which then does
#   not parse: any slice that does not parse (or decode) makes the whole file parse in one piece,
#   which gives the error with its message and line as a file parsed whole always did.
# Each new element of an array of tables starts an empty namespace in tomllib, so a record parses
# alone as it does after the others. tests/core/test_load_slices.py checks all this against
# tomllib on generated documents.

RECORD_TABLES = ("sources", "indicators", "benchmarks")
# A slice is cut at the first record's header at least this far from its start. Small enough that a
# slice's tables and records stay in the processor's caches while they are made, checked and let go:
# at 100,000 observations, slices of 1 MiB took 8-10% longer to read into records than 8-128 KiB.
SLICE_BYTES = 1 << 16
_LINE_BLOCK = 1 << 20  # text decoded a block at a time by `text_lines`
_NAMES = b"|".join(name.encode() for name in RECORD_TABLES)
_BRACKET_LINE = re.compile(rb"\n([ \t]*\[[^\n]*)")  # a line that opens with a bracket (found after its line feed)
_FIRST_BRACKET_LINE = re.compile(rb"([ \t]*\[[^\n]*)")
_RECORD_HEADER = re.compile(rb"[ \t]*\[\[[ \t]*(" + _NAMES + rb")[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?")
_INNER_HEADER = re.compile(rb"[ \t]*\[\[?[ \t]*(" + _NAMES + rb")[ \t]*\.")


def record_slices(data: bytes, size: int = SLICE_BYTES) -> list[slice] | None:
    """Where to cut a data file into slices of whole records, each cut at least `size` bytes after the
    one before, that parse alone to what the whole file parses to (see above); None when it cannot be
    cut safely. The whole file is then one parse."""
    if data.startswith(_BYTE_ORDER_MARK):
        return None
    cuts = [0]
    table = b""  # the record table the lines belong to
    kinds: dict[bytes, tuple[bool, bytes]] = {}  # a file's header lines are mostly a few, many times over
    first = _FIRST_BRACKET_LINE.match(data)
    for line in itertools.chain([first] if first else [], _BRACKET_LINE.finditer(data)):
        if (kind := kinds.get(line[1])) is None:
            kind = _line_kind(line[1])
            if len(kinds) < 64:
                kinds[line[1]] = kind
        is_record, name = kind
        if is_record:
            if not table and not _only_comments(data[: line.start(1)]):
                return None
            table = name
            if line.start(1) - cuts[-1] >= max(size, 1):
                cuts.append(line.start(1))
        elif not table or name != table:
            return None
    if not table:
        return None
    cuts.append(len(data))
    return [slice(start, end) for start, end in itertools.pairwise(cuts)]


def _line_kind(line: bytes) -> tuple[bool, bytes]:
    """Whether a line that opens with a bracket is a record's header, and the record table it is
    about (b"" for none: the line is no header of a record table or within one)."""
    if header := _RECORD_HEADER.fullmatch(line):
        return True, header[1]
    inner = _INNER_HEADER.match(line)
    return False, inner[1] if inner else b""


def _only_comments(text: bytes) -> bool:
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in text.split(b"\n"))


def text_lines(data: bytes, block: int = _LINE_BLOCK) -> Iterator[str]:
    """The lines of a data file's text (split at line feeds, as TOML counts lines), decoded a block
    at a time: positions in a large file are found without its whole text."""
    start = 0
    while (end := data.find(b"\n", start + block)) != -1:
        yield from str(memoryview(data)[start:end], "utf-8").split("\n")
        start = end + 1
    yield from str(memoryview(data)[start:], "utf-8").split("\n")


def parse_slice(data: bytes, part: slice) -> tuple[str, dict[str, Any]] | None:
    """A slice's text and tables; None when it does not decode or parse alone (see `record_slices`)."""
    try:
        text = str(memoryview(data)[part], "utf-8")
        tables = tomllib.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        return None
    # The cut is checked against what the slice parsed to: arrays of records alone (see `record_slices`).
    if not all(key in RECORD_TABLES and isinstance(records, list) for key, records in tables.items()):
        return None
    return text, tables
