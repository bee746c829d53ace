"""A stable unique id (``uid``, 32 hex digits) on every row a user creates, beside the integer key.

Two journals merged by an import, or one kept on two machines, can then tell a record they share from one that
only looks alike. SQLite makes the uid itself (the column's DEFAULT is an expression), so no writer has to: an
INSERT that leaves it out gets a new one, and the copy of each table below gives every existing row its own.

ALTER TABLE ADD COLUMN cannot take an expression as a default, so each table is rebuilt the way SQLite's
documentation gives for a change ALTER TABLE cannot make: a new table from the old one's own CREATE statement
with the column added, the rows copied, the old table dropped, the new one renamed, and the old table's indexes
and triggers (0002 and 0006 put them on ``entries``) made again from their own SQL. Alembic's batch mode would
do the same, but it writes the CHECK constraints back in a different order on every run, and the schema a new
journal is made from (``head_schema.sql``) must be the same each time. Foreign keys must be off (``migrate``
turns them off for every upgrade): dropping a parent table would otherwise delete its children's rows.

Left without a uid: ``tags`` (a tag's name is its identity: the same name in two journals is the same tag),
``checkin_answers`` (one score per question of a check-in, keyed by both), the link table ``entry_tags`` and
the bookkeeping tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import re
from collections.abc import Callable

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = (
    "entries",
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
    "applications",
)
UID_COLUMN = "uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL"
_TABLE_CONSTRAINT = re.compile(r"(PRIMARY KEY|CONSTRAINT|UNIQUE|FOREIGN KEY|CHECK)\b", re.IGNORECASE)


def _parts(definitions: str) -> list[str]:
    """The column definitions and table constraints of a CREATE TABLE, split at the commas between them."""
    parts: list[str] = []
    depth, quote, current = 0, "", ""
    for char in definitions:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    return [*parts, current.strip()]


def _with_uid(table: str, parts: list[str]) -> list[str]:
    first = next(i for i, part in enumerate(parts) if _TABLE_CONSTRAINT.match(part))
    return [*parts[:first], UID_COLUMN, *parts[first:], f"CONSTRAINT uq_{table}_uid UNIQUE (uid)"]


def _without_uid(table: str, parts: list[str]) -> list[str]:
    return [part for part in parts if part not in (UID_COLUMN, f"CONSTRAINT uq_{table}_uid UNIQUE (uid)")]


def _rebuild(table: str, change: Callable[[str, list[str]], list[str]]) -> None:
    """Rebuild ``table`` with the definitions ``change`` makes of its own, keeping rows, indexes, triggers."""
    conn = op.get_bind()
    if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("revision 0007 rebuilds tables and must run with foreign keys off")
    (create,) = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).one()
    extras = [
        sql
        for (sql,) in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY type, name",
            (table,),
        )
    ]
    old_columns = [row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
    opening, closing = create.index("("), create.rindex(")")
    definitions = change(table, _parts(create[opening + 1 : closing]))
    scratch = f"_rebuild_{table}"
    conn.exec_driver_sql(f'CREATE TABLE "{scratch}" (\n\t' + ", \n\t".join(definitions) + "\n)")
    new_columns = {row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{scratch}")')}
    kept = ", ".join(f'"{name}"' for name in old_columns if name in new_columns)
    conn.exec_driver_sql(f'INSERT INTO "{scratch}" ({kept}) SELECT {kept} FROM "{table}"')
    conn.exec_driver_sql(f'DROP TABLE "{table}"')
    conn.exec_driver_sql(f'ALTER TABLE "{scratch}" RENAME TO "{table}"')
    for sql in extras:
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    for table in TABLES:
        _rebuild(table, _with_uid)


def downgrade() -> None:
    for table in reversed(TABLES):
        _rebuild(table, _without_uid)
