"""The document policy: a data file from a stranger can neither read nor probe anything outside its repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fivecenters.core.documents import MAX_DOCUMENT_BYTES, repository_root, resolve_inside
from tests.support.base import BASE_TOML, DOCUMENT, DOCUMENT_NAME, WriteData, line_of, replace_once, report_for
from tests.support.run import fc_process

SECRET = "CI_TOKEN=hunter2"


def citing(document: str) -> str:
    return replace_once(BASE_TOML, f'document = "{DOCUMENT_NAME}"', f'document = "{document}"')


def codes(path: Path) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in report_for(path).problems]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository folder beside an outside folder holding a secret and a copy of the cited document."""
    inside = tmp_path / "repo"
    (inside / "seeds").mkdir(parents=True)
    (inside / DOCUMENT_NAME).write_text(DOCUMENT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "environ").write_text(SECRET, encoding="utf-8")
    (outside / "port-bulletin.txt").write_text(DOCUMENT, encoding="utf-8")
    return inside


def outside_error(text: str, document: str) -> list[tuple[str, int | None]]:
    return [("document-outside-repository", line_of(text, f'document = "{document}"'))]


@pytest.mark.parametrize(
    "document",
    [
        "../outside/port-bulletin.txt",  # exists outside and holds every quote
        "../outside/missing.txt",  # does not exist
        "../outside/environ",
        "seeds/../../outside/environ",
        "/etc/passwd",
        "/proc/self/environ",
        "/dev/zero",
    ],
)
def test_paths_out_of_the_repository_all_get_one_answer(repo: Path, document: str) -> None:
    text = citing(document)
    path = WriteData(repo)(text)
    assert codes(path) == outside_error(text, document)


@pytest.mark.parametrize("target", ["../../outside/port-bulletin.txt", "../../outside/missing", "/dev/zero"])
def test_a_symlink_pointing_out_is_outside(repo: Path, target: str) -> None:
    (repo / "seeds" / "link.txt").symlink_to(target)
    text = citing("seeds/link.txt")
    assert codes(WriteData(repo)(text)) == outside_error(text, "seeds/link.txt")


def test_a_linked_folder_pointing_out_is_outside_even_when_it_comes_back(repo: Path) -> None:
    (repo / "seeds" / "out").symlink_to(repo.parent / "outside")
    document = "seeds/out/../../repo/seeds/port-bulletin.txt"
    text = citing(document)
    assert codes(WriteData(repo)(text)) == outside_error(text, document)


def test_symlinks_inside_the_repository_are_followed(repo: Path) -> None:
    (repo / "copies").symlink_to("seeds")
    (repo / "seeds" / "alias.txt").symlink_to("port-bulletin.txt")
    assert codes(WriteData(repo)(citing("copies/alias.txt"))) == []


def test_the_git_work_tree_is_the_repository(repo: Path) -> None:
    (repo / ".git").mkdir()
    (repo / "data").mkdir()
    assert codes(WriteData(repo / "data")(citing("../seeds/port-bulletin.txt"))) == []
    assert repository_root(repo / "data") == str(repo.resolve())


def test_without_git_the_data_folder_is_the_repository(repo: Path) -> None:
    (repo / "data").mkdir()
    text = citing("../seeds/port-bulletin.txt")
    assert codes(WriteData(repo / "data")(text)) == outside_error(text, "../seeds/port-bulletin.txt")


def test_a_link_loop_is_refused_not_followed_forever(repo: Path) -> None:
    (repo / "seeds" / "a").symlink_to("b")
    (repo / "seeds" / "b").symlink_to("a")
    root = str(repo.resolve())
    assert resolve_inside(root, root, "seeds/a") is None


def test_a_fifo_document_is_refused_without_hanging(repo: Path) -> None:
    os.mkfifo(repo / "seeds" / "pipe.txt")
    text = citing("seeds/pipe.txt")
    WriteData(repo)(text)
    process = fc_process("validate", cwd=repo)
    assert process.returncode == 1
    line = line_of(text, 'document = "seeds/pipe.txt"')
    assert f"indicators.toml:{line}:1: error document-not-regular-file: " in process.stdout
    assert "quote-not-in-document" not in process.stdout


def test_a_folder_as_document_is_not_a_regular_file(repo: Path) -> None:
    text = citing("seeds")
    assert codes(WriteData(repo)(text)) == [("document-not-regular-file", line_of(text, 'document = "seeds"'))]


def test_a_document_over_the_limit_is_refused_unread(repo: Path) -> None:
    big = repo / "seeds" / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no disk used
    text = citing("seeds/big.txt")
    report = report_for(WriteData(repo)(text))
    assert [(p.code, p.line) for p in report.problems] == [
        ("document-too-large", line_of(text, 'document = "seeds/big.txt"'))
    ]
    assert f"{MAX_DOCUMENT_BYTES + 1:,} bytes" in report.problems[0].message


def test_a_fifo_data_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "indicators.toml")
    process = fc_process("validate", cwd=tmp_path)
    assert process.returncode == 1
    assert process.stdout.startswith("indicators.toml: error not-a-file: is not a regular file")
    shown = fc_process("show", cwd=tmp_path)
    assert shown.returncode == 1
    assert "not-a-file" in shown.stderr


@pytest.mark.parametrize("target", ["../outside/environ", "/proc/self/environ"])
def test_a_data_file_linked_out_of_its_repository_is_not_read(repo: Path, target: str) -> None:
    """Its key names and syntax errors would otherwise reach the CI log."""
    (repo / "indicators.toml").symlink_to(target)
    process = fc_process("validate", cwd=repo)
    assert process.returncode == 1
    assert process.stdout.startswith("indicators.toml: error not-a-file: is a symbolic link out of its repository")
    assert "hunter2" not in process.stdout + process.stderr


def test_a_data_file_linked_inside_its_repository_is_read(repo: Path) -> None:
    (repo / "data.toml").write_text(BASE_TOML, encoding="utf-8")
    (repo / "indicators.toml").symlink_to("data.toml")
    process = fc_process("validate", cwd=repo)
    assert process.returncode == 0, process.stdout + process.stderr


# --- finding every quote in one pass ------------------------------------------------------------
