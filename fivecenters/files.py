"""Writing outputs so that a failure never leaves a half-written file or package.

Everything is first written beside its destination (same directory, so the
same file system) and then renamed into place: a reader sees the old output
or the new one, never a mixture.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from fivecenters.store import atomic_write


class OutputError(Exception):
    """An output that cannot be written; `usage` when the path itself is the mistake (exit 2, else 1)."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def _parent(path: Path) -> Path:
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: directory {parent} does not exist", usage=True)
    return parent


def write_text(path: Path, text: str) -> None:
    """Write a text file atomically (as the data file is written), replacing any file already there."""
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory", usage=True)
    _parent(path)
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_dir(path: Path, fill: Callable[[Path], None], replaceable: Iterable[str]) -> None:
    """Build a directory with `fill` in a temporary one, then swap it in.

    An existing directory is replaced only when it holds nothing but names in
    `replaceable` (a previous export): anything else there is the user's, and
    deleting it would be worse than refusing.
    """
    if path.exists() and not path.is_dir():
        raise OutputError(f"cannot write {path}: it exists and is not a directory", usage=True)
    if path.is_dir():
        foreign = sorted(p.name for p in path.iterdir() if p.name not in set(replaceable))
        if foreign:
            raise OutputError(
                f"refusing to replace {path}: it holds files this export did not write ({', '.join(foreign[:3])})",
                usage=True,
            )
    parent = _parent(path)
    try:
        temp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    old = parent / f"{temp.name}.old"
    try:
        os.chmod(temp, 0o755)
        fill(temp)
        if path.is_dir():
            # Directories cannot be swapped in one rename: move the old one
            # aside first, so the package at `path` is always complete or absent.
            os.replace(path, old)
        os.replace(temp, path)
    except OSError as exc:
        if old.exists() and not path.exists():
            os.replace(old, path)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
