"""Keeping the journal safe from the window: the daily backup, Back up now, restoring, and recovering damage.

The slow parts (``PRAGMA quick_check``, the backup itself) run on a background thread after the window is up,
so nothing here grows the start-up path. While the journal is known to be damaged the window holds no
connection to it and no view can save; the only ways on are restoring a backup or quitting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.text import long_day, whole
from rutjournal.ui.care.backup_words import entries_text, when_taken
from rutjournal.ui.widgets.background import JobSet
from rutjournal.ui.widgets.message import show_message

if TYPE_CHECKING:
    from rutjournal.core.paths import AppPaths
    from rutjournal.core.storage.backups import BackupInfo
    from rutjournal.ui.care.recovery_dialog import RecoveryDialog
    from rutjournal.ui.care.restore_dialog import RestoreDialog
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
MESSAGE_MS = 10000


class DataCare(QObject):
    """The window's backups and recovery; ``confirm`` and ``today`` are hooks tests replace."""

    backup_finished = Signal(object)  # the BackupInfo, or None when it failed (the status bar says why)
    checked = Signal(object)  # the StartOfDay of the background check
    restored = Signal(object)  # the path the replaced journal was renamed to (None if there was none)

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.window = window
        self.jobs = JobSet(self)
        self.damage: str | None = None  # SQLite's words while the journal is known to be damaged
        self.recovery_dialog: RecoveryDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.confirm: Callable[[BackupInfo], bool] = self._ask
        self.today: Callable[[], dt.date] = dt.date.today

    @property
    def paths(self) -> AppPaths:
        """Where the journal is now (the window's: it changes when the journal is moved)."""
        return self.window.paths

    # --- background jobs ----------------------------------------------------------------------------------
    def _start(self, name: str, work: Callable[[], object], done: Callable[[object, object], None]) -> None:
        self.jobs.start(name, work, done)

    def busy(self) -> bool:
        return self.jobs.running()

    def wait(self) -> None:
        """Let running jobs finish before the journal file is swapped or the app quits."""
        self.jobs.wait()

    def keep(self) -> int:
        from rutjournal.core.settings import load_settings

        return load_settings(self.paths.settings_file).backup_keep

    def _status(self, text: str, *, error: bool = False) -> None:
        self.window.say(text, MESSAGE_MS * (2 if error else 1), error=error)

    # --- the start-of-day check and backups ---------------------------------------------------------------
    def after_open(self, *, back_up: bool = True) -> None:
        """Once the journal is open: quick_check it, then take the day's backup if none was taken today."""
        from rutjournal.core.storage.integrity import start_of_day  # after the first paint, not before

        db_path, backup_dir, keep, today = (
            self.paths.database,
            self.paths.backup_dir,
            self.keep(),
            self.today(),
        )
        self._start(
            "start-of-day-check",
            lambda: start_of_day(db_path, backup_dir, keep, today, back_up=back_up),
            self._start_of_day_done,
        )

    def save_failed(self, message: str, damaged: bool) -> None:
        """A save that failed because of damage: check the file now, and offer recovery if it is damaged."""
        if self.damage is None and damaged and not self.busy():
            self.after_open(back_up=False)

    def _start_of_day_done(self, result: object, error: object) -> None:
        from rutjournal.core.storage.integrity import StartOfDay

        if not isinstance(result, StartOfDay):
            self._status(_("Could not check the journal file: {error}").format(error=error), error=True)
            return
        day = result
        if not day.check.ok:
            self.journal_damaged(day.check.summary, list(day.backups))
        elif day.backup is not None:
            self._backed_up(day.backup)
        elif day.backup_error is not None:
            self._status(_("Today's backup failed: {error}").format(error=day.backup_error), error=True)
        self.checked.emit(day)

    def back_up_now(self) -> None:
        """File → Back up now: the same verified backup, on demand."""
        if self.damage is not None:
            self._status(
                _("The journal file is damaged: a backup of it would not be good. Restore one instead.")
            )
            return
        from rutjournal.core.storage.backups import take_backup

        self.wait()  # one backup at a time: two in the same second would share a file name
        self.window.journal_view.flush()  # what is on screen belongs in the backup
        db_path, backup_dir, keep = self.paths.database, self.paths.backup_dir, self.keep()
        self._status(_("Backing up…"))
        self._start("backup-now", lambda: take_backup(db_path, backup_dir, keep=keep), self._backup_done)

    def _backup_done(self, result: object, error: object) -> None:
        from rutjournal.core.storage.backups import BackupInfo

        if isinstance(result, BackupInfo):
            self._backed_up(result)
        else:
            self._status(_("The backup failed: {error}").format(error=error), error=True)
            self.backup_finished.emit(None)

    def _backed_up(self, info: BackupInfo) -> None:
        if info.entries:
            # TRANSLATORS: {file} is the backup's file name.
            said = ngettext(
                "Backed up: {count} entry, {file}", "Backed up: {count} entries, {file}", info.entries
            ).format(count=whole(info.entries), file=info.path.name)
        else:
            said = _("Backed up: no entries yet, {file}").format(file=info.path.name)
        self._status(said)
        self.backup_finished.emit(info)

    def show_backups_folder(self) -> None:
        self.paths.backup_dir.mkdir(parents=True, exist_ok=True)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.backup_dir)))

    # --- restoring ----------------------------------------------------------------------------------------
    def choose_backup(self) -> None:
        """File → Restore from backup…: the list (each backup is verified, off the GUI thread, then shown);
        the one picked is restored after a confirmation."""
        from rutjournal.core.storage.integrity import restorable_backups

        backup_dir = self.paths.backup_dir
        self._status(_("Checking the backups…"))
        self._start("list-backups", lambda: restorable_backups(backup_dir), self._show_backups)

    def _show_backups(self, result: object, error: object) -> None:
        if not isinstance(result, list):
            self._status(_("Could not read the backups: {error}").format(error=error), error=True)
            return
        self.window.widget.statusBar().clearMessage()
        from rutjournal.ui.care.restore_dialog import RestoreDialog

        self.restore_dialog = RestoreDialog(result, self.paths.database, self.window.widget)
        self.restore_dialog.chosen.connect(self._confirm_then_restore)
        self.restore_dialog.open()

    def _confirm_then_restore(self, info: BackupInfo) -> None:
        if self.damage is not None or self.confirm(info):
            self.restore(info)

    def _ask(self, info: BackupInfo) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Restore from backup"),
            # TRANSLATORS: {when} is a day and a time, {entries} how many entries the backup holds ("12 entries").
            _("Go back to the backup from {when} ({entries})?").format(
                when=when_taken(info), entries=entries_text(info.entries)
            ),
            QMessageBox.StandardButton.Cancel,
            self.window.widget,
        )
        box.setInformativeText(
            _(
                "Your journal as it is now is not deleted: it is renamed and kept in {folder}. What you wrote "
                "after the backup was taken will be only in that file."
            ).format(folder=self.paths.data_dir)
        )
        # TRANSLATORS: the button that restores the backup asked about.
        go = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go

    def restore(self, info: BackupInfo) -> Path | None:
        """Let go of the journal, put the backup in its place (the old file renamed aside), and open it."""
        from rutjournal.core.storage.backups import restore_backup

        self.wait()
        was_damaged = self.damage is not None
        self.window.close_data(save=not was_damaged)
        try:
            aside = restore_backup(info, self.paths.database)
        except DatabaseProblem as exc:
            log.error("restoring %s failed: %s", info.path, exc)
            if was_damaged:
                assert self.damage is not None
                self.journal_damaged(self.damage)  # still damaged: offer the backups again
            else:
                self.window.open_data()  # nothing was changed: carry on with the journal as it was
            self._status(_("Not restored: {error}").format(error=exc), error=True)
            return None
        self.damage = None
        self.window.open_data()
        said = [
            # TRANSLATORS: {when} is a day and a time, {entries} how many entries the backup holds ("12 entries").
            _("Restored the backup from {when} ({entries}).").format(
                when=when_taken(info), entries=entries_text(info.entries)
            )
        ]
        if aside is not None:
            said.append(_("Your previous journal is kept as {name}.").format(name=aside.name))
        if self.window.put_back is not None:
            said.append(
                _("What you had typed on {day} is saved in it.").format(
                    day=long_day(self.window.put_back.day)
                )
            )
        self._status(" ".join(said))
        self.restored.emit(aside)
        return aside

    # --- damage -------------------------------------------------------------------------------------------
    def journal_damaged(self, sqlite_said: str, backups: list[BackupInfo] | None = None) -> None:
        """Stop every write to the journal, say so, and offer the newest good backup (the backups are
        verified off the GUI thread when the caller has not done it already)."""
        log.error("the journal %s is damaged: %s", self.paths.database, sqlite_said)
        self.damage = sqlite_said
        self.window.close_data(save=False)
        show_message(
            self.window.where,
            _("Damaged: {path} (nothing is written to it until you restore a backup)").format(
                path=self.paths.database
            ),
            error=True,
        )
        if backups is not None:
            self._offer_recovery(backups)
            return
        from rutjournal.core.storage.integrity import restorable_backups

        backup_dir = self.paths.backup_dir
        self._start(
            "list-backups",
            lambda: restorable_backups(backup_dir),
            lambda result, _error: self._offer_recovery(result if isinstance(result, list) else []),
        )

    def _offer_recovery(self, backups: list[BackupInfo]) -> None:
        if self.recovery_dialog is not None:
            self.recovery_dialog.close()
        from rutjournal.ui.care.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.paths.database, self.damage or "", backups, self.window.widget)
        dialog.restore_requested.connect(self.restore)
        dialog.start_afresh_requested.connect(self.start_afresh)
        dialog.quit_requested.connect(self.window.widget.close)
        self.recovery_dialog = dialog
        dialog.open()

    def start_afresh(self) -> Path | None:
        """No backup to go back to: rename the damaged file aside (never deleted) and open a new journal."""
        from rutjournal.core.storage.integrity import set_aside_damaged

        self.wait()
        self.window.close_data(save=False)
        try:
            aside = set_aside_damaged(self.paths.database)
        except (DatabaseProblem, OSError) as exc:
            log.error("could not set the damaged journal aside: %s", exc)
            self._status(_("The damaged journal could not be renamed: {error}").format(error=exc), error=True)
            return None
        self.damage = None
        self.window.open_data()
        self._status(
            _("A new journal was started. The damaged file is kept as {name}.").format(name=aside.name)
        )
        return aside
