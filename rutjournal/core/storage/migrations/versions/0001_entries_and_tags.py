"""Journal entries (one per day) and their tags.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _score(name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{name} IS NULL OR {name} BETWEEN 1 AND 5", name=f"ck_entries_{name}")


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("mood", sa.Integer()),
        sa.Column("energy", sa.Integer()),
        sa.Column("challenge", sa.Integer()),
        sa.Column("hours", sa.Float()),
        sa.Column("load", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _score("mood"),
        _score("energy"),
        _score("challenge"),
        _score("load"),
        sa.CheckConstraint("hours IS NULL OR (hours >= 0 AND hours <= 24)", name="ck_entries_hours"),
    )
    op.create_index("ix_entries_day", "entries", ["day"], unique=True)
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
    )
    op.create_table(
        "entry_tags",
        sa.Column(
            "entry_id", sa.Integer(), sa.ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("tag_id", sa.Integer(), sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])


def downgrade() -> None:
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_index("ix_entries_day", "entries")
    op.drop_table("entries")
