"""Revision 0006 (entry revisions, the purge owed) upgrades a journal of revision 0005 in place: every row
survives, every entry starts at revision 1, and from then on the triggers keep count."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from rutjournal.core.journal.entry_merge import EditBase
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.migrations import HEAD_REVISION
from rutjournal.core.values import Scores

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0005.sqlite3"
KEPT = ("tags", "tasks", "targets", "goals", "conversations", "promotions", "checkins", "applications")
ENTRY_COLUMNS = "id, day, body, mood, energy, challenge, hours, load, created_at, updated_at"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    open_database(path, backup_dir=tmp_path / "backups").close()
    return path


def test_the_0005_sample_upgrades_keeping_everything(tmp_path: Path) -> None:
    assert rows(SAMPLE, "SELECT version_num FROM alembic_version") == [("0005",)]
    path = upgraded(tmp_path)
    assert rows(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert rows(path, f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY id") == rows(
        SAMPLE, f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY id"
    )
    for table in (*KEPT, "entry_tags", "checkin_answers"):
        columns = ", ".join(
            str(row[1]) for row in rows(SAMPLE, f"PRAGMA table_info({table})")
        )  # 0007 adds uid
        assert rows(path, f"SELECT {columns} FROM {table} ORDER BY 1, 2") == rows(
            SAMPLE, f"SELECT {columns} FROM {table} ORDER BY 1, 2"
        )
    assert rows(path, "SELECT DISTINCT revision FROM entries") == [(1,)]
    assert rows(path, "SELECT count(*) FROM upkeep_owed") == [(0,)]
    assert rows(path, "SELECT count(*) FROM checkin_answers") == [(3,)]
    assert len(list((tmp_path / "backups").glob("before-upgrade-0005-*.sqlite3"))) == 1


def test_the_upgraded_sample_counts_revisions_and_merges(tmp_path: Path) -> None:
    path = upgraded(tmp_path)
    day = dt.date(2026, 11, 3)
    db = open_database(path)
    try:
        journal = Journal(db)
        loaded = journal.get(day)
        assert loaded is not None and loaded.revision == 1 and loaded.tags == ("1-1", "promotion")
        journal.append(day, "Dana wrote back.", Scores(), [])
        saved = journal.save_edit(
            day, loaded.body + " Still waiting.", loaded.scores, loaded.tags, EditBase.of(loaded)
        )
        assert saved.entry is not None and saved.entry.revision > 2
        assert saved.entry.body == loaded.body + " Still waiting.\n\nDana wrote back."
        assert journal.purge_owed()
    finally:
        db.close()
