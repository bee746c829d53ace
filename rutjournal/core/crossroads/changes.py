"""What changed since the last Crossroads reading, in words. The last reading is not stored: it is the reading
the data gives as of 30 days earlier (``LAST_READING_DAYS``), so it needs no table and cannot go stale.

The first line says whether the verdict changed; then every signal that started or stopped counting (toward
leaving, or toward a step) or started or stopped getting worse is named with its move: "Load over the last 30
days rose from 3.1 to 4.6." Load's inventory has no history: both readings use it as it is now, so it never
shows as a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rutjournal.core.crossroads.model import Evidence, Signal, Verdict
from rutjournal.core.crossroads.rules import counted
from rutjournal.core.i18n import _, ngettext, pgettext
from rutjournal.core.text import day, in_sentence, number, whole

LAST_READING_DAYS = 30
SIGNS = ("+", "−", "±")


def last_reading_day(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=LAST_READING_DAYS)


def short(verdict: Verdict) -> str:
    """The verdict in a few words: "stay", "push (lighten your load, find new challenges)", "too early to say"."""
    if verdict.verdict == "too_early":
        return _("too early to say")
    if verdict.verdict == "push":
        # TRANSLATORS: the verdict "push" with the steps it names, e.g. "push (lighten your load, find new challenges)"
        return _("push ({steps})").format(steps=", ".join(in_sentence(step.title) for step in verdict.steps))
    if verdict.verdict == "stay":
        # TRANSLATORS: the Crossroads verdict: stay in the job
        return pgettext("verdict", "stay")
    if verdict.verdict == "leave":
        # TRANSLATORS: the Crossroads verdict: leave the job
        return pgettext("verdict", "leave")
    return verdict.verdict


def what_changed(
    then: Verdict,
    now: Verdict,
    before: Sequence[Signal],
    after: Sequence[Signal],
    since: dt.date,
    evidence: tuple[Evidence, Evidence] | None = None,
) -> list[str]:
    """The change from the reading of ``since`` (``then``, over ``before``) to this one, in words.
    ``evidence`` is (then, now), to say when more data is all that changed."""
    when = day(since)
    if (then.verdict, [s.key for s in then.steps]) == (now.verdict, [s.key for s in now.steps]):
        lines = [
            _("The same verdict as on {day}, {days} days ago: {verdict}.").format(
                day=when, days=whole(LAST_READING_DAYS), verdict=short(now)
            )
        ]
    else:
        lines = [
            _("On {day}, {days} days ago, the verdict was {then}; now it is {now}.").format(
                day=when, days=whole(LAST_READING_DAYS), then=short(then), now=short(now)
            )
        ]
    was, now_counts = counted(before), counted(after, before)
    earlier = {s.key: s for s in before}
    for signal in after:
        old = earlier.get(signal.key)
        was_worse = old is not None and old.direction == "worse"
        if (signal.key in was) != (signal.key in now_counts) or was_worse != (signal.direction == "worse"):
            lines.append(moved(old, signal, since))
    if len(lines) == 1 and then.verdict != now.verdict and evidence is not None:
        first, last = evidence
        # TRANSLATORS: {days} is "12 days", {checkins} is "2 check-ins"; {days_then} and {checkins_then} are numbers
        text = _(
            "No signal crossed its line; there is more to read now: {days} with a mood in the last 90 days and "
            "{checkins}, against {days_then} and {checkins_then} then."
        )
        lines.append(
            text.format(
                days=ngettext("{count} day", "{count} days", last.mood_days).format(
                    count=whole(last.mood_days)
                ),
                checkins=ngettext("{count} check-in", "{count} check-ins", last.checkins).format(
                    count=whole(last.checkins)
                ),
                days_then=first.mood_days,
                checkins_then=first.checkins,
            )
        )
    return lines


def moved(before: Signal | None, after: Signal, since: dt.date) -> str:
    """One signal's move: "Hours in a five-day week rose from 41 h to 53 h."."""
    noun = after.noun or after.label
    noun = noun[0].upper() + noun[1:]
    now = _figure(after)
    then = None if before is None else _figure(before)
    if then is None:
        # TRANSLATORS: {what} names a figure ("Load over the last 30 days"), {now} is its value
        return _("{what}: {now} (not known on {day}).").format(what=noun, now=now, day=day(since))
    if now is None:
        return _("{what}: not known now ({then} on {day}).").format(what=noun, then=then, day=day(since))
    assert before is not None and before.number is not None and after.number is not None
    if then.startswith(SIGNS) or now.startswith(SIGNS):
        return _("{what} went from {then} to {now}.").format(what=noun, then=then, now=now)
    if after.number == before.number:
        return _("{what} stayed at {now}.").format(what=noun, now=now)
    if after.number > before.number:
        return _("{what} rose from {then} to {now}.").format(what=noun, then=then, now=now)
    return _("{what} fell from {then} to {now}.").format(what=noun, then=then, now=now)


def _figure(signal: Signal) -> str | None:
    if signal.number is None:
        return None
    return signal.figure or number(signal.number)
