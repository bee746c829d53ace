"""The main window: a sidebar of sections, a global search box, and a status bar that says where the data is.

The window shows before the database is opened (SQLAlchemy and the migrations load behind it), so the first
paint never waits on the journal's size or the ORM's import time.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.errors import RutjournalError
from rutjournal.core.paths import AppPaths
from rutjournal.ui.care.data_care import DataCare
from rutjournal.ui.care.text_purge import TextPurge
from rutjournal.ui.journal.journal_view import Draft, JournalView
from rutjournal.ui.search.search_view import SearchView
from rutjournal.ui.shell.file_menu import build_file_menu
from rutjournal.ui.shell.first_run import install_first_run
from rutjournal.ui.shell.help_menu import build_help_menu
from rutjournal.ui.shell.live_refresh import LiveRefresh
from rutjournal.ui.shell.preferences import apply_week_start, current_settings
from rutjournal.ui.shell.section_stack import SECTIONS, SectionStack
from rutjournal.ui.shell.shortcut_sheet import add_shortcut_sheet_action
from rutjournal.ui.shell.startup_clock import StartupClock
from rutjournal.ui.shell.window_parts import build_checkin_banner, build_sidebar, place_search_box
from rutjournal.ui.transfer.data_transfer import DataTransfer
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.storage.db import Database
    from rutjournal.ui.crossroads.crossroads_view import CrossroadsView
    from rutjournal.ui.grow.grow_view import GrowView
    from rutjournal.ui.guidance.guidance_view import GuidanceView
    from rutjournal.ui.load.load_view import LoadView
    from rutjournal.ui.shell.single_instance import SingleInstance
    from rutjournal.ui.shell.tray import TrayPresence
    from rutjournal.ui.trends.trends_view import TrendsView

log = logging.getLogger(__name__)
TRANSIENT_SECTIONS = {"search"}


class MainWindow(QMainWindow):
    data_failed = Signal(str)  # the database could not be opened: the message for the user
    ready = Signal()

    def __init__(self, paths: AppPaths, clock: StartupClock | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.clock = clock or StartupClock()
        self.db: Database | None = None
        self.warm_up: threading.Thread | None = None
        self.search_conn: sqlite3.Connection | None = None
        self.rescued: Draft | None = None  # edits not saved when the file was found damaged
        self.put_back: Draft | None = None  # ... and put back into the journal opened after it
        self.settings = QSettings(str(paths.window_settings), QSettings.Format.IniFormat)
        self.app_title = "rutjournal"  # the demo window says so here (ui/first_run.py)
        self.instance: SingleInstance | None = None  # the journal's lock, handed over by app.run_gui
        self.setWindowTitle(self.app_title)
        self.resize(1100, 720)
        self.setMinimumSize(760, 520)

        self.journal_view = JournalView()
        self.search_view = SearchView()
        self.pages = SectionStack({"journal": self.journal_view, "search": self.search_view}, self.open_day)
        self.pages.section_wanted.connect(self.show_section)
        self.sidebar = build_sidebar()
        self.tray: TrayPresence | None = None  # the reminder and tray icon, put there by ui/tray.py
        # The monthly check-in is offered here, in a banner the user can act on or put off — never a modal.
        self.checkin_banner, self.checkin_go, self.checkin_later = build_checkin_banner()
        self.checkin_go.clicked.connect(lambda: (self.checkin_banner.hide(), self.show_section("crossroads")))
        self.checkin_later.clicked.connect(self.checkin_banner.hide)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.checkin_banner)
        column.addWidget(self.pages, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.search_box = place_search_box(self)
        self.search_timer = QTimer(self, singleShot=True, interval=120)
        self.search_timer.timeout.connect(self._run_search)

        self.where = QLabel(f"Opening the journal in {paths.database} …", objectName="dataPlace")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.where, 1)
        self.care = DataCare(self)  # backups, the start-of-day check, restoring and recovery
        self._actions()
        self.transfer = DataTransfer(self)  # File → Import… and Export…
        self.live = LiveRefresh(self)  # other processes' writes show within a second
        self.text_purge = TextPurge(self)  # deleted words leave the search index, retried until done
        self._connect()
        install_first_run(self)  # the welcome, or the demo's title and badge
        self.restore_state()
        apply_week_start(self.journal_view.calendar, current_settings().week_start)

    def _actions(self) -> None:
        def add(text: str, keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.file_menu, self.quit_action = build_file_menu(self, self.care)
        add("Search", "Ctrl+F", self.focus_search)
        for words, keys, slot in self.journal_view.day_keys():
            add(words, keys, slot)
        for index, (_key, title, keys) in enumerate(SECTIONS):
            add(title, keys, lambda _c=False, i=index: self.sidebar.setCurrentRow(i))
        add_shortcut_sheet_action(self)  # F1 or Ctrl+/
        self.help_menu = build_help_menu(self)  # the shortcut sheet, the demo, About (last, as usual)

    def _connect(self) -> None:
        self.sidebar.currentRowChanged.connect(self._switch_section)
        self.search_box.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_box.returnPressed.connect(self._search_now)
        self.search_box.installEventFilter(self)
        self.search_view.open_day.connect(self.open_day)
        self.journal_view.task_requested.connect(self._task_from_journal)
        self.journal_view.evidence_requested.connect(self._evidence_from_journal)
        self.journal_view.today_wanted.connect(lambda: self.show_section("journal"))
        self.journal_view.saved.connect(lambda _d: self.search_view.refresh())
        self.ready.connect(self.care.after_open)
        self.journal_view.save_failed.connect(self.care.save_failed)

    # --- start-up -----------------------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Paint and self.clock.visible is None:
            self.clock.mark_visible()
            QTimer.singleShot(0, self.open_data)
        return super().event(e)

    def open_data(self) -> None:
        """Open (and if need be upgrade) the database, then make today editable."""
        if self.db is not None or self.care.damage is not None:
            return  # already open, or known damaged: only a restore opens it again
        from rutjournal.core.journal.service import Journal
        from rutjournal.core.storage.cipher import is_encrypted
        from rutjournal.core.storage.connect import connect_raw
        from rutjournal.core.storage.db import open_database
        from rutjournal.core.storage.encryption import finish_interrupted
        from rutjournal.core.storage.integrity import is_damaged_file, problem_text

        # Looked at before any connection is open: closing a file this process has connections on drops their
        # locks, and another process's last close then deletes the WAL under them (a damaged journal).
        encrypted = is_encrypted(self.paths.database)
        try:
            notices = finish_interrupted(self.paths.database, self.paths.backup_dir)
            db = open_database(self.paths.database, backup_dir=self.paths.backup_dir)
            damage = db.damage  # found by another process (or an earlier run): recover, never write into it
            if damage is not None:
                db.close()
                self.care.journal_damaged(damage.words)
                return
            self.db = db
            self.search_conn = connect_raw(self.paths.database, read_only=db.read_only is not None)
            self.journal_view.set_journal(Journal(db))  # reads today: damage can show up here
        except (RutjournalError, sqlite3.DatabaseError) as exc:
            if is_damaged_file(exc):
                self.care.journal_damaged(problem_text(exc))
                return
            self.close_data(save=False)
            log.error("cannot open the journal: %s", exc)
            self.where.setText(f"Not opened: {exc}")
            self.data_failed.emit(str(exc))
            return
        self.search_view.set_connection(self.search_conn)
        self.put_back, self.rescued = self.rescued, None
        if self.put_back is not None:  # typed before the damage was found: it goes into the restored journal
            self.journal_view.put_back(self.put_back)
        locked = " (encrypted with your passphrase)" if encrypted else ""
        self.journal_view.set_read_only(db.read_only)
        if db.read_only is not None:  # the file or its folder cannot be written: show it, save nothing
            show_message(self.where, f"Read-only: {db.read_only}", error=True)
        else:
            show_message(
                self.where, f"Journal: {self.paths.database}{locked}"
            )  # no longer red after a restore
        self.where.setToolTip("Everything you write is saved in this file, on this computer only.")
        if notices:  # an earlier passphrase change was cut short: what was finished now, and what is left
            self.statusBar().showMessage(" ".join(notices), 30000)
        if self.current_section() in ("load", "grow", "guidance", "crossroads", "trends"):
            QTimer.singleShot(0, lambda: self._ensure_section(self.current_section()))
        if self.clock.mark_editable():
            QTimer.singleShot(0, self.close)
        QTimer.singleShot(0, self._offer_checkin)
        # Today is on screen from plain SQL; the ORM that saves it loads behind, off the GUI thread.
        self.warm_up = threading.Thread(target=self._warm_up, args=(db,), name="orm-warm-up", daemon=True)
        self.warm_up.start()
        self.ready.emit()

    def _offer_checkin(self) -> None:
        """Show the check-in banner when this month has no check-in (and the user is not already there). A
        journal with no entry yet is someone's first day: a monthly stay-or-leave question would be noise."""
        if self.db is None or self.current_section() == "crossroads":
            return
        from rutjournal.core.crossroads.service import Crossroads
        from rutjournal.core.journal.service import Journal

        try:
            due = not Journal(self.db).is_empty() and Crossroads(self.db).due()
        except Exception:  # the banner is a kindness: never let it stop the window
            log.exception("could not tell whether a check-in is due")
            return
        self.checkin_banner.setVisible(due)

    @staticmethod
    def _warm_up(db: Database) -> None:
        try:
            db.warm_up()
        except Exception:  # the first save will try again, on the GUI thread, and report what fails
            log.exception("could not prepare the database layer in the background")

    # --- sections and search ------------------------------------------------------------------------------
    def current_section(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "journal"

    def show_section(self, key: str) -> None:
        for row, (name, _t, _k) in enumerate(SECTIONS):
            if name == key:
                self.sidebar.setCurrentRow(row)

    def _switch_section(self, row: int) -> None:
        self.journal_view.flush()
        if "guidance" in self.built_sections():
            self.guidance_view.save_conversation()
        key = SECTIONS[max(row, 0)][0]
        if key == "crossroads":
            self.checkin_banner.hide()  # the section offers the check-in itself: one banner at most
        self.section_view(key)
        self.pages.setCurrentIndex(max(row, 0))
        self.setWindowTitle(f"{self.app_title} — {SECTIONS[max(row, 0)][1]}")
        self._ensure_section(key)
        if SECTIONS[max(row, 0)][0] == "journal" and self.journal_view.isEnabled():
            self.journal_view.reload_if_changed()
            if not self.journal_view.editor.previewing():
                self.journal_view.editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def section_view(self, key: str) -> QWidget:
        """The widget of a section, built on first use."""
        return self.pages.view(key)

    def built_sections(self) -> list[str]:
        """The lazily built sections that exist now (the ones to re-read after another writer)."""
        return self.pages.built()

    @property
    def load_view(self) -> LoadView:
        return self.section_view("load")  # type: ignore[return-value]

    @property
    def grow_view(self) -> GrowView:
        return self.section_view("grow")  # type: ignore[return-value]

    @property
    def guidance_view(self) -> GuidanceView:
        return self.section_view("guidance")  # type: ignore[return-value]

    @property
    def crossroads_view(self) -> CrossroadsView:
        return self.section_view("crossroads")  # type: ignore[return-value]

    @property
    def trends_view(self) -> TrendsView:
        return self.section_view("trends")  # type: ignore[return-value]

    def _ensure_section(self, key: str) -> bool:
        """Fill a section the first time it is needed (they read through services, so not at start-up)."""
        if self.db is None:
            return False
        self.pages.fill(key, self.db)
        return True

    def _ensure_load(self) -> bool:
        return self._ensure_section("load")

    def _evidence_from_journal(self, text: str) -> None:
        if not self._ensure_section("grow"):
            return
        if self.grow_view.add_evidence_text(text, self.journal_view.day) is not None:
            self.statusBar().showMessage(
                f"Logged as evidence: “{text.strip()[:60]}” (Ctrl+3 to see it)", 6000
            )

    def _task_from_journal(self, text: str) -> None:
        if not self._ensure_load():
            return
        task_id = self.load_view.add_task_from_text(text)
        if task_id is not None:
            self.statusBar().showMessage(
                f"Added to Load: “{self.load_view.title_of(task_id)}” (Ctrl+2 to see it)", 6000
            )

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _run_search(self) -> None:
        text = self.search_box.text()
        if text.strip():
            self.show_section("search")  # first, so the results are laid out at their real width
        self.search_view.run(text)

    def _search_now(self) -> None:
        self.search_timer.stop()
        self._run_search()
        self.search_view.focus_results()

    def open_day(self, day: dt.date) -> None:
        self.show_section("journal")
        self.journal_view.show_day(day, focus=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down:
                self.search_view.focus_results()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_box.clear()
                self.show_section("journal")
                self.journal_view.editor.editor.setFocus()
                return True
        return super().eventFilter(watched, event)

    # --- activation, state, shutdown ----------------------------------------------------------------------
    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        activated = event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
        if activated and self.current_section() == "journal":
            self.journal_view.reload_if_changed()
        super().changeEvent(event)

    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        section = str(self.settings.value("window/section", "journal"))
        # Search is a question asked, not a place: a new start opens on today's entry instead of empty results.
        self.show_section("journal" if section in TRANSIENT_SECTIONS else section)
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/section", self.current_section())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and self.tray.hide_to_tray(event):
            return  # living in the tray: saved and hidden, not closed
        if not self.journal_view.flush() and not self._confirm_losing_edits():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def _confirm_losing_edits(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            "rutjournal: not saved",
            f"Today's latest changes could not be saved:\n{self.journal_view.save_label.text()}\n\n"
            "Copy your text somewhere safe before quitting. Quit anyway?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def shutdown(self) -> None:
        """Save everything now; safe to call more than once (close, then quit)."""
        self.save_state()
        self.transfer.wait()  # an import still running is cancelled: it writes all or nothing
        self.care.wait()
        self.close_data(save=True)

    def close_data(self, *, save: bool) -> None:
        """Let go of the journal file: save first (never when it is damaged), close every connection, and
        forget the sections' services so that a reopened (restored) journal gets new ones."""
        if save:
            self.journal_view.flush()
            if "guidance" in self.built_sections():
                self.guidance_view.save_conversation()
        else:  # a damaged file gets no more writes: unsaved edits are kept aside for the restored journal
            self.rescued = self.journal_view.take_draft() or self.rescued
        if self.search_conn is not None:
            self.search_conn.close()
            self.search_conn = None
        self.search_view.conn = None
        if self.warm_up is not None:
            self.warm_up.join(10)
            self.warm_up = None
        if save:
            self.text_purge.run_if_owed()  # deleted words must not stay in the file
        self.journal_view.journal = None
        self.journal_view.setEnabled(False)
        self.pages.drop_built()
        if self.db is not None:
            self.db.close()
            self.db = None


def app_instance() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
