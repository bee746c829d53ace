"""Revision 0005 (Crossroads) upgrades a journal of revision 0004 in place: entries, tasks, Grow and Guidance
survive, and the signals read them."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.crossroads.service import Crossroads
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.migrations import HEAD_REVISION

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0004.sqlite3"
KEPT = (
    "entries",
    "tasks",
    "task_events",
    "targets",
    "gaps",
    "goals",
    "conversations",
    "followups",
    "promotions",
)
NEW_TABLES = ("checkins", "checkin_answers", "applications")


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> str:
    """The table's columns in ``path`` (a later revision may add some)."""
    return ", ".join(str(row[1]) for row in rows(path, f"PRAGMA table_info({table})"))


def test_the_0004_sample_upgrades_keeping_everything(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    assert rows(path, "SELECT version_num FROM alembic_version") == [("0004",)]
    before = [rows(path, f"SELECT {columns(path, t)} FROM {t} ORDER BY id") for t in KEPT]
    open_database(path, backup_dir=tmp_path / "backups").close()
    assert rows(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert [rows(path, f"SELECT {columns(SAMPLE, t)} FROM {t} ORDER BY id") for t in KEPT] == before
    assert [len(b) for b in before[3:]] == [1, 2, 2, 1, 2, 1]
    for table in NEW_TABLES:
        assert rows(path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert len(list((tmp_path / "backups").glob("before-upgrade-0004-*.sqlite3"))) == 1


def test_the_upgraded_sample_gives_signals_and_a_push_verdict(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        crossroads = Crossroads(db, today=lambda: dt.date(2026, 11, 26))
        by_key = {s.key: s for s in crossroads.signals()}
        verdict = crossroads.verdict()
    finally:
        db.close()
    # goal 1 was due 2026-11-15 (overdue); goal 2 started 2026-11-01, less than 30 days ago
    assert by_key["goals"].value == "1 of 2 open goals"
    assert by_key["promotion"].value == "1, latest reason: no budget this year"
    assert by_key["followups"].value == "1 of 1 follow-up past due"
    assert by_key["guidance"].number == 1.0
    assert by_key["hours"].value == "2 h/week freed, 17.5 h/week still on your plate"
    assert by_key["mood"].direction == "unknown"  # the sample's few entries are not enough
    # strong signals: the refused promotion and the undone follow-up → 2, not enough to leave
    assert verdict.verdict == "push"
    assert verdict.reasons[0].startswith("2 of the 6 strong signals")
    assert verdict.needs  # the sample's few entries: a full verdict (stay or leave) needs more days


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO checkin_answers (checkin_id, key, score) VALUES (1, 'energy', 6)",
        "INSERT INTO checkin_answers (checkin_id, key, score) VALUES (1, 'energy', 0)",
        "INSERT INTO checkin_answers (checkin_id, key, score) VALUES (1, 'room', 3)",  # one answer per key
        "INSERT INTO checkins (day, created_at, updated_at) VALUES ('2026-11-02', 'd', 'd')",  # one a day
        "INSERT INTO applications (company, role, stage, updated_on, created_at, updated_at) "
        "VALUES ('Acme', 'Analyst', 'ghosted', '2026-11-02', 'd', 'd')",
    ],
)
def test_values_outside_the_lists_are_refused(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("INSERT INTO checkins (id, day, created_at, updated_at) VALUES (1, '2026-11-02', 'd', 'd')")
    conn.execute("INSERT INTO checkin_answers (checkin_id, key, score) VALUES (1, 'room', 2)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(statement)
    conn.close()


def test_deleting_a_checkin_deletes_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("INSERT INTO checkins (id, day, created_at, updated_at) VALUES (1, '2026-11-02', 'd', 'd')")
    conn.execute("INSERT INTO checkin_answers (checkin_id, key, score) VALUES (1, 'room', 2)")
    conn.execute("DELETE FROM checkins")
    assert conn.execute("SELECT count(*) FROM checkin_answers").fetchone() == (0,)
    conn.close()
