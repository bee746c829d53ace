"""Settings → Data folder → Move…: the journal moved while the window stays open.

It goes the way a restore does: save what is on screen, let go of the journal (``close_data``), move it on a
worker thread (``core.relocate``: copy, check, store the setting, rename the old file aside), then open it
again from the new folder. The window's lock (one rutjournal per journal) moves along: the new folder's lock
is taken before anything is copied, so a second rutjournal started meanwhile finds the journal busy in
either place, and the old folder's lock is let go only once the journal is open in the new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.core.paths import AppPaths
from rutjournal.ui.widgets.background import BackgroundJob

if TYPE_CHECKING:
    from rutjournal.ui.shell.single_instance import SingleInstance
    from rutjournal.ui.shell.window_api import WindowServices

log = logger(__name__)


class DataFolderMove(QObject):
    """One move at a time; ``finished`` carries (True, what to tell the user) or (False, why not)."""

    finished = Signal(bool, str)

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.widget)
        self.setObjectName("dataFolderMove")
        self.window = window
        self.job: BackgroundJob | None = None
        window.widget.installEventFilter(self)

    def busy(self) -> bool:
        return self.job is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window cannot be closed half-way through: the journal is being copied."""
        if watched is self.window.widget and event.type() == QEvent.Type.Close and self.busy():
            event.ignore()
            self.window.say(_("Wait a moment: the journal is being moved."), 5000)
            return True
        return super().eventFilter(watched, event)

    def _other_work(self) -> str:
        window = self.window
        if {"backup", "import"} & window.running_jobs():
            return _("A backup or an import is running: let it finish first. Nothing was moved.")
        if window.damage is not None or window.db is None:
            return _("The journal is not open: restore it or open it before moving it.")
        return ""

    def move(self, target: Path) -> bool:
        """Start moving the journal to ``target``; False (and ``finished`` says why) when it cannot start."""
        from rutjournal.core.storage.relocate import check_target
        from rutjournal.ui.shell.single_instance import SingleInstance

        if self.busy():
            return False
        why = self._other_work()
        if why:
            self.finished.emit(False, why)
            return False
        old = self.window.paths
        try:
            folder = check_target(old, target)
            folder.mkdir(parents=True, exist_ok=True)
        except InvalidInput as exc:  # said as advice: "choose a folder that holds no journal yet"
            # TRANSLATORS: {allowed} is what the folder must be, e.g. "a folder that holds no journal yet".
            self.finished.emit(False, _("Not moved: choose {allowed}.").format(allowed=exc.allowed))
            return False
        except OSError as exc:
            self.finished.emit(
                False,
                _("Not moved: {folder} cannot be made ({why}).").format(folder=target, why=exc.strerror),
            )
            return False
        new = old.moved_to(folder)
        lock = SingleInstance(new)
        try:
            owned = lock.acquire()
        except OSError as exc:
            self.finished.emit(False, _("Not moved: {why}.").format(why=exc))
            return False
        if not owned:
            self.finished.emit(
                False, _("Not moved: another rutjournal is using {folder}.").format(folder=folder)
            )
            return False
        hint = self._started_elsewhere(old)
        self.window.close_data(save=True)
        self.job = BackgroundJob("move-journal", lambda: _move(old, folder), self)
        self.job.finished.connect(lambda result, error: self._done(new, lock, result, error, hint))
        self.job.start()
        self.window.say(_("Moving the journal to {folder}…").format(folder=folder))
        return True

    def wait(self) -> None:
        if self.job is not None:
            self.job.wait(120)

    def _started_elsewhere(self, old: AppPaths) -> str:
        """A word for the user when this window was started with --data-dir: that option keeps winning."""
        import os

        from rutjournal.core.paths import DATA_DIR_ENV, resolve_paths

        if os.environ.get(DATA_DIR_ENV) or resolve_paths().data_dir == old.data_dir:
            return ""  # the environment is reported by the move itself; else the settings decide
        return _(
            "rutjournal was started with --data-dir {folder}: leave that option out from now on."
        ).format(folder=old.data_dir)

    def _done(self, new: AppPaths, lock: SingleInstance, result: object, error: object, hint: str) -> None:
        from rutjournal.core.storage.relocate import Moved

        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        if not isinstance(result, Moved):
            lock.release()
            self.window.open_data()  # nothing changed: carry on where it was
            self.finished.emit(False, _("Not moved: {why}").format(why=error))
            return
        self.window.use_paths(new)
        self.window.open_data()
        self.window.hand_over_lock(lock)
        text = _("rutjournal now keeps your journal in {folder}.").format(folder=result.data_dir)
        kept = (
            _("The old file is kept as {name}.").format(name=result.old_kept_as.name)
            if result.old_kept_as is not None
            else ""
        )
        self.finished.emit(True, " ".join(part for part in (text, kept, result.warning, hint) if part))


def _move(old: AppPaths, folder: Path) -> object:
    from rutjournal.core.storage.relocate import move_journal

    return move_journal(old, folder)
