"""Deleted words leave the search index: a purge that fails is said in the status bar and done the next time,
and one owed from before (a crash, the command line) is done soon after the window opens."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt

from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores


def index_holds(window, word: bytes) -> bool:  # type: ignore[no-untyped-def]
    """Whether the full-text index's segments still hold ``word`` (read through SQLite, never the file)."""
    other = open_database(window.paths.database)
    try:
        with other.reader() as conn:
            return any(
                word in bytes(block) for (block,) in conn.execute("SELECT block FROM entry_search_data")
            )
    finally:
        other.close()


def owed(window) -> bool:  # type: ignore[no-untyped-def]
    other = open_database(window.paths.database)
    try:
        return Journal(other).purge_owed()
    finally:
        other.close()


def test_a_failed_purge_is_reported_and_done_at_the_next_open(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = window.journal_view
    qtbot.keyClicks(view.editor.editor, "my salary is zqxwvbnm")
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    view.editor.editor.selectAll()
    qtbot.keyClicks(view.editor.editor, "nothing to see")
    qtbot.waitUntil(lambda: not view.dirty, timeout=2000)
    assert owed(window) and index_holds(window, b"zqxwvbnm")

    real = Journal.purge_deleted_text
    calls = []

    def locked_once(self: Journal) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        real(self)

    monkeypatch.setattr(Journal, "purge_deleted_text", locked_once)
    window.close_data(save=True)  # as on quitting
    assert "could not yet be removed from the search index (database is locked)" in (
        window.statusBar().currentMessage()
    )
    assert owed(window) and index_holds(window, b"zqxwvbnm")

    window.open_data()
    qtbot.waitUntil(lambda: not owed(window), timeout=5000)
    assert not index_holds(window, b"zqxwvbnm")
    assert "now removed" in window.statusBar().currentMessage()
    assert len(calls) == 2


@pytest.fixture
def owed_from_before(data_dir):  # type: ignore[no-untyped-def]
    """A journal left with a purge owed: text replaced, then the window killed (or the shell wrote)."""
    db = open_database(data_dir / "journal.sqlite3")
    try:
        journal = Journal(db)
        journal.save(dt.date(2026, 3, 2), "plughqqq was here", Scores(), [])
        journal.save(dt.date(2026, 3, 2), "gone", Scores(), [])
        assert journal.purge_owed()
    finally:
        db.close()


def test_a_purge_owed_from_before_is_done_once_the_file_is_checked(
    owed_from_before, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(lambda: not owed(window), timeout=5000)
    assert not index_holds(window, b"plughqqq")
    assert "search index" not in window.statusBar().currentMessage()  # a purge that works says nothing
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # the window works on
