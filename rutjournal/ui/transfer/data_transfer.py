"""File → Import… and File → Export… in the window: opening the dialogs, and every view re-reading after an import.

The dialogs write through the core on worker threads; this only hands them the journal, saves what is on
screen first, and afterwards has each view read the journal again (as after a restore), so an imported day
shows in the journal and the calendar, search finds it, and Load lists the imported tasks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger

if TYPE_CHECKING:  # the dialogs and the importers load when first opened, never on the way to the window
    from rutjournal.ui.shell.window_api import WindowServices
    from rutjournal.ui.transfer.export_dialog import ExportDialog
    from rutjournal.ui.transfer.import_dialog import ImportDialog

log = logger(__name__)
MESSAGE_MS = 10000


class DataTransfer(QObject):
    """Import… and Export… at the top of the File menu, and what follows an import."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.window = window
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.import_action = self._action(
            # TRANSLATORS: a File menu item.
            _("Import…"),
            "Ctrl+I",
            self.open_import,
            _("Bring in another app's export (jrnl, Day One, Daylio, RedNotebook, Taskwarrior, CSV)"),
        )
        self.export_action = self._action(
            # TRANSLATORS: a File menu item.
            _("Export…"),
            "Ctrl+Shift+E",
            self.open_export,
            _("Write the journal out as JSON, Markdown or CSV"),
        )
        menu = window.file_menu
        menu.insertAction(menu.actions()[0], self.import_action)
        menu.insertAction(menu.actions()[1], self.export_action)

    def _action(self, text: str, keys: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window.widget, shortcut=QKeySequence(keys))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.widget.addAction(action)  # the shortcut works where the platform hides the menu bar
        return action

    def save_pending(self) -> bool:
        """Write what is on screen before an import or export (False: the journal could not save it)."""
        return self.window.save_pending()

    def _journal_closed(self) -> bool:
        if self.window.db is None:
            self.window.say(_("The journal is not open, so there is nothing to import into."))
            return True
        return False

    def open_import(self) -> ImportDialog | None:
        if self._journal_closed() or (self.import_dialog is not None and self.import_dialog.importing):
            return self.import_dialog
        assert self.window.db is not None
        from rutjournal.ui.transfer.import_dialog import ImportDialog

        self.wait()
        dialog = ImportDialog(self.window.db, self.save_pending, self.window.widget)
        dialog.imported.connect(self.after_import)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def open_export(self) -> ExportDialog | None:
        if self._journal_closed():
            return None
        assert self.window.db is not None
        from rutjournal.ui.transfer.export_dialog import ExportDialog

        self.wait()
        dialog = ExportDialog(
            self.window.db, self.window.paths.database, self.save_pending, self.window.widget
        )
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def after_import(self, result: object) -> None:
        """Have every view read the journal again: the day on screen, the calendar, search, open sections."""
        from rutjournal.core.transfer.exporters.json_restore import RestoreResult
        from rutjournal.core.transfer.importers.plan import ImportPlan
        from rutjournal.ui.transfer.import_steps import restored_words, summary_lines

        window = self.window
        if isinstance(result, RestoreResult):
            # A whole journal came in: open it afresh, as after restoring a backup, so nothing stale remains.
            window.wait_for_backups()
            window.close_data(save=True)
            window.open_data()
            window.say(restored_words(result), MESSAGE_MS)
            return
        journal = window.journal_view
        if journal.journal is not None:
            journal.show_day(journal.day)  # re-reads the day, its tags and the calendar's marks
        from rutjournal.ui.shell.live_refresh import reread_all

        reread_all(window.pages, window.pages.built())  # one failing must not hide the import
        if isinstance(result, ImportPlan):
            window.say(" ".join(summary_lines(result, done=True)[1:2]), MESSAGE_MS)

    def wait(self) -> None:
        """Let the dialogs' worker threads end (before the journal is let go, or another dialog opens)."""
        for dialog in (self.import_dialog, self.export_dialog):
            if dialog is not None:
                dialog.wait()
