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

from rutjournal.core.errors import DamagedDatabase, NewerSchema, NotADatabase, NotWritable
from rutjournal.core.storage import cipher, dates  # noqa: F401  (dates: the adapters, registered on import)
from rutjournal.core.storage.file_locks import FileLock, setup_lock, use_lock
from rutjournal.core.storage.leftovers import remove_leftovers
from rutjournal.core.storage.migrations import HEAD_REVISION, KNOWN_REVISIONS
from rutjournal.core.storage.private_files import tighten

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from rutjournal.core.storage.damage_record import DamageRecord

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
    """What a quick read-only look at the database file found.

    ``read_only`` says why the journal may only be read (damage found earlier, or a file or folder this
    account cannot write); None when it can be written.
    """

    path: Path
    exists: bool
    revision: str | None
    read_only: str | None = None

    @property
    def is_current(self) -> bool:
        return self.exists and self.revision == HEAD_REVISION


def inspect_file(path: Path) -> FileState:
    """Look at the file without writing to it; raise a DatabaseProblem naming it if it cannot be used.

    A file that exists but is empty or too short to hold a database header is damage, not "no journal": it
    is never replaced by a new one here (the recovery keeps it aside and offers a backup).
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        _ensure_writable_dir(path)
        return FileState(path, exists=False, revision=None)
    except OSError as exc:
        raise NotWritable(path, f"cannot look at {path}: {exc.strerror}") from exc
    if path.is_dir():
        raise NotADatabase(path, f"{path} is a folder, not a rutjournal database; it was left as it is.")
    head = cipher.read_header(path)
    if size == 0 or head is None:
        what = "empty (0 bytes)" if size == 0 else f"cut short ({size} bytes)"
        raise DamagedDatabase(
            path,
            f"the journal file {path} is {what}: it is damaged, and was left as it is",
            f"the file is {what}",
        )
    key = None
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
        conn = connect_existing(path, key, read_only=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if key is not None and is_not_a_database(exc):
            raise cipher.WrongPassphrase(
                path, f"the passphrase does not open {path} (wrong passphrase, or a damaged file)"
            ) from exc
        if is_damage(exc):
            raise DamagedDatabase(
                path, f"the journal file {path} is damaged ({_one_line(exc)}); it was left as it is"
            ) from exc
        raise NotADatabase(
            path, f"{path} cannot be read as a database ({_one_line(exc)}); it was left as it is."
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
    return FileState(path, exists=True, revision=revision, read_only=_why_read_only(path))


def _why_read_only(path: Path) -> str | None:
    """Why the journal may only be read, or None: damage recorded by any process, or permissions."""
    from rutjournal.core.storage.damage_record import read_damage

    damage = read_damage(path)
    if damage is not None:
        return damage.sentence(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return (
            f"the journal file {path} is read-only for you (check the permissions of the file and its "
            "folder): it can be read, and nothing was written"
        )
    return None


def _one_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _uri(path: Path, *, read_only: bool) -> str:
    """A URI that never creates the file (``mode=rw``), or reads it only (``mode=ro``).

    A read-only look at a file with no write-ahead log beside it in a folder we cannot write is made
    ``immutable``: SQLite could not create the -shm it would otherwise want, and nobody is writing the file.
    """
    uri = f"{path.absolute().as_uri()}?mode={'ro' if read_only else 'rw'}"
    if read_only and not path.with_name(path.name + "-wal").exists():
        # Nothing to miss by reading it as immutable, and SQLite then makes no -wal/-shm beside a file we
        # may be about to refuse.
        uri += "&immutable=1"
    return uri


def connect_existing(path: Path, key: cipher.Key | None, *, read_only: bool = False) -> sqlite3.Connection:
    """A bare connection that never creates the file; keyed (through SQLCipher) when ``key`` is given."""
    uri = _uri(path, read_only=read_only)
    if key is not None:
        conn = cipher.connect(uri, key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.text_factory = _text
    return conn


def _text(data: bytes) -> str:
    """Text cells as str; bytes that are not UTF-8 become U+FFFD instead of an error that would quote the
    cell's text (journal text) in its message and so in the log."""
    return data.decode("utf-8", "replace")


