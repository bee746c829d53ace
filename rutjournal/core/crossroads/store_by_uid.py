"""Crossroads' tables by uid: check-ins (with their answers) and applications read under their stable uids and
written by them (sync projects its document into the journal through these, in the round's one write
transaction).

As ``store.py`` keeps them: a new row keeps its ``created_at`` and is stamped ``updated_at`` now; a changed
one has only the values that differ set, and ``updated_at`` moves only then; a check-in's answers, read and
written with it under the key ``answers`` (question key → score), are replaced all together when any
differs, which stamps the check-in too. ``checkin_answers`` has no uid of its own: its rows are its check-in's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.crossroads.store import TABLES, restore_row
from rutjournal.core.storage.rows_by_uid import Shape, delete_by_uid, read_by_uid, row_id, update_changed

ANSWERS = "answers"


def read_rows(conn: sqlite3.Connection, shape: Shape) -> dict[str, dict[str, object]]:
    """Every row of the table by uid; a check-in with its ``answers``."""
    rows = read_by_uid(conn, shape, TABLES)
    if shape.name == "checkins":
        answers: dict[str, dict[str, int]] = {uid: {} for uid in rows}
        for uid, key, score in conn.execute(
            "SELECT c.uid, a.key, a.score FROM checkin_answers a JOIN checkins c ON c.id = a.checkin_id"
        ):
            answers[str(uid)][str(key)] = int(score)
        for uid, row in rows.items():
            row[ANSWERS] = answers[uid]
    return rows


def put_row(
    conn: sqlite3.Connection, shape: Shape, uid: str, values: Mapping[str, object], now: dt.datetime
) -> None:
    """Make the row with ``uid`` hold ``values`` (checked); a check-in's ``answers`` all of them."""
    table, found = shape.name, row_id(conn, shape.name, uid)
    given = {name: value for name, value in values.items() if name != ANSWERS}
    if found is None:
        found = restore_row(conn, table, {"uid": uid, **given, "updated_at": now})
        changed = True  # stamped now as it went in
    else:
        changed = update_changed(conn, table, found, given, TABLES, now)
    if table != "checkins":
        return
    answers = dict(values.get(ANSWERS) or {})  # type: ignore[call-overload]
    held = dict(conn.execute("SELECT key, score FROM checkin_answers WHERE checkin_id = ?", (found,)))
    if held == answers:
        return
    conn.execute("DELETE FROM checkin_answers WHERE checkin_id = ?", (found,))
    conn.executemany(
        "INSERT INTO checkin_answers (checkin_id, key, score) VALUES (?, ?, ?)",
        [(found, key, score) for key, score in sorted(answers.items())],
    )
    if not changed:
        conn.execute("UPDATE checkins SET updated_at = ? WHERE id = ?", (now, found))


def remove_row(conn: sqlite3.Connection, table: str, uid: str) -> None:
    """The row with ``uid`` goes, if there is one (a check-in with its answers)."""
    delete_by_uid(conn, table, uid, TABLES)
