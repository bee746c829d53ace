"""Grow's and Guidance's stores on plain sqlite3: stamps as the ORM set them, one transaction per write, deletes
that take what hangs off a row, and the goal histories other sections ask for (fixed clock)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow import store
from rutjournal.core.grow.activity import STALL_DAYS, GoalHistory
from rutjournal.core.grow.service import Grow
from rutjournal.core.guidance.service import Guidance
from rutjournal.core.storage.dates import moment_of

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def grow(db) -> Grow:  # type: ignore[no-untyped-def]
    return Grow(db, today=lambda: TODAY)


def cells(db, sql: str, *params: object) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def stamps(db, table: str, row_id: int) -> tuple[dt.datetime, dt.datetime]:  # type: ignore[no-untyped-def]
    ((created, updated),) = cells(db, f"SELECT created_at, updated_at FROM {table} WHERE id = ?", row_id)
    assert isinstance(created, str) and isinstance(updated, str)
    return moment_of(created), moment_of(updated)


def test_a_new_row_is_stamped_and_a_change_moves_only_updated_at(db, grow) -> None:  # type: ignore[no-untyped-def]
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    grow.set_target("Lead")
    gap = grow.add_gap("SQL", "skill")
    created, updated = stamps(db, "gaps", gap)
    assert before <= created == updated
    grow.update_gap(gap, title="SQL")  # the same title: nothing changes, the stamp stays
    assert stamps(db, "gaps", gap) == (created, updated)
    grow.update_gap(gap, title="SQL modelling")
    again, moved = stamps(db, "gaps", gap)
    assert again == created and moved > updated
    ((title, kind),) = cells(db, "SELECT title, kind FROM gaps WHERE id = ?", gap)
    assert (title, kind) == ("SQL modelling", "skill")


def test_days_are_stored_as_iso_text(db, grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Lead", by=dt.date(2027, 9, 1))
    goal = grow.add_goal("Course", grow.add_gap("SQL", "skill"), due=dt.date(2026, 7, 1))
    assert cells(db, "SELECT by_date, active FROM targets") == [("2027-09-01", 1)]
    assert cells(db, "SELECT started_on, due FROM goals WHERE id = ?", goal) == [("2026-06-01", "2026-07-01")]


def test_a_new_target_leaves_the_old_one_stamped_as_changed(db, grow) -> None:  # type: ignore[no-untyped-def]
    first = grow.set_target("Analyst")
    _, updated = stamps(db, "targets", first)
    grow.set_target("Lead")
    assert cells(db, "SELECT id, active FROM targets ORDER BY id") == [(first, 0), (first + 1, 1)]
    assert stamps(db, "targets", first)[1] > updated


def test_a_write_is_all_or_nothing(db, grow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The manual percentage's dated record and the goal's new percentage go in together or not at all."""
    grow.set_target("Lead")
    goal = grow.add_goal("Course", grow.add_gap("SQL", "skill"))

    def broken(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "update_row", broken)
    with pytest.raises(sqlite3.OperationalError):
        grow.update_goal(goal, manual_percent=40)
    assert cells(db, "SELECT count(*) FROM goal_progress") == [(0,)]
    monkeypatch.undo()
    grow.update_goal(goal, manual_percent=40)
    assert cells(db, "SELECT goal_id, day, percent FROM goal_progress") == [(goal, "2026-06-01", 40)]
    assert grow.goal(goal).manual_percent == 40


