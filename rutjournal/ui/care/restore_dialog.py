"""File → Restore from backup…: the verified backups, newest first, to pick one to go back to.

The dialog only chooses; the window does the restoring (it must let go of the journal file first). It opens
with ``open()``, never ``exec()``, so nothing blocks and tests can drive it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rutjournal.core.i18n import _
from rutjournal.core.storage.backups import BackupInfo
from rutjournal.ui.care.backup_words import entries_text, when_taken


class RestoreDialog(QDialog):
    """Lists the backups; ``chosen`` carries the BackupInfo picked when the user presses Restore."""

    chosen = Signal(object)

    def __init__(
        self, backups: list[BackupInfo], database: Path, parent: QWidget | None = None, *, intro: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setObjectName("restoreDialog")
        self.backups = backups
        self.resize(640, 380)
        self.intro = QLabel(wordWrap=True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        if backups and intro:
            self.intro.setText(intro)
        elif backups:
            self.intro.setText(
                # TRANSLATORS: in "{name}.replaced-<date and time>" keep ".replaced-" as it is (part of a file name).
                _(
                    "Pick the backup to go back to. Your journal as it is now is not deleted: it is renamed "
                    "to {name}.replaced-<date and time> and kept in {folder}."
                ).format(name=database.name, folder=database.parent)
            )
        else:
            self.intro.setText(
                # TRANSLATORS: "File → Back up now" is the menu and its entry, as the window names them.
                _(
                    "There are no backups yet in {folder}. "
                    "File → Back up now makes one; the app also makes one each day you open it."
                ).format(folder=database.parent / "backups")
            )
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.setAccessibleName(_("Backups"))
        self.table.setHeaderLabels(
            [
                # TRANSLATORS: a column of the list of backups: when each backup was taken.
                _("Taken"),
                # TRANSLATORS: a column of the list of backups: how many journal entries each holds.
                _("Entries"),
                # TRANSLATORS: a column of the list of backups: the backup's file name.
                _("File"),
            ]
        )
        for info in backups:
            item = QTreeWidgetItem([when_taken(info), entries_text(info.entries), info.path.name])
            item.setToolTip(2, str(info.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setVisible(bool(backups))
        if backups:
            self.select(0)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            _("Restore selected backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        self.restore_button.setDefault(bool(backups))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.table.itemActivated.connect(lambda _item, _col: self._restore())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        index = -1 if item is None else self.table.indexOfTopLevelItem(item)
        return self.backups[index] if 0 <= index < len(self.backups) else None

    def select(self, row: int) -> None:
        item = self.table.topLevelItem(row)
        if item is not None:
            self.table.setCurrentItem(item)

    def _restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.accept()
        self.chosen.emit(info)
