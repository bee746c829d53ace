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
from rutjournal.core.crossroads.rules import BURIED_MINUTES, DREAD_STRONG, DREAD_WORSE
from rutjournal.core.crossroads.sources import GoalState, Sources
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.text import day, minutes_as_hours, number, score, whole

if TYPE_CHECKING:
    from rutjournal.core.guidance.service import ConversationView, PromotionView

STALL_DAYS = 30
ROOM_WHY = N_("When there is no room left to move up, staying longer rarely changes that.")
OPTIONS_WHY = N_("Options that don't match your goals mean the employer cannot give you what you are after.")
MOOD_WHY = N_("A mood that keeps falling over weeks is the rut getting deeper, not a bad day.")
CHALLENGE_WHY = N_(
    "Boredom is the usual root of a rut: a falling challenge score means the work teaches less."
)
LEARNING_WHY = N_("Work that no longer teaches you anything is boredom in your own words.")
# TRANSLATORS: what a figure is, in "Your check-in score rose from 3.1 to 3.8."
CHECKIN_NOUN = N_("your check-in score")
# TRANSLATORS: {count} days, {span} days, {recent} and {earlier} are numbers of days
MOOD_NEEDS = N_(
    "not enough data (needs {count} days with a mood in each of the last two {span}-day spans; {recent} and "
    "{earlier} so far)"
)
CHALLENGE_NEEDS = N_(
    "not enough data (needs {count} days with a challenge score in each of the last two {span}-day spans; "
    "{recent} and {earlier} so far)"
)

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
        trend_signal("mood", _("Mood trend"), moods, today, _(MOOD_WHY), _(MOOD_NEEDS), _("the mood trend")),
        dread_signal(moods, today),
        challenge_level_signal(challenges, today),
        trend_signal(
            "challenge",
            _("Challenge trend"),
            challenges,
            today,
            _(CHALLENGE_WHY),
            _(CHALLENGE_NEEDS),
            _("the challenge trend"),
        ),
        answer_signal(
            "learning", _("Still learning"), checkins, _(LEARNING_WHY), _("your answer on learning")
        ),
        hours_worked_signal(scores["hours"], today),
        load_level_signal(scores["load"], today),
        energy_signal(scores["energy"], today),
        outside_signal(load),
        hours_signal(load),
        answer_signal(
            "room", _("Room to advance"), checkins, _(ROOM_WHY), _("your answer on room to advance")
        ),
        answer_signal(
            "options", _("Options match your goals"), checkins, _(OPTIONS_WHY), _("your answer on options")
        ),
        goals_signal(sources.goals, today),
        promotion_signal(sources.promotions),
        followups_signal(sources.conversations, today),
        guidance_signal(sources.conversations),
    ]


def checkin_signal(questions: Sequence[Question], checkins: Sequence[CheckinView]) -> Signal:
    """Mean of the latest check-in and its change since the previous one (checkins newest first)."""
    why = _(
        "The monthly check-in is your own judgement, asked the same way each time, so its drift is honest."
    )
    label = _("Check-in score")
    if not checkins:
        return Signal("checkin", label, _("not enough data (no check-in yet)"), "unknown", why)
    latest = checkin_mean(questions, checkins[0].answers)
    if latest is None:
        return Signal("checkin", label, _("not enough data (no answers)"), "unknown", why)
    # TRANSLATORS: a score out of 5, e.g. "3.4 / 5"
    shown = _("{score} / 5").format(score=score(latest))
    noun = _(CHECKIN_NOUN)
    previous = checkin_mean(questions, checkins[1].answers) if len(checkins) > 1 else None
    if previous is None:
        value = _("{score} (first check-in, nothing to compare with)").format(score=shown)
        return Signal("checkin", label, value, "unknown", why, as_shown(latest), figure=shown, noun=noun)
    change = latest - previous
    # TRANSLATORS: {change} is a signed change, e.g. "+0.4"
    value = _("{score} ({change} since {day})").format(
        score=shown, change=signed(change), day=day(checkins[1].day)
    )
    direction = direction_of(change)
    return Signal("checkin", label, value, direction, why, as_shown(latest), figure=shown, noun=noun)


