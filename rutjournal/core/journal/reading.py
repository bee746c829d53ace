"""Reading the journal with plain SQL on a bare sqlite3 connection.

Reads never need the ORM, so the window can show today's entry — and the command line can print one —
without waiting for SQLAlchemy to import; the ORM is used for writes (``journal_writes``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from rutjournal.core.values import SCORE_FIELDS, Scores


@dataclass(frozen=True)
class DayEntry:
    """A plain copy of one day's entry, safe to hand to the UI or print."""

    id: int
    day: dt.date
    body: str
    scores: Scores
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int  # raised by the database on every change (migration 0006); not part of exports

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "text": self.body,
            **{name: getattr(self.scores, name) for name in (*SCORE_FIELDS, "hours")},
            "tags": list(self.tags),
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "updated_at": self.updated_at.isoformat(timespec="seconds") + "Z",
        }


def read_day(conn: sqlite3.Connection, day: dt.date) -> DayEntry | None:
    row = conn.execute(
        "SELECT id, body, mood, energy, challenge, hours, load, created_at, updated_at, revision "
        "FROM entries WHERE day = ?",
        (day.isoformat(),),
    ).fetchone()
    if row is None:
        return None
    entry_id, body, mood, energy, challenge, hours, load, created, updated, revision = row
    tags = tuple(
        name
        for (name,) in conn.execute(
            "SELECT t.name FROM tags t JOIN entry_tags et ON et.tag_id = t.id WHERE et.entry_id = ? ORDER BY t.name",
            (entry_id,),
        )
    )
    return DayEntry(
        id=entry_id,
        day=day,
        body=body,
        scores=Scores(mood, energy, challenge, None if hours is None else float(hours), load),
        tags=tags,
        created_at=dt.datetime.fromisoformat(created),
        updated_at=dt.datetime.fromisoformat(updated),
        revision=revision,
    )


def read_marks(conn: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[dt.date, int | None]:
    """The days in [first, last] that have an entry, with their mood (for a calendar)."""
    rows = conn.execute(
        "SELECT day, mood FROM entries WHERE day BETWEEN ? AND ?", (first.isoformat(), last.isoformat())
    )
    return {dt.date.fromisoformat(day): mood for day, mood in rows}


def read_tag_names(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute("SELECT name FROM tags ORDER BY name")]


def read_streak(conn: sqlite3.Connection, today: dt.date) -> int:
    """Days in a row with an entry, ending today — or yesterday, while today is still unwritten."""

    def has(day: dt.date) -> bool:
        return conn.execute("SELECT 1 FROM entries WHERE day = ?", (day.isoformat(),)).fetchone() is not None

    end = today if has(today) else today - dt.timedelta(days=1)
    if not has(end):
        return 0
    # The newest day on or before ``end`` whose previous day has no entry starts the run; SQLite walks the day
    # index backwards and stops there.
    (start,) = conn.execute(
        "SELECT day FROM entries AS e WHERE day <= ? AND NOT EXISTS "
        "(SELECT 1 FROM entries AS p WHERE p.day = date(e.day, '-1 day')) ORDER BY day DESC LIMIT 1",
        (end.isoformat(),),
    ).fetchone()
    return (end - dt.date.fromisoformat(start)).days + 1


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes when another connection — any process — has committed to the file since this
    connection last looked. A constant-time look at the file's header: nothing is read from the tables."""
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return int(version)
