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
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.text import hours, minutes_as_hours, percent, score, short_day, whole

CHALLENGE_LEVEL_WHY = N_(
    "Boredom is often at the root of a rut: a month of low challenge scores means the work no longer "
    "stretches you."
)
ENERGY_WHY = N_("Little energy left, week after week, is what an overloaded job takes out of you.")
LOAD_WHY = N_("A load you feel as heavy for a month hides the core of your job under busywork.")
HOURS_WHY = N_("Long days week after week leave no room for the work that matters, or for anything else.")
OUTSIDE_WHY = N_(
    "Work outside your job description crowds out the job you were hired for, and it can be handed back."
)
# TRANSLATORS: {count} and {span} are numbers of days, {found} the days found so far
CHALLENGE_NEEDS = N_(
    "not enough data (needs {count} days with a challenge score in the last {span}; {found} so far)"
)
ENERGY_NEEDS = N_(
    "not enough data (needs {count} days with an energy score in the last {span}; {found} so far)"
)
LOAD_NEEDS = N_("not enough data (needs {count} days with a load score in the last {span}; {found} so far)")
CALM_SHARE = 10  # percent outside the job description at or below which it reads as a good sign


def one_week(week: WeekOut, today: dt.date, shown: str, *, trend: bool = False) -> str:
    """The words for a figure with one week left out, added to its value: ', 3.6 without 16 Nov – 22 Nov: one
    week, not the month' (``trend``: '…: one week, not a trend')."""
    first, last = short_day(week.first, today), short_day(week.last, today)
    if trend:
        # TRANSLATORS: added to a signal's value: the change without the week from {first} to {last}
        text = _(", {figure} without {first} – {last}: one week, not a trend")
    else:
        # TRANSLATORS: added to a signal's value: the level without the week from {first} to {last}
        text = _(", {figure} without {first} – {last}: one week, not the month")
    return text.format(figure=shown, first=first, last=last)


def level_signal(
    key: str,
    label: str,
    scores: Scores,
    today: dt.date,
    *,
    needs: str,
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
        value = needs.format(count=LEVEL_MIN_DAYS, span=TREND_DAYS, found=count)
        return Signal(key, label, value, "unknown", why, noun=noun)
    mean, days = found
    shown = as_shown(mean)
    week = level_without_a_week(scores, today, drop="low" if below else "high")
    steady = None if week is None else as_shown(week.value)
    value = ngettext(
        "{score} over the last {span} days ({count} day)",
        "{score} over the last {span} days ({count} days)",
        days,
    ).format(score=score(mean), span=TREND_DAYS, count=whole(days))
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
        _("Challenge level"),
        challenges,
        today,
        needs=_(CHALLENGE_NEEDS),
        why=_(CHALLENGE_LEVEL_WHY),
        line=BORED_LEVEL,
        below=True,
        noun=_("challenge over the last 30 days"),
    )


def energy_signal(energies: Scores, today: dt.date) -> Signal:
    return level_signal(
        "energy",
        _("Energy level"),
        energies,
        today,
        needs=_(ENERGY_NEEDS),
        why=_(ENERGY_WHY),
        line=DRAINED,
        below=True,
        noun=_("energy over the last 30 days"),
    )


def load_level_signal(loads: Scores, today: dt.date) -> Signal:
    return level_signal(
        "load_level",
        _("Perceived load"),
        loads,
        today,
        needs=_(LOAD_NEEDS),
        why=_(LOAD_WHY),
        line=HEAVY_LOAD,
        below=False,
        noun=_("load over the last 30 days"),
    )


def hours_worked_signal(worked: Scores, today: dt.date) -> Signal:
    """The days worked (hours above 0) of the last 30 days as a five-day week, against the 40-hour line."""
    label = _("Hours worked")
    noun = _("hours in a five-day week")
    why = _(HOURS_WHY)
    days_worked = {d: h for d, h in worked.items() if h > 0}
    found = level(days_worked, today)
    if found is None:
        count = sum(1 for d in days_worked if today - dt.timedelta(days=TREND_DAYS - 1) <= d <= today)
        value = _(
            "not enough data (needs {count} days with hours worked in the last {span}; {found} so far)"
        ).format(count=LEVEL_MIN_DAYS, span=TREND_DAYS, found=count)
        return Signal("hours_worked", label, value, "unknown", why, noun=noun)
    per_day, days = found
    week = as_shown(per_day * WORK_DAYS)
    gap = week - WORK_LINE
    if as_shown(gap) == 0:
        where = _("on the 40-hour line")
    elif gap > 0:
        # TRANSLATORS: {hours} is e.g. "5 h"
        where = _("{hours} above the 40-hour line").format(hours=hours(abs(gap)))
    else:
        where = _("{hours} below the 40-hour line").format(hours=hours(abs(gap)))
    # TRANSLATORS: {week} and {day} are hours ("45 h", "9 h"); {where} is where they sit ("5 h above the 40-hour line")
    value = ngettext(
        "{week} in a five-day week ({day} a day, {count} day worked in the last {span}), {where}",
        "{week} in a five-day week ({day} a day, {count} days worked in the last {span}), {where}",
        days,
    ).format(week=hours(week), day=hours(per_day), count=whole(days), span=TREND_DAYS, where=where)
    out = level_without_a_week(days_worked, today, drop="high")
    steady = None if out is None else as_shown(out.value * WORK_DAYS)
    long = week >= LONG_WEEK
    still = steady is None or steady >= LONG_WEEK
    if long and not still and out is not None and steady is not None:
        value += one_week(out, today, hours(steady))
    direction = "worse" if long and still else "better" if week <= WORK_LINE else "steady"
    return Signal("hours_worked", label, value, direction, why, week, True, steady, hours(week), noun)


def outside_signal(load: LoadFacts | None) -> Signal:
    """The share of the hours on your plate that are not in your job description (partly: said, not counted)."""
    label = _("Outside your job description")
    noun = _("the share of your plate outside your job description")
    why = _(OUTSIDE_WHY)
    if load is None or not load.on_plate:
        return Signal(
            "outside_jd", label, _("not enough data (no hours on your plate in Load)"), "unknown", why
        )
    share = load.outside / load.on_plate
    shown = float(round(share * 100))
    found = {
        "share": percent(share),
        "plate": minutes_as_hours(load.on_plate, per_week=True),
        "outside": minutes_as_hours(load.outside, per_week=True),
    }
    if load.partly:
        # TRANSLATORS: {share} and {partly} are percentages, {plate} and {outside} hours a week
        text = _("{share} of the {plate} on your plate ({outside}); {partly} partly in it")
        value = text.format(partly=percent(load.partly / load.on_plate), **found)
    else:
        value = _("{share} of the {plate} on your plate ({outside})").format(**found)
    direction = "worse" if shown >= OUTSIDE_SHARE else "better" if shown <= CALM_SHARE else "steady"
    return Signal("outside_jd", label, value, direction, why, shown, True, None, percent(share), noun)
