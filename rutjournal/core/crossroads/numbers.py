"""The arithmetic behind the Crossroads signals, Qt-free and database-free: spans of days, means, trends, the
Monday-dread index, and the check that one week is not a month.

Every figure is judged as it is shown: rounded to one decimal (``as_shown``), so a change written "+0.2" is never
called "better" by a line drawn at 0.25 that the reader cannot see.

One week is not a month: a 30-day level or trend is also computed with one 7-day stretch of its days left out —
the stretch that moves it most toward "nothing to see" — and a rule only counts the figure when that one holds
too. A bad week in a good quarter then reads as one week, not as a trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rutjournal.core.i18n import ngettext
from rutjournal.core.text import number

TREND_STEP = 0.3  # a change of at least this much (points on a 1-5 scale, as shown) is a change, not noise
TREND_DAYS = 30  # mood and challenge: the last 30 days against the 30 before; levels: the last 30 days
TREND_MIN_DAYS = 5  # ... each span of a trend needs at least this many scored days
LEVEL_MIN_DAYS = 10  # a 30-day level needs at least this many scored days
WEEK = 7  # the stretch left out to check that one week does not make the figure
DREAD_DAYS = 90  # the Monday-dread index looks at the last 90 days
DREAD_MIN_MONDAYS = 4
DREAD_MIN_OTHER = 8

Scores = Mapping[dt.date, float]


def as_shown(value: float) -> float:
    """A figure as the reader sees it (one decimal): the rules judge this, never the digits hidden behind it."""
    return float(f"{value:.1f}")  # not number(): its decimal sign is the language's ("7,5")


def signed(value: float) -> str:
    """A change with its sign, as shown: "+0.9", "−1.1", "±0"."""
    shown = number(value)
    if shown == "0":
        return "±0"
    return "−" + shown[1:] if shown.startswith("-") else "+" + shown


def points(value: float) -> str:
    """A distance on the 1-5 scale in words: "1 point", "1.6 points"."""
    shown = number(value)
    # a figure with decimals takes the plural, as in English ("1.6 points"); gettext counts whole numbers only
    return ngettext("{points} point", "{points} points", 1 if shown == "1" else 2).format(points=shown)


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def spans(today: dt.date, days: int = TREND_DAYS) -> tuple[dt.date, dt.date]:
    """(first day of the recent span, first day of the earlier span): the last ``days`` days up to today, and
    the ``days`` before them."""
    recent_start = today - dt.timedelta(days=days - 1)
    return recent_start, recent_start - dt.timedelta(days=days)


def scored_days(scores: Scores, today: dt.date, days: int = TREND_DAYS) -> tuple[int, int]:
    """How many scored days each span of ``trend`` holds: (recent, earlier)."""
    recent_start, earlier_start = spans(today, days)
    recent = sum(1 for d in scores if recent_start <= d <= today)
    earlier = sum(1 for d in scores if earlier_start <= d < recent_start)
    return recent, earlier


def _between(scores: Scores, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    return {d: s for d, s in scores.items() if first <= d <= last}


def trend(
    scores: Scores, today: dt.date, days: int = TREND_DAYS, minimum: int = TREND_MIN_DAYS
) -> tuple[float, float] | None:
    """(mean of the last ``days`` days up to today, mean of the ``days`` before); None when either span has
    fewer than ``minimum`` scored days."""
    recent_start, earlier_start = spans(today, days)
    recent = list(_between(scores, recent_start, today).values())
    earlier = list(_between(scores, earlier_start, recent_start - dt.timedelta(days=1)).values())
    if len(recent) < minimum or len(earlier) < minimum:
        return None
    return sum(recent) / len(recent), sum(earlier) / len(earlier)


@dataclass(frozen=True)
class WeekOut:
    """A figure with one week of its days left out: the figure, and the first and last day of that week."""

    value: float
    first: dt.date
    last: dt.date


def _weeks_out(scores: Mapping[dt.date, float], first: dt.date, last: dt.date, minimum: int) -> list[WeekOut]:
    """The mean of the days from ``first`` to ``last`` with each 7-day stretch inside them left out in turn
    (only where at least ``minimum`` scored days remain and the stretch held a scored day)."""
    days = _between(scores, first, last)
    found: list[WeekOut] = []
    start = first
    while start + dt.timedelta(days=WEEK - 1) <= last:
        end = start + dt.timedelta(days=WEEK - 1)
        kept = [s for d, s in days.items() if not start <= d <= end]
        if len(kept) < len(days) and len(kept) >= minimum:
            found.append(WeekOut(sum(kept) / len(kept), start, end))
        start += dt.timedelta(days=1)
    return found


def level(
    scores: Scores, today: dt.date, days: int = TREND_DAYS, minimum: int = LEVEL_MIN_DAYS
) -> tuple[float, int] | None:
    """(mean of the last ``days`` days up to today, how many days were scored); None under ``minimum``."""
    found = list(_between(scores, today - dt.timedelta(days=days - 1), today).values())
    if len(found) < minimum:
        return None
    return sum(found) / len(found), len(found)


def level_without_a_week(
    scores: Scores, today: dt.date, *, drop: str, days: int = TREND_DAYS, minimum: int = TREND_MIN_DAYS
) -> WeekOut | None:
    """The level of the last ``days`` days with its lowest (``drop="low"``: the highest level left) or highest
    (``drop="high"``) week left out; None when no week can be left out keeping ``minimum`` scored days."""
    found = _weeks_out(scores, today - dt.timedelta(days=days - 1), today, minimum)
    if not found:
        return None
    pick = max if drop == "low" else min
    return pick(found, key=lambda w: (w.value, w.first))


def steady_change(
    scores: Scores, today: dt.date, days: int = TREND_DAYS, minimum: int = TREND_MIN_DAYS
) -> WeekOut | None:
    """The change of ``trend`` closest to none once one week of either span is left out (the week that made
    most of the change); None without a trend or when no week can be left out."""
    found = trend(scores, today, days, minimum)
    if found is None:
        return None
    recent_mean, earlier_mean = found
    recent_start, earlier_start = spans(today, days)
    changes = [
        WeekOut(w.value - earlier_mean, w.first, w.last)
        for w in _weeks_out(scores, recent_start, today, minimum)
    ]
    changes += [
        WeekOut(recent_mean - w.value, w.first, w.last)
        for w in _weeks_out(scores, earlier_start, recent_start - dt.timedelta(days=1), minimum)
    ]
    if not changes:
        return None
    change = recent_mean - earlier_mean
    if change >= 0:
        return min(changes, key=lambda w: (w.value, w.first))
    return max(changes, key=lambda w: (w.value, w.first))


def dread_days(moods: Scores, today: dt.date, days: int = DREAD_DAYS) -> tuple[int, int]:
    """(Mondays, Tuesday-Friday days) with a mood in the last ``days`` days."""
    start = today - dt.timedelta(days=days - 1)
    window = [d for d in moods if start <= d <= today]
    return sum(d.weekday() == 0 for d in window), sum(1 <= d.weekday() <= 4 for d in window)


def monday_dread(moods: Scores, today: dt.date, days: int = DREAD_DAYS) -> float | None:
    """How far Monday's mean mood sits below the Tuesday-Friday mean over the last ``days`` days (positive =
    Mondays are worse); None with fewer than 4 Mondays or 8 Tuesday-Friday days."""
    window = _between(moods, today - dt.timedelta(days=days - 1), today)
    mondays = [m for d, m in window.items() if d.weekday() == 0]
    others = [m for d, m in window.items() if 1 <= d.weekday() <= 4]
    if len(mondays) < DREAD_MIN_MONDAYS or len(others) < DREAD_MIN_OTHER:
        return None
    return sum(others) / len(others) - sum(mondays) / len(mondays)


def direction_of(change: float, step: float = TREND_STEP) -> str:
    """better / worse / steady for a change, judged as shown (one decimal)."""
    shown = as_shown(change)
    if shown >= step:
        return "better"
    if shown <= -step:
        return "worse"
    return "steady"
