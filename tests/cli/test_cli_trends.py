"""`rutjournal report trends [--days N] [--json]` as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rutjournal.cli.trends import format_report, parse_days
from rutjournal.core import text
from rutjournal.core.errors import InvalidInput
from rutjournal.core.values import Scores
from tests.rut import heavy_imports, rut


@pytest.mark.parametrize(("text", "days"), [(None, None), ("1", 1), ("90", 90)])
def test_days_are_read(text: str | None, days: int | None) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["0", "-5", "ten", "1.5"])
def test_bad_days_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="--days"):
        parse_days(text)


@pytest.mark.parametrize("text", ["0", "abc"])
def test_bad_days_exit_2_naming_the_option(text: str) -> None:
    done = rut("report", "trends", "--days", text)
    assert done.returncode == 2
    assert "--days" in done.stderr
    assert done.stdout == ""


def test_json_and_text_of_a_seeded_journal(journal_with: Callable[..., Path]) -> None:
    today = dt.date.today()
    journal_with(
        entries=[
            (today - dt.timedelta(days=back), "x", Scores(mood=1 + back % 5, hours=float(6 + back % 4)))
            for back in range(12)
        ]
    )
    done = rut("report", "trends", "--days", "7", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["range"] == {
        "first": (today - dt.timedelta(days=6)).isoformat(),
        "last": today.isoformat(),
        "days": 7,
    }
    assert report["series"]["mood"]["days_with_value"] == 7
    assert len(report["series"]["mood"]["points"]) == 7
    assert report["hours_vs_mood"]["n"] == 7
    assert report["weekly_hours"]["weeks"] == []
    whole = json.loads(rut("report", "trends", "--json").stdout)
    assert whole["range"]["days"] == 12  # all time: from the first entry to today
    assert whole["series"]["mood"]["days_with_value"] == 12
    done = rut("report", "trends", "--days", "7")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    week_ago = today - dt.timedelta(days=6)
    assert lines[0] == f"Trends from {text.day(week_ago)} to {text.day(today)} (7 days)"
    assert "Mood: Not enough days with a mood score yet: 7 of the 10 needed." in lines
    assert any(line.startswith("Workload vs mood: ") for line in lines)


def test_empty_journal_text_form() -> None:
    done = rut("report", "trends")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith("(1 day)")
    assert "Weekly hours by decision: No tasks yet" in done.stdout


def test_format_report_lists_every_reading() -> None:
    readings = {
        key: f"reading {key}"
        for key in (
            "mood",
            "energy",
            "challenge",
            "hours",
            "load",
            "weekdays",
            "year",
            "hours_vs_mood",
            "weekly_hours",
            "goals",
        )
    }
    text = format_report(
        {"range": {"first": "2026-03-01", "last": "2026-03-31", "days": 31}, "readings": readings}
    )
    assert text.splitlines() == [
        "Trends from Sun 1 Mar 2026 to Tue 31 Mar 2026 (31 days)",
        "",
        "Mood: reading mood",
        "Energy: reading energy",
        "Challenge: reading challenge",
        "Hours worked: reading hours",
        "Perceived load: reading load",
        "Mood by weekday: reading weekdays",
        "Year in pixels: reading year",
        "Workload vs mood: reading hours_vs_mood",
        "Weekly hours by decision: reading weekly_hours",
        "Goal progress: reading goals",
    ]


def test_report_trends_imports_neither_qt_nor_matplotlib_nor_the_orm() -> None:
    assert rut("add", "--mood", "3", "x").returncode == 0
    assert rut("task", "add", "Reports", "--hours", "1").returncode == 0
    assert heavy_imports(["report", "trends"], ["report", "trends", "--days", "30", "--json"]) == [[0], [0]]


def test_report_trends_json_grows_with_the_entries_not_the_span_of_dates() -> None:
    far = dt.date.today().replace(year=dt.date.today().year + 99, day=1)
    for day in ("1900-01-01", far.isoformat()):
        assert rut("add", "--date", day, "--mood", "3", "--hours", "8", "x").returncode == 0
    done = rut("report", "trends", "--json")
    assert done.returncode == 0, done
    report = json.loads(done.stdout)
    assert report["range"]["days"] > 45_000
    assert report["range"]["last"] == dt.date.today().isoformat()  # the entry 99 years ahead is in no range
    assert report["entries_after_today"] == 1
    assert len(done.stdout) < 20_000  # one point a day would be megabytes
    assert [p["date"] for p in report["series"]["mood"]["points"]] == ["1900-01-01"]


def test_an_entry_dated_in_the_future_is_counted_in_the_text_and_left_out_of_the_range() -> None:
    today = dt.date.today()
    assert rut("add", "--date", today.isoformat(), "--mood", "3", "x").returncode == 0
    ahead = today.replace(year=today.year + 1, day=1)
    assert rut("add", "--date", ahead.isoformat(), "--mood", "4", "y").returncode == 0
    done = rut("report", "trends")
    assert done.returncode == 0, done
    assert done.stdout.splitlines()[0] == (
        f"Trends from {text.day(today)} to {text.day(today)} (1 day); 1 entry dated after today is not shown"
    )
    report = json.loads(rut("report", "trends", "--json").stdout)
    assert report["range"]["last"] == today.isoformat()
    assert report["entries_after_today"] == 1
    assert report["series"]["mood"]["points"] == [
        {"date": today.isoformat(), "value": 3.0, "mean7": None, "mean30": None}
    ]
    assert len(report["year_pixels"]["days"]) == today.timetuple().tm_yday  # the days so far, none to come
