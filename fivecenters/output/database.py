"""The tidy tables as a SQLite database with foreign keys, and the Datasette metadata that attributes it.

`datasette fc.db -m fc.metadata.json` serves a browsable site in which every
table carries its title, description, licence and sources. Built in memory
with the standard library's sqlite3, so a failed export writes nothing.
"""

from __future__ import annotations

from typing import Any

from fivecenters.core.model import Dataset
from fivecenters.core.tables import TABLES, Column, Table
from fivecenters.output.datapackage import DESCRIPTION, HOMEPAGE, LICENSE, TITLE

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT", "string": "TEXT"}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _column_sql(column: Column) -> str:
    """Names and allowed values come from the table declarations in the code, never from the data."""
    parts = [_quoted(column.name), SQL_TYPES[column.type]]
    if column.required:
        parts.append("NOT NULL")
    allowed = ("0", "1") if column.type == "boolean" else tuple(_literal(v) for v in column.enum)
    if allowed:
        parts.append(f"CHECK ({_quoted(column.name)} IN ({', '.join(allowed)}))")
    return " ".join(parts)


def create_sql(table: Table) -> list[str]:
    """CREATE TABLE with its keys, and an index on each foreign key for Datasette's facets and joins."""
    lines = [_column_sql(c) for c in table.columns]
    if table.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    lines += [
        f"FOREIGN KEY ({_quoted(k.column)}) REFERENCES {_quoted(k.table)} ({_quoted(k.key)})"
        for k in table.foreign_keys
    ]
    statements = [f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"]
    statements += [
        f"CREATE INDEX {_quoted(f'{table.name}_{k.column}')} ON {_quoted(table.name)} ({_quoted(k.column)})"
        for k in table.foreign_keys
    ]
    return statements


def database(dataset: Dataset) -> bytes:
    """The database file's bytes; every foreign key checked as the rows go in."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        # Tables that others refer to first, so each reference finds its row.
        for table in sorted(TABLES, key=lambda t: bool(t.foreign_keys)):
            for statement in create_sql(table):
                connection.execute(statement)
            names = [c.name for c in table.columns]
            insert = (
                f"INSERT INTO {_quoted(table.name)} ({', '.join(map(_quoted, names))}) "
                f"VALUES ({', '.join('?' * len(names))})"
            )
            connection.executemany(insert, ([_value(row[n]) for n in names] for row in table.rows(dataset)))
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _value(value: Any) -> Any:
    """Dates as ISO text (SQLite has no date type); booleans become 0 and 1 by themselves."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def metadata(dataset: Dataset, database_name: str) -> dict[str, Any]:
    """Datasette's metadata.json: the title, licence and source of the whole and of each table."""
    licence = {"license": LICENSE["name"], "license_url": LICENSE["path"]}
    tables = {}
    for table in TABLES:
        tables[table.name] = {
            "title": table.title,
            "description": table.description,
            **_source(table, dataset),
            **licence,
            "columns": {c.name: c.description for c in table.columns},
        }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        **licence,
        "source": "fivecenters (fc): every figure cites its publisher; see the sources table",
        "source_url": HOMEPAGE,
        "databases": {database_name: {"tables": tables}},
    }


def _source(table: Table, dataset: Dataset) -> dict[str, str]:
    """The publishers a table's rows cite; a table that cites none was compiled by the project."""
    cites = any(k.table == "sources" for k in table.foreign_keys)
    cited = {row["source"] for row in table.rows(dataset)} if cites else set()
    publishers = dict.fromkeys(s.publisher for s in dataset.sources if s.id in cited)
    return {"source": "; ".join(publishers)} if publishers else {"source": "fivecenters (fc)", "source_url": HOMEPAGE}
