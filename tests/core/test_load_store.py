"""The Load store: every write to the task tables is one transaction (a write that fails half-way leaves
nothing), the bulk insert the importers use, and dates kept as the text the rest of the journal compares."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.load import store
from rutjournal.core.load.service import Load
from rutjournal.core.load.store import TaskRow
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.importers import apply
from rutjournal.core.transfer.importers.records import ImportCancelled, ParsedFile, TaskRecord


def rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_bulk_insert_refused_half_way_leaves_no_task(db: Database) -> None:
    Load(db).add("Already here")
    tasks = [TaskRow(f"Task {n}", minutes_per_week=n) for n in range(1000)]
    tasks[600] = TaskRow("Too long a week", minutes_per_week=7 * 24 * 60 + 1)  # the schema's CHECK refuses it
    with pytest.raises(sqlite3.IntegrityError, match="ck_tasks_minutes"), db.writer() as conn:
        store.insert_tasks(conn, tasks)
    assert rows(db, "SELECT title FROM tasks") == [("Already here",)]


def test_a_bulk_insert_writes_every_row_with_the_schema_defaults(db: Database) -> None:
    with db.writer() as conn:
        store.insert_tasks(conn, [TaskRow(f"Task {n}", kind="meeting") for n in range(1200)])
    tasks = Load(db).tasks()
    assert len(tasks) == 1200 and {(t.kind, t.in_jd, t.decision, t.notes) for t in tasks} == {
        ("meeting", "yes", "undecided", "")
    }
    assert rows(db, "SELECT count(DISTINCT created_at), count(DISTINCT updated_at) FROM tasks") == [(1, 1)]


def test_a_brain_dump_whose_merge_fails_after_the_new_tasks_writes_none_of_them(db: Database) -> None:
    load = Load(db)
    listed = load.add("Reports", minutes_per_week=60)
    with pytest.raises(InvalidInput, match="task"):
        load.add_many([{"title": "New one"}, {"title": "Another"}], new_minutes={listed: 90, 404: 30})
    assert [(t.title, t.minutes_per_week) for t in load.tasks()] == [("Reports", 60)]


def test_a_decision_on_a_missing_task_among_many_leaves_the_history_as_it_was(db: Database) -> None:
    load = Load(db)
    ids = [load.add(f"Meeting {n}", kind="meeting") for n in range(3)]
    with pytest.raises(InvalidInput):
        load.decide_many([ids[0], ids[1], 404, ids[2]], "decline")
    assert rows(db, "SELECT count(*) FROM task_events") == [(0,)]
    assert {t.decision for t in load.tasks()} == {"undecided"}


def test_days_and_moments_are_stored_as_text_sqlite_compares(db: Database) -> None:
    load = Load(db)
    task = load.add("Reports", minutes_per_week=60)
    load.decide(task, "drop", on=dt.date(2026, 3, 2))
    load.done(task, on=dt.date(2026, 3, 9))
    [(decided, done, created, updated)] = rows(
        db, "SELECT decided_on, done_on, created_at, updated_at FROM tasks"
    )
    assert (decided, done) == ("2026-03-02", "2026-03-09")
    assert isinstance(created, str) and isinstance(updated, str) and created <= updated
    assert dt.datetime.fromisoformat(created).year >= 2026
    [(at,)] = rows(db, "SELECT min(at) FROM task_events")
    assert isinstance(at, str) and at >= created


def test_an_update_stamps_the_change_and_keeps_the_creation(db: Database) -> None:
    load = Load(db)
    task = load.add("Reports")
    [(created, updated)] = rows(db, "SELECT created_at, updated_at FROM tasks")
    load.update(task, title="Monthly reports", minutes_per_week=30)
    [(created_after, updated_after)] = rows(db, "SELECT created_at, updated_at FROM tasks")
    assert created_after == created and str(updated_after) > str(updated)
    assert (load.get(task).title, load.get(task).minutes_per_week) == ("Monthly reports", 30)


def test_undo_of_a_delete_brings_back_the_row_as_it_was(db: Database) -> None:
    load = Load(db)
    task = load.add("Reports", minutes_per_week=60, notes="monthly")
    load.decide(task, "automate", on=dt.date(2026, 3, 2))
    before = rows(db, "SELECT * FROM tasks"), rows(db, "SELECT task_id, at, decision, done FROM task_events")
    load.restore(load.delete(task))
    after = rows(db, "SELECT * FROM tasks"), rows(db, "SELECT task_id, at, decision, done FROM task_events")
    assert after == before


def test_undo_of_a_delete_after_a_new_task_took_its_id_gives_it_a_new_one(db: Database) -> None:
    load = Load(db)
    load.add("Reports")
    meeting = load.add("Team sync", kind="meeting")
    load.decide(meeting, "decline", reason="no agenda")
    deleted = load.delete(meeting)
    newer = load.add("Planning")
    assert newer == meeting  # SQLite gives the highest id free again
    back = load.restore(deleted)
    assert back != newer and load.get(back).title == "Team sync" and load.get(back).reason == "no agenda"
    assert load.get(newer).title == "Planning"
    assert rows(db, "SELECT task_id, decision FROM task_events") == [(back, "decline")]


def test_an_import_cancelled_among_its_task_batches_writes_no_task(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply, "CHUNK", 2)
    parsed = ParsedFile(
        "test", Path("tasks.json"), tasks=[TaskRecord(f"Task {n}", f"task {n}") for n in range(6)]
    )
    written: list[int] = []
    real_insert = apply.insert_tasks

    def insert_and_count(conn: sqlite3.Connection, tasks: list[TaskRow]) -> None:
        real_insert(conn, tasks)
        written.append(len(tasks))

    monkeypatch.setattr(apply, "insert_tasks", insert_and_count)
    with pytest.raises(ImportCancelled):
        apply.apply_import(db, parsed, cancelled=lambda: len(written) >= 2)
    assert written == [2, 2]  # two batches were in the transaction when the cancel came
    assert rows(db, "SELECT count(*) FROM tasks") == [(0,)]
    apply.apply_import(db, parsed)
    assert [t.title for t in Load(db).tasks()] == [f"Task {n}" for n in range(6)]


def test_a_title_that_is_not_utf8_is_listed_with_a_replacement_character_and_never_quoted(
    db: Database,
) -> None:
    """sqlite3 decodes the text of a list itself, and stops on bytes that are not UTF-8 with an error that
    quotes them: the list is then read again as every read is, U+FFFD for those bytes."""
    load = Load(db)
    first, second = load.add("Plain"), load.add("Broken")
    conn = sqlite3.connect(db.path)
    with conn:
        conn.execute(
            "UPDATE tasks SET title = CAST(? AS TEXT) WHERE id = ?", (b"my private words \xff\xfe", second)
        )
    conn.close()
    assert [(t.id, t.title) for t in load.lines()] == [
        (first, "Plain"),
        (second, "my private words \ufffd\ufffd"),
    ]
    assert [t.title for t in load.lines()] == [t.title for t in load.tasks()]
    with db.reader() as conn:
        assert conn.text_factory is not str  # a read after it decodes as every read does
        assert conn.execute("SELECT title FROM tasks WHERE id = ?", (second,)).fetchone() == (
            "my private words \ufffd\ufffd",
        )


def test_a_list_reads_the_same_tasks_as_the_whole_view(db: Database) -> None:
    load = Load(db)
    load.add("Status report", minutes_per_week=120, in_jd="no", enjoyment=-2, value=1)
    done = load.add("Standup", kind="meeting", minutes_per_week=75)
    load.decide(done, "decline")
    load.done(done, on=dt.date(2026, 3, 4))
    lines, whole = load.lines(), load.tasks()
    assert [tuple(getattr(t, f) for f in type(lines[0])._fields) for t in whole] == [tuple(t) for t in lines]
    assert [t.id for t in load.lines("decline")] == [done]
