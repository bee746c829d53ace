"""Every value the journal's database allows in a column of choices, and every range it checks, written once.

The schema (``core/storage/schema.py``) builds its CHECK constraints from these, the rules modules check what a
user typed against them, and the command line and the window offer them. A test compares the schema with what
the migrations make, so a value added here without a migration fails it. The migrations keep frozen copies: a
migration must build the same schema whatever this module says later.

Each list holds the stored values, in the order the app shows them.
"""

from __future__ import annotations

# -- Load ----------------------------------------------------------------------------------------------------
TASK_KINDS = ("task", "meeting", "project")
"""What a row of the Load inventory is (``tasks.kind``)."""

IN_JD = ("yes", "partly", "no")
"""Whether a task is in the job description the user was hired for (``tasks.in_jd``)."""

DECISIONS = ("undecided", "keep", "delegate", "drop", "decline", "automate", "renegotiate")
"""What the user decided to do with a task (``tasks.decision``, ``task_events.decision``); the first is the
default, the state before any decision."""

FREEING = ("delegate", "drop", "decline", "automate")
"""The decisions that, once carried out, take the task's hours off the user's plate."""

MINUTES_PER_WEEK = (0, 7 * 24 * 60)
"""A task's time, whole minutes a week: none up to every minute of the week (``tasks.minutes_per_week``)."""

ENJOYMENT = (-2, 2)
"""How much the user likes a task, from dislike to love, blank allowed (``tasks.enjoyment``)."""

TASK_VALUE = (1, 5)
"""How much a task matters, blank allowed (``tasks.value``)."""

# -- Journal -------------------------------------------------------------------------------------------------
SCORE = (1, 5)
"""A day's mood, energy, challenge and load, and a check-in answer's score; a blank day score is NULL."""

HOURS = (0, 24)
"""Hours worked on a day, blank allowed (``entries.hours``)."""

# -- Grow ----------------------------------------------------------------------------------------------------
GAP_KINDS = ("skill", "experience", "knowledge", "visibility")
"""What stands between the user and the target role (``gaps.kind``)."""

GOAL_STATUSES = ("not_started", "active", "done", "dropped")
"""Where a goal stands (``goals.status``); the first is the default."""

CLOSED_STATUSES = ("done", "dropped")
"""The goal statuses that end a goal: it no longer counts as open or late."""

EVIDENCE_KINDS = ("project_shipped", "writing_design", "collaboration_mentoring", "beyond_role")
"""What a piece of evidence for the promotion case shows (``evidence.kind``); the first is the default."""

ANSWERS = ("pending", "yes", "no", "later")
"""The answer to a challenge the user asked for (``challenges.answer``); the first is the default."""

PERCENT = (0, 100)
"""A goal's manual progress (``goals.manual_percent``, blank allowed; ``goal_progress.percent``)."""

# -- Guidance ------------------------------------------------------------------------------------------------
ROLES = ("boss", "hr", "mentor", "skip_level")
"""Whom a career conversation was with (``conversations.role``)."""

OPTION_KINDS = (
    "lateral_move",
    "cross_training",
    "leadership_programme",
    "seminar",
    "course_reimbursement",
    "promotion_path",
    "other",
)
"""The growth options a conversation can offer (``conversation_options.kind``)."""

OWNERS = ("me", "them")
"""Who owes a follow-up of a conversation (``followups.owner``)."""

OUTCOMES = ("pending", "granted", "refused")
"""What became of a promotion asked for (``promotions.outcome``)."""

# -- Crossroads ----------------------------------------------------------------------------------------------
STAGES = ("idea", "applied", "interview", "offer", "rejected", "withdrawn")
"""How far a job application has gone (``applications.stage``); the first is the default."""
