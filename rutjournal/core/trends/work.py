"""The work numbers behind the Trends plots: task hours a week kept vs freed by decision, and the progress of
the active target's goals over time, from plain SQL reads of the tasks and Grow's goal histories (no Qt, no
matplotlib, no ORM); the rules (a task's state at the end of each week, a goal's progress on each day) are in
``trends``' docstring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rutjournal.core.choices import FREEING as FREEING
from rutjournal.core.grow.service import Grow
from rutjournal.core.storage.db import Database
from rutjournal.core.trends.series import DateRange

__all__ = ["FREEING", "GoalTrack", "WeekHours", "goal_progress_over_time", "weekly_hours_by_decision"]


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


def _day_of(moment: dt.datetime | None) -> dt.date:
    """The day of a stored moment (a row read back always has one)."""
    assert moment is not None
    return moment.date()


def weekly_hours_by_decision(db: Database, rng: DateRange) -> list[WeekHours]:
    """Minutes a week kept vs freed (by decision) as a step function over the ISO weeks touching the range: the
    first week, each week in which a task was added or decided, and the last week (the weeks between are the same
    as the one listed before them); empty with no tasks. Its length follows the tasks, not the range."""
    from rutjournal.core.load.service import Load

    tasks = Load(db).histories()
    if not tasks:
        return []
    timelines: list[tuple[dt.date, int, list[_Event]]] = []
    for task, rows in tasks:
        history = [_Event(_day_of(e.at), e.decision, e.done, e.minutes_per_week) for e in rows]
        if history and history[-1].done and task.done_on:
            # Carried out on done_on: the decisions before it were taken by then too (order kept).
            when = task.done_on
            history = [_Event(min(e.day, when), e.decision, e.done, e.minutes) for e in history[:-1]]
            history.append(_Event(when, rows[-1].decision, True, rows[-1].minutes_per_week))
        start_minutes = history[0].minutes if history else task.minutes_per_week
        # Entered after it was handed off ("done on" earlier): it counts from that day, freed, not from its entry.
        since = min([_day_of(task.created_at), *(e.day for e in history)])
        timelines.append((since, start_minutes, history))
    first, last = _monday(rng.first), _monday(rng.last)
    changed = {created for created, _, _ in timelines} | {e.day for *_, history in timelines for e in history}
    mondays = {first, last} | {_monday(day) for day in changed if rng.first <= day <= rng.last}
    weeks: list[WeekHours] = []
    for monday in sorted(mondays):
        end = rng.last if monday == last else monday + dt.timedelta(days=6)  # the last Sunday may not exist
        kept, freed = 0, {d: 0 for d in sorted(FREEING)}
        for created, start_minutes, history in timelines:
            if created > end:
                continue
            state = [e for e in history if e.day <= end]
            if state and state[-1].decision in FREEING and state[-1].done:
                freed[state[-1].decision] += state[-1].minutes
            else:
                kept += state[-1].minutes if state else start_minutes
        same = weeks and (weeks[-1].kept_minutes, weeks[-1].freed_minutes) == (kept, freed)
        if not same or monday == last:
            weeks.append(WeekHours(monday, kept, freed))
    return weeks


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())  # 0001-01-01 is a Monday: never before the first date


# -- goal progress over time ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoalTrack:
    goal_id: int
    title: str
    points: list[tuple[dt.date, float]]  # a step function: each point holds until the next


def goal_progress_over_time(db: Database, rng: DateRange) -> list[GoalTrack]:
    """Per goal of the active target (not dropped), started by the range's end: its progress at the range's
    start (or the goal's start), at each change inside the range, and at the range's last day. The goals and
    their dated progress come from Grow (``Grow.goal_histories``), which owns the rule for a goal's progress on
    a day."""
    tracks: list[GoalTrack] = []
    for goal in Grow(db).goal_histories():
        start = max(goal.started_on, rng.first)
        if goal.status == "dropped" or start > rng.last:
            continue
        if goal.milestones_done:  # milestones decide; manual percentages only count for a goal without them
            changes = sorted({d for d in goal.milestones_done if d is not None})
        else:
            changes = sorted({d for d, _ in goal.percents})
        points: list[tuple[dt.date, float]] = []
        for day in [start, *(d for d in changes if start < d <= rng.last)]:
            value = goal.progress_on(day)
            if not points or points[-1][1] != value:
                points.append((day, value))
        if points[-1][0] != rng.last:
            points.append((rng.last, points[-1][1]))
        tracks.append(GoalTrack(goal.id, goal.title, points))
    return tracks
