"""The Guidance service on a fixed clock (2026-06-01): agenda prefill, follow-ups, options, promotions."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from rutjournal.core import choices
from rutjournal.core.errors import InvalidInput
from rutjournal.core.guidance.service import (
    OPTION_LABELS,
    OPTION_QUESTIONS,
    OUTCOME_LABELS,
    OWNER_LABELS,
    ROLE_LABELS,
    Guidance,
)

TODAY = date(2026, 6, 1)
STAMP = "2026-01-01 00:00:00.000000"


@pytest.fixture
def guidance(db) -> Guidance:  # type: ignore[no-untyped-def]
    return Guidance(db, today=lambda: TODAY)


class GrowRows:
    """Grow's rows written with plain SQL, as another section would have left them."""

    def __init__(self, path: object) -> None:
        self.conn = sqlite3.connect(path)  # type: ignore[call-overload]

    def insert(self, table: str, **values: object) -> int:
        if table not in ("goal_progress",):
            values |= {"created_at": STAMP, "updated_at": STAMP}
        names = ", ".join(values)
        marks = ", ".join("?" * len(values))
        with self.conn:
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values())
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def target(self, title: str = "Senior Analyst", active: bool = True) -> int:
        return self.insert("targets", title=title, active=active)

    def gap(self, target: int, title: str, kind: str = "skill") -> int:
        return self.insert("gaps", target_id=target, title=title, kind=kind, good_looks_like="")

    def goal(
        self,
        gap: int,
        title: str,
        started: str = "2026-05-20",
        due: str | None = None,
        status: str = "active",
    ) -> int:
        return self.insert("goals", gap_id=gap, title=title, started_on=started, due=due, status=status)


@pytest.fixture
def grow(db):  # type: ignore[no-untyped-def]
    rows = GrowRows(db.path)
    yield rows
    rows.conn.close()


def count(db, table: str) -> int:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db.path)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_allowed_values_match_the_database() -> None:
    assert tuple(ROLE_LABELS) == choices.ROLES
    assert tuple(OPTION_LABELS) == choices.OPTION_KINDS
    assert tuple(OWNER_LABELS) == choices.OWNERS
    assert tuple(OUTCOME_LABELS) == choices.OUTCOMES
    assert ROLE_LABELS["skip_level"] == "Skip-level" and OPTION_LABELS["lateral_move"] == "Lateral move"


def test_with_no_target_the_agenda_asks_about_options(guidance) -> None:  # type: ignore[no-untyped-def]
    agenda = guidance.prefill_agenda()
    assert agenda.splitlines() == [f"- {q}" for q in OPTION_QUESTIONS]
    assert "lateral move" in agenda and "reimburse" in agenda


def test_open_gaps_become_questions_and_a_closed_gap_does_not(guidance, grow) -> None:  # type: ignore[no-untyped-def]
    old = grow.target("Analyst II", active=False)
    grow.gap(old, "Excel")  # an earlier target's gaps are history
    target = grow.target()
    grow.gap(target, "SQL")  # no goals yet: open
    people = grow.gap(target, "Stakeholder management", kind="experience")
    grow.goal(people, "Run the Q3 review", status="done")
    grow.goal(people, "Present to the board")  # one goal not done: open
    closed = grow.gap(target, "Statistics", kind="knowledge")
    grow.goal(closed, "Course", status="done")
    grow.goal(closed, "Second course", status="dropped")  # dropped goals don't keep a gap open
    assert guidance.prefill_agenda().splitlines() == [
        "- What would closing my skill gap — SQL — take here? Who does it well?",
        "- What would closing my experience gap — Stakeholder management — take here? Who does it well?",
    ]


def test_a_target_whose_gaps_are_all_closed_gets_the_option_questions(guidance, grow) -> None:  # type: ignore[no-untyped-def]
    gap = grow.gap(grow.target(), "SQL")
    grow.goal(gap, "Course", status="done")
    assert guidance.prefill_agenda().splitlines() == [f"- {q}" for q in OPTION_QUESTIONS]


def test_an_overdue_goal_is_stalled(guidance, grow) -> None:  # type: ignore[no-untyped-def]
    gap = grow.gap(grow.target(), "SQL")
    grow.goal(gap, "Finish the SQL course", due="2026-05-31")
    grow.goal(gap, "Due today is not overdue", due="2026-06-01")
    grow.goal(gap, "Done late is not stalled", due="2026-01-01", status="done")
    lines = guidance.prefill_agenda().splitlines()
    assert lines[1:] == [
        "- Finish the SQL course was due on Sun 31 May 2026 and is not done yet: what is in the way, and can you help?"
    ]


