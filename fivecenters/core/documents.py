"""Which documents a data file may cite, and reading them without looking anywhere else.

A data file comes from strangers' pull requests and `fc validate` runs on it in
CI: a `document` naming `/proc/self/environ`, `../../.ssh/id_rsa` or a symlink
pointing out would let `quote-not-in-document` confirm a guessed secret one
string at a time. So a document must resolve inside the data file's repository
(the git work tree it sits in, else its own folder), symlinks included, and the
resolution itself never reads a link outside it: what lies outside is neither
read nor probed, and every path out gets the same answer.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from fivecenters.core.codes import Code
from fivecenters.core.load import Unreadable, read_regular
from fivecenters.core.structs import struct

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
_MAX_LINKS = 40  # as the kernel's ELOOP


def repository_root(directory: Path) -> str:
    """The git work tree holding `directory`, else the folder itself (both with symlinks resolved)."""
    start = os.path.realpath(directory)
    for folder in (start, *map(str, Path(start).parents)):
        if os.path.lexists(os.path.join(folder, ".git")):
            return str(folder)
    return start


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def inside_repository(path: Path) -> bool:
    """Whether `path`, its symlinks resolved, lies in the repository of the folder holding it."""
    return _within(os.path.realpath(path), repository_root(path.absolute().parent))


def resolve_inside(root: str, base: str, document: str) -> str | None:
    """`document`, relative to `base` (a folder in `root`), with its symlinks resolved as the kernel
    would; None when any step leaves `root`.

    Only links inside `root` are ever read: a link pointing out ends the walk
    instead of being followed, so nothing outside is probed.
    """
    current = base
    if os.path.isabs(document):
        document = os.path.normpath(document)
        if not _within(document, root):
            return None
        current, document = root, os.path.relpath(document, root)
    pending = list(reversed(document.split(os.sep)))
    links = 0
    while pending:
        part = pending.pop()
        if part in ("", "."):
            continue
        if part == "..":
            current = os.path.dirname(current)
            if not _within(current, root):
                return None
            continue
        candidate = os.path.join(current, part)
        try:
            target = os.readlink(candidate)
        except OSError:  # not a link, or missing: reading it says which
            current = candidate
            continue
        links += 1
        if links > _MAX_LINKS:
            return None
        if os.path.isabs(target):
            target = os.path.normpath(target)
            if not _within(target, root):
                return None
            current, target = root, os.path.relpath(target, root)
        pending.extend(reversed(target.split(os.sep)))
    return current


@struct(frozen=True)
class DocumentProblem:
    """Why a cited document cannot be read, as the problem `fc validate` reports."""

    code: Code
    message: str


def read_document(root: str, base: str, document: str) -> str | DocumentProblem:
    """A cited document's text, or why it cannot be used; `base` is the data file's folder, resolved."""
    resolved = resolve_inside(root, base, document)
    if resolved is None:
        return DocumentProblem(
            Code.DOCUMENT_OUTSIDE_REPOSITORY,
            f"document '{document}' is outside the data file's repository; cite a copy saved inside it",
        )
    try:
        raw = read_regular(resolved, MAX_DOCUMENT_BYTES)
    except Unreadable as exc:
        if exc.kind == "too-large":
            return DocumentProblem(
                Code.DOCUMENT_TOO_LARGE, f"document '{document}' {exc}; save the part that is quoted"
            )
        if exc.kind in ("directory", "not-regular"):
            return DocumentProblem(Code.DOCUMENT_NOT_REGULAR_FILE, f"document '{document}' is not a regular file")
        return _not_found(document)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _not_found(document)


def _not_found(document: str) -> DocumentProblem:
    return DocumentProblem(
        Code.DOCUMENT_NOT_FOUND, f"document '{document}' cannot be read (paths are relative to the data file)"
    )


def files_read(data_file: Path, documents: Iterable[str]) -> list[Path]:
    """The data file and the documents it cites, where fc reads them: no output may replace one."""
    root = repository_root(data_file.parent)
    base = os.path.realpath(data_file.parent)
    resolved = (resolve_inside(root, base, document) for document in documents)
    return [data_file, *(Path(path) for path in resolved if path)]
