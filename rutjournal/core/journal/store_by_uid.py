"""The journal's store, by uid: every entry read under its stable uid and written by it (sync projects its
document into the journal through these, in the round's one write transaction). Part of ``store.py``, whose
statements it reuses; the schema's triggers keep the search index and the revision in step as ever.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

from rutjournal.core.journal.store import _scores, delete_entry, put_day, read_day
from rutjournal.core.storage.dates import day_of, moment_of
from rutjournal.core.values import Scores


class UidEntry(NamedTuple):
    """One entry under its stable uid: what sync compares and writes."""

    uid: str
    day: dt.date
    body: str
    scores: Scores
    tags: tuple[str, ...]  # sorted
    created_at: dt.datetime


def read_uid_entries(conn: sqlite3.Connection) -> dict[str, UidEntry]:
    """Every entry, by uid, in two reads."""
    tags: dict[int, list[str]] = {}
    for entry_id, name in conn.execute(
        "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id ORDER BY t.name"
    ):
        tags.setdefault(entry_id, []).append(name)
    rows = conn.execute(
        "SELECT id, uid, day, body, mood, energy, challenge, hours, load, created_at FROM entries"
    ).fetchall()
    return {
        str(uid): UidEntry(
            str(uid),
            day_of(day),
            body or "",
            _scores(mood, energy, challenge, hours, load),
            tuple(tags.get(entry_id, ())),
            moment_of(created),
        )
        for entry_id, uid, day, body, mood, energy, challenge, hours, load, created in rows
    }


def put_by_uid(conn: sqlite3.Connection, entry: UidEntry, now: dt.datetime) -> None:
    """Make the entry with ``entry.uid`` hold ``entry``: the row of that uid, else the row of its day (which
    takes the uid: two devices' entries of one day became one), else a new row keeping ``created_at``."""
    from rutjournal.core.journal.entry_merge import Content

    row = conn.execute("SELECT id, day FROM entries WHERE uid = ?", (entry.uid,)).fetchone()
    if row is None:
        row = conn.execute("SELECT id, day FROM entries WHERE day = ?", (entry.day,)).fetchone()
        if row is not None:
            conn.execute("UPDATE entries SET uid = ? WHERE id = ?", (entry.uid, row[0]))
    content = Content(entry.body, entry.scores, tuple(sorted(entry.tags)))
    if row is None:
        put_day(conn, entry.day, content, None, now)
        conn.execute(
            "UPDATE entries SET uid = ?, created_at = ? WHERE day = ?",
            (entry.uid, entry.created_at, entry.day),
        )
        return
    if day_of(row[1]) != entry.day:
        conn.execute("UPDATE entries SET day = ? WHERE id = ?", (entry.day, row[0]))
    put_day(conn, entry.day, content, read_day(conn, entry.day), now)


def delete_by_uid(conn: sqlite3.Connection, uid: str) -> None:
    """The entry with this uid goes, if there is one (its tags stay: ``store.drop_unused_tags``)."""
    row = conn.execute("SELECT id FROM entries WHERE uid = ?", (uid,)).fetchone()
    if row is not None:
        delete_entry(conn, int(row[0]))
