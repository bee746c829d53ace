"""What each synced table of the other sections holds in the replicated document, and how a value is checked.

One ``Table`` per table, in parent order (a table comes after every table it links to), each a list of its
columns but ``id``, ``uid`` and ``updated_at`` (``created_at`` is kept: the record was made once, on one
device). A column is one of these kinds, held in the document as:

  str     a short field (a title, a name, a choice): a scalar the engine decides between when two devices set it
  text    a free-form text (notes, a reason, what was said): a ``pycrdt.Text`` edited by ranges, so two
          devices' edits both survive; a text that may be NULL keeps beside it a scalar ``<key>:none``
  day     ISO text, ``2026-12-03``           moment   ``2026-12-03 09:15:02.123456`` (storage.dates' text)
  int     a whole number (the engine gives it back as a float)           bool   True / False

A link (a foreign key) is held as the parent's uid under the parent's name ("task" for ``task_events.task_id``),
so ids never cross devices; ``cascade`` says what the schema does when the parent goes (the row goes, or the
link is blanked: evidence's SET NULL links). ``allowed`` and ``bounds`` are the schema's CHECKs, from
core/choices.py: a value another device sent outside them is not written (``checked``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from rutjournal.core import choices
from rutjournal.core.storage.dates import moment_text


class Column(NamedTuple):
    name: str  # the SQL column
    kind: str  # str, text, day, moment, int, bool
    null: bool = False
    allowed: tuple[str, ...] | None = None
    bounds: tuple[int, int] | None = None
    parent: str | None = None  # a link: the parent's table
    cascade: bool = True

    @property
    def key(self) -> str:
        """The column's key in the record's Map: a link is named by its parent ("task_id" → "task")."""
        return self.name.removesuffix("_id") if self.parent else self.name


class Table(NamedTuple):
    name: str
    section: str  # whose store writes it: load, grow (Grow's and Guidance's tables) or crossroads
    columns: tuple[Column, ...]


class Invalid(ValueError):
    """A value the schema would refuse."""


def _c(name: str, kind: str = "str", **more: Any) -> Column:
    return Column(name, kind, **more)


CREATED = _c("created_at", "moment")
TABLES: tuple[Table, ...] = (
    Table(
        "tasks",
        "load",
        (
            _c("title"),
            _c("kind", allowed=choices.TASK_KINDS),
            _c("minutes_per_week", "int", bounds=choices.MINUTES_PER_WEEK),
            _c("in_jd", allowed=choices.IN_JD),
            _c("enjoyment", "int", null=True, bounds=choices.ENJOYMENT),
            _c("value", "int", null=True, bounds=choices.TASK_VALUE),
            _c("decision", allowed=choices.DECISIONS),
            _c("delegate_to", null=True),
            _c("reason", "text", null=True),
            _c("decided_on", "day", null=True),
            _c("done_on", "day", null=True),
            _c("notes", "text"),
            CREATED,
        ),
    ),
    Table(
        "task_events",
        "load",
        (
            _c("task_id", parent="tasks"),
            _c("at", "moment"),
            _c("decision", allowed=choices.DECISIONS),
            _c("done", "bool"),
            _c("minutes_per_week", "int", bounds=choices.MINUTES_PER_WEEK),
        ),
    ),
    Table("targets", "grow", (_c("title"), _c("by_date", "day", null=True), _c("active", "bool"), CREATED)),
    Table(
        "gaps",
        "grow",
        (
            _c("target_id", parent="targets"),
            _c("title"),
            _c("kind", allowed=choices.GAP_KINDS),
            _c("good_looks_like", "text"),
            CREATED,
        ),
    ),
    Table(
        "goals",
        "grow",
        (
            _c("gap_id", parent="gaps"),
            _c("title"),
            _c("started_on", "day"),
            _c("due", "day", null=True),
            _c("status", allowed=choices.GOAL_STATUSES),
            _c("manual_percent", "int", null=True, bounds=choices.PERCENT),
            CREATED,
        ),
    ),
    Table(
        "milestones",
        "grow",
        (
            _c("goal_id", parent="goals"),
            _c("title"),
            _c("position", "int"),
            _c("done_on", "day", null=True),
            CREATED,
        ),
    ),
    Table(
        "goal_progress",
        "grow",
        (_c("goal_id", parent="goals"), _c("day", "day"), _c("percent", "int", bounds=choices.PERCENT)),
    ),
    Table(
        "evidence",
        "grow",
        (
            _c("day", "day"),
            _c("text", "text"),
            _c("kind", allowed=choices.EVIDENCE_KINDS),
            _c("result", "text", null=True),
            _c("gap_id", null=True, parent="gaps", cascade=False),
            _c("goal_id", null=True, parent="goals", cascade=False),
            CREATED,
        ),
    ),
    Table(
        "challenges",
        "grow",
        (
            _c("asked_on", "day"),
            _c("what", "text"),
            _c("asked_of"),
            _c("answer", allowed=choices.ANSWERS),
            _c("answered_on", "day", null=True),
            CREATED,
        ),
    ),
    Table(
        "conversations",
        "grow",
        (
            _c("day", "day"),
            _c("with_name"),
            _c("role", allowed=choices.ROLES),
            _c("held", "bool"),
            _c("agenda", "text"),
            _c("notes", "text"),
            _c("outcome", "text"),
            CREATED,
        ),
    ),
    Table(
        "conversation_options",
        "grow",
        (
            _c("conversation_id", parent="conversations"),
            _c("kind", allowed=choices.OPTION_KINDS),
            _c("said", "text"),
        ),
    ),
    Table(
        "followups",
        "grow",
        (
            _c("conversation_id", parent="conversations"),
            _c("text", "text"),
            _c("owner", allowed=choices.OWNERS),
            _c("due", "day", null=True),
            _c("done_on", "day", null=True),
            CREATED,
        ),
    ),
    Table(
        "promotions",
        "grow",
        (
            _c("day", "day"),
            _c("outcome", allowed=choices.OUTCOMES),
            _c("role_title", null=True),
            _c("reason", "text", null=True),
            CREATED,
        ),
    ),
    Table("checkins", "crossroads", (_c("day", "day"), _c("note", "text"), CREATED)),  # + "answers"
    Table(
        "applications",
        "crossroads",
        (
            _c("company"),
            _c("role"),
            _c("stage", allowed=choices.STAGES),
            _c("applied_on", "day", null=True),
            _c("updated_on", "day"),
            _c("notes", "text"),
            CREATED,
        ),
    ),
)
BY_NAME = {table.name: table for table in TABLES}
ANSWERS = "answers"  # a check-in's answers: a Map of question key → score, inside its record
ANSWER_KEY_CHARS = 40  # checkin_answers.key is String(40)


def checked(column: Column, value: Any) -> Any:
    """A value held in the document, as the record's plain value (days and moments as their text): the
    value, or Invalid when the schema would refuse it. None is allowed where the column may be NULL."""
    if value is None:
        if column.null:
            return None
        raise Invalid(f"{column.name} may not be blank")
    kind = column.kind
    if kind in ("str", "text"):
        if not isinstance(value, str):
            raise Invalid(f"{column.name}: {value!r} is not text")
        if column.allowed is not None and value not in column.allowed:
            raise Invalid(f"{column.name}: {value!r} is none of {', '.join(column.allowed)}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise Invalid(f"{column.name}: {value!r} is not true or false")
        return value
    if kind == "int":
        return whole(column.name, value, column.bounds)
    try:
        if kind == "day":
            return dt.date.fromisoformat(value).isoformat()
        return moment_text(dt.datetime.fromisoformat(value))
    except (TypeError, ValueError):
        raise Invalid(f"{column.name}: {value!r} is not a {kind}") from None


def whole(name: str, value: Any, bounds: tuple[int, int] | None) -> int:
    """A whole number within ``bounds`` (the engine holds numbers as floats), or Invalid."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"{name}: {value!r} is not a whole number")
    if isinstance(value, float) and not value.is_integer():  # NaN and infinities included
        raise Invalid(f"{name}: {value!r} is not a whole number")
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        raise Invalid(f"{name}: {value!r} is outside {bounds[0]}–{bounds[1]}")
    return int(value)


def plain(column: Column, cell: Any) -> Any:
    """A cell read from SQLite as the record's plain value (what ``checked`` gives for the document's)."""
    if cell is None:
        return None
    if column.kind == "bool":
        return bool(cell)
    if column.kind == "day":
        return str(cell)[:10]
    if column.kind == "moment":
        return moment_text(dt.datetime.fromisoformat(str(cell)))
    return cell


def cell(column: Column, value: Any) -> Any:
    """A plain value as the store writes it (days and moments as dates, which storage.dates adapts)."""
    if value is None:
        return None
    if column.kind == "day":
        return dt.date.fromisoformat(value)
    if column.kind == "moment":
        return dt.datetime.fromisoformat(value)
    return value
