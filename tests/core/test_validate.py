"""The validation pipeline's two ways in: a file, and a stream (`fc validate -`)."""

from __future__ import annotations

import io

import pytest

from fivecenters.core.load import STDIN_NAME
from fivecenters.core.validate import validate_file, validate_stream
from tests.support.base import WriteData
from tests.support.defects import DEFECTS, Defect


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.name)
def test_a_stream_reports_what_the_file_reports(defect: Defect, write_data: WriteData) -> None:
    path = write_data(defect.text())
    from_file, _ = validate_file(path)
    from_stream, dataset = validate_stream(io.BytesIO(defect.text().encode("utf-8")), path.parent)
    assert from_stream.file == STDIN_NAME
    assert from_stream.problems == from_file.problems
    assert from_stream.stats == from_file.stats
    assert (dataset is None) == defect.has_errors
