"""The main window's fixed furniture: the sidebar of sections, the banners' column, the check-in offer, the
word on where the journal is, the search box, and the question asked when today could not be saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.ui.shell.section_icons import set_section_icons
from rutjournal.ui.shell.section_stack import SECTIONS
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.storage.db import Database

log = logger(__name__)


def build_sidebar() -> QListWidget:
    """One row a section, its shortcut in the tooltip and an icon tinted to the theme."""
    sidebar = QListWidget()
    sidebar.setObjectName("sidebar")
    # TRANSLATORS: what a screen reader calls the sidebar: the list of the window's sections
    sidebar.setAccessibleName(_("Sections"))
    for key, title, keys in SECTIONS:
        item = QListWidgetItem(_(title))
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(f"{_(title)} ({keys})")
        sidebar.addItem(item)
    sidebar.setFixedWidth(150)
    set_section_icons(sidebar)  # tinted to the theme, and again when it changes
    return sidebar


class ActivationWatch(QObject):
    """Calls ``activated`` each time ``window`` becomes the active window. Installed once the window has
    started (``MainWindow.open_data``): a filter, or a ``changeEvent`` of the window's own, that sees its events
    before the first paint costs the start (PySide6 looks up Qt's event types for the first plain event)."""

    def __init__(self, window: QWidget, activated: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.activated = window, activated
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.ActivationChange
            and self.window.isActiveWindow()
        ):
            self.activated()
        return False


def lay_out(sidebar: QWidget, banner: QWidget, pages: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """The sidebar beside a column of banners over the sections; returns the whole and the column (where
    more banners go, on top)."""
    right = QWidget()
    column = QVBoxLayout(right)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(pages, 1)
    central = QWidget()
    row = QHBoxLayout(central)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addWidget(sidebar)
    row.addWidget(right, 1)
    return central, column


class DataPlace(QLabel):
    """The status bar's word on where the journal is: being opened, open (encrypted, read-only), or not."""

    def __init__(self, database: Path) -> None:
        super().__init__(_("Opening the journal in {path} …").format(path=database))
        self.setObjectName("dataPlace")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_open(self, database: Path, *, read_only: str | None, encrypted: bool) -> None:
        if read_only is not None:  # the file or its folder cannot be written: show it, save nothing
            # TRANSLATORS: {why} says why the journal cannot be written (a sentence from elsewhere)
            show_message(self, _("Read-only: {why}").format(why=read_only), error=True)
        elif encrypted:  # no longer red after a restore
            show_message(self, _("Journal: {path} (encrypted with your passphrase)").format(path=database))
        else:
            # TRANSLATORS: the status bar; {path} is the journal's database file
            show_message(self, _("Journal: {path}").format(path=database))
        self.setToolTip(_("Everything you write is saved in this file, on this computer only."))


class CheckinOffer(QWidget):
    """The monthly check-in offer, hidden until one is due, with its two buttons: go (the window shows
    Crossroads), or later. Never a modal."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("checkinOffer")
        self.hide()
        offer = QHBoxLayout(self)
        offer.setContentsMargins(8, 4, 8, 4)
        text = QLabel(
            _("A new month: two minutes of Crossroads check-in tells you whether to stay, push or leave.")
        )
        self.go = QPushButton(_("Check in now"))
        # TRANSLATORS: a button: put the monthly check-in off until later
        self.later = QPushButton(_("Later"))
        offer.addWidget(text, 1)
        offer.addWidget(self.go)
        offer.addWidget(self.later)
        self.go.clicked.connect(self.hide)
        self.later.clicked.connect(self.hide)

    def offer(self, db: Database) -> None:
        """Show the offer when this month has no check-in. A journal with no entry yet is someone's first day:
        a monthly stay-or-leave question would be noise."""
        from rutjournal.core.crossroads.service import Crossroads
        from rutjournal.core.journal.service import Journal

        try:
            due = not Journal(db).is_empty() and Crossroads(db).due()
        except Exception:  # the offer is a kindness: never let it stop the window
            log.exception("could not tell whether a check-in is due")
            return
        self.setVisible(due)


def place_search_box(window: QMainWindow) -> QLineEdit:
    """The global search box: beside the File menu, or in a toolbar row where the menu bar is the system's."""
    box = QLineEdit(clearButtonEnabled=True)
    box.setObjectName("searchBox")
    box.setPlaceholderText(_("Search entries and #tags  (Ctrl+F)"))
    box.setAccessibleName(_("Search"))
    # as wide as its hint in this language (French needs more than English), within reason
    hint = box.fontMetrics().horizontalAdvance(box.placeholderText()) + 48  # the frame and the clear button
    box.setMinimumWidth(min(max(320, hint), 480))
    bar = window.menuBar()
    if bar.isNativeMenuBar():  # the menus live at the top of the screen (macOS): a toolbar row
        toolbar = QToolBar(_("Search"), movable=False, floatable=False)
        toolbar.setObjectName("mainToolbar")
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


def confirm_losing_edits(parent: QWidget, why: str) -> bool:
    """Asked when today's text could not be saved on closing: True if the user chooses to quit anyway."""
    from PySide6.QtWidgets import QMessageBox  # not at start-up: the type costs some 3 ms

    answer = QMessageBox.warning(
        parent,
        _("rutjournal: not saved"),
        _(
            "Today's latest changes could not be saved:\n{why}\n\n"
            "Copy your text somewhere safe before quitting. Quit anyway?"
        ).format(why=why),
        QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
