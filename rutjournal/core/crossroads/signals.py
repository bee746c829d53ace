"""The Crossroads signals: each a value in words, a direction and why it counts, as of a day (today, or the day
of the last reading). Pure functions over the check-ins and what ``sources`` read from the other sections'
services; no database. "Not enough data" says what is missing; a direction needs an earlier value. In the order
shown:

- ``checkin``: mean of the latest check-in (reverse-scored questions turned round) and its change since the
  previous one (± 0.3 or more, as shown, is better / worse; the first check-in has nothing to compare with);
- ``mood``: mean of the last 30 days against the 30 before (each needs 5 scored days); a change made by one
  week alone (gone once that week is left out) reads as steady;
- ``monday_dread``: Tuesday-Friday mean mood minus Monday mean mood over the last 90 days (positive = Mondays
  worse; at least 4 Mondays and 8 other weekdays); ≥ 0.5 worse, ≤ 0 better;
- find new challenges: ``challenge_level`` (``job_signals``), ``challenge`` (the trend, like mood)
  and ``learning`` (the latest check-in answer on it, against the one before);
- lighten your load: ``hours_worked``, ``load_level``, ``energy``, ``outside_jd`` (``job_signals``)
  and ``hours``: hours a week freed by carried-out decisions vs still on the plate (Load);
- ask for guidance: ``room`` and ``options`` (the latest answers, against the check-in before); ``goals``: goals
  of the active target, not started or active, that are overdue or stalled (started 30+ days ago, no milestone
  done nor percentage recorded in the last 30 days); ``promotion``: promotions refused, with the latest reason;
  ``followups``: follow-ups owned by the employer ('them') not done and past their due date; ``guidance``:
  conversations held — not a sign about the job, but the verdict's good-faith guard reads it.

Load's inventory has no history the service can be asked about: a reading of an earlier day uses it as it is now.
Every figure is written by ``core.text`` and its ``number`` is the figure as shown (one decimal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rutjournal.core.crossroads.job_signals import (
    challenge_level_signal,
    energy_signal,
    hours_worked_signal,
    load_level_signal,
    one_week,
    outside_signal,
)
from rutjournal.core.crossroads.model import CheckinView, LoadFacts, Signal
from rutjournal.core.crossroads.numbers import (
    DREAD_DAYS,
    DREAD_MIN_MONDAYS,
    DREAD_MIN_OTHER,
    TREND_DAYS,
    TREND_MIN_DAYS,
    Scores,
    as_shown,
    direction_of,
    dread_days,
    monday_dread,
    points,
    scored_days,
    signed,
    steady_change,
    trend,
)
from rutjournal.core.crossroads.questions import Question, checkin_mean
from rutjournal.core.crossroads.rules import BURIED_MINUTES, DREAD_STRONG, DREAD_WORSE, NOT_ENOUGH
from rutjournal.core.crossroads.sources import GoalState, Sources
from rutjournal.core.text import day, minutes_as_hours, number, plural, score

if TYPE_CHECKING:
    from rutjournal.core.guidance.service import ConversationView, PromotionView

STALL_DAYS = 30
ROOM_WHY = "When there is no room left to move up, staying longer rarely changes that."
OPTIONS_WHY = "Options that don't match your goals mean the employer cannot give you what you are after."
MOOD_WHY = "A mood that keeps falling over weeks is the rut getting deeper, not a bad day."
CHALLENGE_WHY = "Boredom is the usual root of a rut: a falling challenge score means the work teaches less."
LEARNING_WHY = "Work that no longer teaches you anything is boredom in your own words."
CHECKIN_NOUN = "your check-in score"

__all__ = ["CheckinView", "all_signals"]


def all_signals(
    sources: Sources,
    today: dt.date,
    questions: Sequence[Question],
    checkins: Sequence[CheckinView],
    load: LoadFacts | None = None,
) -> list[Signal]:
    """Every signal as of ``today``, in the order shown, over the other sections' data of that day.
    ``checkins`` are all of them, newest first (those after ``today`` are left out); ``load`` is what the Load
    service says (None: no inventory read)."""
    scores = sources.scores
    checkins = [c for c in checkins if c.day <= today]
    moods, challenges = scores["mood"], scores["challenge"]
    return [
        checkin_signal(questions, checkins),
        trend_signal("mood", "Mood trend", moods, today, MOOD_WHY, "a mood"),
        dread_signal(moods, today),
        challenge_level_signal(challenges, today),
        trend_signal("challenge", "Challenge trend", challenges, today, CHALLENGE_WHY, "a challenge score"),
        answer_signal("learning", "Still learning", checkins, LEARNING_WHY, "your answer on learning"),
        hours_worked_signal(scores["hours"], today),
        load_level_signal(scores["load"], today),
        energy_signal(scores["energy"], today),
        outside_signal(load),
        hours_signal(load),
        answer_signal("room", "Room to advance", checkins, ROOM_WHY, "your answer on room to advance"),
        answer_signal("options", "Options match your goals", checkins, OPTIONS_WHY, "your answer on options"),
        goals_signal(sources.goals, today),
        promotion_signal(sources.promotions),
        followups_signal(sources.conversations, today),
        guidance_signal(sources.conversations),
    ]


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
        return Signal(
            "checkin", label, value, "unknown", why, as_shown(latest), figure=shown, noun=CHECKIN_NOUN
        )
    change = latest - previous
    value = f"{shown} ({signed(change)} since {day(checkins[1].day)})"
    direction = direction_of(change)
    return Signal("checkin", label, value, direction, why, as_shown(latest), figure=shown, noun=CHECKIN_NOUN)


def answer_signal(key: str, label: str, checkins: Sequence[CheckinView], why: str, noun: str = "") -> Signal:
    """The latest answer to one question against the answer before it: any change of a point is a change."""
    answered = [c for c in checkins if key in c.answers]
    if not answered:
        return Signal(key, label, f"{NOT_ENOUGH} (not answered in a check-in yet)", "unknown", why)
    answer = answered[0].answers[key]
    if len(answered) == 1:
        value = f"{answer} / 5 (first answer, nothing to compare with)"
        return Signal(key, label, value, "unknown", why, float(answer), figure=f"{answer} / 5", noun=noun)
    before = answered[1]
    earlier = before.answers[key]
    direction = direction_of(answer - earlier, step=1)
    compared = "same as" if answer == earlier else f"was {earlier} on"
    value = f"{answer} / 5 ({compared} {day(before.day)})"
    return Signal(key, label, value, direction, why, float(answer), figure=f"{answer} / 5", noun=noun)


def trend_signal(key: str, label: str, scores: Scores, today: dt.date, why: str, what: str) -> Signal:
    """The last 30 days against the 30 before; a change that one week alone makes reads as steady."""
    noun = f"the {label.lower()}"
    found = trend(scores, today)
    if found is None:
        recent, earlier = scored_days(scores, today)
        value = (
            f"{NOT_ENOUGH} (needs {TREND_MIN_DAYS} days with {what} in each of the last two {TREND_DAYS}-day "
            f"spans; {recent} and {earlier} so far)"
        )
        return Signal(key, label, value, "unknown", why, noun=noun)
    recent_mean, earlier_mean = found
    change = recent_mean - earlier_mean
    value = (
        f"{score(recent_mean)} over the last {TREND_DAYS} days vs {score(earlier_mean)} the {TREND_DAYS} "
        f"before ({signed(change)})"
    )
    direction = direction_of(change)
    week = steady_change(scores, today)
    if week is not None and direction != "steady" and direction_of(week.value) != direction:
        value += one_week(week, today, signed(week.value)).replace("not the month", "not a trend")
        direction = "steady"
    steady = None if week is None else as_shown(week.value)
    return Signal(key, label, value, direction, why, as_shown(change), False, steady, signed(change), noun)


def dread_signal(moods: Scores, today: dt.date) -> Signal:
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
    figure, noun = number(index), "how far Mondays sit below the other weekdays"
    return Signal("monday_dread", label, value + strong, direction, why, index, True, None, figure, noun)


def goals_signal(goals: Sequence[GoalState], today: dt.date) -> Signal:
    """Open goals of the active target (those started by ``today``), and those overdue or stalled then (their
    status is today's: Grow keeps no history of it)."""
    why = "Goals that stall or slip often mean the job gives you no room to grow, whatever the effort."
    label = "Stalled or overdue goals"
    since = today - dt.timedelta(days=STALL_DAYS)
    live = [g for g in goals if g.status in ("not_started", "active")]
    if not live:
        return Signal("goals", label, f"{NOT_ENOUGH} (no open goals in Grow)", "unknown", why)
    stuck = sum(
        1
        for g in live
        if (g.due is not None and g.due < today)
        or (g.started_on <= since and (g.last_progress is None or g.last_progress < since))
    )
    value = f"{stuck} of {plural(len(live), 'open goal')}"
    direction = "worse" if stuck else "better"
    return Signal("goals", label, value, direction, why, float(stuck), level=True, figure=str(stuck))


def promotion_signal(promotions: Sequence[PromotionView]) -> Signal:
    """The promotions recorded by the reading's day (the oldest first): those refused, with the latest reason."""
    why = "A refused promotion is the clearest sign of how far this employer will let you go."
    label = "Refused promotions"
    rows = [(p.outcome, p.reason) for p in promotions]
    if not rows:
        return Signal("promotion", label, f"{NOT_ENOUGH} (no promotion recorded)", "unknown", why)
    refused = [reason for outcome, reason in rows if outcome == "refused"]
    if refused:
        latest = refused[-1] or "no reason given"
        value = f"{len(refused)}, latest reason: {latest}"
        count = len(refused)
        return Signal("promotion", label, value, "worse", why, float(count), level=True, figure=str(count))
    granted = sum(outcome == "granted" for outcome, _r in rows)
    value = f"none, {plural(granted, 'promotion')} granted" if granted else "none"
    direction = "better" if granted else "steady"
    return Signal("promotion", label, value, direction, why, 0.0, level=True, figure="0")


def followups_signal(conversations: Sequence[ConversationView], today: dt.date) -> Signal:
    """Follow-ups your employer owes from the conversations dated by ``today``, and those past due and not done
    then."""
    why = "An employer who does not do what they promised in a career conversation is telling you something."
    label = "Employer follow-ups undone"
    rows = [(f.due, f.done_on) for c in conversations for f in c.followups if f.owner == "them"]
    if not rows:
        return Signal(
            "followups", label, f"{NOT_ENOUGH} (no follow-up owned by your employer)", "unknown", why
        )
    late = sum(1 for due, done in rows if (done is None or done > today) and due is not None and due < today)
    value = f"{late} of {plural(len(rows), 'follow-up')} past due"
    direction = "worse" if late else "better"
    return Signal("followups", label, value, direction, why, float(late), level=True, figure=str(late))


def hours_signal(load: LoadFacts | None) -> Signal:
    why = (
        "Hours freed from busywork show the job can be reshaped; hours still buried show it has not been yet."
    )
    label = "Hours freed vs on your plate"
    if load is None or not load.tasks:
        return Signal("hours", label, f"{NOT_ENOUGH} (no tasks in Load)", "unknown", why)
    freed_text = minutes_as_hours(load.freed, per_week=True)
    value = f"{freed_text} freed, {minutes_as_hours(load.on_plate, per_week=True)} still on your plate"
    direction = "better" if load.freed else "worse" if load.on_plate > BURIED_MINUTES else "steady"
    return Signal("hours", label, value, direction, why, as_shown(load.freed / 60), level=True)


def guidance_signal(conversations: Sequence[ConversationView]) -> Signal:
    """The conversations held, of those dated by the reading's day."""
    why = "Leaving is only advised after a good-faith effort: at least one conversation with your boss or HR."
    label = "Guidance conversations"
    held = sum(c.held for c in conversations)
    if not held:
        return Signal("guidance", label, "none held yet", "unknown", why, 0.0, level=True)
    value = f"{plural(held, 'conversation')} held"
    return Signal("guidance", label, value, "steady", why, float(held), level=True, figure=str(held))
