"""Grow (target role, gaps, goals, milestones, evidence, challenges asked for) and Guidance (conversations,
options offered, follow-ups, promotion decisions).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GAP_KINDS = ("skill", "experience", "knowledge", "visibility")
GOAL_STATUSES = ("not_started", "active", "done", "dropped")
EVIDENCE_KINDS = ("project_shipped", "writing_design", "collaboration_mentoring", "beyond_role")
ANSWERS = ("pending", "yes", "no", "later")
ROLES = ("boss", "hr", "mentor", "skip_level")
OPTION_KINDS = (
    "lateral_move",
    "cross_training",
    "leadership_programme",
    "seminar",
    "course_reimbursement",
    "promotion_path",
    "other",
)
OWNERS = ("me", "them")
OUTCOMES = ("pending", "granted", "refused")


def _one_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{column} IN ({', '.join(repr(v) for v in values)})", name=name)


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("by_date", sa.Date()),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        *_stamps(),
    )
    op.create_table(
        "gaps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "target_id",
            sa.Integer(),
            sa.ForeignKey("targets.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("good_looks_like", sa.Text(), nullable=False, server_default=""),
        *_stamps(),
        _one_of("kind", GAP_KINDS, "ck_gaps_kind"),
    )
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "gap_id", sa.Integer(), sa.ForeignKey("gaps.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("due", sa.Date()),
        sa.Column("status", sa.String(12), nullable=False, server_default="not_started"),
        sa.Column("manual_percent", sa.Integer()),
        *_stamps(),
        _one_of("status", GOAL_STATUSES, "ck_goals_status"),
        sa.CheckConstraint(
            "manual_percent IS NULL OR manual_percent BETWEEN 0 AND 100", name="ck_goals_percent"
        ),
    )
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "goal_id", sa.Integer(), sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("done_on", sa.Date()),
        *_stamps(),
    )
    op.create_table(
        "goal_progress",  # manual percentages over time, for the Trends plot
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "goal_id", sa.Integer(), sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.CheckConstraint("percent BETWEEN 0 AND 100", name="ck_goal_progress_percent"),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False, server_default="project_shipped"),
        sa.Column("result", sa.Text()),
        sa.Column("gap_id", sa.Integer(), sa.ForeignKey("gaps.id", ondelete="SET NULL"), index=True),
        sa.Column("goal_id", sa.Integer(), sa.ForeignKey("goals.id", ondelete="SET NULL"), index=True),
        *_stamps(),
        _one_of("kind", EVIDENCE_KINDS, "ck_evidence_kind"),
    )
    op.create_table(
        "challenges",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("asked_of", sa.String(200), nullable=False),
        sa.Column("answer", sa.String(8), nullable=False, server_default="pending"),
        sa.Column("answered_on", sa.Date()),
        *_stamps(),
        _one_of("answer", ANSWERS, "ck_challenges_answer"),
    )
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, index=True),
        sa.Column("with_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("agenda", sa.Text(), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("outcome", sa.Text(), nullable=False, server_default=""),
        *_stamps(),
        _one_of("role", ROLES, "ck_conversations_role"),
    )
    op.create_table(
        "conversation_options",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer(),
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("said", sa.Text(), nullable=False, server_default=""),
        _one_of("kind", OPTION_KINDS, "ck_conversation_options_kind"),
    )
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer(),
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(4), nullable=False),
        sa.Column("due", sa.Date()),
        sa.Column("done_on", sa.Date()),
        *_stamps(),
        _one_of("owner", OWNERS, "ck_followups_owner"),
    )
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("role_title", sa.String(200)),
        sa.Column("reason", sa.Text()),
        *_stamps(),
        _one_of("outcome", OUTCOMES, "ck_promotions_outcome"),
    )


def downgrade() -> None:
    for table in (
        "promotions",
        "followups",
        "conversation_options",
        "conversations",
        "challenges",
        "evidence",
        "goal_progress",
        "milestones",
        "goals",
        "gaps",
        "targets",
    ):
        op.drop_table(table)
