"""The steps table of the Crossroads verdict at its edges: which signal names which step at what line, the week
left out, the release lines, the order of the steps, the good-faith rule, and the words — signals built by hand,
no database."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.crossroads.numbers import level_without_a_week, steady_change
from rutjournal.core.crossroads.rules import (
    BORED_LEVEL,
    DRAINED,
    GOOD_FAITH,
    HEAVY_LOAD,
    LONG_WEEK,
    OUTSIDE_SHARE,
    READY_MOOD_DAYS,
    RULES,
    STEP_RULES,
    Evidence,
    LoadFacts,
    Signal,
    decide,
    rules_for,
)
from rutjournal.core.crossroads.steps import headline, load_action

TODAY = dt.date(2026, 11, 26)
SINCE = dt.date(2026, 10, 27)
READY = Evidence(mood_days=READY_MOOD_DAYS, checkins=1)
HELD = Signal("guidance", "Guidance conversations", "1 held", "steady", "w", 1.0, True)
NOT_HELD = Signal("guidance", "Guidance conversations", "none held yet", "unknown", "w", 0.0, True)


def sig(key: str, number: float | None, direction: str = "steady", *, steady: float | None = None) -> Signal:
    return Signal(key, key.replace("_", " ").capitalize(), "v", direction, "w", number, True, steady)


def step_keys(*signals: Signal, previous: list[Signal] | None = None) -> list[str]:
    return [s.key for s in decide([*signals, HELD], READY, previous, since=SINCE).steps]


# -- each naming signal at its line ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "at", "short", "step"),
    [
        ("challenge_level", BORED_LEVEL, 2.1, "challenge"),
        ("learning", 2, 3, "challenge"),
        ("hours_worked", LONG_WEEK, 44.9, "load"),
        ("load_level", HEAVY_LOAD, 3.9, "load"),
        ("outside_jd", OUTSIDE_SHARE, 24, "load"),
        ("room", 2, 3, "guidance"),
        ("options", 2, 3, "guidance"),
        ("promotion", 1, 0, "guidance"),
        ("followups", 1, 0, "guidance"),
    ],
)
def test_a_naming_signal_names_its_step_at_its_line_and_not_a_tenth_short(
    key: str, at: float, short: float, step: str
) -> None:
    assert step_keys(sig(key, at)) == [step]
    verdict = decide([sig(key, short), HELD], READY)
    assert (verdict.verdict, verdict.steps) == ("stay", [])


@pytest.mark.parametrize(("key", "number"), [("energy", DRAINED), ("goals", 2), ("challenge", -0.5)])
def test_a_signal_that_only_adds_names_no_step_alone(key: str, number: float) -> None:
    direction = "worse"
    verdict = decide([sig(key, number, direction), HELD], READY)
    assert verdict.steps == [] and verdict.verdict == "stay"  # one signal worse: still stay


def test_an_adding_signal_joins_a_step_named_by_another_after_the_naming_ones() -> None:
    [step] = decide([sig("energy", 1.8, "worse"), sig("load_level", 4.2), HELD], READY).steps
    assert step.signals == ["load_level", "energy"]
    assert step.reasons[1] == "Energy: v — a 30-day energy of 2 or less adds to it."


def test_a_level_past_its_line_only_because_of_one_week_does_not_count() -> None:
    assert step_keys(sig("challenge_level", 1.9, steady=2.1)) == []
    assert step_keys(sig("challenge_level", 1.9, steady=2.0)) == ["challenge"]
    assert step_keys(sig("hours_worked", 46.0, steady=44.9)) == []


# -- the release lines (against the reading of 30 days earlier) ----------------------------------------------------
@pytest.mark.parametrize(
    ("key", "then", "now", "named"),
    [
        ("challenge_level", 1.8, 2.2, True),  # counted then, not yet back at 2.3
        ("challenge_level", 1.8, 2.3, False),
        ("challenge_level", 2.1, 2.2, False),  # did not count then: nothing to hold over
        ("load_level", 4.2, 3.8, True),
        ("load_level", 4.2, 3.7, False),
        ("hours_worked", 47.0, 43.1, True),
        ("hours_worked", 47.0, 43.0, False),
        ("outside_jd", 30, 21, True),
        ("outside_jd", 30, 20, False),
    ],
)
def test_a_signal_that_counted_a_month_ago_keeps_counting_until_its_release_line(
    key: str, then: float, now: float, named: bool
) -> None:
    assert bool(step_keys(sig(key, now), previous=[sig(key, then)])) is named


def test_a_held_over_signal_says_why_it_still_counts() -> None:
    [step] = decide([sig("load_level", 3.8), HELD], READY, [sig("load_level", 4.2)], since=SINCE).steps
    assert step.reasons == [
        "Load level: v — it still calls for a lighter load: it was 4 or more on Tue 27 Oct 2026, and counts "
        "until it is back at 3.7 or less."
    ]


# -- order, good faith, no visible step ----------------------------------------------------------------------------
def test_the_step_with_most_signals_behind_it_comes_first_and_a_tie_keeps_the_articles_order() -> None:
    bored = [sig("challenge_level", 1.5), sig("learning", 1)]
    overloaded = [sig("hours_worked", 50.0), sig("load_level", 4.5), sig("energy", 1.9, "worse")]
    assert step_keys(*bored, *overloaded) == ["load", "challenge"]
    assert step_keys(*bored, *overloaded[:2]) == ["challenge", "load"]  # 2 each: challenges first
    verdict = decide([*bored, *overloaded, HELD], READY)
    assert (
        headline(verdict.verdict, verdict.steps)
        == "Push — lighten your load first, then find new challenges."
    )
    three = decide([*bored, *overloaded, sig("room", 2), HELD], READY)
    assert headline(three.verdict, three.steps) == (
        "Push — lighten your load first, then find new challenges and ask for guidance."
    )


def test_good_faith_puts_asking_for_guidance_first_however_many_signals_a_step_has() -> None:
    overloaded = [
        sig("hours_worked", 55.0),
        sig("load_level", 5.0),
        sig("outside_jd", 40),
        sig("energy", 1.5),
    ]
    strong = [sig("room", 1), sig("options", 2), sig("promotion", 1, "worse")]
    verdict = decide([*overloaded, *strong, NOT_HELD], READY)
    assert (verdict.verdict, verdict.rule) == ("push", RULES["push-good-faith"])
    assert [s.key for s in verdict.steps] == ["guidance", "load"]
    assert verdict.reasons[-1] == GOOD_FAITH


def test_push_with_no_step_named_asks_for_guidance_as_no_next_step_is_visible() -> None:
    mood = Signal("mood", "Mood trend", "3 vs 4 (−1)", "worse", "w", -1.0)
    [step] = decide([mood, HELD], READY).steps
    assert (step.key, step.signals) == ("guidance", ["mood"])
    assert step.reasons == [
        "Mood trend: 3 vs 4 (−1) — a mood falling by 0.3 or more, and not by one week alone, counts toward "
        "leaving.",
        "Nothing in the data points to boredom or overload, so the next step is not visible: ask for it.",
    ]


def test_a_step_pushes_even_on_too_little_data_and_says_what_a_full_verdict_needs() -> None:
    verdict = decide([sig("challenge_level", 1.0), NOT_HELD], Evidence(10, 0))
    assert (verdict.verdict, [s.key for s in verdict.steps]) == ("push", ["challenge"])
    assert verdict.needs == [
        "4 more days of entries with a mood (10 of 14 in the last 90 days)",
        "a first monthly check-in",
    ]


# -- the numbers behind "one week is not a month" -----------------------------------------------------------------
def test_a_level_without_its_lowest_or_highest_week() -> None:
    days = {TODAY - dt.timedelta(days=i): (1.0 if i < 7 else 4.0) for i in range(30)}
    lowest_out = level_without_a_week(days, TODAY, drop="low")
    assert lowest_out is not None
    assert (lowest_out.value, lowest_out.first, lowest_out.last) == (4.0, dt.date(2026, 11, 20), TODAY)
    highest_out = level_without_a_week(days, TODAY, drop="high")
    assert highest_out is not None and highest_out.value == (7 * 1 + 16 * 4) / 23  # a week of 4s left out


def test_a_change_without_the_week_that_made_it() -> None:
    days = {TODAY - dt.timedelta(days=i): (1.0 if 10 <= i < 17 else 4.0) for i in range(60)}
    week = steady_change(days, TODAY)
    assert week is not None and week.value == 0.0
    assert (week.first, week.last) == (dt.date(2026, 11, 10), dt.date(2026, 11, 16))
    assert steady_change({TODAY: 3.0}, TODAY) is None  # no trend at all


# -- the words ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("facts", "starts"),
    [
        (LoadFacts(), "List every task, meeting and project in Load"),
        (
            LoadFacts(tasks=3, on_plate=2400, pending_free=360, undecided=1),
            "Your pending decisions would free 6 h/week",
        ),
        (
            LoadFacts(tasks=3, on_plate=2400, undecided=3),
            "No decision is pending yet: Hand off first in Load ranks your 3",
        ),
        (LoadFacts(tasks=2, on_plate=2400), "Every task has its decision"),
    ],
)
def test_the_load_step_says_what_load_can_do_now(facts: LoadFacts, starts: str) -> None:
    assert load_action(facts).startswith(starts)
    if facts.pending_free and facts.undecided == 1:
        assert "1 task still waits for a decision." in load_action(facts)


def test_every_step_rule_is_in_the_documented_table_with_its_line() -> None:
    table = decide.__doc__ or ""
    for rule in STEP_RULES:
        assert f" {rule.key} " in table, rule.key
    assert "≤ 2.0 (1 bored … 5 stretched)" in table and "≥ 2.3" in table
    assert "≥ 45 h in a five-day week" in table and "≤ 43 h" in table
    assert "≥ 4.0" in table and "≤ 3.7" in table
    assert "≥ 25 %" in table and "≤ 20 %" in table
    assert [r.release for r in STEP_RULES if r.release is not None] == [2.3, 43.0, 3.7, 20.0, 2.3]


def test_a_signals_rules_in_words() -> None:
    assert rules_for("room") == [
        "Toward leaving: an answer of 2 or less counts toward leaving.",
        "Ask for guidance: an answer of 2 or less calls for asking what else there is.",
    ]
    assert rules_for("load_level") == [
        "Lighten your load: a 30-day load of 4 or more calls for a lighter load; once it counts, it counts until "
        "it is back at 3.7 or less."
    ]
    assert rules_for("checkin") == []
