"""Opening the journal database: checks that never touch a bad file, pragmas on every connection.

The file is looked at with the bare ``sqlite3`` module first (fast, and safe: read-only), so a file that is not
ours, is damaged, or was written by a newer rutjournal is refused before SQLAlchemy or Alembic are imported.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rutjournal.core import cipher
from rutjournal.core.errors import DamagedDatabase, NewerSchema, NotADatabase, NotWritable
from rutjournal.core.migrations import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # a journal must survive power loss, not only a crash
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete=ON",  # deleted text must not linger in free pages
)


@dataclass(frozen=True)
class FileState:
    """What a quick read-only look at the database file found."""

    path: Path
    exists: bool
    revision: str | None

    @property
    def is_current(self) -> bool:
        return self.exists and self.revision == HEAD_REVISION


def inspect_file(path: Path) -> FileState:
    """Look at the file without writing to it; raise a DatabaseProblem naming it if it cannot be used."""
    if not path.exists() or path.stat().st_size == 0:
        _ensure_writable_dir(path)
        return FileState(path, exists=False, revision=None)
    key = None
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        if cipher.needs_passphrase(path):
            raise cipher.PassphraseNeeded(
                path,
                f"the journal {path} is encrypted: give its passphrase in {cipher.PASSPHRASE_ENV}, "
                "or run rutjournal in a terminal to be asked for it",
            )
        key = cipher.key_for(path)
        if key is None:
            raise NotADatabase(
                path, f"{path} is not a rutjournal database (not an SQLite file); it was left as it is."
            )
    try:
        if key is not None:
            conn = cipher.connect_file(path, key, read_only=True)
        else:
            # With no write-ahead log beside it there is nothing to miss by reading the file as immutable, and
            # SQLite then creates no -wal/-shm files next to a file we may be about to refuse.
            has_wal = path.with_name(path.name + "-wal").exists()
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro{'' if has_wal else '&immutable=1'}", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if key is not None and "not a database" in str(exc):
            raise cipher.WrongPassphrase(
                path, f"the passphrase does not open {path} (wrong passphrase, or a damaged file)"
            ) from exc
        raise NotADatabase(
            path, f"{path} cannot be read as a database ({exc}); it was left as it is."
        ) from exc
    if revision is None and tables - {"sqlite_sequence"}:
        raise NotADatabase(
            path, f"{path} is an SQLite database but not a rutjournal one; it was left as it is."
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            path,
            f"{path} was written by a newer version of rutjournal (schema {revision}); "
            "update rutjournal to open it. The file was left as it is.",
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise NotWritable(
            path, f"{path} cannot be written (check the permissions of the file and its folder)."
        )
    return FileState(path, exists=True, revision=revision)


def _ensure_writable_dir(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotWritable(path, f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritable(path, f"the data folder {folder} is not writable: {os.strerror(errno.EACCES)}")


def apply_pragmas(dbapi_connection: sqlite3.Connection) -> None:
    """Set the durability and safety pragmas; the connection is left in autocommit mode."""
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, so DDL is transactional too
    for pragma in PRAGMAS:
        dbapi_connection.execute(pragma)


def connect_raw(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the app's pragmas, for fast read paths (CLI search) and backups.

    For an encrypted journal it is a keyed sqlcipher3 connection that raises sqlite3's errors (see cipher).
    """
    key = cipher.key_for(path)
    if key is not None:
        conn = cipher.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    apply_pragmas(conn)
    return conn


def create_engine_for(path: Path) -> Engine:
    """An engine whose every connection has the app's pragmas and real (DDL-covering) transactions."""
    from sqlalchemy import create_engine, event

    key = cipher.key_for(path)
    if key is None:
        engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    else:
        from sqlalchemy.engine import URL
        from sqlalchemy.pool import QueuePool

        cipher.dbapi()  # SQLCipher's own stderr logging off before the first connection
        # The dialect runs PRAGMA key with the URL's password: a raw hex key, so nothing needs quoting and
        # no connection pays the key derivation. QueuePool, as for a plain file (the dialect's default
        # SingletonThreadPool would share one connection between a thread's reads and writes).
        url = URL.create("sqlite+pysqlcipher", password=key.pragma_value, database=str(path))
        # hide_parameters: an error's message must not carry journal text into the (plain) log file.
        engine = create_engine(
            url,
            poolclass=QueuePool,
            hide_parameters=True,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so it waits (busy timeout) instead of failing half-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        original = context.original_exception
        is_db_error = isinstance(original, sqlite3.DatabaseError) or cipher.is_cipher_error(original)
        if is_db_error and is_damage(original):
            raise DamagedDatabase(
                path, f"the journal file {path} is damaged ({original}); it was left as it is"
            ) from original

    return engine


def is_damage(exc: BaseException) -> bool:
    """SQLite's words for a file that is damaged (as opposed to busy, full or read-only)."""
    text = str(exc)
    return "malformed" in text or "file is not a database" in text


class Database:
    """An open, up-to-date journal database.

    Reads use short-lived bare sqlite3 connections (``reader``); the SQLAlchemy engine and sessions, for writes,
    are created on first use or ahead of time by ``warm_up`` — so opening a current journal imports no ORM.
    """

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._writer: Engine | None = None
        self._lock = threading.RLock()

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = create_engine_for(self.path)
            return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        with self._lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                self._writer = self.engine.execution_options(write=True)
                self._sessions = sessionmaker(self.engine, expire_on_commit=False)
            return self._sessions

    def session(self) -> Session:
        """A session for reading through the ORM."""
        return self.sessions()

    def write_session(self) -> Session:
        """A session whose transactions begin IMMEDIATE: use it for anything that writes."""
        sessions = self.sessions
        return sessions(bind=self._writer)

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A bare connection for one read, or one self-contained statement (autocommit: each statement is its
        own transaction and sees the latest commit)."""
        try:
            conn = connect_raw(self.path)
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._problem(exc) from exc
        finally:
            conn.close()

    def warm_up(self) -> None:
        """Import the ORM and build the engine now (from a background thread), so the first save is quick."""
        from sqlalchemy.orm import configure_mappers

        import rutjournal.core.journal_writes  # noqa: F401

        configure_mappers()
        _ = self.sessions

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def _problem(self, exc: sqlite3.DatabaseError) -> Exception:
        if is_damage(exc):
            return DamagedDatabase(
                self.path, f"the journal file {self.path} is damaged ({exc}); it was left as it is"
            )
        return exc


def open_database(path: Path, *, backup_dir: Path | None = None) -> Database:
    """Check the file, upgrade it (after a backup) if it is older than this app, and open it."""
    state = inspect_file(path)
    if state.is_current:
        return Database(path)  # nothing to do: no ORM, no Alembic on this path
    if not state.exists and cipher.key_for(path) is None:
        from rutjournal.core.new_journal import create_new

        create_new(path)  # the migrations' result in one step (see new_journal)
        log.info("created a new journal at %s", path)
        return Database(path)
    from rutjournal.core.migrate import upgrade_to_head

    engine = create_engine_for(path)
    try:
        upgrade_to_head(engine, state, backup_dir=backup_dir or path.parent / "backups")
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)
