"""Fixtures shared by every test; the helpers themselves live in `tests/support/`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.base import WriteData, write_document

# CI explores the same examples on every run, so a landing is never decided by
# chance; developers' runs keep exploring new ones (and the database replays failures).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _no_data_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file named in the caller's shell must not leak into a test."""
    monkeypatch.delenv("FC_DATA", raising=False)


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """Writes a data file (the base dataset unless told otherwise) beside the document it cites."""
    return WriteData(write_document(tmp_path))
