"""Revision 0003 (the Load inventory) upgrades a journal of revision 0002 in place, losing nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.migrations import HEAD_REVISION

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0002.sqlite3"
ENTRIES = "SELECT id, day, body, mood, energy, challenge, hours, load, created_at, updated_at FROM entries ORDER BY id"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[Path, list[tuple[object, ...]]]:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    before = rows(path, ENTRIES)
    open_database(path, backup_dir=tmp_path / "backups").close()
    return path, before


def test_the_0002_sample_upgrades_to_head_with_its_entries(upgraded) -> None:  # type: ignore[no-untyped-def]
    path, before = upgraded
    assert rows(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert rows(path, ENTRIES) == before
    assert rows(path, "SELECT count(*) FROM entry_search") == [(len(before),)]
    assert rows(path, "SELECT count(*) FROM tasks") == [(0,)]
    backups = list((path.parent / "backups").glob("before-upgrade-0002-*.sqlite3"))
    assert len(backups) == 1
    assert rows(backups[0], "SELECT version_num FROM alembic_version") == [("0002",)]


@pytest.mark.parametrize(
    "values",
    [
        "('x', 'chore', 0, 'yes', 'undecided')",
        "('x', 'task', -1, 'yes', 'undecided')",
        "('x', 'task', 10081, 'yes', 'undecided')",
        "('x', 'task', 60, 'maybe', 'undecided')",
        "('x', 'task', 60, 'yes', 'ignore')",
    ],
)
def test_the_task_table_refuses_values_outside_its_ranges(upgraded, values: str) -> None:  # type: ignore[no-untyped-def]
    path, _ = upgraded
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO tasks (title, kind, minutes_per_week, in_jd, decision, notes, created_at, updated_at) "
                f"VALUES {values[:-1]}, '', '2026-11-25 10:00:00', '2026-11-25 10:00:00')"
            )
    finally:
        conn.close()


def test_deleting_a_task_deletes_its_history(upgraded) -> None:  # type: ignore[no-untyped-def]
    path, _ = upgraded
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(
        "INSERT INTO tasks (id, title, created_at, updated_at) VALUES (1, 'Status report', '2026-11-25', '2026-11-25')"
    )
    conn.execute(
        "INSERT INTO task_events (task_id, at, decision, done, minutes_per_week) "
        "VALUES (1, '2026-11-25 10:00:00', 'delegate', 0, 120)"
    )
    conn.execute("DELETE FROM tasks WHERE id = 1")
    assert conn.execute("SELECT count(*) FROM task_events").fetchone() == (0,)
    conn.close()
