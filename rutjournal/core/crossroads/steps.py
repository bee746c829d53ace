"""The steps out of a rut that a Crossroads verdict can name, Qt-free and database-free: which signal calls for
which step and at what line (``STEP_RULES``), the steps named over a set of signals, strongest first, and what
each step asks of you, with the app's own numbers.

Find new challenges (boredom), lighten your load (overload) and ask for guidance (no visible next step) are the
three steps of "push"; the fourth, know when to leave, is the verdict "leave" itself (``rules``).

A signal that counted at the last reading (30 days earlier) keeps counting until its figure is back past its
release line, a little beyond the line that made it count: one better week does not end a month of boredom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rutjournal.core.crossroads.model import LoadFacts, Signal, Step
from rutjournal.core.text import day, minutes_as_hours, number, plural

BORED_LEVEL = (
    2.0  # a 30-day challenge of 2 or less (1 = bored … 5 = stretched): the work no longer stretches you
)
BORED_RELEASE = 2.3
LOW_LEARNING = 2  # a check-in answer of 2 or less on "does the work still teach you something new?"
LONG_WEEK = 45.0  # hours in a five-day week: 40 plus an hour a day
LONG_RELEASE = 43.0
WORK_LINE = 40.0  # the 40-hour line, to say where the hours sit
WORK_DAYS = 5
HEAVY_LOAD = 4.0  # a 30-day perceived load of 4 or more (of 5)
HEAVY_RELEASE = 3.7
DRAINED = 2.0  # a 30-day energy of 2 or less, beside long hours or a heavy load
DRAINED_RELEASE = 2.3
OUTSIDE_SHARE = (
    25.0  # percent of the hours on your plate outside your job description: more than a day a week
)
OUTSIDE_RELEASE = 20.0
LOW_ANSWER = 2  # a check-in answer of 2 or less on room to advance / options
STEP_ORDER = ("challenge", "load", "guidance")
TITLES = {
    "challenge": "Find new challenges",
    "load": "Lighten your load",
    "guidance": "Ask for guidance",
    "leave": "Know when to leave",
}
SECTIONS = {"challenge": "grow", "load": "load", "guidance": "guidance", "leave": "tracker"}


@dataclass(frozen=True)
class StepRule:
    """One row of the steps table: a signal, the step it calls for, and the line at which it counts."""

    key: str
    step: str
    what: str  # the rule's first half: "a 30-day challenge of 2 or less"
    calls: str  # its second half: "calls for new challenges" ("adds to it": it only adds to a step named)
    line: float | None = None  # counts at ≤ line (``below``) or ≥ line; None: counts when it reads "worse"
    below: bool = False
    release: float | None = None  # counted at the last reading: keeps counting until back past this
    unit: str = ""

    @property
    def names(self) -> bool:
        """Alone it names the step (else it only adds to a step another signal named)."""
        return not self.calls.startswith("adds")

    @property
    def counts(self) -> str:
        return f"{self.what} {self.calls}"

    def words(self, value: float) -> str:
        return f"{number(value)}{self.unit}"

    def beyond(self, value: float) -> bool:
        assert self.line is not None
        return value <= self.line if self.below else value >= self.line

    def counts_now(self, signal: Signal) -> bool:
        """Counts on this reading alone: past the line, and still past it without the week that made most of it."""
        if self.line is None:
            return signal.direction == "worse"
        if signal.number is None or not self.beyond(signal.number):
            return False
        return signal.steady is None or self.beyond(signal.steady)

    def held_over(self, signal: Signal, before: Signal | None) -> bool:
        """Does not count now, but counted at the last reading and has not come back past the release line."""
        if self.release is None or before is None or signal.number is None or not self.counts_now(before):
            return False
        return signal.number < self.release if self.below else signal.number > self.release


STEP_RULES = (
    StepRule(
        "challenge_level",
        "challenge",
        f"a 30-day challenge of {number(BORED_LEVEL)} or less",
        "calls for new challenges",
        BORED_LEVEL,
        below=True,
        release=BORED_RELEASE,
    ),
    StepRule(
        "learning",
        "challenge",
        f"an answer of {LOW_LEARNING} or less",
        "calls for new challenges",
        LOW_LEARNING,
        below=True,
    ),
    StepRule("challenge", "challenge", "a falling challenge score", "adds to it"),
    StepRule(
        "hours_worked",
        "load",
        f"{number(LONG_WEEK)} h or more in a five-day week",
        "calls for a lighter load",
        LONG_WEEK,
        release=LONG_RELEASE,
        unit=" h",
    ),
    StepRule(
        "load_level",
        "load",
        f"a 30-day load of {number(HEAVY_LOAD)} or more",
        "calls for a lighter load",
        HEAVY_LOAD,
        release=HEAVY_RELEASE,
    ),
    StepRule(
        "outside_jd",
        "load",
        f"{number(OUTSIDE_SHARE)} % or more outside your job description",
        "calls for a lighter load",
        OUTSIDE_SHARE,
        release=OUTSIDE_RELEASE,
        unit=" %",
    ),
    StepRule(
        "energy",
        "load",
        f"a 30-day energy of {number(DRAINED)} or less",
        "adds to it",
        DRAINED,
        below=True,
        release=DRAINED_RELEASE,
    ),
    StepRule("hours", "load", "more than 40 h a week on your plate with nothing freed", "adds to it"),
    StepRule(
        "room",
        "guidance",
        f"an answer of {LOW_ANSWER} or less",
        "calls for asking what else there is",
        LOW_ANSWER,
        below=True,
    ),
    StepRule(
        "options",
        "guidance",
        f"an answer of {LOW_ANSWER} or less",
        "calls for asking for other options",
        LOW_ANSWER,
        below=True,
    ),
    StepRule("goals", "guidance", "a stalled or overdue goal", "adds to it: ask what would unblock it", 1),
    StepRule("promotion", "guidance", "a refused promotion", "calls for asking what it would take", 1),
    StepRule("followups", "guidance", "a promise left undone past its date", "calls for raising it", 1),
)
RULES_BY_KEY = {rule.key: rule for rule in STEP_RULES}


def rule_state(rule: StepRule, signal: Signal, before: Signal | None) -> str:
    """'counts', 'held' (held over from the last reading) or '' (does not count)."""
    if rule.counts_now(signal):
        return "counts"
    return "held" if rule.held_over(signal, before) else ""


def step_keys(
    signals: Sequence[Signal], previous: Sequence[Signal] | None = None
) -> dict[str, list[tuple[StepRule, Signal, str]]]:
    """For each step that some naming signal calls for: its counting rows (rule, signal, state), table order."""
    before = {s.key: s for s in previous or ()}
    rows: dict[str, list[tuple[StepRule, Signal, str]]] = {}
    for signal in signals:
        rule = RULES_BY_KEY.get(signal.key)
        if rule is None:
            continue
        state = rule_state(rule, signal, before.get(signal.key))
        if state:
            rows.setdefault(rule.step, []).append((rule, signal, state))
    return {step: found for step, found in rows.items() if any(rule.names for rule, _s, _t in found)}


def name_steps(
    signals: Sequence[Signal],
    previous: Sequence[Signal] | None = None,
    *,
    strong: Collection[str] = (),
    load: LoadFacts | None = None,
    since: dt.date | None = None,
    guidance_first: bool = False,
) -> list[Step]:
    """The steps the signals call for, strongest first: the most signals behind it, then the most naming
    signals, then the article's order (challenges, load, guidance). ``strong`` are the keys of the signals that
    also count toward leaving (their reason says so); ``guidance_first`` puts asking for guidance first (the
    good-faith rule)."""
    found = step_keys(signals, previous)
    held = _held(signals)
    order = sorted(
        found,
        key=lambda k: (
            not (guidance_first and k == "guidance"),
            -len(found[k]),
            -sum(r.names for r, _s, _t in found[k]),
            STEP_ORDER.index(k),
        ),
    )
    steps = []
    for key in order:
        rows = sorted(found[key], key=lambda row: not row[0].names)  # naming signals first, stable
        reasons = [_reason(rule, signal, state, since, signal.key in strong) for rule, signal, state in rows]
        keys = [s.key for _r, s, _t in rows]
        steps.append(_step(key, reasons, keys, load, held))
    return steps


def no_step_visible(reasons: list[str], signals: Sequence[Signal], keys: list[str]) -> Step:
    """Push with no step named by the table: the next step is not visible, and that calls for guidance."""
    lines = [
        *reasons,
        "Nothing in the data points to boredom or overload, so the next step is not visible: ask for it.",
    ]
    return _step("guidance", lines, keys, None, _held(signals))


def leave_step(reasons: list[str], keys: list[str]) -> Step:
    action = (
        "Leaving looks like the way out: open the job-search tracker, and take your evidence from Grow into "
        "the applications."
    )
    return Step("leave", TITLES["leave"], SECTIONS["leave"], reasons, keys, action)


def not_called_for(signals: Sequence[Signal]) -> list[str]:
    """Why no step is called for: for each step, its naming signals and the line each would have to cross."""
    by_key = {s.key: s for s in signals}
    lines = []
    for step in STEP_ORDER:
        parts = []
        for rule in STEP_RULES:
            signal = by_key.get(rule.key)
            if rule.step != step or not rule.names or rule.line is None or signal is None:
                continue
            name = signal.label[0].lower() + signal.label[1:]
            if signal.number is None:
                parts.append(f"{name} not known yet")
                continue
            line = rule.words(rule.line) + (" or less" if rule.below else " or more")
            parts.append(f"{name} {signal.figure or rule.words(signal.number)} (counts at {line})")
        if parts:
            lines.append(f"{TITLES[step]} — not called for: {', '.join(parts)}.")
    return lines


def headline(verdict: str, steps: Sequence[Step]) -> str:
    """The verdict in one line, naming the steps: "Push — lighten your load first, then find new challenges."."""
    if verdict == "too_early":
        return "Too early to say — not enough data yet."
    if verdict == "stay":
        return "Stay — no step is called for."
    if verdict == "leave":
        return "Leave — the signals say the room has run out."
    names = [s.title[0].lower() + s.title[1:] for s in steps if s.key != "leave"]
    if not names:
        return "Push — act: ask, delegate, learn."
    if len(names) == 1:
        return f"Push — {names[0]}."
    rest = names[1] if len(names) == 2 else f"{', '.join(names[1:-1])} and {names[-1]}"
    return f"Push — {names[0]} first, then {rest}."


def _held(signals: Sequence[Signal]) -> int:
    found = next((s for s in signals if s.key == "guidance"), None)
    return int(found.number or 0) if found else 0


def _reason(rule: StepRule, signal: Signal, state: str, since: dt.date | None, strong: bool) -> str:
    text = f"{signal.label}: {signal.value} — {rule.counts}"
    if state == "held" and rule.line is not None and rule.release is not None:
        side = " or less" if rule.below else " or more"
        back = rule.words(rule.release) + (" or more" if rule.below else " or less")
        when = f"on {day(since)}" if since else "at the last reading"
        text = (
            f"{signal.label}: {signal.value} — it still {rule.calls}: it was {rule.words(rule.line)}{side} "
            f"{when}, and counts until it is back at {back}"
        )
    if strong:
        text += "; it also counts toward leaving"
    return text + "."


def _step(key: str, reasons: list[str], keys: list[str], load: LoadFacts | None, held: int) -> Step:
    if key == "challenge":
        action = (
            "Boredom is often at the root of a rut: ask for more responsibility or a stretch assignment, join "
            "colleagues doing interesting work, and set a goal toward your target role in Grow (log what you "
            "ask for under challenges asked for)."
        )
    elif key == "load":
        action = load_action(load or LoadFacts())
    else:
        action = (
            "When no next step is visible, ask: prepare a conversation with your boss or HR in Guidance about "
            "lateral moves, cross-training, a leadership programme, seminars or course reimbursement."
        )
        if not held:
            action += " You have not held one yet; it is also the good-faith effort to make before leaving."
    return Step(key, TITLES[key], SECTIONS[key], reasons, keys, action)


def load_action(load: LoadFacts) -> str:
    """What the Load section can do now: the hours the pending decisions would free, else where to start."""
    if not load.tasks:
        return "List every task, meeting and project in Load (Brain dump… takes thirty at once) to see what can go."
    undecided = plural(load.undecided, "task")
    if load.pending_free:
        text = (
            f"Your pending decisions would free {minutes_as_hours(load.pending_free, per_week=True)}: carry "
            "them out and mark them done in Load."
        )
        if load.undecided:
            text += f" {undecided} still {'waits' if load.undecided == 1 else 'wait'} for a decision."
    elif load.undecided:
        text = (
            f"No decision is pending yet: Hand off first in Load ranks your {plural(load.undecided, 'undecided task')}"
            " — delegate, drop, decline or automate from the top."
        )
    else:
        text = "Every task has its decision: look again at what you keep, and say no to new meetings and projects."
    if load.outside:
        text += (
            f" {minutes_as_hours(load.outside, per_week=True)} on your plate is outside your job description: "
            "hand it back, or ask for a temp for the orphaned admin work."
        )
    return text