def _ensure_writable_dir(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotWritable(path, f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritable(path, f"the data folder {folder} is not writable: {os.strerror(errno.EACCES)}")


def apply_pragmas(dbapi_connection: sqlite3.Connection, *, read_only: bool = False) -> None:
    """Set the durability and safety pragmas; the connection is left in autocommit mode.

    A read-only journal gets ``query_only`` on top of its read-only open, so even a statement that would
    write is refused by SQLite before it starts.
    """
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, so DDL is transactional too
    for pragma in PRAGMAS:
        if read_only and "journal_mode" in pragma:
            continue  # a read-only connection cannot change the journal mode (and need not)
        dbapi_connection.execute(pragma)
    if read_only:
        dbapi_connection.execute("PRAGMA query_only=ON")


def connect_raw(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A bare sqlite3 connection with the app's pragmas, for fast read paths (CLI search) and backups.

    For an encrypted journal it is a keyed sqlcipher3 connection that raises sqlite3's errors (see cipher).
    It never creates the file: a journal that vanished is an error, not a new empty file.
    """
    conn = connect_existing(path, cipher.key_for(path), read_only=read_only)
    apply_pragmas(conn, read_only=read_only)
    return conn


def create_engine_for(path: Path, *, read_only: bool = False, create: bool = False) -> Engine:
    """An engine whose every connection has the app's pragmas and real (DDL-covering) transactions.

    Its connections never create the file unless ``create`` (building a journal with the migrations).
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL
    from sqlalchemy.pool import QueuePool

    key = cipher.key_for(path)

    def connect() -> Any:
        target = str(path) if create else _uri(path, read_only=read_only)
        if key is None:
            conn = sqlite3.connect(
                target, uri=not create, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        else:
            conn = cipher.dbapi().connect(
                target, uri=not create, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        conn.text_factory = _text
        return conn

    # hide_parameters: an error's message must not carry journal text into the log file. QueuePool for both
    # (the cipher dialect's default SingletonThreadPool would share one connection between a thread's reads
    # and writes).
    if key is None:
        engine = create_engine(
            "sqlite+pysqlite://", creator=connect, poolclass=QueuePool, hide_parameters=True
        )
    else:
        cipher.dbapi()  # SQLCipher's own stderr logging off before the first connection
        # The dialect runs PRAGMA key with the URL's password: a raw hex key, so nothing needs quoting and
        # no connection pays the key derivation.
        url = URL.create("sqlite+pysqlcipher", password=key.pragma_value, database=str(path))
        engine = create_engine(url, creator=connect, poolclass=QueuePool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        apply_pragmas(dbapi_connection, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so it waits (busy timeout) instead of failing half-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        original = context.original_exception
        is_db_error = isinstance(original, sqlite3.DatabaseError) or cipher.is_cipher_error(original)
        if is_db_error and is_damage(original):
            note_damage(path, original)
            raise DamagedDatabase(
                path, f"the journal file {path} is damaged ({_one_line(original)}); it was left as it is"
            ) from original

    return engine


# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code keeps one in its low byte.
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    """The primary result code SQLite gave for ``exc`` (or for the driver error SQLAlchemy wraps in it), or
    None when the error does not carry one (sqlcipher3's errors, or one raised by Python code)."""
    for error in (exc, getattr(exc, "orig", None), exc.__cause__):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    return None


def _says(exc: BaseException, code: int, *words: str) -> bool:
    """Whether SQLite answered ``code``; only an error without a code is judged by its words."""
    found = sqlite_code(exc)
    return found == code if found is not None else any(w in str(exc) for w in words)


def is_damage(exc: BaseException) -> bool:
    """A file that is damaged (SQLITE_CORRUPT, or SQLITE_NOTADB: not a database at all), as opposed to busy,
    full or read-only. By SQLite's code: its words alone would also take "malformed JSON" for damage."""
    return _says(exc, SQLITE_CORRUPT, "malformed") or _says(exc, SQLITE_NOTADB, "file is not a database")


def is_not_a_database(exc: BaseException) -> bool:
    """SQLITE_NOTADB: not an SQLite file, or (for an encrypted journal) the wrong key."""
    return _says(exc, SQLITE_NOTADB, "not a database")


def note_damage(path: Path, exc: BaseException) -> None:
    """Record damage SQLite reported (``SQLITE_CORRUPT``) so that no process writes into the file again.

    SQLITE_NOTADB is not recorded: with a passphrase it is also what a wrong key looks like.
    """
    if _says(exc, SQLITE_CORRUPT, "malformed"):
        from rutjournal.core.storage.damage_record import record_damage

        record_damage(path, _one_line(exc))


def is_read_only_refusal(exc: BaseException) -> bool:
    """SQLITE_READONLY: a write to a file opened read-only (or with ``PRAGMA query_only``)."""
    return _says(exc, SQLITE_READONLY, "readonly database", "query_only")


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
