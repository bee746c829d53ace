"""The Crossroads signals of the job as it is — the first two steps out of a rut: is the work still a challenge,
and is the load bearable? Pure functions over the daily scores (read by ``sources``) and what the Load
service says (``LoadFacts``); no database, no Qt.

- ``challenge_level``, ``energy``, ``load_level``: the mean score of the last 30 days (at least 10 scored days);
- ``hours_worked``: the mean hours of the days worked (hours above 0) in the last 30 days, as a five-day week
  against the 40-hour line (at least 10 days worked);
- ``outside_jd``: the share of the hours on your plate (Load) that are not in your job description.

Each 30-day level is also taken with its most extreme week left out (its lowest week where the line is "or
less", its highest where it is "or more"): ``Signal.steady``. A level past its line only reads "a bad sign" when
that figure is past the line too — else its value says it is one week, not the month.
"""

from __future__ import annotations

import datetime as dt

from rutjournal.core.crossroads.model import LoadFacts, Signal
from rutjournal.core.crossroads.numbers import (
    LEVEL_MIN_DAYS,
    TREND_DAYS,
    Scores,
    WeekOut,
    as_shown,
    level,
    level_without_a_week,
)
from rutjournal.core.crossroads.steps import (
    BORED_LEVEL,
    DRAINED,
    HEAVY_LOAD,
    LONG_WEEK,
    OUTSIDE_SHARE,
    WORK_DAYS,
    WORK_LINE,
)
from rutjournal.core.text import hours, minutes_as_hours, percent, plural, score, short_day

NOT_ENOUGH = "not enough data"
CHALLENGE_LEVEL_WHY = (
    "Boredom is often at the root of a rut: a month of low challenge scores means the work no longer "
    "stretches you."
)
ENERGY_WHY = "Little energy left, week after week, is what an overloaded job takes out of you."
LOAD_WHY = "A load you feel as heavy for a month hides the core of your job under busywork."
HOURS_WHY = "Long days week after week leave no room for the work that matters, or for anything else."
OUTSIDE_WHY = (
    "Work outside your job description crowds out the job you were hired for, and it can be handed back."
)
CALM_SHARE = 10  # percent outside the job description at or below which it reads as a good sign


def one_week(week: WeekOut, today: dt.date, shown: str) -> str:
    """The words for a figure with one week left out: ', 3.6 without 16 Nov – 22 Nov: one week, not the month'."""
    return f", {shown} without {short_day(week.first, today)} – {short_day(week.last, today)}: one week, not the month"


def level_signal(
    key: str,
    label: str,
    scores: Scores,
    today: dt.date,
    *,
    what: str,
    why: str,
    line: float,
    below: bool,
    noun: str,
) -> Signal:
    """A 30-day mean score against its line: worse past it (also without the most extreme week), better on
    the good side of 3."""
    found = level(scores, today)
    if found is None:
        count = sum(1 for d in scores if today - dt.timedelta(days=TREND_DAYS - 1) <= d <= today)
        value = (
            f"{NOT_ENOUGH} (needs {LEVEL_MIN_DAYS} days with {what} in the last {TREND_DAYS}; {count} so far)"
        )
        return Signal(key, label, value, "unknown", why, noun=noun)
    mean, days = found
    shown = as_shown(mean)
    week = level_without_a_week(scores, today, drop="low" if below else "high")
    steady = None if week is None else as_shown(week.value)
    value = f"{score(mean)} over the last {TREND_DAYS} days ({plural(days, 'day')})"
    past = shown <= line if below else shown >= line
    still = steady is None or (steady <= line if below else steady >= line)
    if past and not still and week is not None:
        value += one_week(week, today, score(week.value))
    good = shown >= 3 if below else shown <= 3
    direction = "worse" if past and still else "better" if good else "steady"
    return Signal(key, label, value, direction, why, shown, True, steady, score(mean), noun)


def challenge_level_signal(challenges: Scores, today: dt.date) -> Signal:
    return level_signal(
        "challenge_level",
        "Challenge level",
        challenges,
        today,
        what="a challenge score",
        why=CHALLENGE_LEVEL_WHY,
        line=BORED_LEVEL,
        below=True,
        noun="challenge over the last 30 days",
    )


def energy_signal(energies: Scores, today: dt.date) -> Signal:
    return level_signal(
        "energy",
        "Energy level",
        energies,
        today,
        what="an energy score",
        why=ENERGY_WHY,
        line=DRAINED,
        below=True,
        noun="energy over the last 30 days",
    )


def load_level_signal(loads: Scores, today: dt.date) -> Signal:
    return level_signal(
        "load_level",
        "Perceived load",
        loads,
        today,
        what="a load score",
        why=LOAD_WHY,
        line=HEAVY_LOAD,
        below=False,
        noun="load over the last 30 days",
    )


def hours_worked_signal(worked: Scores, today: dt.date) -> Signal:
    """The days worked (hours above 0) of the last 30 days as a five-day week, against the 40-hour line."""
    label = "Hours worked"
    noun = "hours in a five-day week"
    days_worked = {d: h for d, h in worked.items() if h > 0}
    found = level(days_worked, today)
    if found is None:
        count = sum(1 for d in days_worked if today - dt.timedelta(days=TREND_DAYS - 1) <= d <= today)
        value = (
            f"{NOT_ENOUGH} (needs {LEVEL_MIN_DAYS} days with hours worked in the last {TREND_DAYS}; "
            f"{count} so far)"
        )
        return Signal("hours_worked", label, value, "unknown", HOURS_WHY, noun=noun)
    per_day, days = found
    week = as_shown(per_day * WORK_DAYS)
    gap = week - WORK_LINE
    where = (
        "on the 40-hour line"
        if as_shown(gap) == 0
        else f"{hours(abs(gap))} {'above' if gap > 0 else 'below'} the 40-hour line"
    )
    value = (
        f"{hours(week)} in a five-day week ({hours(per_day)} a day, {plural(days, 'day')} worked in the last "
        f"{TREND_DAYS}), {where}"
    )
    out = level_without_a_week(days_worked, today, drop="high")
    steady = None if out is None else as_shown(out.value * WORK_DAYS)
    long = week >= LONG_WEEK
    still = steady is None or steady >= LONG_WEEK
    if long and not still and out is not None and steady is not None:
        value += one_week(out, today, hours(steady))
    direction = "worse" if long and still else "better" if week <= WORK_LINE else "steady"
    return Signal("hours_worked", label, value, direction, HOURS_WHY, week, True, steady, hours(week), noun)


def outside_signal(load: LoadFacts | None) -> Signal:
    """The share of the hours on your plate that are not in your job description (partly: said, not counted)."""
    label = "Outside your job description"
    noun = "the share of your plate outside your job description"
    if load is None or not load.on_plate:
        return Signal(
            "outside_jd", label, f"{NOT_ENOUGH} (no hours on your plate in Load)", "unknown", OUTSIDE_WHY
        )
    share = load.outside / load.on_plate
    shown = float(round(share * 100))
    value = (
        f"{percent(share)} of the {minutes_as_hours(load.on_plate, per_week=True)} on your plate "
        f"({minutes_as_hours(load.outside, per_week=True)})"
    )
    if load.partly:
        value += f"; {percent(load.partly / load.on_plate)} partly in it"
    direction = "worse" if shown >= OUTSIDE_SHARE else "better" if shown <= CALM_SHARE else "steady"
    return Signal("outside_jd", label, value, direction, OUTSIDE_WHY, shown, True, None, percent(share), noun)
