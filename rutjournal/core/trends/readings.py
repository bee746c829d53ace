"""The one-sentence, plain-language reading under each Trends plot, with its numbers.

With too little data a reading says so, and how much more is needed, instead of reading nonsense into noise.
The correlation words: |r| < 0.1 no link, < 0.3 weak, < 0.5 moderate, otherwise strong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rutjournal.core import text
from rutjournal.core.trends.rules import (
    HOURS_LINE,
    MIN_DAYS,
    MIN_HALF,
    MIN_MONDAYS,
    MIN_OTHER_WEEKDAYS,
    MIN_PAIRS,
    PAST,
    STEADY,
    STRENGTHS,
    SUBJECTS,
    WORK_DAYS,
)

if TYPE_CHECKING:
    from rutjournal.core.trends.calendar import Dread
    from rutjournal.core.trends.series import Correlation, Series
    from rutjournal.core.trends.work import GoalTrack, WeekHours


def _values(series: Series) -> list[float]:
    return [v for _, v in series if v is not None]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def not_enough(what: str, have: int, need: int) -> str:
    return f"Not enough {what} yet: {have} of the {need} needed."


def range_reading(first: dt.date, last: dt.date, after: int = 0) -> str:
    """The range in words, and the entries dated after today that no range shows (a future date is kept, not
    drawn: the plots would stretch across empty months to reach it)."""
    days = (last - first).days + 1
    said = f"{text.day(first)} to {text.day(last)} ({text.plural(days, 'day')})"
    if after:
        verb = "is" if after == 1 else "are"
        said += f"; {text.plural(after, 'entry', 'entries')} dated after today {verb} not shown"
    return said


def series_reading(field: str, series: Series, first: dt.date, last: dt.date) -> str:
    """Mean over the range; and, with enough values in each half of the range, whether the second half was
    higher, lower or about the same as the first."""
    values = _values(series)
    if len(values) < MIN_DAYS:
        article = "an" if field[:1] in "aeiou" else "a"
        return not_enough(f"days with {article} {field} score", len(values), MIN_DAYS)
    subject = SUBJECTS.get(field, field.capitalize())
    said = (
        f"{subject} averages {text.score(_mean(values))} over {text.plural(len(values), 'day')} with a score"
    )
    middle = first + dt.timedelta(days=((last - first).days + 1) // 2)  # the second half starts here
    early = [v for d, v in series if v is not None and d < middle]
    late = [v for d, v in series if v is not None and d >= middle]
    if len(early) < MIN_HALF or len(late) < MIN_HALF:
        return said + f" between {text.day(first)} and {text.day(last)}."
    before, after = _mean(early), _mean(late)
    change = after - before
    if abs(change) < STEADY:
        return said + (
            f", steady from the first half of the range to the second "
            f"({text.score(before)} then {text.score(after)})."
        )
    direction = "higher" if change > 0 else "lower"
    return said + (
        f"; in the second half of the range it was {text.score(abs(change))} {direction} than in the first "
        f"({text.score(after)} vs {text.score(before)})."
    )


def hours_reading(series: Series) -> str:
    """The mean of the days with hours logged, as a five-day week against the 40-hour line."""
    values = _values(series)
    if len(values) < MIN_DAYS:
        return not_enough("days with hours logged", len(values), MIN_DAYS)
    day = _mean(values)
    week = day * WORK_DAYS
    gap = week - HOURS_LINE
    if abs(gap) < 0.05:
        where = "right on the 40-hour line"
    else:
        where = f"{text.hours(abs(gap))} {'above' if gap > 0 else 'below'} the 40-hour line"
    return (
        f"Your logged days average {text.hours(day)} ({text.plural(len(values), 'day')}): "
        f"{text.hours(week)} in a five-day week, {where}."
    )


def _gap_words(difference: float) -> str:
    size = abs(difference)
    side = "below" if difference < 0 else "above"
    if size < STEADY:
        return "about the same as"
    if size < 0.5:
        return f"a little {side}"
    if size < 0.95:
        return f"clearly {side}"
    return f"a full point {side}" if size < 1.05 else f"more than a full point {side}"


def dread_reading(series: Series, dread: Dread | None) -> str:
    """The Monday dread in one sentence (Monday vs Tuesday to Friday)."""
    if dread is None:
        mondays = sum(1 for d, v in series if v is not None and d.weekday() == 0)
        others = sum(1 for d, v in series if v is not None and 1 <= d.weekday() <= 4)
        return (
            f"Not enough weekdays with a mood yet: {mondays} of the {MIN_MONDAYS} Mondays and "
            f"{others} of the {MIN_OTHER_WEEKDAYS} other weekdays needed."
        )
    size = abs(dread.difference)
    detail = (
        f"within {text.score(STEADY)}"
        if size < STEADY
        else f"{text.score(size)} {'lower' if dread.difference < 0 else 'higher'}"
    )
    return (
        f"Your mood on Mondays averages {text.score(dread.monday_mean)}, {_gap_words(dread.difference)} "
        f"Tuesday to Friday ({detail}, {text.plural(dread.mondays, 'Monday')})."
    )


def pixels_reading(year: int, pixels: dict[dt.date, int | None]) -> str:
    """How many of the year's days so far have a mood: the days still to come are not counted."""
    moods = [v for v in pixels.values() if v is not None]
    if not moods:
        return f"No mood recorded in {year} yet: the calendar fills in as you write."
    low = sum(1 for v in moods if v <= 2)
    whole = dt.date(year, 12, 31) in pixels
    return (
        f"{len(moods)} of the {len(pixels)} days of {year}{'' if whole else ' so far'} "
        f"{'has' if len(moods) == 1 else 'have'} a mood, averaging {text.score(_mean(moods))}, "
        f"with {text.plural(low, 'low day')} (1 or 2)."
    )


