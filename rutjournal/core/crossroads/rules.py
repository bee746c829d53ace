"""The Crossroads rules, Qt-free and database-free: the thresholds and the verdict (stay / push / leave, or too
early to say) with the steps it names. ``signals`` reads the numbers (from ``sources``), ``numbers`` holds the
arithmetic, ``steps`` the table of the steps; everything that turns signals into a verdict is here, each piece
tested on its own.

Every figure is judged as it is shown: rounded to one decimal (``as_shown``), so a change written "+0.2" is never
called "better" by a line drawn at 0.25 that the reader cannot see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
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
from rutjournal.core.i18n import N_, _, ngettext
from rutjournal.core.text import and_list, in_sentence, number, whole

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
NOT_ENOUGH = N_("not enough data")
GOOD_FAITH = N_(
    "Before leaving, make a good-faith effort: hold at least one conversation with your boss or HR (Guidance)."
)


def reading(signal: Signal) -> str:
    """The direction column in words: a change needs an earlier value; a level is a good or a bad sign."""
    if signal.key == "guidance":
        return _("read by the good-faith rule")
    if signal.direction == "unknown":
        return _(NOT_ENOUGH) if signal.number is None else _("nothing to compare with yet")
    if signal.level:
        return {"better": _("a good sign"), "worse": _("a bad sign")}.get(signal.direction, _("neutral"))
    # TRANSLATORS: the direction of a signal since the 30 days before
    words = {"better": _("better"), "worse": _("worse"), "steady": _("steady")}
    return words.get(signal.direction, signal.direction)


def needs(evidence: Evidence) -> list[str]:
    """What the verdict still lacks before it may say stay or leave, in words (empty: enough)."""
    missing = []
    short = READY_MOOD_DAYS - evidence.mood_days
    if short > 0:
        if evidence.mood_days == 0:
            missing.append(_("{count} days of entries with a mood").format(count=whole(READY_MOOD_DAYS)))
        else:
            text = ngettext(
                "{count} more day of entries with a mood ({days} of {needed} in the last {span} days)",
                "{count} more days of entries with a mood ({days} of {needed} in the last {span} days)",
                short,
            )
            missing.append(
                text.format(
                    count=whole(short), days=evidence.mood_days, needed=READY_MOOD_DAYS, span=DREAD_DAYS
                )
            )
    if evidence.checkins < READY_CHECKINS:
        missing.append(_("a first monthly check-in"))
    return missing


# -- the verdict ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StrongRule:
    """One row of the table of strong signals: which signal, when it counts toward leaving, and why in words."""

    key: str
    text: str  # the reason's second half, marked and translated when read: ``counts``
    holds: Callable[[Signal], bool]

    @property
    def counts(self) -> str:
        """The rule in words: "an answer of 2 or less counts toward leaving"."""
        limits = {"answer": whole(LOW_ANSWER), "change": number(TREND_STEP), "points": points(DREAD_STRONG)}
        return _(self.text).format(**limits)


def _at_least(limit: float) -> Callable[[Signal], bool]:
    return lambda s: s.number is not None and s.number >= limit


def _at_most(limit: float) -> Callable[[Signal], bool]:
    return lambda s: s.number is not None and s.number <= limit


STRONG_RULES = (
    StrongRule("promotion", N_("a refused promotion counts toward leaving"), _at_least(1)),
    StrongRule("followups", N_("a promise left undone past its date counts toward leaving"), _at_least(1)),
    # TRANSLATORS: {answer} is a check-in answer from 1 to 5
    StrongRule("room", N_("an answer of {answer} or less counts toward leaving"), _at_most(LOW_ANSWER)),
    StrongRule("options", N_("an answer of {answer} or less counts toward leaving"), _at_most(LOW_ANSWER)),
    StrongRule(
        "mood",
        # TRANSLATORS: {change} is a change of the mean mood on the 1-5 scale, e.g. "0.3"
        N_("a mood falling by {change} or more, and not by one week alone, counts toward leaving"),
        lambda s: s.direction == "worse",
    ),
    StrongRule(
        "monday_dread",
        # TRANSLATORS: {points} is a distance on the 1-5 scale, e.g. "1 point"
        N_("Mondays {points} or more below the other weekdays count toward leaving"),
        _at_least(DREAD_STRONG),
    ),
)  # boredom and overload are steps to take, not reasons to leave: they are rows of STEP_RULES
STRONG_BY_KEY = {rule.key: rule for rule in STRONG_RULES}

_RULE_TEXTS = {  # marked here, translated and filled in when read (``RULES``)
    "too-early": N_(
        "too early: no strong signal and no step called for yet, and fewer than {days} days with a "
        "mood in the last {span} days or no check-in yet"
    ),
    "leave": N_("leave: 3 or more strong signals, at least one guidance conversation held, and enough data"),
    "push-good-faith": N_(
        "push: 3 or more strong signals, but no guidance conversation held yet (good faith first: ask for guidance)"
    ),
    "push": N_(
        "push: a step called for, at least one strong signal, or two or more signals getting worse; the steps "
        "named strongest first (none named: ask for guidance)"
    ),
    "stay": N_(
        "stay: enough data, no step called for, no strong signal and at most one signal getting worse"
    ),
}


class _Rules(Mapping[str, str]):
    """The rule of each verdict in words, in the user's language when it is read: ``RULES["stay"]``."""

    def __getitem__(self, key: str) -> str:
        return _(_RULE_TEXTS[key]).format(days=READY_MOOD_DAYS, span=DREAD_DAYS)

    def __iter__(self) -> Iterator[str]:
        return iter(_RULE_TEXTS)

    def __len__(self) -> int:
        return len(_RULE_TEXTS)


RULES = _Rules()


