"""Encryption at rest with SQLCipher: which files are encrypted, the keys held in memory, keyed connections.

How an encrypted journal is recognised: an SQLCipher file starts with 16 random bytes (its salt), so it cannot
be told from random bytes or a damaged file by looking at it. ``journal.sqlite3.encrypted`` beside it (no secret
in it) says "ask for a passphrase"; without it, a file that is not SQLite is refused as before, unless a
passphrase was given in ``RUTJOURNAL_PASSPHRASE`` (for a journal copied without its marker). A file that starts
with the SQLite header is always opened as plain, whatever the marker says, so a crash half-way through
setting or removing a passphrase never makes a readable file look locked.

Why raw keys: SQLCipher derives the key from the passphrase with PBKDF2-HMAC-SHA512 (256,000 rounds, about a
quarter of a second here) on every connection. The same derivation is done once per file salt with hashlib and
SQLCipher is given the raw key, so a keyed connection costs what a plain one does. Passphrases and keys live in
this process's memory only: never written, never logged, left out of every repr.

Without a passphrase none of this runs and ``sqlcipher3`` is never imported.
"""

from __future__ import annotations

import _thread
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from rutjournal.core.errors import DatabaseProblem
from rutjournal.core.i18n import _, ngettext

if TYPE_CHECKING:  # sqlite3 comes with a connection: the window asks needs_passphrase before its first paint
    import sqlite3

SQLITE_MAGIC = b"SQLite format 3\x00"
PASSPHRASE_ENV = "RUTJOURNAL_PASSPHRASE"
MARKER_SUFFIX = ".encrypted"
MIN_LENGTH = 8
KDF_ITERATIONS = 256_000  # SQLCipher 4's default: PBKDF2-HMAC-SHA512, 32-byte key, the file's 16-byte salt
MARKER_TEXT = (
    "This rutjournal journal is encrypted with SQLCipher 4; rutjournal asks for its passphrase.\n"
    "This file holds no secret. Deleting it decrypts nothing: it only tells rutjournal to ask.\n"
)


class PassphraseNeeded(DatabaseProblem):
    """The journal is encrypted and no passphrase was given for it."""


class WrongPassphrase(DatabaseProblem):
    """The passphrase does not open the file (or the file is damaged: SQLCipher cannot tell the two apart)."""


class Key(NamedTuple):
    """A raw SQLCipher key for one file salt; the salt is given too, so a new file gets the same one."""

    raw: bytes
    salt: bytes

    def __repr__(self) -> str:
        return "Key(…)"  # never the key itself, in a log or a traceback

    @property
    def pragma_value(self) -> str:
        return f"x'{self.raw.hex()}{self.salt.hex()}'"


_lock = _thread.allocate_lock()  # threading.Lock itself, without importing threading (3.8 M instructions)
_passphrases: dict[Path, str] = {}
_raw_keys: dict[tuple[str, bytes], bytes] = {}
_module: ModuleType | None = None
_headers: dict[Path, bytes] = {}  # see read_header
_held: dict[Path, int] = {}  # files this process has open as a journal, and how many times


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + MARKER_SUFFIX)


def read_header(path: Path) -> bytes | None:
    """The first 16 bytes of a file, or None when it is missing or too short to be a database.

    While this process has the file open as a journal (``hold``), the header comes from memory, read before
    the first connection: a process that holds SQLite connections to a file must never open and close a
    descriptor of its own on it, since closing any descriptor drops all of the process's POSIX locks on the
    file and another process then deletes the write-ahead log under it (SQLite's "How To Corrupt An SQLite
    Database File", 2.2). Code that replaces a held file calls ``reread_header`` afterwards.
    """
    where = path.absolute()
    with _lock:
        cached = _headers.get(where) if _held.get(where) else None
    if cached is not None:
        return cached
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    if len(head) != 16:
        return None
    with _lock:
        _headers[where] = head
    return head


def hold(path: Path) -> None:
    """This process opens ``path`` as a journal: from now on its header is never read from the file again."""
    where = path.absolute()
    read_header(path)  # before the first connection: the last read of the file itself
    with _lock:
        _held[where] = _held.get(where, 0) + 1


def let_go(path: Path) -> None:
    where = path.absolute()
    with _lock:
        left = _held.get(where, 0) - 1
        if left > 0:
            _held[where] = left
        else:
            _held.pop(where, None)


