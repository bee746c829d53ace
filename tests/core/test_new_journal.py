"""A new journal is made from the recorded schema in one step; it must be exactly what the migrations make."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from rutjournal.core.storage.connect import inspect_file
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.engine import create_engine_for
from rutjournal.core.storage.migrate import upgrade_to_head
from rutjournal.core.storage.migrations import HEAD_REVISION
from rutjournal.core.storage.new_journal import SCHEMA_FILE, dump_schema


def _migrated(folder: Path) -> Path:
    path = folder / "migrated.sqlite3"
    engine = create_engine_for(path, create=True)
    upgrade_to_head(engine, inspect_file(path), backup_dir=folder / "backups")
    engine.dispose()
    return path


def _master(path: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))


def test_the_recorded_schema_is_what_the_migrations_make(tmp_path: Path) -> None:
    with sqlite3.connect(_migrated(tmp_path)) as conn:
        made = dump_schema(conn)
    assert made == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "migrations/head_schema.sql is out of date: run `python -m rutjournal.core.storage.new_journal`"
    )


def test_a_new_journal_has_the_migrated_schema_and_works(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path)
    new = tmp_path / "data" / "journal.sqlite3"
    db = open_database(new)
    try:
        assert _master(new) == _master(migrated)
        with db.reader() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        import datetime as dt

        from rutjournal.core.journal.search import search
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.values import Scores

        Journal(db).save(dt.date(2026, 3, 1), "asked for the budget project", Scores(mood=4), ["growth"])
        with db.reader() as conn:
            assert [h.day for h in search(conn, "budget #growth")] == [dt.date(2026, 3, 1)]
    finally:
        db.close()
    assert not list(new.parent.glob(".journal.sqlite3.new*"))


def test_making_a_new_journal_imports_no_orm(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from rutjournal.core.storage.db import open_database; "
        f"open_database(Path({str(tmp_path / 'j.sqlite3')!r})).close(); "
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)"
    )
    # a fresh process: what is imported shows only there
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
