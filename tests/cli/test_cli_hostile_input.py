"""Odd and hostile arguments: each exits 2 with one line naming the field, and writes nothing.

Run in-process (``rut``): the interpreter hands ``main()`` what it makes of the command line, so bytes that
are not UTF-8 arrive as lone surrogates, exactly as here. One subprocess test checks that real bytes do too.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rut import rut

HUGE = str(2**63)  # one past SQLite's largest whole number
TODAY = dt.date.today()
TOO_LATE = TODAY.replace(year=TODAY.year + 101, day=min(TODAY.day, 28)).isoformat()


def seed(data_dir: Path) -> None:
    """A journal with an entry, a task, a target with a gap and a goal, and a conversation."""
    for args in (
        ("add", "--date", "2026-03-01", "kept"),
        ("task", "add", "Reports", "--hours", "2"),
        ("target", "set", "Lead"),
        ("gap", "add", "People", "--kind", "skill"),
        ("goal", "add", "Mentor", "--gap", "1"),
        ("conversation", "add", "--with", "Kim", "--role", "boss"),
    ):
        assert rut(*args).returncode == 0, args


def dump(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


BAD = [
    # text that is not UTF-8 (a lone surrogate is how Python holds the byte 0xff of a command line)
    (["add", "\udcff"], "add: TEXT: must be UTF-8 text"),
    (["add", "--tag", "\udcff", "x"], "add: --tag: must be UTF-8 text"),
    (["search", "a\udcffb"], "search: QUERY: must be UTF-8 text"),
    (["task", "add", "\udcfe"], "task: TITLE: must be UTF-8 text"),
    (["task", "decide", "1", "delegate", "--to", "S\udcffam"], "task: --to: must be UTF-8 text"),
    (["challenge", "add", "more", "--asked-of", "\udcff"], "challenge: --asked-of: must be UTF-8 text"),
    (["conversation", "add", "--with", "K\udcffim", "--role", "hr"], "conversation: --with: must be UTF-8"),
    (["checkin", "room=3", "--note", "\udcff"], "checkin: --note: must be UTF-8 text"),
    (["import", "x.json", "--mood-map", "r\udcffad=5"], "import: --mood-map: must be UTF-8 text"),
    # ids past SQLite's 64 bits, and ids that are not whole numbers
    (["task", "done", HUGE], "task: ID: must be a whole number from 1 to 9223372036854775807"),
    (["task", "decide", HUGE, "drop"], "task: ID: must be a whole number"),
    (["task", "done", "0"], "task: ID: must be a whole number"),
    (["task", "done", "1.0"], "task: ID: must be a whole number"),
    (["milestone", "done", HUGE], "milestone: ID: must be a whole number"),
    (["milestone", "add", HUGE, "step"], "milestone: GOAL_ID: must be a whole number"),
    (["goal", "add", "x", "--gap", "-1"], "goal: --gap: must be a whole number"),
    (["evidence", "add", "shipped", "--goal", HUGE], "evidence: --goal: must be a whole number"),
    (["followup", "done", "99999999999999999999"], "followup: ID: must be a whole number"),
    (["followup", "add", HUGE, "x", "--owner", "me"], "followup: CONV_ID: must be a whole number"),
    (["report", "brief", "--out", "b.md", "--conversation", HUGE], "report: --conversation: must be a whole"),
    # limits and counts
    (["search", "x", "--limit", "99999999999999999999"], "search: --limit: must be a whole number from 1"),
    (["search", "x", "--limit", "-3"], "search: --limit: must be a whole number from 1"),
    (["report", "trends", "--days", "99999999"], "report: --days: must be a whole number from 1 to 36525"),
    (["plot", "mood", "--out", "m.png", "--days", "99999999"], "plot: --days: must be a whole number"),
    (["task", "add", "t", "--enjoy", "9" * 30], "task: --enjoy: must be a whole number from -2 to 2"),
    (["task", "add", "t", "--value", "6"], "task: --value: must be a whole number from 1 to 5"),
    # numbers that are not finite
    (["add", "--hours", "inf", "x"], "add: hours: "),
    (["add", "--hours", "nan", "x"], "add: hours: "),
    (["add", "--hours", "1e309", "x"], "add: hours: "),
    (["task", "add", "t", "--hours", "inf"], "task: hours: "),
    (["task", "add", "t", "--hours", "1e309"], "task: hours: "),
    (["task", "add", "t", "--hours", "nan"], "task: hours: "),
    (["task", "add", "t", "--hours", "9" * 40 + "h"], "task: hours: "),
    # dates outside 1900-01-01 .. a hundred years from today
    (["add", "--date", "1899-12-31", "x"], "add: date: must be a date from 1900-01-01 to "),
    (["add", "--date", "0001-01-01", "x"], "add: date: must be a date from 1900-01-01 to "),
    (["add", "--date", TOO_LATE, "x"], "add: date: must be a date from 1900-01-01 to "),
    (["add", "--date", "9999-12-31", "x"], "add: date: must be a date from 1900-01-01 to "),
    (["goal", "add", "x", "--gap", "1", "--due", "9999-12-31"], "goal: --due: must be a date from 1900"),
    (["target", "set", "x", "--by", "0999-01-01"], "target: --by: must be a date from 1900"),
    (["evidence", "add", "x", "--date", "1000-01-01"], "evidence: --date: must be a date from 1900"),
    (["conversation", "add", "--date", "9999-01-01", "--with", "K", "--role", "hr"], "conversation: --date:"),
    (["followup", "add", "1", "x", "--owner", "me", "--due", "9999-01-01"], "followup: --due: must be a"),
    (["promotion", "add", "--date", "1800-01-01", "--outcome", "granted"], "promotion: --date: must be"),
    (["checkin", "--date", "9999-01-01", "room=3"], "checkin: --date: must be a date from 1900"),
    # files that cannot be written
    (["plot", "mood", "--out", "/no/such/dir/x.png"], "plot: --out: must be a file in an existing folder"),
    (
        ["report", "brief", "--out", "/no/such/dir/b.md"],
        "report: --out: must be a file in an existing folder",
    ),
    (["--data-dir", "", "show", "today"], "rutjournal: --data-dir: must be a folder's path"),
    (["show", "today", "--data-dir", ""], "rutjournal: --data-dir: must be a folder's path"),
]


@pytest.mark.parametrize(("args", "start"), BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], start: str
) -> None:
    seed(data_dir)
    monkeypatch.chdir(tmp_path)
    before = dump(data_dir)
    done = rut(*args)
    assert done.returncode == 2, done
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert start in lines[0]
    assert dump(data_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["data", "home"])  # no file written


def test_standard_input_that_is_not_utf8_is_bad_input(data_dir: Path) -> None:
    done = rut("add", "-", stdin=b"fine first line\nthen \xff\xfe\n")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [
        "rutjournal add: TEXT: must be UTF-8 text (standard input has a byte that is not, on line 2)"
    ]
    assert not (data_dir / "journal.sqlite3").exists()
    assert rut("add", "-", stdin="caf\u00e9 \u2615\n".encode()).returncode == 0
    assert "caf\u00e9 \u2615" in rut("show", "today").stdout


def test_command_line_bytes_that_are_not_utf8_exit_2_in_a_real_process(data_dir: Path) -> None:
    done = subprocess.run(  # a process: the interpreter decodes the bytes of its command line
        [sys.executable.encode(), b"-m", b"rutjournal", b"add", b"caf\xe9"],
        capture_output=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert done.returncode == 2, done
    assert done.stderr.decode().splitlines() == [
        "rutjournal add: TEXT: must be UTF-8 text (it holds bytes that are not)"
    ]
    assert not (data_dir / "journal.sqlite3").exists()


def test_the_largest_id_sqlite_holds_is_only_not_found(data_dir: Path) -> None:
    seed(data_dir)
    done = rut("task", "done", str(2**63 - 1))
    assert done.returncode == 2
    assert "must be the id of an existing task (got 9223372036854775807)" in done.stderr


def test_a_day_before_the_bounds_that_a_journal_already_holds_can_still_be_shown(data_dir: Path) -> None:
    seed(data_dir)
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    with conn:
        conn.execute("UPDATE entries SET day = '0999-03-05'")
    conn.close()
    shown = rut("show", "0999-03-05")
    assert shown.returncode == 0, shown
    assert shown.stdout.startswith("0999-03-05 (Tuesday)")


def test_a_reader_that_stops_early_is_no_error(data_dir: Path) -> None:
    """`rutjournal show DAY | head -1`: the pipe closes under a long entry; the command ends quietly, exit 0."""
    long_text = "\n".join(f"line {i:05d}" for i in range(9000))  # more than a pipe's buffer holds
    added = rut("--data-dir", str(data_dir), "add", "--date", "2026-05-06", "-", stdin=long_text)
    assert added.returncode == 0, added.stderr
    proc = subprocess.Popen(  # a process: its standard output is a pipe the reader closes
        [sys.executable, "-m", "rutjournal", "--data-dir", str(data_dir), "show", "2026-05-06"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"2026-05-06")
    proc.stdout.close()  # as head does after its first line
    assert proc.wait(60) == 0
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert err == ""
