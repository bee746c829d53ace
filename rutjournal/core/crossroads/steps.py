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

from rutjournal.core.crossroads.load_advice import load_action
from rutjournal.core.crossroads.model import LoadFacts, Signal, Step
from rutjournal.core.i18n import N_, _
from rutjournal.core.text import and_list, day, hours, in_sentence, number

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
TITLES = {  # translated where shown: _(TITLES[key])
    "challenge": N_("Find new challenges"),
    "load": N_("Lighten your load"),
    "guidance": N_("Ask for guidance"),
    "leave": N_("Know when to leave"),
}
SECTIONS = {"challenge": "grow", "load": "load", "guidance": "guidance", "leave": "tracker"}


@dataclass(frozen=True)
class StepRule:
    """One row of the steps table: a signal, the step it calls for, and the line at which it counts."""

    key: str
    step: str
    text: str  # the rule, marked: "a 30-day challenge of {line} or less calls for new challenges"
    still: str  # what it still does once held over, marked: "it still calls for new challenges"
    line: float | None = None  # counts at ≤ line (``below``) or ≥ line; None: counts when it reads "worse"
    below: bool = False
    release: float | None = None  # counted at the last reading: keeps counting until back past this
    unit: str = ""
    names: bool = True  # alone it names the step (else it only adds to a step another signal named)

    @property
    def counts(self) -> str:
        """The rule in words: "a 30-day challenge of 2 or less calls for new challenges"."""
        line = "" if self.line is None else self.words(self.line)
        return _(self.text).format(line=line, work_line=hours(WORK_LINE))

    def words(self, value: float) -> str:
        return f"{number(value)}{self.unit}"

    def or_less(self, value: float) -> str:
        # TRANSLATORS: a figure and the side of it that counts, e.g. "2 or less"
        return _("{value} or less").format(value=self.words(value))

    def or_more(self, value: float) -> str:
        # TRANSLATORS: a figure and the side of it that counts, e.g. "45 h or more"
        return _("{value} or more").format(value=self.words(value))

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


CALLS_CHALLENGES = N_("it still calls for new challenges")
CALLS_LIGHTER = N_("it still calls for a lighter load")
ADDS = N_("it still adds to it")
# TRANSLATORS (the rules below): {line} is the figure at which the rule counts: "2", "45 h", "25 %"
STEP_RULES = (
    StepRule(
        "challenge_level",
        "challenge",
        N_("a 30-day challenge of {line} or less calls for new challenges"),
        CALLS_CHALLENGES,
        BORED_LEVEL,
        below=True,
        release=BORED_RELEASE,
    ),
    StepRule(
        "learning",
        "challenge",
        N_("an answer of {line} or less calls for new challenges"),
        CALLS_CHALLENGES,
        LOW_LEARNING,
        below=True,
    ),
    StepRule("challenge", "challenge", N_("a falling challenge score adds to it"), ADDS, names=False),
    StepRule(
        "hours_worked",
        "load",
        N_("{line} or more in a five-day week calls for a lighter load"),
        CALLS_LIGHTER,
        LONG_WEEK,
        release=LONG_RELEASE,
        unit=" h",
    ),
    StepRule(
        "load_level",
        "load",
        N_("a 30-day load of {line} or more calls for a lighter load"),
        CALLS_LIGHTER,
        HEAVY_LOAD,
        release=HEAVY_RELEASE,
    ),
    StepRule(
        "outside_jd",
        "load",
        N_("{line} or more outside your job description calls for a lighter load"),
        CALLS_LIGHTER,
        OUTSIDE_SHARE,
        release=OUTSIDE_RELEASE,
        unit=" %",
    ),
    StepRule(
        "energy",
        "load",
        N_("a 30-day energy of {line} or less adds to it"),
        ADDS,
        DRAINED,
        below=True,
        release=DRAINED_RELEASE,
        names=False,
    ),
    StepRule(
        "hours",
        "load",
        # TRANSLATORS: {work_line} is "40 h"
        N_("more than {work_line} a week on your plate with nothing freed adds to it"),
        ADDS,
        names=False,
    ),
    StepRule(
        "room",
        "guidance",
        N_("an answer of {line} or less calls for asking what else there is"),
        N_("it still calls for asking what else there is"),
        LOW_ANSWER,
        below=True,
    ),
    StepRule(
        "options",
        "guidance",
        N_("an answer of {line} or less calls for asking for other options"),
        N_("it still calls for asking for other options"),
        LOW_ANSWER,
        below=True,
    ),
    StepRule(
        "goals",
        "guidance",
        N_("a stalled or overdue goal adds to it: ask what would unblock it"),
        N_("it still adds to it: ask what would unblock it"),
        1,
        names=False,
    ),
    StepRule(
        "promotion",
        "guidance",
        N_("a refused promotion calls for asking what it would take"),
        N_("it still calls for asking what it would take"),
        1,
    ),
    StepRule(
        "followups",
        "guidance",
        N_("a promise left undone past its date calls for raising it"),
        N_("it still calls for raising it"),
        1,
    ),
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
        _("Nothing in the data points to boredom or overload, so the next step is not visible: ask for it."),
    ]
    return _step("guidance", lines, keys, None, _held(signals))


