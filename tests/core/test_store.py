"""Atomic writes and the write lock: no crash corrupts the file, no killed process blocks it."""

from __future__ import annotations

import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from fivecenters.core import store
from fivecenters.core.store import OutputError, write_dir
from fivecenters.core.tables import PACKAGE_FILES
from tests.support import ROOT
from tests.support.sample import SAMPLE, assert_valid, make_data

HOOKS = ROOT / ".pre-commit-hooks.yaml"

# Child processes: each prints a line when it reaches the point where the test kills it.
STALL_IN_FSYNC = """
import os, sys, time
from pathlib import Path
from fivecenters.core import store
from fivecenters.core.store import OutputError, write_dir
from fivecenters.core.tables import PACKAGE_FILES

def stall(fd):
    print("writing", flush=True)
    time.sleep(600)

os.fsync = stall
store.atomic_write(Path(sys.argv[1]), Path(sys.argv[2]).read_text(encoding="utf-8"))
"""

WRITE_FOREVER = """
import sys
from pathlib import Path
from fivecenters.core import store
from fivecenters.core.store import OutputError, write_dir
from fivecenters.core.tables import PACKAGE_FILES

path = Path(sys.argv[1])
texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[2:]]
print("writing", flush=True)
number = 0
while True:
    store.atomic_write(path, texts[number % len(texts)])
    number += 1
"""

HOLD_LOCK = """
import sys, time
from pathlib import Path
from fivecenters.core import store
from fivecenters.core.store import OutputError, write_dir
from fivecenters.core.tables import PACKAGE_FILES

with store.locked(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(600)
"""


@contextmanager
def child(script: str, *args: str | Path) -> Iterator[subprocess.Popen[str]]:
    """A Python child that has printed its first line; killed with SIGKILL on exit."""
    process = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip(), "the child did not start"
        yield process
    finally:
        kill(process)


def kill(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if process.stdout:
        process.stdout.close()


def with_note(note: str) -> str:
    """SAMPLE with a note of any size: a big, valid file."""
    return SAMPLE.replace(
        'quote = "GDP reached 4.47 trillion yuan in 2022"\n',
        f'quote = "GDP reached 4.47 trillion yuan in 2022"\nnote = "{note}"\n',
    )


def test_atomic_write_replaces_content_and_keeps_the_mode(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    path.chmod(0o640)
    store.atomic_write(path, with_note("new"))
    assert path.read_text(encoding="utf-8") == with_note("new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert store.stray_temp_files(path) == []


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        store.atomic_write(tmp_path / "new.toml", "x = 1\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o644


def test_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = make_data(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(real.name)
    store.atomic_write(link, with_note("through the link"))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == with_note("through the link")


def test_a_failed_write_leaves_the_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_data(tmp_path)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        store.atomic_write(path, with_note("lost"))
    assert path.read_bytes() == before
    assert store.stray_temp_files(path) == []


def test_a_writer_killed_mid_write_leaves_the_previous_file(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    before = path.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(with_note("x" * 2_000_000), encoding="utf-8")
    with child(STALL_IN_FSYNC, path, new):
        pass  # killed while its temporary file is written but not yet in place
    assert path.read_bytes() == before
    assert_valid(path)

    # What the killed writer left is named so that nothing picks it up ...
    (stray,) = store.stray_temp_files(path)
    files_pattern = next(h["files"] for h in yaml.safe_load(HOOKS.read_text()) if h["id"] == "fc-validate")
    assert stray.name.startswith(".indicators.toml.") and stray.suffix == ".tmp"
    assert not re.search(files_pattern, str(stray))
    # ... and the next writer, holding the lock, removes it.
    with store.locked(path):
        pass
    assert store.stray_temp_files(path) == []


def test_a_writer_killed_at_any_moment_leaves_a_whole_valid_file(tmp_path: Path) -> None:
    versions = [with_note("a" * 1_000_000), with_note("b" * 3_000_000)]
    path = make_data(tmp_path, versions[0])
    assert_valid(path)
    names = []
    for number, text in enumerate(versions):
        names.append(tmp_path / f"version-{number}.txt")
        names[-1].write_text(text, encoding="utf-8")
    chance = random.Random(20240328)
    for _ in range(8):
        with child(WRITE_FOREVER, path, *names):
            time.sleep(chance.uniform(0.0, 0.15))
        assert path.read_text(encoding="utf-8") in versions
    assert_valid(path)
    assert store.stray_temp_files(path), "no kill landed mid-write: the test proved nothing"


def test_the_lock_times_out_with_a_clear_message(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    with child(HOLD_LOCK, path), pytest.raises(store.LockTimeout) as caught, store.locked(path, timeout=0.3):
        pass
    assert str(caught.value) == f"another fc is writing {path}; gave up after 0.3 s"


def test_a_killed_holder_does_not_block_the_lock(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    with child(HOLD_LOCK, path):
        pass  # SIGKILL while holding the lock
    assert store.lock_path(path).exists()  # the file stays; the kernel lock went with its holder
    started = time.monotonic()
    with store.locked(path, timeout=5):
        assert time.monotonic() - started < 2


def test_rewrite_writes_only_a_change(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    inode = path.stat().st_ino
    assert store.rewrite(path, lambda text: text) is False
    assert path.stat().st_ino == inode  # not even replaced
    assert store.rewrite(path, lambda text: text + "\n") is True
    assert path.read_text(encoding="utf-8") == SAMPLE + "\n"


def test_rewrite_refused_by_its_change_leaves_the_file(tmp_path: Path) -> None:
    path = make_data(tmp_path)
    before = path.read_bytes()

    def refuse(text: str) -> str:
        raise ValueError("no")

    with pytest.raises(ValueError):
        store.rewrite(path, refuse)
    assert path.read_bytes() == before
    assert store.stray_temp_files(path) == []


def test_a_failed_export_leaves_the_old_package_whole(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "datapackage.json").write_text("{}")

    def fill(into: Path) -> None:
        (into / "datapackage.json").write_text('{"half": true}')
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_dir(package, fill, PACKAGE_FILES)
    assert (package / "datapackage.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package"]
