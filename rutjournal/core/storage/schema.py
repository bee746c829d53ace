"""The journal's schema, described once as SQLAlchemy Core metadata: every table, column, key, index and CHECK.

It is what the migrations build at their head, written out so Alembic's autogenerate has something to compare
against and so a reader sees the whole schema in one file. Every allowed value and range comes from
``core.choices``; a test migrates an empty file and compares it with this metadata, CHECK constraints
included, so the two cannot drift (a value added to a choices list needs a migration too).

Not in the metadata: the full-text index ``entry_search`` (an FTS5 virtual table, made by revision 0002), the
triggers (0002 and 0006) and Alembic's own ``alembic_version``. Nothing at run time imports this module: the
stores write plain SQL, and only the migrations and the tests read it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)

from rutjournal.core import choices

metadata = MetaData()
NEW_UID = "(lower(hex(randomblob(16))))"
FULL_TEXT_INDEX = "entry_search"  # FTS5 makes its shadow tables entry_search_data, _idx, _content, …


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's autogenerate: leave out the full-text index and its shadow tables, which this metadata
    does not describe (``include_name`` hook of ``EnvironmentContext.configure``)."""
    return not (type_ == "table" and name is not None and name.startswith(FULL_TEXT_INDEX))


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """``column IN ('a', 'b', …)``, the values quoted as the migrations quote them."""
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


def between(column: str, bounds: tuple[int, int], name: str, *, blank: bool = False) -> CheckConstraint:
    """``column BETWEEN low AND high``; with ``blank``, NULL (not given) passes too."""
    low, high = bounds
    rule = f"{column} BETWEEN {low} AND {high}"
    return CheckConstraint(f"{column} IS NULL OR {rule}" if blank else rule, name=name)


def stamps() -> tuple[Column[object], Column[object]]:
    """``created_at`` and ``updated_at``: the stores set both to now on insert, ``updated_at`` on change."""
    return (
        Column("created_at", DateTime(), nullable=False),
        Column("updated_at", DateTime(), nullable=False),
    )


def parent(table: str, *, cascade: bool = True) -> ForeignKey:
    """A link to ``table.id``: deleting the parent deletes the row, or (``cascade=False``) blanks the link."""
    return ForeignKey(f"{table}.id", ondelete="CASCADE" if cascade else "SET NULL")


def uid(table: str) -> tuple[Column[str], UniqueConstraint]:
    """A row's stable unique id (0007): 32 hex digits SQLite makes itself when an INSERT leaves it out, so two
    journals can tell a record they share from one that only looks alike."""
    return (
        Column("uid", Text(), nullable=False, server_default=text(NEW_UID)),
        UniqueConstraint("uid", name=f"uq_{table}_uid"),
    )


def _score(column: str) -> CheckConstraint:
    return between(column, choices.SCORE, f"ck_entries_{column}", blank=True)


# -- Journal (revisions 0001, 0006) ----------------------------------------------------------------------------
entries = Table(
    "entries",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("day", Date(), nullable=False),
    Column("body", Text(), nullable=False, server_default=""),
    Column("mood", Integer()),
    Column("energy", Integer()),
    Column("challenge", Integer()),
    Column("hours", Float()),
    Column("load", Integer()),
    *stamps(),
    # Raised by a trigger (0006) on every real change, whoever writes: never set from Python.
    Column("revision", Integer(), nullable=False, server_default=text("1")),
    _score("mood"),
    _score("energy"),
    _score("challenge"),
    _score("load"),
    CheckConstraint(
        f"hours IS NULL OR (hours >= {choices.HOURS[0]} AND hours <= {choices.HOURS[1]})",
        name="ck_entries_hours",
    ),
    Index("ix_entries_day", "day", unique=True),
    *uid("entries"),
)

tags = Table(
    "tags",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("name", String(64), nullable=False),  # normalised: lower case, no leading '#'
    UniqueConstraint("name"),
)

entry_tags = Table(
    "entry_tags",
    metadata,
    Column("entry_id", Integer(), parent("entries"), primary_key=True),
    Column("tag_id", Integer(), parent("tags"), primary_key=True),
    Index("ix_entry_tags_tag_id", "tag_id"),
)

upkeep_owed = Table(  # work the app still owes the file, e.g. purging deleted words from the search index
    "upkeep_owed",
    metadata,
    Column("task", String(40), primary_key=True),
    Column("since", DateTime(), nullable=False),
)

# -- Load (0003) ------------------------------------------------------------------------------------------------
tasks = Table(
    "tasks",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("kind", String(10), nullable=False, server_default=choices.TASK_KINDS[0]),
    Column("minutes_per_week", Integer(), nullable=False, server_default="0"),
    Column("in_jd", String(6), nullable=False, server_default=choices.IN_JD[0]),
    Column("enjoyment", Integer()),
    Column("value", Integer()),
    Column("decision", String(12), nullable=False, server_default=choices.DECISIONS[0]),
    Column("delegate_to", String(200)),
    Column("reason", Text()),
    Column("decided_on", Date()),
    Column("done_on", Date()),
    Column("notes", Text(), nullable=False, server_default=""),
    *stamps(),
    one_of("kind", choices.TASK_KINDS, "ck_tasks_kind"),
    one_of("in_jd", choices.IN_JD, "ck_tasks_in_jd"),
    one_of("decision", choices.DECISIONS, "ck_tasks_decision"),
    between("minutes_per_week", choices.MINUTES_PER_WEEK, "ck_tasks_minutes"),
    between("enjoyment", choices.ENJOYMENT, "ck_tasks_enjoyment", blank=True),
    between("value", choices.TASK_VALUE, "ck_tasks_value", blank=True),
    *uid("tasks"),
)

