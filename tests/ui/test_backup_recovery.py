"""Backups from the window (daily, and File → Back up now), restoring one, and recovering a damaged journal."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rutjournal.core.journal.service import Journal
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage.backups import read_backup, take_backup
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.integrity import CheckResult
from rutjournal.core.text import long_day
from rutjournal.core.values import Scores
from rutjournal.ui.shell.main_window import MainWindow
from tests.core.test_database_faults import make_damaged_inside_entries, write_journal

DAY = dt.date(2026, 9, 1)
YESTERDAY_9AM = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(9, 0))


def seed(paths: AppPaths, texts: dict[dt.date, str]) -> None:
    db = open_database(paths.database)
    try:
        journal = Journal(db)
        for day, text in texts.items():
            journal.save(day, text, Scores(mood=3), [])
        journal.purge_deleted_text()  # as a session closing cleanly leaves it: no purge owed, the file still
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settled(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """Wait for the background check and backup that follow opening the journal."""
    qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
    return window


def daily_backups(paths: AppPaths) -> list[Path]:
    return sorted(paths.backup_dir.glob("journal-*.sqlite3"))


def action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    found = [a for a in window.file_menu.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in window.file_menu.actions()]
    return found[0]


def open_restore_dialog(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """File → Restore from backup…; the backups are verified in the background, then the list shows."""
    window.care.restore_dialog = None
    action(window, "Restore from backup…").trigger()
    qtbot.waitUntil(lambda: window.care.restore_dialog is not None, timeout=10000)
    return window.care.restore_dialog


def open_on_damage(paths: AppPaths, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.care.recovery_dialog is not None, timeout=10000)
    assert window.care.recovery_dialog is not None
    qtbot.waitUntil(window.care.recovery_dialog.isVisible)
    return window


def test_the_daily_backup_is_taken_once_a_day_after_opening(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(paths, {DAY: "first", DAY + dt.timedelta(days=1): "second", DAY + dt.timedelta(days=2): "third"})
    first = settled(make_window(), qtbot)
    [taken] = daily_backups(paths)
    assert read_backup(taken).entries == 3
    assert first.statusBar().currentMessage() == f"Backed up: 3 entries, {taken.name}"
    first.close()

    second = settled(make_window(), qtbot)
    assert daily_backups(paths) == [taken]  # the same day: no second backup
    assert not second.statusBar().currentMessage().startswith("Backed up")


def test_the_number_kept_comes_from_the_settings(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.settings import change_setting

    seed(paths, {DAY: "first"})
    for days in (3, 2):
        take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM - dt.timedelta(days=days))
    change_setting(paths.settings_file, "backup_keep", 2)
    settled(make_window(), qtbot)
    kept = daily_backups(paths)
    assert len(kept) == 2 and kept[-1].name.startswith(f"journal-{dt.date.today():%Y%m%d}")


def test_back_up_now_makes_a_verified_backup_and_says_so(window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    settled(window, qtbot)
    window.journal_view.editor.editor.insertPlainText("typed just now")
    with qtbot.waitSignal(window.care.backup_finished, timeout=10000) as done:
        action(window, "Back up now").trigger()
    info = done.args[0]
    assert info is not None and read_backup(info.path).entries == 1  # the unsaved text went in first
    assert window.statusBar().currentMessage() == f"Backed up: 1 entry, {info.path.name}"


def test_restore_from_backup_replaces_the_journal_and_keeps_the_old_one(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(paths, {DAY: "as it was on Monday"})
    old = take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM)
    seed(paths, {DAY: "rewritten later", DAY + dt.timedelta(days=1): "a newer day"})
    window = settled(make_window(), qtbot)
    window.open_day(DAY)
    assert window.journal_view.editor.text() == "rewritten later"
    current = digest(paths.database)

    dialog = open_restore_dialog(window, qtbot)
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.table.topLevelItem(i).text(2) for i in range(dialog.table.topLevelItemCount())]
    assert rows[-1] == old.path.name and len(rows) == 2  # today's daily backup on top, newest first
    assert dialog.table.topLevelItem(1).text(1) == "1 entry"
    asked = []
    window.care.confirm = lambda info: asked.append(info) or True
    dialog.select(1)
    with qtbot.waitSignal(window.care.restored, timeout=10000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [a.path for a in asked] == [old.path]
    aside = restored.args[0]
    assert aside.name.startswith("journal.sqlite3.replaced-") and digest(aside) == current
    assert window.db is not None and window.journal_view.isEnabled()
    assert window.journal_view.editor.text() == "as it was on Monday"  # the day on screen was re-read
    window.open_day(DAY + dt.timedelta(days=1))
    assert window.journal_view.editor.text() == ""
    assert "Restored the backup from" in window.statusBar().currentMessage()
    assert aside.name in window.statusBar().currentMessage()
    window.journal_view.editor.editor.insertPlainText("after the restore")
    assert window.journal_view.flush()
    assert Journal(window.db).get(DAY + dt.timedelta(days=1)).body == "after the restore"  # type: ignore[union-attr]


def test_a_restore_the_user_does_not_confirm_changes_nothing(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(paths, {DAY: "keep me"})
    take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM)
    window = settled(make_window(), qtbot)
    window.care.confirm = lambda info: False
    qtbot.mouseClick(open_restore_dialog(window, qtbot).restore_button, Qt.MouseButton.LeftButton)
    assert not list(paths.data_dir.glob("*.replaced-*"))
    window.open_day(DAY)
    assert window.journal_view.editor.text() == "keep me"


def test_a_damaged_journal_offers_the_newest_backup_and_is_never_written(paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True)
    write_journal(paths.database)
    take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM - dt.timedelta(days=1))
    newest = take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM)
    make_damaged_inside_entries(paths.database)
    before = digest(paths.database)

    window = open_on_damage(paths, qtbot)
    dialog = window.care.recovery_dialog
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(paths.database) in texts and "What was found:" in texts
    when = f"{YESTERDAY_9AM:%A} {YESTERDAY_9AM.day} {YESTERDAY_9AM:%B %Y, %H:%M}"
    assert f"The newest good backup is from {when}, with 30 entries ({newest.path.name})" in texts
    assert window.db is None and not window.journal_view.isEnabled()
    assert "Damaged" in window.where.text() and window.where.property("error") is True  # red: see app.qss
    assert not list(paths.backup_dir.glob(f"journal-{dt.date.today():%Y%m%d}-*"))  # no backup of damage
    qtbot.wait(200)
    assert digest(paths.database) == before

    with qtbot.waitSignal(window.care.restored, timeout=10000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    aside = restored.args[0]
    assert digest(aside) == before  # the damaged file, kept aside as it was
    assert window.db is not None and window.journal_view.isEnabled()
    assert window.where.property("error") is False
    window.open_day(DAY)
    assert window.journal_view.editor.text().startswith("Day 0: stand-up")
    settled(window, qtbot)
    assert window.care.damage is None and window.care.recovery_dialog.isHidden()
    window.shutdown()


def test_damage_found_by_the_background_check_stops_every_write(window, paths, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import rutjournal.core.storage.integrity as integrity

    settled(window, qtbot)
    window.care.recovery_dialog = None
    window.journal_view.editor.editor.insertPlainText("typed before the check")
    monkeypatch.setattr(
        integrity, "integrity_check", lambda path: CheckResult(path, ("*** in database main ***", "page 7"))
    )
    window.care.after_open()
    qtbot.waitUntil(lambda: window.care.recovery_dialog is not None, timeout=10000)
    before = digest(paths.database)
    assert window.db is None and window.journal_view.journal is None
    assert not window.journal_view.isEnabled()
    assert window.journal_view.flush()  # nothing to save into: nothing written
    window.open_data()  # a second open (the start-up timer) must not reopen a damaged journal
    assert window.db is None
    qtbot.wait(700)  # past the autosave delay
    assert digest(paths.database) == before
    labels = window.care.recovery_dialog.findChildren(QLabel)
    assert "What was found: *** in database main ***; page 7" in [label.text() for label in labels]


def test_text_typed_before_damage_was_found_goes_into_the_restored_journal(
    window, paths, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import rutjournal.core.storage.integrity as integrity

    settled(window, qtbot)
    Journal(window.db).save(DAY, "an earlier day", Scores(), [])
    take_backup(paths.database, paths.backup_dir)  # a backup to go back to (an empty journal gets none)
    window.care.recovery_dialog = None
    day = window.journal_view.day
    window.journal_view.editor.editor.insertPlainText("typed just before the check")
    monkeypatch.setattr(integrity, "integrity_check", lambda path: CheckResult(path, ("page 7 is damaged",)))
    window.care.after_open()
    qtbot.waitUntil(lambda: window.care.recovery_dialog is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.care.recovery_dialog.restore_button is not None, timeout=10000)
    monkeypatch.undo()
    with qtbot.waitSignal(window.care.restored, timeout=10000):
        qtbot.mouseClick(window.care.recovery_dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.journal_view.day == day
    assert window.journal_view.editor.text() == "typed just before the check"
    assert f"What you had typed on {long_day(day)} is saved in it." in window.statusBar().currentMessage()
    assert window.journal_view.flush()
    entry = window.journal_view.journal.get(day)
    assert entry is not None and entry.body == "typed just before the check"
    window.shutdown()


def test_with_no_backup_the_dialog_says_so_and_quit_leaves_the_file(paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True)
    make_damaged_inside_entries(paths.database)
    before = digest(paths.database)
    window = open_on_damage(paths, qtbot)
    dialog = window.care.recovery_dialog
    assert dialog.restore_button is None and dialog.choose_button is None
    assert "There is no backup to restore from." in dialog.offer.text()
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"File: {paths.database}" in labels
    assert "Show the folder" in [b.text() for b in dialog.buttons.buttons()]
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert digest(paths.database) == before
    assert not list(paths.data_dir.glob("*.replaced-*"))


def test_choose_another_restores_an_older_backup(paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True)
    seed(paths, {DAY: "older"})
    older = take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM - dt.timedelta(days=1))
    seed(paths, {DAY: "newer"})
    take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM)
    make_damaged_inside_entries(paths.database)
    window = open_on_damage(paths, qtbot)
    chooser = window.care.recovery_dialog.choose_another()
    assert chooser.table.topLevelItemCount() == 2
    chooser.select(1)
    assert chooser.selected() == read_backup(older.path)
    with qtbot.waitSignal(window.care.restored, timeout=10000):
        qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)
    window.open_day(DAY)
    assert window.journal_view.editor.text() == "older"
    window.shutdown()


@pytest.mark.parametrize("language", ["en", "de"])  # the damage is told by its kind, not by English words
def test_a_save_that_fails_on_damage_checks_the_file_and_offers_recovery(
    window, paths, qtbot, monkeypatch, language
) -> None:  # type: ignore[no-untyped-def]
    import rutjournal.core.storage.integrity as integrity
    from rutjournal.core import i18n
    from rutjournal.core.errors import DamagedDatabase

    i18n.use_language(language)
    settled(window, qtbot)
    window.care.recovery_dialog = None
    journal = window.journal_view.journal

    def damaged(*_args: object) -> None:
        said = {"en": "the journal file is damaged", "de": "die Tagebuchdatei ist beschädigt"}[language]
        raise DamagedDatabase(paths.database, said)

    monkeypatch.setattr(journal, "save_edit", damaged)
    monkeypatch.setattr(integrity, "integrity_check", lambda path: CheckResult(path, ("malformed page",)))
    window.journal_view.editor.editor.insertPlainText("this will not save")
    assert not window.journal_view.flush()
    qtbot.waitUntil(lambda: window.care.recovery_dialog is not None, timeout=10000)
    assert window.db is None and window.care.damage == "malformed page"
    assert not daily_backups(paths)[1:]  # the check after a failed save takes no backup


def test_the_file_menu_holds_backups_and_quit(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Import…",
        "Export…",
        "Settings…",
        "Back up now",
        "Restore from backup…",
        "Show backups folder",
        "Passphrase…",
        "Quit",
    ]
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.menuBar().actions()[0].text() == "&File"


def test_a_backup_that_fails_to_restore_leaves_the_journal_open(make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    seed(paths, {DAY: "still here"})
    bad = take_backup(paths.database, paths.backup_dir, now=YESTERDAY_9AM)
    window = settled(make_window(), qtbot)
    bad.path.write_bytes(b"SQLite format 3\x00" + bytes(4000))  # spoilt after it was listed
    assert window.care.restore(bad) is None
    assert "Not restored" in window.statusBar().currentMessage()
    assert window.db is not None and not list(paths.data_dir.glob("*.replaced-*"))
    window.open_day(DAY)
    assert window.journal_view.editor.text() == "still here"
