"""The Crossroads rules, Qt-free and database-free: the thresholds, the signals' arithmetic and the verdict
(stay / push / leave, or too early to say). ``crossroads_signals`` reads the numbers from the journal;
everything that turns numbers into a verdict is here, each piece tested on its own.

Every figure is judged as it is shown: rounded to one decimal (``as_shown``), so a change written "+0.2" is never
called "better" by a line drawn at 0.25 that the reader cannot see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rutjournal.core.crossroads_questions import (
    REVERSE_MARK,
    Question,
    anchor_words,
    check_answers,
    checkin_mean,
    load_questions,
    parse_questions,
)
from rutjournal.core.text import number, plural

__all__ = [
    "REVERSE_MARK",
    "Evidence",
    "Question",
    "Signal",
    "StrongRule",
    "Verdict",
    "anchor_words",
    "check_answers",
    "checkin_mean",
    "decide",
    "load_questions",
    "parse_questions",
]

DIRECTIONS = ("better", "worse", "steady", "unknown")
TREND_STEP = 0.3  # a change of at least this much (points on a 1-5 scale, as shown) is a change, not noise
TREND_DAYS = 30  # mood and challenge: the last 30 days against the 30 before
TREND_MIN_DAYS = 5  # ... each span needs at least this many scored days
DREAD_DAYS = 90  # the Monday-dread index looks at the last 90 days
DREAD_MIN_MONDAYS = 4
DREAD_MIN_OTHER = 8
DREAD_WORSE = 0.5  # Mondays this far below Tue-Fri read as "worse" ...
DREAD_STRONG = 1.0  # ... and this far below count toward leaving
LOW_ANSWER = 2  # a check-in answer of 2 or less on room / options counts toward leaving
BURIED_MINUTES = 40 * 60  # still on the plate with nothing freed: more than 40 h a week reads as "worse"
READY_MOOD_DAYS = 14  # days with a mood in the last DREAD_DAYS days before the verdict may say stay or leave
READY_CHECKINS = 1  # ... and at least this many check-ins
NOT_ENOUGH = "not enough data"
GOOD_FAITH = "Before leaving, make a good-faith effort: hold at least one conversation with your boss or HR (Guidance)."


@dataclass(frozen=True)
class Signal:
    key: str
    label: str
    value: str  # shown as is: a number with its unit, or "not enough data (…)"
    direction: str  # better / worse / steady / unknown (unknown: too little data, or nothing to compare with)
    why: str  # one sentence: why this counts
    number: float | None = None  # the figure the verdict rules read, as shown (None without enough data)
    level: bool = False  # judged against a line, not an earlier value: it reads "a good sign" / "a bad sign"


@dataclass(frozen=True)
class Evidence:
    """How much the verdict has to go on: days with a mood in the last 90 days, and check-ins made."""

    mood_days: int
    checkins: int


@dataclass(frozen=True)
class Verdict:
    verdict: str  # too_early / stay / push / leave
    reasons: list[str]
    rule: str
    needs: list[str] = field(default_factory=list)  # what a full verdict still lacks (empty: enough data)


# -- arithmetic behind the signals ---------------------------------------------------------------------------
def as_shown(value: float) -> float:
    """A figure as the reader sees it (one decimal): the rules judge this, never the digits hidden behind it."""
    return float(number(value))


def signed(value: float) -> str:
    """A change with its sign, as shown: "+0.9", "−1.1", "±0"."""
    shown = number(value)
    if shown == "0":
        return "±0"
    return "−" + shown[1:] if shown.startswith("-") else "+" + shown


def points(value: float) -> str:
    """A distance on the 1-5 scale in words: "1 point", "1.6 points"."""
    shown = number(value)
    return f"{shown} point{'' if shown == '1' else 's'}"


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def spans(today: dt.date, days: int = TREND_DAYS) -> tuple[dt.date, dt.date]:
    """(first day of the recent span, first day of the earlier span): the last ``days`` days up to today, and
    the ``days`` before them."""
    recent_start = today - dt.timedelta(days=days - 1)
    return recent_start, recent_start - dt.timedelta(days=days)


def scored_days(scores: Mapping[dt.date, int], today: dt.date, days: int = TREND_DAYS) -> tuple[int, int]:
    """How many scored days each span of ``trend`` holds: (recent, earlier)."""
    recent_start, earlier_start = spans(today, days)
    recent = sum(1 for d in scores if recent_start <= d <= today)
    earlier = sum(1 for d in scores if earlier_start <= d < recent_start)
    return recent, earlier


def trend(
    scores: Mapping[dt.date, int], today: dt.date, days: int = TREND_DAYS, minimum: int = TREND_MIN_DAYS
) -> tuple[float, float] | None:
    """(mean of the last ``days`` days up to today, mean of the ``days`` before); None when either span has
    fewer than ``minimum`` scored days."""
    recent_start, earlier_start = spans(today, days)
    recent = [s for d, s in scores.items() if recent_start <= d <= today]
    earlier = [s for d, s in scores.items() if earlier_start <= d < recent_start]
    if len(recent) < minimum or len(earlier) < minimum:
        return None
    return sum(recent) / len(recent), sum(earlier) / len(earlier)


def dread_days(moods: Mapping[dt.date, int], today: dt.date, days: int = DREAD_DAYS) -> tuple[int, int]:
    """(Mondays, Tuesday-Friday days) with a mood in the last ``days`` days."""
    start = today - dt.timedelta(days=days - 1)
    window = [d for d in moods if start <= d <= today]
    return sum(d.weekday() == 0 for d in window), sum(1 <= d.weekday() <= 4 for d in window)


def monday_dread(moods: Mapping[dt.date, int], today: dt.date, days: int = DREAD_DAYS) -> float | None:
    """How far Monday's mean mood sits below the Tuesday-Friday mean over the last ``days`` days (positive =
    Mondays are worse); None with fewer than 4 Mondays or 8 Tuesday-Friday days."""
    start = today - dt.timedelta(days=days - 1)
    window = {d: m for d, m in moods.items() if start <= d <= today}
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


def reading(signal: Signal) -> str:
    """The direction column in words: a change needs an earlier value; a level is a good or a bad sign."""
    if signal.key == "guidance":
        return "read by the good-faith rule"
    if signal.direction == "unknown":
        return "not enough data" if signal.number is None else "nothing to compare with yet"
    if signal.level:
        return {"better": "a good sign", "worse": "a bad sign"}.get(signal.direction, "neutral")
    return signal.direction


def needs(evidence: Evidence) -> list[str]:
    """What the verdict still lacks before it may say stay or leave, in words (empty: enough)."""
    missing = []
    short = READY_MOOD_DAYS - evidence.mood_days
    if short > 0:
        if evidence.mood_days == 0:
            missing.append(f"{READY_MOOD_DAYS} days of entries with a mood")
        else:
            missing.append(
                f"{plural(short, 'more day')} of entries with a mood "
                f"({evidence.mood_days} of {READY_MOOD_DAYS} in the last {DREAD_DAYS} days)"
            )
    if evidence.checkins < READY_CHECKINS:
        missing.append("a first monthly check-in")
    return missing


# -- the verdict ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StrongRule:
    """One row of the table of strong signals: which signal, when it counts toward leaving, and why in words."""

    key: str
    counts: str  # the reason's second half: "an answer of 2 or less counts toward leaving"
    holds: Callable[[Signal], bool]


def _at_least(limit: float) -> Callable[[Signal], bool]:
    return lambda s: s.number is not None and s.number >= limit


def _at_most(limit: float) -> Callable[[Signal], bool]:
    return lambda s: s.number is not None and s.number <= limit


STRONG_RULES = (
    StrongRule("promotion", "a refused promotion counts toward leaving", _at_least(1)),
    StrongRule("followups", "a promise left undone past its date counts toward leaving", _at_least(1)),
    StrongRule("room", f"an answer of {LOW_ANSWER} or less counts toward leaving", _at_most(LOW_ANSWER)),
    StrongRule("options", f"an answer of {LOW_ANSWER} or less counts toward leaving", _at_most(LOW_ANSWER)),
    StrongRule(
        "mood",
        f"a mood falling by {number(TREND_STEP)} or more counts toward leaving",
        lambda s: s.direction == "worse",
    ),
    StrongRule(
        "monday_dread",
        f"Mondays {points(DREAD_STRONG)} or more below the other weekdays count toward leaving",
        _at_least(DREAD_STRONG),
    ),
)  # a new strong signal (boredom, overload…) is one more row here and one more line in decide's table
STRONG_BY_KEY = {rule.key: rule for rule in STRONG_RULES}

RULES = {
    "too-early": (
        f"too early: no strong signal yet, and fewer than {READY_MOOD_DAYS} days with a mood in the last "
        f"{DREAD_DAYS} days or no check-in yet"
    ),
    "leave": "leave: 3 or more strong signals, at least one guidance conversation held, and enough data",
    "push-good-faith": "push: 3 or more strong signals, but no guidance conversation held yet (good faith first)",
    "push": "push: at least one strong signal, or two or more signals getting worse",
    "stay": "stay: enough data, no strong signal and at most one signal getting worse",
}


def is_strong(signal: Signal) -> bool:
    """Whether a signal counts toward leaving (a row of ``STRONG_RULES``)."""
    rule = STRONG_BY_KEY.get(signal.key)
    return rule is not None and rule.holds(signal)


def decide(signals: Sequence[Signal], evidence: Evidence) -> Verdict:
    """The verdict over the signals. Strong signals (they count toward leaving), ``STRONG_RULES``:

    ======================  ======================================================
    signal key              strong when
    ======================  ======================================================
    promotion               at least one promotion refused
    followups               at least one employer follow-up undone past its due date
    room                    latest check-in answer on room to advance ≤ 2
    options                 latest check-in answer on options matching goals ≤ 2
    mood                    mood falling (last 30 days ≥ 0.3 below the 30 before)
    monday_dread            Mondays ≥ 1.0 point below the Tuesday-Friday mean
    ======================  ======================================================

    ``held`` is the number of guidance conversations held (the ``guidance`` signal's number, 0 without it);
    ``worse`` counts every signal whose direction is "worse" (a direction needs something to compare with);
    ``ready`` means at least 14 days with a mood in the last 90 days and at least one check-in
    (``READY_MOOD_DAYS``, ``READY_CHECKINS``). The first row that matches decides:

    ==  =========================================  ===============================================
    #   when                                       verdict
    ==  =========================================  ===============================================
    1   strong = 0 and not ready                   too_early — and what it still needs
    2   strong ≥ 3 and held ≥ 1 and ready          leave
    3   strong ≥ 3 and held = 0                    push — and the good-faith sentence (GOOD_FAITH)
    4   strong ≥ 1 or worse ≥ 2                    push (not ready: and what a full verdict needs)
    5   otherwise                                  stay
    ==  =========================================  ===============================================

    So "leave" is never the verdict before at least one guidance conversation has been held, and neither
    "stay" nor "leave" is said on too little data.
    """
    strong = [s for s in signals if is_strong(s)]
    worse = [s for s in signals if s.direction == "worse"]
    held_signal = next((s for s in signals if s.key == "guidance"), None)
    held = int(held_signal.number or 0) if held_signal else 0
    missing = needs(evidence)
    verb = "points" if len(strong) == 1 else "point"
    strong_line = (
        f"{len(strong)} of the {len(STRONG_RULES)} strong signals {verb} to leaving"
        + (": " + ", ".join(s.label.lower() for s in strong) if strong else "")
        + "."
    )
    held_line = (
        f"You have held {plural(held, 'guidance conversation')}."
        if held
        else "You have not held a guidance conversation yet."
    )
    if not strong and missing:
        reasons = [f"Too early for a verdict: it needs {' and '.join(missing)}.", *_so_far(signals)]
        return Verdict("too_early", reasons, RULES["too-early"], missing)
    if len(strong) >= 3 and (held == 0 or not missing):
        reasons = [strong_line, *(_reason(s) for s in strong), held_line]
        if held >= 1:
            return Verdict("leave", reasons, RULES["leave"])
        return Verdict("push", [*reasons, GOOD_FAITH], RULES["push-good-faith"], missing)
    if strong or len(worse) >= 2:
        reasons = [strong_line, *(_reason(s) for s in strong)]
        reasons += [_reason(s) for s in worse if s not in strong]
        if missing:
            reasons.append(f"A full verdict (stay or leave) still needs {' and '.join(missing)}.")
        if not held:
            reasons.append(GOOD_FAITH)
        return Verdict("push", reasons, RULES["push"], missing)
    return Verdict("stay", [strong_line, *_so_far(signals)], RULES["stay"])


def _so_far(signals: Sequence[Signal]) -> list[str]:
    """A count of the signals by direction, then the ones better and worse with their values."""
    counted = [s for s in signals if s.key != "guidance"]  # not a sign about the job: the good-faith guard
    known = [s for s in counted if s.direction in ("better", "steady")]
    worse = [s for s in counted if s.direction == "worse"]
    unknown = len(counted) - len(known) - len(worse)
    if not known and not worse:
        return [f"None of the {len(counted)} signals can be read yet."]
    line = f"{plural(len(known), 'signal')} better or steady, {len(worse)} worse"
    line += f", {unknown} not known yet." if unknown else "."
    return [line, *(_reason(s) for s in counted if s.direction == "better"), *(_reason(s) for s in worse)]


def _reason(signal: Signal) -> str:
    rule = STRONG_BY_KEY.get(signal.key)
    if rule is not None and rule.holds(signal):
        return f"{signal.label}: {signal.value} — {rule.counts}."
    return f"{signal.label}: {signal.value} — {reading(signal)}."
