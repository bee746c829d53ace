"""What every importer produces: entry and task records, rejected records, and the importer's own error.

Parsers only read; nothing here touches the database. ``place`` always says where in the file a record came
from ("record 12", "line 5", "2024-03.txt day 7") so a message can point at it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rutjournal.core.errors import RutjournalError
from rutjournal.core.i18n import _


class ImportFileError(RutjournalError):
    """The file as a whole cannot be imported (unreadable, wrong format, truncated); nothing was written."""

    def __init__(self, path: Path, place: str, reason: str, *, reason_says_nothing: bool = False) -> None:
        self.path = path
        self.place = place
        self.reason = reason
        self.reason_says_nothing = reason_says_nothing  # the reason itself says nothing is imported
        if place:
            # TRANSLATORS: {place} says where in the file ("line 5", "record 12"), {reason} what is wrong there.
            message = _("{path} at {place}: {reason}; nothing was imported").format(
                path=path, place=place, reason=reason
            )
        else:
            message = _("{path}: {reason}; nothing was imported").format(path=path, reason=reason)
        super().__init__(message)


class ImportCancelled(RutjournalError):
    """The user cancelled; the transaction was rolled back and nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("import cancelled; nothing was imported"))


@dataclass(frozen=True)
class EntryRecord:
    """One journal record of another program. Several may fall on one day; they merge in time order."""

    day: dt.date
    body: str
    place: str
    time: dt.time | None = None
    title: str = ""
    tags: tuple[str, ...] = ()
    starred: bool = False
    mood: int | None = None
    energy: int | None = None
    challenge: int | None = None
    hours: float | None = None
    load: int | None = None


@dataclass(frozen=True)
class TaskRecord:
    """One task for the Load inventory (from Taskwarrior or a CSV)."""

    title: str
    place: str
    kind: str = "task"
    minutes_per_week: int = 0
    notes: str = ""
    tags: tuple[str, ...] = ()
    project: str | None = None
    status: str = "pending"
    created: dt.date | None = None
    due: dt.date | None = None


@dataclass(frozen=True)
class Rejected:
    """A record the importer could not use, and why, in words a person can act on."""

    place: str
    reason: str


@dataclass
class ParsedFile:
    """Everything one file gave: usable records and the ones rejected."""

    format: str
    path: Path
    entries: list[EntryRecord] = field(default_factory=list)
    tasks: list[TaskRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Rejected] = field(default_factory=list)  # readable but deliberately not imported


@dataclass(frozen=True)
class ImportOptions:
    """Choices the user can make about how a file is read (the GUI's mapping steps, the CLI's flags)."""

    mood_map: dict[str, int] | None = None  # Daylio: mood label (lower case) -> 1..5; None = the defaults
    # plain CSV: column header -> field; None = guessed from the headers
    csv_columns: dict[str, str] | None = None
