"""Backups: taken with the online API, verified, pruned to the newest N; restore keeps the old file aside."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.backups import backup_due, list_backups, read_backup, restore_backup, take_backup
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores

NOON = dt.datetime(2026, 3, 10, 12, 0, 0)


def seed(path: Path, days: int) -> None:
    db = open_database(path)
    try:
        journal = Journal(db)
        for i in range(days):
            journal.save(dt.date(2026, 3, 1 + i), f"day {i}", Scores(mood=3), ["work"])
    finally:
        db.close()


def bodies(path: Path) -> list[str]:
    db = open_database(path)
    try:
        journal = Journal(db)
        found = [journal.get(dt.date(2026, 3, 1 + i)) for i in range(10)]
        return [e.body for e in found if e is not None]
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_verifies_and_holds_the_same_entries(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 3)
    info = take_backup(db_path, backups, now=NOON)
    assert info.path == backups / "journal-20260310-120000.sqlite3"
    assert info.entries == 3 and info.taken_at == NOON
    assert read_backup(info.path) == info
    assert bodies(info.path) == ["day 0", "day 1", "day 2"]
    assert not list(backups.glob(".partial-*"))
    assert [b.path for b in list_backups(backups)] == [info.path]


def test_keep_n_prunes_regular_backups_only(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 1)
    backups.mkdir(parents=True)
    upgrade_copy = backups / "before-upgrade-0001-20260101-090000.sqlite3"
    upgrade_copy.write_bytes(db_path.read_bytes())
    for hour in range(5):
        take_backup(db_path, backups, keep=3, now=NOON.replace(hour=hour))
    names = sorted(p.name for p in backups.iterdir())
    assert names == [
        "before-upgrade-0001-20260101-090000.sqlite3",
        "journal-20260310-020000.sqlite3",
        "journal-20260310-030000.sqlite3",
        "journal-20260310-040000.sqlite3",
    ]
    listed = list_backups(backups)
    assert [b.taken_at.hour for b in listed] == [4, 3, 2, 9]  # newest first, the upgrade copy last


def test_unreadable_files_are_skipped_in_the_list(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 2)
    good = take_backup(db_path, backups, now=NOON)
    (backups / "journal-20260311-120000.sqlite3").write_bytes(b"not a database at all" * 100)
    assert list_backups(backups) == [good]


def test_backup_due_once_a_day(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    assert backup_due(backups, NOON.date())
    seed(db_path, 1)
    take_backup(db_path, backups, now=NOON)
    assert not backup_due(backups, NOON.date())
    assert backup_due(backups, NOON.date() + dt.timedelta(days=1))


def test_no_journal_to_back_up(data_dir: Path) -> None:
    with pytest.raises(DatabaseProblem, match="no journal"):
        take_backup(data_dir / "journal.sqlite3", data_dir / "backups")


def test_a_corrupt_journal_gives_no_backup(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 3)
    raw = bytearray(db_path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    db_path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseProblem):
        take_backup(db_path, backups, now=NOON)
    assert not list(backups.glob("journal-*")) and not list(backups.glob(".partial-*"))


def test_a_corrupt_backup_is_refused_and_the_journal_unchanged(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 2)
    info = take_backup(db_path, backups, now=NOON)
    raw = bytearray(info.path.read_bytes())
    raw[100:4096] = b"\x00\xff" * ((4096 - 100) // 2)
    info.path.write_bytes(bytes(raw))
    before = digest(db_path)
    with pytest.raises(DatabaseProblem, match=str(info.path)):
        restore_backup(info.path, db_path)
    assert digest(db_path) == before
    assert not list(data_dir.glob("journal.sqlite3.replaced-*"))
    assert bodies(db_path) == ["day 0", "day 1"]


def test_restore_keeps_the_old_file_aside(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 2)
    info = take_backup(db_path, backups, now=NOON)
    seed(db_path, 5)  # more entries after the backup
    before = digest(db_path)
    aside = restore_backup(info, db_path, now=NOON)
    assert aside == data_dir / "journal.sqlite3.replaced-20260310-120000"
    assert digest(aside) == before
    assert bodies(db_path) == ["day 0", "day 1"]
    assert bodies(aside) == [f"day {i}" for i in range(5)]
    again = restore_backup(info, db_path, now=NOON)  # same second: a new name, nothing overwritten
    assert again is not None and again != aside and aside.exists()


def test_restore_into_a_missing_journal(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 1)
    info = take_backup(db_path, backups, now=NOON)
    db_path.unlink()
    assert restore_backup(info, db_path) is None
    assert bodies(db_path) == ["day 0"]


def test_backups_taken_in_the_same_second_are_listed_newest_first(data_dir: Path) -> None:
    db_path, backups = data_dir / "journal.sqlite3", data_dir / "backups"
    seed(db_path, 1)
    first = take_backup(db_path, backups, now=NOON)
    seed(db_path, 3)
    second = take_backup(db_path, backups, now=NOON)  # the same second: "…-2.sqlite3"
    assert first is not None and second is not None
    assert second.path.name.endswith("-2.sqlite3")
    assert [b.path for b in list_backups(backups)] == [second.path, first.path]
