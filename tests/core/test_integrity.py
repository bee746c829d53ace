"""The start-of-day check: quick_check on a read-only connection, the daily backup, and what to restore from."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.errors import DamagedDatabase, NewerSchema, NotADatabase
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.backups import take_backup
from rutjournal.core.storage.damage_record import read_damage
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.integrity import (
    is_damaged_file,
    newest_good_backup,
    problem_text,
    quick_check,
    restorable_backups,
    start_of_day,
)
from rutjournal.core.values import Scores
from tests.core.test_database_faults import make_damaged_inside_entries, write_journal

TODAY = dt.date(2026, 12, 1)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def journal_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "journal.sqlite3"


def test_a_whole_journal_checks_ok(journal_path: Path) -> None:
    write_journal(journal_path)
    result = quick_check(journal_path)
    assert result.ok and result.problems == () and result.path == journal_path


def test_damage_is_reported_in_sqlites_words_and_the_file_is_not_touched(journal_path: Path) -> None:
    make_damaged_inside_entries(journal_path)
    before = digest(journal_path)
    result = quick_check(journal_path)
    assert not result.ok
    assert result.summary and len(result.problems) <= 20
    assert digest(journal_path) == before
    beside = {p.name for p in journal_path.parent.iterdir()} - {"journal.setup.lock", "journal.use.lock"}
    assert beside == {"journal.sqlite3", "journal.sqlite3.damaged"}  # no -wal/-shm: nothing was written
    assert read_damage(journal_path) is not None  # every process now knows, and writes nothing into it


def test_a_file_sqlite_cannot_read_counts_as_damaged(journal_path: Path) -> None:
    write_journal(journal_path)
    data = journal_path.read_bytes()
    journal_path.write_bytes(data[:100] + bytes(len(data) - 100))
    assert not quick_check(journal_path).ok


def test_start_of_day_takes_one_backup_a_day(journal_path: Path) -> None:
    write_journal(journal_path)
    backups = journal_path.parent / "backups"
    first = start_of_day(journal_path, backups, keep=3, today=dt.date.today())
    assert first.check.ok and first.backup is not None and first.backup.entries == 30
    second = start_of_day(journal_path, backups, keep=3, today=dt.date.today())
    assert second.check.ok and second.backup is None and second.backup_error is None
    assert len(list(backups.glob("journal-*.sqlite3"))) == 1


def test_start_of_day_never_backs_up_a_damaged_journal_and_offers_the_good_backups(
    journal_path: Path,
) -> None:
    write_journal(journal_path)
    backups = journal_path.parent / "backups"
    good = take_backup(journal_path, backups, now=dt.datetime(2026, 11, 30, 9, 0, 0))
    make_damaged_inside_entries(journal_path)
    found = start_of_day(journal_path, backups, keep=3, today=TODAY)
    assert not found.check.ok and found.backup is None
    assert [b.path for b in found.backups] == [good.path]
    assert len(list(backups.glob("journal-*.sqlite3"))) == 1


def test_newest_good_backup_skips_broken_and_newer_ones(journal_path: Path) -> None:
    backups = journal_path.parent / "backups"
    assert newest_good_backup(backups) is None  # no folder yet
    db = open_database(journal_path)
    try:
        Journal(db).save(dt.date(2026, 11, 1), "first", Scores(), [])
    finally:
        db.close()
    older = take_backup(journal_path, backups, now=dt.datetime(2026, 11, 28, 8, 0, 0))
    newer = take_backup(journal_path, backups, now=dt.datetime(2026, 11, 29, 8, 0, 0))
    conn = sqlite3.connect(newer.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    broken = backups / "journal-20261130-080000.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    assert [b.path for b in restorable_backups(backups)] == [older.path]
    best = newest_good_backup(backups)
    assert best is not None and best.path == older.path and best.entries == 1


def test_which_refusals_are_damage(journal_path: Path) -> None:
    cause = sqlite3.DatabaseError("database disk image is malformed")
    refused = NotADatabase(journal_path, f"{journal_path} cannot be read as a database ({cause})")
    refused.__cause__ = cause
    assert is_damaged_file(refused) and problem_text(refused) == "database disk image is malformed"
    assert is_damaged_file(DamagedDatabase(journal_path, "damaged"))
    assert not is_damaged_file(NotADatabase(journal_path, "not an SQLite file"))
    assert not is_damaged_file(NewerSchema(journal_path, "newer"))
    assert is_damaged_file(sqlite3.DatabaseError("file is not a database"))