def answer_signal(key: str, label: str, checkins: Sequence[CheckinView], why: str, noun: str = "") -> Signal:
    """The latest answer to one question against the answer before it: any change of a point is a change."""
    answered = [c for c in checkins if key in c.answers]
    if not answered:
        return Signal(key, label, _("not enough data (not answered in a check-in yet)"), "unknown", why)
    answer = answered[0].answers[key]
    shown = _("{score} / 5").format(score=answer)
    if len(answered) == 1:
        value = _("{score} (first answer, nothing to compare with)").format(score=shown)
        return Signal(key, label, value, "unknown", why, float(answer), figure=shown, noun=noun)
    before = answered[1]
    earlier = before.answers[key]
    direction = direction_of(answer - earlier, step=1)
    if answer == earlier:
        value = _("{score} (same as {day})").format(score=shown, day=day(before.day))
    else:
        # TRANSLATORS: {earlier} is the answer (1-5) given on {day}
        value = _("{score} (was {earlier} on {day})").format(
            score=shown, earlier=earlier, day=day(before.day)
        )
    return Signal(key, label, value, direction, why, float(answer), figure=shown, noun=noun)


def trend_signal(
    key: str, label: str, scores: Scores, today: dt.date, why: str, needs: str, noun: str
) -> Signal:
    """The last 30 days against the 30 before; a change that one week alone makes reads as steady. ``needs``
    is the value without enough data (with {count}, {span}, {recent} and {earlier}), ``noun`` what the figure
    is ("the mood trend")."""
    found = trend(scores, today)
    if found is None:
        recent, earlier = scored_days(scores, today)
        value = needs.format(count=TREND_MIN_DAYS, span=TREND_DAYS, recent=recent, earlier=earlier)
        return Signal(key, label, value, "unknown", why, noun=noun)
    recent_mean, earlier_mean = found
    change = recent_mean - earlier_mean
    value = _("{recent} over the last {span} days vs {earlier} the {span} before ({change})").format(
        recent=score(recent_mean), earlier=score(earlier_mean), span=TREND_DAYS, change=signed(change)
    )
    direction = direction_of(change)
    week = steady_change(scores, today)
    if week is not None and direction != "steady" and direction_of(week.value) != direction:
        value += one_week(week, today, signed(week.value), trend=True)
        direction = "steady"
    steady = None if week is None else as_shown(week.value)
    return Signal(key, label, value, direction, why, as_shown(change), False, steady, signed(change), noun)


def dread_signal(moods: Scores, today: dt.date) -> Signal:
    why = _("Dreading Mondays more than other days is the classic sign of a job, not a life, gone flat.")
    label = _("Monday dread")
    index = monday_dread(moods, today)
    if index is None:
        mondays, others = dread_days(moods, today)
        value = _(
            "not enough data (needs {mondays} Mondays and {others} Tuesdays to Fridays with a mood in the last "
            "{span} days; {found_mondays} and {found_others} so far)"
        ).format(
            mondays=DREAD_MIN_MONDAYS,
            others=DREAD_MIN_OTHER,
            span=DREAD_DAYS,
            found_mondays=mondays,
            found_others=others,
        )
        return Signal("monday_dread", label, value, "unknown", why)
    index = as_shown(index)
    direction = "worse" if index >= DREAD_WORSE else "better" if index <= 0 else "steady"
    strong = index >= DREAD_STRONG
    if index > 0 and strong:
        # TRANSLATORS: {points} is a distance on the 1-5 mood scale, e.g. "1.2 points"
        value = _("Mondays {points} below Tuesday-Friday (strong)").format(points=points(index))
    elif index > 0:
        value = _("Mondays {points} below Tuesday-Friday").format(points=points(index))
    elif index == 0:
        value = _("Mondays no lower than Tuesday-Friday")
    else:
        value = _("Mondays {points} above Tuesday-Friday").format(points=points(-index))
    figure, noun = number(index), _("how far Mondays sit below the other weekdays")
    return Signal("monday_dread", label, value, direction, why, index, True, None, figure, noun)


