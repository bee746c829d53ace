"""Errors the core raises for a person to read: each names what is wrong and where."""

from __future__ import annotations

import os
from pathlib import Path

from rutjournal.core.i18n import _


class RutjournalError(Exception):
    """Base class: the message is meant for the user, in one line."""


class InvalidInput(RutjournalError, ValueError):
    """A value the user gave is outside what is allowed; nothing has been written."""

    def __init__(self, field: str, allowed: str, value: object = None) -> None:
        self.field = field
        self.allowed = allowed
        self.value = value
        if value is None:
            # TRANSLATORS: {field} is the option or column the user gave ("--hours", "mood"), {allowed} what it
            # may hold ("a whole number from 1 to 5").
            message = _("{field}: must be {allowed}").format(field=field, allowed=allowed)
        else:
            # shown whole when a path: where to look, not the user's text
            shown = repr(os.fspath(value)) if isinstance(value, os.PathLike) else _short(repr(value))
            # TRANSLATORS: as above; {value} is what the user gave, as Python writes it ('abc', 42).
            message = _("{field}: must be {allowed} (got {value})").format(
                field=field, allowed=allowed, value=shown
            )
        super().__init__(message)


def _short(text: str, most: int = 60) -> str:
    """A value as a message shows it: a few dozen characters at most (a pasted essay is not echoed back)."""
    return text if len(text) <= most else text[: most - 1] + "…"


class DatabaseProblem(RutjournalError):
    """The database file cannot be used as it is; it has not been touched."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NotADatabase(DatabaseProblem):
    pass


class NewerSchema(DatabaseProblem):
    pass


class NotWritable(DatabaseProblem):
    pass


class DamagedDatabase(DatabaseProblem):
    """SQLite found the file damaged while reading or writing it (or it is empty, or cut short).

    ``words`` is the finding alone, for a dialog that names the file already.
    """

    def __init__(self, path: Path, message: str, words: str | None = None) -> None:
        super().__init__(path, message)
        self.words = words


class MigrationFailed(DatabaseProblem):
    pass


class SearchSyntaxError(RutjournalError):
    """FTS5 could not parse the query; the message says how to write one."""
