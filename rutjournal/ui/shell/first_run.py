"""The first run and the demo journal, as the window sees them.

The welcome is offered once the journal is open, when the settings say it was never shown and the journal has
no entry (one ``LIMIT 1`` query: nothing here grows with the journal). The demo journal lives in a folder of
its own (``paths.demo_data_dir``: the platform's data folder plus "-demo") and opens in a window of its own,
a second rutjournal started with ``--demo``, so it never mixes with the user's journal; that window says
"Demo journal" in its title and status bar.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import N_, _
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths, demo_data_dir, is_demo, resolve_paths
from rutjournal.core.settings import change_setting, load_settings

if TYPE_CHECKING:
    from rutjournal.ui.shell.welcome_dialog import WelcomeDialog
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
DEMO_TITLE = N_("rutjournal demo journal (made-up data)")  # the demo window's title: _(DEMO_TITLE)


def demo_paths(*, reset: bool = False) -> AppPaths | None:
    """The demo journal's paths, built the first time (None, after telling the user, if it cannot be)."""
    import sqlite3  # not on the way to the user's own window

    from rutjournal.core.demo import ensure_demo

    folder = demo_data_dir()
    try:
        ensure_demo(folder, reset=reset)
    except (RutjournalError, sqlite3.Error, OSError) as exc:
        log.exception("could not build the demo journal in %s", folder)
        from rutjournal.ui.widgets.message import tell_user

        tell_user(
            _("rutjournal: no demo journal"),
            _("Could not build the demo journal in {folder}: {why}").format(folder=folder, why=exc),
        )
        return None
    return resolve_paths(folder)


def demo_command() -> tuple[str, list[str]]:
    """How to start this rutjournal on the demo: the bundled binary itself, or this Python with -m."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "rutjournal", "--demo"]


def launch_demo() -> bool:
    """Start a second rutjournal on the demo journal (it builds the demo if need be); True if it started."""
    program, arguments = demo_command()
    from PySide6.QtCore import QProcess

    started = QProcess.startDetached(program, arguments)
    ok = bool(started[0] if isinstance(started, tuple) else started)
    log.info("started the demo journal window: %s", ok)
    return ok


class FirstRun(QObject):
    """The welcome (offered once) or the demo window's marks; ``launch_demo`` is a hook the tests replace."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.window = window
        self.launch_demo: Callable[[], bool] = launch_demo
        self.welcome_dialog: WelcomeDialog | None = None

    def install(self) -> None:
        """Mark a demo window as such, or offer the welcome once the user's journal is open."""
        window = self.window
        if is_demo(window.paths):
            window.app_title = _(DEMO_TITLE)  # the section is added to it as the user moves around
            window.widget.setWindowTitle(window.app_title)
            badge = QLabel(_("Demo journal: made-up data, kept apart from your own journal"))
            badge.setObjectName("demoBadge")
            badge.setAccessibleName(_("Demo journal"))
            font = badge.font()
            font.setBold(True)
            badge.setFont(font)
            window.widget.statusBar().addPermanentWidget(badge)
            window.ready.connect(lambda: open_on_latest_day(window))
            return
        window.ready.connect(lambda: offer_welcome(self))

    def open_demo(self) -> None:
        """Help → Explore the demo journal, and the welcome's second button."""
        if self.launch_demo():
            self.window.say(
                _(
                    "The demo journal is opening in a window of its own (the first time takes a few seconds). "
                    "This window stays on your own journal."
                ),
                15000,
            )
        else:
            self.window.say(_("Could not start the demo journal; see the log."), 15000)


def open_on_latest_day(window: WindowServices) -> None:
    """The demo's story ends on its last written day: open there, not on an empty today."""
    view = window.journal_view
    if view.journal is None:
        return
    latest = view.journal.latest_day(dt.date.today())
    if latest is not None and latest != view.day and view.journal.get(dt.date.today()) is None:
        view.show_day(latest, focus=True)


def offer_welcome(first: FirstRun) -> WelcomeDialog | None:
    """Show the welcome when it was never shown and the journal is empty; returns the dialog shown."""
    window = first.window
    if first.welcome_dialog is not None or window.db is None:
        return None
    settings_file = window.paths.settings_file
    if load_settings(settings_file).welcomed:
        return None
    from rutjournal.core.journal.service import Journal

    if not Journal(window.db).is_empty():  # someone who used rutjournal before the welcome: never ask again
        change_setting(settings_file, "welcomed", True)
        return None
    from rutjournal.ui.shell.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(window.paths.database, window.widget)
    dialog.chosen.connect(lambda choice: _chosen(first, choice))
    first.welcome_dialog = dialog
    dialog.open()
    return dialog


def _chosen(first: FirstRun, choice: str) -> None:
    window = first.window
    change_setting(window.paths.settings_file, "welcomed", True)
    if choice == "demo":
        first.open_demo()
    else:
        window.show_section("journal")
        window.journal_view.editor.editor.setFocus()
