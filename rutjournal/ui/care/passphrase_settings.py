"""File → Passphrase…: setting, changing and removing the journal's passphrase from the window.

Converting rewrites the journal file, so it goes the way a restore does: save what is on screen, let go of
every connection (``close_data``), convert on a worker thread while the dialog shows a busy bar and the
window cannot be closed, then open the journal again: with its new key, or as it was when anything failed.
The core (``core.encryption``) does the converting and keeps the process's keys; this only presents it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths
from rutjournal.core.storage import cipher
from rutjournal.core.text import whole
from rutjournal.ui.widgets.background import BackgroundJob

if TYPE_CHECKING:  # the dialog and the converting code load when first used, never on the way to the window
    from rutjournal.core.storage.encryption import Outcome
    from rutjournal.ui.care.passphrase_settings_dialog import PassphraseSettingsDialog, Request
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)
MESSAGE_MS = 20000


class Report(NamedTuple):  # not a dataclass: the File menu imports this module on the way to the window
    """What a conversion did: the core's Outcome, and old journals a restore kept aside (left as they were)."""

    action: str
    outcome: Outcome
    kept_aside: list[Path]


def convert(request: Request, paths: AppPaths) -> Report | cipher.WrongPassphrase:
    """The conversion itself, off the GUI thread and Qt-free; a wrong current passphrase is an answer, not a
    failure, so it comes back as the result (and nothing was written)."""
    from rutjournal.core.storage import encryption

    db, backups = paths.database, paths.backup_dir
    try:
        if request.action == "set":
            assert request.new is not None
            outcome = encryption.set_passphrase(db, backups, request.new)
        else:
            assert request.current is not None
            cipher.unlock(db, request.current)  # reads only: a wrong one stops here, before any write
            if request.action == "change":
                assert request.new is not None
                outcome = encryption.change_passphrase(db, backups, request.current, request.new)
            else:
                outcome = encryption.remove_passphrase(db, backups, request.current)
    except cipher.WrongPassphrase as exc:
        log.warning("a wrong current passphrase was typed for %s", db)  # never the passphrase itself
        return exc
    return Report(request.action, outcome, encryption.kept_aside(paths.database, request.action))


