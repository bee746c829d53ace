"""The daily numbers behind the Trends plots: the date range, each measure on the days that have an entry,
rolling means, and hours worked against mood. Pure functions over plain SQL reads (no Qt, no matplotlib, no ORM);
the rules (gaps stay gaps, the rolling mean's window, the correlation's minimum) are in ``trends``' docstring.

Nothing here walks the range day by day: a series holds only the days with an entry, and a rolling mean is a
step function with a point where it changes, so the cost grows with the entries, not with the span of dates
(an old journal may hold a day in year 1 and another in 9999).
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.storage.db import Database
from rutjournal.core.trends.rules import MIN_PAIRS
from rutjournal.core.values import Scores

__all__ = [
    "SERIES_FIELDS",
    "WINDOWS",
    "Correlation",
    "DateRange",
    "Series",
    "correlation",
    "daily_series",
    "entries_after",
    "hours_mood_pairs",
    "mean",
    "min_values",
    "present",
    "rolling_mean",
    "step_values",
]

SERIES_FIELDS = ("mood", "energy", "challenge", "hours", "load")
WINDOWS = (7, 30)

Series = list[tuple[dt.date, float | None]]  # oldest first; a day that is not in it has no entry


@dataclass(frozen=True)
class DateRange:
    """The days first..last, both included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput("date range", _("a last day on or after the first"), self.last.isoformat())

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @classmethod
    def last_days(cls, n: int, today: dt.date) -> DateRange:
        """The ``n`` days ending today (n ≥ 1)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise InvalidInput("days", _("a whole number of 1 or more"), n)
        return cls(today - dt.timedelta(days=n - 1), today)

    @classmethod
    def all_time(cls, db: Database, today: dt.date | None = None) -> DateRange:
        """From the first day anything was recorded (entries, tasks, goals) to today; just today when nothing is
        recorded yet. It never runs past today: an entry dated in the future is not part of any range (no plot
        draws the empty months before it; ``entries_after`` counts them, so the view can say so)."""
        from rutjournal.core.grow.service import Grow
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.load.service import Load

        end = today or dt.date.today()
        firsts = (Journal(db).first_day(), Load(db).first_day(), Grow(db).first_day())
        return cls(min([*(d for d in firsts if d is not None), end]), end)


def entries_after(db: Database, day: dt.date) -> int:
    """How many entries are dated after ``day`` (today): the ones no range shows."""
    from rutjournal.core.journal.service import Journal

    return Journal(db).entries_after(day)


# -- daily series --------------------------------------------------------------------------------------------
def daily_series(db: Database, rng: DateRange, field: str) -> Series:
    """(day, value) for each day of the range that has an entry, oldest first; None where the field is blank.
    A day without an entry is simply not there: gaps stay gaps, and a long range costs nothing more."""
    return daily_series_of(db, rng, (field,))[field]


def daily_series_of(db: Database, rng: DateRange, fields: Sequence[str]) -> dict[str, Series]:
    """``daily_series`` of several fields, from one read of the journal."""
    for field in fields:
        if field not in SERIES_FIELDS:
            raise InvalidInput("field", " / ".join(SERIES_FIELDS), field)
    days = _scores(db, rng) if fields else {}
    ordered = sorted(days)
    return {
        field: [(day, None if (v := getattr(days[day], field)) is None else float(v)) for day in ordered]
        for field in fields
    }


def _scores(db: Database, rng: DateRange) -> dict[dt.date, Scores]:
    """The journal's scores over the range, asked of the journal (Trends reads no table of its own)."""
    from rutjournal.core.journal.service import Journal

    return Journal(db).scores_between(rng.first, rng.last)


def min_values(window: int) -> int:
    """The fewest values a trailing window needs for its mean to be shown: half of it, rounded up."""
    return math.ceil(window / 2)


def rolling_mean(series: Series, window: int, last: dt.date | None = None) -> Series:
    """The trailing mean of ``window`` days (see the module's rules) as a step function up to ``last`` (the
    series' last day by default): a point on each day the mean changes, holding until the next point, and one
    on ``last`` while a mean is shown there. ``step_values`` reads it back on given days."""
    if window < 1:
        raise InvalidInput("window", _("a whole number of days, 1 or more"), window)
    if not series:
        return []
    end = series[-1][0] if last is None else last
    need = min_values(window)
    changes: dict[
        dt.date, tuple[float, int]
    ] = {}  # day -> (sum, count) entering (+) or leaving (-) the window
    for day, value in series:
        if value is None or day > end:
            continue
        total, count = changes.get(day, (0.0, 0))
        changes[day] = (total + value, count + 1)
        leaves = _plus(day, window)
        if leaves is not None and leaves <= end:
            total, count = changes.get(leaves, (0.0, 0))
            changes[leaves] = (total - value, count - 1)
    out: Series = []
    total, count = 0.0, 0
    for day in sorted(changes):
        step_total, step_count = changes[day]
        total, count = total + step_total, count + step_count
        shown = total / count if count >= need else None
        if (out and out[-1][1] != shown) or (not out and shown is not None):
            out.append((day, shown))
    if out and out[-1][1] is not None and out[-1][0] < end:
        out.append((end, out[-1][1]))
    return out


def step_values(steps: Series, days: Sequence[dt.date]) -> list[float | None]:
    """The step function's value on each day (None before its first point)."""
    starts = [day for day, _ in steps]
    values = []
    for day in days:
        at = bisect_right(starts, day)
        values.append(steps[at - 1][1] if at else None)
    return values


def _plus(day: dt.date, days: int) -> dt.date | None:
    """``day`` + ``days``, or None past the last day a date can hold (9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


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
    days = _scores(db, rng)
    return [
        (float(s.hours), float(s.mood))
        for day in sorted(days)
        if (s := days[day]).hours is not None and s.mood is not None
    ]


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