def goals_signal(goals: Sequence[GoalState], today: dt.date) -> Signal:
    """Open goals of the active target (those started by ``today``), and those overdue or stalled then (their
    status is today's: Grow keeps no history of it)."""
    why = _("Goals that stall or slip often mean the job gives you no room to grow, whatever the effort.")
    label = _("Stalled or overdue goals")
    since = today - dt.timedelta(days=STALL_DAYS)
    live = [g for g in goals if g.status in ("not_started", "active")]
    if not live:
        return Signal("goals", label, _("not enough data (no open goals in Grow)"), "unknown", why)
    stuck = sum(
        1
        for g in live
        if (g.due is not None and g.due < today)
        or (g.started_on <= since and (g.last_progress is None or g.last_progress < since))
    )
    value = ngettext("{stuck} of {count} open goal", "{stuck} of {count} open goals", len(live)).format(
        stuck=stuck, count=whole(len(live))
    )
    direction = "worse" if stuck else "better"
    return Signal("goals", label, value, direction, why, float(stuck), level=True, figure=str(stuck))


def promotion_signal(promotions: Sequence[PromotionView]) -> Signal:
    """The promotions recorded by the reading's day (the oldest first): those refused, with the latest reason."""
    why = _("A refused promotion is the clearest sign of how far this employer will let you go.")
    label = _("Refused promotions")
    rows = [(p.outcome, p.reason) for p in promotions]
    if not rows:
        return Signal("promotion", label, _("not enough data (no promotion recorded)"), "unknown", why)
    refused = [reason for outcome, reason in rows if outcome == "refused"]
    if refused:
        latest = refused[-1] or _("no reason given")
        # TRANSLATORS: {count} promotions refused; {reason} is the reason given for the latest, as written
        value = _("{count}, latest reason: {reason}").format(count=len(refused), reason=latest)
        count = len(refused)
        return Signal("promotion", label, value, "worse", why, float(count), level=True, figure=str(count))
    granted = sum(outcome == "granted" for outcome, _r in rows)
    # TRANSLATORS: no promotion refused
    value = _("none")
    if granted:
        value = ngettext("none, {count} promotion granted", "none, {count} promotions granted", granted)
        value = value.format(count=whole(granted))
    direction = "better" if granted else "steady"
    return Signal("promotion", label, value, direction, why, 0.0, level=True, figure="0")


def followups_signal(conversations: Sequence[ConversationView], today: dt.date) -> Signal:
    """Follow-ups your employer owes from the conversations dated by ``today``, and those past due and not done
    then."""
    why = _(
        "An employer who does not do what they promised in a career conversation is telling you something."
    )
    label = _("Employer follow-ups undone")
    rows = [(f.due, f.done_on) for c in conversations for f in c.followups if f.owner == "them"]
    if not rows:
        return Signal(
            "followups", label, _("not enough data (no follow-up owned by your employer)"), "unknown", why
        )
    late = sum(1 for due, done in rows if (done is None or done > today) and due is not None and due < today)
    value = ngettext(
        "{late} of {count} follow-up past due", "{late} of {count} follow-ups past due", len(rows)
    ).format(late=late, count=whole(len(rows)))
    direction = "worse" if late else "better"
    return Signal("followups", label, value, direction, why, float(late), level=True, figure=str(late))


def hours_signal(load: LoadFacts | None) -> Signal:
    why = _(
        "Hours freed from busywork show the job can be reshaped; hours still buried show it has not been yet."
    )
    label = _("Hours freed vs on your plate")
    if load is None or not load.tasks:
        return Signal("hours", label, _("not enough data (no tasks in Load)"), "unknown", why)
    freed_text = minutes_as_hours(load.freed, per_week=True)
    # TRANSLATORS: {freed} and {plate} are hours a week, e.g. "3.5 h/week"
    value = _("{freed} freed, {plate} still on your plate").format(
        freed=freed_text, plate=minutes_as_hours(load.on_plate, per_week=True)
    )
    direction = "better" if load.freed else "worse" if load.on_plate > BURIED_MINUTES else "steady"
    return Signal("hours", label, value, direction, why, as_shown(load.freed / 60), level=True)


def guidance_signal(conversations: Sequence[ConversationView]) -> Signal:
    """The conversations held, of those dated by the reading's day."""
    why = _(
        "Leaving is only advised after a good-faith effort: at least one conversation with your boss or HR."
    )
    label = _("Guidance conversations")
    held = sum(c.held for c in conversations)
    if not held:
        return Signal("guidance", label, _("none held yet"), "unknown", why, 0.0, level=True)
    value = ngettext("{count} conversation held", "{count} conversations held", held).format(
        count=whole(held)
    )
    return Signal("guidance", label, value, "steady", why, float(held), level=True, figure=str(held))
