"""What reading the journal hands out: a plain copy of one day, and how to notice another writer's commit.

The SQL that fills a ``DayEntry`` is the store's (``store.read_day``); this module holds no query of a table.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

from rutjournal.core.values import SCORE_FIELDS, Scores


class DayEntry(NamedTuple):
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


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes when another connection — any process — has committed to the file since this
    connection last looked. A constant-time look at the file's header: nothing is read from the tables."""
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return int(version)
