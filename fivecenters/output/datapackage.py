"""Writing the tidy tables: CSV, JSON and a Frictionless Data Package."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from fivecenters import __version__
from fivecenters.core.model import Dataset
from fivecenters.core.store import write_dir
from fivecenters.core.tables import OBSERVATIONS, PACKAGE_FILES, TABLES, Table, observation_rows
from fivecenters.output.records import to_csv, to_json

PACKAGE_NAME = "shanghai-five-centers"
DESCRIPTOR = "datapackage.json"
TITLE = "Shanghai's Five Centers: indicators, targets, benchmarks and their sources"
DESCRIPTION = (
    "Indicators of Shanghai's drive to become an international economic, financial, trade, shipping "
    "and sci-tech innovation center: yearly observations, stated targets and Shanghai's place beside "
    "its peers in international rankings, each citing its source and quoting it verbatim. "
    "Exported by fivecenters (fc)."
)
HOMEPAGE = "https://github.com/fivecenters/fivecenters"
# Who compiled the tables; each figure's own publisher is in the sources table.
CONTRIBUTORS = [{"title": "The fivecenters curators", "role": "wrangler", "path": HOMEPAGE}]
# The compilation is offered under CC BY 4.0; each quote remains its publisher's,
# reproduced briefly to let readers check the figure.
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _cell(value: Any) -> Any:
    """CSV text as Frictionless and spreadsheets read it back."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def table_csv(table: Table, dataset: Dataset) -> str:
    rows = [{k: _cell(v) for k, v in row.items()} for row in table.rows(dataset)]
    return to_csv(rows, [c.name for c in table.columns])


def observations_csv(dataset: Dataset) -> str:
    return table_csv(OBSERVATIONS, dataset)


def observations_json(dataset: Dataset) -> str:
    return to_json(observation_rows(dataset))


def descriptor(dataset: Dataset) -> dict[str, Any]:
    """The datapackage.json: tables with their schemas, every source cited, a licence."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "created": created(),
        "homepage": HOMEPAGE,
        "contributors": CONTRIBUTORS,
        "keywords": ["Shanghai", "five centers", "indicators", "targets", "benchmarks"],
        "licenses": [LICENSE],
        "sources": [{"title": s.title, **({"path": s.url} if s.url else {})} for s in dataset.sources],
        "resources": [t.resource() for t in TABLES],
    }


def created() -> str:
    """Now, in UTC; or SOURCE_DATE_EPOCH, the reproducible-builds convention, so two exports can be identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def write_package(dataset: Dataset, directory: Path) -> None:
    """Write the package; an earlier export in `directory` is replaced as a whole, atomically."""

    def fill(into: Path) -> None:
        (into / DESCRIPTOR).write_text(to_json(descriptor(dataset)) + "\n", encoding="utf-8")
        for table in TABLES:
            (into / table.path).write_text(table_csv(table, dataset), encoding="utf-8", newline="")

    write_dir(directory, fill, PACKAGE_FILES)
