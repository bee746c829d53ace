"""The Load service: the task inventory, decisions with their history, and the hours they free.

The rules it applies (allowed values, reading hours, the totals) are in ``load.rules`` and its SQL in
``load.store``; the rules are named here too, so the rest of the app imports the section from one place.
Each method is one transaction on a bare sqlite3 connection: no ORM is imported to show or change a task.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.load import store
from rutjournal.core.load.delegability import TaskFacts, delegability, score_of
from rutjournal.core.load.rules import (
    DECISIONS,
    EDITABLE,
    FREEING,
    IN_JD,
    KINDS,
    MAX_MINUTES,
    LoadSummary,
    TaskLine,
    TaskView,
    check_task_fields,
    parse_minutes,
    rank_candidates,
    summarize,
)
from rutjournal.core.load.store import DeletedTask, TaskEventRow, TaskRow
from rutjournal.core.storage.db import Database

if TYPE_CHECKING:
    from rutjournal.core.journal.search import SearchHit  # the search (and its html import) only for mentions

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
    "TaskLine",
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
        task = store.task_from_columns(check_task_fields({"title": title, **fields}))
        with self.db.writer() as conn:
            return store.insert_task(conn, task)

    def add_many(
        self, tasks: list[dict[str, object]], *, new_minutes: dict[int, int] | None = None
    ) -> list[int]:
        """Add several tasks in one transaction (a brain dump), and give tasks already listed that a line was
        merged into their new hours (``new_minutes``: id → minutes a week). All is checked, then all written."""
        rows = [store.task_from_columns(check_task_fields(dict(fields))) for fields in tasks]
        updates = new_minutes or {}
        for minutes in updates.values():
            check_task_fields({"minutes_per_week": minutes})
        with self.db.writer() as conn:
            ids = [store.insert_task(conn, row) for row in rows]
            for task_id, minutes in updates.items():
                store.update_task(conn, _task(conn, task_id)._replace(minutes_per_week=minutes))
            return ids

    def update(self, task_id: int, **fields: object) -> TaskView:
        changes = check_task_fields(dict(fields))
        with self.db.writer() as conn:
            store.update_task(conn, store.changed(_task(conn, task_id), changes))
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
        with self.db.writer() as conn:
            task = _task(conn, task_id)
            day = dt.date.today() if on is None else _checked(on)
            _record_decision(conn, task, decision, day, to=to, reason=reason)
        return self.get(task_id)

    def done(self, task_id: int, on: dt.date | None = None) -> TaskView:
        """Mark the task's decision as carried out: for delegate/drop/decline/automate, its hours are freed."""
        with self.db.writer() as conn:
            task = _task(conn, task_id)
            if task.decision in ("undecided", "keep"):
                # TRANSLATORS: the decisions in brackets are words the user types, as they are.
                allowed = _("taken first (delegate, drop, decline, automate, renegotiate)")
                raise InvalidInput("decision", allowed, task.decision)
            task = task._replace(done_on=dt.date.today() if on is None else _checked(on))
            store.update_task(conn, task)
            store.insert_event(conn, TaskEventRow(task_id, task.decision, task.minutes_per_week, done=True))
        return self.get(task_id)

    def delete(self, task_id: int) -> DeletedTask:
        """Delete a task and its history; the returned copy can bring both back (undo)."""
        with self.db.writer() as conn:
            task = _task(conn, task_id)
            copy = DeletedTask(task, tuple(store.read_events(conn, task_id)))
            store.delete_task(conn, task_id)
        return copy

    def restore(self, deleted: DeletedTask) -> int:
        """Put a deleted task back, with its history, and return its id: its own, unless a task added since
        was given that id (SQLite reuses the highest), when it gets a new one."""
        task = deleted.task
        with self.db.writer() as conn:
            if task.id is not None and store.read_task(conn, task.id) is not None:
                task = task._replace(id=None)
            task_id = store.insert_task(conn, task)
            for event in deleted.events:
                store.insert_event(conn, event._replace(id=None, task_id=task_id))
            return task_id

    def decide_many(
        self, task_ids: list[int], decision: str, *, to: str | None = None, reason: str | None = None
    ) -> None:
        """Apply one decision to several tasks at once (all or none)."""
        if decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        today = dt.date.today()
        with self.db.writer() as conn:
            for task_id in task_ids:
                task = _task(conn, task_id)
                if task.decision == decision and task.done_on is None:
                    continue
                _record_decision(conn, task, decision, today, to=to, reason=reason)

    def get(self, task_id: int) -> TaskView:
        with self.db.reader() as conn:
            return _view(_task(conn, task_id))

    def tasks(self, decision: str | None = None) -> list[TaskView]:
        """Every task (or those with one decision)."""
        if decision is not None and decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        with self.db.reader() as conn:
            listed = store.read_listed(conn, decision)
        views = []
        new = tuple.__new__  # what TaskFacts._make and TaskView._make do, without a call in Python per task
        for cells in listed:
            cells.append(delegability(new(TaskFacts, cells[3:7])))
            views.append(new(TaskView, cells))
        return views

    def lines(self, decision: str | None = None) -> list[TaskLine]:
        """What a list or the report shows of every task (or those with one decision), oldest first."""
        if decision is not None and decision not in DECISIONS:
            raise InvalidInput("decision", " / ".join(DECISIONS), decision)
        with self.db.reader() as conn:
            rows = store.read_lines(conn, decision)
        new = tuple.__new__  # as in tasks()
        return [new(TaskLine, (*row, score_of(*row[3:7]))) for row in rows]

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

    def histories(self) -> list[tuple[TaskRow, list[TaskEventRow]]]:
        """Every task with its decisions in the order they happened: what Trends draws the hours freed from."""
        with self.db.reader() as conn:
            events = store.read_all_events(conn)
            return [(task, events.get(task.id or 0, [])) for task in store.read_tasks(conn)]

    def first_day(self) -> dt.date | None:
        """The earliest day the inventory knows (None while it is empty)."""
        with self.db.reader() as conn:
            return store.first_day(conn)


