"""Taking deleted words out of the search index, in the window: when the journal opens and when it closes.

Any writer that replaces or deletes text (the window, ``rutjournal add``, an import) leaves a row saying a
purge is owed, in its own transaction (migration 0006's triggers). The window runs the purge once the
start-of-day check has found the file sound — so a crash, or a purge that failed last time, is made good, and a
damaged file gets no write — and again on closing after edits. A failure is said in the status bar and
logged; it stays owed, and is tried again next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger

if TYPE_CHECKING:
    from rutjournal.core.storage.integrity import StartOfDay
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)


class TextPurge(QObject):
    """``after_check`` is connected to the care's ``checked`` by the window."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.window = window
        self.failed: str | None = None  # what the last attempt said, while it stays owed

    def after_check(self, day: StartOfDay) -> None:
        """The start-of-day check is done: purge now if it found the file sound."""
        if day.check.ok and self.window.damage is None:
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
            self.window.say(
                _(
                    "Deleted words could not yet be removed from the search index ({error}); rutjournal tries "
                    "again when it next opens or closes the journal."
                ).format(error=exc)
            )
            return False
        if self.failed is not None:
            self.failed = None
            self.window.say(_("Deleted words are now removed from the search index."), 6000)
        return True
