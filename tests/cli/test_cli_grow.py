"""`rutjournal target|gap|goal|milestone|evidence|challenge …` and `rutjournal report grow` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core import text
from tests.rut import heavy_imports, rut


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
    assert done.stdout == f"1: Module one → done {text.day(today)}\n"
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
    assert report["progress"] == 0.25  # the gap without goals counts as 0
    assert report["progress_basis"] == "the mean of 2 gaps; 'Budgeting' has no goal yet and counts as 0 %"
    assert [(g["title"], g["progress"]) for g in report["gaps"]] == [
        ("SQL modelling", 0.5),
        ("Budgeting", None),
    ]
    assert (report["evidence_count"], report["challenges_asked"], report["challenges_granted"]) == (2, 2, 1)
    assert (report["goals_active"], report["goals_overdue"]) == (1, 0)

    shown = rut("report", "grow").stdout
    assert "Target: Senior Analyst, by Sun 1 Sep 2030\n" in shown
    assert "Progress: 25 % — the mean of 2 gaps; 'Budgeting' has no goal yet and counts as 0 %" in shown
    assert "#1 SQL modelling [skill]: 50 % from 1 goal" in shown
    assert "#2 Budgeting [knowledge]: no goal that counts yet (counts as 0 % toward the target)" in shown
    assert f"started {text.day(today)}" in shown and "50 % (1 of 2 milestones done)" in shown
    assert "pace: 50 % done with" in shown and "on track means within 10 points" in shown
    assert "Evidence logged: 2 accomplishments." in shown
    assert "Challenges asked for: 2, of which 1 granted (answered yes) and 1 still waiting" in shown
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
    shown = rut("report", "grow").stdout
    assert "due Sun 1 Feb 2026, OVERDUE by" in shown and "1 overdue (past the due date" in shown


def test_without_a_target_the_report_says_what_to_do(data_dir: Path) -> None:
    shown = rut("report", "grow").stdout
    assert "No target role yet" in shown and "Evidence logged: 0 accomplishments." in shown
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
        ("goal", "add", "Course", "--gap", "1", "--due", "2000-01-01"),  # before today, the default start
        ("goal", "add", "Course", "--gap", "1", "--start", "2026-02-30"),
        ("goal", "add", "Course", "--gap", "1", "--start", "2026-05-01", "--due", "2026-04-30"),
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


def test_commands_import_no_orm_and_no_qt(data_dir: Path) -> None:
    """Reading and writing alike run on plain sqlite3: Grow's store imports no SQLAlchemy."""
    assert rut("target", "set", "Lead").returncode == 0
    commands = [
        ["report", "grow"],
        ["goal", "list"],
        ["target", "set", "Senior Lead"],
        ["target", "edit", "Senior", "Lead", "--by", "2030-01-01"],
        ["gap", "add", "SQL", "--kind", "skill"],
        ["goal", "add", "Course", "--gap", "1"],
        ["milestone", "add", "1", "Module one"],
        ["milestone", "done", "1"],
        ["evidence", "add", "Shipped it", "--goal", "1"],
        ["challenge", "add", "Lead the migration", "--asked-of", "Dana"],
    ]
    assert heavy_imports(*commands) == [[0]] * len(commands)


def test_target_edit_corrects_the_active_target_and_keeps_its_gaps(data_dir: Path) -> None:
    assert rut("target", "set", "Senoir", "Analyst", "--by", "2030-09-01").stdout == "1\n"
    assert rut("gap", "add", "SQL", "--kind", "skill").stdout == "1\n"
    fixed = rut("target", "edit", "Senior", "Analyst")
    assert (fixed.returncode, fixed.stdout) == (0, f"1: Senior Analyst, by {text.day(dt.date(2030, 9, 1))}\n")
    assert rut("target", "edit", "--no-by").stdout == "1: Senior Analyst\n"
    report = json.loads(rut("report", "grow", "--json").stdout)
    assert report["target"] == {"id": 1, "title": "Senior Analyst", "by": None}
    assert [g["title"] for g in report["gaps"]] == ["SQL"]
    assert count(data_dir, "targets") == 1
    assert rut("target", "set", "Lead Analyst").stdout == "2\n"
    earlier = rut("target", "edit", "--id", "1", "--by", "2031-01-31")
    assert earlier.stdout == f"1: Senior Analyst, by {text.day(dt.date(2031, 1, 31))}\n"
    assert json.loads(rut("report", "grow", "--json").stdout)["target"]["title"] == "Lead Analyst"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("target", "edit"), "target edit: must be given a corrected TITLE, --by DATE or --no-by"),
        (("target", "edit", "--by", "2030-01-01", "--no-by"), "not allowed with argument"),
        (("target", "edit", "--by", "someday"), "--by"),
        (("target", "edit", "Lead", "--id", "7"), "target: must be the id of an existing target"),
    ],
)
def test_target_edit_refuses_what_it_cannot_do(data_dir: Path, args: tuple[str, ...], says: str) -> None:
    assert rut("target", "set", "Lead").returncode == 0
    done = rut(*args)
    assert done.returncode == 2 and says in done.stderr
    assert json.loads(rut("report", "grow", "--json").stdout)["target"]["title"] == "Lead"


