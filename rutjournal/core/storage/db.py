"""The open journal: a ``Database`` hands out bare connections for reads and for write transactions, holds the
journal's shared use lock, and knows when the file may only be read; ``open_database`` creates or upgrades the
file first (after a backup), under the setup lock.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rutjournal.core.errors import DamagedDatabase, NotWritable
from rutjournal.core.storage import cipher
from rutjournal.core.storage.connect import (
    FileState,
    _ensure_writable_dir,
    _one_line,
    connect_raw,
    inspect_file,
    is_damage,
    is_read_only_refusal,
    note_damage,
)
from rutjournal.core.storage.engine import create_engine_for
from rutjournal.core.storage.file_locks import FileLock, setup_lock, use_lock
from rutjournal.core.storage.leftovers import remove_leftovers
from rutjournal.core.storage.private_files import tighten

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from rutjournal.core.storage.damage_record import DamageRecord

log = logging.getLogger(__name__)


class Database:
    """An open, up-to-date journal database.

    Reads use short-lived bare sqlite3 connections (``reader``); the SQLAlchemy engine and sessions, for writes,
    are created on first use or ahead of time by ``warm_up`` — so opening a current journal imports no ORM.
    A Database holds the journal's shared use lock (see file_locks) until it is closed. ``read_only`` says
    why the journal may only be read (damage recorded, permissions), or is None.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine | None = None,
        *,
        read_only: str | None = None,
        use: FileLock | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._writer: Engine | None = None
        self._lock = threading.RLock()
        self._use = use
        self._held = True
        cipher.hold(path)

    @property
    def damage(self) -> DamageRecord | None:
        """The damage recorded for the file (by this process or another), if any."""
        from rutjournal.core.storage.damage_record import read_damage

        return read_damage(self.path) if self.read_only is not None else None

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = create_engine_for(self.path, read_only=self.read_only is not None)
                if self.read_only is not None:
                    self._refuse_writes(self._engine)
            return self._engine

    def _refuse_writes(self, engine: Engine) -> None:
        from sqlalchemy import event

        reason = self.read_only

        @event.listens_for(engine, "handle_error")
        def _on_error(context: Any) -> None:
            if reason is not None and is_read_only_refusal(context.original_exception):
                raise NotWritable(self.path, reason) from context.original_exception

    @property
    def sessions(self) -> sessionmaker[Session]:
        with self._lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                orm_ready()

                self._writer = self.engine.execution_options(write=True)
                self._sessions = sessionmaker(self.engine, expire_on_commit=False)
            return self._sessions

    def session(self) -> Session:
        """A session for reading through the ORM."""
        return self.sessions()

    def write_session(self) -> Session:
        """A session whose transactions begin IMMEDIATE: use it for anything that writes."""
        if self.read_only is not None:
            raise NotWritable(self.path, self.read_only)
        sessions = self.sessions
        return sessions(bind=self._writer)

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

    def warm_up(self) -> None:
        """Import the ORM and build the engine now (from a background thread), so the first save is quick."""
        import rutjournal.core.journal.writes  # noqa: F401

        _ = self.sessions

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self._held:
            self._held = False
            cipher.let_go(self.path)
        if self._use is not None:
            self._use.release()
            self._use = None

    def _problem(self, exc: sqlite3.DatabaseError) -> Exception:
        if is_damage(exc):
            note_damage(self.path, exc)
            return DamagedDatabase(
                self.path, f"the journal file {self.path} is damaged ({_one_line(exc)}); it was left as it is"
            )
        if self.read_only is not None and is_read_only_refusal(exc):
            return NotWritable(self.path, self.read_only)
        return exc


_orm_lock = threading.Lock()
_orm_configured = False


def orm_ready() -> None:
    """Every model class defined and every mapper configured, once per process, before any session exists.

    Each models module is imported whole first (an import another thread has begun is waited for), then the
    mappers are configured under a lock: configured while another thread was half-way through a models
    module, a relationship would name a class not yet defined and every write of the session would fail.
    """
    global _orm_configured
    with _orm_lock:
        if _orm_configured:
            return
        from sqlalchemy.orm import configure_mappers

        import rutjournal.core.storage.models
        import rutjournal.core.storage.models_crossroads
        import rutjournal.core.storage.models_grow  # noqa: F401

        configure_mappers()
        _orm_configured = True


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
        engine = None
        if not state.is_current:
            with setup_lock(path):
                state = inspect_file(path)
                if not state.is_current:
                    engine = _make_current(state, backup_dir or path.parent / "backups")
        return Database(path, engine, read_only=state.read_only, use=use)
    except BaseException:
        use.release()
        raise


def _make_current(state: FileState, backup_dir: Path) -> Engine | None:
    """Create the journal, or upgrade it to this version's schema; the engine used for an upgrade."""
    path = state.path
    if state.read_only is not None:
        raise NotWritable(path, f"{state.read_only}; this version needs to upgrade it first")
    if not state.exists and cipher.key_for(path) is None:
        from rutjournal.core.storage.new_journal import create_new

        create_new(path)  # the migrations' result in one step (see new_journal)
        log.info("created a new journal at %s", path)
        return None
    from rutjournal.core.storage.migrate import upgrade_to_head

    engine = create_engine_for(path)
    try:
        upgrade_to_head(engine, state, backup_dir=backup_dir)
    except BaseException:
        engine.dispose()
        raise
    return engine
