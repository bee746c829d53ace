"""Trends over a journal whose dates span centuries: the cost follows the entries, not the span of dates."""

from __future__ import annotations

import datetime as dt

from rutjournal.core.journal.service import Journal
from rutjournal.core.load.service import Load
from rutjournal.core.trends.service import DateRange, trends_report, weekly_hours_by_decision, year_pixels
from rutjournal.core.values import Scores

TODAY = dt.date(2026, 3, 31)
D = dt.date


def save(db, when: dt.date, **scores: object) -> None:  # type: ignore[no-untyped-def]
    Journal(db).save(when, "a day", Scores(**scores), [])  # type: ignore[arg-type]


def _stamp(db, sql: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    with db.reader() as conn:
        conn.execute(sql, params)


def test_a_report_over_two_centuries_costs_what_its_entries_cost(db) -> None:  # type: ignore[no-untyped-def]
    save(db, D(1900, 1, 1), mood=2, hours=8.0)
    save(db, D(2126, 1, 1), mood=4, hours=6.0)
    load = Load(db)
    task = load.add("Reports", minutes_per_week=120)
    load.decide(task, "drop")
    load.done(task, on=D(2026, 3, 2))
    _stamp(db, "UPDATE tasks SET created_at = '2026-03-01 09:00:00.000000'")
    _stamp(db, "UPDATE task_events SET at = '2026-03-02 10:00:00.000000'")
    report = trends_report(db, None, TODAY)
    assert report["range"] == {"first": "1900-01-01", "last": "2026-03-31", "days": 46_111}  # ends today
    assert report["entries_after_today"] == 1  # 2126: in no range, but counted
    series = report["series"]
    assert isinstance(series, dict)
    assert series["mood"]["points"] == [{"date": "1900-01-01", "value": 2.0, "mean7": None, "mean30": None}]
    weekly = report["weekly_hours"]
    assert isinstance(weekly, dict)
    weeks = [(w["monday"], w["kept_hours"], w["freed_hours"]) for w in weekly["weeks"]]
    assert len(weeks) <= 4  # the first week, the weeks that changed, the last week: not 6,588 weeks
    assert weeks == [
        ("1900-01-01", 0.0, 0.0),
        ("2026-02-23", 2.0, 0.0),  # created on 1 March
        ("2026-03-02", 0.0, 2.0),  # dropped and done on 2 March
        ("2026-03-30", 0.0, 2.0),
    ]


def test_an_older_journal_from_year_1_to_9999_still_reports(db) -> None:  # type: ignore[no-untyped-def]
    """Journals written before the bounds existed may hold such days; they are read, quickly, not refused."""
    Load(db).add("Reports", minutes_per_week=60)
    with db.reader() as conn:
        for day_ in ("0001-01-01", "9999-12-31"):
            conn.execute(
                "INSERT INTO entries (day, body, mood, created_at, updated_at) VALUES (?, 'x', 3, ?, ?)",
                (day_, "2026-01-01 00:00:00", "2026-01-01 00:00:00"),
            )
        conn.execute("UPDATE tasks SET created_at = '9999-12-30 09:00:00.000000'")
    report = trends_report(db, None, TODAY)
    assert report["range"] == {"first": "0001-01-01", "last": "2026-03-31", "days": 739_706}
    assert report["entries_after_today"] == 1
    weekly = report["weekly_hours"]
    assert isinstance(weekly, dict)
    assert [w["monday"] for w in weekly["weeks"]] == ["0001-01-01", "2026-03-30"]  # the task is dated 9999
    rng = DateRange(dt.date.min, dt.date.max)  # a range to the last day a date can hold still reads
    assert [w.monday for w in weekly_hours_by_decision(db, rng)] == [D(1, 1, 1), D(9999, 12, 27)]
    assert len(year_pixels(db, 9999)) == 365