def test_thirty_days_without_progress_is_stalled(guidance, grow) -> None:  # type: ignore[no-untyped-def]
    gap = grow.gap(grow.target(), "Public speaking", kind="visibility")
    quiet = grow.goal(gap, "Give a lunch talk", started="2026-03-01", status="not_started")
    grow.insert("milestones", goal_id=quiet, title="Pick a topic", position=0, done_on="2026-04-10")
    grow.goal(gap, "Started too recently", started="2026-05-03")
    recent = grow.goal(gap, "Write the blog post", started="2026-01-01")
    grow.insert("milestones", goal_id=recent, title="Outline", position=0, done_on="2026-05-02")
    manual = grow.goal(gap, "Toastmasters", started="2026-01-01")
    grow.insert("goal_progress", goal_id=manual, day="2026-05-20", percent=40)
    never = grow.goal(gap, "Meetup talk", started="2026-05-02")
    assert never
    lines = guidance.prefill_agenda().splitlines()
    assert lines[1:] == [
        "- Give a lunch talk has stalled since Fri 10 Apr 2026: what is in the way, and can you help?",
        "- Meetup talk has stalled since Sat 2 May 2026: what is in the way, and can you help?",
    ]


def test_a_new_conversation_gets_the_prefilled_agenda_unless_one_is_given(guidance, grow) -> None:  # type: ignore[no-untyped-def]
    grow.gap(grow.target(), "SQL")
    first = guidance.add_conversation(date(2026, 6, 10), " Dana ", "boss")
    second = guidance.add_conversation(date(2026, 5, 1), "Kim", "hr", held=True, agenda="", notes="n")
    view = guidance.conversation(first)
    assert (view.with_name, view.role, view.held, view.agenda) == (
        "Dana",
        "boss",
        False,
        guidance.prefill_agenda(),
    )
    assert guidance.conversation(second).agenda == ""
    updated = guidance.update_conversation(second, held=False, outcome="Try again in Q4", role="skip_level")
    assert (updated.held, updated.outcome, updated.role, updated.notes) == (
        False,
        "Try again in Q4",
        "skip_level",
        "n",
    )


def test_conversations_are_listed_newest_first_with_options(guidance) -> None:  # type: ignore[no-untyped-def]
    past = guidance.add_conversation(date(2026, 5, 1), "Dana", "boss", held=True)
    planned = guidance.add_conversation(date(2026, 6, 15), "Lee", "mentor")
    middle = guidance.add_conversation(date(2026, 5, 20), "Kim", "hr", held=True)
    assert [c.id for c in guidance.conversations()] == [planned, middle, past]
    lateral = guidance.add_option(past, "lateral_move", "Data platform team has an opening")
    seminar = guidance.add_option(past, "seminar")
    assert [(o.kind, o.said) for o in guidance.conversation(past).options] == [
        ("lateral_move", "Data platform team has an opening"),
        ("seminar", ""),
    ]
    guidance.delete_option(lateral)
    assert [o.id for o in guidance.conversation(past).options] == [seminar]
    assert guidance.conversation(middle).options == ()


def test_followups_overdue_first_then_by_due_with_who_owes_them(guidance) -> None:  # type: ignore[no-untyped-def]
    dana = guidance.add_conversation(date(2026, 5, 1), "Dana", "boss", held=True)
    kim = guidance.add_conversation(date(2026, 5, 10), "Kim", "hr", held=True)
    later = guidance.add_followup(dana, "Send the course budget", "them", due=date(2026, 6, 20))
    undated = guidance.add_followup(kim, "Read the ladder doc", "me")
    due_today = guidance.add_followup(kim, "Ask Lee about the opening", "me", due=TODAY)
    late_mine = guidance.add_followup(dana, "Draft my case", "me", due=date(2026, 5, 25))
    late_theirs = guidance.add_followup(kim, "Confirm the programme seat", "them", due=date(2026, 5, 15))
    done = guidance.add_followup(dana, "Book the room", "me", due=date(2026, 5, 2))
    guidance.set_followup_done(done, on=date(2026, 5, 2))
    assert [f.id for f in guidance.open_followups()] == [late_theirs, late_mine, due_today, later, undated]
    overdue = guidance.overdue_followups()
    assert [(f.owner, f.with_name, f.overdue) for f in overdue] == [
        ("them", "Kim", True),
        ("me", "Dana", True),
    ]
    assert not guidance.conversation(kim).followups[1].overdue  # due today is not overdue yet
    ticked = guidance.set_followup_done(late_mine)
    assert (ticked.done_on, ticked.overdue) == (TODAY, False)
    assert guidance.set_followup_done(late_mine, done=False).overdue
    guidance.delete_followup(undated)
    assert undated not in [f.id for f in guidance.open_followups()]


