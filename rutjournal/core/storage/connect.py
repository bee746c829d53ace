"""Looking at the journal file and connecting to it with the bare ``sqlite3`` module: checks that never touch a
bad file, the pragmas every connection gets, and SQLite's words for damage.

The file is looked at read-only first (fast, and safe), so a file that is not ours, is damaged, or was written
by a newer rutjournal is refused before anything writes to it, and before SQLAlchemy or Alembic are imported.
"""

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

from rutjournal.core.errors import DamagedDatabase, NewerSchema, NotADatabase, NotWritable
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.logsetup import logger
from rutjournal.core.storage import cipher, dates  # noqa: F401  (dates: the adapters, registered on import)
from rutjournal.core.storage.migrations import HEAD_REVISION, KNOWN_REVISIONS

log = logger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # a journal must survive power loss, not only a crash
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete=ON",  # deleted text must not linger in free pages
)


class FileState(NamedTuple):
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
        # TRANSLATORS: {error} is the system's own words ("Permission denied").
        message = _("cannot look at {path}: {error}").format(path=path, error=exc.strerror)
        raise NotWritable(path, message) from exc
    if path.is_dir():
        message = _("{path} is a folder, not a rutjournal database; it was left as it is.").format(path=path)
        raise NotADatabase(path, message)
    head = cipher.read_header(path)
    if size == 0 or head is None:
        if size == 0:
            message = _("the journal file {path} is empty (0 bytes): it is damaged, and was left as it is")
            words = _("the file is empty (0 bytes)")
        else:
            # TRANSLATORS: English writes "bytes" for one too.
            message = ngettext(
                "the journal file {path} is cut short ({count} bytes): it is damaged, and was left as it is",
                "the journal file {path} is cut short ({count} bytes): it is damaged, and was left as it is",
                size,
            )
            words = ngettext(
                "the file is cut short ({count} bytes)", "the file is cut short ({count} bytes)", size
            )
        raise DamagedDatabase(path, message.format(path=path, count=size), words.format(count=size))
    key = None
    if head != SQLITE_MAGIC:
        if cipher.needs_passphrase(path):
            raise cipher.PassphraseNeeded(
                path,
                # TRANSLATORS: {variable} is the name of an environment variable.
                _(
                    "the journal {path} is encrypted: give its passphrase in {variable}, "
                    "or run rutjournal in a terminal to be asked for it"
                ).format(path=path, variable=cipher.PASSPHRASE_ENV),
            )
        key = cipher.key_for(path)
        if key is None:
            raise NotADatabase(
                path,
                _("{path} is not a rutjournal database (not an SQLite file); it was left as it is.").format(
                    path=path
                ),
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
                path,
                _("the passphrase does not open {path} (wrong passphrase, or a damaged file)").format(
                    path=path
                ),
            ) from exc
        if is_damage(exc):
            raise damaged(path, exc) from exc
        # TRANSLATORS: {error} is SQLite's own message, in English.
        message = _("{path} cannot be read as a database ({error}); it was left as it is.")
        raise NotADatabase(path, message.format(path=path, error=first_line(exc))) from exc
    if revision is None and tables - {"sqlite_sequence"}:
        message = _("{path} is an SQLite database but not a rutjournal one; it was left as it is.")
        raise NotADatabase(path, message.format(path=path))
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            path,
            # TRANSLATORS: {revision} is the database schema's revision, a code such as 0007.
            _(
                "{path} was written by a newer version of rutjournal (schema {revision}); "
                "update rutjournal to open it. The file was left as it is."
            ).format(path=path, revision=revision),
        )
    return FileState(path, exists=True, revision=revision, read_only=_why_read_only(path))


def _why_read_only(path: Path) -> str | None:
    """Why the journal may only be read, or None: damage recorded by any process, or permissions."""
    from rutjournal.core.storage.damage_record import read_damage

    damage = read_damage(path)
    if damage is not None:
        return damage.sentence(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return _(
            "the journal file {path} is read-only for you (check the permissions of the file and its "
            "folder): it can be read, and nothing was written"
        ).format(path=path)
    return None


def first_line(exc: BaseException) -> str:
    """What an error says, on one line: the driver's own words when SQLAlchemy wrapped them with its SQL."""
    original = getattr(exc, "orig", None) or exc
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


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


def fetch_all(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> list[Any]:
    """Every row of a read, the same as ``conn.execute(sql, params).fetchall()`` with ``_text``, for thousands
    of rows: sqlite3 decodes the text itself, instead of calling ``_text`` in Python for every cell.

    A cell that is not UTF-8 makes sqlite3 stop with an error of its own (no SQLite result code) that quotes
    the cell: that error is dropped here, never shown or logged, and the statement read again through ``_text``.
    """
    conn.text_factory = str
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if sqlite_code(exc) is not None:
            raise  # SQLite's own refusal (busy, locked, …): reading again would only repeat it
    finally:
        conn.text_factory = _text
    return conn.execute(sql, params).fetchall()


def _ensure_writable_dir(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        # TRANSLATORS: {error} is the system's own words ("Permission denied").
        message = _("cannot create the data folder {folder}: {error}").format(
            folder=folder, error=exc.strerror
        )
        raise NotWritable(path, message) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        message = _("the data folder {folder} is not writable: {error}")
        raise NotWritable(path, message.format(folder=folder, error=os.strerror(errno.EACCES)))


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


def damaged(path: Path, exc: BaseException) -> DamagedDatabase:
    """The error for damage SQLite found in ``path``: one sentence naming the file and SQLite's finding."""
    # TRANSLATORS: {error} is SQLite's own finding, in English.
    message = _("the journal file {path} is damaged ({error}); it was left as it is")
    return DamagedDatabase(path, message.format(path=path, error=first_line(exc)))


def is_not_a_database(exc: BaseException) -> bool:
    """SQLITE_NOTADB: not an SQLite file, or (for an encrypted journal) the wrong key."""
    return _says(exc, SQLITE_NOTADB, "not a database")


def note_damage(path: Path, exc: BaseException) -> None:
    """Record damage SQLite reported (``SQLITE_CORRUPT``) so that no process writes into the file again.

    SQLITE_NOTADB is not recorded: with a passphrase it is also what a wrong key looks like.
    """
    if _says(exc, SQLITE_CORRUPT, "malformed"):
        from rutjournal.core.storage.damage_record import record_damage

        record_damage(path, first_line(exc))


def is_read_only_refusal(exc: BaseException) -> bool:
    """SQLITE_READONLY: a write to a file opened read-only (or with ``PRAGMA query_only``)."""
    return _says(exc, SQLITE_READONLY, "readonly database", "query_only")
