"""Crossroads: the check-in, the signals and the verdict, on a fixed clock with hand-computed expectations."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.crossroads.rules import (
    RULES,
    check_answers,
    checkin_mean,
    load_questions,
    parse_questions,
)
from rutjournal.core.crossroads.service import Crossroads, Evidence
from rutjournal.core.crossroads.tracker import stage_summary
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


# -- signals from the journal ------------------------------------------------------------------------------------
def test_an_empty_journal_gives_not_enough_data_everywhere(crossroads) -> None:  # type: ignore[no-untyped-def]
    signals = crossroads.signals()
    assert [s.key for s in signals] == [
        "checkin",
        "mood",
        "monday_dread",
        # find new challenges
        "challenge_level",
        "challenge",
        "learning",
        # lighten your load
        "hours_worked",
        "load_level",
        "energy",
        "outside_jd",
        "hours",
        # ask for guidance
        "room",
        "options",
        "goals",
        "promotion",
        "followups",
        "guidance",
    ]
    for s in signals[:-1]:
        assert s.value.startswith("not enough data"), s
        assert (s.direction, s.number) == ("unknown", None)
        assert s.why.endswith(".")
    assert (signals[-1].value, signals[-1].number) == ("none held yet", 0.0)
    assert crossroads.verdict().verdict == "too_early"


def test_checkin_signals_compare_the_latest_with_the_previous(crossroads) -> None:  # type: ignore[no-untyped-def]
    crossroads.save_checkin(d(10, 1), everything(4, dread=2))  # mean 4.0
    first = {s.key: s for s in crossroads.signals()}
    assert first["checkin"].value == "4 / 5 (first check-in, nothing to compare with)"
    assert first["checkin"].direction == "unknown"
    # a first answer has nothing to compare with: no direction, however low
    assert (first["room"].value, first["room"].direction) == (
        "4 / 5 (first answer, nothing to compare with)",
        "unknown",
    )
    crossroads.save_checkin(d(11, 2), everything(3, room=2, dread=3))  # (2 + 6 * 3 + 3) / 8 = 2.875
    by_key = {s.key: s for s in crossroads.signals()}
    assert by_key["checkin"].value == "2.9 / 5 (−1.1 since Thu 1 Oct 2026)"
    assert (by_key["checkin"].direction, by_key["checkin"].number) == ("worse", 2.9)
    assert (by_key["room"].value, by_key["room"].direction) == ("2 / 5 (was 4 on Thu 1 Oct 2026)", "worse")
    assert (by_key["options"].value, by_key["options"].direction) == (
        "3 / 5 (was 4 on Thu 1 Oct 2026)",
        "worse",
    )


def test_signals_from_mood_goals_guidance_and_load(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.grow.service import Grow
    from rutjournal.core.guidance.service import Guidance
    from rutjournal.core.load.service import Load

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
    assert mood.value == "2.3 over the last 30 days vs 4 the 30 before (−1.7)"
    assert (mood.direction, mood.number) == ("worse", -1.7)
    assert (by_key["challenge"].direction, by_key["challenge"].number) == ("better", 1.0)
    dread = by_key["monday_dread"]
    assert dread.number == 1.6
    assert (dread.value, dread.direction) == ("Mondays 1.6 points below Tuesday-Friday (strong)", "worse")
    assert (by_key["goals"].value, by_key["goals"].number) == ("2 of 3 open goals", 2.0)
    assert by_key["promotion"].value == "2, latest reason: not this year"
    assert (by_key["followups"].value, by_key["followups"].direction) == (
        "1 of 2 follow-ups past due",
        "worse",
    )
    assert by_key["hours"].value == "1.5 h/week freed, 10 h/week still on your plate"
    assert by_key["hours"].direction == "better"
    assert (by_key["guidance"].value, by_key["guidance"].number) == ("1 conversation held", 1.0)
    assert all(by_key[k].level for k in ("monday_dread", "goals", "promotion", "followups", "hours"))
    crossroads.save_checkin(d(11, 20), everything(3))
    verdict = crossroads.verdict()
    # strong: promotion, followups, mood falling, Monday dread ≥ 1.0 → 4, and one conversation held;
    # 17 days with a mood in the last 90 days and a check-in: enough data
    assert crossroads.evidence() == Evidence(mood_days=17, checkins=1)
    assert verdict.verdict == "leave"
    assert verdict.reasons[0].startswith("4 of the 6 strong signals")


# -- a real first month: the verdict waits for enough data --------------------------------------------------------
def add_moods(db, last: dt.date, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` days with a mood of 3, the last of them ``last``, one a day backwards."""
    add_entries(db, {last - dt.timedelta(days=i): (3, 3) for i in range(count)})


def test_day_one_with_no_entry_is_too_early(crossroads) -> None:  # type: ignore[no-untyped-def]
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.rule) == ("too_early", RULES["too-early"])
    assert verdict.reasons[0] == (
        "Too early for a verdict: it needs 14 days of entries with a mood and a first monthly check-in."
    )


