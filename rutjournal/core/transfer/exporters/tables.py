"""Which tables hold the user's data, in the order they can be filled, and what to call their rows in words.

The export finds the tables in ``sqlite_master`` rather than trusting a list, so a table added by a later
migration is never silently left out; ``TABLES`` names the ones this version knows, and a test fails when the
schema has one it does not.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

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

# (one, many): "1 entry", "3,650 entries".
ROW_WORDS: dict[str, tuple[str, str]] = {
    "entries": ("entry", "entries"),
    "tags": ("tag", "tags"),
    "entry_tags": ("tag on an entry", "tags on entries"),
    "tasks": ("task", "tasks"),
    "task_events": ("task decision", "task decisions"),
    "targets": ("target role", "target roles"),
    "gaps": ("gap", "gaps"),
    "goals": ("goal", "goals"),
    "milestones": ("milestone", "milestones"),
    "goal_progress": ("goal progress record", "goal progress records"),
    "evidence": ("piece of evidence", "pieces of evidence"),
    "challenges": ("challenge asked for", "challenges asked for"),
    "conversations": ("conversation", "conversations"),
    "conversation_options": ("option offered", "options offered"),
    "followups": ("follow-up", "follow-ups"),
    "promotions": ("promotion decision", "promotion decisions"),
    "checkins": ("check-in", "check-ins"),
    "checkin_answers": ("check-in answer", "check-in answers"),
    "applications": ("job application", "job applications"),
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
    one, many = ROW_WORDS.get(table, (f"row of {table}", f"rows of {table}"))
    return f"{count:,} {one if count == 1 else many}"
