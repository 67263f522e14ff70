"""Reading and parsing a data file, finding it, and recovering the line of any key."""

from __future__ import annotations

import io
import os
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fivecenters.core import load
from fivecenters.core.load import STDIN_NAME, DataError, find_data_file, parse_toml, read_stream, read_text
from fivecenters.core.locator import Locator
from tests.support.base import BASE_TOML, line_of, table_line_of

# --- reading ------------------------------------------------------------------------------------


def read_error(path: Path, max_bytes: int = load.MAX_BYTES) -> tuple[str, int | None, int | None]:
    with pytest.raises(DataError) as caught:
        read_text(path, max_bytes=max_bytes)
    [problem] = caught.value.problems
    assert caught.value.file == str(path)
    return problem.code, problem.line, problem.column


def test_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    path.write_text(BASE_TOML, encoding="utf-8")
    assert read_text(path) == BASE_TOML


def test_file_not_found(tmp_path: Path) -> None:
    assert read_error(tmp_path / "missing.toml") == ("file-not-found", None, None)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    assert read_error(tmp_path) == ("not-a-file", None, None)


def test_not_utf8_gives_line_and_column(tmp_path: Path) -> None:
    good = "[[sources]]\nid = 'a'\ntitle = 'caf"
    path = tmp_path / "latin1.toml"
    path.write_bytes(good.encode() + "é'\n".encode("latin-1"))
    bad_line = good.count("\n") + 1
    column = len(good.rsplit("\n", 1)[1]) + 1
    assert read_error(path) == ("not-utf8", bad_line, column)


@pytest.mark.parametrize("content", [b"", b"\n", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(content)
    assert read_error(path) == ("empty-file", None, None)


def test_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE_TOML.encode())
    assert read_error(path) == ("byte-order-mark", 1, 1)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    path.write_text(BASE_TOML, encoding="utf-8")
    size = path.stat().st_size
    assert read_text(path, max_bytes=size) == BASE_TOML
    assert read_error(path, max_bytes=size - 1) == ("file-too-large", None, None)


def test_file_too_large_is_rejected_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as f:
        f.truncate(load.MAX_BYTES + 1)  # sparse: no disk used

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(DataError) as caught:
        read_text(path)
    assert caught.value.problems[0].code == "file-too-large"
    assert f"{load.MAX_BYTES + 1:,}" in caught.value.problems[0].message


@pytest.mark.parametrize(("max_bytes", "whole"), [(load.MAX_BYTES, True), (100, False)])
def test_a_file_that_grew_since_it_was_statted_is_read_to_its_end_or_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_bytes: int, whole: bool
) -> None:
    """The first read asks for the size fstat gave: what was appended since is read on, in chunks."""
    path = tmp_path / "data.toml"
    path.write_text("# grown\n" * 50, encoding="utf-8")
    for name in ("stat", "fstat"):  # both report the size before it grew
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda file, real=real: SimpleNamespace(st_mode=real(file).st_mode, st_size=10))
    monkeypatch.setattr(load, "_READ_CHUNK", 7)
    if whole:
        assert load.read_regular(path, max_bytes) == path.read_bytes()
    else:
        with pytest.raises(load.Unreadable, match="larger than the limit of 100 bytes"):
            load.read_regular(path, max_bytes)


