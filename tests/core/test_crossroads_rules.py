"""The Crossroads rules on their own: the arithmetic behind the signals, and the verdict's table at its edges."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.crossroads.rules import (
    GOOD_FAITH,
    READY_MOOD_DAYS,
    RULES,
    STRONG_RULES,
    Evidence,
    Signal,
    direction_of,
    monday_dread,
    needs,
    reading,
    signed,
    trend,
)
from rutjournal.core.crossroads.rules import decide as decide_with

TODAY = dt.date(2026, 11, 26)  # a Thursday
READY = Evidence(mood_days=READY_MOOD_DAYS, checkins=1)


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def decide(signals: list[Signal], evidence: Evidence = READY):  # type: ignore[no-untyped-def]
    return decide_with(signals, evidence)


def test_trend_compares_the_last_30_days_with_the_30_before() -> None:
    # recent span: 2026-10-28 … 2026-11-26; earlier span: 2026-09-28 … 2026-10-27
    scores = {d(11, 20 + i): 2 for i in range(5)} | {d(10, 1 + i): 4 for i in range(4)} | {d(10, 27): 5}
    assert trend(scores, TODAY) == (2.0, (4 * 4 + 5) / 5)
    scores[d(9, 27)] = 1  # outside both spans: ignored
    assert trend(scores, TODAY) == (2.0, 4.2)
    del scores[d(10, 27)]
    assert trend(scores, TODAY) is None  # only 4 scored days before


def test_monday_dread_is_the_gap_below_tuesday_to_friday() -> None:
    mondays = {d(11, 2): 2, d(11, 9): 1, d(11, 16): 2, d(11, 23): 3}  # mean 2.0
    others = {d(11, 3 + i): 4 for i in range(4)} | {d(11, 10 + i): 3 for i in range(4)}  # mean 3.5
    weekend = {d(11, 7): 1, d(11, 8): 1}  # Saturdays and Sundays do not count
    assert monday_dread(mondays | others | weekend, TODAY) == 1.5
    del mondays[d(11, 23)]
    assert monday_dread(mondays | others, TODAY) is None  # 3 Mondays: too few
    assert monday_dread({**others, d(8, 24): 1} | mondays, TODAY) is None  # 2026-08-24 is before the 90 days


@pytest.mark.parametrize(
    ("change", "direction", "shown"),
    [
        (0.25, "steady", "+0.2"),  # shown as +0.2: not called a change
        (0.2999, "better", "+0.3"),  # shown as +0.3: a change, as the reader sees it
        (0.3, "better", "+0.3"),
        (-0.3, "worse", "−0.3"),
        (-0.24, "steady", "−0.2"),
        (0.0, "steady", "±0"),
    ],
)
def test_a_change_is_judged_as_it_is_shown(change: float, direction: str, shown: str) -> None:
    assert direction_of(change) == direction
    assert signed(change) == shown


# -- the verdict -------------------------------------------------------------------------------------------------
def sig(key: str, direction: str, number: float | None = None, *, level: bool = False) -> Signal:
    return Signal(key, key.replace("_", " ").capitalize(), "v", direction, "because", number, level)


HELD = sig("guidance", "steady", 1, level=True)
NOT_HELD = sig("guidance", "unknown", 0, level=True)
THREE_STRONG = [
    sig("promotion", "worse", 1, level=True),
    sig("followups", "worse", 2, level=True),
    sig("room", "worse", 2),
]


def test_three_strong_signals_and_a_conversation_held_mean_leave() -> None:
    verdict = decide([*THREE_STRONG, sig("mood", "steady", 0.0), HELD])
    assert verdict.verdict == "leave"
    assert verdict.rule == RULES["leave"]
    assert verdict.reasons == [
        "3 of the 6 strong signals point to leaving: promotion, followups, room.",
        "You have held 1 guidance conversation.",
    ]
    [step] = verdict.steps  # the fourth step, and only it
    assert (step.key, step.section, step.signals) == ("leave", "tracker", ["promotion", "followups", "room"])
    assert step.reasons[0] == "Promotion: v — a refused promotion counts toward leaving."
    assert GOOD_FAITH not in verdict.reasons
    assert verdict.needs == []


@pytest.mark.parametrize("guidance", [[NOT_HELD], []])
def test_leave_is_never_the_verdict_before_a_conversation_is_held(guidance: list[Signal]) -> None:
    signals = [*THREE_STRONG, sig("options", "worse", 1), sig("mood", "worse", -1.0), *guidance]
    verdict = decide(signals)
    assert verdict.verdict == "push"
    assert verdict.rule == RULES["push-good-faith"]
    assert verdict.reasons[-1] == GOOD_FAITH
    assert "You have not held a guidance conversation yet." in verdict.reasons


def test_fewer_than_three_strong_signals_mean_push() -> None:
    signals = [sig("mood", "worse", -0.5), sig("monday_dread", "worse", 1.0), sig("room", "steady", 3), HELD]
    verdict = decide(signals)
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.reasons[0] == "2 of the 6 strong signals point to leaving: mood, monday dread."
    assert GOOD_FAITH not in verdict.reasons


def test_one_strong_signal_is_enough_to_push_and_the_sentence_agrees_with_its_count() -> None:
    verdict = decide([sig("options", "unknown", 2), sig("checkin", "better", 4.0)])
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.reasons[0] == "1 of the 6 strong signals points to leaving: options."
    assert GOOD_FAITH in verdict.reasons


def test_two_ordinary_worse_signals_mean_push() -> None:
    verdict = decide(
        [
            sig("goals", "worse", 2, level=True),
            sig("hours", "worse", 0, level=True),
            sig("checkin", "better", 4.0),
            HELD,
        ]
    )
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.reasons == ["0 of the 6 strong signals point to leaving."]
    # stalled goals and a buried plate only add to a step: none is named, so no next step is visible
    [step] = verdict.steps
    assert step.key == "guidance"
    assert step.reasons == [
        "Goals: v — a bad sign.",
        "Hours: v — a bad sign.",
        "Nothing in the data points to boredom or overload, so the next step is not visible: ask for it.",
    ]


@pytest.mark.parametrize(
    "near_misses",
    [
        [sig("room", "steady", 3), sig("options", "steady", 3)],  # 3 is not "≤ 2"
        [sig("monday_dread", "worse", 0.9, level=True)],  # a bad sign, but below the strong line of 1
        [sig("promotion", "steady", 0, level=True), sig("followups", "better", 0, level=True)],
    ],
)
def test_mostly_better_or_steady_means_stay(near_misses: list[Signal]) -> None:
    signals = [*near_misses, sig("mood", "better", 0.5), sig("challenge", "steady", 0.0), HELD]
    verdict = decide(signals)
    assert (verdict.verdict, verdict.rule) == ("stay", RULES["stay"])
    worse = sum(s.direction == "worse" for s in near_misses)
    known = len(near_misses) - worse + 2  # mood and challenge; the guidance signal is not counted
    assert f"{known} signals better or steady, {worse} worse." in verdict.reasons
    assert verdict.steps == []


def test_every_strong_rule_names_a_signal_once() -> None:
    keys = [rule.key for rule in STRONG_RULES]
    assert len(keys) == len(set(keys)) == 6
    assert all(rule.counts.endswith("toward leaving") for rule in STRONG_RULES)


# -- too little data: the verdict says so and what it needs -------------------------------------------------------
@pytest.mark.parametrize(
    ("evidence", "needed"),
    [
        (Evidence(0, 0), ["14 days of entries with a mood", "a first monthly check-in"]),
        (
            Evidence(2, 0),
            ["12 more days of entries with a mood (2 of 14 in the last 90 days)", "a first monthly check-in"],
        ),
        (Evidence(13, 1), ["1 more day of entries with a mood (13 of 14 in the last 90 days)"]),
        (Evidence(14, 0), ["a first monthly check-in"]),
        (Evidence(14, 1), []),
    ],
)
def test_what_the_verdict_still_needs(evidence: Evidence, needed: list[str]) -> None:
    assert needs(evidence) == needed


def test_with_no_data_at_all_the_verdict_says_it_is_too_early_and_what_it_needs() -> None:
    verdict = decide([sig("mood", "unknown"), sig("checkin", "unknown"), NOT_HELD], Evidence(0, 0))
    assert (verdict.verdict, verdict.rule) == ("too_early", RULES["too-early"])
    assert verdict.reasons == [
        "Too early for a verdict: it needs 14 days of entries with a mood and a first monthly check-in.",
        "None of the 2 signals can be read yet.",
    ]
    assert verdict.needs == ["14 days of entries with a mood", "a first monthly check-in"]


def test_too_early_even_with_two_signals_getting_worse() -> None:
    signals = [sig("goals", "worse", 1, level=True), sig("hours", "worse", 0, level=True), NOT_HELD]
    verdict = decide(signals, Evidence(14, 0))
    assert verdict.verdict == "too_early"
    assert verdict.reasons[0] == "Too early for a verdict: it needs a first monthly check-in."
    assert verdict.reasons[1] == "0 signals better or steady, 2 worse."


def test_a_strong_signal_pushes_on_little_data_and_says_what_a_full_verdict_needs() -> None:
    verdict = decide([sig("promotion", "worse", 1, level=True), NOT_HELD], Evidence(2, 0))
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert (
        "A full verdict (stay or leave) still needs 12 more days of entries with a mood (2 of 14 in the last "
        "90 days) and a first monthly check-in." in verdict.reasons
    )


def test_leave_is_not_said_on_too_little_data() -> None:
    verdict = decide([*THREE_STRONG, HELD], Evidence(13, 1))
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push"])
    assert verdict.needs == ["1 more day of entries with a mood (13 of 14 in the last 90 days)"]
    assert decide([*THREE_STRONG, HELD], Evidence(14, 1)).verdict == "leave"


@pytest.mark.parametrize(
    ("signal", "words"),
    [
        (sig("room", "unknown"), "not enough data"),
        (sig("room", "unknown", 2), "nothing to compare with yet"),
        (sig("room", "worse", 2), "worse"),
        (sig("goals", "worse", 1, level=True), "a bad sign"),
        (sig("goals", "better", 0, level=True), "a good sign"),
        (sig("promotion", "steady", 0, level=True), "neutral"),
        (HELD, "read by the good-faith rule"),
    ],
)
def test_a_direction_is_only_a_direction_with_something_to_compare(signal: Signal, words: str) -> None:
    assert reading(signal) == words


def test_the_documented_table_names_the_thresholds_the_code_uses() -> None:
    from rutjournal.core.crossroads.rules import (
        DREAD_DAYS,
        DREAD_STRONG,
        LOW_ANSWER,
        READY_CHECKINS,
        TREND_STEP,
    )
    from rutjournal.core.text import number

    table = decide_with.__doc__ or ""
    assert f"≥ {number(TREND_STEP)} below" in table
    assert f"≥ {DREAD_STRONG:.1f} point" in table
    assert f"≤ {LOW_ANSWER}" in table
    assert f"at least {READY_MOOD_DAYS} days with a mood in the last {DREAD_DAYS} days" in table
    assert READY_CHECKINS == 1 and "at least one check-in" in table
