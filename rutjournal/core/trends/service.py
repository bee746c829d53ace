"""The numbers behind every Trends plot: pure functions over plain SQL reads (no Qt, no matplotlib, no ORM).

Every function takes a ``DateRange``. The rules, in one place:

- **Ranges end today.** "Last N days" are the N days up to today; "all time" runs from the first day anything
  was recorded to today. An entry dated in the future is in no range (``entries_after`` counts them): no plot
  draws empty months to reach it, and no reading counts days that have not come yet (the year in pixels says
  "so far" for the current year).
- **Gaps stay gaps.** A series holds the days that have an entry (a blank field is ``None``); a day with no
  entry is not in it — never zero and never interpolated. Nothing is computed per day of the range, so a range
  of centuries with a few entries costs as little as those entries.
- **Rolling mean** (``rolling_mean``): for each day, the mean of the non-missing values in the trailing window
  of ``window`` days ending on that day (days before the range starts count as missing). It is ``None`` when the
  window holds fewer than ``ceil(window / 2)`` values — 4 of 7, 15 of 30 — so a lone score is never a "trend".
  It is kept as a step function: a point on each day it changes, holding until the next (``step_values`` reads
  it on given days); the report gives it on each day with an entry.
- **Monday dread** (``monday_dread``): the Monday mean minus the mean of Tuesday to Friday (weekends are left
  out: they are not working days for most people, and a weekend high would inflate the dread). ``None`` with
  fewer than ``MIN_MONDAYS`` Mondays or ``MIN_OTHER_WEEKDAYS`` other weekdays.
- **Correlation** (``correlation``): Pearson's r of hours worked against mood over the days that have both;
  ``None`` with fewer than ``MIN_PAIRS`` days or when either side never varies. Words: |r| < 0.1 none,
  < 0.3 weak, < 0.5 moderate, otherwise strong (see ``trends_readings.strength``).
- **Weekly hours by decision**: a step function over the ISO weeks (Monday to Sunday) touching the range: the
  first week, each week in which something changed, and the last week, each with the state of each task at the
  end of that week (the Sunday, or the range's last day if sooner): its last decision event on or before that
  day. A week that is not listed is the same as the listed one before it (the plot draws every week). A task
  counts from the day it was created, or from the day it was carried out when that is earlier (a hand-off
  entered afterwards). Freed = delegate / drop / decline / automate marked done by then; everything else
  (undecided, keep, renegotiate, and freeing decisions not yet carried out) is kept. The day of an event is the
  day it was recorded, except that a task's current "done" is dated by its ``done_on`` (the day the user says
  it was carried out).
- **Goal progress over time**: per goal of the active target (dropped goals left out), the progress rule of
  ``grow_rules.goal_progress`` applied to what was known each day: milestones done by then out of all of the
  goal's milestones; else the latest manual percentage recorded by then; else 0. A goal's status is not dated,
  so a goal marked done without milestones or percentages shows no step for it.

The numbers live by subject: ``trends_series`` (the range, daily series, rolling means, hours vs mood),
``trends_calendar`` (weekdays, Monday dread, the year in pixels) and ``trends_work`` (weekly hours by decision,
goal progress); ``trends_readings`` puts each in words. This module gathers them into ``trends_report`` and is
the one place callers import them from.
"""

from __future__ import annotations

import datetime as dt

from rutjournal.core.calendar_words import WEEKDAYS
from rutjournal.core.storage.db import Database
from rutjournal.core.trends.calendar import Dread, WeekdayMean, monday_dread, weekday_means, year_pixels
from rutjournal.core.trends.readings import (
    correlation_reading,
    decision_reading,
    describe_correlation,
    dread_reading,
    goals_reading,
    hours_reading,
    pixels_reading,
    series_reading,
)
from rutjournal.core.trends.rules import MIN_MONDAYS, MIN_OTHER_WEEKDAYS, MIN_PAIRS
from rutjournal.core.trends.series import (
    SERIES_FIELDS,
    WINDOWS,
    Correlation,
    DateRange,
    Series,
    correlation,
    daily_series,
    daily_series_of,
    entries_after,
    hours_mood_pairs,
    mean,
    min_values,
    present,
    rolling_mean,
    step_values,
)
from rutjournal.core.trends.work import (
    FREEING,
    GoalTrack,
    WeekHours,
    goal_progress_over_time,
    weekly_hours_by_decision,
)

