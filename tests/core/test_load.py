"""The Load service: adding and deciding tasks, their history, and the hours they free (exact minutes)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.load.service import Load, summarize


@pytest.fixture
def load(db) -> Load:  # type: ignore[no-untyped-def]
    return Load(db)


def events(db) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT task_id, decision, done, minutes_per_week FROM task_events ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_add_returns_the_id_and_stores_the_facts(load) -> None:  # type: ignore[no-untyped-def]
    task_id = load.add("  Weekly status report ", minutes_per_week=120, in_jd="no", enjoyment=-2, value=1)
    task = load.get(task_id)
    assert (task.title, task.minutes_per_week, task.decision, task.kind) == (
        "Weekly status report",
        120,
        "undecided",
        "task",
    )
    assert task.delegability.score == 40 + 25 + 20 + 5
    assert "not in your job description" in task.delegability.explain()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "ok", "kind": "chore"}, "kind"),
        ({"title": "ok", "minutes_per_week": -1}, "hours"),
        ({"title": "ok", "minutes_per_week": 10081}, "hours"),
        ({"title": "ok", "in_jd": "maybe"}, "in job description"),
        ({"title": "ok", "enjoyment": 3}, "enjoyment"),
        ({"title": "ok", "value": 0}, "value"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(load, fields, field: str) -> None:  # type: ignore[no-untyped-def]
    title = fields.pop("title")
    with pytest.raises(InvalidInput) as info:
        load.add(title, **fields)
    assert info.value.field == field
    assert load.tasks() == []


def test_decide_and_done_keep_a_history_and_free_hours(load, db) -> None:  # type: ignore[no-untyped-def]
    report = load.add("Status report", minutes_per_week=120, in_jd="no")
    sync = load.add("Planning sync", kind="meeting", minutes_per_week=90, in_jd="partly")
    core = load.add("Forecast model", minutes_per_week=20 * 60, in_jd="yes", enjoyment=2)
    load.decide(report, "delegate", to="Sam", on=dt.date(2026, 11, 2))
    load.decide(sync, "decline", reason="I only listen", on=dt.date(2026, 11, 3))
    summary = load.summary()
    assert summary.pending_free == 120 + 90
    assert summary.freed == 0
    assert summary.on_plate == 120 + 90 + 1200
    load.done(report, on=dt.date(2026, 11, 9))
    summary = load.summary()
    assert (summary.on_plate, summary.pending_free, summary.freed) == (90 + 1200, 90, 120)
    assert summary.meetings == 90
    assert summary.core == 1200 and summary.core_share == pytest.approx(1200 / 1290)
    assert summary.enjoyed_share == pytest.approx(1200 / 1290)
    assert load.get(report).delegate_to == "Sam" and load.get(sync).reason == "I only listen"
    assert events(db) == [
        (report, "delegate", 0, 120),
        (sync, "decline", 0, 90),
        (report, "delegate", 1, 120),
    ]
    assert core  # kept as a plain, undecided core task


def test_a_new_decision_undoes_done(load) -> None:  # type: ignore[no-untyped-def]
    task = load.add("Reports", minutes_per_week=60)
    load.decide(task, "drop")
    load.done(task)
    assert load.get(task).freed
    load.decide(task, "keep")
    assert load.get(task).done_on is None
    assert load.summary().freed == 0


def test_done_needs_a_decision_first(load) -> None:  # type: ignore[no-untyped-def]
    task = load.add("Reports", minutes_per_week=60)
    with pytest.raises(InvalidInput, match="decision"):
        load.done(task)
    with pytest.raises(InvalidInput, match="decision"):
        load.decide(task, "ignore")


def test_unknown_task_ids_are_bad_input(load) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="task"):
        load.get(404)
    with pytest.raises(InvalidInput, match="task"):
        load.decide(404, "drop")


def test_candidates_rank_undecided_tasks_best_first(load) -> None:  # type: ignore[no-untyped-def]
    chore = load.add("Fix the shared spreadsheet", minutes_per_week=180, in_jd="no", enjoyment=-2, value=1)
    core = load.add("Forecast model", minutes_per_week=600, in_jd="yes", enjoyment=2, value=5)
    meeting = load.add("Budget review", kind="meeting", minutes_per_week=60, in_jd="partly", value=2)
    decided = load.add("Old report", minutes_per_week=600, in_jd="no", enjoyment=-2, value=1)
    load.decide(decided, "drop")
    assert [t.id for t in load.candidates()] == [chore, meeting, core]


def test_deleting_a_task_removes_its_history(load, db) -> None:  # type: ignore[no-untyped-def]
    task = load.add("Reports", minutes_per_week=60)
    load.decide(task, "automate")
    load.delete(task)
    assert load.tasks() == [] and events(db) == []


def test_totals_are_exact_in_minutes() -> None:
    assert summarize([]).core_share is None
    assert summarize([]).on_plate == 0


def test_delete_then_restore_brings_back_the_task_and_its_history(load, db) -> None:  # type: ignore[no-untyped-def]
    task = load.add("Reports", minutes_per_week=60, in_jd="no", notes="monthly")
    load.decide(task, "delegate", to="Sam")
    load.done(task)
    before, history = load.get(task), events(db)
    deleted = load.delete(task)
    assert load.tasks() == []
    assert load.restore(deleted) == task
    assert load.get(task) == before
    assert events(db) == history


def test_decide_many_applies_one_decision_to_all(load, db) -> None:  # type: ignore[no-untyped-def]
    ids = [load.add(f"Meeting {i}", kind="meeting", minutes_per_week=60) for i in range(3)]
    load.decide_many(ids, "decline", reason="no agenda")
    assert {t.decision for t in load.tasks()} == {"decline"}
    assert load.summary().pending_free == 180
    with pytest.raises(InvalidInput):
        load.decide_many([*ids, 404], "keep")
    assert {t.decision for t in load.tasks()} == {"decline"}  # all or none


def test_add_many_is_all_or_nothing(load) -> None:  # type: ignore[no-untyped-def]
    ids = load.add_many([{"title": "A", "minutes_per_week": 60}, {"title": "B", "kind": "meeting"}])
    assert [t.title for t in load.tasks()] == ["A", "B"] and len(ids) == 2
    with pytest.raises(InvalidInput):
        load.add_many([{"title": "C"}, {"title": ""}])
    assert [t.title for t in load.tasks()] == ["A", "B"]


def test_a_listed_row_is_a_task_view_in_its_order() -> None:
    # Load.tasks builds each TaskView straight from the cells store.read_listed reads, by position.
    from rutjournal.core.load.delegability import TaskFacts
    from rutjournal.core.load.rules import TaskView
    from rutjournal.core.load.store import LISTED

    assert TaskView._fields[:-1] == LISTED and TaskView._fields[-1] == "delegability"
    assert LISTED[3:7] == TaskFacts._fields


def test_a_list_shows_what_one_task_shows(db) -> None:  # type: ignore[no-untyped-def]
    load = Load(db)
    first = load.add("Weekly report", minutes_per_week=90, in_jd="no", enjoyment=-2, value=1)
    second = load.add("Team sync", kind="meeting", minutes_per_week=30)
    load.decide(second, "delegate", to="Sam", reason="Sam runs it better")
    load.done(second)
    assert load.tasks() == [load.get(first), load.get(second)]
    assert load.tasks("delegate") == [load.get(second)]
