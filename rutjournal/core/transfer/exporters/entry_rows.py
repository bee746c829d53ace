"""The journal's days as the Markdown and CSV exports show them: date order, scores, tags by name."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from rutjournal.core.calendar_words import WEEKDAYS

_SEP = "\x1f"  # tags cannot hold it, so it splits group_concat safely
_SQL = (
    "SELECT e.day, e.body, e.mood, e.energy, e.challenge, e.hours, e.load, "
    f"(SELECT group_concat(name, '{_SEP}') FROM (SELECT t.name FROM entry_tags et JOIN tags t "
    "ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name)) "
    "FROM entries e ORDER BY e.day"
)


@dataclass(frozen=True)
class ExportedDay:
    day: dt.date
    body: str
    mood: int | None
    energy: int | None
    challenge: int | None
    hours: float | None
    load: int | None
    tags: tuple[str, ...]

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]

    @property
    def words(self) -> int:
        return len(self.body.split())


def read_days(conn: sqlite3.Connection) -> Iterator[ExportedDay]:
    """Every entry, oldest first, read lazily so a long journal is never held whole."""
    for day, body, mood, energy, challenge, hours, load, tags in conn.execute(_SQL):
        yield ExportedDay(
            dt.date.fromisoformat(day),
            body,
            mood,
            energy,
            challenge,
            None if hours is None else float(hours),
            load,
            tuple(tags.split(_SEP)) if tags else (),
        )


def hours_text(hours: float) -> str:
    return f"{hours:g}"
