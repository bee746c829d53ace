"""The one-sentence, plain-language reading under each Trends plot, with its numbers.

With too little data a reading says so, and how much more is needed, instead of reading nonsense into noise.
The correlation words: |r| < 0.1 no link, < 0.3 weak, < 0.5 moderate, otherwise strong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rutjournal.core.trends import Correlation, Dread, GoalTrack, Series, WeekHours

MIN_DAYS = 10  # a series reading needs this many days with a value
MIN_HALF = 5  # each half of the range needs this many values for "went up / down" to be said
STEADY = 0.1  # a change smaller than this is "about the same"
HOURS_LINE = 40
WORK_DAYS = 5
MIN_MONDAYS = 4
MIN_OTHER_WEEKDAYS = 8
MIN_PAIRS = 10
STRENGTHS = ((0.1, "no"), (0.3, "weak"), (0.5, "moderate"))  # below the bound: that word; else "strong"
SUBJECTS = {
    "mood": "Your mood",
    "energy": "Your energy",
    "challenge": "Your sense of challenge",
    "load": "Your perceived load",
}
PAST = {"delegate": "delegated", "drop": "dropped", "decline": "declined", "automate": "automated"}


def _values(series: Series) -> list[float]:
    return [v for _, v in series if v is not None]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def not_enough(what: str, have: int, need: int) -> str:
    return f"Not enough {what} yet: {have} of the {need} needed."


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def series_reading(field: str, series: Series, first: dt.date, last: dt.date) -> str:
    """Mean over the range; and, with enough values in each half of the range, whether the second half was
    higher, lower or about the same as the first."""
    values = _values(series)
    if len(values) < MIN_DAYS:
        article = "an" if field[:1] in "aeiou" else "a"
        return not_enough(f"days with {article} {field} score", len(values), MIN_DAYS)
    subject = SUBJECTS.get(field, field.capitalize())
    text = f"{subject} averages {_mean(values):.1f} over {_days(len(values))} with a score"
    middle = first + dt.timedelta(days=((last - first).days + 1) // 2)  # the second half starts here
    early = [v for d, v in series if v is not None and d < middle]
    late = [v for d, v in series if v is not None and d >= middle]
    if len(early) < MIN_HALF or len(late) < MIN_HALF:
        return text + f" between {first.isoformat()} and {last.isoformat()}."
    before, after = _mean(early), _mean(late)
    change = after - before
    if abs(change) < STEADY:
        return (
            text + f", steady from the first half of the range to the second ({before:.1f} then {after:.1f})."
        )
    direction = "higher" if change > 0 else "lower"
    return text + (
        f"; in the second half of the range it was {abs(change):.1f} {direction} than in the first "
        f"({after:.1f} vs {before:.1f})."
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
        where = f"{abs(gap):.1f} {'above' if gap > 0 else 'below'} the 40-hour line"
    return (
        f"Your logged days average {day:.1f} hours ({_days(len(values))}): "
        f"{week:.1f} hours in a five-day week, {where}."
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
        f"within {STEADY:.1f}"
        if size < STEADY
        else f"{size:.1f} {'lower' if dread.difference < 0 else 'higher'}"
    )
    return (
        f"Your mood on Mondays averages {dread.monday_mean:.1f}, {_gap_words(dread.difference)} "
        f"Tuesday to Friday ({detail}, {dread.mondays} Mondays)."
    )


def pixels_reading(year: int, pixels: dict[dt.date, int | None]) -> str:
    moods = [v for v in pixels.values() if v is not None]
    if not moods:
        return f"No mood recorded in {year} yet: the calendar fills in as you write."
    low = sum(1 for v in moods if v <= 2)
    return (
        f"{len(moods)} of the {len(pixels)} days of {year} {'has' if len(moods) == 1 else 'have'} a mood, averaging {_mean(moods):.1f}; "
        f"{low} of them were low days (1 or 2)."
    )


def strength(r: float) -> str:
    size = abs(r)
    for bound, word in STRENGTHS:
        if size < bound:
            return word
    return "strong"


def _signed(r: float) -> str:
    text = f"{r:.2f}"
    if text in ("-0.00", "0.00"):
        return "0.00"
    return text.replace("-", "\u2212")


def describe_correlation(r: float, n: int) -> str:
    """Pearson's r of hours against mood, in words."""
    word = strength(r)
    numbers = f"(r = {_signed(r)} over {_days(n)})"
    if word == "no":
        return f"No real link: your mood does not follow the hours you work {numbers}."
    kind = "negative" if r < 0 else "positive"
    trend = "lower" if r < 0 else "higher"
    text = f"a {word} {kind} link: on longer days your mood tends to be {trend} {numbers}."
    return text[0].upper() + text[1:]


def correlation_reading(pairs: Sequence[tuple[float, float]], corr: Correlation | None) -> str:
    if len(pairs) < MIN_PAIRS:
        return not_enough("days with both hours and mood", len(pairs), MIN_PAIRS)
    if corr is None:
        return f"Your hours or your mood did not vary over these {_days(len(pairs))}, so there is no link to measure."
    return describe_correlation(corr.r, corr.n)


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


def decision_reading(weeks: Sequence[WeekHours]) -> str:
    if not weeks:
        return "No tasks yet: list your tasks in Load to see where your hours go."
    first, last = weeks[0], weeks[-1]
    freed = sum(last.freed_minutes.values())
    if not freed:
        return (
            f"By the week of {last.monday.isoformat()} nothing had been freed yet: "
            f"{_hours(last.kept_minutes)} hours a week of tasks are still kept."
        )
    parts = ", ".join(f"{PAST[d]} {_hours(m)}" for d, m in sorted(last.freed_minutes.items()) if m)
    since = sum(first.freed_minutes.values())
    return (
        f"By the week of {last.monday.isoformat()} you had freed {_hours(freed)} hours a week ({parts}) "
        f"and kept {_hours(last.kept_minutes)}; in the first week of the range {_hours(since)} were freed."
    )


def goals_reading(tracks: Sequence[GoalTrack]) -> str:
    if not tracks:
        return "No goals for an active target yet: set a target and goals in Grow to see progress here."
    start = _mean([t.points[0][1] for t in tracks])
    end = _mean([t.points[-1][1] for t in tracks])
    count = f"{len(tracks)} goal{'s' if len(tracks) != 1 else ''}"
    verb = "averages" if len(tracks) == 1 else "average"
    if round(end * 100) == round(start * 100):
        return f"Your {count} {verb} {end:.0%} done, unchanged over the range."
    direction = "up" if end > start else "down"
    return f"Your {count} {verb} {end:.0%} done, {direction} from {start:.0%} at the start of the range."
