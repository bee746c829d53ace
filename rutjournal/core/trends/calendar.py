"""The weekday and calendar numbers behind the Trends plots: the mean of each weekday, Monday dread, and the
year in pixels. Pure functions (no Qt, no matplotlib, no ORM); the rules are in ``trends``' docstring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rutjournal.core.calendar_words import WEEKDAYS
from rutjournal.core.storage.db import Database
from rutjournal.core.trends.rules import MIN_MONDAYS, MIN_OTHER_WEEKDAYS
from rutjournal.core.trends.series import DateRange, Series, daily_series, mean

__all__ = ["Dread", "WeekdayMean", "monday_dread", "weekday_means", "year_pixels"]


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
def year_pixels(db: Database, year: int, until: dt.date | None = None) -> dict[dt.date, int | None]:
    """Every day of the year with its mood (None: no entry, or mood left blank), up to ``until`` (today) when
    that falls in the year: the days still to come are not days without a mood."""
    first = dt.date(year, 1, 1)
    last = dt.date(year, 12, 31) if until is None else min(dt.date(year, 12, 31), until)
    if last < first:
        return {}
    rng = DateRange(first, last)
    pixels: dict[dt.date, int | None] = {first + dt.timedelta(days=i): None for i in range(rng.days)}
    pixels.update((day, None if v is None else int(v)) for day, v in daily_series(db, rng, "mood"))
    return pixels
