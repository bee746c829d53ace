"""The one-sentence, plain-language reading under each Trends plot, with its numbers.

With too little data a reading says so, and how much more is needed, instead of reading nonsense into noise.
The correlation words: |r| < 0.1 no link, < 0.3 weak, < 0.5 moderate, otherwise strong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rutjournal.core import text
from rutjournal.core.i18n import N_, _, formats, ngettext
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
    return [v for _day, v in series if v is not None]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=text.whole(count))


def not_enough(sentence: str, have: int, need: int) -> str:
    """``sentence`` (translated, with {have} and {need}) filled in: "Not enough … yet: 9 of the 10 needed."."""
    return sentence.format(have=have, need=need)


def range_reading(first: dt.date, last: dt.date, after: int = 0) -> str:
    """The range in words, and the entries dated after today that no range shows (a future date is kept, not
    drawn: the plots would stretch across empty months to reach it)."""
    days = (last - first).days + 1
    found = {
        "first": text.day(first),
        "last": text.day(last),
        "days": _days(days),
        "count": text.whole(after),
    }
    if after:
        # TRANSLATORS: {first} and {last} are days, {days} is "30 days", {count} a number of entries
        return ngettext(
            "{first} to {last} ({days}); {count} entry dated after today is not shown",
            "{first} to {last} ({days}); {count} entries dated after today are not shown",
            after,
        ).format(**found)
    # TRANSLATORS: the range of days a plot shows: {first} and {last} are days, {days} is "30 days"
    return _("{first} to {last} ({days})").format(**found)


NOT_ENOUGH_SCORES = {  # by field: the series reading with too few days
    "mood": N_("Not enough days with a mood score yet: {have} of the {need} needed."),
    "energy": N_("Not enough days with an energy score yet: {have} of the {need} needed."),
    "challenge": N_("Not enough days with a challenge score yet: {have} of the {need} needed."),
    "load": N_("Not enough days with a load score yet: {have} of the {need} needed."),
}


def series_reading(field: str, series: Series, first: dt.date, last: dt.date) -> str:
    """Mean over the range; and, with enough values in each half of the range, whether the second half was
    higher, lower or about the same as the first."""
    values = _values(series)
    if len(values) < MIN_DAYS:
        if field in NOT_ENOUGH_SCORES:
            return not_enough(_(NOT_ENOUGH_SCORES[field]), len(values), MIN_DAYS)
        article = "an" if field[:1] in "aeiou" else "a"
        return f"Not enough days with {article} {field} score yet: {len(values)} of the {MIN_DAYS} needed."
    found = {
        "subject": _(SUBJECTS[field]) if field in SUBJECTS else field.capitalize(),
        "mean": text.score(_mean(values)),
        "count": text.whole(len(values)),
        "first": text.day(first),
        "last": text.day(last),
    }
    n = len(values)
    middle = first + dt.timedelta(days=((last - first).days + 1) // 2)  # the second half starts here
    early = [v for d, v in series if v is not None and d < middle]
    late = [v for d, v in series if v is not None and d >= middle]
    if len(early) < MIN_HALF or len(late) < MIN_HALF:
        # TRANSLATORS: {subject} is "Your mood", "Your energy", …; {mean} a score from 1 to 5
        return ngettext(
            "{subject} averages {mean} over {count} day with a score between {first} and {last}.",
            "{subject} averages {mean} over {count} days with a score between {first} and {last}.",
            n,
        ).format(**found)
    before, after = _mean(early), _mean(late)
    change = after - before
    found.update(before=text.score(before), after=text.score(after), change=text.score(abs(change)))
    if abs(change) < STEADY:
        return ngettext(
            "{subject} averages {mean} over {count} day with a score, steady from the first half of the range "
            "to the second ({before} then {after}).",
            "{subject} averages {mean} over {count} days with a score, steady from the first half of the range "
            "to the second ({before} then {after}).",
            n,
        ).format(**found)
    if change > 0:
        return ngettext(
            "{subject} averages {mean} over {count} day with a score; in the second half of the range it was "
            "{change} higher than in the first ({after} vs {before}).",
            "{subject} averages {mean} over {count} days with a score; in the second half of the range it was "
            "{change} higher than in the first ({after} vs {before}).",
            n,
        ).format(**found)
    return ngettext(
        "{subject} averages {mean} over {count} day with a score; in the second half of the range it was "
        "{change} lower than in the first ({after} vs {before}).",
        "{subject} averages {mean} over {count} days with a score; in the second half of the range it was "
        "{change} lower than in the first ({after} vs {before}).",
        n,
    ).format(**found)


def hours_reading(series: Series) -> str:
    """The mean of the days with hours logged, as a five-day week against the 40-hour line."""
    values = _values(series)
    if len(values) < MIN_DAYS:
        return not_enough(
            _("Not enough days with hours logged yet: {have} of the {need} needed."), len(values), MIN_DAYS
        )
    day = _mean(values)
    week = day * WORK_DAYS
    gap = week - HOURS_LINE
    if abs(gap) < 0.05:
        where = _("right on the 40-hour line")
    elif gap > 0:
        # TRANSLATORS: {hours} is e.g. "2.5 h"
        where = _("{hours} above the 40-hour line").format(hours=text.hours(abs(gap)))
    else:
        where = _("{hours} below the 40-hour line").format(hours=text.hours(abs(gap)))
    # TRANSLATORS: {day} and {week} are hours ("8.5 h"); {where} is where the week sits ("2.5 h above the 40-hour
    # line")
    return ngettext(
        "Your logged days average {day} ({count} day): {week} in a five-day week, {where}.",
        "Your logged days average {day} ({count} days): {week} in a five-day week, {where}.",
        len(values),
    ).format(day=text.hours(day), count=text.whole(len(values)), week=text.hours(week), where=where)


def _dread_sentence(difference: float) -> str:
    """The Monday dread's sentence for how far Mondays sit from Tuesday to Friday, to fill in with {mean},
    {detail} and {mondays}."""
    size = abs(difference)
    if size < STEADY:
        # TRANSLATORS: {mean} is a score from 1 to 5, {detail} "within 0.1" or "1 lower", {mondays} "40 Mondays"
        return _(
            "Your mood on Mondays averages {mean}, about the same as Tuesday to Friday ({detail}, {mondays})."
        )
    if difference < 0:
        if size < 0.5:
            return _(
                "Your mood on Mondays averages {mean}, a little below Tuesday to Friday ({detail}, {mondays})."
            )
        if size < 0.95:
            return _(
                "Your mood on Mondays averages {mean}, clearly below Tuesday to Friday ({detail}, {mondays})."
            )
        if size < 1.05:
            return _(
                "Your mood on Mondays averages {mean}, a full point below Tuesday to Friday ({detail}, {mondays})."
            )
        return _(
            "Your mood on Mondays averages {mean}, more than a full point below Tuesday to Friday ({detail}, "
            "{mondays})."
        )
    if size < 0.5:
        return _(
            "Your mood on Mondays averages {mean}, a little above Tuesday to Friday ({detail}, {mondays})."
        )
    if size < 0.95:
        return _(
            "Your mood on Mondays averages {mean}, clearly above Tuesday to Friday ({detail}, {mondays})."
        )
    if size < 1.05:
        return _(
            "Your mood on Mondays averages {mean}, a full point above Tuesday to Friday ({detail}, {mondays})."
        )
    return _(
        "Your mood on Mondays averages {mean}, more than a full point above Tuesday to Friday ({detail}, "
        "{mondays})."
    )


def dread_reading(series: Series, dread: Dread | None) -> str:
    """The Monday dread in one sentence (Monday vs Tuesday to Friday)."""
    if dread is None:
        mondays = sum(1 for d, v in series if v is not None and d.weekday() == 0)
        others = sum(1 for d, v in series if v is not None and 1 <= d.weekday() <= 4)
        return _(
            "Not enough weekdays with a mood yet: {mondays} of the {need_mondays} Mondays and {others} of the "
            "{need_others} other weekdays needed."
        ).format(mondays=mondays, need_mondays=MIN_MONDAYS, others=others, need_others=MIN_OTHER_WEEKDAYS)
    size = abs(dread.difference)
    if size < STEADY:
        # TRANSLATORS: how far Mondays are from Tuesday to Friday, e.g. "within 0.1"
        detail = _("within {score}").format(score=text.score(STEADY))
    elif dread.difference < 0:
        # TRANSLATORS: how far Mondays are from Tuesday to Friday, e.g. "1 lower"
        detail = _("{score} lower").format(score=text.score(size))
    else:
        detail = _("{score} higher").format(score=text.score(size))
    counted = ngettext("{count} Monday", "{count} Mondays", dread.mondays).format(
        count=text.whole(dread.mondays)
    )
    return _dread_sentence(dread.difference).format(
        mean=text.score(dread.monday_mean), detail=detail, mondays=counted
    )


def pixels_reading(year: int, pixels: dict[dt.date, int | None]) -> str:
    """How many of the year's days so far have a mood: the days still to come are not counted."""
    moods = [v for v in pixels.values() if v is not None]
    if not moods:
        return _("No mood recorded in {year} yet: the calendar fills in as you write.").format(year=year)
    low = sum(1 for v in moods if v <= 2)
    found = {
        "count": text.whole(len(moods)),
        "days": text.whole(len(pixels)),
        "year": year,
        "mean": text.score(_mean(moods)),
        "low": ngettext("{count} low day", "{count} low days", low).format(count=text.whole(low)),
    }
    if dt.date(year, 12, 31) in pixels:
        # TRANSLATORS: {low} is "3 low days"; a low day has a mood of 1 or 2
        text_ = ngettext(
            "{count} of the {days} days of {year} has a mood, averaging {mean}, with {low} (1 or 2).",
            "{count} of the {days} days of {year} have a mood, averaging {mean}, with {low} (1 or 2).",
            len(moods),
        )
    else:
        text_ = ngettext(
            "{count} of the {days} days of {year} so far has a mood, averaging {mean}, with {low} (1 or 2).",
            "{count} of the {days} days of {year} so far have a mood, averaging {mean}, with {low} (1 or 2).",
            len(moods),
        )
    return text_.format(**found)


