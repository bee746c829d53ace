"""The Load section's store, by uid: tasks and their decision history read under their stable uids and written
by them (sync projects its document into the journal through these, in the round's one write transaction).

Writes go through ``store.py``'s own functions, so a task synced in is kept as the Load service keeps one: a
new task keeps the moment it was made and is stamped ``updated_at`` now, a changed one is written back whole
and stamped now (``update_task``), a deleted one takes its history with it (``delete_task``). The history's
rows come as rows of their own (each decision taken on some device, with its moment), never made up here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.load.store import (
    changed,
    delete_task,
    event_from_columns,
    insert_event,
    insert_task,
    read_task,
    task_from_columns,
    update_task,
)
from rutjournal.core.storage.rows_by_uid import (
    Shape,
    delete_by_uid,
    linked,
    reader,
    row_id,
    update_changed,
)

TABLES = ("tasks", "task_events")


read_rows = reader(TABLES)  # every row of a table by uid (a link as its parent's uid)


def put_row(
    conn: sqlite3.Connection, shape: Shape, uid: str, values: Mapping[str, object], now: dt.datetime
) -> None:
    """Make the task or history row with ``uid`` hold ``values`` (checked; a link as its parent's uid)."""
    table, given, found = shape.name, linked(conn, values, shape.links), row_id(conn, shape.name, uid)
    if table == "tasks":
        if found is None:
            insert_task(conn, task_from_columns({**given, "uid": uid, "updated_at": now}))
            return
        task = read_task(conn, found)
        assert task is not None
        if changed(task, given) != task:
            update_task(conn, changed(task, given))
    elif found is None:
        insert_event(conn, event_from_columns({**given, "uid": uid}))
    else:
        update_changed(conn, table, found, given, TABLES, None)


def remove_row(conn: sqlite3.Connection, table: str, uid: str) -> None:
    """The row with ``uid`` goes, if there is one (a task with its history)."""
    found = row_id(conn, table, uid) if table == "tasks" else None
    if found is not None:
        delete_task(conn, found)
    else:
        delete_by_uid(conn, table, uid, TABLES)
