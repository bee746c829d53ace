"""The window's Help menu (``window.help_menu``): the keyboard shortcut sheet, the demo journal, and About
last, where people look for it. Later entries can be inserted before the ``aboutSection`` separator.

The sheet's own module (ui/shell/shortcut_sheet.py) is imported when the sheet is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from rutjournal.core.i18n import _
from rutjournal.core.paths import is_demo

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices


SHEET_KEYS = (QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+/"))


def add_shortcut_sheet_action(window: WindowServices) -> QAction:
    """The "Keyboard shortcuts" action, on the window (the Help menu, built after it, lists it too)."""
    action = QAction(_("Keyboard shortcuts"), window.widget)
    action.setObjectName("shortcutSheetAction")
    action.setShortcuts(list(SHEET_KEYS))
    action.setStatusTip(_("List every keyboard shortcut"))
    action.triggered.connect(lambda _c=False: _open_sheet(window))
    window.widget.addAction(action)
    return action


def _open_sheet(window: WindowServices) -> None:
    from rutjournal.ui.shell.shortcut_sheet import open_shortcut_sheet

    open_shortcut_sheet(window)


def build_help_menu(window: WindowServices, open_demo: Callable[[], None]) -> QMenu:
    """The menu; ``open_demo`` starts the demo journal's window (``FirstRun.open_demo``)."""
    widget = window.widget
    menu = widget.menuBar().addMenu(_("&Help"))
    menu.setObjectName("helpMenu")
    demo = QAction(_("Explore the demo journal"), widget)
    demo.setObjectName("demoAction")
    demo.setStatusTip(_("Open made-up data in a window of its own, apart from your journal"))
    demo.triggered.connect(lambda: open_demo())
    demo.setVisible(not is_demo(window.paths))  # the demo window is the demo already
    about = QAction(_("About rutjournal"), widget)
    about.setObjectName("aboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    sheet = widget.findChild(QAction, "shortcutSheetAction")  # made before the menu (see above)
    if sheet is not None and sheet not in menu.actions():
        menu.addAction(sheet)
    menu.addAction(demo)
    menu.addSeparator().setObjectName("aboutSection")
    menu.addAction(about)
    return menu


def show_about(window: WindowServices) -> None:
    from rutjournal.ui.shell.about_dialog import AboutDialog

    dialog = window.widget.findChild(AboutDialog)
    if dialog is None:
        dialog = AboutDialog(window.paths, window.widget)
    dialog.set_paths(window.paths)  # the journal may have moved since it was last shown
    dialog.open()
