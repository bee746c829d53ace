"""The main window's fixed furniture: the sidebar of sections, the check-in banner and the search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QToolBar,
    QWidget,
)

from rutjournal.ui.shell.section_icons import set_section_icons
from rutjournal.ui.shell.section_stack import SECTIONS


def build_sidebar() -> QListWidget:
    """One row a section, its shortcut in the tooltip and an icon tinted to the theme."""
    sidebar = QListWidget(objectName="sidebar")
    sidebar.setAccessibleName("Sections")
    for key, title, keys in SECTIONS:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(f"{title} ({keys})")
        sidebar.addItem(item)
    sidebar.setFixedWidth(150)
    set_section_icons(sidebar)  # tinted to the theme, and again when it changes
    return sidebar


def build_checkin_banner() -> tuple[QWidget, QPushButton, QPushButton]:
    """The monthly check-in offer (hidden until one is due) and its two buttons: go, or later."""
    banner = QWidget(objectName="checkinOffer")
    banner.hide()
    offer = QHBoxLayout(banner)
    offer.setContentsMargins(8, 4, 8, 4)
    text = QLabel("A new month: two minutes of Crossroads check-in tells you whether to stay, push or leave.")
    go = QPushButton("Check in now")
    later = QPushButton("Later")
    offer.addWidget(text, 1)
    offer.addWidget(go)
    offer.addWidget(later)
    return banner, go, later


def place_search_box(window: QMainWindow) -> QLineEdit:
    """The global search box: beside the File menu, or in a toolbar row where the menu bar is the system's."""
    box = QLineEdit(objectName="searchBox", clearButtonEnabled=True)
    box.setPlaceholderText("Search entries and #tags  (Ctrl+F)")
    box.setAccessibleName("Search")
    box.setMinimumWidth(320)
    bar = window.menuBar()
    if bar.isNativeMenuBar():  # the menus live at the top of the screen (macOS): a toolbar row
        toolbar = QToolBar("Search", objectName="mainToolbar", movable=False, floatable=False)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(box)
        window.addToolBar(toolbar)
    else:  # beside the File menu, so the menu bar and the search box share one row
        corner = QWidget(bar)  # parented: the binding does not hand it to the menu bar
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 3, 6, 3)
        row.addWidget(box)
        bar.setCornerWidget(corner, Qt.Corner.TopRightCorner)
    return box
