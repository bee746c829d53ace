"""The Load service: the task inventory, decisions with their history, and the hours they free.

The rules it applies (allowed values, reading hours, the totals) are in ``load_rules``; they are named here
too, so the rest of the app imports the section from one place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rutjournal.core.errors import InvalidInput
from rutjournal.core.journal.search import SearchHit
from rutjournal.core.load.delegability import TaskFacts, delegability
from rutjournal.core.load.rules import (
    DECISIONS,
    EDITABLE,
    FREEING,
    IN_JD,
    KINDS,
    MAX_MINUTES,
    DeletedTask,
    LoadSummary,
    TaskView,
    check_task_fields,
    parse_minutes,
    rank_candidates,
    summarize,
)
from rutjournal.core.storage.db import Database
from rutjournal.core.values import check_day

__all__ = [
    "DECISIONS",
    "EDITABLE",
    "FREEING",
    "IN_JD",
    "KINDS",
    "MAX_MINUTES",
    "DeletedTask",
    "Load",
    "LoadSummary",
    "TaskView",
    "check_task_fields",
    "parse_minutes",
    "rank_candidates",
    "summarize",
]


class Load:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, title: str, **fields: object) -> int:
        """Add a task and return its id."""
        values = check_task_fields({"title": title, **fields})
        from rutjournal.core.storage.models import Task

        with self.db.write_session() as session, session.begin():
            task = Task(**values)
            session.add(task)
            session.flush()
            return task.id

    def add_many(
        self, tasks: list[dict[str, object]], *, new_minutes: dict[int, int] | None = None
    ) -> list[int]:
        """Add several tasks in one transaction (a brain dump), and give tasks already listed that a line was
        merged into their new hours (``new_minutes``: id → minutes a week). All is checked, then all written."""
        checked = [check_task_fields(dict(fields)) for fields in tasks]
        updates = {i: check_task_fields({"minutes_per_week": m}) for i, m in (new_minutes or {}).items()}
        from rutjournal.core.storage.models import Task, utcnow

        with self.db.write_session() as session, session.begin():
            for task_id, values in updates.items():
                task = self._task(session, task_id)
                task.minutes_per_week = values["minutes_per_week"]
                task.updated_at = utcnow()
            rows = [Task(**values) for values in checked]
            session.add_all(rows)
            session.flush()
            return [row.id for row in rows]

    def update(self, task_id: int, **fields: object) -> TaskView:
        values = check_task_fields(dict(fields))
        from rutjournal.core.storage.models import utcnow

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
        from rutjournal.core.storage.models import TaskEvent, utcnow

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
        from rutjournal.core.storage.models import TaskEvent, utcnow

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
        from rutjournal.core.storage.models import Task, TaskEvent

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
        from rutjournal.core.storage.models import TaskEvent, utcnow

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
        from rutjournal.core.journal.search import mentions

        with self.db.reader() as conn:
            return mentions(conn, task.title, limit=limit)

    def summary(self) -> LoadSummary:
        return summarize(self.tasks())

    @staticmethod
    def _task(session, task_id: int):  # type: ignore[no-untyped-def]
        from rutjournal.core.storage.models import Task

        task = session.get(Task, task_id)
        if task is None:
            raise InvalidInput("task", "the id of an existing task", task_id)
        return task


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
