"""The journal file is damaged: say which file and what was found (SQLite's words, or an empty file), and offer the newest good backup.

Shown when opening the journal fails with damage, or when the background ``quick_check`` finds some. By then
the window has let go of the file and writes nothing to it; every way out of this dialog leaves the damaged
file as it is (restoring renames it aside, never deletes it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from rutjournal.core.i18n import _, ngettext
from rutjournal.core.storage.backups import BackupInfo
from rutjournal.core.text import whole
from rutjournal.ui.care.backup_words import when_taken
from rutjournal.ui.care.restore_dialog import RestoreDialog


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RecoveryDialog(QDialog):
    """``restore_requested`` carries the BackupInfo to put in place; ``quit_requested`` leaves everything as is."""

    restore_requested = Signal(object)
    quit_requested = Signal()
    start_afresh_requested = Signal()

    def __init__(
        self, database: Path, sqlite_said: str, backups: list[BackupInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("rutjournal: the journal file is damaged"))
        self.setObjectName("recoveryDialog")
        self.backups = backups
        self.chooser: RestoreDialog | None = None
        self.database = database
        heading = _label(_("Your journal file is damaged"), "recoveryHeading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        # TRANSLATORS: {path} is the damaged journal file's full path.
        layout.addWidget(_label(_("File: {path}").format(path=database)))
        # TRANSLATORS: {words} is what SQLite said about the damage (in English), or that the file is empty.
        layout.addWidget(_label(_("What was found: {words}").format(words=sqlite_said)))
        layout.addWidget(_label(_("rutjournal writes nothing to it: the file stays exactly as it is.")))
        newest = backups[0] if backups else None
        if newest is not None:
            # TRANSLATORS: {when} is a day and a time, {file} the backup's file name; in
            # "{name}.replaced-<date and time>" keep ".replaced-" (part of the file's new name), translate the rest.
            offer = ngettext(
                "The newest good backup is from {when}, with {count} entry ({file}).\n\n"
                "Restoring puts that backup in place of the damaged file. The damaged file is not deleted: it "
                "is renamed to {name}.replaced-<date and time> in the same folder. Anything you "
                "wrote after the backup was taken is only in the damaged file.",
                "The newest good backup is from {when}, with {count} entries ({file}).\n\n"
                "Restoring puts that backup in place of the damaged file. The damaged file is not deleted: it "
                "is renamed to {name}.replaced-<date and time> in the same folder. Anything you "
                "wrote after the backup was taken is only in the damaged file.",
                newest.entries,
            )
            self.offer = _label(
                offer.format(
                    when=when_taken(newest),
                    count=whole(newest.entries),
                    file=newest.path.name,
                    name=database.name,
                ),
                "recoveryOffer",
            )
        else:
            # TRANSLATORS: "Show the folder" and "Start afresh" are the dialog's buttons; in
            # "{name}.damaged-<date and time>" keep ".damaged-" (part of the file's new name), translate the rest.
            offer = _(
                "There is no backup to restore from.\n\n"
                "Keep a copy of the damaged file somewhere safe: a data-recovery tool (for example the sqlite3 "
                "program's .recover command) may still get your entries back from it. Show the folder opens "
                "the folder it is in.\n\n"
                "Start afresh renames the damaged file to {name}.damaged-<date and time> (it is not "
                "deleted) and starts a new, empty journal in its place."
            )
            self.offer = _label(offer.format(name=database.name), "recoveryOffer")
        layout.addWidget(self.offer)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.choose_button = None
        if newest is not None:
            self.restore_button = self.buttons.addButton(
                _("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(lambda: self._restore(newest))
            self.choose_button = self.buttons.addButton(
                _("Choose another…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.choose_button.clicked.connect(self.choose_another)
        else:
            show = self.buttons.addButton(_("Show the folder"), QDialogButtonBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(database.parent))))
            self.afresh_button = self.buttons.addButton(
                _("Start afresh"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.afresh_button.clicked.connect(self._start_afresh)
        self.quit_button = self.buttons.addButton(
            _("Quit without changing anything"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.clicked.connect(self._quit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def choose_another(self) -> RestoreDialog:
        """The list of every good backup; picking one restores it (the recovery dialog then closes)."""
        self.chooser = RestoreDialog(
            self.backups,
            self.database,
            self,
            # TRANSLATORS: in "{name}.replaced-<date and time>" keep ".replaced-" as it is (part of a file name).
            intro=_(
                "Pick the backup to go back to. The damaged file is not deleted: it is renamed to "
                "{name}.replaced-<date and time> and kept in {folder}."
            ).format(name=self.database.name, folder=self.database.parent),
        )
        self.chooser.chosen.connect(self._restore)
        self.chooser.open()
        return self.chooser

    def _restore(self, info: BackupInfo) -> None:
        self.accept()
        self.restore_requested.emit(info)

    def _start_afresh(self) -> None:
        self.accept()
        self.start_afresh_requested.emit()

    def _quit(self) -> None:
        self.reject()
        self.quit_requested.emit()