def strength(r: float) -> str:
    """The strength of a correlation, a code: "no", "weak", "moderate" or "strong" (``STRENGTH_WORDS`` say it)."""
    size = abs(r)
    for bound, word in STRENGTHS:
        if size < bound:
            return word
    return "strong"


def _signed(r: float) -> str:
    shown = f"{r:.2f}"
    if shown in ("-0.00", "0.00"):
        return "0.00"
    shown = shown.replace("-", "\u2212")
    local = formats()
    return shown.replace(".", local["decimal"]) if local else shown


def _link(word: str, negative: bool) -> str:
    """The sentence of a link of ``word`` strength, to fill in with {numbers}."""
    if word == "weak":
        if negative:
            return _("A weak negative link: on longer days your mood tends to be lower {numbers}.")
        return _("A weak positive link: on longer days your mood tends to be higher {numbers}.")
    if word == "moderate":
        if negative:
            return _("A moderate negative link: on longer days your mood tends to be lower {numbers}.")
        return _("A moderate positive link: on longer days your mood tends to be higher {numbers}.")
    if negative:
        return _("A strong negative link: on longer days your mood tends to be lower {numbers}.")
    return _("A strong positive link: on longer days your mood tends to be higher {numbers}.")


def describe_correlation(r: float, n: int) -> str:
    """Pearson's r of hours against mood, in words."""
    word = strength(r)
    # TRANSLATORS: Pearson's correlation {r} ("0.42") over a number of days
    numbers = ngettext("(r = {r} over {count} day)", "(r = {r} over {count} days)", n).format(
        r=_signed(r), count=text.whole(n)
    )
    if word == "no":
        # TRANSLATORS: {numbers} is "(r = 0.05 over 30 days)"
        return _("No real link: your mood does not follow the hours you work {numbers}.").format(
            numbers=numbers
        )
    return _link(word, r < 0).format(numbers=numbers)