def reread_header(path: Path) -> None:
    """Read a file's header anew: it was just replaced (created, restored, converted), by this process, while
    this process held no connection to it (the callers hold the setup lock or the journal to themselves)."""
    where = path.absolute()
    with _lock:
        _headers.pop(where, None)
        held = _held.pop(where, None)
    read_header(path)
    if held:
        with _lock:
            _held[where] = held


def is_plain(path: Path) -> bool:
    return read_header(path) == SQLITE_MAGIC


def is_encrypted(db_path: Path) -> bool:
    """True when the journal is meant to be encrypted (marker) and its file is not plain SQLite."""
    head = read_header(db_path)
    return head is not None and head != SQLITE_MAGIC and marker_path(db_path).exists()


def needs_passphrase(db_path: Path) -> bool:
    """True when opening the journal needs a passphrase that this process does not hold yet."""
    head = read_header(db_path)
    if head is None or head == SQLITE_MAGIC or passphrase_for(db_path) is not None:
        return False
    return marker_path(db_path).exists() or bool(os.environ.get(PASSPHRASE_ENV))


def remember(db_path: Path, passphrase: str) -> None:
    with _lock:
        _passphrases.pop(db_path.absolute(), None)
        _passphrases[db_path.absolute()] = passphrase  # the newest last: see passphrase_for


def forget(db_path: Path | None = None) -> None:
    """Drop one journal's passphrase (or all), what is known of its header, and every key derived so far."""
    with _lock:
        if db_path is None:
            _passphrases.clear()
            _headers.clear()
        else:
            _passphrases.pop(db_path.absolute(), None)
            _headers.pop(db_path.absolute(), None)
        _raw_keys.clear()


def forget_all() -> None:
    """Back to what a process knows when it starts: no passphrase, no derived key, no header of a file it does
    not hold. For commands run one after another in one process (the tests), where a journal must not open
    with a passphrase an earlier command was given. The headers of files held open stay: reading those from
    the file again is what ``hold`` exists to prevent."""
    with _lock:
        _passphrases.clear()
        _raw_keys.clear()
        for where in [where for where in _headers if not _held.get(where)]:
            del _headers[where]


def passphrase_for(path: Path) -> str | None:
    """The passphrase for a journal, or for a copy of it (backups, temporary files: one process opens one
    journal, and its copies share its passphrase, so the one given last serves them)."""
    with _lock:
        if not _passphrases:
            return None
        exact = _passphrases.get(path.absolute())
        return exact if exact is not None else list(_passphrases.values())[-1]


def check_new_passphrase(passphrase: str) -> None:
    from rutjournal.core.errors import InvalidInput

    if len(passphrase) < MIN_LENGTH:
        allowed = ngettext("at least {count} character long", "at least {count} characters long", MIN_LENGTH)
        raise InvalidInput("passphrase", allowed.format(count=MIN_LENGTH))


def derive(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key derivation, done once per (passphrase, salt) in this process."""
    with _lock:
        cached = _raw_keys.get((passphrase, salt))
    if cached is not None:
        return cached
    import hashlib

    raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    with _lock:
        _raw_keys[(passphrase, salt)] = raw
    return raw


def new_key(passphrase: str) -> Key:
    """A key with a fresh random salt, for a file about to be created."""
    salt = os.urandom(16)
    return Key(derive(passphrase, salt), salt)


def key_for(path: Path, passphrase: str | None = None) -> Key | None:
    """The key that opens an existing encrypted file; None for a plain, missing or unkeyed one."""
    chosen = passphrase if passphrase is not None else passphrase_for(path)
    if chosen is None:
        return None  # the usual case, decided without reading the file
    head = read_header(path)
    if head is None or head == SQLITE_MAGIC:
        return None
    return Key(derive(chosen, head), head)


def dbapi() -> ModuleType:
    """``sqlcipher3.dbapi2``, imported on first use only, with SQLCipher's own stderr logging off."""
    global _module
    if _module is None:
        import sqlcipher3.dbapi2 as module

        from rutjournal.core.storage.dates import register_adapters

        register_adapters(module)
        probe = module.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, in one line
        finally:
            probe.close()
        _module = module
    return _module


def is_cipher_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith("sqlcipher3")


def translate(exc: BaseException) -> sqlite3.Error:
    """The sqlite3 exception matching a sqlcipher3 one, so every ``except sqlite3.X`` keeps working."""
    import sqlite3

    kind = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        kind = sqlite3.DatabaseError
    new = kind(*exc.args)
    for attr in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attr):
            setattr(new, attr, getattr(exc, attr))
    return new


