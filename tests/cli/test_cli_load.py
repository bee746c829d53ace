"""`rutjournal task …` and `rutjournal report load` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.cli_load import parse_minutes
from tests.rut import rut


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
    code = (
        "import sys, json; from rutjournal.__main__ import main; code = main(sys.argv[1:]); "
        "print(json.dumps([code] + [m for m in ('sqlalchemy', 'PySide6', 'matplotlib') if m in sys.modules]), "
        "file=sys.stderr)"
    )
    for args in (("report", "load"), ("task", "list")):
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=60,
        )
        assert json.loads(done.stderr.strip().splitlines()[-1]) == [0], args
