"""The passphrase asked at start for an encrypted journal: three tries, then quit with the file untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from rutjournal.core.journal.service import Journal
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage import cipher, encryption
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores
from rutjournal.ui.care.passphrase_dialog import PassphraseDialog
from rutjournal.ui.shell.main_window import MainWindow

SECRET = "correct horse"
TODAY_TEXT = "Asked for the lead on the migration."


@pytest.fixture
def encrypted(paths: AppPaths) -> Path:
    db = open_database(paths.database)
    try:
        Journal(db).append(dt.date.today(), TODAY_TEXT, Scores(mood=4), [])
    finally:
        db.close()
    encryption.set_passphrase(paths.database, paths.backup_dir, SECRET)
    cipher.forget()
    return paths.database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer(qtbot, dialog: PassphraseDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.field, text)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)


def test_a_wrong_then_the_right_passphrase_opens_the_journal(encrypted: Path, paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PassphraseDialog(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    answer(qtbot, dialog, "not the passphrase")
    assert "Wrong passphrase" in dialog.message.text() and "2 tries left" in dialog.message.text()
    assert dialog.isVisible() and dialog.field.text() == ""
    answer(qtbot, dialog, SECRET)
    assert dialog.result() == QDialog.DialogCode.Accepted
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    try:
        assert window.journal_view.editor.editor.toPlainText() == TODAY_TEXT
        qtbot.keyClicks(window.journal_view.editor.editor, " More.")
        assert window.journal_view.flush()
    finally:
        window.shutdown()
    db = open_database(encrypted)
    try:
        assert Journal(db).get(dt.date.today()).body.endswith("More.")  # type: ignore[union-attr]
    finally:
        db.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT count(*) FROM entries")


def test_three_wrong_passphrases_give_up_and_leave_the_file_alone(encrypted: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = digest(encrypted)
    files = sorted(p.name for p in encrypted.parent.iterdir())
    dialog = PassphraseDialog(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in ("wrong one 1", "wrong one 2"):
        answer(qtbot, dialog, attempt)
        assert dialog.isVisible()
    assert "One try left" in dialog.message.text()
    answer(qtbot, dialog, "wrong one 3")
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.gave_up
    assert "3 times" in dialog.message.text() and "not changed" in dialog.message.text()
    assert digest(encrypted) == before and sorted(p.name for p in encrypted.parent.iterdir()) == files
    assert cipher.passphrase_for(encrypted) is None


def test_the_app_quits_after_three_wrong_passphrases(
    encrypted: Path, paths: AppPaths, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import sys

    from rutjournal.ui.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    before = digest(encrypted)
    typed: list[str] = []

    def type_into_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PassphraseDialog):
            typed.append("x")
            answer(qtbot, dialog, f"wrong passphrase {len(typed)}")
        if len(typed) < 3:
            QTimer.singleShot(20, type_into_the_dialog)

    QTimer.singleShot(20, type_into_the_dialog)
    assert run_gui(str(paths.data_dir)) == 1
    assert len(typed) == 3
    assert digest(encrypted) == before