class _Cursor:
    """A sqlcipher3 cursor whose errors are sqlite3's."""

    def __init__(self, cursor: Any) -> None:
        object.__setattr__(self, "_cursor", cursor)

    def _call(self, name: str, *args: Any) -> Any:
        try:
            return getattr(self._cursor, name)(*args)
        except Exception as exc:
            raise (translate(exc) if is_cipher_error(exc) else exc) from exc

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        self._call("execute", sql, params)
        return self

    def executemany(self, sql: str, seq: Any) -> _Cursor:
        self._call("executemany", sql, seq)
        return self

    def fetchone(self) -> Any:
        return self._call("fetchone")

    def fetchall(self) -> list[Any]:
        return cast(list[Any], self._call("fetchall"))

    def fetchmany(self, size: int = 1) -> list[Any]:
        return cast(list[Any], self._call("fetchmany", size))

    def __iter__(self) -> Iterator[Any]:
        while (row := self.fetchone()) is not None:
            yield row

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._cursor, name, value)


class CipherConnection:
    """A sqlcipher3 connection that looks like a sqlite3 one to the rest of the app (same errors)."""

    def __init__(self, conn: Any) -> None:
        object.__setattr__(self, "raw", conn)

    def _call(self, name: str, *args: Any) -> Any:
        try:
            return getattr(self.raw, name)(*args)
        except Exception as exc:
            raise (translate(exc) if is_cipher_error(exc) else exc) from exc

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        return _Cursor(self._call("cursor")).execute(sql, params)

    def executemany(self, sql: str, seq: Any) -> _Cursor:
        return _Cursor(self._call("cursor")).executemany(sql, seq)

    def executescript(self, script: str) -> Any:
        return self._call("executescript", script)

    def cursor(self) -> _Cursor:
        return _Cursor(self._call("cursor"))

    def commit(self) -> None:
        self._call("commit")

    def rollback(self) -> None:
        self._call("rollback")

    def close(self) -> None:
        self._call("close")

    def backup(self, target: Any, **kwargs: Any) -> None:
        """The online backup API; both sides must be sqlcipher3 connections (with the same key, if any)."""
        try:
            self.raw.backup(getattr(target, "raw", target), **kwargs)
        except Exception as exc:
            raise (translate(exc) if is_cipher_error(exc) else exc) from exc

    def __enter__(self) -> CipherConnection:
        return self

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self._call("commit" if kind is None else "rollback")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.raw, name, value)


def connect(
    target: str | Path, key: Key | None, *, uri: bool = False, timeout: float = 5.0
) -> sqlite3.Connection:
    """A sqlcipher3 connection (keyed when ``key`` is given), typed and behaving as a sqlite3 one."""
    module = dbapi()
    try:
        conn = module.connect(str(target), timeout=timeout, uri=uri)
        if key is not None:
            conn.execute(f'PRAGMA key = "{key.pragma_value}"')  # hex only: nothing to quote
    except Exception as exc:
        raise (translate(exc) if is_cipher_error(exc) else exc) from exc
    return cast("sqlite3.Connection", CipherConnection(conn))


def connect_file(
    path: Path, key: Key | None, *, read_only: bool = False, timeout: float = 5.0
) -> sqlite3.Connection:
    """Open an existing file with a key; read-only opens create no -wal/-shm when there is no WAL beside it."""
    if not read_only:
        return connect(path, key, timeout=timeout)
    has_wal = path.with_name(path.name + "-wal").exists()
    uri = f"{path.absolute().as_uri()}?mode=ro{'' if has_wal else '&immutable=1'}"
    return connect(uri, key, uri=True, timeout=timeout)


def unlock(db_path: Path, passphrase: str) -> None:
    """Check that the passphrase opens the journal (reading only) and hold it for this process."""
    import sqlite3

    key = key_for(db_path, passphrase)
    if key is None:
        raise DatabaseProblem(db_path, _("{path} is not an encrypted journal").format(path=db_path))
    try:
        conn = connect_file(db_path, key, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise WrongPassphrase(db_path, _("wrong passphrase for {path}").format(path=db_path)) from exc
        message = _("cannot open {path} ({error}); it was left as it is").format(path=db_path, error=exc)
        raise DatabaseProblem(db_path, message) from exc
    remember(db_path, passphrase)


def write_marker(db_path: Path) -> None:
    marker = marker_path(db_path)
    with marker.open("w", encoding="utf-8") as fh:
        fh.write(MARKER_TEXT)
        fh.flush()
        os.fsync(fh.fileno())
