"""The first run: a welcome on an empty journal, once; the demo journal in a window and folder of its own."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from rutjournal.core.settings import change_setting, load_settings
from rutjournal.core.values import Scores
from rutjournal.ui.shell import first_run
from rutjournal.ui.shell.welcome_dialog import WelcomeDialog

OFFER_WELCOME = first_run.offer_welcome  # tests/ui/conftest.py turns it off for every other test


@pytest.fixture
def welcoming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_run, "offer_welcome", OFFER_WELCOME)


def test_an_empty_journal_is_welcomed_with_its_exact_path(welcoming, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.first_run.welcome_dialog
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert str(window.paths.database) in dialog.where.text()
    assert len(dialog.about.text().split("<br>")) == 3  # what the app does, in three lines
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert load_settings(window.paths.settings_file).welcomed is True


def test_the_demo_choice_opens_the_demo_elsewhere_and_is_not_asked_again(
    welcoming, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    started: list[bool] = []
    window.first_run.launch_demo = lambda: started.append(True) or True
    window.first_run.welcome_dialog.demo_button.click()
    assert started == [True]
    assert "demo journal is opening" in window.statusBar().currentMessage()
    assert load_settings(window.paths.settings_file).welcomed is True
    window.shutdown()
    again = make_window()
    assert again.first_run.welcome_dialog is None


def test_a_journal_with_entries_gets_no_welcome(welcoming, paths, make_window) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.journal.service import Journal
    from rutjournal.core.storage.db import open_database

    db = open_database(paths.database)
    Journal(db).save(dt.date(2026, 11, 2), "an old day", Scores(), [])
    db.close()
    window = make_window()
    assert window.first_run.welcome_dialog is None
    assert load_settings(paths.settings_file).welcomed is True  # never checked again


def test_a_welcomed_user_is_not_asked_again(welcoming, paths, make_window) -> None:  # type: ignore[no-untyped-def]
    change_setting(paths.settings_file, "welcomed", True)
    assert make_window().first_run.welcome_dialog is None


def test_the_demo_window_says_so_and_keeps_its_own_folder(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core import demo
    from rutjournal.core.paths import demo_data_dir, resolve_paths
    from rutjournal.ui.shell.main_window import MainWindow

    real_ensure = demo.ensure_demo
    monkeypatch.setattr(
        demo, "ensure_demo", lambda folder, reset=False: real_ensure(folder, today=dt.date(2026, 12, 1))
    )
    paths = first_run.demo_paths()
    assert paths is not None and paths.data_dir == demo_data_dir()
    assert paths.data_dir != resolve_paths().data_dir
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    try:
        assert window.windowTitle().startswith("rutjournal demo journal (made-up data)")
        badge = window.statusBar().findChild(QLabel, "demoBadge")
        assert badge is not None and "Demo journal" in badge.text()
        assert window.first_run.welcome_dialog is None
        assert not window.findChild(QAction, "demoAction").isVisible()  # no demo from inside the demo
        with window.db.reader() as conn:
            assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] > 50
            latest = conn.execute(
                "SELECT max(day) FROM entries WHERE day <= date('now', 'localtime')"
            ).fetchone()[0]
        # It opens on the demo's last written day, not on an empty today (issue 12).
        qtbot.waitUntil(lambda: window.journal_view.day.isoformat() == latest, timeout=3000)
        assert window.journal_view.editor.text().strip()
        # One banner at most: in Crossroads, the window's check-in banner gives way to the section's own.
        window.show_section("crossroads")
        assert not window.checkin_banner.isVisible()
    finally:
        window.shutdown()


def test_the_demo_is_started_as_this_rutjournal_with_demo() -> None:
    program, arguments = first_run.demo_command()
    assert arguments[-1] == "--demo" and program
