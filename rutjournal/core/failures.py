"""Failures of the machine rather than of rutjournal — a full disk, a read-only file system, an I/O error, a
permission refused — told in one plain sentence.

The command line and the window both use ``plain_failure``: SQLite's and SQLAlchemy's own words (with their
SQL and help URLs) mean nothing to a person whose disk is full, and a bug must not be mistaken for one of these.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from rutjournal.core.i18n import N_, _

FULL, READ_ONLY, IO_ERROR, DENIED = "full", "read-only", "io", "denied"
_ERRNOS = {
    code: kind
    for name, kind in (
        ("ENOSPC", FULL),
        ("EDQUOT", FULL),
        ("EFBIG", FULL),
        ("EROFS", READ_ONLY),
        ("EIO", IO_ERROR),
        ("EACCES", DENIED),
        ("EPERM", DENIED),
    )
    if (code := getattr(errno, name, None)) is not None  # not every platform has every code
}
# SQLite reports these as sqlite3 errors, with an error name (Python 3.11+) and always with these words.
_SQLITE_NAMES = (
    ("SQLITE_FULL", FULL),
    ("SQLITE_READONLY", READ_ONLY),
    ("SQLITE_IOERR", IO_ERROR),
    ("SQLITE_PERM", DENIED),
)
_SQLITE_WORDS = (
    ("database or disk is full", FULL),
    ("attempt to write a readonly database", READ_ONLY),
    ("disk i/o error", IO_ERROR),
    ("access permission denied", DENIED),
)
# TRANSLATORS: {file} is a file's path.
_SENTENCES = {
    FULL: N_("the disk holding {file} is full: free some space and try again; nothing was written"),
    READ_ONLY: N_(
        "{file} is on a read-only disk or cannot be written: make it writable or use another folder; "
        "nothing was written"
    ),
    IO_ERROR: N_(
        "the disk holding {file} reported an input/output error (it may be failing or disconnected): "
        "check it, then try again"
    ),
    DENIED: N_("permission to use {file} was refused: check who owns it and its permissions, then try again"),
}
# The same when no file is known.
_SENTENCES_NO_FILE = {
    FULL: N_("the disk holding the file is full: free some space and try again; nothing was written"),
    READ_ONLY: N_(
        "the file is on a read-only disk or cannot be written: make it writable or use another folder; "
        "nothing was written"
    ),
    IO_ERROR: N_(
        "the disk holding the file reported an input/output error (it may be failing or disconnected): "
        "check it, then try again"
    ),
    DENIED: N_(
        "permission to use the file was refused: check who owns it and its permissions, then try again"
    ),
}


def failure_kind(exc: BaseException) -> tuple[str, str | None] | None:
    """``(kind, file named by the error)`` when ``exc`` or what caused it is one of the environment's failures."""
    for cause in _chain(exc):
        if isinstance(cause, OSError) and cause.errno in _ERRNOS:
            name = cause.filename
            return _ERRNOS[cause.errno], None if name is None else str(name)
        if isinstance(cause, sqlite3.Error):
            code = str(getattr(cause, "sqlite_errorname", "") or "")
            for prefix, kind in _SQLITE_NAMES:
                if code.startswith(prefix):
                    return kind, None
            text = str(cause).lower()
            for words, kind in _SQLITE_WORDS:
                if words in text:
                    return kind, None
    return None


def plain_failure(exc: BaseException, path: Path | str | None = None) -> str | None:
    """One sentence for a person when ``exc`` is a full disk, a read-only disk, an I/O error or a refused
    permission (else None). It names the file the error names, else ``path`` (what the caller was writing)."""
    found = failure_kind(exc)
    if found is None:
        return None
    kind, named = found
    file = named or (str(path) if path is not None else None)
    if file is None:
        return _(_SENTENCES_NO_FILE[kind])
    return _(_SENTENCES[kind]).format(file=file)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, the driver error SQLAlchemy wraps (``orig``), and their causes and contexts, each once."""
    todo: list[BaseException] = [exc]
    seen: set[int] = set()
    while todo and len(seen) < 20:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                todo.append(linked)
