"""The command line: a thin layer that parses arguments, calls the core once and emits.

`app.py` holds the app, the shared options and the error boundary; the
commands are grouped by what they do (`checking`, `reading`, `ranking`,
`publishing`, `writing`, `curating`), and `shell` prints the shell code that lets `fc` reach them.
"""

# Importing the command modules registers their commands, in the order `fc --help` lists them.
from fivecenters.cli import checking, curating, publishing, ranking, reading, shell, writing  # noqa: F401
from fivecenters.cli.app import app, main

__all__ = ["app", "main"]