def rule_words(key: str) -> str:
    """The rule of a verdict (a key of ``RULES``) in the user's language."""
    return RULES[key]


def is_strong(signal: Signal) -> bool:
    """Whether a signal counts toward leaving (a row of ``STRONG_RULES``)."""
    rule = STRONG_BY_KEY.get(signal.key)
    return rule is not None and rule.holds(signal)


def rules_for(key: str) -> list[str]:
    """The rules that read a signal, in words: toward leaving, and the step it calls for or adds to."""
    found = []
    strong = STRONG_BY_KEY.get(key)
    if strong is not None:
        found.append(_("Toward leaving: {rule}.").format(rule=strong.counts))
    for rule in STEP_RULES:
        if rule.key != key:
            continue
        step = _(TITLES[rule.step])
        if rule.release is None:
            # TRANSLATORS: {step} is a step's title ("Find new challenges"), {rule} when a signal calls for it
            found.append(_("{step}: {rule}.").format(step=step, rule=rule.counts))
            continue
        back = rule.or_more(rule.release) if rule.below else rule.or_less(rule.release)
        # TRANSLATORS: {back} is a figure with "or more" / "or less", e.g. "2.3 or more"
        text = _("{step}: {rule}; once it counts, it counts until it is back at {back}.")
        found.append(text.format(step=step, rule=rule.counts, back=back))
    if key == "guidance":
        found.append(_("The good-faith rule: the verdict never says leave before one conversation is held."))
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
    if strong:
        strong_line = ngettext(
            "{count} of the {total} strong signals points to leaving: {signals}.",
            "{count} of the {total} strong signals point to leaving: {signals}.",
            len(strong),
        ).format(
            count=len(strong),
            total=len(STRONG_RULES),
            signals=", ".join(in_sentence(s.label) for s in strong),
        )
    else:
        strong_line = _("{count} of the {total} strong signals point to leaving.").format(
            count=0, total=len(STRONG_RULES)
        )
    held_line = (
        ngettext(
            "You have held {count} guidance conversation.",
            "You have held {count} guidance conversations.",
            held,
        ).format(count=whole(held))
        if held
        else _("You have not held a guidance conversation yet.")
    )
    if not strong and not steps and missing:
        reasons = [
            _("Too early for a verdict: it needs {what}.").format(what=and_list(missing)),
            *_so_far(signals),
        ]
        return Verdict("too_early", reasons, rule_words("too-early"), missing)
    if len(strong) >= 3 and held >= 1 and not missing:
        leaving = leave_step([_reason(s) for s in strong], [s.key for s in strong])
        return Verdict("leave", [strong_line, held_line], rule_words("leave"), steps=[leaving])
    if not (steps or strong or len(worse) >= 2):
        named = {rule.key for rule in STEP_RULES if rule.names and rule.line is not None}
        reasons = [strong_line, *not_called_for(signals), *_so_far(signals, skip=named)]
        return Verdict("stay", reasons, rule_words("stay"))
    if not steps or (good_faith and all(step.key != "guidance" for step in steps)):
        behind = [s for s in [*strong, *worse] if s.key not in {k for st in steps for k in st.signals}]
        behind = list(dict.fromkeys(behind))
        steps.insert(0, no_step_visible([_reason(s) for s in behind], signals, [s.key for s in behind]))
    shown = {key for step in steps for key in step.signals}
    reasons = [strong_line, *(_reason(s) for s in strong if s.key not in shown)]
    reasons += [_reason(s) for s in worse if s not in strong and s.key not in shown]
    if missing:
        reasons.append(_("A full verdict (stay or leave) still needs {what}.").format(what=and_list(missing)))
    if good_faith:
        reasons = [*reasons, held_line, _(GOOD_FAITH)]
        return Verdict("push", reasons, rule_words("push-good-faith"), missing, steps)
    if strong and not held:  # leaving is in view: say what comes first
        reasons.append(_(GOOD_FAITH))
    return Verdict("push", reasons, rule_words("push"), missing, steps)


def _so_far(signals: Sequence[Signal], skip: Collection[str] = ()) -> list[str]:
    """A count of the signals by direction, then the ones better and worse with their values (but those in
    ``skip``, said already)."""
    counted = [s for s in signals if s.key != "guidance"]  # not a sign about the job: the good-faith guard
    known = [s for s in counted if s.direction in ("better", "steady")]
    worse = [s for s in counted if s.direction == "worse"]
    unknown = len(counted) - len(known) - len(worse)
    if not known and not worse:
        return [_("None of the {count} signals can be read yet.").format(count=len(counted))]
    if unknown:
        line = ngettext(
            "{count} signal better or steady, {worse} worse, {unknown} not known yet.",
            "{count} signals better or steady, {worse} worse, {unknown} not known yet.",
            len(known),
        ).format(count=whole(len(known)), worse=len(worse), unknown=unknown)
    else:
        line = ngettext(
            "{count} signal better or steady, {worse} worse.",
            "{count} signals better or steady, {worse} worse.",
            len(known),
        ).format(count=whole(len(known)), worse=len(worse))
    listed = [s for s in counted if s.direction in ("better", "worse") and s.key not in skip]
    return [line, *(_reason(s) for s in listed if s.direction == "better"), *(_reason(s) for s in worse)]


def _reason(signal: Signal) -> str:
    rule = STRONG_BY_KEY.get(signal.key)
    # TRANSLATORS: a signal, its value and what it means, e.g. "Mood trend: 3.1 over the last 30 days … — worse."
    reason = _("{signal}: {value} — {reading}.")
    if rule is not None and rule.holds(signal):
        return reason.format(signal=signal.label, value=signal.value, reading=rule.counts)
    return reason.format(signal=signal.label, value=signal.value, reading=reading(signal))
