"""The Load section's SQL: the tasks and their decision history, as typed rows, on a bare sqlite3 connection.

Every write to ``tasks`` and ``task_events`` goes through here — the window and the command line (through the
service), the importers and the JSON restore — inside the caller's one transaction (``Database.writer``), so
what a call writes goes in whole or not at all. Days and moments are ``datetime`` values on the way in and out
(storage.dates turns them into the text SQLite compares), and the defaults are the schema's.
"""

# No ``from __future__ import annotations``: typing.NamedTuple compiles every field's annotation given as
# text, 3.5 M instructions for the Load records on every Load command (6 % of Python's start). The
# annotations are real types instead; tests/cli/test_cli_lean.py keeps them so.

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from rutjournal.core.load.rules import TaskLine, TaskView
from rutjournal.core.storage.connect import fetch_all
from rutjournal.core.storage.dates import day_of, moment_of, now_utc


class TaskRow(NamedTuple):
    """One row of ``tasks``. ``id`` is None until SQLite gives one; the moments None until the row is
    written, which stamps them now."""

    title: str
    kind: str = "task"
    minutes_per_week: int = 0
    in_jd: str = "yes"
    enjoyment: int | None = None
    value: int | None = None
    decision: str = "undecided"
    delegate_to: str | None = None
    reason: str | None = None
    decided_on: dt.date | None = None
    done_on: dt.date | None = None
    notes: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    id: int | None = None
    uid: str | None = None  # None until written: SQLite makes one (revision 0007); a restore brings its own


class TaskEventRow(NamedTuple):
    """One row of ``task_events``: a decision taken, or carried out (``done``), with the hours at the time."""

    task_id: int
    decision: str
    minutes_per_week: int
    done: bool = False
    at: dt.datetime | None = None  # None: now, when written
    id: int | None = None
    uid: str | None = None


class DeletedTask(NamedTuple):
    """What ``Load.delete`` removed: the task's row and its history, enough to put both back."""

    task: TaskRow
    events: tuple[TaskEventRow, ...]


