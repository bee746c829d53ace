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
from rutjournal.core.text import day, number, plural

LAST_READING_DAYS = 30
SIGNS = ("+", "−", "±")


def last_reading_day(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=LAST_READING_DAYS)


def short(verdict: Verdict) -> str:
    """The verdict in a few words: "stay", "push (lighten your load, find new challenges)", "too early to say"."""
    if verdict.verdict == "too_early":
        return "too early to say"
    if verdict.verdict == "push":
        return "push (" + ", ".join(step.title.lower() for step in verdict.steps) + ")"
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
        lines = [f"The same verdict as on {when}, {LAST_READING_DAYS} days ago: {short(now)}."]
    else:
        lines = [
            f"On {when}, {LAST_READING_DAYS} days ago, the verdict was {short(then)}; now it is {short(now)}."
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
        lines.append(
            "No signal crossed its line; there is more to read now: "
            f"{plural(last.mood_days, 'day')} with a mood in the last 90 days and {plural(last.checkins, 'check-in')}"
            f", against {first.mood_days} and {first.checkins} then."
        )
    return lines


def moved(before: Signal | None, after: Signal, since: dt.date) -> str:
    """One signal's move: "Hours in a five-day week rose from 41 h to 53 h."."""
    noun = after.noun or after.label
    noun = noun[0].upper() + noun[1:]
    now = _figure(after)
    then = None if before is None else _figure(before)
    if then is None:
        return f"{noun}: {now} (not known on {day(since)})."
    if now is None:
        return f"{noun}: not known now ({then} on {day(since)})."
    assert before is not None and before.number is not None and after.number is not None
    if then.startswith(SIGNS) or now.startswith(SIGNS):
        return f"{noun} went from {then} to {now}."
    if after.number == before.number:
        return f"{noun} stayed at {now}."
    verb = "rose" if after.number > before.number else "fell"
    return f"{noun} {verb} from {then} to {now}."


def _figure(signal: Signal) -> str | None:
    if signal.number is None:
        return None
    return signal.figure or number(signal.number)
