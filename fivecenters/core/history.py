"""Versions of the data file: a file on disk, or the file as a git revision holds it.

A revision comes from the command line and is untrusted: git runs with a fixed
argument list (no shell), `--end-of-options` before the revision, and a
revision that could be read as an option or that holds a path separator of
its own (`:`), whitespace or a control character is refused before git runs.
The file's path inside the revision is taken relative to the repository root,
as `git show REV:PATH` wants it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from fivecenters.core.codes import Code
from fivecenters.core.errors import DataError, FcError
from fivecenters.core.load import MAX_BYTES, decode_text, read_text
from fivecenters.core.structs import struct

GIT_TIMEOUT = 60.0
_UNSAFE = re.compile(r"[\s:\x00-\x1f\x7f]")


class RevisionError(FcError):
    """A revision that names no version of the data file (a usage error)."""

    exit_code = 2


@struct(frozen=True)
class Version:
    """A data file's text at one version: a path on disk, or one at a git revision."""

    label: str  # as shown to people: a path, or REV:PATH
    text: str


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise RevisionError("git is not installed; name the versions to compare as files") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git did not answer within {GIT_TIMEOUT:g} s") from None


def _said(process: subprocess.CompletedProcess[bytes]) -> str:
    lines = process.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1].removeprefix("fatal: ") if lines else f"git exited with {process.returncode}"


def at_revision(revision: str, data_file: Path) -> Version:
    """The data file as `revision` holds it."""
    if not revision or revision.startswith("-") or _UNSAFE.search(revision):
        raise RevisionError(f"'{revision}' is not a file, nor a revision fc reads (no spaces, ':' or leading '-')")
    folder = data_file.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise RevisionError(f"'{revision}' is not a file, and {folder} is not in a git repository")
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    try:
        path = data_file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise RevisionError(f"{data_file} is not inside the git repository at {root}") from None
    label = f"{revision}:{path}"
    size = _git(["cat-file", "-s", "--end-of-options", label], root)
    if size.returncode != 0:
        raise RevisionError(f"'{revision}' is not a file, nor a revision that holds {path} ({_said(size)})")
    if int(size.stdout) > MAX_BYTES:
        raise DataError.single(label, Code.FILE_TOO_LARGE, f"is {int(size.stdout):,} bytes; the limit is {MAX_BYTES:,}")
    shown = _git(["show", "--no-textconv", "--end-of-options", label], root)
    if shown.returncode != 0:
        raise RevisionError(f"cannot read {label}: {_said(shown)}")
    return Version(label, decode_text(shown.stdout, label))


def version(spec: str | None, data_file: Path) -> Version:
    """A file when `spec` names one, else a git revision of the data file; None: the data file itself."""
    if spec is None:
        return Version(str(data_file), read_text(data_file))
    if Path(spec).is_file():
        return Version(spec, read_text(Path(spec)))
    return at_revision(spec, data_file)
