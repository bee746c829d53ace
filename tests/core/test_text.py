"""The one way numbers, counts and dates are written (rutjournal.core.text)."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core import text


@pytest.mark.parametrize(
    ("value", "shown"),
    [(28.8667, "28.9 h"), (2.0, "2 h"), (0.5, "0.5 h"), (0.04, "0 h"), (None, "–"), (-1.25, "-1.2 h")],
)
def test_hours_are_rounded_to_a_tenth_without_trailing_zeros(value: float | None, shown: str) -> None:
    assert text.hours(value) == shown


def test_the_other_numbers() -> None:
    assert text.hours(1.5, per_week=True) == "1.5 h/week"
    assert text.minutes_as_hours(45, per_week=True) == "0.8 h/week"  # hours, never minutes beside hours
    assert text.percent(1 / 3) == "33 %" and text.percent(None) == "–"
    assert text.score(3.4166) == "3.4" and text.score(4.0) == "4"
    assert text.plural(1, "gap") == "1 gap" and text.plural(2, "gap") == "2 gaps"
    assert text.plural(1200, "entry", "entries") == "1,200 entries"


def test_one_date_style() -> None:
    day = dt.date(2026, 12, 3)
    assert text.day(day) == "Thu 3 Dec 2026"
    assert text.long_day(day) == "Thursday 3 December 2026"
    assert text.short_day(day, today=dt.date(2026, 1, 1)) == "3 Dec"
    assert text.short_day(day, today=dt.date(2027, 1, 1)) == "3 Dec 2026"
    assert text.month(day) == "December 2026"
