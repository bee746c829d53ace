"""The daily reminder and the tray icon: at the chosen time, if today has no entry, one invitation to write.

Where the desktop has a tray, the invitation is a tray notification and the window can live in the tray when
closed; where it has none (some desktops, the offscreen test screen), nothing breaks: closing quits as before
and the invitation is a banner in the window. A timer stalls while the machine sleeps, so the reminder also
looks every few minutes whether today's time has passed; it reminds once a day at most.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from rutjournal.core.i18n import N_, _
from rutjournal.core.logsetup import logger
from rutjournal.core.settings import Settings

if TYPE_CHECKING:
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
REMINDER_TITLE = "rutjournal"  # the app's name, the same in every language
REMINDER_TEXT = N_("Two minutes for today's entry?")  # shown as _(REMINDER_TEXT)
LOOK_AGAIN_S = 5 * 60  # at most this long between looks, so a sleep past the time is noticed on waking
LAST_REMINDED_KEY = "reminder/last_day"


def parse_time(text: str) -> dt.time | None:
    """The reminder time from the settings ("HH:MM"), or None for no reminder."""
    if not text:
        return None
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def seconds_until(now: dt.datetime, at: dt.time) -> float:
    """Seconds from ``now`` to the next time the clock shows ``at``: today if still ahead, else tomorrow."""
    target = dt.datetime.combine(now.date(), at, tzinfo=now.tzinfo)
    if target <= now:
        target += dt.timedelta(days=1)
    return (target - now).total_seconds()


def reminder_due(
    now: dt.datetime, at: dt.time, *, has_entry: bool, unsaved_text: bool, reminded_on: dt.date | None
) -> bool:
    """Whether to remind now: today's time has passed, today has nothing written, and no reminder yet today."""
    return now.time() >= at and reminded_on != now.date() and not has_entry and not unsaved_text