task_events = Table(  # each decision taken or carried out, with the task's hours at the time
    "task_events",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("task_id", Integer(), parent("tasks"), nullable=False),
    Column("at", DateTime(), nullable=False),
    Column("decision", String(12), nullable=False),
    Column("done", Boolean(), nullable=False, server_default=false()),
    Column("minutes_per_week", Integer(), nullable=False),
    one_of("decision", choices.DECISIONS, "ck_task_events_decision"),
    Index("ix_task_events_task_id", "task_id"),
    *uid("task_events"),
)

# -- Grow (0004) ------------------------------------------------------------------------------------------------
targets = Table(
    "targets",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("by_date", Date()),
    Column("active", Boolean(), nullable=False, server_default=true()),
    *stamps(),
    *uid("targets"),
)

gaps = Table(
    "gaps",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("target_id", Integer(), parent("targets"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("kind", String(12), nullable=False),
    Column("good_looks_like", Text(), nullable=False, server_default=""),
    *stamps(),
    one_of("kind", choices.GAP_KINDS, "ck_gaps_kind"),
    *uid("gaps"),
)

goals = Table(
    "goals",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("gap_id", Integer(), parent("gaps"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("started_on", Date(), nullable=False),
    Column("due", Date()),
    Column("status", String(12), nullable=False, server_default=choices.GOAL_STATUSES[0]),
    Column("manual_percent", Integer()),
    *stamps(),
    one_of("status", choices.GOAL_STATUSES, "ck_goals_status"),
    between("manual_percent", choices.PERCENT, "ck_goals_percent", blank=True),
    *uid("goals"),
)

milestones = Table(
    "milestones",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("goal_id", Integer(), parent("goals"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("position", Integer(), nullable=False, server_default="0"),
    Column("done_on", Date()),
    *stamps(),
    *uid("milestones"),
)

goal_progress = Table(  # a goal's manual percentage as it was set on a day, for the Trends plot
    "goal_progress",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("goal_id", Integer(), parent("goals"), nullable=False, index=True),
    Column("day", Date(), nullable=False),
    Column("percent", Integer(), nullable=False),
    between("percent", choices.PERCENT, "ck_goal_progress_percent"),
    *uid("goal_progress"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("day", Date(), nullable=False, index=True),
    Column("text", Text(), nullable=False),
    Column("kind", String(24), nullable=False, server_default=choices.EVIDENCE_KINDS[0]),
    Column("result", Text()),
    Column("gap_id", Integer(), parent("gaps", cascade=False), index=True),
    Column("goal_id", Integer(), parent("goals", cascade=False), index=True),
    *stamps(),
    one_of("kind", choices.EVIDENCE_KINDS, "ck_evidence_kind"),
    *uid("evidence"),
)

challenges = Table(
    "challenges",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("asked_on", Date(), nullable=False),
    Column("what", Text(), nullable=False),
    Column("asked_of", String(200), nullable=False),
    Column("answer", String(8), nullable=False, server_default=choices.ANSWERS[0]),
    Column("answered_on", Date()),
    *stamps(),
    one_of("answer", choices.ANSWERS, "ck_challenges_answer"),
    *uid("challenges"),
)

# -- Guidance (0004) --------------------------------------------------------------------------------------------
conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("day", Date(), nullable=False, index=True),
    Column("with_name", String(200), nullable=False),
    Column("role", String(12), nullable=False),
    Column("held", Boolean(), nullable=False, server_default=false()),
    Column("agenda", Text(), nullable=False, server_default=""),
    Column("notes", Text(), nullable=False, server_default=""),
    Column("outcome", Text(), nullable=False, server_default=""),
    *stamps(),
    one_of("role", choices.ROLES, "ck_conversations_role"),
    *uid("conversations"),
)

conversation_options = Table(
    "conversation_options",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("conversation_id", Integer(), parent("conversations"), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("said", Text(), nullable=False, server_default=""),
    one_of("kind", choices.OPTION_KINDS, "ck_conversation_options_kind"),
    *uid("conversation_options"),
)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("conversation_id", Integer(), parent("conversations"), nullable=False, index=True),
    Column("text", Text(), nullable=False),
    Column("owner", String(4), nullable=False),
    Column("due", Date()),
    Column("done_on", Date()),
    *stamps(),
    one_of("owner", choices.OWNERS, "ck_followups_owner"),
    *uid("followups"),
)

promotions = Table(
    "promotions",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("day", Date(), nullable=False),
    Column("outcome", String(8), nullable=False),
    Column("role_title", String(200)),
    Column("reason", Text()),
    *stamps(),
    one_of("outcome", choices.OUTCOMES, "ck_promotions_outcome"),
    *uid("promotions"),
)

# -- Crossroads (0005) ------------------------------------------------------------------------------------------
checkins = Table(  # at most one a day
    "checkins",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("day", Date(), nullable=False),
    Column("note", Text(), nullable=False, server_default=""),
    *stamps(),
    UniqueConstraint("day"),
    *uid("checkins"),
)

checkin_answers = Table(  # one score per question of a check-in, keyed by the question
    "checkin_answers",
    metadata,
    Column("checkin_id", Integer(), parent("checkins"), primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("score", Integer(), nullable=False),
    between("score", choices.SCORE, "ck_checkin_answers_score"),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("company", String(200), nullable=False),
    Column("role", String(200), nullable=False),
    Column("stage", String(10), nullable=False, server_default=choices.STAGES[0]),
    Column("applied_on", Date()),
    Column("updated_on", Date(), nullable=False),
    Column("notes", Text(), nullable=False, server_default=""),
    *stamps(),
    one_of("stage", choices.STAGES, "ck_applications_stage"),
    *uid("applications"),
)