def _checked(day: dt.date) -> dt.date:
    """A day the caller gave (the command line gives none, and does not import core.values for it)."""
    from rutjournal.core.values import check_day

    return check_day("date", day)


def _task(conn: sqlite3.Connection, task_id: int) -> TaskRow:
    task = store.read_task(conn, task_id)
    if task is None:
        raise InvalidInput("task", _("the id of an existing task"), task_id)
    return task


def _record_decision(
    conn: sqlite3.Connection,
    task: TaskRow,
    decision: str,
    day: dt.date,
    *,
    to: str | None,
    reason: str | None,
) -> None:
    """Write the decision onto the task (not yet carried out) and into its history."""
    assert task.id is not None
    decided = task._replace(decision=decision, decided_on=day, done_on=None)
    if to is not None:
        decided = decided._replace(delegate_to=to.strip() or None)
    if reason is not None:
        decided = decided._replace(reason=reason.strip() or None)
    store.update_task(conn, decided)
    store.insert_event(conn, TaskEventRow(task.id, decision, task.minutes_per_week))


def _view(task: TaskRow) -> TaskView:
    assert task.id is not None
    return TaskView(
        id=task.id,
        title=task.title,
        kind=task.kind,
        minutes_per_week=task.minutes_per_week,
        in_jd=task.in_jd,
        enjoyment=task.enjoyment,
        value=task.value,
        decision=task.decision,
        delegate_to=task.delegate_to,
        reason=task.reason,
        decided_on=task.decided_on,
        done_on=task.done_on,
        notes=task.notes,
        delegability=delegability(TaskFacts(task.minutes_per_week, task.in_jd, task.enjoyment, task.value)),
    )
