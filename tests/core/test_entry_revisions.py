"""Entry revisions: every writer raises them, and a save based on an old one merges instead of overwriting.

Also the search-index purge that deleted text owes: recorded by every writer, done (or still owed) whole.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rutjournal.core.journal.entry_merge import EditBase
from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores

DAY = dt.date(2026, 3, 10)


def revision(db, day: dt.date = DAY) -> int:  # type: ignore[no-untyped-def]
    entry = Journal(db).get(day)
    assert entry is not None
    return entry.revision


def plain_sql(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    """A write the way an importer makes one: plain SQL on a bare connection, no ORM."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def test_every_writer_raises_the_revision_and_a_no_op_does_not(journal, db) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "first", Scores(mood=3), ["work"])
    seen = [revision(db)]
    journal.save(DAY, "first", Scores(mood=3), ["work"])  # the same again
    plain_sql(db.path, "UPDATE entries SET body = body, mood = mood")  # a no-op in SQL
    assert revision(db) == seen[-1]
    for write in (
        lambda: journal.save(DAY, "second", Scores(mood=3), ["work"]),  # text
        lambda: journal.save(DAY, "second", Scores(mood=4), ["work"]),  # a score
        lambda: journal.save(DAY, "second", Scores(mood=4), ["work", "meeting"]),  # a tag only
        lambda: journal.append(DAY, "from the shell", Scores(), []),  # rutjournal add
        lambda: plain_sql(db.path, "UPDATE entries SET body = body || ' (imported)'"),  # an importer
        lambda: plain_sql(db.path, "UPDATE entries SET hours = 7.5"),
    ):
        write()
        seen.append(revision(db))
    assert seen == sorted(set(seen)), seen  # each write moved it on, once or more


def test_a_shell_append_between_load_and_save_keeps_both_texts_in_order(journal) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "Morning: planning.", Scores(mood=3), [])
    loaded = journal.get(DAY)  # the window shows the day
    journal.append(DAY, "Added with rutjournal add.", Scores(energy=2), ["shell"])  # another process
    saved = journal.save_edit(
        DAY, "Morning: planning. Then the long review.", Scores(mood=4), [], EditBase.of(loaded)
    )
    assert saved.merged
    expected = "Morning: planning. Then the long review.\n\nAdded with rutjournal add."
    assert saved.entry is not None and saved.entry.body == expected
    assert saved.entry.scores == Scores(mood=4, energy=2)  # the window's mood, the shell's energy
    assert saved.entry.tags == ("shell",)
    assert journal.get(DAY) == saved.entry


def test_the_real_command_line_appending_underneath_is_kept(journal, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "Typed in the window.", Scores(), [])
    loaded = journal.get(DAY)
    done = subprocess.run(  # a process: the real command line, beside this one's open journal
        [sys.executable, "-m", "rutjournal", "add", "--date", DAY.isoformat(), "From the terminal."],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    saved = journal.save_edit(DAY, "Typed in the window, and more.", Scores(), [], EditBase.of(loaded))
    assert saved.entry is not None
    assert saved.entry.body == "Typed in the window, and more.\n\nFrom the terminal."


def test_a_save_on_the_revision_it_loaded_simply_replaces(journal) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "one", Scores(mood=2), ["a"])
    saved = journal.save_edit(DAY, "two", Scores(), [], EditBase.of(journal.get(DAY)))
    assert not saved.merged
    assert saved.entry is not None and (saved.entry.body, saved.entry.scores, saved.entry.tags) == (
        "two",
        Scores(),
        (),
    )


def test_a_day_written_elsewhere_after_the_window_found_it_empty_keeps_both(journal) -> None:  # type: ignore[no-untyped-def]
    base = EditBase.of(journal.get(DAY))  # nothing there yet
    journal.append(DAY, "From the shell.", Scores(), [])
    saved = journal.save_edit(DAY, "From the window.", Scores(), [], base)
    assert saved.entry is not None and saved.entry.body == "From the window.\n\nFrom the shell."


def test_a_day_deleted_elsewhere_keeps_the_editors_new_text(journal) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "shared start", Scores(), [])
    base = EditBase.of(journal.get(DAY))
    journal.save(DAY, "", Scores(), [])  # another window cleared the day
    saved = journal.save_edit(DAY, "shared start\nmy new line", Scores(), [], base)
    assert saved.merged and saved.entry is not None and saved.entry.body == "my new line"


def test_clearing_a_day_that_gained_text_elsewhere_keeps_that_text(journal) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "old", Scores(), [])
    base = EditBase.of(journal.get(DAY))
    journal.append(DAY, "appended meanwhile", Scores(), [])
    saved = journal.save_edit(DAY, "", Scores(), [], base)  # the user emptied the editor
    assert saved.entry is not None and "appended meanwhile" in saved.entry.body


def test_the_purge_is_owed_after_text_is_replaced_or_deleted_by_any_writer(journal, db) -> None:  # type: ignore[no-untyped-def]
    assert not journal.purge_owed()
    journal.save(DAY, "first words", Scores(), [])
    assert not journal.purge_owed()  # nothing deleted yet
    journal.save(DAY, "other words", Scores(), [])
    assert journal.purge_owed()
    journal.purge_deleted_text()
    assert not journal.purge_owed()
    plain_sql(db.path, "DELETE FROM entries")  # an importer, another tool
    assert journal.purge_owed()


def test_a_failed_purge_stays_owed(journal, db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    journal.save(DAY, "secret", Scores(), [])
    journal.save(DAY, "", Scores(), [])
    blocker = sqlite3.connect(db.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    from rutjournal.core.storage import connect as connect_module

    quick = tuple("PRAGMA busy_timeout=50" if "busy_timeout" in p else p for p in connect_module.PRAGMAS)
    monkeypatch.setattr(connect_module, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(connect_module, "PRAGMAS", quick)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            journal.purge_deleted_text()
    finally:
        blocker.rollback()
        blocker.close()
    assert journal.purge_owed()
    journal.purge_deleted_text()
    assert not journal.purge_owed()
