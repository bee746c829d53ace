"""The window and a journal file that is empty, known to be damaged, or read-only (issue 11, items 3, 4, 15),
and a window that never opens its own journal file with plain file I/O (item 1)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rutjournal.core.paths import AppPaths
from rutjournal.core.storage.backups import take_backup
from rutjournal.core.storage.damage_record import read_damage, record_damage
from rutjournal.ui.shell.main_window import MainWindow
from tests.core.test_database_faults import write_journal
from tests.rut import rut_process
from tests.ui.test_backup_recovery import open_on_damage, settled

SHOTS = Path(os.environ.get("RUTJOURNAL_SHOTS", "/tmp/rutjournal-shots"))


def test_a_zero_byte_journal_is_offered_the_newest_backup_and_never_replaced(paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    write_journal(paths.database)
    take_backup(paths.database, paths.backup_dir)
    paths.database.write_bytes(b"")
    window = open_on_damage(paths, qtbot)
    dialog = window.care.recovery_dialog
    assert dialog is not None and dialog.restore_button is not None
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "empty (0 bytes)" in texts and "30 entries" in texts
    assert paths.database.read_bytes() == b""  # not replaced by a new, empty journal
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert window.journal_view.journal is not None
    assert window.journal_view.journal.get(dt.date(2026, 9, 2)) is not None
    kept = [p for p in paths.data_dir.iterdir() if p.name.startswith("journal.sqlite3.replaced-")]
    assert [p.stat().st_size for p in kept] == [0]
    window.shutdown()


def test_with_no_backup_the_damaged_file_can_be_set_aside_to_start_afresh(paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"")
    window = open_on_damage(paths, qtbot)
    dialog = window.care.recovery_dialog
    assert dialog is not None and dialog.restore_button is None
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "recovery-no-backup.png"))
    qtbot.mouseClick(dialog.afresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert [p.name.startswith("journal.sqlite3.damaged-") for p in paths.data_dir.glob("journal.sqlite3.*")]
    assert paths.database.stat().st_size > 0
    assert "kept as journal.sqlite3.damaged-" in window.statusBar().currentMessage()
    window.shutdown()


def test_damage_another_process_found_is_recovered_from_not_written_into(paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    write_journal(paths.database)
    take_backup(paths.database, paths.backup_dir)
    record_damage(paths.database, "row 7 missing from index ix_entries_day")
    before = paths.database.read_bytes()
    window = open_on_damage(paths, qtbot)
    assert window.db is None and window.care.damage is not None
    assert "row 7 missing" in window.care.damage
    assert paths.database.read_bytes() == before
    dialog = window.care.recovery_dialog
    assert dialog is not None and dialog.restore_button is not None
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert read_damage(paths.database) is None
    window.shutdown()


def test_the_window_never_opens_its_journal_file_while_it_holds_it(
    make_window, paths: AppPaths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = settled(make_window(), qtbot)
    target = str(paths.database.absolute())
    seen: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "open" and args and str(args[0]) == target:
            seen.append(event)

    sys.addaudithook(hook)
    try:
        window.journal_view.editor.editor.insertPlainText("typed beside the shell")
        window.journal_view.flush()
        assert (
            rut_process(  # a process: this one, holding the journal, must never open its file
                "--data-dir", str(paths.data_dir), "add", "--date", "2026-01-02", "from the shell"
            ).returncode
            == 0
        )
        window.care.back_up_now()
        qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
        for key in ("load", "grow", "guidance", "crossroads", "journal"):
            window.show_section(key)
        window.journal_view.editor.editor.insertPlainText(" and more")
        assert window.journal_view.flush()
        window.care.after_open(back_up=False)
        qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
    finally:
        active[0] = False
    assert seen == []
    assert window.care.damage is None


def test_a_read_only_journal_opens_read_only_in_the_window(paths: AppPaths, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_journal(paths.database)
    real_access = os.access
    journal = str(paths.database)

    def access(path: object, mode: int, **kwargs: object) -> bool:  # the file is read-only for this account
        if str(path) == journal and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    before = paths.database.read_bytes()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    view = window.journal_view
    assert window.where.text().startswith("Read-only:")
    assert view.editor.editor.isReadOnly() and not view.scores["mood"].isEnabled()
    view.show_day(dt.date(2026, 9, 3))
    assert "Day 2:" in view.editor.text()  # every day can still be read
    assert view.save_label.text() == "Read-only: this journal can be read, not changed"
    window.shutdown()
    assert paths.database.read_bytes() == before


def test_a_full_disk_while_saving_is_one_plain_sentence_and_the_text_stays(
    window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    view = window.journal_view
    assert view.journal is not None

    def full(*_args: object, **_kw: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(view.journal, "save_edit", full)
    view.editor.editor.insertPlainText("words that must not be lost")
    assert not view.flush()
    text = view.save_label.text()
    assert text.startswith("Not saved — the disk holding ") and "is full: free some space" in text
    assert "sqlalche.me" not in text and "INSERT" not in text
    assert view.editor.text() == "words that must not be lost"
    monkeypatch.undo()  # space again: the kept text is saved
    assert view.flush()
