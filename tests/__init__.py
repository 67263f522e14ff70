"""The tests mirror the package, so the test of any line has one obvious place.

- `fivecenters/core/X.py` is tested in `tests/core/test_X.py`, and
  `fivecenters/output/X.py` in `tests/output/test_X.py` (the `charts/` package
  as a whole in `test_charts.py`): plain functions, no command line.
- The CLI is tested end to end, one file per command (`tests/cli/test_validate.py`,
  `test_export.py`, `test_chart.py`, `test_report.py`, `test_shell.py`); commands that share their
  fixtures, one file per command module (`test_reading.py`: show, compare,
  progress, info, sources; `test_writing.py`: add, add-*, fmt). The app itself
  (`cli/app.py`: the error boundary and the exceptions it maps) in `test_app.py`.
- The hostile corpus (issue 11) in `tests/hostile/`, one file per policy
  (documents, outputs, writes, CSV, text, inputs, linear time), each driven
  through every command it touches.
- Tests of the project as a whole (imports, layers, docs, shipped data, the
  pre-commit hook, the README's pictures) sit at the top.

Helpers are imported from `tests.support`; `conftest.py` holds only fixtures;
the datasets are files in `tests/fixtures/`.
"""
