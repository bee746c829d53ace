"""Running one slow, Qt-free job (a backup, an integrity check) off the GUI thread.

The job opens its own sqlite3 connections and touches no widget; its result comes back to the GUI thread
through a queued signal, so the window stays responsive however large the journal has grown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from rutjournal.core.logsetup import logger

log = logger(__name__)


class BackgroundJob(QObject):
    """One job on a daemon thread; ``finished`` carries (result, None) or (None, the exception)."""

    finished = Signal(object, object)

    def __init__(self, name: str, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the job is done (before the journal file is swapped or the app quits)."""
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the user by whoever listens; never a crash
            log.exception("%s failed", self.name)
            self.finished.emit(None, exc)
            return
        self.finished.emit(result, None)


class JobSet(QObject):
    """The background jobs of one owner: each ``done(result, error)`` runs on the GUI thread, after which the
    job is forgotten; ``wait`` lets the ones still running end (before the journal is let go)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[BackgroundJob] = []

    def start(self, name: str, work: Callable[[], object], done: Callable[[object, object], None]) -> None:
        job = BackgroundJob(name, work, self)
        job.finished.connect(lambda result, error, j=job: self._delivered(j, done, result, error))
        self.jobs.append(job)
        job.start()

    def _delivered(
        self, job: BackgroundJob, done: Callable[[object, object], None], result: object, error: object
    ) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        job.deleteLater()
        done(result, error)

    def __len__(self) -> int:
        """Jobs whose answer has not been delivered yet."""
        return len(self.jobs)

    def running(self) -> bool:
        """Whether a job's thread is still at work."""
        return any(job.running() for job in self.jobs)

    def wait(self) -> None:
        for job in list(self.jobs):
            job.wait()
