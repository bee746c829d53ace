"""The numbers behind the Trends plots and their readings: fixed clock, hand-computed expectations."""

from __future__ import annotations

import datetime as dt

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.grow.service import Grow
from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.trends.readings import correlation_reading, dread_reading, hours_reading, series_reading
from rutjournal.core.trends.service import (
    Correlation,
    DateRange,
    Dread,
    correlation,
    daily_series,
    describe_correlation,
    entries_after,
    goal_progress_over_time,
    monday_dread,
    rolling_mean,
    step_values,
    trends_report,
    weekday_means,
    weekly_hours_by_decision,
    year_pixels,
)
from rutjournal.core.values import Scores

TODAY = dt.date(2026, 3, 31)  # a Tuesday
MARCH = DateRange(dt.date(2026, 3, 1), TODAY)
D = dt.date


def day(n: int) -> dt.date:
    """Day n of March 2026 (the 2nd is a Monday)."""
    return dt.date(2026, 3, n)


def series_of(first: dt.date, values: list[float | None]) -> list[tuple[dt.date, float | None]]:
    return [(first + dt.timedelta(days=i), v) for i, v in enumerate(values)]


def each_day(steps: list[tuple[dt.date, float | None]], first: dt.date, n: int) -> list[float | None]:
    """A rolling mean's step function read on each of ``n`` days from ``first``."""
    return step_values(steps, [first + dt.timedelta(days=i) for i in range(n)])


def save(db, when: dt.date, **scores: object) -> None:  # type: ignore[no-untyped-def]
    Journal(db).save(when, "a day", Scores(**scores), [])  # type: ignore[arg-type]


# -- ranges ----------------------------------------------------------------------------------------------------
def test_last_days_ends_today_and_counts_today() -> None:
    assert DateRange.last_days(1, TODAY) == DateRange(TODAY, TODAY)
    rng = DateRange.last_days(31, TODAY)
    assert (rng.first, rng.last, rng.days) == (day(1), TODAY, 31)


@pytest.mark.parametrize("n", [0, -3])
def test_last_days_refuses_less_than_one(n: int) -> None:
    with pytest.raises(InvalidInput, match="days"):
        DateRange.last_days(n, TODAY)


def test_all_time_runs_from_the_first_record_to_today(db) -> None:  # type: ignore[no-untyped-def]
    assert DateRange.all_time(db, TODAY) == DateRange(TODAY, TODAY)  # empty journal: just today
    save(db, D(2025, 12, 30), mood=3)
    assert DateRange.all_time(db, TODAY) == DateRange(D(2025, 12, 30), TODAY)


def test_all_time_ends_today_and_counts_the_entries_dated_later(db) -> None:  # type: ignore[no-untyped-def]
    save(db, D(2026, 3, 2), mood=3)
    save(db, D(2027, 6, 1), mood=4)  # typed with the wrong year, or a plan: no range stretches to reach it
    assert DateRange.all_time(db, TODAY) == DateRange(D(2026, 3, 2), TODAY)
    assert entries_after(db, TODAY) == 1
    assert [d for d, _ in daily_series(db, DateRange.all_time(db, TODAY), "mood")] == [D(2026, 3, 2)]
    save(db, D(2027, 1, 1), mood=4)
    assert entries_after(db, TODAY) == 2
    from rutjournal.core.trends.readings import range_reading

    assert range_reading(D(2026, 3, 2), TODAY, 2) == (
        "Mon 2 Mar 2026 to Tue 31 Mar 2026 (30 days); 2 entries dated after today are not shown"
    )


def test_only_future_entries_make_all_time_just_today(db) -> None:  # type: ignore[no-untyped-def]
    save(db, D(2027, 6, 1), mood=4)
    assert DateRange.all_time(db, TODAY) == DateRange(TODAY, TODAY)


