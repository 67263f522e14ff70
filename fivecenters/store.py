"""Writing the data file so that no crash corrupts it and no concurrent writer is lost.

A write goes to a temporary file in the same folder, is flushed and fsynced,
then atomically replaces the file: a reader (or a crash) sees the old file or
the new one, never a mix. Read-modify-write runs under an exclusive lock on a
sidecar file, so concurrent `fc add` runs take turns. The lock is an OS-level
flock (through `filelock`): the kernel releases it when its holder dies, so a
killed process leaves no lock behind to wait for.

Temporary files are named `.NAME.*.tmp` (hidden, never `indicators.toml`, and
outside the pre-commit hooks' pattern) and removed when a write fails; one left
by a killed writer is swept by the next writer, who holds the lock.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from fivecenters.load import read_text

LOCK_TIMEOUT = 30.0
TEMP_SUFFIX = ".tmp"


class LockTimeout(Exception):
    """Another process held the lock for longer than we were willing to wait."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        super().__init__(f"another fc is writing {path}; gave up after {timeout:g} s")


def _target(path: Path) -> Path:
    """Writes go to the file a symlink points to; replacing the link would detach it."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    target = _target(path)
    return target.with_name(f".{target.name}.lock")


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str) -> None:
    """Replace the file's content all at once, keeping its permission bits."""
    target = _target(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(temp, mode)
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(target.parent)


def stray_temp_files(path: Path) -> list[Path]:
    """Temporary files a killed writer may have left beside the data file."""
    target = _target(path)
    return sorted(target.parent.glob(f"{_temp_prefix(target)}*{TEMP_SUFFIX}"))


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the data file's write lock; raises LockTimeout after `timeout` seconds."""
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(path, timeout) from None
    try:
        for stray in stray_temp_files(path):  # only a dead writer leaves these while we hold the lock
            with contextlib.suppress(OSError):
                stray.unlink()
        yield
    finally:
        lock.release()


def rewrite(path: Path, change: Callable[[str], str], timeout: float = LOCK_TIMEOUT) -> bool:
    """Read, change and write the file under its lock; whether it changed.

    `change` may raise to refuse the write: the file is then left untouched.
    """
    with locked(path, timeout):
        text = read_text(path)
        new = change(text)
        if new == text:
            return False
        atomic_write(path, new)
        return True
