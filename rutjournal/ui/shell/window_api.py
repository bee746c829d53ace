"""What the main window's helpers may use of it: a small interface instead of the whole ``MainWindow``.

The menus, the first run, the tray, the care of the file (backups, passphrase, moving it), import and export
and the live refresh each get the window as a ``WindowServices``: the journal that is open, the sections, the
status bar and the few commands that open, save and close. They import this module, never ``main_window``, so
the window can import them without a circle, and mypy catches a helper reaching for anything not named here
(or giving the window an attribute of its own: state a helper keeps lives in the helper's object).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import sqlite3

    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

    from rutjournal.core.paths import AppPaths
    from rutjournal.core.settings import Settings
    from rutjournal.core.storage.db import Database
    from rutjournal.ui.journal.journal_view import Draft, JournalView
    from rutjournal.ui.shell.section_stack import SectionStack
    from rutjournal.ui.shell.single_instance import SingleInstance


class TrayApi(Protocol):
    """The tray as the window sees it (``ui/shell/tray.py``): it follows the settings and may keep the window."""

    def apply_settings(self, settings: Settings) -> None: ...

    def hide_to_tray(self, event: QCloseEvent) -> bool: ...


class WindowServices(Protocol):
    """The members of the main window its helpers may use."""

    # --- the window as Qt sees it, and the things on it ---------------------------------------------------
    @property
    def widget(self) -> QMainWindow:
        """The parent of the helpers' objects and dialogs; its menu bar, actions and status bar."""

    @property
    def settings(self) -> QSettings:
        """The window's own state file (geometry, the section, the day last reminded)."""

    @property
    def ready(self) -> SignalInstance:
        """Emitted once the journal is open and today is on screen."""

    @property
    def file_menu(self) -> QMenu: ...

    @property
    def quit_action(self) -> QAction: ...

    @property
    def where(self) -> QLabel:
        """The status bar's word on where the journal is (and whether it is damaged or read-only)."""

    app_title: str  # the title the section's name is added to ("rutjournal", or the demo's)
    tray: TrayApi | None  # the reminder and tray icon, when ``install_tray`` put them there

    def say(self, text: str, ms: int = 0, *, error: bool | None = None) -> None:
        """A message in the status bar for ``ms`` (0: until the next one); ``error`` colours it, None leaves
        the colour as it was."""

    def add_banner(self, banner: QWidget) -> None:
        """Put a banner at the top of the column above the sections (never a modal)."""

    def bring_to_front(self) -> None: ...

    def save_state(self) -> None:
        """Store the geometry and the section shown."""

    # --- the journal ----------------------------------------------------------------------------------------
    @property
    def paths(self) -> AppPaths: ...

    @property
    def db(self) -> Database | None:
        """The open journal (None while it is closed, being converted or moved, or known damaged)."""

    @property
    def search_conn(self) -> sqlite3.Connection | None:
        """The window's long-lived read connection (closed with the journal)."""

    @property
    def damage(self) -> str | None:
        """SQLite's words while the journal is known to be damaged."""

    @property
    def put_back(self) -> Draft | None:
        """Text typed before the damage was found, put back into the journal restored after it."""

    def open_data(self) -> None: ...

    def close_data(self, *, save: bool) -> None: ...

    def save_pending(self) -> bool:
        """Write what is on screen (today's text, the guidance conversation); False if today could not be."""

    def running_jobs(self) -> frozenset[str]:
        """Which of "backup", "import" and "export" run now on a thread over the journal file."""

    def wait_for_backups(self) -> None:
        """Let the backups and checks running now finish (before the file is rewritten)."""

    def use_paths(self, paths: AppPaths) -> None:
        """Point the window and its parts at the journal's new folder."""

    def hand_over_lock(self, lock: SingleInstance) -> None:
        """Hold ``lock`` (one rutjournal per journal) and let go of the one held before."""

    # --- the sections ---------------------------------------------------------------------------------------
    @property
    def journal_view(self) -> JournalView: ...

    @property
    def pages(self) -> SectionStack: ...

    def current_section(self) -> str: ...

    def show_section(self, key: str) -> None: ...

    def open_day(self, day: dt.date) -> None: ...
