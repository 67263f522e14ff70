"""Atomic replace keeps what the file was: mode, owner, group; a read-only file is refused, not replaced."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from fivecenters.core import store
from tests.support.run import fc
from tests.support.sample import SAMPLE, added_observation, make_data

# A key out of its canonical order: fc fmt puts it back (it keeps comments).
UNCANONICAL = SAMPLE.replace('title = "Shipping center plan"\n', "", 1).replace(
    'language = "en"\n', 'language = "en"\ntitle = "Shipping center plan"\n', 1
)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_fmt_keeps_the_mode(tmp_path: Path, mode: int) -> None:
    path = make_data(tmp_path, UNCANONICAL)
    path.chmod(mode)
    assert fc("fmt", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == SAMPLE
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = make_data(tmp_path, UNCANONICAL)
    os.chown(path, 4321, 8765)
    assert fc("fmt", path).exit_code == 0
    after = path.stat()
    assert (after.st_uid, after.st_gid) == (4321, 8765)


def test_the_group_is_kept_where_the_user_may_set_it(tmp_path: Path) -> None:
    path = make_data(tmp_path, UNCANONICAL)
    group = os.getgroups()[-1] if os.getgroups() else os.getgid()
    os.chown(path, -1, group)
    assert fc("fmt", path).exit_code == 0
    assert path.stat().st_gid == group


@pytest.mark.parametrize(
    "command",
    [
        ("fmt",),
        (*added_observation("5.39", "GDP reached 5.39 trillion yuan in 2024"), "--data"),
    ],
    ids=["fmt", "add"],
)
def test_a_read_only_data_file_is_refused_and_unchanged(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = make_data(tmp_path, UNCANONICAL if command == ("fmt",) else SAMPLE)
    path.chmod(0o444)
    before = path.read_bytes()
    result = fc(*command, path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"fc: cannot write {path}: it is read-only (mode 0444); to change it, make it writable: chmod u+w {path}\n"
    )
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert store.stray_temp_files(path) == []
    path.chmod(0o644)  # telling fc the file may change
    assert fc(*command, path).exit_code == 0


def test_a_read_only_output_is_refused(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")
    out.chmod(0o444)
    result = fc("export", "-o", out, "--data", data)
    assert result.exit_code == 1
    assert "it is read-only (mode 0444)" in result.stderr
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_other_hard_links_keep_the_old_text(tmp_path: Path) -> None:
    """A replace makes a new file (documented): a backup made with `cp -al` is not rewritten with it."""
    path = make_data(tmp_path, UNCANONICAL)
    backup = tmp_path / "backup.toml"
    os.link(path, backup)
    assert fc("fmt", path).exit_code == 0
    assert backup.read_text(encoding="utf-8") == UNCANONICAL
    assert path.read_text(encoding="utf-8") == SAMPLE


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard-link"])
def test_a_planted_lock_file_damages_nothing(tmp_path: Path, link: Callable[[Path, Path], None]) -> None:
    """A repository may ship `.indicators.toml.lock` pointing at a user's file: taking the lock must not touch it."""
    path = make_data(tmp_path, UNCANONICAL)
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    link(victim, store.lock_path(path))
    result = fc("fmt", path)
    assert "Traceback" not in result.output
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_data_file_linked_out_of_its_repository_is_not_rewritten(tmp_path: Path) -> None:
    """A checkout may hold `indicators.toml` as a link to a user's own TOML file: fc fmt must not rewrite it."""
    outside = make_data(tmp_path, UNCANONICAL)  # valid TOML that fmt would rewrite
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    link = repo / "indicators.toml"
    link.symlink_to(outside)
    result = fc("fmt", link)
    assert result.exit_code == 1
    assert result.stderr == f"fc: refusing to write {link}: it is a symlink to a file outside its repository\n"
    assert outside.read_text(encoding="utf-8") == UNCANONICAL


def test_a_data_file_linked_inside_its_repository_is_written_through(tmp_path: Path) -> None:
    real = make_data(tmp_path, UNCANONICAL)
    link = tmp_path / "current.toml"
    link.symlink_to(real.name)
    assert fc("fmt", link).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == SAMPLE
