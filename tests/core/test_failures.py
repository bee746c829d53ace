"""The machine's failures in one plain sentence; a bug is never mistaken for one."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from rutjournal.core.failures import plain_failure

JOURNAL = Path("/home/me/journal.sqlite3")


def wrapped(message: str) -> OperationalError:
    """What SQLAlchemy raises: the driver's error inside, the SQL and a help URL in its text."""
    try:
        try:
            raise sqlite3.OperationalError(message)
        except sqlite3.OperationalError as driver:
            raise OperationalError(
                "INSERT INTO entries (day, body) VALUES (?, ?)", ("x", "y"), driver
            ) from driver
    except OperationalError as exc:
        return exc


@pytest.mark.parametrize(
    ("exc", "start"),
    [
        (wrapped("database or disk is full"), f"the disk holding {JOURNAL} is full: free some space"),
        (sqlite3.OperationalError("database or disk is full"), f"the disk holding {JOURNAL} is full"),
        (OSError(errno.ENOSPC, "No space left on device"), f"the disk holding {JOURNAL} is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded", "/mnt/x.json"), "the disk holding /mnt/x.json is full"),
        (
            wrapped("attempt to write a readonly database"),
            f"{JOURNAL} is on a read-only disk or cannot be written",
        ),
        (OSError(errno.EROFS, "Read-only file system", "/media/ro/a.md"), "/media/ro/a.md is on a read-only"),
        (wrapped("disk I/O error"), f"the disk holding {JOURNAL} reported an input/output error"),
        (
            OSError(errno.EIO, "Input/output error"),
            f"the disk holding {JOURNAL} reported an input/output error",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/etc/x"),
            "permission to use /etc/x was refused",
        ),
    ],
)
def test_environment_failures_become_one_plain_sentence(exc: BaseException, start: str) -> None:
    sentence = plain_failure(exc, JOURNAL)
    assert sentence is not None and sentence.startswith(start)
    assert "\n" not in sentence and "sqlalche.me" not in sentence and "INSERT" not in sentence


def test_a_cause_deep_in_the_chain_is_found() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("writing the backup failed") from inner
    except RuntimeError as outer:
        assert plain_failure(outer, JOURNAL) == (
            f"the disk holding {JOURNAL} is full: free some space and try again; nothing was written"
        )


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("bad"),
        KeyError("x"),
        sqlite3.OperationalError("no such table: entries"),
        wrapped("database is locked"),
        OSError(errno.ENOENT, "No such file or directory", "/x"),
    ],
)
def test_anything_else_is_not_an_environment_failure(exc: BaseException) -> None:
    assert plain_failure(exc, JOURNAL) is None
