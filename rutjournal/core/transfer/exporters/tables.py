"""Which tables hold the user's data, in the order they can be filled, and what to call their rows in words.

The export finds the tables in ``sqlite_master`` rather than trusting a list, so a table added by a later
migration is never silently left out; ``TABLES`` names the ones this version knows, and a test fails when the
schema has one it does not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from rutjournal.core import text
from rutjournal.core.i18n import ngettext

# Parents before children, so a restore can check every foreign key as it inserts.
TABLES: tuple[str, ...] = (
    "entries",
    "tags",
    "entry_tags",
    "tasks",
    "task_events",
    "targets",
    "gaps",
    "goals",
    "milestones",
    "goal_progress",
    "evidence",
    "challenges",
    "conversations",
    "conversation_options",
    "followups",
    "promotions",
    "checkins",
    "checkin_answers",
    "applications",
)

BOOKKEEPING = frozenset({"alembic_version", "upkeep_owed"})

# How many rows of a table, in words: "1 entry", "3,650 entries".
_ROW_COUNTS: dict[str, Callable[[int], str]] = {
    "entries": lambda n: ngettext("{count} entry", "{count} entries", n),
    "tags": lambda n: ngettext("{count} tag", "{count} tags", n),
    "entry_tags": lambda n: ngettext("{count} tag on an entry", "{count} tags on entries", n),
    "tasks": lambda n: ngettext("{count} task", "{count} tasks", n),
    "task_events": lambda n: ngettext("{count} task decision", "{count} task decisions", n),
    "targets": lambda n: ngettext("{count} target role", "{count} target roles", n),
    "gaps": lambda n: ngettext("{count} gap", "{count} gaps", n),
    "goals": lambda n: ngettext("{count} goal", "{count} goals", n),
    "milestones": lambda n: ngettext("{count} milestone", "{count} milestones", n),
    "goal_progress": lambda n: ngettext("{count} goal progress record", "{count} goal progress records", n),
    "evidence": lambda n: ngettext("{count} piece of evidence", "{count} pieces of evidence", n),
    "challenges": lambda n: ngettext("{count} challenge asked for", "{count} challenges asked for", n),
    "conversations": lambda n: ngettext("{count} conversation", "{count} conversations", n),
    "conversation_options": lambda n: ngettext("{count} option offered", "{count} options offered", n),
    "followups": lambda n: ngettext("{count} follow-up", "{count} follow-ups", n),
    "promotions": lambda n: ngettext("{count} promotion decision", "{count} promotion decisions", n),
    "checkins": lambda n: ngettext("{count} check-in", "{count} check-ins", n),
    "checkin_answers": lambda n: ngettext("{count} check-in answer", "{count} check-in answers", n),
    "applications": lambda n: ngettext("{count} job application", "{count} job applications", n),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # as declared: INTEGER, FLOAT, BOOLEAN, DATE, DATETIME, TEXT, VARCHAR(200)
    not_null: bool
    has_default: bool
    pk: int  # position in the primary key (1-based), 0 if not part of it


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the user's data: the known ones in fill order, then any unknown ones by name.

    Left out: the bookkeeping (Alembic's, and what upkeep is owed), SQLite's own tables, and the full-text
    index with its shadow tables (triggers rebuild the index from ``entries`` and the tags).
    """
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    found = {
        name
        for name, _sql in rows
        if name not in BOOKKEEPING
        and not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
    }
    return [t for t in TABLES if t in found] + sorted(found - set(TABLES))


def columns(conn: sqlite3.Connection, table: str) -> list[Column]:
    return [
        Column(name, declared.upper(), bool(not_null), default is not None, pk)
        for _cid, name, declared, not_null, default, pk in conn.execute(f'PRAGMA table_info("{table}")')
    ]


def key_order(cols: list[Column]) -> str:
    """ORDER BY the primary key, so rows come out in the same order before and after a restore."""
    keys = sorted((c for c in cols if c.pk), key=lambda c: c.pk)
    return ", ".join(f'"{c.name}"' for c in keys) if keys else "rowid"


def schema_revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def count_words(table: str, count: int) -> str:
    words = _ROW_COUNTS.get(table)
    if words is None:
        # TRANSLATORS: {table} is a table's name in the database, as it is.
        return ngettext("{count} row of {table}", "{count} rows of {table}", count).format(
            count=text.whole(count), table=table
        )
    return words(count).format(count=text.whole(count))