def test_target_edit_without_a_target_says_to_set_one(data_dir: Path) -> None:
    done = rut("target", "edit", "Lead")
    assert done.returncode == 2 and "target: must be set first (there is no active target)" in done.stderr


def test_a_goal_already_under_way_is_entered_as_it_is(data_dir: Path) -> None:
    """A new user's overdue goal: started in the spring, due last month, half done — recorded, and reported
    as overdue and off track."""
    today = dt.date.today()
    start, due = today - dt.timedelta(days=120), today - dt.timedelta(days=30)
    assert rut(
        "target", "set", "Senior", "Analyst", "--by", (today - dt.timedelta(days=1)).isoformat()
    ).stdout
    assert rut("gap", "add", "SQL", "--kind", "skill").stdout == "1\n"
    added = rut(
        "goal",
        "add",
        "Finish the course",
        "--gap",
        "1",
        "--start",
        start.isoformat(),
        "--due",
        due.isoformat(),
    )
    assert (added.returncode, added.stdout) == (0, "1\n")
    goal = json.loads(rut("goal", "list", "--json").stdout)[0]
    assert (goal["started_on"], goal["due"], goal["overdue"]) == (start.isoformat(), due.isoformat(), True)
    assert goal["pace"]["verdict"] == "off_track" and goal["pace"]["expected"] == 1.0
    listed = rut("goal", "list").stdout
    assert f"{text.day(due)}" in listed and "OVERDUE" in listed
    shown = rut("report", "grow").stdout
    assert f"started {text.day(start)}, due {text.day(due)}, OVERDUE by 30 days" in shown
    assert "pace: 0 % done with 100 % of the time gone: off track" in shown
    assert "(that date has passed)" in shown  # the target's date too
    for args in (
        ("evidence", "add", "Shipped the warehouse", "--date", start.isoformat()),
        ("challenge", "add", "Lead the review", "--asked-of", "Dana", "--date", start.isoformat()),
    ):
        assert rut(*args).returncode == 0, args
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        assert conn.execute("SELECT day FROM evidence").fetchone() == (start.isoformat(),)
        assert conn.execute("SELECT asked_on FROM challenges").fetchone() == (start.isoformat(),)
    finally:
        conn.close()


def test_a_due_date_before_the_start_names_due(data_dir: Path) -> None:
    assert rut("target", "set", "Lead").returncode == 0
    assert rut("gap", "add", "Talks", "--kind", "visibility").returncode == 0
    done = rut("goal", "add", "Talk", "--gap", "1", "--start", "2026-05-01", "--due", "2026-04-30")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "rutjournal goal: --due: must be on or after the start, Fri 1 May 2026 (got '2026-04-30')"
    ]
    assert count(data_dir, "goals") == 0


def test_evidence_logged_by_mistake_can_be_deleted(data_dir: Path) -> None:
    assert rut("evidence", "add", "Shipped", "the", "wrong", "thing").stdout == "1\n"
    assert rut("evidence", "add", "Shipped", "the", "right", "thing").stdout == "2\n"
    done = rut("evidence", "delete", "1")
    assert (done.returncode, done.stdout) == (0, "1: deleted\n")
    report = json.loads(rut("report", "grow", "--json").stdout)
    assert report["evidence_count"] == 1
    again = rut("evidence", "delete", "1")  # gone: a clear refusal, nothing else changes
    assert again.returncode == 2 and "evidence" in again.stderr
    assert json.loads(rut("report", "grow", "--json").stdout)["evidence_count"] == 1


def test_a_gap_can_be_corrected_in_place(data_dir: Path) -> None:
    assert rut("target", "set", "Lead").returncode == 0
    assert rut("gap", "add", "SQL", "--kind", "skill").stdout == "1\n"
    done = rut("gap", "edit", "1", "SQL", "and", "dbt", "--kind", "knowledge", "--good", "builds the models")
    assert (done.returncode, done.stdout) == (0, "1: SQL and dbt (knowledge)\n")
    [gap] = json.loads(rut("report", "grow", "--json").stdout)["gaps"]
    assert (gap["title"], gap["kind"], gap["good_looks_like"]) == (
        "SQL and dbt",
        "knowledge",
        "builds the models",
    )
    for bad in (["gap", "edit", "1"], ["gap", "edit", "1", "--kind", "charm"], ["gap", "edit", "9", "x"]):
        refused = rut(*bad)
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, bad
    assert json.loads(rut("report", "grow", "--json").stdout)["gaps"][0]["title"] == "SQL and dbt"