def test_the_year_in_pixels_counts_the_days_so_far(db) -> None:  # type: ignore[no-untyped-def]
    save(db, day(2), mood=2)
    save(db, D(2026, 6, 1), mood=4)  # after today: not a day of the year so far
    pixels = year_pixels(db, 2026, until=TODAY)
    assert len(pixels) == 31 + 28 + 31 and max(pixels) == TODAY
    from rutjournal.core.trends.readings import pixels_reading

    assert pixels_reading(2026, pixels) == (
        "1 of the 90 days of 2026 so far has a mood, averaging 2, with 1 low day (1 or 2)."
    )
    assert pixels_reading(2025, year_pixels(db, 2025, until=TODAY)).startswith("No mood recorded in 2025")
    assert year_pixels(db, 2027, until=TODAY) == {}  # a year still to come has no days yet


# -- daily series and rolling means ------------------------------------------------------------------------------
def test_daily_series_holds_the_days_with_an_entry_blanks_as_none(db) -> None:  # type: ignore[no-untyped-def]
    save(db, day(2), mood=4, hours=7.5)
    save(db, day(3), energy=2)  # mood left blank
    save(db, day(5), mood=1)
    rng = DateRange(day(1), day(5))
    assert daily_series(db, rng, "mood") == [(day(2), 4.0), (day(3), None), (day(5), 1.0)]  # no entry: no day
    assert daily_series(db, rng, "hours")[0] == (day(2), 7.5)
    with pytest.raises(InvalidInput):
        daily_series(db, rng, "body")


def test_rolling_mean_of_7_needs_4_values_in_the_window_and_skips_gaps() -> None:
    values: list[float | None] = [2, 4, None, 3, 5, None, None, 1, None, None, None]
    means = each_day(rolling_mean(series_of(day(1), values), 7), day(1), len(values))
    # i4: {2,4,3,5} → 3.5 (exactly 4 values); i7: days 1..7 → {4,3,5,1} → 3.25; then 3 values → None.
    assert means == [None, None, None, None, 3.5, 3.5, 3.5, 3.25, None, None, None]


def test_rolling_mean_is_a_step_function_with_a_point_where_it_changes() -> None:
    steps = rolling_mean(
        [(day(1), 2.0), (day(2), 4.0), (day(4), 3.0), (day(5), 5.0), (day(8), 1.0)], 7, day(31)
    )
    assert steps == [(day(5), 3.5), (day(8), 3.25), (day(9), None)]  # the same days as one point a day gives
    held = rolling_mean([(day(1), 4.0)], 1, day(20))
    assert held == [(day(1), 4.0), (day(2), None)]
    lasting = rolling_mean(series_of(day(1), [3.0] * 4), 7, day(6))
    assert lasting == [(day(4), 3.0), (day(6), 3.0)]  # shown to the range's end, where it still holds


def test_rolling_mean_of_30_needs_15_values() -> None:
    fifteen: list[float | None] = [None] * 15 + [2.0] * 14 + [5.0]
    assert each_day(rolling_mean(series_of(day(1), fifteen), 30), day(1), 30)[-1] == pytest.approx(
        (2 * 14 + 5) / 15
    )
    fourteen: list[float | None] = [None] * 16 + [2.0] * 14
    assert each_day(rolling_mean(series_of(day(1), fourteen), 30), day(1), 30)[-1] is None


def test_rolling_mean_of_an_all_blank_series_is_all_none() -> None:
    assert rolling_mean(series_of(day(1), [None] * 10), 7) == []
    assert each_day([], day(1), 10) == [None] * 10


# -- weekdays and the Monday dread -------------------------------------------------------------------------------
def four_weeks(monday_mood: float, mondays: int = 4) -> list[tuple[dt.date, float | None]]:
    """From Monday 2 March: Mondays ``monday_mood``, Tue–Fri 3, 3, 4, 4, weekends 5."""
    week: list[float | None] = [monday_mood, 3, 3, 4, 4, 5, 5]
    values = week * 4
    for i in range(mondays, 4):
        values[7 * i] = None
    return series_of(day(2), values)


