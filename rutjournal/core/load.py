"""The Load service: the task inventory, decisions with their history, and the hours they free.

Time is whole minutes a week everywhere, so totals are exact. "On your plate" is every task except those whose
freeing decision (delegate, drop, decline, automate) has been carried out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from rutjournal.core.db import Database
from rutjournal.core.delegability import Delegability, TaskFacts, delegability
from rutjournal.core.errors import InvalidInput
from rutjournal.core.search import SearchHit
from rutjournal.core.values import check_day

KINDS = ("task", "meeting", "project")
IN_JD = ("yes", "partly", "no")
DECISIONS = ("undecided", "keep", "delegate", "drop", "decline", "automate", "renegotiate")
FREEING = frozenset({"delegate", "drop", "decline", "automate"})
MAX_MINUTES = 7 * 24 * 60
_HOURS = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
EDITABLE = (
    "title",
    "kind",
    "minutes_per_week",
    "in_jd",
    "enjoyment",
    "value",
    "delegate_to",
    "reason",
    "notes",
)


@dataclass(frozen=True)
class TaskView:
    id: int
    title: str
    kind: str
    minutes_per_week: int
    in_jd: str
    enjoyment: int | None
    value: int | None
    decision: str
    delegate_to: str | None
    reason: str | None
    decided_on: dt.date | None
    done_on: dt.date | None
    notes: str
    delegability: Delegability = field(compare=False)

    @property
    def freed(self) -> bool:
        return self.decision in FREEING and self.done_on is not None

    @property
    def pending(self) -> bool:
        return self.decision in FREEING and self.done_on is None


@dataclass(frozen=True)
class DeletedTask:
    """What ``Load.delete`` removed: the task's row and its history, enough to put both back."""

    row: dict[str, object]
    events: tuple[dict[str, object], ...]


@dataclass(frozen=True)
class LoadSummary:
    """The totals of the summary strip, in minutes a week; shares are None when there is nothing to share."""

    on_plate: int
    core: int
    pending_free: int
    freed: int
    meetings: int
    enjoyed: int
    tasks: int

    @property
    def core_share(self) -> float | None:
        return self.core / self.on_plate if self.on_plate else None

    @property
    def enjoyed_share(self) -> float | None:
        return self.enjoyed / self.on_plate if self.on_plate else None


def parse_minutes(text: str) -> int:
    """'2', '1.5', '2h', '90m', '1h30m' → whole minutes a week (a range check is ``check_task_fields``')."""
    allowed = "hours a week such as 2, 1.5, 2h, 90m or 1h30m"
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:
        if not math.isfinite(number) or abs(number) > MAX_MINUTES:  # inf, nan, 1e309: no number of minutes
            raise InvalidInput("hours", allowed, text)
        return round(number * 60)
    match = _HOURS.match(text)
    if not text.strip() or not match or not any(match.groups()):
        raise InvalidInput("hours", allowed, text)
    hours, minutes = match.groups()
    if len(hours or "") > 6 or len(minutes or "") > 6:
        raise InvalidInput("hours", allowed, text)
    return round(float(hours or 0) * 60) + int(minutes or 0)


def check_task_fields(values: dict[str, object]) -> dict[str, object]:
    """Validate the fields a user may set; raises InvalidInput naming the first bad one."""
    for name, value in values.items():
        if name == "title":
            if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
                raise InvalidInput("title", "1 to 200 characters", value)
            values[name] = value.strip()
        elif name == "kind" and value not in KINDS:
            raise InvalidInput("kind", " / ".join(KINDS), value)
        elif name == "in_jd" and value not in IN_JD:
            raise InvalidInput("in job description", " / ".join(IN_JD), value)
        elif name == "minutes_per_week" and not (isinstance(value, int) and 0 <= value <= MAX_MINUTES):
            raise InvalidInput("hours", "0 to 168 hours a week", value)
        elif name == "enjoyment" and value is not None and value not in (-2, -1, 0, 1, 2):
            raise InvalidInput("enjoyment", "a whole number from -2 to +2, or blank", value)
        elif name == "value" and value is not None and value not in (1, 2, 3, 4, 5):
            raise InvalidInput("value", "a whole number from 1 to 5, or blank", value)
        elif name not in EDITABLE:
            raise InvalidInput(name, "one of " + ", ".join(EDITABLE))
    return values


