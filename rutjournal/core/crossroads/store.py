"""The tables of Crossroads — the monthly check-ins with their answers, and the job-search tracker's applications —
read and written with plain SQL on the journal's sqlite3 connection (no ORM).

Each write is one ``Database.writer`` transaction, so a check-in is kept with all its answers or not at all. The
service checks every value before it comes here; the store keeps the stamps as the ORM did: ``created_at`` and
``updated_at`` set to now on insert, ``updated_at`` whenever a row changes (and only then).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from rutjournal.core.crossroads.model import ApplicationView, CheckinView
from rutjournal.core.storage.dates import day_of, now_utc
from rutjournal.core.storage.db import Database
from rutjournal.core.storage.rows import insert_as_given

APPLICATION_COLUMNS = "id, company, role, stage, applied_on, updated_on, notes"  # ApplicationView, in order


# -- check-ins -----------------------------------------------------------------------------------------------
TABLES = ("checkins", "checkin_answers", "applications")


def restore_row(conn: sqlite3.Connection, table: str, values: Mapping[str, object]) -> int:
    """One row of a JSON export put back as it was (the JSON restore's way in); its rowid."""
    return insert_as_given(conn, table, values, TABLES)


def save_checkin(db: Database, day: dt.date, answers: Mapping[str, int], note: str) -> int:
    """Keep the check-in of ``day`` with these answers and note; one already kept that day is replaced (its
    answers all of them, its id kept). Returns the check-in's id."""
    now = now_utc()
    with db.writer() as conn:
        row = conn.execute("SELECT id FROM checkins WHERE day = ?", (day,)).fetchone()
        if row is None:
            cursor = conn.execute(
                "INSERT INTO checkins (day, note, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (day, note, now, now),
            )
            checkin_id = int(cursor.lastrowid or 0)
        else:
            checkin_id = int(row[0])
            conn.execute("DELETE FROM checkin_answers WHERE checkin_id = ?", (checkin_id,))
            conn.execute("UPDATE checkins SET note = ?, updated_at = ? WHERE id = ?", (note, now, checkin_id))
        conn.executemany(
            "INSERT INTO checkin_answers (checkin_id, key, score) VALUES (?, ?, ?)",
            [(checkin_id, key, score) for key, score in answers.items()],
        )
    return checkin_id


def read_checkins(db: Database) -> list[CheckinView]:
    """Every check-in, the newest first, its answers by key (the service puts them in the questions' order)."""
    with db.reader() as conn:
        rows = conn.execute("SELECT id, day, note FROM checkins ORDER BY day DESC").fetchall()
        answers: dict[int, dict[str, int]] = {}
        for checkin_id, key, score in conn.execute(
            "SELECT checkin_id, key, score FROM checkin_answers ORDER BY checkin_id, key"
        ):
            answers.setdefault(checkin_id, {})[key] = score
    return [CheckinView(cid, day_of(day), note, answers.get(cid, {})) for cid, day, note in rows]


def has_checkin_between(db: Database, first: dt.date, last: dt.date) -> bool:
    with db.reader() as conn:
        row = conn.execute(
            "SELECT 1 FROM checkins WHERE day BETWEEN ? AND ? LIMIT 1", (first, last)
        ).fetchone()
    return row is not None


# -- applications --------------------------------------------------------------------------------------------
def add_application(
    db: Database,
    company: str,
    role: str,
    stage: str,
    applied_on: dt.date | None,
    updated_on: dt.date,
    notes: str,
) -> int:
    now = now_utc()
    with db.writer() as conn:
        cursor = conn.execute(
            "INSERT INTO applications (company, role, stage, applied_on, updated_on, notes, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (company, role, stage, applied_on, updated_on, notes, now, now),
        )
        return int(cursor.lastrowid or 0)


def change_application(
    db: Database, application_id: int, change: Callable[[ApplicationView], ApplicationView]
) -> bool:
    """Apply ``change`` to an application inside one write, so what it reads is what it changes; False when
    there is no such application. A change that leaves every field as it was writes nothing."""
    with db.writer() as conn:
        row = conn.execute(
            f"SELECT {APPLICATION_COLUMNS} FROM applications WHERE id = ?", (application_id,)
        ).fetchone()
        if row is None:
            return False
        before = _application(row)
        after = change(before)
        if after != before:
            conn.execute(
                "UPDATE applications SET company = ?, role = ?, stage = ?, applied_on = ?, updated_on = ?, "
                "notes = ?, updated_at = ? WHERE id = ?",
                (
                    *(
                        after.company,
                        after.role,
                        after.stage,
                        after.applied_on,
                        after.updated_on,
                        after.notes,
                    ),
                    *(now_utc(), application_id),
                ),
            )
    return True


def read_applications(db: Database) -> list[ApplicationView]:
    with db.reader() as conn:
        rows = conn.execute(f"SELECT {APPLICATION_COLUMNS} FROM applications ORDER BY id").fetchall()
    return [_application(row) for row in rows]


def count_by_stage(db: Database) -> dict[str, int]:
    """How many applications are at each stage that has any."""
    with db.reader() as conn:
        return {
            stage: n for stage, n in conn.execute("SELECT stage, count(*) FROM applications GROUP BY stage")
        }


def _application(row: tuple[Any, ...]) -> ApplicationView:
    app_id, company, role, stage, applied_on, updated_on, notes = row
    applied = day_of(applied_on) if applied_on else None
    return ApplicationView(app_id, company, role, stage, applied, day_of(updated_on), notes)
