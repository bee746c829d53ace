"""Every interactive widget has a name a screen reader can say, checked through QAccessible itself (so a
button's text counts, as it does for the user, and a name set on the wrong object does not)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from rutjournal.core.journal.service import Journal
from rutjournal.core.values import Scores
from rutjournal.ui.shell.main_window import MainWindow
from rutjournal.ui.shell.section_stack import KEYS
from rutjournal.ui.shell.shortcut_sheet import open_shortcut_sheet

INTERACTIVE = (
    QAbstractButton,  # push, tool, check and radio buttons
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes and date edits
    QAbstractItemView,
    QCalendarWidget,
    QAbstractSlider,
)
# Parts Qt builds inside a compound widget: the compound widget carries the name and a screen reader
# announces the part through it (the calendar's month buttons and grid, a combo box's line edit and popup,
# a spin box's line edit, a line edit's clear button, the menu bar's overflow arrow, a tree's header).
COMPOUND = (QCalendarWidget, QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QMenuBar)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def inside_compound(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(top: QWidget) -> list[str]:
    """Interactive widgets under ``top`` a screen reader could not name: class, object name, tooltip."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or inside_compound(widget, top):
            continue
        if type(widget).__name__ == "QScrollBar":  # a scroll area's bars: announced with the area
            continue
        if not accessible_name(widget):
            parent = widget.parentWidget()
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__} {parent.objectName() if parent else None!r}"
            )
    return missing


def fill(window: MainWindow) -> None:
    assert window.db is not None
    journal = Journal(window.db)
    today = dt.date.today()
    for back in range(5):
        journal.save(
            today - dt.timedelta(days=back + 1), f"Day {back}: met the team", Scores(mood=3), ["work"]
        )
    window.journal_view.show_day(today)


def test_every_section_names_its_widgets(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    fill(window)
    for key in KEYS:
        window.show_section(key)
        qtbot.wait(10)
    window.search_box.setText("team")
    qtbot.waitUntil(lambda: window.current_section() == "search", timeout=3000)
    missing = unnamed(window)
    assert missing == [], "\n".join(missing)
    checked = [w for w in window.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    assert len(checked) > 150  # every section was built and walked


def test_the_shortcut_sheet_names_its_widgets(window: MainWindow) -> None:
    sheet = open_shortcut_sheet(window)
    assert unnamed(sheet) == []


def test_import_and_export_name_their_widgets(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = Path(__file__).parents[1] / "fixtures" / "imports" / "jrnl" / "export.json"
    importer = window.transfer.open_import()
    assert importer is not None
    importer.set_source(source)
    qtbot.waitUntil(lambda: not importer.busy(), timeout=10000)
    assert unnamed(importer) == []
    importer.reject()
    exporter = window.transfer.open_export()
    assert exporter is not None
    assert unnamed(exporter) == []


def test_the_brain_dump_and_passphrase_dialogs_name_their_widgets(window: MainWindow) -> None:
    from rutjournal.ui.care.passphrase_settings_dialog import PassphraseSettingsDialog
    from rutjournal.ui.load.brain_dump_dialog import BrainDumpDialog

    window.show_section("load")
    assert window.load_view.load is not None
    for dialog in (BrainDumpDialog(window.load_view.load, window), PassphraseSettingsDialog(False, window)):
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.deleteLater()
