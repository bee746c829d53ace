"""Revision 0004 (Grow and Guidance) upgrades a journal of revision 0003 in place: entries and tasks survive."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.migrations import HEAD_REVISION

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0003.sqlite3"
NEW_TABLES = (
    "targets",
    "gaps",
    "goals",
    "milestones",
    "goal_progress",
    "evidence",
    "challenges",
    "conversations",
    "conversation_options",
    "followups",
    "promotions",
)


def kept(path: Path) -> list[list[tuple[object, ...]]]:
    """The rows of the tables 0003 had, in the columns it had (later revisions add some)."""
    entries = "id, day, body, mood, energy, challenge, hours, load, created_at, updated_at"
    return [
        rows(path, f"SELECT {entries} FROM entries ORDER BY id"),
        *(rows(path, f"SELECT {columns_of(t)} FROM {t} ORDER BY id") for t in ("tasks", "task_events")),
    ]


def columns_of(table: str) -> str:
    """The columns ``table`` has in the 0003 sample (0007 adds a uid)."""
    return ", ".join(str(row[1]) for row in rows(SAMPLE, f"PRAGMA table_info({table})"))


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_0003_sample_upgrades_keeping_entries_tasks_and_history(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    before = kept(path)
    open_database(path, backup_dir=tmp_path / "backups").close()
    assert rows(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    after = kept(path)
    assert after == before and len(before[1]) == 3
    for table in NEW_TABLES:
        assert rows(path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert len(list((tmp_path / "backups").glob("before-upgrade-0003-*.sqlite3"))) == 1


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO gaps (target_id, title, kind, created_at, updated_at) VALUES (1, 'x', 'charm', 'd', 'd')",
        "INSERT INTO goals (gap_id, title, started_on, status, created_at, updated_at) VALUES (1, 'x', '2026-01-01', 'paused', 'd', 'd')",
        "INSERT INTO goals (gap_id, title, started_on, manual_percent, created_at, updated_at) VALUES (1, 'x', '2026-01-01', 101, 'd', 'd')",
        "INSERT INTO conversations (day, with_name, role, created_at, updated_at) VALUES ('2026-01-01', 'x', 'ceo', 'd', 'd')",
        "INSERT INTO promotions (day, outcome, created_at, updated_at) VALUES ('2026-01-01', 'maybe', 'd', 'd')",
        "INSERT INTO followups (conversation_id, text, owner, created_at, updated_at) VALUES (1, 'x', 'hr', 'd', 'd')",
    ],
)
def test_values_outside_the_lists_are_refused(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "journal.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO targets (id, title, created_at, updated_at) VALUES (1, 'Senior Analyst', 'd', 'd')"
    )
    conn.execute(
        "INSERT INTO gaps (id, target_id, title, kind, created_at, updated_at) VALUES (1, 1, 'SQL', 'skill', 'd', 'd')"
    )
    conn.execute(
        "INSERT INTO conversations (id, day, with_name, role, created_at, updated_at) VALUES (1, '2026-01-01', 'Dana', 'boss', 'd', 'd')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(statement)
    conn.close()