def test_a_stream_is_read_no_further_than_the_limit_and_a_byte() -> None:
    stream = io.BytesIO(b"#" * 1000)
    with pytest.raises(DataError) as caught:
        read_stream(stream, max_bytes=100)
    assert caught.value.problems[0].code == "file-too-large"
    assert caught.value.file == STDIN_NAME
    assert stream.tell() == 101  # enough to know, never the whole stream
    assert read_stream(io.BytesIO(b"# a comment"), max_bytes=100) == "# a comment"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"\xef\xbb\xbfa = 1", "byte-order-mark"), (b"a = '\xff'", "not-utf8"), (b"\n \n", "empty-file")],
)
def test_a_stream_gets_the_checks_a_file_gets(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "data.toml"
    path.write_bytes(content)
    with pytest.raises(DataError) as from_stream:
        read_stream(io.BytesIO(content), name=str(path))
    [problem] = from_stream.value.problems
    assert read_error(path) == (problem.code, problem.line, problem.column) and problem.code == code


# --- parsing ------------------------------------------------------------------------------------


def parse_error(text: str) -> tuple[str, int | None, int | None, str]:
    with pytest.raises(DataError) as caught:
        parse_toml(text, "data.toml")
    [problem] = caught.value.problems
    return problem.code, problem.line, problem.column, problem.message


def test_parses_the_base_data() -> None:
    assert parse_toml(BASE_TOML, "data.toml") == tomllib.loads(BASE_TOML)


# Pieces of TOML 1.0 and of what TOML 1.1 added (newlines and trailing commas in inline tables,
# \e and \x escapes, times without seconds), so that a parser that reads 1.1 is caught.
TOML_PIECES = (
    *("a", "b.c", '"k"', " = ", "=", "1", "-0.5e3", "0x1f", "true", "1979-05-27", "T07:32", ":00", "07:32"),
    *('"', "'", '"""', "\\e", "\\x41", "\\u00e9", "\\", "{", "}", "[", "]", "[[", "]]", ",", ", }", "\n", "#", " "),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOML_PIECES), max_size=14).map("".join))
def test_the_parser_reads_toml_as_the_standard_library_does(text: str) -> None:
    """fc reads with tomli when it is installed: the same TOML 1.0 as tomllib, to the error message,
    so that a file fc accepts is one every other TOML 1.0 tool (check-toml, editors) reads."""

    def outcome(parser: Any) -> object:
        try:
            return parser.loads(text)
        except parser.TOMLDecodeError as exc:
            return str(exc)

    assert outcome(load.tomllib) == outcome(tomllib)


def test_syntax_error_with_line_and_column() -> None:
    text = BASE_TOML.replace('kind = "ratio"', 'kind = ratio"')
    code, line, column, message = parse_error(text)
    assert (code, line) == ("toml-syntax", line_of(text, 'kind = ratio"'))
    assert column == len("kind = ") + 1
    assert message.startswith("invalid TOML: ") and "(at line" not in message


def test_syntax_error_at_end_of_document_points_at_the_end() -> None:
    text = BASE_TOML + 'note = """never closed\n'
    code, line, _, message = parse_error(text)
    assert (code, line) == ("toml-syntax", text.count("\n") + 1)
    assert "end of document" in message


def test_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    depth = 5000
    code, _, _, message = parse_error("value = " + "[" * depth + "]" * depth + "\n")
    assert code == "toml-syntax"
    assert "nested" in message


# --- finding the data file ----------------------------------------------------------------------


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory."""
    directory = tmp_path / "cwd"
    directory.mkdir()
    monkeypatch.chdir(directory)
    return directory


def test_explicit_path_comes_first(elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(load.DATA_ENV, "from-env.toml")
    (elsewhere / load.DEFAULT_NAME).write_text(BASE_TOML)
    assert find_data_file("explicit.toml") == Path("explicit.toml")


def test_environment_comes_before_working_directory(elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(load.DATA_ENV, "from-env.toml")
    (elsewhere / load.DEFAULT_NAME).write_text(BASE_TOML)
    assert find_data_file() == Path("from-env.toml")


def test_working_directory_comes_before_bundled(elsewhere: Path) -> None:
    (elsewhere / load.DEFAULT_NAME).write_text(BASE_TOML)
    assert find_data_file() == Path(load.DEFAULT_NAME)


def test_bundled_copy_last(elsewhere: Path) -> None:
    found = find_data_file()
    assert found == load.bundled_data_file()
    assert found.name == load.DEFAULT_NAME and found.is_absolute()


# --- positions ----------------------------------------------------------------------------------


def test_every_key_of_the_base_data_is_located() -> None:
    """Walk the parsed data and check each key's line against a search of the text."""
    locator = Locator(BASE_TOML)
    data = tomllib.loads(BASE_TOML)
    for index, source in enumerate(data["sources"]):
        line, column = locator.locate(("sources", index, "id"))
        assert (line, column) == (line_of(BASE_TOML, f'id = "{source["id"]}"'), 1)
    observation_number = 0
    for index, indicator in enumerate(data["indicators"]):
        id_line = line_of(BASE_TOML, f'id = "{indicator["id"]}"')
        assert locator.locate(("indicators", index)) == (table_line_of(BASE_TOML, f'id = "{indicator["id"]}"'), 1)
        assert locator.locate(("indicators", index, "id")) == (id_line, 1)
        for number, observation in enumerate(indicator.get("observations", [])):
            quote_line = line_of(BASE_TOML, f'quote = "{observation["quote"]}"', _occurrence(observation, data))
            assert locator.locate(("indicators", index, "observations", number, "quote"))[0] == quote_line
            observation_number += 1
    assert observation_number == sum(len(i.get("observations", [])) for i in data["indicators"])


