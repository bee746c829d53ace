"""The Crossroads rules, Qt-free and database-free: the thresholds and the verdict (stay / push / leave, or too
early to say) with the steps it names. ``signals`` reads the numbers (from ``sources``), ``numbers`` holds the
arithmetic, ``steps`` the table of the steps; everything that turns signals into a verdict is here, each piece
tested on its own.

Every figure is judged as it is shown: rounded to one decimal (``as_shown``), so a change written "+0.2" is never
called "better" by a line drawn at 0.25 that the reader cannot see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from rutjournal.core.crossroads.model import Evidence, LoadFacts, Signal, Verdict
from rutjournal.core.crossroads.numbers import (
    DREAD_DAYS,
    TREND_STEP,
    direction_of,
    monday_dread,
    points,
    signed,
    trend,
)
from rutjournal.core.crossroads.questions import (
    check_answers,
    checkin_mean,
    load_questions,
    parse_questions,
)
from rutjournal.core.crossroads.steps import (
    BORED_LEVEL,
    DRAINED,
    HEAVY_LOAD,
    LONG_WEEK,
    LOW_ANSWER,
    OUTSIDE_SHARE,
    STEP_RULES,
    TITLES,
    leave_step,
    name_steps,
    no_step_visible,
    not_called_for,
    rule_state,
)
from rutjournal.core.text import number, plural

__all__ = [
    "BORED_LEVEL",
    "DRAINED",
    "DREAD_DAYS",
    "HEAVY_LOAD",
    "LONG_WEEK",
    "LOW_ANSWER",
    "OUTSIDE_SHARE",
    "STEP_RULES",
    "TREND_STEP",
    "Evidence",
    "LoadFacts",
    "Signal",
    "check_answers",
    "checkin_mean",
    "counted",
    "decide",
    "direction_of",
    "load_questions",
    "monday_dread",
    "parse_questions",
    "rules_for",
    "signed",
    "trend",
]

DREAD_WORSE = 0.5  # Mondays this far below Tue-Fri read as "worse" ...
DREAD_STRONG = 1.0  # ... and this far below count toward leaving
BURIED_MINUTES = 40 * 60  # still on the plate with nothing freed: more than 40 h a week reads as "worse"
READY_MOOD_DAYS = 14  # days with a mood in the last DREAD_DAYS days before the verdict may say stay or leave
READY_CHECKINS = 1  # ... and at least this many check-ins
NOT_ENOUGH = "not enough data"
GOOD_FAITH = "Before leaving, make a good-faith effort: hold at least one conversation with your boss or HR (Guidance)."


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
        f"a mood falling by {number(TREND_STEP)} or more, and not by one week alone, counts toward leaving",
        lambda s: s.direction == "worse",
    ),
    StrongRule(
        "monday_dread",
        f"Mondays {points(DREAD_STRONG)} or more below the other weekdays count toward leaving",
        _at_least(DREAD_STRONG),
    ),
)  # boredom and overload are steps to take, not reasons to leave: they are rows of STEP_RULES
STRONG_BY_KEY = {rule.key: rule for rule in STRONG_RULES}

RULES = {
    "too-early": (
        f"too early: no strong signal and no step called for yet, and fewer than {READY_MOOD_DAYS} days with a "
        f"mood in the last {DREAD_DAYS} days or no check-in yet"
    ),
    "leave": "leave: 3 or more strong signals, at least one guidance conversation held, and enough data",
    "push-good-faith": (
        "push: 3 or more strong signals, but no guidance conversation held yet (good faith first: ask for guidance)"
    ),
    "push": (
        "push: a step called for, at least one strong signal, or two or more signals getting worse; the steps "
        "named strongest first (none named: ask for guidance)"
    ),
    "stay": "stay: enough data, no step called for, no strong signal and at most one signal getting worse",
}


def is_strong(signal: Signal) -> bool:
    """Whether a signal counts toward leaving (a row of ``STRONG_RULES``)."""
    rule = STRONG_BY_KEY.get(signal.key)
    return rule is not None and rule.holds(signal)


def rules_for(key: str) -> list[str]:
    """The rules that read a signal, in words: toward leaving, and the step it calls for or adds to."""
    found = []
    strong = STRONG_BY_KEY.get(key)
    if strong is not None:
        found.append(f"Toward leaving: {strong.counts}.")
    for rule in STEP_RULES:
        if rule.key != key:
            continue
        text = f"{TITLES[rule.step]}: {rule.counts}"
        if rule.release is not None:
            back = rule.words(rule.release) + (" or more" if rule.below else " or less")
            text += f"; once it counts, it counts until it is back at {back}"
        found.append(text + ".")
    if key == "guidance":
        found.append("The good-faith rule: the verdict never says leave before one conversation is held.")
    return found


def counted(signals: Sequence[Signal], previous: Sequence[Signal] | None = None) -> set[str]:
    """The keys of the signals that count: toward leaving, or toward a step (held over ones included)."""
    before = {s.key: s for s in previous or ()}
    keys = {s.key for s in signals if is_strong(s)}
    for rule in STEP_RULES:
        signal = next((s for s in signals if s.key == rule.key), None)
        if signal is not None and rule_state(rule, signal, before.get(rule.key)):
            keys.add(rule.key)
    return keys


def decide(
    signals: Sequence[Signal],
    evidence: Evidence,
    previous: Sequence[Signal] | None = None,
    *,
    load: LoadFacts | None = None,
    since: dt.date | None = None,
) -> Verdict:
    """The verdict over the signals, and the steps it names. ``previous`` are the signals of the last reading
    (``since``, 30 days earlier), for the release lines; ``load`` what Load says, for the load step's advice.

    Strong signals (they count toward leaving), ``STRONG_RULES``:

    ======================  ======================================================
    signal key              strong when
    ======================  ======================================================
    promotion               at least one promotion refused
    followups               at least one employer follow-up undone past its due date
    room                    latest check-in answer on room to advance ≤ 2
    options                 latest check-in answer on options matching goals ≤ 2
    mood                    mood falling (last 30 days ≥ 0.3 below the 30 before, also without its worst week)
    monday_dread            Mondays ≥ 1.0 point below the Tuesday-Friday mean
    ======================  ======================================================

    Steps (``steps.STEP_RULES``): a step is called for when one of its naming signals counts; the
    others only add to it. A 30-day level counts only if it also holds with its most extreme week left out;
    one that counted at the last reading keeps counting until it is back past its release line.

    ===============  ================  ==================================================  =========  =======
    step             signal key        counts when                                         release    names
    ===============  ================  ==================================================  =========  =======
    new challenges   challenge_level   30-day mean challenge ≤ 2.0 (1 bored … 5 stretched)  ≥ 2.3      yes
    new challenges   learning          latest check-in answer on learning ≤ 2                          yes
    new challenges   challenge         challenge falling (≥ 0.3, also without its worst week)          adds
    lighter load     hours_worked      ≥ 45 h in a five-day week (30-day mean of days worked) ≤ 43 h     yes
    lighter load     load_level        30-day mean perceived load ≥ 4.0                     ≤ 3.7      yes
    lighter load     outside_jd        ≥ 25 % of the hours on your plate outside the job    ≤ 20 %     yes
                                       description (Load)
    lighter load     energy            30-day mean energy ≤ 2.0                             ≥ 2.3      adds
    lighter load     hours             more than 40 h a week on your plate, nothing freed              adds
    guidance         room              latest check-in answer on room to advance ≤ 2                   yes
    guidance         options           latest check-in answer on options ≤ 2                           yes
    guidance         goals             at least 1 goal stalled or overdue (Grow)                       adds
    guidance         promotion         at least 1 promotion refused                                    yes
    guidance         followups         at least 1 employer follow-up past due                          yes
    ===============  ================  ==================================================  =========  =======

    The steps are named strongest first: the most signals behind a step, then the most naming signals, then
    the article's order (challenges, load, guidance).

    ``held`` is the number of guidance conversations held (the ``guidance`` signal's number, 0 without it);
    ``worse`` counts every signal whose direction is "worse" (a direction needs something to compare with);
    ``ready`` means at least 14 days with a mood in the last 90 days and at least one check-in
    (``READY_MOOD_DAYS``, ``READY_CHECKINS``). The first row that matches decides:

    ==  ==============================================  ============================================================
    #   when                                            verdict
    ==  ==============================================  ============================================================
    1   strong = 0, no step called for, not ready       too_early — and what it still needs
    2   strong ≥ 3 and held ≥ 1 and ready               leave — the step: know when to leave (the job-search tracker)
    3   strong ≥ 3 and held = 0                         push — ask for guidance first, and the good-faith sentence
    4   a step called for, strong ≥ 1, or worse ≥ 2     push — the steps named (none: ask for guidance, as no next
                                                        step is visible); not ready: what a full verdict needs
    5   otherwise                                       stay — no step called for, and each step's line not crossed
    ==  ==============================================  ============================================================

    So "leave" is never the verdict before at least one guidance conversation has been held, neither "stay"
    nor "leave" is said on too little data, and "push" always names a step.
    """
    strong = [s for s in signals if is_strong(s)]
    worse = [s for s in signals if s.direction == "worse"]
    held_signal = next((s for s in signals if s.key == "guidance"), None)
    held = int(held_signal.number or 0) if held_signal else 0
    missing = needs(evidence)
    good_faith = len(strong) >= 3 and held == 0
    strong_keys = {s.key for s in strong}
    steps = name_steps(
        signals, previous, strong=strong_keys, load=load, since=since, guidance_first=good_faith
    )
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
    if not strong and not steps and missing:
        reasons = [f"Too early for a verdict: it needs {' and '.join(missing)}.", *_so_far(signals)]
        return Verdict("too_early", reasons, RULES["too-early"], missing)
    if len(strong) >= 3 and held >= 1 and not missing:
        leaving = leave_step([_reason(s) for s in strong], [s.key for s in strong])
        return Verdict("leave", [strong_line, held_line], RULES["leave"], steps=[leaving])
    if not (steps or strong or len(worse) >= 2):
        named = {rule.key for rule in STEP_RULES if rule.names and rule.line is not None}
        reasons = [strong_line, *not_called_for(signals), *_so_far(signals, skip=named)]
        return Verdict("stay", reasons, RULES["stay"])
    if not steps or (good_faith and all(step.key != "guidance" for step in steps)):
        behind = [s for s in [*strong, *worse] if s.key not in {k for st in steps for k in st.signals}]
        behind = list(dict.fromkeys(behind))
        steps.insert(0, no_step_visible([_reason(s) for s in behind], signals, [s.key for s in behind]))
    shown = {key for step in steps for key in step.signals}
    reasons = [strong_line, *(_reason(s) for s in strong if s.key not in shown)]
    reasons += [_reason(s) for s in worse if s not in strong and s.key not in shown]
    if missing:
        reasons.append(f"A full verdict (stay or leave) still needs {' and '.join(missing)}.")
    if good_faith:
        return Verdict("push", [*reasons, held_line, GOOD_FAITH], RULES["push-good-faith"], missing, steps)
    if strong and not held:  # leaving is in view: say what comes first
        reasons.append(GOOD_FAITH)
    return Verdict("push", reasons, RULES["push"], missing, steps)


def _so_far(signals: Sequence[Signal], skip: Collection[str] = ()) -> list[str]:
    """A count of the signals by direction, then the ones better and worse with their values (but those in
    ``skip``, said already)."""
    counted = [s for s in signals if s.key != "guidance"]  # not a sign about the job: the good-faith guard
    known = [s for s in counted if s.direction in ("better", "steady")]
    worse = [s for s in counted if s.direction == "worse"]
    unknown = len(counted) - len(known) - len(worse)
    if not known and not worse:
        return [f"None of the {len(counted)} signals can be read yet."]
    line = f"{plural(len(known), 'signal')} better or steady, {len(worse)} worse"
    line += f", {unknown} not known yet." if unknown else "."
    listed = [s for s in counted if s.direction in ("better", "worse") and s.key not in skip]
    return [line, *(_reason(s) for s in listed if s.direction == "better"), *(_reason(s) for s in worse)]


def _reason(signal: Signal) -> str:
    rule = STRONG_BY_KEY.get(signal.key)
    if rule is not None and rule.holds(signal):
        return f"{signal.label}: {signal.value} — {rule.counts}."
    return f"{signal.label}: {signal.value} — {reading(signal)}."