class Load:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, title: str, **fields: object) -> int:
        """Add a task and return its id."""
        values = check_task_fields({"title": title, **fields})
        from rutjournal.core.models import Task

        with self.db.write_session() as session, session.begin():
            task = Task(**values)
            session.add(task)
            session.flush()
            return task.id

    def add_many(self, tasks: list[dict[str, object]]) -> list[int]:
        """Add several tasks in one transaction (a brain dump): all are checked first, then all are written."""
        checked = [check_task_fields(dict(fields)) for fields in tasks]
        from rutjournal.core.models import Task

        with self.db.write_session() as session, session.begin():
            rows = [Task(**values) for values in checked]
            session.add_all(rows)
            session.flush()
            return [row.id for row in rows]

    def update(self, task_id: int, **fields: object) -> TaskView:
        values = check_task_fields(dict(fields))
        from rutjournal.core.models import utcnow

        with self.db.write_session() as session, session.begin():
            task = self._task(session, task_id)
            for name, value in values.items():
                setattr(task, name, value)
            task.updated_at = utcnow()
        return self.get(task_id)

    def decide(
        self,
        task_id: int,
        decision: str,
        *,
        to: str | None = None,
        reason: str | None = None,
        on: dt.date | None = None,
    ) -> TaskView:
        """Record a decision (kept in the task's history); a new decision is not yet carried out."""
        if decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        from rutjournal.core.models import TaskEvent, utcnow

        with self.db.write_session() as session, session.begin():
            task = self._task(session, task_id)
            task.decision = decision
            task.decided_on = dt.date.today() if on is None else check_day("date", on)
            task.done_on = None
            if to is not None:
                task.delegate_to = to.strip() or None
            if reason is not None:
                task.reason = reason.strip() or None
            task.updated_at = utcnow()
            session.add(
                TaskEvent(task=task, decision=decision, done=False, minutes_per_week=task.minutes_per_week)
            )
        return self.get(task_id)

    def done(self, task_id: int, on: dt.date | None = None) -> TaskView:
        """Mark the task's decision as carried out: for delegate/drop/decline/automate, its hours are freed."""
        from rutjournal.core.models import TaskEvent, utcnow

        with self.db.write_session() as session, session.begin():
            task = self._task(session, task_id)
            if task.decision in ("undecided", "keep"):
                raise InvalidInput(
                    "decision", "taken first (delegate, drop, decline, automate, renegotiate)", task.decision
                )
            task.done_on = dt.date.today() if on is None else check_day("date", on)
            task.updated_at = utcnow()
            session.add(
                TaskEvent(
                    task=task, decision=task.decision, done=True, minutes_per_week=task.minutes_per_week
                )
            )
        return self.get(task_id)

    def delete(self, task_id: int) -> DeletedTask:
        """Delete a task and its history; the returned copy can bring both back (undo)."""
        from sqlalchemy import inspect

        with self.db.write_session() as session, session.begin():
            task = self._task(session, task_id)
            columns = [c.key for c in inspect(task).mapper.column_attrs]
            copy = DeletedTask(
                {name: getattr(task, name) for name in columns},
                tuple(
                    {
                        "at": e.at,
                        "decision": e.decision,
                        "done": e.done,
                        "minutes_per_week": e.minutes_per_week,
                    }
                    for e in task.events
                ),
            )
            session.delete(task)
        return copy

    def restore(self, deleted: DeletedTask) -> int:
        """Put a deleted task back, with its id and its history."""
        from rutjournal.core.models import Task, TaskEvent

        with self.db.write_session() as session, session.begin():
            task = Task(**deleted.row)
            task.events = [TaskEvent(**event) for event in deleted.events]
            session.add(task)
            session.flush()
            return task.id

    def decide_many(
        self, task_ids: list[int], decision: str, *, to: str | None = None, reason: str | None = None
    ) -> None:
        """Apply one decision to several tasks at once (all or none)."""
        if decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        from rutjournal.core.models import TaskEvent, utcnow

        today = dt.date.today()
        with self.db.write_session() as session, session.begin():
            for task_id in task_ids:
                task = self._task(session, task_id)
                if task.decision == decision and task.done_on is None:
                    continue
                task.decision, task.decided_on, task.done_on = decision, today, None
                if to is not None:
                    task.delegate_to = to.strip() or None
                if reason is not None:
                    task.reason = reason.strip() or None
                task.updated_at = utcnow()
                session.add(
                    TaskEvent(
                        task=task, decision=decision, done=False, minutes_per_week=task.minutes_per_week
                    )
                )

    def get(self, task_id: int) -> TaskView:
        with self.db.reader() as conn:
            found = _read_tasks(conn, "WHERE id = ?", (task_id,))
        if not found:
            raise InvalidInput("task", "the id of an existing task", task_id)
        return found[0]

    def tasks(self, decision: str | None = None) -> list[TaskView]:
        """Every task (or those with one decision), read with plain SQL: no ORM needed to show or report."""
        if decision is not None and decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        with self.db.reader() as conn:
            if decision is None:
                return _read_tasks(conn, "", ())
            return _read_tasks(conn, "WHERE decision = ?", (decision,))

    def candidates(self, limit: int = 10, tasks: list[TaskView] | None = None) -> list[TaskView]:
        """Undecided tasks, best candidates to hand off first (from ``tasks`` if already read)."""
        return rank_candidates(self.tasks("undecided") if tasks is None else tasks)[:limit]

    def mentions(self, task: TaskView, limit: int = 20) -> list[SearchHit]:
        """Journal entries that mention the task (every significant word of its title)."""
        from rutjournal.core.search import mentions

        with self.db.reader() as conn:
            return mentions(conn, task.title, limit=limit)

    def summary(self) -> LoadSummary:
        return summarize(self.tasks())

    @staticmethod
    def _task(session, task_id: int):  # type: ignore[no-untyped-def]
        from rutjournal.core.models import Task

        task = session.get(Task, task_id)
        if task is None:
            raise InvalidInput("task", "the id of an existing task", task_id)
        return task


