"""The import dialog's worker threads: reads and the write, their answers queued back, progress relayed.

A file the user picked failing to import is not a bug: its error comes back as the job's answer and is shown in
the dialog, instead of being logged as a crash. The dialog counts a job as running until its answer has been
shown, not merely until its thread ends, so "busy" means "the screen is not up to date yet".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from rutjournal.core.errors import RutjournalError
from rutjournal.ui.widgets.background import JobSet

Done = Callable[[object, object], None]


class ProgressRelay(QObject):
    """Carries the worker's (done, total) to the GUI thread, at most once per percent so the queue stays short."""

    moved = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = -1

    def report(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        if percent != self._last or done == total:
            self._last = percent
            self.moved.emit(done, total)


class DialogJobs(JobSet):
    """Jobs whose file errors come back as ``error`` (said in the dialog, not logged as a crash)."""

    def start(self, name: str, work: Callable[[], object], done: Done) -> None:
        def quietly() -> object:
            try:
                return work()
            except (
                RutjournalError,
                OSError,
            ) as exc:  # the file's fault, said in the dialog: not a bug to log
                return exc

        def answer(result: object, error: object) -> None:
            if isinstance(result, BaseException):
                result, error = None, result
            done(result, error)

        super().start(name, quietly, answer)

    def busy(self) -> bool:
        """Whether an answer has not been shown yet (its thread may have ended, the answer still queued)."""
        return bool(self.jobs)
