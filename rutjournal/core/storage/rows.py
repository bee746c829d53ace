"""One row put back exactly as a JSON export holds it (its id, uid and stamps included): what each section's
store does for the restore, on the tables it owns, inside the restore's one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping


def insert_as_given(
    conn: sqlite3.Connection, table: str, values: Mapping[str, object], owned: Collection[str]
) -> int:
    """Insert one row of checked values as they are into ``table``, one of the ``owned`` tables of the store
    calling (anything else is refused, so no store writes another's table); the row's rowid."""
    if table not in owned:
        raise ValueError(f"{table} is not one of this store's tables ({', '.join(sorted(owned))})")
    if not values:
        return int(conn.execute(f'INSERT INTO "{table}" DEFAULT VALUES').lastrowid or 0)
    listed = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    cursor = conn.execute(f'INSERT INTO "{table}" ({listed}) VALUES ({marks})', tuple(values.values()))
    return int(cursor.lastrowid or 0)