def leave_step(reasons: list[str], keys: list[str]) -> Step:
    action = _(
        "Leaving looks like the way out: open the job-search tracker, and take your evidence from Grow into "
        "the applications."
    )
    return Step("leave", _(TITLES["leave"]), SECTIONS["leave"], reasons, keys, action)


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
            name = in_sentence(signal.label)
            if signal.number is None:
                # TRANSLATORS: {signal} names a signal, e.g. "challenge level"
                parts.append(_("{signal} not known yet").format(signal=name))
                continue
            line = rule.or_less(rule.line) if rule.below else rule.or_more(rule.line)
            figure = signal.figure or rule.words(signal.number)
            # TRANSLATORS: a signal, its figure, and the line at which it would count: "challenge level 3.1 (counts
            # at 2 or less)"
            parts.append(
                _("{signal} {figure} (counts at {line})").format(signal=name, figure=figure, line=line)
            )
        if parts:
            # TRANSLATORS: {step} is a step's title, {signals} a list of signals with their figures
            text = _("{step} — not called for: {signals}.")
            lines.append(text.format(step=_(TITLES[step]), signals=", ".join(parts)))
    return lines


def headline(verdict: str, steps: Sequence[Step]) -> str:
    """The verdict in one line, naming the steps: "Push — lighten your load first, then find new challenges."."""
    if verdict == "too_early":
        return _("Too early to say — not enough data yet.")
    if verdict == "stay":
        return _("Stay — no step is called for.")
    if verdict == "leave":
        return _("Leave — the signals say the room has run out.")
    names = [in_sentence(s.title) for s in steps if s.key != "leave"]
    if not names:
        return _("Push — act: ask, delegate, learn.")
    if len(names) == 1:
        # TRANSLATORS: {step} is a step's title, e.g. "lighten your load"
        return _("Push — {step}.").format(step=names[0])
    # TRANSLATORS: {first} is a step's title, {rest} one or more, e.g. "find new challenges and ask for guidance"
    return _("Push — {first} first, then {rest}.").format(first=names[0], rest=and_list(names[1:]))


def _held(signals: Sequence[Signal]) -> int:
    found = next((s for s in signals if s.key == "guidance"), None)
    return int(found.number or 0) if found else 0


def _reason(rule: StepRule, signal: Signal, state: str, since: dt.date | None, strong: bool) -> str:
    if state == "held" and rule.line is not None and rule.release is not None:
        line = rule.or_less(rule.line) if rule.below else rule.or_more(rule.line)
        back = rule.or_more(rule.release) if rule.below else rule.or_less(rule.release)
        found = {
            "signal": signal.label,
            "value": signal.value,
            "still": _(rule.still),
            "line": line,
            "back": back,
        }
        # TRANSLATORS: {still} is "it still calls for new challenges"; {line} and {back} are "2 or less", "2.3 or more"
        if since and strong:
            text = _(
                "{signal}: {value} — {still}: it was {line} on {day}, and counts until it is back at {back}; "
                "it also counts toward leaving."
            )
        elif since:
            text = _(
                "{signal}: {value} — {still}: it was {line} on {day}, and counts until it is back at {back}."
            )
        elif strong:
            text = _(
                "{signal}: {value} — {still}: it was {line} at the last reading, and counts until it is back at "
                "{back}; it also counts toward leaving."
            )
        else:
            text = _(
                "{signal}: {value} — {still}: it was {line} at the last reading, and counts until it is back at "
                "{back}."
            )
        return text.format(day=day(since) if since else "", **found)
    if strong:
        text = _("{signal}: {value} — {reading}; it also counts toward leaving.")
    else:
        text = _("{signal}: {value} — {reading}.")
    return text.format(signal=signal.label, value=signal.value, reading=rule.counts)


def _step(key: str, reasons: list[str], keys: list[str], load: LoadFacts | None, held: int) -> Step:
    if key == "challenge":
        action = _(
            "Boredom is often at the root of a rut: ask for more responsibility or a stretch assignment, join "
            "colleagues doing interesting work, and set a goal toward your target role in Grow (log what you "
            "ask for under challenges asked for)."
        )
    elif key == "load":
        action = load_action(load or LoadFacts())
    elif held:
        action = _(
            "When no next step is visible, ask: prepare a conversation with your boss or HR in Guidance about "
            "lateral moves, cross-training, a leadership programme, seminars or course reimbursement."
        )
    else:
        action = _(
            "When no next step is visible, ask: prepare a conversation with your boss or HR in Guidance about "
            "lateral moves, cross-training, a leadership programme, seminars or course reimbursement. You have "
            "not held one yet; it is also the good-faith effort to make before leaving."
        )
    return Step(key, _(TITLES[key]), SECTIONS[key], reasons, keys, action)
