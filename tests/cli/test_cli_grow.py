"""`rutjournal target|gap|goal|milestone|evidence|challenge …` and `rutjournal report grow` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rut import rut


def count(data_dir: Path, table: str) -> int:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_record_a_target_gaps_goals_and_proof_then_report(data_dir: Path) -> None:
    today = dt.date.today()
    due = (today + dt.timedelta(days=30)).isoformat()
    assert rut("target", "set", "Senior", "Analyst", "--by", "2030-09-01").stdout == "1\n"
    assert (
        rut("gap", "add", "SQL", "modelling", "--kind", "skill", "--good", "I design the tables").stdout
        == "1\n"
    )
    assert rut("gap", "add", "Budgeting", "--kind", "knowledge").stdout == "2\n"
    assert rut("goal", "add", "Finish", "the", "course", "--gap", "1", "--due", due).stdout == "1\n"
    assert rut("milestone", "add", "1", "Module", "one").stdout == "1\n"
    assert rut("milestone", "add", "1", "Module two").stdout == "2\n"
    done = rut("milestone", "done", "1")
    assert done.stdout == f"1: Module one → done {today.isoformat()}\n"
    evidence = rut("evidence", "add", "Shipped", "the", "warehouse", "--goal", "1", "--result", "3x faster")
    assert evidence.stdout == "1\n"
    assert (
        rut(
            "evidence", "add", "Mentored Sam", "--kind", "collaboration-mentoring", "--date", "2026-05-01"
        ).stdout
        == "2\n"
    )
    assert (
        rut(
            "challenge", "add", "Lead", "the", "Q3", "migration", "--asked-of", "Dana", "--answer", "yes"
        ).stdout
        == "1\n"
    )
    assert (
        rut("challenge", "add", "Own the review", "--asked-of", "Lee", "--date", "2026-05-02").stdout == "2\n"
    )

    goals = json.loads(rut("goal", "list", "--json").stdout)
    assert [(g["title"], g["gap_id"], g["due"], g["progress"], g["overdue"]) for g in goals] == [
        ("Finish the course", 1, due, 0.5, False)
    ]
    assert goals[0]["pace"]["verdict"] == "on_track"
    assert [m["done_on"] for m in goals[0]["milestones"]] == [today.isoformat(), None]
    assert "Finish the course" in rut("goal", "list").stdout

    report = json.loads(rut("report", "grow", "--json").stdout)
    assert report["target"] == {"id": 1, "title": "Senior Analyst", "by": "2030-09-01"}
    assert report["progress"] == 0.5  # the gap without goals is not counted
    assert [(g["title"], g["progress"]) for g in report["gaps"]] == [
        ("SQL modelling", 0.5),
        ("Budgeting", None),
    ]
    assert (report["evidence_count"], report["challenges_asked"], report["challenges_granted"]) == (2, 2, 1)
    assert (report["goals_active"], report["goals_overdue"]) == (1, 0)

    text = rut("report", "grow").stdout
    assert "Target: Senior Analyst, by 2030-09-01" in text
    assert "Progress: 50% — the mean of 1 gap with goals (1 gap with no goals" in text
    assert "#1 SQL modelling [skill]: 50% from 1 goal" in text
    assert "50% (1 of 2 milestones done)" in text
    assert "pace: 50% done with" in text and "on track means within 10 points" in text
    assert "Evidence logged: 2 accomplishments." in text
    assert "Challenges asked for: 2, of which 1 granted (answered yes) and 1 still waiting" in text
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        assert conn.execute("SELECT gap_id, goal_id FROM evidence WHERE id = 1").fetchone() == (1, 1)
    finally:
        conn.close()


def test_an_overdue_goal_stands_out_in_the_report(data_dir: Path) -> None:
    rut("target", "set", "Lead")
    rut("gap", "add", "Talks", "--kind", "visibility")
    assert rut("goal", "add", "Give a talk", "--gap", "1").returncode == 0
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    with conn:
        conn.execute("UPDATE goals SET started_on = '2026-01-01', due = '2026-02-01'")
    conn.close()
    goals = json.loads(rut("goal", "list", "--json").stdout)
    assert goals[0]["overdue"] is True
    text = rut("report", "grow").stdout
    assert "due 2026-02-01, OVERDUE by" in text and "1 overdue (past the due date" in text


def test_without_a_target_the_report_says_what_to_do(data_dir: Path) -> None:
    text = rut("report", "grow").stdout
    assert "No target role yet" in text and "Evidence logged: 0 accomplishments." in text
    done = rut("gap", "add", "SQL", "--kind", "skill")
    assert done.returncode == 2 and "target" in done.stderr
    assert count(data_dir, "gaps") == 0


@pytest.mark.parametrize(
    "args",
    [
        ("target", "set", "x", "--by", "2027-13-01"),
        ("target", "set", "x" * 201),
        ("gap", "add", "SQL", "--kind", "charm"),
        ("gap", "add", "SQL"),  # --kind is required
        ("goal", "add", "Course", "--gap", "abc"),
        ("goal", "add", "Course", "--gap", "1", "--due", "2026-02-30"),
        ("goal", "add", "Course", "--gap", "1", "--due", "2000-01-01"),
        ("milestone", "add", "abc", "Step"),
        ("milestone", "done", "abc"),
        ("evidence", "add", "Shipped", "--kind", "bragging"),
        ("evidence", "add", "Shipped", "--date", "yesterday"),
        ("evidence", "add", "Shipped", "--goal", "x"),
        ("challenge", "add", "More", "--asked-of", "Dana", "--answer", "maybe"),
        ("challenge", "add", "More", "--asked-of", " "),
    ],
)
def test_bad_values_exit_2_with_one_line_and_write_nothing(data_dir: Path, args: tuple[str, ...]) -> None:
    done = rut(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (data_dir / "journal.sqlite3").exists()  # refused before the journal was even opened


@pytest.mark.parametrize(
    ("args", "table"),
    [
        (("goal", "add", "Course", "--gap", "99"), "goals"),
        (("milestone", "add", "99", "Step"), "milestones"),
        (("evidence", "add", "Shipped", "--gap", "99"), "evidence"),
        (("milestone", "done", "99"), "milestones"),
    ],
)
def test_unknown_ids_exit_2_and_write_nothing(data_dir: Path, args: tuple[str, ...], table: str) -> None:
    assert rut("target", "set", "Lead").returncode == 0
    done = rut(*args)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "the id of an existing" in done.stderr
    assert count(data_dir, table) == 0


def test_reading_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    assert rut("target", "set", "Lead").returncode == 0
    code = (
        "import sys, json; from rutjournal.__main__ import main; code = main(sys.argv[1:]); "
        "print(json.dumps([code] + [m for m in ('sqlalchemy', 'PySide6', 'matplotlib') if m in sys.modules]), "
        "file=sys.stderr)"
    )
    for args in (("report", "grow"), ("goal", "list")):
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=60,
        )
        assert json.loads(done.stderr.strip().splitlines()[-1]) == [0], args