def test_promotions_refused_with_a_reason_newest_first(guidance) -> None:  # type: ignore[no-untyped-def]
    refused = guidance.add_promotion(
        date(2026, 3, 1), "refused", reason=" No budget this year ", role_title="Senior Analyst"
    )
    pending = guidance.add_promotion(date(2026, 5, 1), "pending", reason="  ")
    assert [(p.id, p.outcome, p.reason, p.role_title) for p in guidance.promotions()] == [
        (pending, "pending", None, None),
        (refused, "refused", "No budget this year", "Senior Analyst"),
    ]
    granted = guidance.update_promotion(pending, outcome="granted", role_title="Senior Analyst")
    assert (granted.outcome, granted.role_title, granted.day) == (
        "granted",
        "Senior Analyst",
        date(2026, 5, 1),
    )


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda g: g.add_conversation(TODAY, "", "boss"), "name"),
        (lambda g: g.add_conversation(TODAY, "x" * 201, "boss"), "name"),
        (lambda g: g.add_conversation(TODAY, "Dana", "friend"), "role"),
        (lambda g: g.add_conversation("2026-06-01", "Dana", "boss"), "date"),
        (lambda g: g.add_conversation(TODAY, "Dana", "boss", held="yes"), "held"),
        (lambda g: g.add_option(1, "raise"), "option"),
        (lambda g: g.add_option(404, "seminar"), "conversation"),
        (lambda g: g.add_followup(1, "  ", "me"), "text"),
        (lambda g: g.add_followup(1, "Ask", "boss"), "owner"),
        (lambda g: g.add_followup(404, "Ask", "me"), "conversation"),
        (lambda g: g.add_followup(1, "Ask", "me", due="soon"), "due"),
        (lambda g: g.add_promotion(TODAY, "maybe"), "outcome"),
        (lambda g: g.add_promotion(TODAY, "refused", role_title="x" * 201), "role"),
        (lambda g: g.update_conversation(1, mood=3), "mood"),
        (lambda g: g.update_conversation(404, notes="x"), "conversation"),
        (lambda g: g.update_promotion(404, outcome="granted"), "promotion"),
        (lambda g: g.set_followup_done(404), "follow-up"),
        (lambda g: g.conversation(404), "conversation"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(guidance, db, call, field: str) -> None:  # type: ignore[no-untyped-def]
    conversation = guidance.add_conversation(TODAY, "Dana", "boss", agenda="")
    assert conversation == 1
    with pytest.raises(InvalidInput) as info:
        call(guidance)
    assert info.value.field == field
    tables = ("conversations", "conversation_options", "followups", "promotions")
    assert [count(db, t) for t in tables] == [1, 0, 0, 0]
    assert guidance.conversation(1).notes == ""


def test_unknown_ids_name_what_was_expected(guidance) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="the id of an existing conversation") as info:
        guidance.delete_conversation(7)
    assert info.value.value == 7
    with pytest.raises(InvalidInput, match="option"):
        guidance.delete_option(7)
    with pytest.raises(InvalidInput, match="follow-up"):
        guidance.delete_followup(7)


def test_deleting_a_conversation_deletes_its_options_and_followups(guidance, db) -> None:  # type: ignore[no-untyped-def]
    keep = guidance.add_conversation(date(2026, 5, 1), "Kim", "hr")
    gone = guidance.add_conversation(date(2026, 5, 2), "Dana", "boss")
    guidance.add_option(gone, "cross_training", "Two weeks with the platform team")
    guidance.add_followup(gone, "Send the plan", "me", due=date(2026, 5, 9))
    kept = guidance.add_followup(keep, "Check the policy", "them")
    guidance.delete_conversation(gone)
    assert [c.id for c in guidance.conversations()] == [keep]
    assert (count(db, "conversation_options"), count(db, "followups")) == (0, 1)
    assert [f.id for f in guidance.open_followups()] == [kept]