class PassphraseSettings(QObject):
    """The File menu's Passphrase… entry; ``confirm_remove`` is a hook tests replace."""

    done = Signal(str, bool)  # what the status bar said, and whether the conversion was done

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.setObjectName("passphraseSettings")
        self.window = window
        self.dialog: PassphraseSettingsDialog | None = None
        self.job: BackgroundJob | None = None
        self.confirm_remove: Callable[[], bool] = self._ask_remove
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)  # before the window's own shutdown: let the files be finished

    @property
    def paths(self) -> AppPaths:
        """Where the journal is now (the window's: it changes when the journal is moved)."""
        return self.window.paths

    def busy(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait(120)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window cannot be closed half-way through: the files are being rewritten."""
        if watched is self.window.widget and event.type() == QEvent.Type.Close and self.busy():
            event.ignore()
            self._status(_("Wait a moment: the journal is being converted."))
            return True
        return super().eventFilter(watched, event)

    def _status(self, text: str, *, error: bool = False) -> None:
        self.window.say(text, MESSAGE_MS, error=error)

    # --- the dialog ---------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        if self.busy():
            return
        if self.window.damage is not None or self.window.db is None:
            self._status(_("The journal is not open: nothing to encrypt."), error=True)
            return
        from rutjournal.ui.care.passphrase_settings_dialog import PassphraseSettingsDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        encrypted = not cipher.is_plain(self.paths.database)
        self.dialog = PassphraseSettingsDialog(encrypted, self.window.widget)
        self.dialog.requested.connect(self.run)
        self.dialog.open()

    def _ask_remove(self) -> bool:
        from PySide6.QtWidgets import QMessageBox  # not at start-up: the type costs some 3 ms

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Remove the passphrase"),
            _("Store the journal and its backups unencrypted?"),
            QMessageBox.StandardButton.Cancel,
            self.dialog or self.window.widget,
        )
        box.setInformativeText(_("Anyone who can open the files in your account will be able to read them."))
        go = box.addButton(_("Remove passphrase"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go

    def _other_work(self) -> str:
        """Why converting must wait ("" when nothing else is using the journal)."""
        running = self.window.running_jobs()
        if "import" in running:
            return _("An import is running: let it finish first. Nothing was changed.")
        if "export" in running:
            return _("An export is running: let it finish first. Nothing was changed.")
        return ""

    # --- converting ---------------------------------------------------------------------------------------
    def run(self, request: Request) -> None:
        """Save, let go of the journal, convert on a worker thread; ``_finished`` opens it again."""
        dialog = self.dialog
        assert dialog is not None
        if self.busy():
            return
        if request.action == "remove" and not self.confirm_remove():
            return
        reason = self._other_work()
        if not reason and not self.window.journal_view.flush():
            # TRANSLATORS: {why} is what the journal's save line says, e.g. "Not saved — the disk is full".
            reason = _("Today's latest changes could not be saved ({why}). Nothing was changed.").format(
                why=self.window.journal_view.save_label.text()
            )
        if reason:
            dialog.show_error(reason)
            return
        dialog.set_busy(self._working_text(request.action))
        self.window.wait_for_backups()  # a backup being taken reads the file: let it end first
        self.window.close_data(save=True)
        paths = self.paths
        was_plain = cipher.is_plain(paths.database)
        job = BackgroundJob(f"passphrase-{request.action}", lambda: convert(request, paths), self)
        job.finished.connect(lambda result, error: self._finished(request, was_plain, result, error))
        self.job = job
        self.window.widget.installEventFilter(self)  # only while it runs: every window event passes here
        job.start()

    def _working_text(self, action: str) -> str:
        return {
            "set": _("Encrypting the journal and its backups…"),
            "change": _("Encrypting the journal and its backups with the new passphrase…"),
            "remove": _("Decrypting the journal and its backups…"),
        }[action]

    def _finished(self, request: Request, was_plain: bool, result: object, error: object) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.window.widget.removeEventFilter(self)
        self.window.open_data()  # with the new key, or as it was
        dialog = self.dialog
        if isinstance(result, cipher.WrongPassphrase):
            text = _("Wrong current passphrase. Nothing was changed.")
            if dialog is not None:
                dialog.show_error(text, wrong_current=True)
            self.done.emit(text, False)
            return
        if not isinstance(result, Report):
            text = _("Not done: {error}").format(error=error)
            if cipher.is_plain(self.paths.database) != was_plain:  # part-way: say where things stand
                text += " " + self._state_now()
            log.error("passphrase %s failed: %s", request.action, error)
            self._status(text, error=True)
            if dialog is not None:
                dialog.show_error(text)
            self.done.emit(text, False)
            return
        lines = self.report_lines(result)
        text = " ".join(lines)
        self._status(text)
        if dialog is not None:
            if result.outcome.left or result.kept_aside:
                dialog.show_report(result.action != "remove", lines)
            else:
                dialog.accept()
        self.done.emit(text, True)

    def _state_now(self) -> str:
        if cipher.is_plain(self.paths.database):
            return _("The journal is not encrypted now.")
        return _("The journal is encrypted now.")

    def report_lines(self, report: Report) -> list[str]:
        """What was done, then every file left as it was, by name (the folder is known)."""
        count = len(report.outcome.converted)  # the backups converted with the journal
        if report.action == "set":
            done = (
                _("The journal is now encrypted.")
                if count == 0
                else ngettext(
                    "The journal and {count} backup are now encrypted.",
                    "The journal and {count} backups are now encrypted.",
                    count,
                )
            )
        elif report.action == "change":
            done = (
                _("The journal now opens with the new passphrase only.")
                if count == 0
                else ngettext(
                    "The journal and {count} backup now open with the new passphrase only.",
                    "The journal and {count} backups now open with the new passphrase only.",
                    count,
                )
            )
        else:
            done = (
                _("The journal is stored unencrypted again.")
                if count == 0
                else ngettext(
                    "The journal and {count} backup are stored unencrypted again.",
                    "The journal and {count} backups are stored unencrypted again.",
                    count,
                )
            )
        parts = [done.format(count=whole(count))]
        for path, why in report.outcome.left:
            # TRANSLATORS: {name} is a file's name, {why} why it was not converted.
            parts.append(_("Left as it was: {name} ({why}).").format(name=path.name, why=why))
        for path in report.kept_aside:
            if report.action == "set":
                parts.append(
                    _(
                        "Still unencrypted: {name}, an old journal a restore kept aside in {folder} "
                        "(delete it if you do not need it)."
                    ).format(name=path.name, folder=path.parent)
                )
            else:
                parts.append(
                    _(
                        "Still encrypted with the earlier passphrase: {name}, an old journal a restore kept aside."
                    ).format(name=path.name)
                )
        return parts
