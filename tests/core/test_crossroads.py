"""Crossroads: the check-in, the signals and the verdict, on a fixed clock with hand-computed expectations."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.crossroads import Crossroads
from rutjournal.core.crossroads_rules import (
    GOOD_FAITH,
    RULES,
    Signal,
    check_answers,
    checkin_mean,
    decide,
    load_questions,
    monday_dread,
    parse_questions,
    trend,
)
from rutjournal.core.errors import InvalidInput

TODAY = dt.date(2026, 11, 26)  # a Thursday
KEYS = ["room", "options", "learning", "dread", "followups", "recognition", "energy", "recommend"]


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def everything(score: int, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(KEYS, score), **overrides}


@pytest.fixture
def crossroads(db):  # type: ignore[no-untyped-def]
    return Crossroads(db, today=lambda: TODAY)


def add_entries(db, days: dict[dt.date, tuple[int | None, int | None]]) -> None:  # type: ignore[no-untyped-def]
    with db.reader() as conn:
        conn.executemany(
            "INSERT INTO entries (day, body, mood, challenge, created_at, updated_at) VALUES (?, '', ?, ?, 'x', 'x')",
            [(day.isoformat(), mood, challenge) for day, (mood, challenge) in days.items()],
        )


# -- questions and check-ins -----------------------------------------------------------------------------------
def test_the_questions_file_has_eight_questions_and_dread_is_reverse_scored() -> None:
    questions = load_questions()
    assert [q.key for q in questions] == KEYS
    assert [q.key for q in questions if q.reverse] == ["dread"]
    assert all(q.text and "…" in q.anchors for q in questions)


def test_a_malformed_questions_line_is_refused() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_questions("# comment\nroom | only two parts\n")
    with pytest.raises(ValueError, match="different"):
        parse_questions("a | x | y\na | x | y\n")


def test_the_mean_turns_reverse_scored_answers_round() -> None:
    questions = load_questions()
    # seven answers of 4, dread 2 → counted as 6 - 2 = 4: mean 4.0
    assert checkin_mean(questions, everything(4, dread=2)) == 4.0
    # seven answers of 3, dread 5 → counted as 1: (21 + 1) / 8 = 2.75
    assert checkin_mean(questions, everything(3, dread=5)) == 2.75


def test_every_question_must_be_answered_with_1_to_5(crossroads) -> None:  # type: ignore[no-untyped-def]
    partial = everything(3)
    del partial["energy"], partial["room"]
    with pytest.raises(InvalidInput, match="missing: room, energy"):
        crossroads.save_checkin(TODAY, partial)
    with pytest.raises(InvalidInput, match="1 to 5"):
        crossroads.save_checkin(TODAY, everything(3, energy=6))
    with pytest.raises(InvalidInput, match="1 to 5"):
        crossroads.save_checkin(TODAY, everything(3, energy=0))
    with pytest.raises(InvalidInput, match="mojo"):
        crossroads.save_checkin(TODAY, {**everything(3), "mojo": 3})
    with pytest.raises(InvalidInput):
        check_answers(load_questions(), everything(3, room=True))
    assert crossroads.checkins() == []  # nothing was written


def test_one_checkin_a_day_the_second_replaces_the_first(crossroads) -> None:  # type: ignore[no-untyped-def]
    first = crossroads.save_checkin(d(11, 2), everything(2), "bad week")
    again = crossroads.save_checkin(d(11, 2), everything(4, dread=1), "better after all")
    assert again == first
    [only] = crossroads.checkins()
    assert (only.day, only.note, only.answers) == (d(11, 2), "better after all", everything(4, dread=1))


def test_checkins_come_newest_first(crossroads) -> None:  # type: ignore[no-untyped-def]
    crossroads.save_checkin(d(10, 1), everything(3))
    crossroads.save_checkin(d(11, 2), everything(4))
    assert [c.day for c in crossroads.checkins()] == [d(11, 2), d(10, 1)]


def test_a_checkin_is_due_when_none_was_made_this_calendar_month(crossroads) -> None:  # type: ignore[no-untyped-def]
    assert crossroads.due()
    crossroads.save_checkin(d(10, 31), everything(3))
    assert crossroads.due()  # last month's does not count
    crossroads.save_checkin(d(11, 1), everything(3))
    assert not crossroads.due()
    assert not Crossroads(crossroads.db, today=lambda: d(11, 30)).due()
    assert Crossroads(crossroads.db, today=lambda: d(12, 1)).due()


# -- applications ----------------------------------------------------------------------------------------------
def test_applications_and_their_count_by_stage(crossroads) -> None:  # type: ignore[no-untyped-def]
    a = crossroads.add_application("Acme", "Senior Analyst")
    b = crossroads.add_application("Globex", "Lead Analyst", stage="applied")
    crossroads.add_application("Initech", "Data Scientist", stage="applied", applied_on=d(11, 20))
    assert crossroads.counts_by_stage() == {
        "idea": 1,
        "applied": 2,
        "interview": 0,
        "offer": 0,
        "rejected": 0,
        "withdrawn": 0,
    }
    views = crossroads.applications()
    assert [(v.id, v.stage, v.applied_on) for v in views] == [
        (a, "idea", None),
        (b, "applied", TODAY),
        (3, "applied", d(11, 20)),
    ]
    later = Crossroads(crossroads.db, today=lambda: d(12, 3))
    moved = later.update_application(a, stage="interview")
    assert (moved.stage, moved.applied_on, moved.updated_on) == ("interview", d(12, 3), d(12, 3))
    assert later.counts_by_stage()["interview"] == 1


@pytest.mark.parametrize(
    ("company", "role", "stage"),
    [("", "Analyst", "idea"), ("Acme", " ", "idea"), ("Acme", "Analyst", "ghosted")],
)
def test_bad_applications_are_refused_before_writing(crossroads, company, role, stage) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        crossroads.add_application(company, role, stage=stage)
    assert crossroads.applications() == []
    with pytest.raises(InvalidInput, match="existing application"):
        crossroads.update_application(99, stage="offer")


# -- the arithmetic behind the signals ---------------------------------------------------------------------------
def test_trend_compares_the_last_30_days_with_the_30_before() -> None:
    # recent span: 2026-10-28 … 2026-11-26; earlier span: 2026-09-28 … 2026-10-27
    scores = {d(11, 20 + i): 2 for i in range(5)} | {d(10, 1 + i): 4 for i in range(4)} | {d(10, 27): 5}
    assert trend(scores, TODAY) == (2.0, (4 * 4 + 5) / 5)
    scores[d(9, 27)] = 1  # outside both spans: ignored
    assert trend(scores, TODAY) == (2.0, 4.2)
    del scores[d(10, 27)]
    assert trend(scores, TODAY) is None  # only 4 scored days before


def test_monday_dread_is_the_gap_below_tuesday_to_friday() -> None:
    mondays = {d(11, 2): 2, d(11, 9): 1, d(11, 16): 2, d(11, 23): 3}  # mean 2.0
    others = {d(11, 3 + i): 4 for i in range(4)} | {d(11, 10 + i): 3 for i in range(4)}  # mean 3.5
    weekend = {d(11, 7): 1, d(11, 8): 1}  # Saturdays and Sundays do not count
    assert monday_dread(mondays | others | weekend, TODAY) == 1.5
    del mondays[d(11, 23)]
    assert monday_dread(mondays | others, TODAY) is None  # 3 Mondays: too few
    assert monday_dread({**others, d(8, 24): 1} | mondays, TODAY) is None  # 2026-08-24 is before the 90 days


# -- the verdict -------------------------------------------------------------------------------------------------
def sig(key: str, direction: str, number: float | None = None) -> Signal:
    return Signal(key, key.replace("_", " ").title(), "v", direction, "because", number)


HELD = sig("guidance", "steady", 1)
NOT_HELD = sig("guidance", "unknown", 0)
THREE_STRONG = [sig("promotion", "worse", 1), sig("followups", "worse", 2), sig("room", "worse", 2)]


def test_three_strong_signals_and_a_conversation_held_mean_leave() -> None:
    verdict = decide([*THREE_STRONG, sig("mood", "steady", 0.0), HELD])
    assert verdict.verdict == "leave"
    assert verdict.rule == RULES["leave"]
    assert verdict.reasons[0] == "3 of the 6 strong signals point to leaving: promotion, followups, room."
    assert GOOD_FAITH not in verdict.reasons


@pytest.mark.parametrize("guidance", [[NOT_HELD], []])
def test_leave_is_never_the_verdict_before_a_conversation_is_held(guidance: list[Signal]) -> None:
    signals = [*THREE_STRONG, sig("options", "worse", 1), sig("mood", "worse", -1.0), *guidance]
    verdict = decide(signals)
    assert verdict.verdict == "push"
    assert verdict.rule == RULES["push-good-faith"]
    assert verdict.reasons[-1] == GOOD_FAITH
    assert "You have not held a guidance conversation yet." in verdict.reasons


def test_fewer_than_three_strong_signals_mean_push() -> None:
    signals = [sig("mood", "worse", -0.5), sig("monday_dread", "worse", 1.0), sig("room", "steady", 3), HELD]
    verdict = decide(signals)
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.reasons[0] == "2 of the 6 strong signals point to leaving: mood, monday dread."
    assert GOOD_FAITH not in verdict.reasons


def test_one_strong_signal_is_enough_to_push_and_the_good_faith_line_shows_with_no_conversation() -> None:
    verdict = decide([sig("options", "worse", 2), sig("checkin", "better", 4.0)])
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert GOOD_FAITH in verdict.reasons


def test_two_ordinary_worse_signals_mean_push() -> None:
    verdict = decide(
        [sig("goals", "worse", 2), sig("hours", "worse", 0), sig("checkin", "better", 4.0), HELD]
    )
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.reasons[0] == "0 of the 6 strong signals point to leaving."


@pytest.mark.parametrize(
    "near_misses",
    [
        [sig("room", "steady", 3), sig("options", "steady", 3)],  # 3 is not "≤ 2"
        [sig("monday_dread", "worse", 0.99)],  # worse, but below the strong line of 1.0
        [sig("promotion", "steady", 0), sig("followups", "better", 0)],
    ],
)
def test_mostly_better_or_steady_means_stay(near_misses: list[Signal]) -> None:
    signals = [*near_misses, sig("mood", "better", 0.5), sig("challenge", "steady", 0.0), HELD]
    verdict = decide(signals)
    assert (verdict.verdict, verdict.rule) == ("stay", RULES["stay"])
    worse = sum(s.direction == "worse" for s in near_misses)
    known = len(near_misses) - worse + 2  # mood and challenge; the guidance signal is not counted
    assert verdict.reasons[0] == f"{known} signals better or steady, {worse} getting worse."


def test_with_no_data_at_all_the_verdict_is_stay_and_says_why() -> None:
    verdict = decide([sig("mood", "unknown"), sig("checkin", "unknown"), NOT_HELD])
    assert verdict.verdict == "stay"
    assert verdict.reasons == [
        "Not enough data yet to see a problem: keep writing daily and answer the monthly check-in."
    ]


# -- signals from the journal ------------------------------------------------------------------------------------
def test_an_empty_journal_gives_not_enough_data_everywhere(crossroads) -> None:  # type: ignore[no-untyped-def]
    signals = crossroads.signals()
    assert [s.key for s in signals] == [
        "checkin",
        "room",
        "options",
        "mood",
        "challenge",
        "monday_dread",
        "goals",
        "promotion",
        "followups",
        "hours",
        "guidance",
    ]
    for s in signals[:-1]:
        assert s.value.startswith("not enough data"), s
        assert (s.direction, s.number) == ("unknown", None)
        assert s.why.endswith(".")
    assert (signals[-1].value, signals[-1].number) == ("none yet", 0.0)
    assert crossroads.verdict().verdict == "stay"


def test_checkin_signals_compare_the_latest_with_the_previous(crossroads) -> None:  # type: ignore[no-untyped-def]
    crossroads.save_checkin(d(10, 1), everything(4, dread=2))  # mean 4.0
    first = {s.key: s for s in crossroads.signals()}
    assert first["checkin"].value == "4.00 / 5 (first check-in, nothing to compare)"
    assert first["checkin"].direction == "unknown"
    crossroads.save_checkin(d(11, 2), everything(3, room=2, dread=3))  # (2 + 6 * 3 + 3) / 8 = 2.875
    by_key = {s.key: s for s in crossroads.signals()}
    assert by_key["checkin"].value == "2.88 / 5 (−1.12 since 2026-10-01)"
    assert (by_key["checkin"].direction, by_key["checkin"].number) == ("worse", 2.875)
    assert (by_key["room"].value, by_key["room"].direction) == ("2 / 5", "worse")
    assert (by_key["options"].value, by_key["options"].direction) == ("3 / 5", "steady")


def test_signals_from_mood_goals_guidance_and_load(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow import Grow
    from rutjournal.core.guidance import Guidance
    from rutjournal.core.load import Load

    days: dict[dt.date, tuple[int | None, int | None]] = {}
    for monday in (d(11, 2), d(11, 9), d(11, 16), d(11, 23)):
        days[monday] = (1, 3)
        for i in (1, 2):  # Tuesday and Wednesday
            days[monday + dt.timedelta(days=i)] = (3, 3)
    for i in range(5):
        days[d(10, 1) + dt.timedelta(days=i)] = (4, 2)  # the earlier 30 days
    add_entries(db, days)
    # recent mood: (4 × 1 + 8 × 3) / 12 = 2.333…; earlier 4.0; challenge 3.0 vs 2.0
    # dread (90 days): Tue-Fri are the 8 days of mood 3 plus 2026-10-01 (Thu) and -02 (Fri) of mood 4 → 3.2;
    # Mondays: the four of mood 1 plus 2026-10-05 (a Monday) of mood 4 → 1.6; index 3.2 - 1.6 = 1.6

    grow = Grow(db, today=lambda: TODAY)
    grow.set_target("Senior Analyst")
    gap = grow.add_gap("SQL", "skill")
    grow.add_goal("Course", gap, due=d(11, 15), started_on=d(9, 1))  # overdue
    grow.add_goal("Old and quiet", gap, started_on=d(9, 1))  # stalled: no progress in 30 days
    grow.add_goal("Fresh", gap, started_on=d(11, 20))
    grow.add_goal("Finished", gap, started_on=d(9, 1), status="done")
    guidance = Guidance(db, today=lambda: TODAY)
    talk = guidance.add_conversation(d(10, 15), "Dana", "boss", held=True)
    guidance.add_conversation(d(12, 1), "HR", "hr")  # planned: not held
    guidance.add_followup(talk, "Confirm budget", "them", due=d(11, 1))
    guidance.add_followup(talk, "Send link", "me", due=d(11, 1))
    guidance.add_followup(talk, "Book seminar", "them", due=d(12, 10))
    guidance.add_promotion(d(11, 5), "refused", reason="no budget")
    guidance.add_promotion(d(11, 20), "refused", reason="not this year")
    load = Load(db)
    kept = load.add("Forecast", minutes_per_week=600)
    gone = load.add("Status report", minutes_per_week=90)
    load.decide(gone, "delegate", to="Sam")
    load.done(gone)
    assert kept

    by_key = {s.key: s for s in crossroads.signals()}
    mood = by_key["mood"]
    assert mood.value == "2.33 in the last 30 days vs 4.00 the 30 before (−1.67)"
    assert mood.direction == "worse"
    assert (by_key["challenge"].direction, by_key["challenge"].number) == ("better", 1.0)
    dread = by_key["monday_dread"]
    assert dread.number == pytest.approx(1.6)
    assert (dread.value, dread.direction) == ("Mondays 1.60 below Tuesday-Friday (strong)", "worse")
    assert (by_key["goals"].value, by_key["goals"].number) == ("2 of 3 open goals", 2.0)
    assert by_key["promotion"].value == "2 (latest reason: not this year)"
    assert (by_key["followups"].value, by_key["followups"].direction) == ("1 past due of 2", "worse")
    assert by_key["hours"].value == "1.5 h/week freed, 10 h/week still on your plate"
    assert by_key["hours"].direction == "better"
    assert (by_key["guidance"].value, by_key["guidance"].number) == ("1", 1.0)
    verdict = crossroads.verdict()
    # strong: promotion, followups, mood falling, Monday dread ≥ 1.0 → 4, and one conversation held
    assert verdict.verdict == "leave"
    assert verdict.reasons[0].startswith("4 of the 6 strong signals")
