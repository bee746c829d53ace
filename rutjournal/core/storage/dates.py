"""How days and moments are kept in the journal, in one place.

A day is ISO text (``2026-12-03``) and a moment is naive UTC text (``2026-12-03 09:15:02.123456``), so that
SQLite compares and sorts them as dates by comparing text. Stores hand ``datetime.date`` and
``datetime.datetime`` values to their statements (the adapters below turn them into that text, for sqlite3 and
SQLCipher alike) and turn what they read back with ``day_of`` / ``moment_of``: nowhere else parses a date read
from the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from types import ModuleType
from typing import overload


def day_text(day: dt.date) -> str:
    return day.isoformat()


def moment_text(moment: dt.datetime) -> str:
    return moment.isoformat(" ", timespec="microseconds")  # six digits always, as SQLAlchemy wrote them


def now_utc() -> dt.datetime:
    """This moment in UTC, naive, as every ``created_at`` / ``updated_at`` is kept."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@overload
def day_of(value: str | dt.date) -> dt.date: ...
@overload
def day_of(value: None) -> None: ...
def day_of(value: str | dt.date | None) -> dt.date | None:
    """The day a DATE cell (or the first ten characters of a moment) holds; None for NULL."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


@overload
def moment_of(value: str | dt.datetime) -> dt.datetime: ...
@overload
def moment_of(value: None) -> None: ...
def moment_of(value: str | dt.datetime | None) -> dt.datetime | None:
    """The moment a DATETIME cell holds; None for NULL."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def register_adapters(module: ModuleType) -> None:
    """Teach a DB-API module (sqlite3, sqlcipher3.dbapi2) to store days and moments as the text above,
    instead of the default adapters Python 3.12 deprecates."""
    module.register_adapter(dt.datetime, moment_text)  # before date: a datetime is a date too
    module.register_adapter(dt.date, day_text)


register_adapters(sqlite3)