__all__ = [
    "FREEING",
    "MIN_MONDAYS",
    "MIN_OTHER_WEEKDAYS",
    "MIN_PAIRS",
    "SERIES_FIELDS",
    "WEEKDAYS",
    "WINDOWS",
    "Correlation",
    "DateRange",
    "Dread",
    "GoalTrack",
    "Series",
    "WeekHours",
    "WeekdayMean",
    "correlation",
    "daily_series",
    "describe_correlation",
    "entries_after",
    "goal_progress_over_time",
    "hours_mood_pairs",
    "mean",
    "min_values",
    "monday_dread",
    "present",
    "rolling_mean",
    "step_values",
    "trends_report",
    "weekday_means",
    "weekly_hours_by_decision",
    "year_pixels",
]


# -- the report ----------------------------------------------------------------------------------------------
def _num(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def trends_report(db: Database, days: int | None, today: dt.date) -> dict[str, object]:
    """Every number behind the plots, with its reading, for the given range (``days=None``: all time); the year
    in pixels holds the days up to today, and ``entries_after_today`` counts the entries no range shows."""
    rng = DateRange.all_time(db, today) if days is None else DateRange.last_days(days, today)
    series: dict[str, object] = {}
    readings: dict[str, str] = {}
    mood: Series = []
    every = daily_series_of(db, rng, SERIES_FIELDS)  # one read of the journal for all five
    for field in SERIES_FIELDS:
        points = every[field]
        if field == "mood":
            mood = points
        on = [day for day, _ in points]
        rolled = {w: step_values(rolling_mean(points, w, rng.last), on) for w in WINDOWS}
        values = present(points)
        reading = (
            hours_reading(points) if field == "hours" else series_reading(field, points, rng.first, rng.last)
        )
        readings[field] = reading
        series[field] = {
            "days_with_value": len(values),
            "mean": _num(mean(values)),
            "points": [
                {
                    "date": day.isoformat(),
                    "value": value,
                    **{f"mean{w}": _num(rolled[w][i]) for w in WINDOWS},
                }
                for i, (day, value) in enumerate(points)
            ],
            "reading": reading,
        }
    dread = monday_dread(mood)
    readings["weekdays"] = dread_reading(mood, dread)
    pixels = year_pixels(db, rng.last.year, until=rng.last)
    readings["year"] = pixels_reading(rng.last.year, pixels)
    pairs = hours_mood_pairs(db, rng)
    corr = correlation(pairs)
    readings["hours_vs_mood"] = correlation_reading(pairs, corr)
    weeks = weekly_hours_by_decision(db, rng)
    readings["weekly_hours"] = decision_reading(weeks)
    goals = goal_progress_over_time(db, rng)
    readings["goals"] = goals_reading(goals)
    return {
        "range": {"first": rng.first.isoformat(), "last": rng.last.isoformat(), "days": rng.days},
        "entries_after_today": entries_after(db, today),
        "series": series,
        "weekdays": {
            "field": "mood",
            "means": [
                {"weekday": w.name, "mean": _num(w.mean), "count": w.count} for w in weekday_means(mood)
            ],
            "monday_dread": None
            if dread is None
            else {
                "monday_mean": _num(dread.monday_mean),
                "other_mean": _num(dread.other_mean),
                "difference": _num(dread.difference),
                "mondays": dread.mondays,
                "other_days": dread.other_days,
            },
            "reading": readings["weekdays"],
        },
        "year_pixels": {
            "year": rng.last.year,
            "days": {day.isoformat(): value for day, value in pixels.items()},
            "reading": readings["year"],
        },
        "hours_vs_mood": {
            "pairs": [[h, m] for h, m in pairs],
            "r": None if corr is None else _num(corr.r, 3),
            "n": len(pairs),
            "reading": readings["hours_vs_mood"],
        },
        "weekly_hours": {
            "weeks": [
                {
                    "week": w.week,
                    "monday": w.monday.isoformat(),
                    "kept_hours": _num(w.kept_hours),
                    "freed_hours": _num(w.freed_hours),
                    "freed_by_decision": {d: _num(m / 60) for d, m in w.freed_minutes.items()},
                }
                for w in weeks
            ],
            "reading": readings["weekly_hours"],
        },
        "goals": {
            "goals": [
                {
                    "id": g.goal_id,
                    "title": g.title,
                    "points": [{"date": d.isoformat(), "progress": _num(p, 4)} for d, p in g.points],
                }
                for g in goals
            ],
            "reading": readings["goals"],
        },
        "readings": readings,
    }
