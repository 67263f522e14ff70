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
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fivecenters.core.documents import inside_repository
from fivecenters.core.errors import LockTimeout, OutputError, WriteError
from fivecenters.core.load import read_text

LOCK_TIMEOUT = 30.0
TEMP_SUFFIX = ".tmp"


def _cannot_write(name: object, exc: OSError) -> str:
    """What a failed write says, whatever it was writing: the file and the system's reason."""
    return f"cannot write {name}: {exc.strerror or exc}"


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


class ReadOnlyTarget(PermissionError):
    """The file is read-only: someone meant it not to change, and a rename would not ask."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(
            errno.EACCES,
            f"it is read-only (mode {mode:04o}); to change it, make it writable: chmod u+w {path}",
            str(path),
        )


def _keep_owner(fd: int, status: os.stat_result) -> None:
    """Owner and group as they were, as far as this process may set them (root: both; others: a group of theirs)."""
    for uid, gid in ((status.st_uid, status.st_gid), (-1, status.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except (OSError, AttributeError):
            continue


def atomic_write(path: Path, text: str | bytes) -> None:
    """Replace the file's content all at once, keeping its permission bits, owner and group.

    A read-only file is refused (ReadOnlyTarget) rather than replaced: the
    rename needs only the folder's permission, not the file's. Other hard
    links to the file keep the old content: a replace makes a new file.
    """
    target = _target(path)
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    mode = stat.S_IMODE(status.st_mode) if status else _new_file_mode()
    if status and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ReadOnlyTarget(path, mode)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            if status:
                _keep_owner(handle.fileno(), status)
            os.fchmod(handle.fileno(), mode)  # after chown, which may clear set-id bits
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
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
    A system error (on the lock, the temporary file or the file) is a WriteError
    naming the file it failed on.
    """
    _require_target_inside(path)
    try:
        with locked(path, timeout):
            text = read_text(path)
            new = change(text)
            if new == text:
                return False
            atomic_write(path, new)
            return True
    except OSError as exc:
        raise WriteError(_cannot_write(exc.filename or path, exc)) from None


def _require_target_inside(path: Path) -> None:
    """A data file that is a symlink is written through only to a file in its own repository.

    A pull request may ship `indicators.toml` as a link to a user's file
    (`~/.cargo/credentials.toml`): `fc fmt` on the checkout must not rewrite it.
    """
    if path.is_symlink() and not inside_repository(path):
        raise WriteError(f"refusing to write {path}: it is a symlink to a file outside its repository")


@contextlib.contextmanager
def _output_failures(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None


def _parent(path: Path) -> Path:
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: directory {parent} does not exist", usage=True)
    return parent


def _refuse(path: Path, reason: str) -> OutputError:
    return OutputError(f"refusing to write {path}: {reason}")


def check_output(path: Path, reads: Iterable[Path] = ()) -> os.stat_result | None:
    """Refuse a write that would damage a file fc did not mean to write; what is there now, if anything.

    A symlink is refused rather than followed (a link shipped in a repository
    would aim `fc report` at any file the user may write); so is a device, a
    FIFO or a socket, and any file fc reads (the data file, its documents),
    whatever name or hard link reaches it.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None
    if stat.S_ISLNK(status.st_mode):
        raise _refuse(path, "it is a symlink; write to the file it points to by its own name")
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        raise _refuse(path, "it is a device, FIFO or socket, not a regular file")
    for read in reads:
        with contextlib.suppress(OSError):
            if os.path.samestat(status, os.stat(read)):
                raise _refuse(path, f"fc reads it ({read}); choose another file")
    return status


def write_text(path: Path, text: str | bytes, reads: Iterable[Path] = ()) -> None:
    """Write a file atomically (as the data file is written), replacing a regular file already there; text as UTF-8."""
    status = check_output(path, reads)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(f"cannot write {path}: it is a directory", usage=True)
    _parent(path)
    with _output_failures(path):
        atomic_write(path, text)


def write_dir(path: Path, fill: Callable[[Path], None], replaceable: Iterable[str]) -> None:
    """Build a directory with `fill` in a temporary one, then swap it in.

    An existing directory is replaced only when it holds nothing but regular
    files named in `replaceable` (a previous export): anything else there (a
    folder or a link by one of those names included) is the user's, and
    deleting it would be worse than refusing.
    """
    status = check_output(path)
    if status is not None and not stat.S_ISDIR(status.st_mode):
        raise OutputError(f"cannot write {path}: it exists and is not a directory", usage=True)
    if status is not None:
        names = set(replaceable)
        foreign = sorted(
            entry.name
            for entry in os.scandir(path)
            if entry.name not in names or not entry.is_file(follow_symlinks=False)
        )
        if foreign:
            raise OutputError(
                f"refusing to replace {path}: it holds files this export did not write ({', '.join(foreign[:3])})",
                usage=True,
            )
    parent = _parent(path)
    with _output_failures(path):
        temp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp"))
    old = parent / f"{temp.name}.old"
    try:
        with _output_failures(path):
            os.chmod(temp, 0o755)
            fill(temp)
            if path.is_dir():
                # Directories cannot be swapped in one rename: move the old one
                # aside first, so the package at `path` is always complete or absent.
                os.replace(path, old)
            os.replace(temp, path)
    finally:
        if old.exists() and not path.exists():
            os.replace(old, path)
        shutil.rmtree(temp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
