"""Errors are told apart by SQLite's result code (``sqlite_errorcode``, extended codes masked to their primary
code), not by their words; only an error that carries no code (sqlcipher3's may not) is judged by its words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc

from rutjournal.core.storage.connect import (
    SQLITE_CORRUPT,
    is_damage,
    is_not_a_database,
    is_read_only_refusal,
    note_damage,
    sqlite_code,
)
from rutjournal.core.storage.damage_record import read_damage
from rutjournal.core.storage.integrity import is_damaged_file

SQLITE_CORRUPT_INDEX = SQLITE_CORRUPT | (3 << 8)  # 779: an extended code of SQLITE_CORRUPT


def raised(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql)
    return caught.value


def coded(words: str, code: int) -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError(words)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def test_words_that_sound_like_damage_are_not_damage_when_the_code_says_otherwise() -> None:
    conn = sqlite3.connect(":memory:")
    error = raised(conn, "SELECT json('{')")
    assert "malformed" in str(error) and sqlite_code(error) == 1  # SQLITE_ERROR, a bad argument
    assert not is_damage(error) and not is_damaged_file(error)
    assert not is_damage(raised(conn, "SELECT * FROM no_such_table"))


def test_a_file_that_is_not_a_database_is_told_by_its_code(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a journal\n" * 500, encoding="utf-8")
    error = raised(sqlite3.connect(text), "SELECT * FROM sqlite_master")
    assert sqlite_code(error) == 26
    assert is_damage(error) and is_not_a_database(error) and is_damaged_file(error)
    note_damage(text, error)  # a wrong passphrase looks the same: never recorded as damage
    assert read_damage(text) is None


def test_corruption_is_told_by_its_code_even_extended_and_wrapped(tmp_path: Path) -> None:
    error = coded("index ix_entries_day is out of order", SQLITE_CORRUPT_INDEX)
    assert sqlite_code(error) == SQLITE_CORRUPT and is_damage(error) and not is_not_a_database(error)
    wrapped = sqlalchemy.exc.DatabaseError("SELECT 1", None, error)
    assert is_damage(wrapped)
    journal = tmp_path / "journal.sqlite3"
    note_damage(journal, error)
    record = read_damage(journal)
    assert record is not None and "out of order" in record.words


def test_a_read_only_refusal_is_told_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute("PRAGMA query_only = 1")
    error = raised(conn, "INSERT INTO t VALUES (1)")
    assert sqlite_code(error) == 8 and is_read_only_refusal(error) and not is_damage(error)
    assert not is_read_only_refusal(coded("attempt to write a readonly database", 1))


def test_an_error_without_a_code_is_judged_by_its_words() -> None:
    assert sqlite_code(sqlite3.DatabaseError("database disk image is malformed")) is None
    assert is_damage(sqlite3.DatabaseError("database disk image is malformed"))
    assert is_damage(sqlite3.DatabaseError("file is not a database"))
    assert is_not_a_database(sqlite3.DatabaseError("file is not a database"))
    assert is_read_only_refusal(sqlite3.OperationalError("attempt to write a readonly database"))
    assert not is_damage(sqlite3.OperationalError("database is locked"))
