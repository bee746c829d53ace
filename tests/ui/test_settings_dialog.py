"""File → Settings…: every setting stored at once and applied at once; the journal moved to a new folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from rutjournal.core.paths import resolve_paths
from rutjournal.core.settings import load_settings
from rutjournal.core.values import Scores
from rutjournal.ui.shell.settings_dialog import SettingsDialog, open_settings


def stored(window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return json.loads(window.paths.settings_file.read_text())  # type: ignore[no-any-return]


def test_file_settings_opens_it_with_ctrl_comma(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    action = window.findChild(QAction, "settingsAction")
    assert action in window.file_menu.actions()
    actions = window.file_menu.actions()
    assert actions.index(action) < [a.objectName() for a in actions].index("backupsSection")
    assert action.shortcut().toString() == "Ctrl+,"
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder.text() == str(window.paths.data_dir)


def test_each_setting_is_stored_and_applied_at_once(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    applied: list[str] = []
    import rutjournal.ui.shell.settings_dialog as settings_dialog

    original = settings_dialog.apply_theme_choice
    settings_dialog.apply_theme_choice = lambda choice: applied.append(choice)  # type: ignore[assignment]
    try:
        dialog = open_settings(window)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    finally:
        settings_dialog.apply_theme_choice = original  # type: ignore[assignment]
    assert applied == ["dark"] and stored(window)["theme"] == "dark"

    dialog.week_start.setCurrentIndex(dialog.week_start.findData("sunday"))
    assert stored(window)["week_start"] == "sunday"
    assert window.journal_view.calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday

    dialog.backup_keep.setValue(30)
    assert stored(window)["backup_keep"] == 30 and window.care.keep() == 30
    dialog.backup_keep.setValue(9999)  # the box cannot hold it: the highest allowed is kept
    assert stored(window)["backup_keep"] == 365

    dialog.reminder_on.setChecked(True)
    dialog.reminder_time.setTime(QTime(8, 45))
    assert stored(window)["reminder_time"] == "08:45"
    dialog.reminder_on.setChecked(False)
    assert "reminder_time" not in stored(window)  # off: back to the default, no reminder
    assert dialog.reminder_time.isEnabled()  # it takes digits whether the reminder is on or not
    edit = dialog.reminder_time
    edit.setFocus()
    edit.setSelectedSection(edit.Section.HourSection)
    qtbot.keyClicks(edit, "0930")  # typing a time with the reminder off means "remind me then"
    assert dialog.reminder_on.isChecked() and stored(window)["reminder_time"] == "09:30"
    dialog.reminder_on.setChecked(False)

    dialog.tray.setChecked(True)
    assert stored(window)["live_in_tray"] is True

    window.show_section("trends")
    dialog.trend_window.setCurrentIndex(dialog.trend_window.findData(365))
    assert stored(window)["trend_window_days"] == 365
    assert window.trends_view.range_box.currentData() == 365  # the open Trends view follows
    assert dialog.status.text() == "Saved."


def test_the_dialog_shows_what_is_stored_and_trends_open_on_it(paths, make_window) -> None:  # type: ignore[no-untyped-def]
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(
        json.dumps({"trend_window_days": 30, "week_start": "saturday", "reminder_time": "07:05"})
    )
    window = make_window()
    assert window.journal_view.calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    window.show_section("trends")
    assert window.trends_view.range_box.currentData() == 30
    dialog = open_settings(window)
    assert dialog.reminder_on.isChecked() and dialog.reminder_time.time() == QTime(7, 5)
    assert dialog.trend_window.currentData() == 30


def _fill(window) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.service import Journal

    for n in range(3):
        Journal(window.db).save(dt.date(2026, 11, 2 + n), f"day {n}", Scores(mood=4), ["work"])


def test_the_journal_moves_and_the_window_follows(
    window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")
    _fill(window)
    old_db = window.paths.database
    target = tmp_path / "new place"
    dialog = open_settings(window)
    dialog.choose_folder = lambda: target
    dialog.confirm_move = lambda _t: True
    with qtbot.waitSignal(dialog.mover.finished, timeout=10000) as done:
        dialog.move_button.click()
    ok, text = done.args
    assert ok, text
    assert "now keeps your journal in" in text and str(target) in text
    assert window.paths.data_dir == target and window.care.paths.data_dir == target
    assert resolve_paths().data_dir == target
    assert load_settings(window.paths.settings_file).data_dir == str(target)
    assert not old_db.exists()
    kept = list(old_db.parent.glob("journal.sqlite3.moved-*"))
    assert len(kept) == 1 and kept[0].name in text
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    with window.db.reader() as conn:
        days = [r[0] for r in conn.execute("SELECT body FROM entries ORDER BY day")]
    assert days == ["day 0", "day 1", "day 2"]
    assert window.where.text() == f"Journal: {target / 'journal.sqlite3'}"
    assert dialog.folder.text() == str(target)
    assert window.journal_view.isEnabled()
    assert window.instance is not None and window.instance.paths.data_dir == target
    window.instance.release()


def test_a_folder_with_a_journal_is_refused_and_nothing_moves(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.storage.db import open_database

    _fill(window)
    taken = tmp_path / "taken"
    open_database(taken / "journal.sqlite3").close()
    dialog = open_settings(window)
    dialog.choose_folder = lambda: taken
    dialog.confirm_move = lambda _t: True
    with qtbot.waitSignal(dialog.mover.finished, timeout=5000) as done:
        dialog.move_button.click()
    assert done.args[0] is False and "holds no journal yet" in done.args[1]
    assert window.paths.database.exists() and window.db is not None
    assert load_settings(window.paths.settings_file).data_dir == ""
    assert dialog.status.property("error") is True


def test_the_demo_journal_cannot_be_moved(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.paths import demo_data_dir
    from rutjournal.ui.shell.main_window import MainWindow

    window = MainWindow(resolve_paths(demo_data_dir()))
    qtbot.addWidget(window)
    dialog = SettingsDialog(window)
    assert not dialog.move_button.isEnabled()
    assert "demo" in dialog.move_button.toolTip()
    window.shutdown()
    QApplication.processEvents()


def test_the_first_run_settings_and_about_dialogs_name_their_widgets(window) -> None:  # type: ignore[no-untyped-def]
    from test_accessibility import unnamed  # type: ignore[import-not-found]

    from rutjournal.ui.shell.about_dialog import AboutDialog
    from rutjournal.ui.shell.welcome_dialog import WelcomeDialog

    for dialog in (
        open_settings(window),
        AboutDialog(window.paths, window),
        WelcomeDialog(window.paths.database, window),
    ):
        assert unnamed(dialog) == [], type(dialog).__name__
