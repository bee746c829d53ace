"""The window's Help menu (``window.help_menu``): the keyboard shortcut sheet, the demo journal, and About
last, where people look for it. Later entries can be inserted before the ``aboutSection`` separator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from rutjournal.core.paths import is_demo

if TYPE_CHECKING:
    from rutjournal.ui.shell.main_window import MainWindow


def build_help_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().addMenu(window.tr("&Help"))
    menu.setObjectName("helpMenu")
    demo = QAction(window.tr("Explore the demo journal"), window, objectName="demoAction")
    demo.setStatusTip(window.tr("Open made-up data in a window of its own, apart from your journal"))
    demo.triggered.connect(lambda: _open_demo(window))
    demo.setVisible(not is_demo(window.paths))  # the demo window is the demo already
    about = QAction(window.tr("About rutjournal"), window, objectName="aboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    sheet = window.findChild(QAction, "shortcutSheetAction")  # made before the menu (ui/shortcut_sheet.py)
    if sheet is not None and sheet not in menu.actions():
        menu.addAction(sheet)
    menu.addAction(demo)
    menu.addSeparator().setObjectName("aboutSection")
    menu.addAction(about)
    return menu


def _open_demo(window: MainWindow) -> None:
    from rutjournal.ui.shell.first_run import open_demo

    open_demo(window)


def show_about(window: MainWindow) -> None:
    from rutjournal.ui.shell.about_dialog import AboutDialog

    dialog = window.findChild(AboutDialog)
    if dialog is None:
        dialog = AboutDialog(window.paths, window)
    dialog.set_paths(window.paths)  # the journal may have moved since it was last shown
    dialog.open()
