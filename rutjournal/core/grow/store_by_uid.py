"""Grow's and Guidance's tables by uid: their rows read under their stable uids and written by them (sync
projects its document into the journal through these, in the round's one write transaction).

The writes are ``store.py``'s row helpers, shared by both sections: a new row goes in as given (its
``created_at`` kept, ``updated_at`` now, where the table keeps stamps: ``restore_row``), a changed one has
only the values that differ set and ``updated_at`` moved only then (``update_row``), and a deleted one takes
(or unlinks) what hangs off it by the schema's foreign keys.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.grow.store import STAMPED, TABLES, restore_row, update_row
from rutjournal.core.storage.rows_by_uid import Shape, delete_by_uid, linked, reader, row_id

read_rows = reader(TABLES)  # every row of a table by uid (a link as its parent's uid)


def put_row(
    conn: sqlite3.Connection, shape: Shape, uid: str, values: Mapping[str, object], now: dt.datetime
) -> None:
    """Make the Grow or Guidance row with ``uid`` hold ``values`` (checked; a link as its parent's uid)."""
    table, given, found = shape.name, linked(conn, values, shape.links), row_id(conn, shape.name, uid)
    if found is None:
        restore_row(conn, table, {"uid": uid, **given} | ({"updated_at": now} if table in STAMPED else {}))
    else:
        update_row(conn, table, found, given, table)


def remove_row(conn: sqlite3.Connection, table: str, uid: str) -> None:
    """The row with ``uid`` goes, if there is one."""
    delete_by_uid(conn, table, uid, TABLES)
