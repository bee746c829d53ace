"""The daily numbers behind the Trends plots: the date range, one value a day per measure, rolling means, and
hours worked against mood. Pure functions over plain SQL reads (no Qt, no matplotlib, no ORM); the rules (gaps
stay gaps, the rolling mean's window, the correlation's minimum) are in ``trends``' docstring.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from rutjournal.core.db import Database
from rutjournal.core.errors import InvalidInput
from rutjournal.core.trends_readings import MIN_PAIRS

__all__ = [
    "SERIES_FIELDS",
    "WINDOWS",
    "Correlation",
    "DateRange",
    "Series",
    "correlation",
    "daily_series",
    "hours_mood_pairs",
    "mean",
    "min_values",
    "present",
    "rolling_mean",
]

SERIES_FIELDS = ("mood", "energy", "challenge", "hours", "load")
WINDOWS = (7, 30)

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
