"""The Load section's task inventory, and the history of each task's decisions.

Hours are stored exactly, as whole minutes a week, so totals never drift.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KINDS = ("task", "meeting", "project")
IN_JD = ("yes", "partly", "no")
DECISIONS = ("undecided", "keep", "delegate", "drop", "decline", "automate", "renegotiate")


def _one_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=name)


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False, server_default="task"),
        sa.Column("minutes_per_week", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("in_jd", sa.String(6), nullable=False, server_default="yes"),
        sa.Column("enjoyment", sa.Integer()),
        sa.Column("value", sa.Integer()),
        sa.Column("decision", sa.String(12), nullable=False, server_default="undecided"),
        sa.Column("delegate_to", sa.String(200)),
        sa.Column("reason", sa.Text()),
        sa.Column("decided_on", sa.Date()),
        sa.Column("done_on", sa.Date()),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _one_of("kind", KINDS, "ck_tasks_kind"),
        _one_of("in_jd", IN_JD, "ck_tasks_in_jd"),
        _one_of("decision", DECISIONS, "ck_tasks_decision"),
        sa.CheckConstraint("minutes_per_week BETWEEN 0 AND 10080", name="ck_tasks_minutes"),
        sa.CheckConstraint("enjoyment IS NULL OR enjoyment BETWEEN -2 AND 2", name="ck_tasks_enjoyment"),
        sa.CheckConstraint("value IS NULL OR value BETWEEN 1 AND 5", name="ck_tasks_value"),
    )
    op.create_table(
        "task_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("task_id", sa.Integer(), sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("decision", sa.String(12), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("minutes_per_week", sa.Integer(), nullable=False),
        _one_of("decision", DECISIONS, "ck_task_events_decision"),
    )
    op.create_index("ix_task_events_task_id", "task_events", ["task_id"])


def downgrade() -> None:
    op.drop_index("ix_task_events_task_id", "task_events")
    op.drop_table("task_events")
    op.drop_table("tasks")
