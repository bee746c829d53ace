"""The delegability formula at its edges (see rutjournal/core/load/delegability.py for the rule)."""

from __future__ import annotations

import pytest

from rutjournal.core.load.delegability import TaskFacts, delegability


def test_the_worst_chore_scores_100_with_every_reason() -> None:
    result = delegability(TaskFacts(minutes_per_week=6 * 60, in_jd="no", enjoyment=-2, value=1))
    assert result.score == 100
    assert result.explain() == (
        "not in your job description · little value to your career or team (1/5) · you dislike it · 6 h/week"
    )


def test_a_valued_enjoyed_core_task_scores_0_however_long() -> None:
    result = delegability(TaskFacts(minutes_per_week=0, in_jd="yes", enjoyment=2, value=5))
    assert result.score == 0
    assert result.reasons == ()
    assert result.explain() == "nothing marks it for handing off"
    long = delegability(TaskFacts(minutes_per_week=30 * 60, in_jd="yes", enjoyment=2, value=5))
    assert long.score == 15  # only the time part: capped
    assert long.reasons == ("30 h/week",)


def test_unrated_facts_count_as_middling() -> None:
    assert delegability(TaskFacts(minutes_per_week=0, in_jd="yes")).score == 10 + 5


@pytest.mark.parametrize(
    ("minutes", "points"),
    [(0, 0), (30, 1), (60, 3), (120, 5), (300, 13), (360, 15), (361, 15), (10_000, 15)],
)
def test_time_points_rise_and_cap(minutes: int, points: int) -> None:
    base = delegability(TaskFacts(minutes_per_week=0, in_jd="yes", enjoyment=2, value=5)).score
    assert (
        delegability(TaskFacts(minutes_per_week=minutes, in_jd="yes", enjoyment=2, value=5)).score - base
        == points
    )


@pytest.mark.parametrize(("in_jd", "points"), [("no", 40), ("partly", 20), ("yes", 0)])
def test_job_description_part(in_jd: str, points: int) -> None:
    assert delegability(TaskFacts(minutes_per_week=0, in_jd=in_jd, enjoyment=2, value=5)).score == points


@pytest.mark.parametrize(("value", "points"), [(1, 25), (2, 18), (3, 10), (4, 4), (5, 0)])
def test_value_part(value: int, points: int) -> None:
    assert delegability(TaskFacts(minutes_per_week=0, in_jd="yes", enjoyment=2, value=value)).score == points


@pytest.mark.parametrize(("enjoyment", "points"), [(-2, 20), (-1, 12), (0, 5), (1, 0), (2, 0)])
def test_enjoyment_part(enjoyment: int, points: int) -> None:
    assert (
        delegability(TaskFacts(minutes_per_week=0, in_jd="yes", enjoyment=enjoyment, value=5)).score == points
    )


def test_reasons_name_only_what_adds_weight() -> None:
    result = delegability(TaskFacts(minutes_per_week=90, in_jd="partly", enjoyment=0, value=3))
    assert result.reasons == ("only partly in your job description",)  # 1.5 h/week is not a reason yet


@pytest.mark.parametrize(
    ("minutes", "said"), [(120, "2 h/week"), (150, "2.5 h/week"), (400, "6.7 h/week"), (6 * 60, "6 h/week")]
)
def test_the_time_reason_is_in_hours_as_everywhere_else(minutes: int, said: str) -> None:
    reasons = delegability(TaskFacts(minutes_per_week=minutes, in_jd="yes", enjoyment=1, value=5)).reasons
    assert reasons == (said,)
