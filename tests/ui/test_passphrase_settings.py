"""File → Passphrase…: setting, changing and removing the passphrase from a real window, typed as a user would."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rutjournal.core.journal.service import Journal
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage import cipher, encryption
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores
from rutjournal.ui.care import passphrase_settings
from rutjournal.ui.care.passphrase_settings import PassphraseSettings
from rutjournal.ui.care.passphrase_settings_dialog import PassphraseSettingsDialog
from rutjournal.ui.shell.main_window import MainWindow

SECRET = "correct horse"
NEW_SECRET = "battery staple"
TODAY_TEXT = "Asked for the lead on the migration."
SQLITE_MAGIC = b"SQLite format 3\x00"


@pytest.fixture
def seeded(paths: AppPaths) -> Path:
    db = open_database(paths.database)
    try:
        Journal(db).append(dt.date.today(), TODAY_TEXT, Scores(mood=4), [])
    finally:
        db.close()
    return paths.database


@pytest.fixture
def encrypted(seeded: Path, paths: AppPaths) -> Path:
    """Encrypted by the core, then unlocked the way the start-up dialog does it."""
    encryption.set_passphrase(seeded, paths.backup_dir, SECRET)
    cipher.forget()
    cipher.unlock(seeded, SECRET)
    return seeded


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def header(path: Path) -> bytes:
    return path.read_bytes()[:16]


def settled(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.care.jobs, timeout=10000)
    return window


def settings_of(window: MainWindow) -> PassphraseSettings:
    found = window.findChild(PassphraseSettings)
    assert isinstance(found, PassphraseSettings)
    return found


def open_settings(window: MainWindow, qtbot) -> PassphraseSettingsDialog:  # type: ignore[no-untyped-def]
    [entry] = [a for a in window.file_menu.actions() if a.text() == "Passphrase…"]
    entry.trigger()
    dialog = settings_of(window).dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def press_ok(window: MainWindow, dialog: PassphraseSettingsDialog, qtbot) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(settings_of(window).done, timeout=30000) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return done.args[0], done.args[1]


def read_today(db_path: Path, passphrase: str | None) -> str:
    """Read today's entry as a new process would: no key held, then the passphrase given (if any)."""
    cipher.forget()
    if passphrase is not None:
        cipher.unlock(db_path, passphrase)
    db = open_database(db_path)
    try:
        entry = Journal(db).get(dt.date.today())
        assert entry is not None
        return entry.body
    finally:
        db.close()