def rank_candidates(tasks: list[TaskView]) -> list[TaskView]:
    """The undecided tasks, highest hand-off score first (more hours first on a tie)."""
    undecided = [t for t in tasks if t.decision == "undecided"]
    return sorted(undecided, key=lambda t: (-t.delegability.score, -t.minutes_per_week, t.id))


def summarize(tasks: list[TaskView]) -> LoadSummary:
    plate = [t for t in tasks if not t.freed]
    return LoadSummary(
        on_plate=sum(t.minutes_per_week for t in plate),
        core=sum(t.minutes_per_week for t in plate if t.in_jd == "yes"),
        pending_free=sum(t.minutes_per_week for t in plate if t.pending),
        freed=sum(t.minutes_per_week for t in tasks if t.freed),
        meetings=sum(t.minutes_per_week for t in plate if t.kind == "meeting"),
        enjoyed=sum(t.minutes_per_week for t in plate if (t.enjoyment or 0) > 0),
        tasks=len(tasks),
    )


_TASK_COLUMNS = (
    "id, title, kind, minutes_per_week, in_jd, enjoyment, value, decision, delegate_to, reason, decided_on, "
    "done_on, notes"
)


def _read_tasks(conn: Any, where: str, params: tuple[object, ...]) -> list[TaskView]:
    rows = conn.execute(f"SELECT {_TASK_COLUMNS} FROM tasks {where} ORDER BY id", params).fetchall()
    return [_view(*row) for row in rows]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _view(
    task_id: int,
    title: str,
    kind: str,
    minutes: int,
    in_jd: str,
    enjoyment: int | None,
    value: int | None,
    decision: str,
    delegate_to: str | None,
    reason: str | None,
    decided_on: str | None,
    done_on: str | None,
    notes: str,
) -> TaskView:
    return TaskView(
        id=task_id,
        title=title,
        kind=kind,
        minutes_per_week=minutes,
        in_jd=in_jd,
        enjoyment=enjoyment,
        value=value,
        decision=decision,
        delegate_to=delegate_to,
        reason=reason,
        decided_on=_date(decided_on),
        done_on=_date(done_on),
        notes=notes,
        delegability=delegability(TaskFacts(minutes, in_jd, enjoyment, value)),
    )
