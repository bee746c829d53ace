"""`rutjournal task …` and `rutjournal report load` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rutjournal.cli.load import parse_minutes
from tests.rut import heavy_imports, rut


@pytest.mark.parametrize(
    ("text", "minutes"), [("2", 120), ("1.5", 90), ("2h", 120), ("90m", 90), ("1h30m", 90), ("0", 0)]
)
def test_hours_are_read_as_people_write_them(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


def test_add_decide_done_and_report_round_trip(data_dir: Path) -> None:
    assert (
        rut(
            "task", "add", "Weekly", "status", "report", "--hours", "2h", "--in-jd", "no", "--enjoy", "-2"
        ).stdout
        == "1\n"
    )
    assert rut("task", "add", "Planning sync", "--kind", "meeting", "--hours", "90m").stdout == "2\n"
    assert rut("task", "decide", "1", "delegate", "--to", "Sam").returncode == 0
    assert rut("task", "decide", "2", "decline", "--reason", "not needed").returncode == 0
    assert rut("task", "done", "1").returncode == 0
    tasks = json.loads(rut("task", "list", "--json").stdout)
    assert [(t["title"], t["decision"], t["delegate_to"]) for t in tasks] == [
        ("Weekly status report", "delegate", "Sam"),
        ("Planning sync", "decline", None),
    ]
    assert (
        json.loads(rut("task", "list", "--decision", "decline", "--json").stdout)[0]["reason"] == "not needed"
    )
    report = json.loads(rut("report", "load", "--json").stdout)
    assert report["minutes_per_week"] == {
        "on_plate": 90,
        "core": 90,
        "pending_free": 90,
        "freed": 120,
        "meetings": 90,
        "enjoyed": 0,
    }
    text = rut("report", "load").stdout
    assert "Freed so far: 2 h/week" in text and "Would be freed by pending decisions: 1.5 h/week" in text


@pytest.mark.parametrize(
    "args",
    [
        ("task", "add", "x", "--hours", "3x"),
        ("task", "add", "x", "--kind", "chore"),
        ("task", "add", "x", "--enjoy", "5"),
        ("task", "add", "x", "--in-jd", "maybe"),
        ("task", "decide", "1", "ignore"),
        ("task", "done", "abc"),
    ],
)
def test_bad_values_exit_2_with_one_line_and_write_nothing(data_dir: Path, args: tuple[str, ...]) -> None:
    done = rut(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (data_dir / "journal.sqlite3").exists()  # refused before the journal was even opened


def test_reading_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    assert rut("task", "add", "Reports", "--hours", "1").returncode == 0
    assert heavy_imports(["report", "load"], ["task", "list"]) == [[0], [0]]


def test_writing_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    assert rut("task", "add", "Reports", "--hours", "1").returncode == 0  # the journal exists (no first run)
    commands = [["task", "add", "Team sync 1h"], ["task", "decide", "1", "drop"], ["task", "done", "1"]]
    assert heavy_imports(*commands) == [[0]] * len(commands)


def test_task_add_reads_the_title_as_the_quick_add_does(data_dir: Path) -> None:
    assert rut("task", "add", "Weekly status report, 2h").returncode == 0
    assert rut("task", "add", "Team standup 15m daily").returncode == 0
    assert rut("task", "add", "Planning sync, 1h", "--hours", "90m").returncode == 0  # --hours wins
    assert rut("task", "add", "Vendor call 1h", "--kind", "task").returncode == 0  # and so does --kind
    tasks = json.loads(rut("task", "list", "--json").stdout)
    assert [(t["title"], t["minutes_per_week"], t["kind"]) for t in tasks] == [
        ("Weekly status report", 120, "task"),
        ("Team standup", 75, "meeting"),
        ("Planning sync", 90, "meeting"),
        ("Vendor call", 60, "task"),
    ]


@pytest.mark.parametrize(
    ("title", "said"),
    [
        (
            "2h",
            "rutjournal task: title: must be a few words saying what the time is spent on, not only a time",
        ),
        ("Everything 200h", "rutjournal task: hours: must be at most 168 hours a week"),
    ],
)
def test_a_title_that_is_no_task_exits_2_and_writes_nothing(data_dir: Path, title: str, said: str) -> None:
    done = rut("task", "add", title)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(said) and len(done.stderr.strip().splitlines()) == 1
    assert not (data_dir / "journal.sqlite3").exists()


def test_task_list_has_headers_and_a_dash_for_unknown_hours(data_dir: Path) -> None:
    assert rut("task", "list").stdout == 'No tasks yet: rutjournal task add "Weekly status report, 2h"\n'
    rut("task", "add", "Weekly status report, 2h")
    rut("task", "add", "Budget review")
    rut("task", "decide", "1", "delegate", "--to", "Sam")
    rut("task", "done", "1")
    lines = rut("task", "list").stdout.splitlines()
    assert lines[0].split() == ["ID", "Task", "Hours", "Decision", "Hand-off", "score"]
    assert lines[1].split() == [
        "1",
        "Weekly",
        "status",
        "report",
        "2",
        "h/week",
        "Delegated",
        "·",
        "done",
        "20",
    ]
    assert lines[2].split() == ["2", "Budget", "review", "–", "Undecided", "15"]
    assert rut("task", "list", "--decision", "keep").stdout == "No task has the decision “keep”.\n"


def test_report_load_counts_agree_with_their_nouns(data_dir: Path) -> None:
    rut("task", "add", "Filing, 1h")
    for title in ("Vendor sync, 1h", "Steering call, 30m"):
        rut("task", "add", title)
    rut("task", "add", "Data migration project, 2h")
    for task_id in ("2", "3", "4"):
        rut("task", "decide", task_id, "decline")
    rut("task", "done", "2")
    text = rut("report", "load").stdout
    assert "On your plate: 3.5 h/week across 3 tasks\n" in text  # the declined and done sync is off it
    assert "Core work (in your job description): 3.5 h/week (100 %)\n" in text
    assert "Work you enjoy: – (rate how much you enjoy your tasks" in text
    assert (
        "You declined 2 meetings and 1 project: 1 h/week back, 2.5 h/week more once the rest are marked"
        in text
    )
