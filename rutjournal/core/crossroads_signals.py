"""The Crossroads signals: each a value in words, a direction and why it counts, read from the journal with
plain SQL (no ORM import). "Not enough data" says what is missing; a direction needs an earlier value.

- ``checkin``: mean of the latest check-in (reverse-scored questions turned round) and its change since the
  previous one (± 0.3 or more, as shown, is better / worse; the first check-in has nothing to compare with);
- ``room`` and ``options``: the latest answers to those two questions, against the check-in before;
- ``mood`` and ``challenge``: mean of the last 30 days against the 30 before (each needs 5 scored days);
- ``monday_dread``: Tuesday-Friday mean mood minus Monday mean mood over the last 90 days (positive = Mondays
  worse; at least 4 Mondays and 8 other weekdays); ≥ 0.5 worse, ≤ 0 better;
- ``goals``: goals of the active target, not started or active, that are overdue or stalled (started 30+ days
  ago, no milestone done nor percentage recorded in the last 30 days);
- ``promotion``: promotions refused, with the latest reason;
- ``followups``: follow-ups owned by the employer ('them') not done and past their due date;
- ``hours``: hours a week freed by carried-out decisions vs still on the plate (Load);
- ``guidance``: conversations held — not a sign about the job, but the verdict's good-faith guard reads it.

Every figure is written by ``core.text`` and its ``number`` is the figure as shown (one decimal).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rutjournal.core.crossroads_questions import Question, checkin_mean
from rutjournal.core.crossroads_rules import (
    BURIED_MINUTES,
    DREAD_DAYS,
    DREAD_MIN_MONDAYS,
    DREAD_MIN_OTHER,
    DREAD_STRONG,
    DREAD_WORSE,
    NOT_ENOUGH,
    TREND_DAYS,
    TREND_MIN_DAYS,
    Signal,
    as_shown,
    direction_of,
    dread_days,
    monday_dread,
    points,
    scored_days,
    signed,
    trend,
)
from rutjournal.core.text import day, minutes_as_hours, plural, score

STALL_DAYS = 30
FREEING = ("delegate", "drop", "decline", "automate")
ROOM_WHY = "When there is no room left to move up, staying longer rarely changes that."
OPTIONS_WHY = "Options that don't match your goals mean the employer cannot give you what you are after."
MOOD_WHY = "A mood that keeps falling over weeks is the rut getting deeper, not a bad day."
CHALLENGE_WHY = "Boredom is the usual root of a rut: a falling challenge score means the work teaches less."


@dataclass(frozen=True)
class CheckinView:
    id: int
    day: dt.date
    note: str
    answers: dict[str, int] = field(compare=False)


def read_signals(
    conn: sqlite3.Connection, today: dt.date, questions: Sequence[Question], checkins: Sequence[CheckinView]
) -> tuple[list[Signal], int]:
    """Every signal, in the order shown, and the number of days with a mood in the last 90 days."""
    moods, challenges = read_scores(conn, today)
    signals = [
        checkin_signal(questions, checkins),
        answer_signal("room", "Room to advance", checkins, why=ROOM_WHY),
        answer_signal("options", "Options match your goals", checkins, why=OPTIONS_WHY),
        trend_signal("mood", "Mood trend", moods, today, MOOD_WHY, "a mood"),
        trend_signal("challenge", "Challenge trend", challenges, today, CHALLENGE_WHY, "a challenge score"),
        dread_signal(moods, today),
        goals_signal(conn, today),
        promotion_signal(conn),
        followups_signal(conn, today),
        hours_signal(conn),
        guidance_signal(conn),
    ]
    return signals, len(moods)


def checkin_signal(questions: Sequence[Question], checkins: Sequence[CheckinView]) -> Signal:
    """Mean of the latest check-in and its change since the previous one (checkins newest first)."""
    why = "The monthly check-in is your own judgement, asked the same way each time, so its drift is honest."
    label = "Check-in score"
    if not checkins:
        return Signal("checkin", label, f"{NOT_ENOUGH} (no check-in yet)", "unknown", why)
    latest = checkin_mean(questions, checkins[0].answers)
    if latest is None:
        return Signal("checkin", label, f"{NOT_ENOUGH} (no answers)", "unknown", why)
    shown = f"{score(latest)} / 5"
    previous = checkin_mean(questions, checkins[1].answers) if len(checkins) > 1 else None
    if previous is None:
        value = f"{shown} (first check-in, nothing to compare with)"
        return Signal("checkin", label, value, "unknown", why, as_shown(latest))
    change = latest - previous
    value = f"{shown} ({signed(change)} since {day(checkins[1].day)})"
    return Signal("checkin", label, value, direction_of(change), why, as_shown(latest))


def answer_signal(key: str, label: str, checkins: Sequence[CheckinView], why: str) -> Signal:
    """The latest answer to one question against the answer before it: any change of a point is a change."""
    answered = [c for c in checkins if key in c.answers]
    if not answered:
        return Signal(key, label, f"{NOT_ENOUGH} (not answered in a check-in yet)", "unknown", why)
    answer = answered[0].answers[key]
    if len(answered) == 1:
        return Signal(
            key, label, f"{answer} / 5 (first answer, nothing to compare with)", "unknown", why, float(answer)
        )
    before = answered[1]
    earlier = before.answers[key]
    direction = direction_of(answer - earlier, step=1)
    compared = "same as" if answer == earlier else f"was {earlier} on"
    return Signal(key, label, f"{answer} / 5 ({compared} {day(before.day)})", direction, why, float(answer))


def trend_signal(
    key: str, label: str, scores: Mapping[dt.date, int], today: dt.date, why: str, what: str
) -> Signal:
    found = trend(scores, today)
    if found is None:
        recent, earlier = scored_days(scores, today)
        value = (
            f"{NOT_ENOUGH} (needs {TREND_MIN_DAYS} days with {what} in each of the last two {TREND_DAYS}-day "
            f"spans; {recent} and {earlier} so far)"
        )
        return Signal(key, label, value, "unknown", why)
    recent_mean, earlier_mean = found
    change = recent_mean - earlier_mean
    value = (
        f"{score(recent_mean)} over the last {TREND_DAYS} days vs {score(earlier_mean)} the {TREND_DAYS} "
        f"before ({signed(change)})"
    )
    return Signal(key, label, value, direction_of(change), why, as_shown(change))


def dread_signal(moods: Mapping[dt.date, int], today: dt.date) -> Signal:
    why = "Dreading Mondays more than other days is the classic sign of a job, not a life, gone flat."
    label = "Monday dread"
    index = monday_dread(moods, today)
    if index is None:
        mondays, others = dread_days(moods, today)
        value = (
            f"{NOT_ENOUGH} (needs {DREAD_MIN_MONDAYS} Mondays and {DREAD_MIN_OTHER} Tuesdays to Fridays with "
            f"a mood in the last {DREAD_DAYS} days; {mondays} and {others} so far)"
        )
        return Signal("monday_dread", label, value, "unknown", why)
    index = as_shown(index)
    direction = "worse" if index >= DREAD_WORSE else "better" if index <= 0 else "steady"
    if index > 0:
        value = f"Mondays {points(index)} below Tuesday-Friday"
    elif index == 0:
        value = "Mondays no lower than Tuesday-Friday"
    else:
        value = f"Mondays {points(-index)} above Tuesday-Friday"
    strong = " (strong)" if index >= DREAD_STRONG else ""
    return Signal("monday_dread", label, value + strong, direction, why, index, level=True)


def read_scores(conn: sqlite3.Connection, today: dt.date) -> tuple[dict[dt.date, int], dict[dt.date, int]]:
    """Moods and challenge scores of the last 90 days (enough for both the 60-day trends and the dread)."""
    start = (today - dt.timedelta(days=DREAD_DAYS - 1)).isoformat()
    rows = conn.execute(
        "SELECT day, mood, challenge FROM entries WHERE day BETWEEN ? AND ?", (start, today.isoformat())
    ).fetchall()
    moods = {dt.date.fromisoformat(d): m for d, m, _c in rows if m is not None}
    challenges = {dt.date.fromisoformat(d): c for d, _m, c in rows if c is not None}
    return moods, challenges


def goals_signal(conn: sqlite3.Connection, today: dt.date) -> Signal:
    why = "Goals that stall or slip often mean the job gives you no room to grow, whatever the effort."
    label = "Stalled or overdue goals"
    since = (today - dt.timedelta(days=STALL_DAYS)).isoformat()
    rows = conn.execute(
        "SELECT g.status, g.started_on, g.due, MAX("
        " COALESCE((SELECT MAX(done_on) FROM milestones m WHERE m.goal_id = g.id), ''),"
        " COALESCE((SELECT MAX(day) FROM goal_progress p WHERE p.goal_id = g.id), '')) "
        "FROM goals g JOIN gaps ON gaps.id = g.gap_id JOIN targets t ON t.id = gaps.target_id WHERE t.active"
    ).fetchall()
    live = [r for r in rows if r[0] in ("not_started", "active")]
    if not live:
        return Signal("goals", label, f"{NOT_ENOUGH} (no open goals in Grow)", "unknown", why)
    stuck = sum(
        1
        for _status, started, due, last in live
        if (due is not None and due < today.isoformat()) or (started <= since and (not last or last < since))
    )
    value = f"{stuck} of {plural(len(live), 'open goal')}"
    return Signal("goals", label, value, "worse" if stuck else "better", why, float(stuck), level=True)


def promotion_signal(conn: sqlite3.Connection) -> Signal:
    why = "A refused promotion is the clearest sign of how far this employer will let you go."
    label = "Refused promotions"
    rows = conn.execute("SELECT outcome, reason FROM promotions ORDER BY day, id").fetchall()
    if not rows:
        return Signal("promotion", label, f"{NOT_ENOUGH} (no promotion recorded)", "unknown", why)
    refused = [reason for outcome, reason in rows if outcome == "refused"]
    if refused:
        latest = refused[-1] or "no reason given"
        value = f"{len(refused)}, latest reason: {latest}"
        return Signal("promotion", label, value, "worse", why, float(len(refused)), level=True)
    granted = sum(outcome == "granted" for outcome, _r in rows)
    value = f"none, {plural(granted, 'promotion')} granted" if granted else "none"
    return Signal("promotion", label, value, "better" if granted else "steady", why, 0.0, level=True)


def followups_signal(conn: sqlite3.Connection, today: dt.date) -> Signal:
    why = "An employer who does not do what they promised in a career conversation is telling you something."
    label = "Employer follow-ups undone"
    rows = conn.execute("SELECT due, done_on FROM followups WHERE owner = 'them'").fetchall()
    if not rows:
        return Signal(
            "followups", label, f"{NOT_ENOUGH} (no follow-up owned by your employer)", "unknown", why
        )
    late = sum(1 for due, done in rows if done is None and due is not None and due < today.isoformat())
    value = f"{late} of {plural(len(rows), 'follow-up')} past due"
    return Signal("followups", label, value, "worse" if late else "better", why, float(late), level=True)


def hours_signal(conn: sqlite3.Connection) -> Signal:
    why = (
        "Hours freed from busywork show the job can be reshaped; hours still buried show it has not been yet."
    )
    label = "Hours freed vs on your plate"
    marks = ", ".join(f"'{d}'" for d in FREEING)
    row = conn.execute(
        f"SELECT count(*), "
        f"COALESCE(SUM(CASE WHEN decision IN ({marks}) AND done_on IS NOT NULL THEN minutes_per_week END), 0), "
        f"COALESCE(SUM(CASE WHEN NOT (decision IN ({marks}) AND done_on IS NOT NULL) THEN minutes_per_week END), 0) "
        f"FROM tasks"
    ).fetchone()
    count, freed, plate = row
    if not count:
        return Signal("hours", label, f"{NOT_ENOUGH} (no tasks in Load)", "unknown", why)
    freed_text = minutes_as_hours(freed, per_week=True)
    value = f"{freed_text} freed, {minutes_as_hours(plate, per_week=True)} still on your plate"
    direction = "better" if freed else "worse" if plate > BURIED_MINUTES else "steady"
    return Signal("hours", label, value, direction, why, as_shown(freed / 60), level=True)


def guidance_signal(conn: sqlite3.Connection) -> Signal:
    why = "Leaving is only advised after a good-faith effort: at least one conversation with your boss or HR."
    label = "Guidance conversations"
    (held,) = conn.execute("SELECT count(*) FROM conversations WHERE held").fetchone()
    if not held:
        return Signal("guidance", label, "none held yet", "unknown", why, 0.0, level=True)
    value = f"{plural(held, 'conversation')} held"
    return Signal("guidance", label, value, "steady", why, float(held), level=True)
