"""Revision 0007 (stable uids) upgrades a journal of revision 0006 in place: every row survives with its own uid,
the indexes and triggers come back exactly as they were, and a new journal's rows get uids from SQLite."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from rutjournal.core.demo import build_demo
from rutjournal.core.journal.search import search
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.connect import connect_raw
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.engine import create_engine_for
from rutjournal.core.storage.migrate import alembic_config
from rutjournal.core.storage.migrations import HEAD_REVISION
from rutjournal.core.storage.new_journal import SCHEMA_FILE, dump_schema
from rutjournal.core.values import Scores

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0006.sqlite3"
WITH_UID = (
    "entries",
    "tasks",
    "task_events",
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
    "checkins",
    "applications",
)
WITHOUT_UID = ("tags", "entry_tags", "checkin_answers", "upkeep_owed")
UID = re.compile(r"[0-9a-f]{32}")


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[str]:
    return [str(row[1]) for row in rows(path, f"PRAGMA table_info({table})")]


def upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    open_database(path, backup_dir=tmp_path / "backups").close()
    return path


def indexes_and_triggers(path: Path) -> list[tuple[object, ...]]:
    return rows(
        path,
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
    )


def all_uids(path: Path) -> list[str]:
    return [str(uid) for table in WITH_UID for (uid,) in rows(path, f"SELECT uid FROM {table}")]


def test_the_sample_is_a_0006_journal_with_a_row_in_every_table() -> None:
    assert rows(SAMPLE, "SELECT version_num FROM alembic_version") == [("0006",)]
    assert rows(SAMPLE, "PRAGMA journal_mode") == [("delete",)]
    for table in (*WITH_UID, *WITHOUT_UID):
        assert rows(SAMPLE, f"SELECT count(*) FROM {table}") != [(0,)], table
        assert "uid" not in columns(SAMPLE, table)
    assert rows(SAMPLE, "SELECT max(revision) FROM entries") == [(3,)]


def test_every_row_survives_and_gets_a_distinct_uid(tmp_path: Path) -> None:
    path = upgraded(tmp_path)
    assert rows(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    for table in (*WITH_UID, *WITHOUT_UID):
        kept = ", ".join(f'"{c}"' for c in columns(SAMPLE, table))
        assert rows(path, f"SELECT {kept} FROM {table} ORDER BY 1, 2") == rows(
            SAMPLE, f"SELECT {kept} FROM {table} ORDER BY 1, 2"
        ), table
        assert columns(path, table) == columns(SAMPLE, table) + (["uid"] if table in WITH_UID else [])
    uids = all_uids(path)
    assert len(uids) == sum(int(rows(SAMPLE, f"SELECT count(*) FROM {t}")[0][0]) for t in WITH_UID)  # type: ignore[call-overload]
    assert len(set(uids)) == len(uids) and all(UID.fullmatch(uid) for uid in uids)
    assert rows(path, "PRAGMA foreign_key_check") == [] and rows(path, "PRAGMA integrity_check") == [("ok",)]


def test_the_indexes_and_triggers_come_back_as_they_were(tmp_path: Path) -> None:
    path = upgraded(tmp_path)
    # the index SQLite makes for each uid's UNIQUE (after checkins' UNIQUE (day), which keeps its name)
    uid_indexes = {f"sqlite_autoindex_{t}_1" for t in WITH_UID if t != "checkins"} | {
        "sqlite_autoindex_checkins_2"
    }
    before = [row for row in indexes_and_triggers(SAMPLE) if row[1] not in uid_indexes]
    after = [row for row in indexes_and_triggers(path) if row[1] not in uid_indexes]
    assert after == before
    assert {row[1] for row in indexes_and_triggers(path) if row[0] == "trigger"} >= {
        "entries_search_insert",
        "entries_revision_update",
        "entries_purge_owed_delete",
    }


def test_an_upgraded_journal_has_the_schema_of_a_new_one(tmp_path: Path) -> None:
    with sqlite3.connect(upgraded(tmp_path)) as conn:
        assert dump_schema(conn) == SCHEMA_FILE.read_text(encoding="utf-8")


def test_after_the_upgrade_the_triggers_still_count_revisions_and_index_words(tmp_path: Path) -> None:
    path = upgraded(tmp_path)
    day = dt.date(2026, 11, 3)
    uid_before = rows(path, "SELECT uid FROM entries WHERE day = '2026-11-03'")
    db = open_database(path)
    try:
        journal = Journal(db)
        loaded = journal.get(day)
        assert loaded is not None and loaded.revision == 3
        saved = journal.save(day, "Rewritten: the budget project is mine.", loaded.scores, list(loaded.tags))
        assert saved is not None and saved.revision > 3  # the trigger counted the change
        journal.save(dt.date(2026, 11, 30), "A new day after the upgrade.", Scores(mood=3), ["fresh"])
    finally:
        db.close()
    assert rows(path, "SELECT uid FROM entries WHERE day = '2026-11-03'") == uid_before  # a uid never changes
    new_uid = rows(path, "SELECT uid FROM entries WHERE day = '2026-11-30'")[0][0]
    assert UID.fullmatch(str(new_uid)) and all_uids(path).count(str(new_uid)) == 1
    conn = connect_raw(path)
    try:
        assert [hit.day for hit in search(conn, "budget")] == [day]
        assert [hit.day for hit in search(conn, "#fresh")] == [dt.date(2026, 11, 30)]
    finally:
        conn.close()


def test_the_downgrade_gives_back_the_0006_schema_and_rows(tmp_path: Path) -> None:
    path = upgraded(tmp_path)
    engine = create_engine_for(path, create=True)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                command.downgrade(alembic_config(conn), "0006")
    finally:
        engine.dispose()
    for table in (*WITH_UID, *WITHOUT_UID):
        assert columns(path, table) == columns(SAMPLE, table)
        assert rows(path, f"SELECT * FROM {table} ORDER BY 1, 2") == rows(
            SAMPLE, f"SELECT * FROM {table} ORDER BY 1, 2"
        ), table
    assert indexes_and_triggers(path) == indexes_and_triggers(SAMPLE)


def test_the_upgrade_refuses_to_run_with_foreign_keys_on(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE, path)
    engine = create_engine_for(path, create=True)  # its connections switch foreign keys on
    try:
        with engine.connect() as conn, pytest.raises(RuntimeError, match="foreign keys off"), conn.begin():
            command.upgrade(alembic_config(conn), "0007")
    finally:
        engine.dispose()
    assert rows(path, "SELECT version_num FROM alembic_version") == [("0006",)]
    assert rows(path, "SELECT count(*) FROM task_events") == rows(SAMPLE, "SELECT count(*) FROM task_events")


def test_a_new_journal_gives_every_row_a_uid(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    db = open_database(path)
    try:
        build_demo(db, dt.date(2026, 12, 1))
    finally:
        db.close()
    for table in WITH_UID:
        assert rows(path, f"SELECT count(*) FROM {table} WHERE uid IS NULL") == [(0,)]
    uids = all_uids(path)
    assert len(uids) > 100 and len(set(uids)) == len(uids) and all(UID.fullmatch(uid) for uid in uids)
    filled = {table for table in WITH_UID if rows(path, f"SELECT count(*) FROM {table}") != [(0,)]}
    assert {"entries", "tasks", "task_events", "goals", "evidence", "conversations", "checkins"} <= filled
