"""The main window: a sidebar of sections, a global search box, and a status bar that says where the data is.

The window shows before the database is opened (an older file's upgrade, the only use of SQLAlchemy and
Alembic, runs behind it), so the first paint never waits on the journal's size or on a migration.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import _, pgettext
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths
from rutjournal.ui.care.data_care import DataCare
from rutjournal.ui.care.text_purge import TextPurge
from rutjournal.ui.journal.journal_view import Draft, JournalView
from rutjournal.ui.shell.file_menu import build_file_menu
from rutjournal.ui.shell.first_run import FirstRun
from rutjournal.ui.shell.global_search import GlobalSearch
from rutjournal.ui.shell.help_menu import add_shortcut_sheet_action, build_help_menu
from rutjournal.ui.shell.live_refresh import LiveRefresh
from rutjournal.ui.shell.preferences import apply_week_start, current_settings
from rutjournal.ui.shell.section_icons import SectionIcons
from rutjournal.ui.shell.section_stack import SECTION_PROPERTY, SECTIONS, SectionStack
from rutjournal.ui.shell.startup_clock import StartupClock
from rutjournal.ui.shell.window_api import TrayApi
from rutjournal.ui.shell.window_parts import (
    ActivationWatch,
    CheckinOffer,
    DataPlace,
    build_sidebar,
    confirm_losing_edits,
    lay_out,
    place_search_box,
)
from rutjournal.ui.transfer.data_transfer import DataTransfer

if TYPE_CHECKING:
    import sqlite3

    from rutjournal.core.storage.db import Database
    from rutjournal.ui.crossroads.crossroads_view import CrossroadsView
    from rutjournal.ui.grow.grow_view import GrowView
    from rutjournal.ui.guidance.guidance_view import GuidanceView
    from rutjournal.ui.load.load_view import LoadView
    from rutjournal.ui.search.search_view import SearchView
    from rutjournal.ui.shell.single_instance import SingleInstance
    from rutjournal.ui.trends.trends_view import TrendsView

log = logger(__name__)
TRANSIENT_SECTIONS = {"search"}


class MainWindow(QMainWindow):
    """Its helpers (menus, tray, care, transfer, live refresh) see it as a ``window_api.WindowServices``."""

    data_failed = Signal(str)  # the database could not be opened: the message for the user
    ready = Signal()

    def __init__(self, paths: AppPaths, clock: StartupClock | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.clock = clock or StartupClock()
        self.db: Database | None = None
        self.search_conn: sqlite3.Connection | None = None
        self.rescued: Draft | None = None  # edits not saved when the file was found damaged
        self.put_back: Draft | None = None  # ... and put back into the journal opened after it
        self.settings = QSettings(str(paths.window_settings), QSettings.Format.IniFormat)
        self.app_title = "rutjournal"  # the demo window says so here (ui/first_run.py)
        self.instance: SingleInstance | None = (
            None  # the journal's lock: hand_over_lock (app.run_gui, a move)
        )
        self._started = False  # what waits until today is editable has been done (open_data)
        self.setWindowTitle(self.app_title)
        self.resize(1100, 720)
        self.setMinimumSize(760, 520)

        self.journal_view = JournalView()
        self.pages = SectionStack({"journal": self.journal_view}, self.open_day, lambda: self.search_conn)
        self.pages.section_wanted.connect(self.show_section)
        self.sidebar = build_sidebar()
        self.icons = cast("SectionIcons", self.sidebar.findChild(SectionIcons))  # tinted to the theme
        self.tray: TrayApi | None = None  # the reminder and tray icon, put there by ui/shell/tray.py
        self.checkin_banner = CheckinOffer()  # the monthly check-in, offered above the sections
        self.checkin_go, self.checkin_later = self.checkin_banner.go, self.checkin_banner.later
        self.checkin_go.clicked.connect(lambda: self.show_section("crossroads"))
        central, self.banners = lay_out(self.sidebar, self.checkin_banner, self.pages)  # banners: add_banner
        self.setCentralWidget(central)

        self.search_box = place_search_box(self)
        self.search = GlobalSearch(self, self.search_box)

        self.where = DataPlace(paths.database)
        self.statusBar().addWidget(self.where, 1)
        self.care = DataCare(self)  # backups, the start-of-day check, restoring and recovery
        self.first_run = FirstRun(self)  # the welcome, or the demo's title and badge
        self._actions()
        self.transfer = DataTransfer(self)  # File → Import… and Export…
        self.live = LiveRefresh(self)  # other processes' writes show within a second
        self.text_purge = TextPurge(self)  # deleted words leave the search index, retried until done
        self._connect()
        self.first_run.install()
        self.restore_state()
        apply_week_start(self.journal_view.calendar, current_settings().week_start)

    def _actions(self) -> None:
        def add(text: str, keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.file_menu, self.quit_action = build_file_menu(self, self.care)
        # TRANSLATORS: the action that puts the cursor in the search box (a verb)
        add(pgettext("action", "Search"), "Ctrl+F", self.search.focus)
        for words, keys, slot in self.journal_view.day_keys():
            add(words, keys, slot)
        for index, (key, title, keys) in enumerate(SECTIONS):
            go = add(_(title), keys, lambda _c=False, i=index: self.sidebar.setCurrentRow(i))
            go.setProperty(SECTION_PROPERTY, key)  # the shortcut sheet lists it under "Sections"
        add_shortcut_sheet_action(self)  # F1 or Ctrl+/
        self.help_menu = build_help_menu(self, self.first_run.open_demo)  # the sheet, the demo, About

    def _connect(self) -> None:
        self.sidebar.currentRowChanged.connect(self._switch_section)
        self.journal_view.task_requested.connect(self._task_from_journal)
        self.journal_view.evidence_requested.connect(self._evidence_from_journal)
        self.journal_view.today_wanted.connect(lambda: self.show_section("journal"))
        self.journal_view.saved.connect(lambda _d: self._search_again())
        self.ready.connect(self.care.after_open)
        self.care.checked.connect(self.text_purge.after_check)
        self.journal_view.save_failed.connect(self.care.save_failed)

    # --- start-up -----------------------------------------------------------------------------------------
    def paintEvent(self, e: QPaintEvent) -> None:
        if self.clock.visible is None:  # the first paint: the window is visible
            self.clock.mark_visible()
            QTimer.singleShot(0, self.open_data)
        super().paintEvent(e)

    def styled(self) -> None:
        """The style sheet came after the window was built (theme.styled_once): fit the sidebar to its font."""
        self.icons.fit_width()

    def open_data(self) -> None:
        """Open (and if need be upgrade) the database, then make today editable; what can wait until then
        (listening for other starts on this journal) comes after, opened or not."""
        try:
            self._open_data()
        finally:
            if not self._started:
                self._started = True
                if self.instance is not None:
                    self.instance.listen()
                # Python sees the window's events from here on: before, it would cost the first paint.
                ActivationWatch(self, self._activated)
                self.search.listen()
                self.icons.follow()

    def _open_data(self) -> None:
        if self.db is not None or self.care.damage is not None:
            return  # already open, or known damaged: only a restore opens it again
        import sqlite3  # with the journal, not before the first paint

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
            self.where.setText(_("Not opened: {why}").format(why=exc))
            self.data_failed.emit(str(exc))
            return
        search = self.pages.built_view("search")
        if search is not None:  # reopened (a restore): the results come from the new connection
            cast("SearchView", search).set_connection(self.search_conn)
        self.put_back, self.rescued = self.rescued, None
        if self.put_back is not None:  # typed before the damage was found: it goes into the restored journal
            self.journal_view.put_back(self.put_back)
        self.journal_view.set_read_only(db.read_only)
        self.where.show_open(self.paths.database, read_only=db.read_only, encrypted=encrypted)
        if notices:  # an earlier passphrase change was cut short: what was finished now, and what is left
            self.say(" ".join(notices), 30000)
        if self.current_section() in ("load", "grow", "guidance", "crossroads", "trends"):
            QTimer.singleShot(0, lambda: self._ensure_section(self.current_section()))
        if self.clock.mark_editable():
            QTimer.singleShot(0, self.close)
        QTimer.singleShot(0, self._offer_checkin)
        self.ready.emit()

    def _offer_checkin(self) -> None:
        if self.db is not None and self.current_section() != "crossroads":  # not offered where it is made
            self.checkin_banner.offer(self.db)

    # --- sections and search ------------------------------------------------------------------------------
    def current_section(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "journal"

    def show_section(self, key: str) -> None:
        for row, (name, _t, _k) in enumerate(SECTIONS):
            if name == key:
                self.sidebar.setCurrentRow(row)

    def _switch_section(self, row: int) -> None:
        self.save_pending()
        key = SECTIONS[max(row, 0)][0]
        if key == "crossroads":
            self.checkin_banner.hide()  # the section offers the check-in itself: one banner at most
        self.pages.view(key)  # built on first use
        self.pages.setCurrentIndex(max(row, 0))
        self.setWindowTitle(f"{self.app_title} — {_(SECTIONS[max(row, 0)][1])}")
        self._ensure_section(key)
        if SECTIONS[max(row, 0)][0] == "journal" and self.journal_view.isEnabled():
            self.journal_view.reload_if_changed()
            if not self.journal_view.editor.previewing():
                self.journal_view.editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def search_view(self) -> SearchView:
        return self.pages.search_view

    @property
    def load_view(self) -> LoadView:
        return self.pages.load_view

    @property
    def grow_view(self) -> GrowView:
        return self.pages.grow_view

    @property
    def guidance_view(self) -> GuidanceView:
        return self.pages.guidance_view

    @property
    def crossroads_view(self) -> CrossroadsView:
        return self.pages.crossroads_view

    @property
    def trends_view(self) -> TrendsView:
        return self.pages.trends_view

    def _search_again(self) -> None:
        if self.pages.built_view("search") is not None:  # not built yet: it has nothing on screen to update
            self.search_view.refresh()

    def _ensure_section(self, key: str) -> bool:
        """Fill a section the first time it is needed (they read through services, so not at start-up)."""
        if self.db is None:
            return False
        self.pages.fill(key, self.db)
        return True

    def _evidence_from_journal(self, text: str) -> None:
        if not self._ensure_section("grow"):
            return
        if self.grow_view.add_evidence_text(text, self.journal_view.day) is not None:
            words = _("Logged as evidence: “{text}” (Ctrl+3 to see it)").format(text=text.strip()[:60])
            self.say(words, 6000)

    def _task_from_journal(self, text: str) -> None:
        if not self._ensure_section("load"):
            return
        task_id = self.load_view.add_task_from_text(text)
        if task_id is not None:
            words = _("Added to Load: “{title}” (Ctrl+2 to see it)").format(
                title=self.load_view.title_of(task_id)
            )
            self.say(words, 6000)

    def open_day(self, day: dt.date) -> None:
        self.show_section("journal")
        self.journal_view.show_day(day, focus=True)

    # --- what the helpers use besides (window_api.WindowServices) ---------------------------------------------
    @property
    def widget(self) -> QMainWindow:
        return self

    @property
    def damage(self) -> str | None:
        return self.care.damage

    def say(self, text: str, ms: int = 0, *, error: bool | None = None) -> None:
        bar = self.statusBar()
        bar.showMessage(text, ms)
        if error is not None:
            bar.setProperty("error", error)
            bar.style().polish(bar)  # a dynamic property only restyles once the style is asked again

    def add_banner(self, banner: QWidget) -> None:
        self.banners.insertWidget(0, banner)

    def save_pending(self) -> bool:
        saved = self.journal_view.flush()
        if "guidance" in self.pages.built():
            self.guidance_view.save_conversation()
        return saved

    def running_jobs(self) -> frozenset[str]:
        importing, exporting = self.transfer.import_dialog, self.transfer.export_dialog
        running = {
            "backup": self.care.busy(),
            "import": importing is not None and importing.busy(),
            "export": exporting is not None and exporting.jobs.running(),
        }
        return frozenset(job for job, busy in running.items() if busy)

    def wait_for_backups(self) -> None:
        self.care.wait()

    def use_paths(self, paths: AppPaths) -> None:
        self.paths = paths  # the care, the passphrase and the About dialog read it from here
        backups = self.findChild(QAction, "backupsFolderAction")
        if backups is not None:
            backups.setStatusTip(str(paths.backup_dir))

    def hand_over_lock(self, lock: SingleInstance) -> None:
        previous, self.instance = self.instance, lock
        lock.activation_requested.connect(self.bring_to_front)
        if previous is not None:
            previous.release()

    # --- activation, state, shutdown ----------------------------------------------------------------------
    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _activated(self) -> None:  # the window became the active one (window_parts.ActivationWatch)
        if self.current_section() == "journal":
            self.journal_view.reload_if_changed()

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
        if not self.journal_view.flush() and not confirm_losing_edits(
            self, self.journal_view.save_label.text()
        ):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

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
            self.save_pending()
        else:  # a damaged file gets no more writes: unsaved edits are kept aside for the restored journal
            self.rescued = self.journal_view.take_draft() or self.rescued
        if self.search_conn is not None:
            self.search_conn.close()
            self.search_conn = None
        search = self.pages.built_view("search")
        if search is not None:
            cast("SearchView", search).conn = None
        if save:
            self.text_purge.run_if_owed()  # deleted words must not stay in the file
        self.journal_view.journal = None
        self.journal_view.setEnabled(False)
        self.pages.drop_built()
        if self.db is not None:
            self.db.close()
            self.db = None
