"""Entry revisions, and a record that deleted text is still in the search index.

``entries.revision`` goes up whenever the entry changes, whoever writes it — the window, ``rutjournal add``, an
import's plain SQL — so a save can tell that the entry moved on under it. A trigger does it, and only on a real
change: an UPDATE that writes the same values back leaves it alone. A change of tags counts through
``updated_at``, which every writer sets when an entry's tags change (a trigger on ``entry_tags`` that updates
``entries`` would break a later batch rebuild of ``entries``: the rename checks every trigger).

``upkeep_owed`` holds a row while replaced or deleted words may still sit in the full-text index's segments
(until FTS5 'optimize' merges them); triggers put it there in the writer's own transaction, so a purge that
fails, or a crash before it, is still owed at the next start.

A later revision that rebuilds ``entries``, ``entry_tags`` or ``tags`` (Alembic batch mode) drops these
triggers with the old table and must create them again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CHANGED = ("body", "mood", "energy", "challenge", "hours", "load", "updated_at")
OWE_PURGE = "INSERT OR IGNORE INTO upkeep_owed (task, since) VALUES ('search-purge', CURRENT_TIMESTAMP);"
TRIGGERS = {
    "entries_revision_update": f"""AFTER UPDATE OF {", ".join(CHANGED)} ON entries
        WHEN ({" OR ".join(f"old.{c} IS NOT new.{c}" for c in CHANGED)}) AND new.revision = old.revision
        BEGIN UPDATE entries SET revision = old.revision + 1 WHERE id = new.id; END""",
    "entries_purge_owed_update": f"""AFTER UPDATE OF body ON entries WHEN old.body IS NOT new.body
        BEGIN {OWE_PURGE} END""",
    "entries_purge_owed_delete": f"AFTER DELETE ON entries BEGIN {OWE_PURGE} END",
    "entry_tags_purge_owed_delete": f"AFTER DELETE ON entry_tags BEGIN {OWE_PURGE} END",
    "tags_purge_owed_rename": f"AFTER UPDATE OF name ON tags WHEN old.name IS NOT new.name BEGIN {OWE_PURGE} END",
}


def upgrade() -> None:
    op.add_column("entries", sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.create_table(
        "upkeep_owed",
        sa.Column("task", sa.String(40), primary_key=True),
        sa.Column("since", sa.DateTime(), nullable=False),
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("upkeep_owed")
    op.drop_column("entries", "revision")  # ALTER TABLE … DROP COLUMN: no rebuild, the 0002 triggers stay
