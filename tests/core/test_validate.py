"""The validation pipeline's two ways in: a file, and a stream (`fc validate -`)."""

from __future__ import annotations

import gc
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


def test_the_records_are_moved_out_of_the_youngest_generation_and_nothing_frozen_is_thawed(
    write_data: WriteData,
) -> None:
    """The collector is paused while the records are made; they are then moved to the oldest
    generation, which the next collections of young objects do not walk, and what the caller
    froze stays frozen."""
    path = write_data()
    gc.unfreeze()  # what earlier tests froze (the commands freeze the heap as they end)
    try:
        _, dataset = validate_file(path)
        assert dataset is not None and not gc.get_freeze_count()
        assert any(o is dataset for o in gc.get_objects(generation=2))
        kept: list[object] = []
        gc.freeze()
        _, dataset = validate_file(path)
        assert gc.get_freeze_count() and not any(o is kept for o in gc.get_objects())
        assert any(o is dataset for o in gc.get_objects(generation=0))  # left where it was made
    finally:
        gc.unfreeze()
