"""The open journal: a ``Database`` hands out bare connections for reads and for write transactions, holds the
journal's shared use lock, and knows when the file may only be read; ``open_database`` creates or upgrades the
file first (after a backup), under the setup lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rutjournal.core.errors import NotWritable
from rutjournal.core.i18n import _
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher
from rutjournal.core.storage.connect import (
    FileState,
    _ensure_writable_dir,
    connect_raw,
    damaged,
    inspect_file,
    is_damage,
    is_read_only_refusal,
    note_damage,
)
from rutjournal.core.storage.file_locks import FileLock, setup_lock, use_lock
from rutjournal.core.storage.leftovers import remove_leftovers
from rutjournal.core.storage.private_files import tighten

if TYPE_CHECKING:
    from rutjournal.core.storage.damage_record import DamageRecord

log = logger(__name__)


class Database:
    """An open, up-to-date journal database.

    Every read and every write is a short-lived bare sqlite3 connection: ``reader`` for a read, ``writer`` for
    one write transaction. SQLAlchemy is never imported here: only an upgrade of an older file uses it
    (``_make_current``). A Database holds the journal's shared use lock (see file_locks) until it is closed.
    ``read_only`` says why the journal may only be read (damage recorded, permissions), or is None.
    """

    def __init__(self, path: Path, *, read_only: str | None = None, use: FileLock | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self._use = use
        self._held = True
        cipher.hold(path)

    @property
    def damage(self) -> DamageRecord | None:
        """The damage recorded for the file (by this process or another), if any."""
        from rutjournal.core.storage.damage_record import read_damage

        return read_damage(self.path) if self.read_only is not None else None

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A bare connection for one read, or one self-contained statement (autocommit: each statement is its
        own transaction and sees the latest commit)."""
        try:
            conn = connect_raw(self.path, read_only=self.read_only is not None)
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        finally:
            conn.close()

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """A bare connection inside one write transaction, committed when the block ends and rolled back if
        it raises. It begins IMMEDIATE: a writer takes the write lock up front, so it waits (busy timeout)
        for another process's write instead of failing half-way through its own."""
        if self.read_only is not None:
            raise NotWritable(self.path, self.read_only)
        try:
            conn = connect_raw(self.path)
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._problem(exc) from exc
            raise
        finally:
            conn.close()

    def close(self) -> None:
        if self._held:
            self._held = False
            cipher.let_go(self.path)
        if self._use is not None:
            self._use.release()
            self._use = None

    def _problem(self, exc: sqlite3.DatabaseError) -> Exception:
        if is_damage(exc):
            note_damage(self.path, exc)
            return damaged(self.path, exc)
        if self.read_only is not None and is_read_only_refusal(exc):
            return NotWritable(self.path, self.read_only)
        return exc


def open_database(path: Path, *, backup_dir: Path | None = None) -> Database:
    """Check the file, create or upgrade it (after a backup) if need be, and open it.

    Creating and upgrading happen under the setup lock, and the file is looked at again once it is held, so
    commands started together on an empty folder make one journal and every one of them opens it.
    """
    if not path.parent.is_dir():
        _ensure_writable_dir(path)
    tighten(path.parent, path.parent / "backups")  # a folder an older version left readable by others
    use = use_lock(path)
    try:
        remove_leftovers(path.parent, path.parent / "backups")  # files a killed process left half-written
        state = inspect_file(path)
        if not state.is_current:
            with setup_lock(path):
                state = inspect_file(path)
                if not state.is_current:
                    _make_current(state, backup_dir or path.parent / "backups")
        return Database(path, read_only=state.read_only, use=use)
    except BaseException:
        use.release()
        raise


def _make_current(state: FileState, backup_dir: Path) -> None:
    """Create the journal, or upgrade it to this version's schema (the only use of SQLAlchemy and Alembic)."""
    path = state.path
    if state.read_only is not None:
        # TRANSLATORS: {reason} is a sentence saying why the journal can only be read.
        message = _("{reason}; this version needs to upgrade it first").format(reason=state.read_only)
        raise NotWritable(path, message)
    if not state.exists and cipher.key_for(path) is None:
        from rutjournal.core.storage.new_journal import create_new

        create_new(path)  # the migrations' result in one step (see new_journal)
        log.info("created a new journal at %s", path)
        return
    from rutjournal.core.storage.engine import create_engine_for
    from rutjournal.core.storage.migrate import upgrade_to_head

    engine = create_engine_for(path)
    try:
        upgrade_to_head(engine, state, backup_dir=backup_dir)
    finally:
        engine.dispose()