def correlation_reading(pairs: Sequence[tuple[float, float]], corr: Correlation | None) -> str:
    if len(pairs) < MIN_PAIRS:
        return not_enough(
            _("Not enough days with both hours and mood yet: {have} of the {need} needed."),
            len(pairs),
            MIN_PAIRS,
        )
    if corr is None:
        return ngettext(
            "Your hours or your mood did not vary over these {count} day, so there is no link to measure.",
            "Your hours or your mood did not vary over these {count} days, so there is no link to measure.",
            len(pairs),
        ).format(count=text.whole(len(pairs)))
    return describe_correlation(corr.r, corr.n)


def decision_reading(weeks: Sequence[WeekHours]) -> str:
    if not weeks:
        return _("No tasks yet: list your tasks in Load to see where your hours go.")
    first, last = weeks[0], weeks[-1]
    freed = sum(last.freed_minutes.values())
    week = text.day(last.monday)
    kept = text.minutes_as_hours(last.kept_minutes, per_week=True)
    if not freed:
        # TRANSLATORS: {week} is the Monday of a week, {kept} hours a week ("12 h/week")
        return _("By the week of {week} nothing had been freed yet: {kept} of tasks are still kept.").format(
            week=week, kept=kept
        )
    # TRANSLATORS: hours freed by one kind of decision, e.g. "delegated 2 h"
    each = _("{decision} {hours}")
    parts = ", ".join(
        each.format(decision=_(PAST[d]), hours=text.minutes_as_hours(m))
        for d, m in sorted(last.freed_minutes.items())
        if m
    )
    since = sum(first.freed_minutes.values())
    # TRANSLATORS: {freed}, {kept} and {since} are hours a week; {parts} is "delegated 2 h, dropped 1 h"
    return _(
        "By the week of {week} you had freed {freed} ({parts}) and kept {kept}; in the first week of the range "
        "{since} had been freed."
    ).format(
        week=week,
        freed=text.minutes_as_hours(freed, per_week=True),
        parts=parts,
        kept=kept,
        since=text.minutes_as_hours(since, per_week=True),
    )


def goals_reading(tracks: Sequence[GoalTrack]) -> str:
    if not tracks:
        return _("No goals for an active target yet: set a target and goals in Grow to see progress here.")
    start = _mean([t.points[0][1] for t in tracks])
    end = _mean([t.points[-1][1] for t in tracks])
    n = len(tracks)
    found = {"count": text.whole(n), "end": text.percent(end), "start": text.percent(start)}
    if round(end * 100) == round(start * 100):
        return ngettext(
            "Your {count} goal averages {end} done, unchanged over the range.",
            "Your {count} goals average {end} done, unchanged over the range.",
            n,
        ).format(**found)
    if end > start:
        return ngettext(
            "Your {count} goal averages {end} done, up from {start} at the start of the range.",
            "Your {count} goals average {end} done, up from {start} at the start of the range.",
            n,
        ).format(**found)
    return ngettext(
        "Your {count} goal averages {end} done, down from {start} at the start of the range.",
        "Your {count} goals average {end} done, down from {start} at the start of the range.",
        n,
    ).format(**found)