def test_weekday_means_and_counts() -> None:
    means = weekday_means(four_weeks(2, mondays=3))
    assert [(w.name, w.mean, w.count) for w in means] == [
        ("Monday", 2.0, 3),
        ("Tuesday", 3.0, 4),
        ("Wednesday", 3.0, 4),
        ("Thursday", 4.0, 4),
        ("Friday", 4.0, 4),
        ("Saturday", 5.0, 4),
        ("Sunday", 5.0, 4),
    ]
    assert weekday_means([])[0].mean is None


def test_monday_dread_compares_monday_with_tuesday_to_friday_only() -> None:
    dread = monday_dread(four_weeks(2))
    assert dread == Dread(2.0, 3.5, -1.5, 4, 16)  # weekends (5) left out
    assert dread_reading(four_weeks(2), dread) == (
        "Your mood on Mondays averages 2, more than a full point below Tuesday to Friday (1.5 lower, 4 Mondays)."
    )


def test_monday_dread_needs_4_mondays_and_8_other_weekdays() -> None:
    assert monday_dread(four_weeks(2, mondays=3)) is None
    assert dread_reading(four_weeks(2, mondays=3), None) == (
        "Not enough weekdays with a mood yet: 3 of the 4 Mondays and 16 of the 8 other weekdays needed."
    )
    mondays_only = [(d, 2.0) for d in (day(2), day(9), day(16), day(23))]
    seven = [(d, 3.0) for d in (day(3), day(4), day(5), day(6), day(10), day(11), day(12))]
    assert monday_dread(mondays_only + seven) is None
    assert monday_dread([*mondays_only, *seven, (day(13), 3.0)]) == Dread(2.0, 3.0, -1.0, 4, 8)


def test_dread_reading_words() -> None:
    assert dread_reading([], Dread(2.1, 3.1, -1.0, 40, 160)) == (
        "Your mood on Mondays averages 2.1, a full point below Tuesday to Friday (1 lower, 40 Mondays)."
    )
    assert dread_reading([], Dread(3.0, 3.05, -0.05, 6, 24)) == (
        "Your mood on Mondays averages 3, about the same as Tuesday to Friday (within 0.1, 6 Mondays)."
    )
    assert dread_reading([], Dread(3.5, 3.2, 0.3, 5, 20)) == (
        "Your mood on Mondays averages 3.5, a little above Tuesday to Friday (0.3 higher, 5 Mondays)."
    )


# -- year in pixels ----------------------------------------------------------------------------------------------
def test_year_pixels_has_every_day_and_blank_days_blank(db) -> None:  # type: ignore[no-untyped-def]
    save(db, D(2024, 2, 29), mood=5)
    save(db, D(2024, 7, 1), energy=3)
    pixels = year_pixels(db, 2024)
    assert len(pixels) == 366
    assert pixels[D(2024, 2, 29)] == 5
    assert pixels[D(2024, 7, 1)] is None
    assert sum(v is not None for v in pixels.values()) == 1


# -- hours vs mood -----------------------------------------------------------------------------------------------
def test_correlation_hand_computed() -> None:
    xs = list(range(1, 11))
    ys = [1, 3, 2, 5, 4, 7, 6, 9, 8, 10]
    # Σxy = 381, n·x̄·ȳ = 302.5 → Sxy = 78.5; Sxx = Syy = 82.5 → r = 78.5 / 82.5
    found = correlation([(float(x), float(y)) for x, y in zip(xs, ys, strict=True)])
    assert found is not None
    assert found.n == 10
    assert found.r == pytest.approx(78.5 / 82.5)
    negative = correlation([(float(x), float(11 - x)) for x in xs])
    assert negative is not None and negative.r == pytest.approx(-1.0)


