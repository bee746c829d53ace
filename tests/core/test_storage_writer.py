"""Database.writer: one write transaction on a bare connection, all of it kept or none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rutjournal.core.errors import NotWritable
from rutjournal.core.storage.db import open_database


def test_a_write_block_is_kept_whole_or_not_at_all(tmp_path: Path) -> None:
    db = open_database(tmp_path / "journal.sqlite3")
    try:
        with db.writer() as conn:
            conn.execute("INSERT INTO tags(name) VALUES ('kept')")
        with pytest.raises(RuntimeError), db.writer() as conn:
            conn.execute("INSERT INTO tags(name) VALUES ('undone')")
            raise RuntimeError("the block failed after its first statement")
        with db.reader() as conn:
            assert [row[0] for row in conn.execute("SELECT name FROM tags")] == ["kept"]
    finally:
        db.close()


def test_a_read_only_journal_refuses_a_writer_before_connecting(tmp_path: Path) -> None:
    db = open_database(tmp_path / "journal.sqlite3")
    db.read_only = "the test says so"
    try:
        with pytest.raises(NotWritable, match="the test says so"), db.writer():
            pass
    finally:
        db.close()