class ReminderBanner(QWidget):
    """The invitation inside the window, for desktops without a tray: never a modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(_(REMINDER_TEXT))
        self.write = QPushButton(_("Write now"))
        self.later = QPushButton(_("Not today"))
        row.addWidget(self.text, 1)
        row.addWidget(self.write)
        row.addWidget(self.later)
        self.later.clicked.connect(self.hide)
        self.hide()


class TrayPresence(QObject):
    """The reminder's timer, the tray icon (when there is a tray) and closing to the tray."""

    def __init__(self, app: QApplication, window: WindowServices, settings: Settings) -> None:
        super().__init__(window.widget)
        self.app = app
        self.window = window
        self.now = dt.datetime.now
        self.at: dt.time | None = None
        self.live_in_tray = False
        self.quitting = False
        self.told_still_running = False
        self.icon: QSystemTrayIcon | None = None
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.check)
        self.banner = ReminderBanner()
        window.add_banner(self.banner)  # above the sections, with the check-in offer
        self.banner.write.clicked.connect(self.open_today)
        self.open_action = QAction(_("Open rutjournal"), self)
        self.open_action.triggered.connect(self.open_today)
        self.quit_action = QAction(_("Quit"), self)
        self.quit_action.triggered.connect(self.quit)
        window.ready.connect(lambda: QTimer.singleShot(2000, self.check))  # a reminder missed while closed
        try:  # Quit in the File menu really quits, even when closing the window only hides it
            window.quit_action.triggered.disconnect(window.widget.close)
        except (RuntimeError, TypeError):
            log.warning("could not take over the Quit action; it closes the window as before")
        else:
            window.quit_action.triggered.connect(self.quit)
        self.apply_settings(settings)

    # --- settings -----------------------------------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Follow the reminder time and the live-in-tray setting (called again when Settings change them)."""
        self.at = parse_time(settings.reminder_time)
        self.live_in_tray = settings.live_in_tray
        wanted = QSystemTrayIcon.isSystemTrayAvailable() and (self.live_in_tray or self.at is not None)
        if wanted and self.icon is None:
            self.icon = self._make_icon()
        elif not wanted and self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
        self.app.setQuitOnLastWindowClosed(not self.keeps_window())
        self.arm()

    def _make_icon(self) -> QSystemTrayIcon:
        picture = self.app.windowIcon()
        if picture.isNull():
            from PySide6.QtWidgets import QStyle  # here: the type costs ~10 ms, and the app has its icon

            picture = self.app.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
        icon = QSystemTrayIcon(picture, self)
        icon.setToolTip("rutjournal")
        menu = QMenu(self.window.widget)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        icon.setContextMenu(menu)
        icon.activated.connect(self._activated)
        icon.messageClicked.connect(self.open_today)
        icon.show()
        return icon

    def keeps_window(self) -> bool:
        """Whether closing the window hides it to the tray instead of quitting."""
        return self.icon is not None and self.live_in_tray and not self.quitting

    # --- the reminder -------------------------------------------------------------------------------------
    def arm(self) -> None:
        """Wake at the reminder time, or sooner to look again (a sleeping machine stalls the timer)."""
        self.timer.stop()
        if self.at is not None:
            wait = min(seconds_until(self.now(), self.at), LOOK_AGAIN_S)
            self.timer.start(max(int(wait * 1000), 1000))

    def reminded_on(self) -> dt.date | None:
        value = self.window.settings.value(LAST_REMINDED_KEY, "")
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return None

    def today_written(self) -> tuple[bool, bool]:
        """(today has a stored entry, the journal view holds unsaved text for today)."""
        view = self.window.journal_view
        today = self.now().date()
        unsaved = view.day == today and view.dirty and bool(view.editor.text().strip())
        if self.window.db is None:
            return False, unsaved
        from rutjournal.core.journal.service import Journal

        return Journal(self.window.db).get(today) is not None, unsaved

    def check(self) -> None:
        """Remind if it is due, then wait for the next look."""
        try:
            if self.at is not None and self.window.db is not None:
                has_entry, unsaved = self.today_written()
                now = self.now()
                if reminder_due(
                    now, self.at, has_entry=has_entry, unsaved_text=unsaved, reminded_on=self.reminded_on()
                ):
                    self.window.settings.setValue(LAST_REMINDED_KEY, now.date().isoformat())
                    self.remind()
        except Exception:  # a reminder is a kindness: it must never stop the app
            log.exception("could not decide whether to remind")
        self.arm()

    def remind(self) -> None:
        log.info("reminding: today has no entry yet")
        if self.icon is not None:
            self.icon.showMessage(
                REMINDER_TITLE, _(REMINDER_TEXT), QSystemTrayIcon.MessageIcon.Information, 15000
            )
        else:
            self.banner.show()

    def open_today(self) -> None:
        self.banner.hide()
        self.window.bring_to_front()
        self.window.open_day(self.now().date())

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            widget = self.window.widget
            if widget.isVisible() and widget.isActiveWindow():
                widget.hide()
            else:
                self.open_today()

    # --- closing ------------------------------------------------------------------------------------------
    def hide_to_tray(self, event: QCloseEvent) -> bool:
        """Hide the window instead of closing it (saving first); False when closing should go ahead."""
        if not self.keeps_window():
            return False
        self.window.save_pending()
        self.window.save_state()
        event.ignore()
        self.window.widget.hide()
        if self.icon is not None and not self.told_still_running:
            self.told_still_running = True
            self.icon.showMessage(
                REMINDER_TITLE,
                _("rutjournal stays in the tray to remind you. Quit from its menu to close it."),
                QSystemTrayIcon.MessageIcon.Information,
                5000,
            )
        return True

    def quit(self) -> None:
        """Really quit: save, close the journal, let go of the lock (the window's close and the app's exit)."""
        self.quitting = True
        self.app.setQuitOnLastWindowClosed(True)
        if self.window.widget.close():
            if self.icon is not None:
                self.icon.hide()
            QTimer.singleShot(0, self.app.quit)
        else:  # the user chose to keep unsaved text: stay
            self.quitting = False
            self.app.setQuitOnLastWindowClosed(not self.keeps_window())


def install_tray(app: QApplication, window: WindowServices, settings: Settings) -> TrayPresence:
    """The reminder and tray for this window (``window.tray``; Settings calls ``apply_settings`` on it)."""
    presence = TrayPresence(app, window, settings)
    window.tray = presence
    return presence