def test_correlation_needs_10_days_and_variance() -> None:
    nine = [(float(x), float(x)) for x in range(9)]
    assert correlation(nine) is None
    assert (
        correlation_reading(nine, None) == "Not enough days with both hours and mood yet: 9 of the 10 needed."
    )
    flat = [(float(x), 3.0) for x in range(12)]
    assert correlation(flat) is None
    assert correlation_reading(flat, None) == (
        "Your hours or your mood did not vary over these 12 days, so there is no link to measure."
    )


def test_describe_correlation_words_and_thresholds() -> None:
    assert describe_correlation(-0.42, 120) == (
        "A moderate negative link: on longer days your mood tends to be lower (r = \u22120.42 over 120 days)."
    )
    assert describe_correlation(0.05, 30) == (
        "No real link: your mood does not follow the hours you work (r = 0.05 over 30 days)."
    )
    assert describe_correlation(0.1, 30).startswith(
        "A weak positive link: on longer days your mood tends to be higher"
    )
    assert describe_correlation(-0.0999, 30).startswith("No real link")
    assert describe_correlation(0.3, 30).startswith("A moderate")
    assert describe_correlation(-0.29, 30).startswith("A weak negative")
    assert describe_correlation(0.5, 30).startswith("A strong")
    assert correlation_reading([(1.0, 1.0)] * 12, Correlation(0.5, 12)) == describe_correlation(0.5, 12)


# -- series readings ---------------------------------------------------------------------------------------------
def test_series_reading_with_too_little_and_exactly_enough() -> None:
    nine = series_of(day(1), [3.0] * 9)
    assert (
        series_reading("mood", nine, day(1), day(9))
        == "Not enough days with a mood score yet: 9 of the 10 needed."
    )
    assert series_reading("energy", [], day(1), day(1)) == (
        "Not enough days with an energy score yet: 0 of the 10 needed."
    )
    ten = series_of(day(1), [3.0] * 10)
    assert series_reading("mood", ten, day(1), day(10)) == (
        "Your mood averages 3 over 10 days with a score, steady from the first half of the range to the second "
        "(3 then 3)."
    )


def test_series_reading_compares_the_halves_of_the_range() -> None:
    rising = series_of(day(1), [2.0] * 10 + [4.0] * 10)
    assert series_reading("mood", rising, day(1), day(20)) == (
        "Your mood averages 3 over 20 days with a score; in the second half of the range it was 2 higher "
        "than in the first (4 vs 2)."
    )
    lopsided = series_of(day(1), [None] * 10 + [4.0] * 10)  # too few values in the first half to compare
    assert series_reading("load", lopsided, day(1), day(20)) == (
        "Your perceived load averages 4 over 10 days with a score between Sun 1 Mar 2026 and Fri 20 Mar 2026."
    )


def test_hours_reading_against_the_40_hour_line() -> None:
    assert hours_reading(series_of(day(1), [8.5] * 10)) == (
        "Your logged days average 8.5 h (10 days): 42.5 h in a five-day week, 2.5 h above the 40-hour line."
    )
    assert hours_reading(series_of(day(1), [8.0] * 10)).endswith("right on the 40-hour line.")
    assert hours_reading(series_of(day(1), [None, 8.0])) == (
        "Not enough days with hours logged yet: 1 of the 10 needed."
    )