def test_the_entry_sits_between_the_backups_and_quit(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[-3:] == ["Show backups folder", "Passphrase…", "Quit"]


def test_set_a_passphrase_encrypts_the_journal_and_its_backups(seeded, make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = settled(make_window(), qtbot)
    dialog = open_settings(window, qtbot)
    assert "not encrypted" in dialog.state.text() and dialog.tabs is None
    assert "nobody can read your journal" in dialog.findChild(type(dialog.state), "passphraseWarning").text()
    qtbot.keyClicks(dialog.new, SECRET)
    qtbot.keyClicks(dialog.repeat, SECRET)
    said, ok = press_ok(window, dialog, qtbot)

    assert ok and said == "The journal and 1 backup are now encrypted."
    assert window.statusBar().currentMessage() == said
    assert not dialog.isVisible()
    assert header(seeded) != SQLITE_MAGIC and cipher.marker_path(seeded).exists()
    [backup] = sorted(paths.backup_dir.glob("journal-*.sqlite3"))
    assert not cipher.is_plain(backup)
    assert window.db is not None and window.journal_view.isEnabled()
    assert window.where.text() == f"Journal: {seeded} (encrypted with your passphrase)"
    assert window.journal_view.editor.text() == TODAY_TEXT  # reopened without asking: the key is held
    qtbot.keyClicks(window.journal_view.editor.editor, " More.")
    assert window.journal_view.flush()
    window.shutdown()
    assert read_today(seeded, SECRET) == TODAY_TEXT + " More."


def test_change_the_passphrase(encrypted, make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = settled(make_window(), qtbot)
    dialog = open_settings(window, qtbot)
    assert "is encrypted" in dialog.state.text() and dialog.action() == "change"
    qtbot.keyClicks(dialog.current, SECRET)
    qtbot.keyClicks(dialog.new, NEW_SECRET)
    qtbot.keyClicks(dialog.repeat, NEW_SECRET)
    said, ok = press_ok(window, dialog, qtbot)

    assert ok and said == "The journal and 1 backup now open with the new passphrase only."
    assert window.journal_view.editor.text() == TODAY_TEXT
    window.shutdown()
    cipher.forget()
    with pytest.raises(cipher.WrongPassphrase):
        cipher.unlock(encrypted, SECRET)
    assert read_today(encrypted, NEW_SECRET) == TODAY_TEXT
    for backup in paths.backup_dir.glob("journal-*.sqlite3"):
        with pytest.raises(cipher.WrongPassphrase):
            cipher.unlock(backup, SECRET)


def test_remove_the_passphrase(encrypted, make_window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = settled(make_window(), qtbot)
    dialog = open_settings(window, qtbot)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.action() == "remove" and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.remove_current, SECRET)
    asked: list[bool] = []
    settings_of(window).confirm_remove = lambda: asked.append(True) or True
    said, ok = press_ok(window, dialog, qtbot)

    assert asked and ok and said == "The journal and 1 backup are stored unencrypted again."
    assert header(encrypted) == SQLITE_MAGIC and not cipher.marker_path(encrypted).exists()
    assert all(cipher.is_plain(p) for p in paths.backup_dir.glob("journal-*.sqlite3"))
    assert window.journal_view.editor.text() == TODAY_TEXT
    window.shutdown()
    assert read_today(encrypted, None) == TODAY_TEXT


def test_remove_not_confirmed_changes_nothing(encrypted, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    settled(window, qtbot)
    dialog = open_settings(window, qtbot)
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.remove_current, SECRET)
    settings_of(window).confirm_remove = lambda: False
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not settings_of(window).busy() and window.db is not None
    assert header(encrypted) != SQLITE_MAGIC and dialog.isVisible()


@pytest.mark.parametrize("tab", [0, 1], ids=["change", "remove"])
def test_a_wrong_current_passphrase_changes_nothing(encrypted, window, qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    settled(window, qtbot)
    window.close_data(save=True)  # the file as it stands with no connection open: the bytes to compare
    before = digest(encrypted)
    window.open_data()
    settled(window, qtbot)
    dialog = open_settings(window, qtbot)
    dialog.tabs.setCurrentIndex(tab)
    settings_of(window).confirm_remove = lambda: True
    current = dialog.current if tab == 0 else dialog.remove_current
    qtbot.keyClicks(current, "not the passphrase")
    if tab == 0:
        qtbot.keyClicks(dialog.new, NEW_SECRET)
        qtbot.keyClicks(dialog.repeat, NEW_SECRET)
    said, ok = press_ok(window, dialog, qtbot)

    assert not ok and said == "Wrong current passphrase. Nothing was changed."
    assert dialog.isVisible() and dialog.message.text() == said and dialog.message.property("error")
    assert current.text() == "" and dialog.ok_button.isEnabled() is False
    assert digest(encrypted) == before and cipher.marker_path(encrypted).exists()
    assert window.db is not None and window.journal_view.editor.text() == TODAY_TEXT
    assert cipher.passphrase_for(encrypted) == SECRET


def test_the_button_waits_for_two_matching_passphrases_of_eight_characters(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_settings(window, qtbot)
    assert not dialog.ok_button.isEnabled() and dialog.hint.isHidden()
    qtbot.keyClicks(dialog.new, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "5 of 8 characters so far."
    dialog.new.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.new, "abcdefgh1")
    qtbot.keyClicks(dialog.repeat, "abcdefgh2")
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "The two passphrases do not match yet."
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.repeat, "1")
    assert dialog.ok_button.isEnabled() and dialog.hint.isHidden()


def test_while_converting_the_window_holds_no_connection_and_cannot_close(
    seeded, window, paths, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    settled(window, qtbot)
    release = threading.Event()
    real = passphrase_settings.convert

    def slow(request, paths_):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(request, paths_)

    monkeypatch.setattr(passphrase_settings, "convert", slow)
    window.journal_view.editor.editor.insertPlainText("typed just before ")
    dialog = open_settings(window, qtbot)
    qtbot.keyClicks(dialog.new, SECRET)
    qtbot.keyClicks(dialog.repeat, SECRET)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    try:
        assert settings_of(window).busy() and not dialog.progress.isHidden()
        assert window.db is None and window.journal_view.journal is None
        assert not window.journal_view.isEnabled()
        window.close()
        dialog.reject()
        assert window.isVisible() and dialog.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not settings_of(window).busy(), timeout=30000)
    assert "typed just before" in window.journal_view.editor.text()  # saved first, read back after
    assert not cipher.is_plain(seeded)


def test_old_journals_kept_aside_are_named(seeded, window, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    settled(window, qtbot)
    aside = paths.data_dir / f"{paths.database.name}.replaced-20260101-120000"
    [backup] = sorted(paths.backup_dir.glob("journal-*.sqlite3"))
    aside.write_bytes(backup.read_bytes())  # a plain journal, as a restore would have kept it
    dialog = open_settings(window, qtbot)
    qtbot.keyClicks(dialog.new, SECRET)
    qtbot.keyClicks(dialog.repeat, SECRET)
    said, ok = press_ok(window, dialog, qtbot)
    assert ok and f"Still unencrypted: {aside.name}" in said
    assert dialog.isVisible() and aside.name in dialog.message.text()  # stays open so it can be read
    assert dialog.ok_button.isHidden() and cipher.is_plain(aside)


def test_a_failure_reopens_the_journal_as_it_was_and_says_why(
    seeded, window, paths, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.errors import DatabaseProblem

    settled(window, qtbot)

    def fails(db_path: Path, *_args: object) -> None:
        raise DatabaseProblem(db_path, "could not write the converted copy (disk full); it was left as it is")

    monkeypatch.setattr(encryption, "set_passphrase", fails)
    dialog = open_settings(window, qtbot)
    qtbot.keyClicks(dialog.new, SECRET)
    qtbot.keyClicks(dialog.repeat, SECRET)
    said, ok = press_ok(window, dialog, qtbot)
    assert not ok and said.startswith("Not done: could not write the converted copy (disk full)")
    assert dialog.isVisible() and dialog.message.text() == said and dialog.ok_button.isEnabled()
    assert window.statusBar().currentMessage() == said
    assert cipher.is_plain(seeded) and not cipher.marker_path(seeded).exists()
    assert window.db is not None and window.journal_view.editor.text() == TODAY_TEXT
