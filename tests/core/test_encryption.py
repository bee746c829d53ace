"""Encryption at rest: the journal and its backups under a passphrase, and nothing changed without one."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.core.errors import InvalidInput, NotADatabase
from rutjournal.core.journal.search import search
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage import backups, cipher, encryption
from rutjournal.core.storage.connect import connect_raw, inspect_file
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.migrations import HEAD_REVISION
from rutjournal.core.values import Scores

SECRET = "correct horse"
SAMPLE_0004 = Path(__file__).resolve().parent.parent / "fixtures" / "journal-0004.sqlite3"


@pytest.fixture
def journal_path(data_dir: Path) -> Path:
    path = data_dir / "journal.sqlite3"
    db = open_database(path)
    try:
        journal = Journal(db)
        for day in range(1, 6):
            journal.append(
                dt.date(2026, 3, day), f"day {day}: asked about the promotion", Scores(mood=3), ["work"]
            )
    finally:
        db.close()
    backups.take_backup(path, data_dir / "backups", now=dt.datetime(2026, 3, 5, 9))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain_sqlite_refuses(path: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    tool = shutil.which("sqlite3")
    if tool:
        done = subprocess.run(  # the sqlite3 tool a user has
            [tool, str(path), "SELECT count(*) FROM entries"], capture_output=True, text=True
        )
        assert done.returncode != 0 and "file is not a database" in done.stderr


def test_set_encrypts_the_journal_and_its_backups(journal_path: Path) -> None:
    backup_dir = journal_path.parent / "backups"
    outcome = encryption.set_passphrase(journal_path, backup_dir, SECRET)
    assert [p.name for p in outcome.converted] == ["journal-20260305-090000.sqlite3"] and not outcome.left
    for path in (journal_path, *backup_dir.iterdir()):
        assert not path.read_bytes().startswith(b"SQLite format 3")
        plain_sqlite_refuses(path)
    assert cipher.marker_path(journal_path).exists()
    assert sorted(p.name for p in journal_path.parent.iterdir() if not p.name.endswith(".lock")) == [
        "backups",
        "journal.sqlite3",
        "journal.sqlite3.encrypted",
    ]  # no plain -wal, -shm or temporary copy left behind
    assert SECRET not in cipher.marker_path(journal_path).read_text()


def test_a_locked_journal_needs_its_passphrase_and_a_wrong_one_writes_nothing(journal_path: Path) -> None:
    encryption.set_passphrase(journal_path, journal_path.parent / "backups", SECRET)
    cipher.forget()
    before = digest(journal_path)
    with pytest.raises(cipher.PassphraseNeeded, match="encrypted"):
        open_database(journal_path)
    with pytest.raises(cipher.WrongPassphrase, match=f"wrong passphrase for {journal_path}"):
        cipher.unlock(journal_path, "not the passphrase")
    assert digest(journal_path) == before
    assert sorted(p.name for p in journal_path.parent.iterdir() if not p.name.endswith(".lock")) == [
        "backups",
        "journal.sqlite3",
        "journal.sqlite3.encrypted",
    ]


def test_with_the_passphrase_everything_reads_writes_searches_and_backs_up(journal_path: Path) -> None:
    data_dir = journal_path.parent
    encryption.set_passphrase(journal_path, data_dir / "backups", SECRET)
    cipher.forget()
    cipher.unlock(journal_path, SECRET)
    assert inspect_file(journal_path).revision == HEAD_REVISION
    db = open_database(journal_path)
    try:
        journal = Journal(db)
        assert journal.get(dt.date(2026, 3, 2)).body == "day 2: asked about the promotion"  # type: ignore[union-attr]
        journal.append(dt.date(2026, 3, 6), "a new day", Scores(mood=4), [])
        assert journal.get(dt.date(2026, 3, 6)).scores.mood == 4  # type: ignore[union-attr]
    finally:
        db.close()
    conn = connect_raw(journal_path)
    try:
        assert len(search(conn, "promotion")) == 5
        with pytest.raises(sqlite3.OperationalError):  # sqlite3's own errors, so every `except` still works
            conn.execute("SELECT nothing FROM nowhere")
    finally:
        conn.close()
    taken = backups.take_backup(journal_path, data_dir / "backups", now=dt.datetime(2026, 3, 6, 9))
    assert taken.entries == 6 and not taken.path.read_bytes().startswith(b"SQLite format 3")
    plain_sqlite_refuses(taken.path)
    assert [b.entries for b in backups.list_backups(data_dir / "backups")] == [6, 5]
    aside = backups.restore_backup(data_dir / "backups" / "journal-20260305-090000.sqlite3", journal_path)
    assert aside is not None and not aside.read_bytes().startswith(b"SQLite format 3")
    plain_sqlite_refuses(journal_path)
    db = open_database(journal_path)
    try:
        assert Journal(db).get(dt.date(2026, 3, 6)) is None
    finally:
        db.close()


def test_change_and_remove_round_trip_the_journal_and_backups(journal_path: Path) -> None:
    backup_dir = journal_path.parent / "backups"
    encryption.set_passphrase(journal_path, backup_dir, SECRET)
    outcome = encryption.change_passphrase(journal_path, backup_dir, SECRET, "battery staple")
    assert len(outcome.converted) == 1 and not outcome.left
    cipher.forget()
    with pytest.raises(cipher.WrongPassphrase):
        cipher.unlock(journal_path, SECRET)
    cipher.unlock(journal_path, "battery staple")
    assert [b.entries for b in backups.list_backups(backup_dir)] == [5]
    with pytest.raises(cipher.WrongPassphrase):
        encryption.remove_passphrase(journal_path, backup_dir, SECRET)
    outcome = encryption.remove_passphrase(journal_path, backup_dir, "battery staple")
    assert len(outcome.converted) == 1
    assert not cipher.marker_path(journal_path).exists()
    for path in (journal_path, *backup_dir.iterdir()):
        assert path.read_bytes().startswith(b"SQLite format 3\x00")
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT count(*) FROM entries").fetchone() == (5,)
    conn.close()


def test_a_short_passphrase_is_refused_with_nothing_changed(journal_path: Path) -> None:
    before = digest(journal_path)
    with pytest.raises(InvalidInput, match="at least 8 characters"):
        encryption.set_passphrase(journal_path, journal_path.parent / "backups", "short")
    assert digest(journal_path) == before and not cipher.marker_path(journal_path).exists()


def test_random_bytes_are_still_not_a_database_and_a_marker_asks_rather_than_guesses(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "journal.sqlite3"
    path.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(NotADatabase, match="not an SQLite file"):
        inspect_file(path)
    cipher.write_marker(path)
    with pytest.raises(cipher.PassphraseNeeded):
        inspect_file(path)
    with pytest.raises(cipher.WrongPassphrase):  # SQLCipher cannot tell damage from a wrong passphrase
        cipher.unlock(path, SECRET)
    assert path.read_bytes() == bytes(range(256)) * 16


def test_an_old_encrypted_journal_is_upgraded_with_an_encrypted_backup_first(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "journal.sqlite3"
    shutil.copy(SAMPLE_0004, path)
    encryption.set_passphrase(path, data_dir / "backups", SECRET)
    db = open_database(path, backup_dir=data_dir / "backups")
    db.close()
    assert inspect_file(path).revision == HEAD_REVISION
    (before_upgrade,) = (data_dir / "backups").glob("before-upgrade-*.sqlite3")
    plain_sqlite_refuses(before_upgrade)
    assert backups.read_backup(before_upgrade).revision == "0004"


def test_the_key_is_derived_once_per_file_and_never_shown() -> None:
    key = cipher.Key(b"k" * 32, b"s" * 16)
    assert "6b6b" not in repr(key) and "kkk" not in repr(key)
    salt = b"0123456789abcdef"
    assert cipher.derive(SECRET, salt) is cipher.derive(SECRET, salt)


def test_without_a_passphrase_sqlcipher_is_never_imported(data_dir: Path) -> None:
    script = (
        "import sys\n"
        "from rutjournal.__main__ import main\n"
        "for args in (['add', '--date', '2026-03-01', 'hello'], ['show', '2026-03-01'], ['search', 'hello'],"
        " ['backup'], ['backups'], ['report', 'load']):\n"
        "    assert main(args) == 0, args\n"
        "from rutjournal.core.storage.db import open_database\n"
        "from rutjournal.core.paths import resolve_paths\n"
        "db = open_database(resolve_paths().database)\n"
        "with db.writer() as conn: conn.execute('SELECT 1')\n"
        "db.close()\n"
        "assert 'sqlcipher3' not in sys.modules, 'sqlcipher3 was imported'\n"
    )
    # a fresh process: what is imported shows only there
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
