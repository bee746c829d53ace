"""Crossroads read as a coach would read five people built from data — bored, overloaded, stuck, thriving, and
thriving with one bad week — on a fixed clock, every day of the last 90 scored, expectations worked by hand.

TODAY is Thu 26 Nov 2026: the last 30 days run from Wed 28 Oct (i = 29 days back) to today (i = 0), and the
last reading is the one as of Tue 27 Oct 2026, whose 30 days are i = 30 … 59.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from rutjournal.core.crossroads.rules import GOOD_FAITH, RULES
from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.crossroads.steps import headline

TODAY = dt.date(2026, 11, 26)
KEYS = ["room", "options", "learning", "dread", "followups", "recognition", "energy", "recommend"]
Day = tuple[int, int, int, float, int]  # mood, energy, challenge, hours, load


def fill(db, scores: Callable[[int], Day]) -> None:  # type: ignore[no-untyped-def]
    """Every day of the last 90 (i days back from TODAY) with the scores ``scores(i)``."""
    with db.reader() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
            "VALUES (?, '', ?, ?, ?, ?, ?, 'x', 'x')",
            [((TODAY - dt.timedelta(days=i)).isoformat(), *scores(i)) for i in range(90)],
        )


def answers(score: int, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(KEYS, score), "dread": 6 - score, **overrides}


def check_in_twice(crossroads: Crossroads, **overrides: int) -> None:
    """A check-in last month (33 days ago, before the last reading) and one this month, the same answers."""
    crossroads.save_checkin(TODAY - dt.timedelta(days=33), answers(3, **overrides))
    crossroads.save_checkin(TODAY - dt.timedelta(days=3), answers(3, **overrides))


@pytest.fixture
def crossroads(db):  # type: ignore[no-untyped-def]
    return Crossroads(db, today=lambda: TODAY)


def by_key(crossroads: Crossroads):  # type: ignore[no-untyped-def]
    return {s.key: s for s in crossroads.signals()}


def test_bored_for_a_quarter_is_told_to_find_new_challenges_not_to_stay(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    fill(db, lambda i: (3, 3, 1, 8.0, 2))  # challenge 1 every day for three months, all else fine
    check_in_twice(crossroads, learning=1)
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert headline(verdict.verdict, verdict.steps) == "Push — find new challenges."
    [step] = verdict.steps
    assert (step.key, step.section, step.signals) == ("challenge", "grow", ["challenge_level", "learning"])
    assert step.reasons == [
        "Challenge level: 1 over the last 30 days (30 days) — a 30-day challenge of 2 or less calls for new "
        "challenges.",
        "Still learning: 1 / 5 (same as Sat 24 Oct 2026) — an answer of 2 or less calls for new challenges.",
    ]
    assert "ask for more responsibility" in step.action and "Grow" in step.action
    assert GOOD_FAITH not in verdict.reasons  # nothing points to leaving: no talk of it
    assert verdict.changes == [
        "The same verdict as on Tue 27 Oct 2026, 30 days ago: push (find new challenges)."
    ]


def test_overloaded_is_told_to_lighten_the_load_with_the_hours_pending_decisions_would_free(
    db, crossroads
) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    # a crunch: the last 24 days at 11 hours and load 5, the 6 days before at 8 h and load 3; energy 2 this
    # month, 3 before. Hours: (24 × 11 + 6 × 8) / 30 = 10.4 a day, 52 h in a five-day week; without the
    # highest week (7 days of 11 h) (17 × 11 + 6 × 8) / 23 = 10.2 → 51.1 h: still past 45. Load: (24 × 5 +
    # 6 × 3) / 30 = 4.6; without its highest week 103 / 23 = 4.5: still past 4.
    fill(db, lambda i: (3, 2, 3, 11.0, 5) if i < 24 else (3, 2 if i < 30 else 3, 3, 8.0, 3))
    check_in_twice(crossroads)
    load = Load(db)
    load.add("Core analysis", minutes_per_week=30 * 60, in_jd="yes")
    load.add("Office admin", minutes_per_week=12 * 60, in_jd="no")
    report = load.add("Status report", minutes_per_week=6 * 60, in_jd="partly")
    load.decide(report, "delegate", to="Sam")
    load.add("Weekly sync", kind="meeting", minutes_per_week=5 * 60, in_jd="partly")

    signals = by_key(crossroads)
    assert signals["hours_worked"].value == (
        "52 h in a five-day week (10.4 h a day, 30 days worked in the last 30), 12 h above the 40-hour line"
    )
    assert (signals["hours_worked"].number, signals["hours_worked"].steady) == (52.0, 51.1)
    # 12 of the 53 h on the plate are outside the job description: 23 %, under the line of 25 %
    assert signals["outside_jd"].value == "23 % of the 53 h/week on your plate (12 h/week); 21 % partly in it"
    assert signals["outside_jd"].direction == "steady"

    verdict = crossroads.verdict()
    assert headline(verdict.verdict, verdict.steps) == "Push — lighten your load."
    [step] = verdict.steps
    assert (step.key, step.section) == ("load", "load")
    assert step.signals == ["hours_worked", "load_level", "energy", "hours"]  # naming signals first
    assert step.reasons[1] == (
        "Perceived load: 4.6 over the last 30 days (30 days) — a 30-day load of 4 or more calls for a lighter "
        "load."
    )
    assert step.reasons[2] == (
        "Energy level: 2 over the last 30 days (30 days) — a 30-day energy of 2 or less adds to it."
    )
    assert step.action == (
        "Your pending decisions would free 6 h/week: carry them out and mark them done in Load. 3 tasks still "
        "wait for a decision. 12 h/week on your plate is outside your job description: hand it back, or ask "
        "for a temp for the orphaned admin work."
    )
    # 30 days ago the same person read as stay: what changed is said in numbers
    assert verdict.since == dt.date(2026, 10, 27)
    assert verdict.changes == [
        "On Tue 27 Oct 2026, 30 days ago, the verdict was stay; now it is push (lighten your load).",
        "Hours in a five-day week rose from 40 h to 52 h.",
        "Load over the last 30 days rose from 3 to 4.6.",
        "Energy over the last 30 days fell from 3 to 2.",
    ]


def test_stuck_with_no_next_step_is_told_to_ask_for_guidance_first_and_never_to_leave_yet(
    db, crossroads
) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.guidance.service import Guidance

    fill(db, lambda i: (3, 3, 3, 8.0, 3))  # nothing wrong with the days themselves
    crossroads.save_checkin(TODAY - dt.timedelta(days=33), answers(3))
    crossroads.save_checkin(TODAY - dt.timedelta(days=3), answers(3, room=2, options=2))
    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Senior Analyst")
    grow.add_goal("SQL course", grow.add_gap("SQL", "skill"), started_on=TODAY - dt.timedelta(days=60))
    guidance = Guidance(db, today=lambda: TODAY)
    guidance.add_promotion(TODAY - dt.timedelta(days=20), "refused", reason="no budget")

    verdict = crossroads.verdict()
    # three strong signals (room, options, the refused promotion) and no conversation held: good faith first
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push-good-faith"])
    assert headline(verdict.verdict, verdict.steps) == "Push — ask for guidance."
    [step] = verdict.steps
    assert step.signals == ["room", "options", "promotion", "goals"]  # the stalled goal adds to it
    assert step.reasons[0] == (
        "Room to advance: 2 / 5 (was 3 on Sat 24 Oct 2026) — an answer of 2 or less calls for asking what "
        "else there is; it also counts toward leaving."
    )
    assert step.action.endswith(
        "You have not held one yet; it is also the good-faith effort to make before leaving."
    )
    assert verdict.reasons[-1] == GOOD_FAITH

    guidance.add_conversation(TODAY - dt.timedelta(days=2), "Dana", "boss", held=True)
    after = crossroads.verdict()
    assert after.verdict == "leave"  # the effort was made, and the signals stand
    assert [(s.key, s.section) for s in after.steps] == [("leave", "tracker")]


def test_thriving_is_told_to_stay_and_why_no_step_is_called_for(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.guidance.service import Guidance

    fill(db, lambda i: (4, 4, 4, 8.0, 3))
    check_in_twice(crossroads, room=4, options=4, learning=4)
    Guidance(db, today=lambda: TODAY).add_conversation(
        TODAY - dt.timedelta(days=40), "Dana", "boss", held=True
    )
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.steps) == ("stay", [])
    assert headline(verdict.verdict, verdict.steps) == "Stay — no step is called for."
    assert verdict.reasons[:4] == [
        "0 of the 6 strong signals point to leaving.",
        "Find new challenges — not called for: challenge level 4 (counts at 2 or less), still learning 4 / 5 "
        "(counts at 2 or less).",
        "Lighten your load — not called for: hours worked 40 h (counts at 45 h or more), perceived load 3 "
        "(counts at 4 or more), outside your job description not known yet.",
        "Ask for guidance — not called for: room to advance 4 / 5 (counts at 2 or less), options match your "
        "goals 4 / 5 (counts at 2 or less), refused promotions not known yet, employer follow-ups undone not "
        "known yet.",
    ]
    assert verdict.changes == ["The same verdict as on Tue 27 Oct 2026, 30 days ago: stay."]


@pytest.mark.parametrize(
    "first", [0, 10, 23]
)  # the bad week: the last 7 days, mid-month, or the month's start
def test_one_bad_week_in_a_good_quarter_does_not_flip_the_verdict(db, crossroads, first: int) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.guidance.service import Guidance

    def day(i: int) -> Day:
        return (1, 1, 1, 13.0, 5) if first <= i < first + 7 else (4, 4, 4, 8.0, 3)

    fill(db, day)
    check_in_twice(crossroads, room=4, options=4, learning=4)
    Guidance(db, today=lambda: TODAY).add_conversation(
        TODAY - dt.timedelta(days=40), "Dana", "boss", held=True
    )
    signals = by_key(crossroads)
    # mood: (23 × 4 + 7 × 1) / 30 = 3.3 against 4 (−0.7), but ±0 without that week: one week, not a trend
    mood = signals["mood"]
    assert (mood.direction, mood.number, mood.steady) == ("steady", -0.7, 0.0)
    assert mood.value.endswith(": one week, not a trend")
    assert signals["challenge"].direction == "steady"
    # hours: (23 × 8 + 7 × 13) / 30 = 9.17 a day, 45.8 h past the line of 45, but 40 h without that week
    hours = signals["hours_worked"]
    assert (hours.number, hours.steady, hours.direction) == (45.8, 40.0, "steady")
    assert hours.value.endswith(": one week, not the month")
    assert signals["load_level"].number == 3.5  # (23 × 3 + 7 × 5) / 30 = 3.47
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.steps) == ("stay", [])
    assert verdict.changes == ["The same verdict as on Tue 27 Oct 2026, 30 days ago: stay."]


@pytest.mark.parametrize(("better", "named"), [(3, True), (4, False)])
def test_a_month_of_boredom_ends_only_past_the_release_line(db, crossroads, better: int, named: bool) -> None:  # type: ignore[no-untyped-def]
    # challenge 2 with a 1 every fifth day before (30 days: 1.8, bored), then 2 with a ``better`` every fifth
    # day: (24 × 2 + 6 × 3) / 30 = 2.2 (past the line of 2, short of the release at 2.3), or 2.4 (past it)
    fill(db, lambda i: (3, 3, (better if i < 30 else 1) if i % 5 == 0 else 2, 8.0, 3))
    check_in_twice(crossroads)
    verdict = crossroads.verdict()
    if named:
        [step] = verdict.steps
        assert step.reasons == [
            "Challenge level: 2.2 over the last 30 days (30 days) — it still calls for new challenges: it was 2 "
            "or less on Tue 27 Oct 2026, and counts until it is back at 2.3 or more."
        ]
        assert verdict.changes == [
            "The same verdict as on Tue 27 Oct 2026, 30 days ago: push (find new challenges).",
            "Challenge over the last 30 days rose from 1.8 to 2.2.",  # no longer a bad sign, still counted
        ]
    else:
        assert (verdict.verdict, verdict.steps) == ("stay", [])
        assert verdict.changes == [
            "On Tue 27 Oct 2026, 30 days ago, the verdict was push (find new challenges); now it is stay.",
            "Challenge over the last 30 days rose from 1.8 to 2.4.",
        ]


def test_a_share_outside_the_job_description_calls_for_a_lighter_load(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    fill(db, lambda i: (4, 4, 4, 8.0, 3))
    check_in_twice(crossroads, room=4, options=4, learning=4)
    load = Load(db)
    load.add("Core analysis", minutes_per_week=30 * 60, in_jd="yes")
    load.add("Office admin", minutes_per_week=10 * 60, in_jd="no")  # 10 of 40 h: 25 %
    verdict = crossroads.verdict()
    [step] = verdict.steps
    assert (step.key, step.signals) == ("load", ["outside_jd"])
    assert step.reasons == [
        "Outside your job description: 25 % of the 40 h/week on your plate (10 h/week) — 25 % or more outside "
        "your job description calls for a lighter load."
    ]
    assert step.action.startswith("No decision is pending yet: Hand off first in Load ranks your 2 undecided")
