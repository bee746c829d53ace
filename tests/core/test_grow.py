"""The Grow service and its rules: progress roll-ups, pace, overdue goals, evidence and challenges (fixed clock)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.rules import goal_progress, is_overdue, mean_progress, pace, pace_verdict, time_gone
from rutjournal.core.grow.service import Grow

TODAY = dt.date(2026, 6, 1)
START = dt.date(2026, 5, 2)  # 30 days before TODAY
DUE = dt.date(2026, 6, 11)  # 40 days after START: three quarters of the time is gone
TABLES = ("targets", "gaps", "goals", "milestones", "goal_progress", "evidence", "challenges")


@pytest.fixture
def grow(db) -> Grow:  # type: ignore[no-untyped-def]
    return Grow(db, today=lambda: TODAY)


def counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db.path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("status", "done", "total", "manual", "expected"),
    [
        ("active", 0, 0, None, 0.0),  # nothing to measure yet
        ("active", 1, 4, None, 0.25),
        ("active", 1, 4, 90, 0.25),  # milestones win over a manual percentage
        ("active", 0, 0, 40, 0.4),
        ("done", 0, 3, None, 1.0),  # a done goal is done
        ("dropped", 2, 4, None, 0.5),
    ],
)
def test_goal_progress(status: str, done: int, total: int, manual: int | None, expected: float) -> None:
    assert goal_progress(status, done, total, manual) == pytest.approx(expected)


def test_mean_progress_ignores_what_has_no_progress() -> None:
    assert mean_progress([]) is None
    assert mean_progress([None, None]) is None
    assert mean_progress([0.5, None, 1.0]) == pytest.approx(0.75)


def test_time_gone_is_clamped() -> None:
    assert time_gone(START, DUE, TODAY) == pytest.approx(0.75)
    assert time_gone(START, DUE, dt.date(2026, 4, 1)) == 0.0
    assert time_gone(START, DUE, dt.date(2026, 7, 1)) == 1.0
    assert time_gone(TODAY, TODAY, TODAY) == 1.0  # due the day it started, and that day has come


@pytest.mark.parametrize(
    ("actual", "verdict"),
    [
        (0.90, "on_track"),  # ahead
        (0.65, "on_track"),  # exactly 10 points behind
        (0.64, "at_risk"),
        (0.50, "at_risk"),  # exactly 25 points behind
        (0.49, "off_track"),
    ],
)
def test_pace_at_its_edges(actual: float, verdict: str) -> None:
    assert pace_verdict(0.75, actual) == verdict
    assert pace(START, DUE, TODAY, actual).verdict == verdict


def test_pace_explains_itself() -> None:
    result = pace(START, DUE, TODAY, 0.6)
    assert (result.expected, result.actual) == (pytest.approx(0.75), 0.6)
    assert result.explanation.startswith(
        "60 % done with 75 % of the time gone: at risk (on track means within 10"
    )
    assert "25 behind" in result.explanation


def test_overdue_means_past_due_and_still_open() -> None:
    yesterday = TODAY - dt.timedelta(days=1)
    assert is_overdue(yesterday, "active", TODAY)
    assert is_overdue(yesterday, "not_started", TODAY)
    assert not is_overdue(TODAY, "active", TODAY)
    assert not is_overdue(yesterday, "done", TODAY)
    assert not is_overdue(yesterday, "dropped", TODAY)
    assert not is_overdue(None, "active", TODAY)


def test_set_target_keeps_the_previous_one_as_history(grow) -> None:  # type: ignore[no-untyped-def]
    assert grow.active_target() is None
    first = grow.set_target("Senior Analyst", by=dt.date(2027, 9, 1))
    second = grow.set_target("Lead Analyst")
    active = grow.active_target()
    assert active is not None and (active.id, active.title, active.by_date) == (second, "Lead Analyst", None)
    assert [(t.id, t.active) for t in grow.targets()] == [(second, True), (first, False)]
    updated = grow.update_target(first, title="Senior Data Analyst")
    assert (updated.title, updated.by_date, updated.active) == (
        "Senior Data Analyst",
        dt.date(2027, 9, 1),
        False,
    )
    assert grow.update_target(first, by=None).by_date is None


def test_progress_rolls_up_from_goals_to_gaps_to_the_target(grow) -> None:  # type: ignore[no-untyped-def]
    target = grow.set_target("Senior Analyst")
    sql = grow.add_gap("SQL modelling", "skill", "I design the warehouse tables")
    talks = grow.add_gap("Visibility", "visibility")
    grow.add_gap("Budgeting", "knowledge")  # no goals: no progress of its own, 0 toward the target
    course = grow.add_goal("Finish the course", sql)
    for title in ("Module 1", "Module 2", "Module 3", "Module 4"):
        grow.add_milestone(course, title)
    first = grow.goal(course).milestones[0]
    grow.set_milestone_done(first.id)
    manual = grow.add_goal("Rewrite the sales model", sql)
    grow.update_goal(manual, manual_percent=50)
    dropped = grow.add_goal("Certificate", sql)
    grow.update_goal(dropped, status="dropped", manual_percent=0)
    grow.add_goal("Give a talk", talks, status="done")
    gaps = {g.title: g for g in grow.active_target().gaps}  # type: ignore[union-attr]
    assert grow.goal(course).progress == pytest.approx(0.25)
    assert gaps["SQL modelling"].progress == pytest.approx((0.25 + 0.5) / 2)  # the dropped goal is left out
    assert gaps["Visibility"].progress == 1.0
    assert gaps["Budgeting"].progress is None and gaps["Budgeting"].goals == ()
    assert gaps["SQL modelling"].good_looks_like == "I design the warehouse tables"
    view = grow.active_target()
    assert view is not None and view.id == target
    assert view.progress == pytest.approx((0.375 + 1.0 + 0.0) / 3)
    assert grow.summary().target_progress == pytest.approx(1.375 / 3)


def test_a_gap_with_only_empty_or_dropped_goals(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    empty = grow.add_goal("Something", gap)
    assert grow.goal(empty).progress == 0.0
    assert grow.active_target().gaps[0].progress == 0.0  # type: ignore[union-attr]
    grow.update_goal(empty, status="dropped")
    assert grow.active_target().gaps[0].progress is None  # type: ignore[union-attr]
    assert grow.active_target().progress == 0.0  # type: ignore[union-attr]  # its whole way is still ahead


def test_milestones_are_appended_ticked_and_unticked(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    goal = grow.add_goal("Course", grow.add_gap("SQL", "skill"))
    ids = [grow.add_milestone(goal, f"Step {i}") for i in (1, 2, 3)]
    assert [m.title for m in grow.goal(goal).milestones] == ["Step 1", "Step 2", "Step 3"]
    done = grow.set_milestone_done(ids[1], on=dt.date(2026, 5, 20))
    assert (done.id, done.done_on) == (ids[1], dt.date(2026, 5, 20))
    assert grow.set_milestone_done(ids[2]).done_on == TODAY
    assert grow.goal(goal).progress == pytest.approx(2 / 3)
    assert grow.set_milestone_done(ids[2], done=False).done_on is None
    grow.delete_milestone(ids[0])
    assert grow.goal(goal).progress == pytest.approx(1 / 2)


def test_pace_of_goals_through_the_service(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    goal = grow.add_goal("Course", gap, due=DUE, started_on=START)
    for percent, verdict in ((65, "on_track"), (64, "at_risk"), (50, "at_risk"), (49, "off_track")):
        view = grow.update_goal(goal, manual_percent=percent)
        assert view.pace is not None and view.pace.verdict == verdict, percent
        assert view.pace.expected == pytest.approx(0.75)
    assert grow.update_goal(goal, status="not_started").pace is None  # active goals only
    assert grow.goal(grow.add_goal("Open-ended", gap)).pace is None  # no due date, no pace


def test_overdue_goals_come_first_and_are_counted(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    later = grow.add_goal("Later", gap, due=dt.date(2026, 9, 1), started_on=START)
    undated = grow.add_goal("Whenever", gap)
    late = grow.add_goal("Late", gap, due=dt.date(2026, 5, 31), started_on=START)
    today = grow.add_goal("Due today", gap, due=TODAY, started_on=START)
    finished = grow.add_goal("Finished late", gap, due=dt.date(2026, 5, 10), started_on=START, status="done")
    assert [g.id for g in grow.goals()] == [late, finished, today, later, undated]
    assert [g.overdue for g in grow.goals()] == [True, False, False, False, False]
    summary = grow.summary()
    assert (summary.goals_active, summary.goals_done, summary.goals_overdue) == (4, 1, 1)


def test_goals_of_an_earlier_target_are_not_listed(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Old")
    grow.add_goal("Old goal", grow.add_gap("Old gap", "skill"))
    grow.set_target("New")
    assert grow.goals() == []
    assert grow.summary().goals_active == 0


def test_a_new_manual_percentage_is_kept_with_its_day(grow, db) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    goal = grow.add_goal("Course", grow.add_gap("SQL", "skill"))
    grow.update_goal(goal, manual_percent=30)
    grow.update_goal(goal, manual_percent=30)  # unchanged: no new row
    grow.update_goal(goal, title="Course, part 1")
    grow.update_goal(goal, manual_percent=45)
    conn = sqlite3.connect(db.path)
    try:
        rows = conn.execute("SELECT goal_id, day, percent FROM goal_progress ORDER BY id").fetchall()
    finally:
        conn.close()
    assert rows == [(goal, "2026-06-01", 30), (goal, "2026-06-01", 45)]
    assert grow.goal(goal).title == "Course, part 1"


def test_evidence_linked_via_a_goal_takes_the_goal_s_gap(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    sql, talks = grow.add_gap("SQL", "skill"), grow.add_gap("Talks", "visibility")
    goal = grow.add_goal("Course", sql)
    linked = grow.add_evidence("Shipped the warehouse", goal_id=goal, result="reports 3x faster")
    loose = grow.add_evidence("Mentored Sam", day=dt.date(2026, 5, 1), kind="collaboration_mentoring")
    spoke = grow.add_evidence("Spoke at the all-hands", gap_id=talks, day=dt.date(2026, 5, 20))
    first = grow.evidence()[0]
    assert (first.id, first.gap_id, first.goal_id, first.day, first.result) == (
        linked,
        sql,
        goal,
        TODAY,
        "reports 3x faster",
    )
    assert [e.id for e in grow.evidence()] == [linked, spoke, loose]  # newest first
    assert [e.id for e in grow.evidence(gap_id=sql)] == [linked]
    with pytest.raises(InvalidInput) as info:
        grow.add_evidence("Wrong gap", gap_id=talks, goal_id=goal)
    assert info.value.field == "gap"
    grow.delete_gap(sql)  # the goal goes with its gap; the evidence stays, unlinked
    kept = grow.evidence()[0]
    assert (kept.id, kept.gap_id, kept.goal_id) == (linked, None, None)
    grow.delete_evidence(loose)
    assert grow.summary().evidence_count == 2


def test_challenges_are_counted_in_the_summary(grow) -> None:  # type: ignore[no-untyped-def]
    lead = grow.add_challenge("Lead the Q3 migration", "Dana (boss)", asked_on=dt.date(2026, 4, 1))
    grow.add_challenge("Join the pricing team", "Dana (boss)", answer="no", asked_on=dt.date(2026, 5, 1))
    grow.add_challenge("Own the weekly review", "Lee")
    assert [c.answer for c in grow.challenges()] == ["pending", "no", "pending"]  # newest first
    assert grow.challenges()[1].answered_on == dt.date(2026, 5, 1)
    answered = grow.answer_challenge(lead, "yes")
    assert (answered.answer, answered.answered_on) == ("yes", TODAY)
    summary = grow.summary()
    assert (summary.challenges_asked, summary.challenges_granted) == (3, 1)
    assert summary.target_progress is None and summary.goals_active == 0


def test_updating_and_deleting_gaps_and_goals(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    view = grow.update_gap(
        gap, title="SQL modelling", kind="knowledge", good_looks_like="I review others' SQL"
    )
    assert (view.title, view.kind, view.good_looks_like) == (
        "SQL modelling",
        "knowledge",
        "I review others' SQL",
    )
    goal = grow.add_goal("Course", gap, started_on=START)
    assert grow.update_goal(goal, due=DUE).due == DUE
    grow.delete_goal(goal)
    assert grow.active_target().gaps[0].goals == ()  # type: ignore[union-attr]


def test_a_gap_needs_a_target(grow, db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        grow.add_gap("SQL", "skill")
    assert info.value.field == "target"
    assert counts(db)["gaps"] == 0


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda g, ids: g.set_target(""), "title"),
        (lambda g, ids: g.set_target("x" * 201), "title"),
        (lambda g, ids: g.add_gap("SQL", "charm"), "kind"),
        (lambda g, ids: g.add_gap("SQL", "skill", target_id=404), "target"),
        (lambda g, ids: g.update_gap(ids["gap"], colour="red"), "colour"),
        (lambda g, ids: g.add_goal("Course", ids["gap"], status="paused"), "status"),
        (lambda g, ids: g.add_goal("Course", 404), "gap"),
        (lambda g, ids: g.add_goal("Course", ids["gap"], due=dt.date(2026, 5, 1)), "due"),
        (lambda g, ids: g.update_goal(ids["goal"], manual_percent=101), "manual_percent"),
        (lambda g, ids: g.update_goal(ids["goal"], manual_percent=True), "manual_percent"),
        (lambda g, ids: g.update_goal(ids["goal"], title="ok", due=dt.date(2026, 1, 1)), "due"),
        (lambda g, ids: g.update_goal(404, title="ok"), "goal"),
        (lambda g, ids: g.add_milestone(ids["goal"], " "), "title"),
        (lambda g, ids: g.add_milestone(404, "Step"), "goal"),
        (lambda g, ids: g.set_milestone_done(404), "milestone"),
        (lambda g, ids: g.add_evidence(""), "text"),
        (lambda g, ids: g.add_evidence("Shipped", kind="bragging"), "kind"),
        (lambda g, ids: g.add_evidence("Shipped", goal_id=404), "goal"),
        (lambda g, ids: g.add_evidence("Shipped", gap_id=404), "gap"),
        (lambda g, ids: g.add_challenge("More", "Dana", answer="maybe"), "answer"),
        (lambda g, ids: g.add_challenge("More", ""), "asked_of"),
        (lambda g, ids: g.answer_challenge(404, "yes"), "challenge"),
        (lambda g, ids: g.delete_gap(404), "gap"),
        (lambda g, ids: g.goal(404), "goal"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(grow, db, call, field: str) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    ids = {"gap": gap, "goal": grow.add_goal("Course", gap, started_on=START)}
    before, target = counts(db), grow.active_target()
    with pytest.raises(InvalidInput) as info:
        call(grow, ids)
    assert info.value.field == field
    assert counts(db) == before and grow.active_target() == target


def test_a_gap_with_no_goal_counts_as_zero_and_the_basis_says_so(grow) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow.rules import progress_basis

    grow.set_target("Senior Analyst")
    assert grow.active_target().progress is None  # type: ignore[union-attr]  # no gap named: nothing to measure
    assert progress_basis(()) == "no gaps named yet, so nothing to measure"
    sql = grow.add_gap("SQL", "skill")
    assert grow.active_target().progress == 0.0  # type: ignore[union-attr]
    assert progress_basis(grow.active_target().gaps) == (  # type: ignore[union-attr]
        "its one gap, 'SQL', has no goal yet and counts as 0 %"
    )
    goal = grow.add_goal("Course", sql)
    for title in ("One", "Two", "Three"):
        grow.add_milestone(goal, title)
    grow.set_milestone_done(grow.goal(goal).milestones[0].id)
    assert progress_basis(grow.active_target().gaps) == "its one gap"  # type: ignore[union-attr]
    grow.add_gap("Stakeholder visibility", "visibility")
    target = grow.active_target()
    assert target is not None and target.progress == pytest.approx(1 / 6)  # (1/3 + 0) / 2, not 33 %
    assert progress_basis(target.gaps) == (
        "the mean of 2 gaps; 'Stakeholder visibility' has no goal yet and counts as 0 %"
    )
    grow.add_gap("Budgeting", "knowledge")
    dropped = grow.add_goal("Certificate", grow.add_gap("Talks", "visibility"), status="dropped")
    assert grow.goal(dropped).status == "dropped"
    assert progress_basis(grow.active_target().gaps) == (  # type: ignore[union-attr]
        "the mean of 4 gaps; 'Stakeholder visibility', 'Budgeting' and 'Talks' have no goal that counts yet "
        "and count as 0 %"
    )


def test_a_goal_already_under_way_is_entered_with_its_past_start(grow) -> None:  # type: ignore[no-untyped-def]
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    start, due = dt.date(2026, 3, 1), dt.date(2026, 5, 1)  # both before TODAY (2026-06-01)
    goal = grow.goal(grow.add_goal("Finish the course", gap, due=due, started_on=start))
    assert (goal.started_on, goal.due, goal.overdue) == (start, due, True)
    assert goal.pace is not None and goal.pace.verdict == "off_track" and goal.pace.expected == 1.0
    assert goal.pace.explanation.startswith("0 % done with 100 % of the time gone: off track")
    with pytest.raises(InvalidInput, match=r"^due: must be on or after the start, Sun 1 Mar 2026"):
        grow.add_goal("Backwards", gap, due=dt.date(2026, 2, 1), started_on=start)
    moved = grow.update_goal(goal.id, started_on=dt.date(2026, 1, 1))
    assert moved.started_on == dt.date(2026, 1, 1)
    with pytest.raises(InvalidInput, match=r"^due: must be on or after the start, Sat 1 Aug 2026"):
        grow.update_goal(goal.id, started_on=dt.date(2026, 8, 1))
    both = grow.update_goal(goal.id, started_on=dt.date(2026, 8, 1), due=dt.date(2026, 9, 1))
    assert (both.started_on, both.due, both.overdue) == (dt.date(2026, 8, 1), dt.date(2026, 9, 1), False)
    with pytest.raises(InvalidInput, match=r"^started_on"):
        grow.update_goal(goal.id, started_on=None)
