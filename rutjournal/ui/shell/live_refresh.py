"""Showing what other processes wrote — ``rutjournal add``, ``rutjournal task add``, a second tool — within about
a second, without the user switching sections.

SQLite's ``PRAGMA data_version`` on the window's one long-lived read connection (the search connection, opened
in ``open_data`` and closed in ``close_data``) changes when any other connection commits; it is read twice a
second, a look at the file's header that costs microseconds whatever the journal's size. On a change the day on
screen, the calendar's marks and the streak are read again (an edit in progress is left alone: its save merges
what came underneath), the section on screen re-reads now — or, while the user is editing there, as soon as
they stop — and the other built sections when next shown. The window's own saves change the number too; every
re-read shows what is stored and keeps the selection, so for them it costs a read and moves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from rutjournal.core.logsetup import logger

if TYPE_CHECKING:
    import sqlite3

    from rutjournal.ui.shell.section_stack import SectionStack
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
POLL_MS = 500
READ_WHEN_SHOWN = frozenset(
    {"guidance", "crossroads", "trends"}
)  # SectionStack.fill re-reads these on a switch


def reread(pages: SectionStack, key: str) -> None:
    """Have one section read the journal again (after an import, or another process's write)."""
    if key == "search":
        pages.search_view.refresh()
    elif key == "load":
        pages.load_view.reload()
    elif key == "grow":
        pages.grow_view.reread()
    elif key == "guidance":
        pages.guidance_view.save_conversation()  # what is typed there goes in first, never under the re-read
        pages.guidance_view.refresh()
    elif key == "crossroads":
        pages.crossroads_view.refresh()
    elif key == "trends":
        pages.trends_view.refresh()
    else:
        raise KeyError(key)  # the journal re-reads its day itself (JournalView.refresh_from_store)


def reread_all(pages: SectionStack, keys: Iterable[str]) -> list[str]:
    """Re-read each section; one failing to redraw must not stop the others. Returns the ones that failed."""
    failed = []
    for key in keys:
        try:
            reread(pages, key)
        except Exception:
            log.exception("could not re-read %s", key)
            failed.append(key)
    return failed


def is_busy(pages: SectionStack, key: str) -> bool:
    """Whether re-reading the section now would disturb the user: a cell being edited, or typing in fields
    that the re-read fills again."""
    focus = QApplication.focusWidget()
    if key == "load":
        return pages.load_view.table.state() == QAbstractItemView.State.EditingState
    if key == "grow":
        grow = pages.grow_view
        goal_fields = (grow.goal_status, grow.goal_due_edit, grow.goal_percent)
        editing = grow.tree.state() == QAbstractItemView.State.EditingState
        return editing or any(w is focus or w.isAncestorOf(focus) for w in goal_fields if focus is not None)
    if key == "guidance":
        return focus is not None and pages.guidance_view.editor.isAncestorOf(focus)
    return False


class LiveRefresh(QObject):
    """Polls the journal for other writers' commits and has the views read again."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.window = window
        self.stale: set[str] = set()  # sections to re-read when shown (or when the user stops editing there)
        self._conn: sqlite3.Connection | None = None
        self._version = 0
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        window.pages.currentChanged.connect(lambda _i: QTimer.singleShot(0, self, self._shown))
        window.ready.connect(self.poll)  # the first look as soon as the journal is open

    def poll(self) -> bool:
        """Look once. True if another connection committed since the last look (the views were told)."""
        import sqlite3  # these load with the journal, not on the way to the first paint

        from rutjournal.core.journal.reading import data_version

        conn = self.window.search_conn
        if conn is None or self.window.db is None:
            self._conn = None
            return False
        try:
            version = data_version(conn)
        except sqlite3.Error as exc:  # damage or a lost file shows itself on the next real read
            if self._conn is not None:  # said once, not twice a second
                log.warning("could not look for other writers: %s", exc)
            self._conn = None
            return False
        if conn is not self._conn:  # just opened (or reopened after a restore): the sections read afresh
            self._conn, self._version = conn, version
            self.stale.clear()
            self._reread_day()  # what was written between the day's first read and this look
            return False
        if version == self._version:
            self._reread_current()  # one the user was editing in when the change came
            return False
        self._version = version
        self.changed()
        return True

    def changed(self) -> None:
        self._reread_day()
        self.stale.update(self.window.pages.built())  # search among them once it has been opened
        self._reread_current()

    def _reread_day(self) -> None:
        try:
            self.window.journal_view.refresh_from_store()
        except Exception:
            log.exception("could not re-read the day on screen")

    def _reread_current(self) -> None:
        key = self.window.current_section()
        if key in self.stale and not is_busy(self.window.pages, key):
            self.stale.discard(key)
            reread_all(self.window.pages, [key])

    def _shown(self) -> None:
        key = self.window.current_section()
        if key in READ_WHEN_SHOWN:
            self.stale.discard(key)  # filled again by the switch itself
        else:
            self._reread_current()