def strength(r: float) -> str:
    size = abs(r)
    for bound, word in STRENGTHS:
        if size < bound:
            return word
    return "strong"


def _signed(r: float) -> str:
    shown = f"{r:.2f}"
    if shown in ("-0.00", "0.00"):
        return "0.00"
    return shown.replace("-", "\u2212")


def describe_correlation(r: float, n: int) -> str:
    """Pearson's r of hours against mood, in words."""
    word = strength(r)
    numbers = f"(r = {_signed(r)} over {text.plural(n, 'day')})"
    if word == "no":
        return f"No real link: your mood does not follow the hours you work {numbers}."
    kind = "negative" if r < 0 else "positive"
    trend = "lower" if r < 0 else "higher"
    said = f"a {word} {kind} link: on longer days your mood tends to be {trend} {numbers}."
    return said[0].upper() + said[1:]


def correlation_reading(pairs: Sequence[tuple[float, float]], corr: Correlation | None) -> str:
    if len(pairs) < MIN_PAIRS:
        return not_enough("days with both hours and mood", len(pairs), MIN_PAIRS)
    if corr is None:
        return (
            f"Your hours or your mood did not vary over these {text.plural(len(pairs), 'day')}, "
            "so there is no link to measure."
        )
    return describe_correlation(corr.r, corr.n)


def decision_reading(weeks: Sequence[WeekHours]) -> str:
    if not weeks:
        return "No tasks yet: list your tasks in Load to see where your hours go."
    first, last = weeks[0], weeks[-1]
    freed = sum(last.freed_minutes.values())
    week = text.day(last.monday)
    if not freed:
        return (
            f"By the week of {week} nothing had been freed yet: "
            f"{text.minutes_as_hours(last.kept_minutes, per_week=True)} of tasks are still kept."
        )
    parts = ", ".join(
        f"{PAST[d]} {text.minutes_as_hours(m)}" for d, m in sorted(last.freed_minutes.items()) if m
    )
    since = sum(first.freed_minutes.values())
    return (
        f"By the week of {week} you had freed {text.minutes_as_hours(freed, per_week=True)} ({parts}) "
        f"and kept {text.minutes_as_hours(last.kept_minutes, per_week=True)}; in the first week of the range "
        f"{text.minutes_as_hours(since, per_week=True)} had been freed."
    )


def goals_reading(tracks: Sequence[GoalTrack]) -> str:
    if not tracks:
        return "No goals for an active target yet: set a target and goals in Grow to see progress here."
    start = _mean([t.points[0][1] for t in tracks])
    end = _mean([t.points[-1][1] for t in tracks])
    count = text.plural(len(tracks), "goal")
    verb = "averages" if len(tracks) == 1 else "average"
    if round(end * 100) == round(start * 100):
        return f"Your {count} {verb} {text.percent(end)} done, unchanged over the range."
    direction = "up" if end > start else "down"
    return (
        f"Your {count} {verb} {text.percent(end)} done, {direction} from {text.percent(start)} "
        "at the start of the range."
    )
