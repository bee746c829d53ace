"""The window's search box at work: results as the user types (after a short pause), Enter to the results,
Down into them, Esc back to the journal. The box itself is placed by ``window_parts.place_search_box``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

PAUSE_MS = 120  # typing faster than this runs one search, for the last text


class GlobalSearch(QObject):
    def __init__(self, window: WindowServices, box: QLineEdit) -> None:
        super().__init__(window.widget)
        self.window = window
        self.box = box
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.run)
        box.textChanged.connect(lambda _t: self.timer.start())
        box.returnPressed.connect(self.now)

    def listen(self) -> None:
        """Watch the box's keys (Down, Esc): from the window's start on (``MainWindow.open_data``), as an event
        filter that sees the box's events before the first paint costs the window's start (PySide6 looks up
        Qt's event types the first time a plain event reaches Python)."""
        self.box.installEventFilter(self)

    def focus(self) -> None:
        """Ctrl+F: into the box, its text selected to be typed over."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run(self) -> None:
        text = self.box.text()
        if text.strip():
            self.window.show_section("search")  # first, so the results are laid out at their real width
        elif self.window.pages.built_view("search") is None:
            return  # nothing asked, and no results on screen to clear
        self.window.pages.search_view.run(text)

    def now(self) -> None:
        """Enter: search at once, and go to the results."""
        self.timer.stop()
        self.run()
        self.window.pages.search_view.focus_results()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self.window.pages.search_view.focus_results()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.box.clear()
                self.window.show_section("journal")
                self.window.journal_view.editor.editor.setFocus()
                return True
        return super().eventFilter(watched, event)