def test_two_entries_and_no_check_in_say_how_many_more_days_are_needed(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 2)
    verdict = crossroads.verdict()
    assert verdict.verdict == "too_early"
    assert verdict.needs == [
        "12 more days of entries with a mood (2 of 14 in the last 90 days)",
        "a first monthly check-in",
    ]


def test_enough_entries_but_no_check_in_asks_for_the_check_in(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 14)
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.needs) == ("too_early", ["a first monthly check-in"])
    add_entries(db, {TODAY - dt.timedelta(days=90): (3, 3)})  # the 91st day back does not count
    assert crossroads.evidence().mood_days == 14


def test_thirteen_days_and_a_check_in_are_one_day_short(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 13)
    crossroads.save_checkin(d(11, 20), everything(4, dread=2))
    verdict = crossroads.verdict()
    assert verdict.verdict == "too_early"
    assert verdict.needs == ["1 more day of entries with a mood (13 of 14 in the last 90 days)"]


def test_the_first_check_in_gives_a_verdict_without_a_direction(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 14)
    crossroads.save_checkin(d(11, 20), everything(4, room=2, dread=2))
    by_key = {s.key: s for s in crossroads.signals()}
    assert by_key["room"].direction == "unknown"  # nothing to compare with: not "worse"
    assert by_key["checkin"].direction == "unknown"
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.needs) == ("push", [])  # room ≤ 2 is strong as a level
    assert verdict.reasons[0] == "1 of the 6 strong signals points to leaving: room to advance."
    [step] = verdict.steps
    assert (step.key, step.section) == ("guidance", "guidance")
    assert step.reasons == [
        "Room to advance: 2 / 5 (first answer, nothing to compare with) — an answer of 2 or less calls for "
        "asking what else there is; it also counts toward leaving."
    ]


def test_the_second_check_in_gives_directions(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 14)
    crossroads.save_checkin(d(10, 20), everything(3))
    crossroads.save_checkin(d(11, 20), everything(4, dread=2))
    by_key = {s.key: s for s in crossroads.signals()}
    assert (by_key["room"].value, by_key["room"].direction) == ("4 / 5 (was 3 on Tue 20 Oct 2026)", "better")
    assert (by_key["checkin"].value, by_key["checkin"].direction) == (
        "4 / 5 (+1 since Tue 20 Oct 2026)",
        "better",
    )
    verdict = crossroads.verdict()
    assert (verdict.verdict, verdict.rule) == ("stay", RULES["stay"])
    assert verdict.reasons[1].startswith("Find new challenges — not called for: ")
    # better: the check-in, room, options and learning answers, and the challenge level (3 on 14 days)
    assert "5 signals better or steady, 0 worse, 11 not known yet." in verdict.reasons


def test_not_enough_data_says_how_much_there_is(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    add_moods(db, TODAY, 2)
    by_key = {s.key: s for s in crossroads.signals()}
    assert by_key["mood"].value == (
        "not enough data (needs 5 days with a mood in each of the last two 30-day spans; 2 and 0 so far)"
    )
    assert by_key["monday_dread"].value == (
        "not enough data (needs 4 Mondays and 8 Tuesdays to Fridays with a mood in the last 90 days; 0 and 2 "
        "so far)"
    )


def test_hours_are_rounded_and_never_minutes(db, crossroads) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.load.service import Load

    load = Load(db)
    load.add("Forecast", minutes_per_week=1732)  # 28.8667 h
    gone = load.add("Export", minutes_per_week=45)
    load.decide(gone, "automate")
    load.done(gone)
    hours = {s.key: s for s in crossroads.signals()}["hours"]
    assert hours.value == "0.8 h/week freed, 28.9 h/week still on your plate"
    assert hours.number == 0.8


def test_this_months_check_in_and_each_ones_score(crossroads) -> None:  # type: ignore[no-untyped-def]
    assert crossroads.this_month() is None
    crossroads.save_checkin(d(10, 30), everything(3))
    assert crossroads.this_month() is None  # last month's
    crossroads.save_checkin(d(11, 3), everything(3, room=2, dread=3), "flat")
    found = crossroads.this_month()
    assert found is not None and (found.day, found.note) == (d(11, 3), "flat")
    assert crossroads.score(found) == 2.9  # 2.875 as shown


def test_the_count_by_stage_in_words() -> None:
    assert stage_summary({"idea": 1}) == "1 idea"
    counts = {"idea": 2, "applied": 1, "interview": 1, "offer": 1, "rejected": 0, "withdrawn": 3}
    assert stage_summary(counts) == "2 ideas, 1 applied, 1 at interview, 1 offer, 3 withdrawn"
    assert stage_summary(dict.fromkeys(counts, 0)) == ""
