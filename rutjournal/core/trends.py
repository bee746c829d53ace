"""The numbers behind every Trends plot: pure functions over plain SQL reads (no Qt, no matplotlib, no ORM).

Every function takes a ``DateRange``. The rules, in one place:

- **Gaps stay gaps.** A day with no entry, or with the field left blank, is ``None`` — never zero and never
  interpolated.
- **Rolling mean** (``rolling_mean``): for each day, the mean of the non-missing values in the trailing window
  of ``window`` days ending on that day (days before the series starts count as missing). It is ``None`` when the
  window holds fewer than ``ceil(window / 2)`` values — 4 of 7, 15 of 30 — so a lone score is never a "trend".
- **Monday dread** (``monday_dread``): the Monday mean minus the mean of Tuesday to Friday (weekends are left
  out: they are not working days for most people, and a weekend high would inflate the dread). ``None`` with
  fewer than ``MIN_MONDAYS`` Mondays or ``MIN_OTHER_WEEKDAYS`` other weekdays.
- **Correlation** (``correlation``): Pearson's r of hours worked against mood over the days that have both;
  ``None`` with fewer than ``MIN_PAIRS`` days or when either side never varies. Words: |r| < 0.1 none,
  < 0.3 weak, < 0.5 moderate, otherwise strong (see ``trends_readings.strength``).
- **Weekly hours by decision**: for each ISO week (Monday to Sunday) touching the range, the state of each
  task at the end of that week (the Sunday, or the range's last day if sooner): its last decision event on or
  before that day. A task counts from the day it was created. Freed = delegate / drop / decline / automate
  marked done by then; everything else (undecided, keep, renegotiate, and freeing decisions not yet carried
  out) is kept. The day of an event is the day it was recorded, except that a task's current "done" is dated
  by its ``done_on`` (the day the user says it was carried out).
- **Goal progress over time**: per goal of the active target (dropped goals left out), the progress rule of
  ``grow_rules.goal_progress`` applied to what was known each day: milestones done by then out of all of the
  goal's milestones; else the latest manual percentage recorded by then; else 0. A goal's status is not dated,
  so a goal marked done without milestones or percentages shows no step for it.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from rutjournal.core.calendar_words import WEEKDAYS
from rutjournal.core.db import Database
from rutjournal.core.errors import InvalidInput
from rutjournal.core.trends_readings import (
    MIN_MONDAYS,
    MIN_OTHER_WEEKDAYS,
    MIN_PAIRS,
    correlation_reading,
    decision_reading,
    describe_correlation,
    dread_reading,
    goals_reading,
    hours_reading,
    pixels_reading,
    series_reading,
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
    "goal_progress_over_time",
    "hours_mood_pairs",
    "mean",
    "min_values",
    "monday_dread",
    "present",
    "rolling_mean",
    "trends_report",
    "weekday_means",
    "weekly_hours_by_decision",
    "year_pixels",
]

SERIES_FIELDS = ("mood", "energy", "challenge", "hours", "load")
WINDOWS = (7, 30)
FREEING = frozenset({"delegate", "drop", "decline", "automate"})

Series = list[tuple[dt.date, float | None]]


@dataclass(frozen=True)
class DateRange:
    """The days first..last, both included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput("date range", "a last day on or after the first", self.last.isoformat())

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range(self.days)]

    @classmethod
    def last_days(cls, n: int, today: dt.date) -> DateRange:
        """The ``n`` days ending today (n ≥ 1)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise InvalidInput("days", "a whole number of 1 or more", n)
        return cls(today - dt.timedelta(days=n - 1), today)

    @classmethod
    def all_time(cls, db: Database, today: dt.date | None = None) -> DateRange:
        """From the first day anything was recorded (entries, tasks, goals) to today, or to the last day with data
        when that is later; just today when nothing is recorded yet."""
        end = today or dt.date.today()
        with db.reader() as conn:
            days = [d for d in _data_bounds(conn) if d is not None]
        if not days:
            return cls(end, end)
        return cls(min(min(days), end), max(max(days), end))


def _data_bounds(conn: sqlite3.Connection) -> list[dt.date | None]:
    queries = (
        "SELECT min(day), max(day) FROM entries",
        "SELECT min(substr(created_at, 1, 10)), NULL FROM tasks",
        "SELECT min(started_on), NULL FROM goals",
        "SELECT min(day), max(day) FROM goal_progress",
        "SELECT min(done_on), max(done_on) FROM milestones",
    )
    found: list[dt.date | None] = []
    for sql in queries:
        for value in conn.execute(sql).fetchone():
            found.append(dt.date.fromisoformat(value) if value else None)
    return found


# -- daily series --------------------------------------------------------------------------------------------
def daily_series(db: Database, rng: DateRange, field: str) -> Series:
    """(day, value) for every day of the range; None where there is no entry or the field is blank."""
    if field not in SERIES_FIELDS:
        raise InvalidInput("field", " / ".join(SERIES_FIELDS), field)
    with db.reader() as conn:
        rows = conn.execute(
            f"SELECT day, {field} FROM entries WHERE day BETWEEN ? AND ?",  # field is one of SERIES_FIELDS
            (rng.first.isoformat(), rng.last.isoformat()),
        ).fetchall()
    values = {dt.date.fromisoformat(day): (None if v is None else float(v)) for day, v in rows}
    return [(day, values.get(day)) for day in rng.each_day()]


def min_values(window: int) -> int:
    """The fewest values a trailing window needs for its mean to be shown: half of it, rounded up."""
    return math.ceil(window / 2)


def rolling_mean(series: Series, window: int) -> Series:
    """The trailing mean of each day's window (see the module's rules); the series must be one point a day."""
    if window < 1:
        raise InvalidInput("window", "a whole number of days, 1 or more", window)
    need = min_values(window)
    out: Series = []
    total, count = 0.0, 0
    values = [v for _, v in series]
    for i, (day, value) in enumerate(series):
        if value is not None:
            total, count = total + value, count + 1
        if i >= window:
            leaving = values[i - window]
            if leaving is not None:
                total, count = total - leaving, count - 1
        out.append((day, total / count if count >= need else None))
    return out


def present(series: Series) -> list[float]:
    return [v for _, v in series if v is not None]


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# -- weekdays ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekdayMean:
    weekday: int  # 0 = Monday
    mean: float | None
    count: int

    @property
    def name(self) -> str:
        return WEEKDAYS[self.weekday]


@dataclass(frozen=True)
class Dread:
    """Monday's mean minus Tuesday–Friday's (negative: Mondays are worse)."""

    monday_mean: float
    other_mean: float
    difference: float
    mondays: int
    other_days: int


def weekday_means(series: Series) -> list[WeekdayMean]:
    """Monday..Sunday: the mean of the days with a value, and how many there were."""
    buckets: list[list[float]] = [[] for _ in range(7)]
    for day, value in series:
        if value is not None:
            buckets[day.weekday()].append(value)
    return [WeekdayMean(i, mean(b), len(b)) for i, b in enumerate(buckets)]


def monday_dread(series: Series) -> Dread | None:
    mondays = [v for d, v in series if v is not None and d.weekday() == 0]
    others = [v for d, v in series if v is not None and 1 <= d.weekday() <= 4]
    if len(mondays) < MIN_MONDAYS or len(others) < MIN_OTHER_WEEKDAYS:
        return None
    monday, other = sum(mondays) / len(mondays), sum(others) / len(others)
    return Dread(monday, other, monday - other, len(mondays), len(others))


# -- year in pixels ------------------------------------------------------------------------------------------
def year_pixels(db: Database, year: int) -> dict[dt.date, int | None]:
    """Every day of the year with its mood (None: no entry, or mood left blank)."""
    rng = DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return {day: None if v is None else int(v) for day, v in daily_series(db, rng, "mood")}


# -- hours vs mood -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Correlation:
    r: float
    n: int


def hours_mood_pairs(db: Database, rng: DateRange) -> list[tuple[float, float]]:
    """(hours, mood) of each day in the range that has both."""
    with db.reader() as conn:
        rows = conn.execute(
            "SELECT hours, mood FROM entries WHERE day BETWEEN ? AND ? AND hours IS NOT NULL "
            "AND mood IS NOT NULL ORDER BY day",
            (rng.first.isoformat(), rng.last.isoformat()),
        ).fetchall()
    return [(float(h), float(m)) for h, m in rows]


def correlation(pairs: Sequence[tuple[float, float]]) -> Correlation | None:
    """Pearson's r over the pairs; None with fewer than MIN_PAIRS or when either side never varies."""
    n = len(pairs)
    if n < MIN_PAIRS:
        return None
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    syy = sum((y - my) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    r = sxy / math.sqrt(sxx * syy)
    return Correlation(max(-1.0, min(1.0, r)), n)


# -- weekly hours by decision --------------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekHours:
    monday: dt.date
    kept_minutes: int
    freed_minutes: dict[str, int]  # per freeing decision

    @property
    def week(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def kept_hours(self) -> float:
        return self.kept_minutes / 60

    @property
    def freed_hours(self) -> float:
        return sum(self.freed_minutes.values()) / 60


@dataclass(frozen=True)
class _Event:
    day: dt.date
    decision: str
    done: bool
    minutes: int


def _day_of(stamp: str) -> dt.date:
    return dt.date.fromisoformat(stamp[:10])


def weekly_hours_by_decision(db: Database, rng: DateRange) -> list[WeekHours]:
    """Per ISO week touching the range: minutes a week kept vs freed (by decision); empty with no tasks."""
    with db.reader() as conn:
        tasks = conn.execute(
            "SELECT id, created_at, minutes_per_week, done_on FROM tasks ORDER BY id"
        ).fetchall()
        rows = conn.execute(
            "SELECT task_id, at, decision, done, minutes_per_week FROM task_events ORDER BY task_id, at, id"
        ).fetchall()
    if not tasks:
        return []
    events: dict[int, list[_Event]] = {}
    for task_id, at, decision, done, minutes in rows:
        events.setdefault(task_id, []).append(_Event(_day_of(at), decision, bool(done), minutes))
    timelines: list[tuple[dt.date, int, list[_Event]]] = []
    for task_id, created, minutes, done_on in tasks:
        history = events.get(task_id, [])
        if history and history[-1].done and done_on:
            # Carried out on done_on: the decisions before it were taken by then too (order kept).
            when = dt.date.fromisoformat(done_on)
            history = [_Event(min(e.day, when), e.decision, e.done, e.minutes) for e in history[:-1]]
            history.append(_Event(when, events[task_id][-1].decision, True, events[task_id][-1].minutes))
        start_minutes = history[0].minutes if history else minutes
        timelines.append((_day_of(created), start_minutes, history))
    weeks: list[WeekHours] = []
    monday = rng.first - dt.timedelta(days=rng.first.weekday())
    while monday <= rng.last:
        end = min(monday + dt.timedelta(days=6), rng.last)
        kept, freed = 0, {d: 0 for d in sorted(FREEING)}
        for created, start_minutes, history in timelines:
            if created > end:
                continue
            state = [e for e in history if e.day <= end]
            if state and state[-1].decision in FREEING and state[-1].done:
                freed[state[-1].decision] += state[-1].minutes
            else:
                kept += state[-1].minutes if state else start_minutes
        weeks.append(WeekHours(monday, kept, freed))
        monday += dt.timedelta(days=7)
    return weeks


# -- goal progress over time ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoalTrack:
    goal_id: int
    title: str
    points: list[tuple[dt.date, float]]  # a step function: each point holds until the next


def _progress_on(day: dt.date, done_days: list[dt.date | None], percents: list[tuple[dt.date, int]]) -> float:
    if done_days:
        return sum(d is not None and d <= day for d in done_days) / len(done_days)
    known = [p for d, p in percents if d <= day]
    return known[-1] / 100 if known else 0.0


def goal_progress_over_time(db: Database, rng: DateRange) -> list[GoalTrack]:
    """Per goal of the active target (not dropped), started by the range's end: its progress at the range's
    start (or the goal's start), at each change inside the range, and at the range's last day."""
    with db.reader() as conn:
        goals = conn.execute(
            "SELECT g.id, g.title, g.started_on FROM goals g JOIN gaps p ON p.id = g.gap_id "
            "JOIN targets t ON t.id = p.target_id WHERE t.active = 1 AND g.status != 'dropped' ORDER BY g.id"
        ).fetchall()
        milestones: dict[int, list[dt.date | None]] = {}
        for goal_id, done_on in conn.execute("SELECT goal_id, done_on FROM milestones ORDER BY id"):
            milestones.setdefault(goal_id, []).append(dt.date.fromisoformat(done_on) if done_on else None)
        percents: dict[int, list[tuple[dt.date, int]]] = {}
        for goal_id, day, percent in conn.execute(
            "SELECT goal_id, day, percent FROM goal_progress ORDER BY day, id"
        ):
            percents.setdefault(goal_id, []).append((dt.date.fromisoformat(day), percent))
    tracks: list[GoalTrack] = []
    for goal_id, title, started in goals:
        start = max(dt.date.fromisoformat(started), rng.first)
        if start > rng.last:
            continue
        done_days, marks = milestones.get(goal_id, []), percents.get(goal_id, [])
        if done_days:  # milestones decide; manual percentages only count for a goal without milestones
            changes = sorted({d for d in done_days if d is not None})
        else:
            changes = sorted({d for d, _ in marks})
        days = [start, *(d for d in changes if start < d <= rng.last)]
        points: list[tuple[dt.date, float]] = []
        for day in days:
            value = _progress_on(day, done_days, marks)
            if not points or points[-1][1] != value:
                points.append((day, value))
        if points[-1][0] != rng.last:
            points.append((rng.last, points[-1][1]))
        tracks.append(GoalTrack(goal_id, title, points))
    return tracks


# -- the report ----------------------------------------------------------------------------------------------
def _num(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def trends_report(db: Database, days: int | None, today: dt.date) -> dict[str, object]:
    """Every number behind the plots, with its reading, for the given range (``days=None``: all time)."""
    rng = DateRange.all_time(db, today) if days is None else DateRange.last_days(days, today)
    series: dict[str, object] = {}
    readings: dict[str, str] = {}
    mood: Series = []
    for field in SERIES_FIELDS:
        points = daily_series(db, rng, field)
        if field == "mood":
            mood = points
        rolled = {w: rolling_mean(points, w) for w in WINDOWS}
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
                    **{f"mean{w}": _num(rolled[w][i][1]) for w in WINDOWS},
                }
                for i, (day, value) in enumerate(points)
            ],
            "reading": reading,
        }
    dread = monday_dread(mood)
    readings["weekdays"] = dread_reading(mood, dread)
    pixels = year_pixels(db, rng.last.year)
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
