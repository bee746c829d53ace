"""A goal's dated history — the days its milestones were ticked and its manual percentages set — and what other
sections ask of it: when the goal last moved, how far along it was on a given day, whether it was overdue or
stalled then.

Guidance (the agenda's stalled goals), Trends (progress over time) and Crossroads (the goals signal) used to read
Grow's tables with their own copies of these queries; they now ask ``Grow.goal_histories()`` and these methods, so
"last activity" and "progress on a day" are written once. Pure: no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rutjournal.core.choices import CLOSED_STATUSES as CLOSED
from rutjournal.core.grow.rules import goal_progress, is_overdue

STALL_DAYS = 30  # a goal started this long ago with no progress within as many days has stalled


@dataclass(frozen=True)
class GoalHistory:
    """One goal with the dated facts of its progress (its status is today's: Grow keeps no history of it)."""

    id: int
    gap_id: int
    title: str
    status: str
    started_on: dt.date
    due: dt.date | None
    milestones_done: tuple[dt.date | None, ...]  # each milestone's day ticked off, None while it is not
    percents: tuple[tuple[dt.date, int], ...]  # the manual percentages as they were set, by day

    @property
    def is_open(self) -> bool:
        """Neither done nor dropped."""
        return self.status not in CLOSED

    def last_activity(self, until: dt.date | None = None) -> dt.date | None:
        """The latest day a milestone was ticked off or a percentage set (up to ``until`` when given); None
        when neither ever happened."""
        days = [d for d in self.milestones_done if d is not None] + [d for d, _ in self.percents]
        if until is not None:
            days = [d for d in days if d <= until]
        return max(days, default=None)

    def progress_on(self, day: dt.date) -> float:
        """0..1 as known on ``day``: the share of milestones ticked off by then, or (a goal without milestones)
        the last percentage set by then, else 0. The status of that day is not kept, so a goal since marked
        done counts by its milestones or percentages alone."""
        done = sum(d is not None and d <= day for d in self.milestones_done)
        known = [p for d, p in self.percents if d <= day]
        return goal_progress("active", done, len(self.milestones_done), known[-1] if known else None)

    def overdue_on(self, day: dt.date) -> bool:
        """Past its due date on ``day`` and neither done nor dropped."""
        return is_overdue(self.due, self.status, day)

    def stalled_on(self, day: dt.date, until: dt.date | None = None) -> bool:
        """Open, started at least STALL_DAYS before ``day``, and no progress within those days (progress
        counted up to ``until`` when given)."""
        since = day - dt.timedelta(days=STALL_DAYS)
        last = self.last_activity(until)
        return self.is_open and self.started_on <= since and (last is None or last < since)

    def stalled_since(self, until: dt.date | None = None) -> dt.date:
        """The day it last moved, else the day it started."""
        return self.last_activity(until) or self.started_on
