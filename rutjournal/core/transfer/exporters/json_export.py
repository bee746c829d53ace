"""The lossless JSON export: every row of every table of the user's data, exactly as stored.

Rows are read with bare sqlite3 inside one read transaction (a consistent snapshot, even while the window
saves) and written one at a time, so ten years of entries take a fraction of a second and little memory; no
SQLAlchemy is imported on this path. The output is deterministic — tables by name, rows by primary key, keys
sorted, one row per line, no timestamp — so exporting, restoring into an empty journal and exporting again
gives the same bytes. The format is described in docs/export-format.md.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TextIO

from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.exporters.files import AtomicFiles, ExportResult
from rutjournal.core.transfer.exporters.tables import columns, data_tables, key_order, schema_revision

FORMAT = "rutjournal"
FORMAT_VERSION = 1


def export_json(db: Database, path: Path) -> ExportResult:
    """Write the whole journal to ``path`` (replacing it only once the new file is complete)."""
    with db.reader() as conn, AtomicFiles(db.path.parent) as files, files.open(path) as out:
        counts = write_json(conn, out)
    return ExportResult([path], counts)


def write_json(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Write the export to ``out`` and return the number of rows of each table, in fill order."""
    conn.execute("BEGIN")  # one snapshot for every table
    try:
        tables = data_tables(conn)
        revision = schema_revision(conn)
        out.write(
            "{\n"
            f'  "format": {_dump(FORMAT)},\n'
            f'  "format_version": {FORMAT_VERSION},\n'
            f'  "schema_revision": {_dump(revision)},\n'
            '  "tables": {'
        )
        counts: dict[str, int] = {}
        for t_index, table in enumerate(sorted(tables)):
            out.write(("," if t_index else "") + f"\n    {_dump(table)}: [")
            counts[table] = _write_rows(conn, table, out)
            out.write("\n    ]" if counts[table] else "]")
        out.write("\n  }\n}\n")
    finally:
        conn.execute("COMMIT")
    return {table: counts[table] for table in tables}


def _write_rows(conn: sqlite3.Connection, table: str, out: TextIO) -> int:
    cols = columns(conn, table)
    names = [c.name for c in cols]
    listed = ", ".join(f'"{n}"' for n in names)
    cursor = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {key_order(cols)}')
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, allow_nan=False).encode
    count = 0
    write = out.write
    for row in cursor:
        write(("," if count else "") + "\n      " + encode(dict(zip(names, row, strict=True))))
        count += 1
    return count


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
