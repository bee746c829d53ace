"""Taking deleted words out of the search index, in the window: when the journal opens and when it closes.

Any writer that replaces or deletes text (the window, ``rutjournal add``, an import) leaves a row saying a
purge is owed, in its own transaction (migration 0006's triggers). The window runs the purge once the
start-of-day check has found the file sound — so a crash, or a purge that failed last time, is made good, and a
damaged file gets no write — and again on closing after edits. A failure is said in the status bar and
logged; it stays owed, and is tried again next time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from rutjournal.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class TextPurge(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.failed: str | None = None  # what the last attempt said, while it stays owed
        window.care.checked.connect(self._after_check)

    def _after_check(self, day: object) -> None:
        check = getattr(day, "check", None)  # integrity.StartOfDay
        if check is not None and check.ok and self.window.care.damage is None:
            self.run_if_owed()

    def run_if_owed(self) -> bool:
        """Purge if any writer left text to purge; False (and said in the status bar) if it could not be done."""
        journal = self.window.journal_view.journal
        if journal is None:
            return True
        try:
            if journal.purge_owed():
                journal.purge_deleted_text()
        except Exception as exc:  # locked by another writer for too long, disk full: it stays owed
            log.warning("could not purge deleted text from the search index: %s", exc)
            self.failed = str(exc)
            self.window.statusBar().showMessage(
                f"Deleted words could not yet be removed from the search index ({exc}); rutjournal tries "
                "again when it next opens or closes the journal."
            )
            return False
        if self.failed is not None:
            self.failed = None
            self.window.statusBar().showMessage("Deleted words are now removed from the search index.", 6000)
        return True