# -- weekly hours by decision ------------------------------------------------------------------------------------
def _stamp(db, sql: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    with db.reader() as conn:
        conn.execute(sql, params)


def test_weekly_hours_follow_each_task_state_at_the_end_of_each_week(db) -> None:  # type: ignore[no-untyped-def]
    load = Load(db)
    a = load.add("Reports", minutes_per_week=600)
    b = load.add("Status meeting", minutes_per_week=300)
    c = load.add("Audit", minutes_per_week=120)
    load.decide(b, "delegate", to="Sam")
    load.done(b, on=day(12))  # the day the user says it was handed over (recorded later)
    load.decide(c, "drop")
    _stamp(db, "UPDATE tasks SET created_at = '2026-03-01 09:00:00.000000' WHERE id IN (?, ?)", a, b)
    _stamp(db, "UPDATE tasks SET created_at = '2026-03-10 09:00:00.000000' WHERE id = ?", c)
    _stamp(db, "UPDATE task_events SET at = '2026-03-04 10:00:00.000000' WHERE task_id = ? AND done = 0", b)
    _stamp(db, "UPDATE task_events SET at = '2026-03-20 10:00:00.000000' WHERE task_id = ? AND done = 1", b)
    _stamp(db, "UPDATE task_events SET at = '2026-03-11 10:00:00.000000' WHERE task_id = ?", c)
    weeks = weekly_hours_by_decision(db, DateRange(day(2), day(22)))
    assert [
        (w.week, w.monday, w.kept_minutes, w.freed_minutes["delegate"], w.freed_hours) for w in weeks
    ] == [
        ("2026-W10", day(2), 600 + 300, 0, 0.0),  # B delegated but not yet done; C not created
        ("2026-W11", day(9), 600 + 120, 300, 5.0),  # B done on the 12th; C dropped but not done: kept
        ("2026-W12", day(16), 600 + 120, 300, 5.0),
    ]
    from rutjournal.core.trends.readings import decision_reading

    assert decision_reading(weeks) == (
        "By the week of Mon 16 Mar 2026 you had freed 5 h/week (delegated 5 h) and kept 12 h/week; "
        "in the first week of the range 0 h/week had been freed."
    )


def test_a_done_date_before_the_recorded_decision_still_frees_the_task(db) -> None:  # type: ignore[no-untyped-def]
    load = Load(db)
    task = load.add("Newsletter", minutes_per_week=90)
    load.decide(task, "drop")
    load.done(task, on=day(3))  # both recorded on the 20th, done "on the 3rd"
    _stamp(db, "UPDATE tasks SET created_at = '2026-03-01 09:00:00.000000'")
    _stamp(db, "UPDATE task_events SET at = '2026-03-20 10:00:00.000000'")
    weeks = weekly_hours_by_decision(db, DateRange(day(2), day(15)))
    assert [(w.kept_minutes, w.freed_minutes["drop"]) for w in weeks] == [(0, 90), (0, 90)]


def test_a_task_entered_after_it_was_handed_off_counts_from_that_day(db) -> None:  # type: ignore[no-untyped-def]
    """A first week with the app: the inventory is typed in today, with what was delegated three weeks ago."""
    load = Load(db)
    task = load.add("Weekly export", minutes_per_week=90)
    load.decide(task, "delegate", to="the intern")
    load.done(task, on=day(9))
    _stamp(db, "UPDATE tasks SET created_at = '2026-03-30 09:00:00.000000'")
    _stamp(db, "UPDATE task_events SET at = '2026-03-30 10:00:00.000000'")
    weeks = weekly_hours_by_decision(db, MARCH)
    assert [(w.monday, w.kept_minutes, w.freed_minutes["delegate"]) for w in weeks] == [
        (D(2026, 2, 23), 0, 0),
        (day(9), 0, 90),  # freed since the 9th, not only since the day it was typed in
        (day(30), 0, 90),
    ]
    assert DateRange.all_time(db, TODAY).first == day(9)


def test_weekly_hours_is_empty_without_tasks(db) -> None:  # type: ignore[no-untyped-def]
    assert weekly_hours_by_decision(db, MARCH) == []


# -- goal progress -----------------------------------------------------------------------------------------------
def test_goal_progress_steps_at_milestones_and_recorded_percentages(db) -> None:  # type: ignore[no-untyped-def]
    old = Grow(db, today=lambda: day(1))
    old.set_target("Old role")
    old_goal = old.add_goal("Forgotten", old.add_gap("old gap", "skill"), started_on=day(1))
    old.add_milestone(old_goal, "x")
    grow = Grow(db, today=lambda: day(1))
    grow.set_target("Team lead")  # the old target is no longer active: its goal is left out
    gap = grow.add_gap("Lead people", "experience")
    g1 = grow.add_goal("Mentor two juniors", gap, started_on=day(1))
    ms = [grow.add_milestone(g1, f"step {i}") for i in range(4)]
    grow.set_milestone_done(ms[0], on=day(5))
    grow.set_milestone_done(ms[1], on=day(5))
    grow.set_milestone_done(ms[2], on=day(20))
    g2 = grow.add_goal("Read on feedback", gap, started_on=day(3))
    Grow(db, today=lambda: day(10)).update_goal(g2, manual_percent=30)
    Grow(db, today=lambda: day(15)).update_goal(g2, manual_percent=45)
    grow.add_goal("Dropped idea", gap, status="dropped", started_on=day(1))
    tracks = goal_progress_over_time(db, MARCH)
    assert [(t.title, t.points) for t in tracks] == [
        ("Mentor two juniors", [(day(1), 0.0), (day(5), 0.5), (day(20), 0.75), (day(31), 0.75)]),
        ("Read on feedback", [(day(3), 0.0), (day(10), 0.3), (day(15), 0.45), (day(31), 0.45)]),
    ]
    later = goal_progress_over_time(db, DateRange(day(12), day(31)))
    assert later[0].points == [(day(12), 0.5), (day(20), 0.75), (day(31), 0.75)]
    from rutjournal.core.trends.readings import goals_reading

    assert goals_reading(tracks) == "Your 2 goals average 60 % done, up from 0 % at the start of the range."


# -- the report ---------------------------------------------------------------------------------------------------
def test_report_of_an_empty_journal_says_so_in_words(db) -> None:  # type: ignore[no-untyped-def]
    report = trends_report(db, None, TODAY)
    assert report["range"] == {"first": "2026-03-31", "last": "2026-03-31", "days": 1}
    readings = report["readings"]
    assert isinstance(readings, dict)
    assert readings["mood"] == "Not enough days with a mood score yet: 0 of the 10 needed."
    assert readings["weekly_hours"].startswith("No tasks yet")
    assert readings["goals"].startswith("No goals")
    assert readings["year"] == "No mood recorded in 2026 yet: the calendar fills in as you write."


def test_report_of_a_month_of_entries(db) -> None:  # type: ignore[no-untyped-def]
    for n in range(1, 28):
        d = day(n)
        if d.weekday() < 5:
            save(db, d, mood=2 if d.weekday() == 0 else 4, hours=10.0 if d.weekday() == 0 else 8.0)
    save(db, day(31), energy=3)  # a blank mood
    report = trends_report(db, 30, TODAY)
    assert report["range"] == {"first": "2026-03-02", "last": "2026-03-31", "days": 30}
    series = report["series"]
    assert isinstance(series, dict)
    mood = series["mood"]
    assert mood["days_with_value"] == 20  # 2 … 27 March: 4 weeks of 5 weekdays; the 31st is blank
    assert len(mood["points"]) == 21  # the days with an entry: weekends have none, the 31st has no mood
    assert mood["points"][0] == {"date": "2026-03-02", "value": 2.0, "mean7": None, "mean30": None}
    assert mood["points"][5] == {"date": "2026-03-09", "value": 2.0, "mean7": 3.6, "mean30": None}
    assert mood["points"][-1] == {"date": "2026-03-31", "value": None, "mean7": None, "mean30": 3.6}
    weekdays = report["weekdays"]
    assert isinstance(weekdays, dict)
    assert weekdays["monday_dread"] == {
        "monday_mean": 2.0,
        "other_mean": 4.0,
        "difference": -2.0,
        "mondays": 4,
        "other_days": 16,
    }
    corr = report["hours_vs_mood"]
    assert isinstance(corr, dict)
    assert (corr["r"], corr["n"]) == (-1.0, 20)
    assert corr["reading"] == (
        "A strong negative link: on longer days your mood tends to be lower (r = \u22121.00 over 20 days)."
    )
