"""The main window: sections, shortcuts, restored geometry, and refusing a database it must not touch."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QRect, Qt

from rutjournal.core.storage.db import open_database
from rutjournal.ui.shell.main_window import MainWindow


def test_only_built_sections_are_shown_and_shortcuts_switch_them(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Journal", "Load", "Grow", "Guidance", "Crossroads", "Trends", "Search"]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.load_view
    assert window.load_view.load is not None  # filled the first time it is shown
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.search_view
    assert window.windowTitle() == "rutjournal — Search"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.journal_view


def test_size_position_and_section_are_restored(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.setGeometry(QRect(10, 20, 770, 540))  # the offscreen screen is 800 x 600
    first.show_section("search")
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (770, 540)
    # Search holds no state of its own: a new start opens on today's entry, ready for typing.
    assert second.current_section() == "journal"
    assert second.settings.value("window/section") == "search"


def test_status_bar_says_where_the_data_lives(window) -> None:  # type: ignore[no-untyped-def]
    assert window.where.text() == f"Journal: {window.paths.database}"


def test_a_database_from_a_newer_version_is_refused_untouched(paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_database(paths.database).close()
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = paths.database.read_bytes()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_failed, timeout=3000) as failed:
        window.show()
    assert str(paths.database) in failed.args[0] and "newer version" in failed.args[0]
    assert not window.journal_view.isEnabled()
    assert paths.database.read_bytes() == before
    assert "Not opened" in window.where.text()


def test_a_file_that_is_not_a_database_is_refused_untouched(paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True)
    paths.database.write_text("my shopping list\n")
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_failed, timeout=3000) as failed:
        window.show()
    assert "not a rutjournal database" in failed.args[0]
    assert paths.database.read_text() == "my shopping list\n"


def test_every_control_has_an_accessible_name(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QPlainTextEdit

    unnamed = [
        w
        for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
        for w in window.findChildren(kind)
        if w.isVisibleTo(window) and not (w.accessibleName() or getattr(w, "text", lambda: "")())
    ]
    assert unnamed == []


def test_the_window_path_does_not_import_the_orm_before_showing() -> None:
    """Start-up shows the window first; SQLAlchemy and Alembic load only after it is on screen."""
    import subprocess
    import sys

    code = "import sys, rutjournal.ui.app; print(sorted(m for m in ('sqlalchemy', 'alembic', 'matplotlib') if m in sys.modules))"
    # a fresh process: what is imported shows only there
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_unexpected_error_is_logged_and_reported_with_the_log_path(capsys, caplog) -> None:  # type: ignore[no-untyped-def]
    import sys

    from rutjournal.ui.app import install_excepthook

    previous = sys.excepthook
    install_excepthook("/somewhere/rutjournal.log")
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    err = capsys.readouterr().err
    assert "boom" in err and "/somewhere/rutjournal.log" in err and "saved as you type" in err
    assert any("RuntimeError: boom" in record.getMessage() for record in caplog.records)
