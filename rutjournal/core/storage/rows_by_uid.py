"""Rows read and written by their stable uid, their links given as the parents' uids: what each section's
``store_by_uid`` does for sync on the tables it owns (``owned``: any other is refused, as in ``rows.py``), in
the round's one write transaction. A link column (a foreign key) is read as the parent row's uid, and a uid
given for it is written as that parent's id (NULL when there is none: the schema then refuses a link that may
not be blank, and ``savepoint`` keeps that one row's failure from the rest of the round).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import NamedTuple


class Shape(NamedTuple):
    """A table as sync reads and writes it: its name, the columns it syncs, its links (column → parent)."""

    name: str
    columns: Sequence[str]
    links: Mapping[str, str]


def _own(table: str, owned: Collection[str]) -> None:
    if table not in owned:
        raise ValueError(f"{table} is not one of this store's tables ({', '.join(sorted(owned))})")


def read_by_uid(
    conn: sqlite3.Connection, shape: Shape, owned: Collection[str]
) -> dict[str, dict[str, object]]:
    """Every row of the table by uid: its columns, a link as the parent's uid."""
    table, columns, links = shape
    _own(table, owned)
    picked = [
        f'(SELECT p.uid FROM "{links[c]}" p WHERE p.id = t."{c}")' if c in links else f't."{c}"'
        for c in columns
    ]
    rows = conn.execute(f'SELECT t.uid, {", ".join(picked)} FROM "{table}" t').fetchall()
    return {str(row[0]): dict(zip(columns, row[1:], strict=True)) for row in rows}


def reader(owned: Collection[str]) -> Callable[[sqlite3.Connection, Shape], dict[str, dict[str, object]]]:
    """``read_by_uid`` for a store owning ``owned``: its ``read_rows``."""
    return lambda conn, shape: read_by_uid(conn, shape, owned)


def row_id(conn: sqlite3.Connection, table: str, uid: str) -> int | None:
    row = conn.execute(f'SELECT id FROM "{table}" WHERE uid = ?', (uid,)).fetchone()
    return None if row is None else int(row[0])


def linked(
    conn: sqlite3.Connection, values: Mapping[str, object], links: Mapping[str, str]
) -> dict[str, object]:
    """The values with each link's parent uid turned into the parent's id (None when there is no such row)."""
    found = dict(values)
    for column, parent in links.items():
        if column in found and found[column] is not None:
            found[column] = row_id(conn, parent, str(found[column]))
    return found


def update_changed(
    conn: sqlite3.Connection,
    table: str,
    row: int,
    values: Mapping[str, object],
    owned: Collection[str],
    stamp: dt.datetime | None,
) -> bool:
    """Set the values that differ on row ``row`` (``updated_at`` too, to ``stamp``, when given and something
    changed); whether anything did."""
    _own(table, owned)
    if not values:
        return False
    params = tuple(values.values())
    sets = ", ".join(f'"{name}" = ?' for name in values)
    differs = " OR ".join(f'"{name}" IS NOT ?' for name in values)
    stamped, moment = (", updated_at = ?", (stamp,)) if stamp is not None else ("", ())
    cursor = conn.execute(
        f'UPDATE "{table}" SET {sets}{stamped} WHERE id = ? AND ({differs})', (*params, *moment, row, *params)
    )
    return cursor.rowcount > 0


def delete_by_uid(conn: sqlite3.Connection, table: str, uid: str, owned: Collection[str]) -> None:
    """The row with this uid goes, if there is one (the schema's foreign keys take or unlink what hangs off
    it)."""
    _own(table, owned)
    conn.execute(f'DELETE FROM "{table}" WHERE uid = ?', (uid,))


@contextmanager
def savepoint(conn: sqlite3.Connection, name: str = "by_uid") -> Iterator[None]:
    """Inside the caller's transaction: what the block wrote is undone if it raises (and the error raised)."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")