_TASK_COLUMNS = TaskRow._fields
_EVENT_COLUMNS = TaskEventRow._fields
_DAYS = frozenset({"decided_on", "done_on"})
_MOMENTS = frozenset({"created_at", "updated_at", "at"})
_NEW_UID = "coalesce(?, lower(hex(randomblob(16))))"  # the schema's default, for a row that has no uid yet


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join(_NEW_UID if c == "uid" else "?" for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


_INSERT_TASK = _insert_sql("tasks", _TASK_COLUMNS)
_INSERT_EVENT = _insert_sql("task_events", _EVENT_COLUMNS)
_CHANGED = tuple(c for c in _TASK_COLUMNS if c not in ("id", "created_at", "uid"))
_UPDATE_TASK = f"UPDATE tasks SET {', '.join(f'{c} = ?' for c in _CHANGED)} WHERE id = ?"


def task_from_columns(values: Mapping[str, object]) -> TaskRow:
    """A row from column values by name — checked fields of a new task, or a row of a JSON export (days and
    moments as text) — the columns not given taking the schema's defaults."""
    return TaskRow(**_typed(values))


def changed(task: TaskRow, values: Mapping[str, object]) -> TaskRow:
    """The task with some columns given new values (checked fields, by name)."""
    return task._replace(**_typed(values))


def event_from_columns(values: Mapping[str, object]) -> TaskEventRow:
    """A history row from column values by name (a row of a JSON export: ``done`` as 0 or 1)."""
    typed = _typed(values)
    if "done" in typed:
        typed["done"] = bool(typed["done"])
    return TaskEventRow(**typed)


def _typed(values: Mapping[str, object]) -> dict[str, Any]:
    """Days and moments given as text turned into dates; everything else as it is."""
    typed: dict[str, Any] = dict(values)
    for name, value in values.items():
        if isinstance(value, str) and name in _DAYS:
            typed[name] = day_of(value)
        elif isinstance(value, str) and name in _MOMENTS:
            typed[name] = moment_of(value)
    return typed


def read_tasks(conn: sqlite3.Connection, decision: str | None = None) -> list[TaskRow]:
    """Every task (or those with one decision), oldest first."""
    where, params = ("", ()) if decision is None else ("WHERE decision = ?", (decision,))
    return _select_tasks(conn, where, params)


# What a list of tasks shows of each (TaskView's fields, in its order, but its score), without the row's
# stamps and uid: the inventory is read whole for every list and report, thousands of rows.
LISTED = TaskView._fields[:-1]
_LISTED_DAYS = tuple(i for i, c in enumerate(LISTED) if c in _DAYS)


def read_listed(conn: sqlite3.Connection, decision: str | None = None) -> list[list[Any]]:
    """The LISTED cells of every task (or those with one decision), oldest first, days as dates."""
    where, params = ("", ()) if decision is None else ("WHERE decision = ?", (decision,))
    found = []
    for row in fetch_all(conn, f"SELECT {', '.join(LISTED)} FROM tasks {where} ORDER BY id", params):
        cells = list(row)
        for i in _LISTED_DAYS:
            if cells[i] is not None:  # NULL stays None: most tasks are undecided, a call each is not needed
                cells[i] = day_of(cells[i])
        found.append(cells)
    return found


# What ``task list`` and ``report load`` show of each task (TaskLine's fields, but its score).
LINE = TaskLine._fields[:-1]
_LINE_DONE = LINE.index("done_on")


def read_lines(conn: sqlite3.Connection, decision: str | None = None) -> list[tuple[Any, ...]]:
    """The LINE cells of every task (or those with one decision), oldest first, the day it was done a date."""
    where, params = ("", ()) if decision is None else ("WHERE decision = ?", (decision,))
    rows = fetch_all(conn, f"SELECT {', '.join(LINE)} FROM tasks {where} ORDER BY id", params)
    done = _LINE_DONE  # NULL for most tasks: only the others are copied
    return [row if row[done] is None else (*row[:done], day_of(row[done]), *row[done + 1 :]) for row in rows]


def read_titles(conn: sqlite3.Connection) -> list[str]:
    """Every task's title (an import's check for tasks the inventory already holds)."""
    return [title for (title,) in conn.execute("SELECT title FROM tasks")]


def read_task(conn: sqlite3.Connection, task_id: int) -> TaskRow | None:
    found = _select_tasks(conn, "WHERE id = ?", (task_id,))
    return found[0] if found else None


_TASK_DAYS = tuple(i for i, c in enumerate(_TASK_COLUMNS) if c in _DAYS)
_TASK_MOMENTS = tuple(i for i, c in enumerate(_TASK_COLUMNS) if c in _MOMENTS)


def _select_tasks(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[TaskRow]:
    """Tasks read in column order: only the day and moment cells are converted (thousands of rows a list)."""
    sql = f"SELECT {', '.join(_TASK_COLUMNS)} FROM tasks {where} ORDER BY id"
    found = []
    for row in conn.execute(sql, params):
        cells = list(row)
        for i in _TASK_DAYS:
            cells[i] = day_of(cells[i])
        for i in _TASK_MOMENTS:
            cells[i] = moment_of(cells[i])
        found.append(TaskRow(*cells))
    return found


def read_events(conn: sqlite3.Connection, task_id: int) -> list[TaskEventRow]:
    """A task's history in the order it happened."""
    sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM task_events WHERE task_id = ? ORDER BY at, id"
    return [
        event_from_columns(dict(zip(_EVENT_COLUMNS, row, strict=True)))
        for row in conn.execute(sql, (task_id,))
    ]


def read_all_events(conn: sqlite3.Connection) -> dict[int, list[TaskEventRow]]:
    """Every task's history, by task, each in the order it happened (one read for the whole inventory)."""
    sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM task_events ORDER BY task_id, at, id"
    found: dict[int, list[TaskEventRow]] = {}
    for row in conn.execute(sql):
        event = event_from_columns(dict(zip(_EVENT_COLUMNS, row, strict=True)))
        found.setdefault(event.task_id, []).append(event)
    return found


def first_day(conn: sqlite3.Connection) -> dt.date | None:
    """The earliest day the inventory knows: a task entered, or one carried out (it may be entered later)."""
    entered, done = conn.execute("SELECT min(created_at), min(done_on) FROM tasks").fetchone()
    days = [day_of(value) for value in (entered, done) if value]
    return min(days, default=None)


def insert_task(conn: sqlite3.Connection, task: TaskRow) -> int:
    """Write a new task (with its own ``id`` when it has one, as a restore does) and return its id."""
    cursor = conn.execute(_INSERT_TASK, _task_values(task, now_utc()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_tasks(conn: sqlite3.Connection, tasks: Iterable[TaskRow]) -> None:
    """Write many new tasks in one statement (an import): all stamped with the same moment."""
    now = now_utc()
    conn.executemany(_INSERT_TASK, (_task_values(task, now) for task in tasks))


def update_task(conn: sqlite3.Connection, task: TaskRow) -> None:
    """Write every column of a task that exists back, and stamp ``updated_at`` now, as every change does."""
    assert task.id is not None, "only a task read from the journal can be written back"
    stamped = task._replace(updated_at=now_utc())
    conn.execute(_UPDATE_TASK, (*(getattr(stamped, c) for c in _CHANGED), task.id))


def delete_task(conn: sqlite3.Connection, task_id: int) -> None:
    """Delete a task and its history."""
    conn.execute("DELETE FROM task_events WHERE task_id = ?", (task_id,))
    conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))


def insert_event(conn: sqlite3.Connection, event: TaskEventRow) -> int:
    """Add a step to a task's history (stamped now unless it has its moment) and return its id."""
    stamped = event if event.at is not None else event._replace(at=now_utc())
    cursor = conn.execute(_INSERT_EVENT, tuple(getattr(stamped, c) for c in _EVENT_COLUMNS))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _task_values(task: TaskRow, now: dt.datetime) -> tuple[object, ...]:
    stamped = task._replace(created_at=task.created_at or now, updated_at=task.updated_at or now)
    return tuple(getattr(stamped, c) for c in _TASK_COLUMNS)