def _occurrence(observation: dict[str, object], data: dict[str, list[dict[str, object]]]) -> int:
    """Which of the identical quotes in the base data this observation's is."""
    same = [o for i in data["indicators"] for o in i.get("observations", []) if o["quote"] == observation["quote"]]
    return next(n for n, o in enumerate(same) if o is observation)


def test_missing_key_falls_back_to_its_table() -> None:
    locator = Locator(BASE_TOML)
    header = table_line_of(BASE_TOML, 'id = "rd-intensity"')
    assert locator.locate(("indicators", 1, "no-such-key")) == (header, 1)
    assert locator.locate(("indicators", 1, "targets", 0, "value")) == (header, 1)
    assert locator.locate(("nowhere", 0)) == (None, None)
    assert locator.locate(()) == (None, None)


ARRAYS_AND_NESTED = """\
top = 1
[[a]]
x = 1
[[a.b]]
y = 1
[[a.b]]
y = 2
[a.c]
z = 3
[[a]]
x = 2
[[a.b]]
  y = 3
"""


@pytest.mark.parametrize(
    ("path", "needle", "occurrence"),
    [
        (("top",), "top = 1", 0),
        (("a", 0, "x"), "x = 1", 0),
        (("a", 0, "b", 0, "y"), "y = 1", 0),
        (("a", 0, "b", 1, "y"), "y = 2", 0),
        (("a", 0, "c", "z"), "z = 3", 0),
        (("a", 1, "x"), "x = 2", 0),
        (("a", 1, "b", 0), "[[a.b]]", 2),
        (("a", 1, "b", 0, "y"), "y = 3", 0),
    ],
)
def test_arrays_of_tables_and_nested_tables(path: tuple[str | int, ...], needle: str, occurrence: int) -> None:
    tomllib.loads(ARRAYS_AND_NESTED)  # the example is valid TOML
    line = line_of(ARRAYS_AND_NESTED, needle, occurrence)
    column = ARRAYS_AND_NESTED.split("\n")[line - 1].index(needle[0]) + 1
    assert Locator(ARRAYS_AND_NESTED).locate(path) == (line, column)


CONFUSING = '''\
[[items]]
text = """
[[items]]
value = 99
"""
literal = \'\'\'
[[items]]
value = 98\'\'\'
list = [
  "]", "[[items]]",
  'value = 97',
]
one_line = """value = 96"""
value = 1
[[items]]
value = 2
quoted = "a \\" [[items]] \\" b"
"key with spaces" = 3
'''


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        (("items", 0, "value"), "value = 1"),
        (("items", 0, "one_line"), "one_line ="),
        (("items", 1, "value"), "value = 2"),
        (("items", 1), "[[items]]\nvalue = 2"),
        (("items", 1, "key with spaces"), '"key with spaces"'),
    ],
)
def test_strings_and_arrays_spanning_lines_do_not_confuse_it(path: tuple[str | int, ...], needle: str) -> None:
    data = tomllib.loads(CONFUSING)
    assert [item["value"] for item in data["items"]] == [1, 2]
    line = CONFUSING[: CONFUSING.index(needle)].count("\n") + 1
    assert Locator(CONFUSING).locate(path) == (line, 1)


def test_lines_end_at_line_feeds_only() -> None:
    """A U+2028 or U+0085 inside a string is no line break to TOML, so none to the locator."""
    text = 'a = "one\u2028two\x85three"\r\nb = 2\r\n[t]\r\nc = 3\r\n'
    assert tomllib.loads(text)["t"] == {"c": 3}
    locator = Locator(text)
    assert locator.locate(("b",)) == (2, 1)
    assert locator.locate(("t", "c")) == (4, 1)