def test_deleting_a_gap_takes_its_goals_and_unlinks_its_evidence(db, grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Lead")
    gap = grow.add_gap("SQL", "skill")
    goal = grow.add_goal("Course", gap)
    grow.add_milestone(goal, "Module one")
    grow.update_goal(goal, manual_percent=10)
    proof = grow.add_evidence("Shipped the model", goal_id=goal)
    grow.delete_gap(gap)
    for table in ("goals", "milestones", "goal_progress"):
        assert cells(db, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert cells(db, "SELECT id, gap_id, goal_id FROM evidence") == [(proof, None, None)]
    with pytest.raises(InvalidInput, match="gap: must be the id of an existing gap"):
        grow.delete_gap(gap)


def test_deleting_a_conversation_takes_its_options_and_follow_ups(db) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(db, today=lambda: TODAY)
    talk = guidance.add_conversation(TODAY, "Dana", "boss", agenda="")
    guidance.add_option(talk, "seminar")
    guidance.add_followup(talk, "Send the plan", "me")
    guidance.delete_conversation(talk)
    assert cells(db, "SELECT count(*) FROM conversation_options") == [(0,)]
    assert cells(db, "SELECT count(*) FROM followups") == [(0,)]
    with pytest.raises(InvalidInput, match="conversation: must be the id of an existing conversation"):
        guidance.add_option(talk, "seminar")


def test_an_option_has_no_stamps_and_a_follow_up_has(db) -> None:  # type: ignore[no-untyped-def]
    guidance = Guidance(db, today=lambda: TODAY)
    talk = guidance.add_conversation(TODAY, "Dana", "boss", agenda="")
    guidance.add_option(talk, "seminar", "the spring one")
    followup = guidance.add_followup(talk, "Send the plan", "them", due=TODAY)
    assert cells(db, "SELECT kind, said FROM conversation_options") == [("seminar", "the spring one")]
    created, updated = stamps(db, "followups", followup)
    assert created == updated
    guidance.set_followup_done(followup, on=TODAY)
    assert stamps(db, "followups", followup)[1] > updated
    assert cells(db, "SELECT done_on FROM followups") == [("2026-06-01",)]


# -- goal histories ------------------------------------------------------------------------------------------
def history(**changes: object) -> GoalHistory:
    base: dict[str, object] = {
        "id": 1,
        "gap_id": 1,
        "title": "Course",
        "status": "active",
        "started_on": dt.date(2026, 3, 1),
        "due": None,
        "milestones_done": (),
        "percents": (),
    }
    return GoalHistory(**(base | changes))  # type: ignore[arg-type]


def test_last_activity_is_the_latest_tick_or_percentage() -> None:
    goal = history(
        milestones_done=(dt.date(2026, 4, 2), None, dt.date(2026, 5, 20)),
        percents=((dt.date(2026, 5, 1), 30),),
    )
    assert goal.last_activity() == dt.date(2026, 5, 20)
    assert goal.last_activity(until=dt.date(2026, 5, 10)) == dt.date(2026, 5, 1)
    assert goal.last_activity(until=dt.date(2026, 3, 31)) is None
    assert history().last_activity() is None


def test_progress_on_a_day_counts_what_was_known_then() -> None:
    ticked = history(milestones_done=(dt.date(2026, 4, 2), dt.date(2026, 5, 20), None, None))
    assert ticked.progress_on(dt.date(2026, 4, 1)) == 0.0
    assert ticked.progress_on(dt.date(2026, 4, 2)) == 0.25
    assert ticked.progress_on(dt.date(2026, 6, 1)) == 0.5
    by_hand = history(percents=((dt.date(2026, 4, 1), 20), (dt.date(2026, 5, 1), 60)))
    assert [by_hand.progress_on(dt.date(2026, m, 15)) for m in (3, 4, 5)] == [0.0, 0.2, 0.6]
    both = history(milestones_done=(None,), percents=((dt.date(2026, 4, 1), 90),))
    assert both.progress_on(TODAY) == 0.0  # milestones decide over a percentage
    assert history(status="done").progress_on(TODAY) == 0.0  # its status back then is not known


def test_stalled_and_overdue_on_a_day() -> None:
    quiet = history(percents=((TODAY - dt.timedelta(days=STALL_DAYS + 1), 10),))
    assert quiet.stalled_on(TODAY) and quiet.stalled_since() == TODAY - dt.timedelta(days=STALL_DAYS + 1)
    recent = history(percents=((TODAY - dt.timedelta(days=STALL_DAYS), 10),))
    assert not recent.stalled_on(TODAY)
    assert history().stalled_on(TODAY) and history().stalled_since() == dt.date(2026, 3, 1)
    assert not history(started_on=TODAY - dt.timedelta(days=STALL_DAYS - 1)).stalled_on(TODAY)
    assert not history(status="done").stalled_on(TODAY)
    later = history(milestones_done=(TODAY + dt.timedelta(days=3),))
    assert not later.stalled_on(TODAY) and later.stalled_on(TODAY, until=TODAY)
    late = history(due=TODAY - dt.timedelta(days=1))
    assert late.overdue_on(TODAY) and not late.overdue_on(TODAY - dt.timedelta(days=1))
    assert not history(due=TODAY - dt.timedelta(days=1), status="dropped").overdue_on(TODAY)


def test_goal_histories_are_the_active_targets_goals(grow) -> None:  # type: ignore[no-untyped-def]
    assert grow.goal_histories() == []
    grow.set_target("Analyst")
    grow.add_goal("Old goal", grow.add_gap("Excel", "skill"))
    grow.set_target("Lead")
    gap = grow.add_gap("SQL", "skill")
    course = grow.add_goal("Course", gap, started_on=dt.date(2026, 4, 1))
    step = grow.add_milestone(course, "Module one")
    grow.add_milestone(course, "Module two")
    grow.set_milestone_done(step, on=dt.date(2026, 5, 2))
    talk = grow.add_goal("Give a talk", gap, due=dt.date(2026, 7, 1), status="dropped")
    grow.update_goal(talk, manual_percent=30)
    found = grow.goal_histories()
    assert [(h.id, h.title, h.status) for h in found] == [
        (course, "Course", "active"),
        (talk, "Give a talk", "dropped"),
    ]
    assert found[0].milestones_done == (dt.date(2026, 5, 2), None)
    assert found[0].progress_on(TODAY) == 0.5 == grow.goal(course).progress
    assert found[1].percents == ((TODAY, 30),) and found[1].due == dt.date(2026, 7, 1)
