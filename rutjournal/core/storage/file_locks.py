"""Coordinating the processes that use one journal: the window, commands, and whatever replaces the file.

Two advisory locks live in files of their own beside the journal (never on the journal itself, whose POSIX
locks belong to SQLite):

- ``journal.setup.lock`` is held exclusively while a journal is created or upgraded, so commands started
  together on an empty folder wait for the first one and then find the journal made.
- ``journal.use.lock`` is held shared by every process that has the journal open, and exclusively by an
  operation that replaces the file (setting, changing or removing the passphrase, restoring a backup, moving
  the journal). Such an operation refuses while the journal is in use; a process that finds one under way
  waits a few seconds, then says the journal is busy.

On POSIX these are ``flock`` locks, released by the kernel when a process dies, so a crash never leaves one
behind. Windows has no shared file locks in the standard library: there the setup lock is exclusive and the
use lock is not taken (the window's single-instance lock still keeps two windows apart).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.i18n import N_, _

SETUP_WAIT_S = 60.0  # an upgrade of ten years of entries takes a few seconds; a new journal milliseconds
USE_WAIT_S = 5.0  # the busy timeout SQLite itself is given
_POLL_S = 0.02


# What sole_use says for each operation that replaces the file (its ``what``), each a whole sentence.
_SOLE_USE_WORDS = {
    "restoring a backup": N_(
        "{path} is open in another rutjournal process; restoring a backup "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "setting a passphrase": N_(
        "{path} is open in another rutjournal process; setting a passphrase "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "changing the passphrase": N_(
        "{path} is open in another rutjournal process; changing the passphrase "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "removing the passphrase": N_(
        "{path} is open in another rutjournal process; removing the passphrase "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "finishing an interrupted passphrase change": N_(
        "{path} is open in another rutjournal process; finishing an interrupted passphrase change "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "setting the damaged journal aside": N_(
        "{path} is open in another rutjournal process; setting the damaged journal aside "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
    "moving the journal": N_(
        "{path} is open in another rutjournal process; moving the journal "
        "needs it to itself, so close the window (or wait for the command) and try again"
    ),
}


class JournalBusy(DatabaseProblem):
    """Another rutjournal process holds the journal in a way that excludes this operation; try again."""


def setup_lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.with_suffix("").name + ".setup.lock")


def use_lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.with_suffix("").name + ".use.lock")


class FileLock:
    """One advisory lock on a small file of its own; ``acquire`` gives up after ``wait`` seconds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.exclusive = False

    def acquire(self, *, exclusive: bool, wait: float) -> bool:
        """Take the lock (shared or exclusive); False when another process kept it for ``wait`` seconds."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already locked by this object")
        if sys.platform == "win32" and not exclusive:
            return True  # see the module's docstring
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError:
            if exclusive:
                raise
            # A folder this account may only read: it cannot replace the journal either, so reading it
            # needs no lock (and the read-only journal refuses every write).
            return True
        deadline = time.monotonic() + wait
        while True:
            if _try_lock(fd, exclusive):
                self._fd, self.exclusive = fd, exclusive
                return True
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(_POLL_S)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the descriptor releases its lock

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _try_lock(fd: int, exclusive: bool) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _take(path: Path, db_path: Path, *, exclusive: bool, wait: float, busy: str) -> FileLock:
    lock = FileLock(path)
    if not lock.acquire(exclusive=exclusive, wait=wait):
        # TRANSLATORS: {reason} is a sentence saying why the journal cannot be used now.
        raise JournalBusy(db_path, _("busy: {reason}").format(reason=busy))
    return lock


def setup_lock(db_path: Path, wait: float = SETUP_WAIT_S) -> FileLock:
    """The lock held while the journal is created or upgraded (JournalBusy if it is not had in time)."""
    # TRANSLATORS: {seconds} is a whole number of seconds.
    busy = _("another rutjournal process has been setting up {path} for {seconds} s; try again").format(
        path=db_path, seconds=f"{wait:.0f}"
    )
    return _take(setup_lock_path(db_path), db_path, exclusive=True, wait=wait, busy=busy)


def use_lock(db_path: Path, wait: float = USE_WAIT_S) -> FileLock:
    """The shared lock of a process that opens the journal; JournalBusy while the file is being replaced."""
    busy = _(
        "{path} is being converted or replaced by another rutjournal process (passphrase, restore or "
        "move); try again when it is done"
    ).format(path=db_path)
    return _take(use_lock_path(db_path), db_path, exclusive=False, wait=wait, busy=busy)


def sole_use(db_path: Path, what: str) -> FileLock:
    """The exclusive lock of an operation that replaces the journal file; JournalBusy at once while any other
    process (a window, a command) has it open — waiting for a window to close would be wrong."""
    known = _SOLE_USE_WORDS.get(what)
    if known is not None:
        busy = _(known).format(path=db_path)
    else:  # an operation without its own sentence (a test's): named as given
        # TRANSLATORS: {what} names an operation on the journal ("restoring a backup").
        busy = _(
            "{path} is open in another rutjournal process; {what} needs it to itself, so close the window "
            "(or wait for the command) and try again"
        ).format(path=db_path, what=what)
    return _take(use_lock_path(db_path), db_path, exclusive=True, wait=0.5, busy=busy)
