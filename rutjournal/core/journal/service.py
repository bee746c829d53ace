"""The journal service: one entry a day, saved whole (the editor) or appended to (the command line).

Everything goes through the store (``store``: plain SQL on the bare sqlite3 connection), reads on
``Database.reader`` and each write in one ``Database.writer`` transaction — so neither showing nor saving an
entry waits for SQLAlchemy. What only a save uses (the three-way merge, the tag edits) is imported by the
save: showing a day never loads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rutjournal.core.journal import store
from rutjournal.core.journal.reading import DayEntry
from rutjournal.core.journal.store import STREAK_CAP as STREAK_CAP  # how far back a streak is counted
from rutjournal.core.journal.store import TagUse
from rutjournal.core.storage.db import Database
from rutjournal.core.values import Scores, check_body, check_day, normalize_tags

if TYPE_CHECKING:
    from rutjournal.core.journal.entry_merge import EditBase
    from rutjournal.core.journal.writes import Saved

__all__ = ["DayEntry", "Journal", "TagUse"]


class Journal:
    """Reads and writes entries. Every write is one transaction; invalid input raises before any write."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, day: dt.date) -> DayEntry | None:
        with self.db.reader() as conn:
            return store.read_day(conn, day)

    def scores_between(self, first: dt.date, last: dt.date) -> dict[dt.date, Scores]:
        """Each day's scores from ``first`` to ``last`` (the days with an entry): what Crossroads reads."""
        with self.db.reader() as conn:
            return store.read_scores(conn, first, last)

    def save(self, day: dt.date, body: str, scores: Scores, tags: Sequence[str]) -> DayEntry | None:
        """Make the day's entry exactly this; an entry with nothing in it is removed (returns None)."""
        return self.save_edit(day, body, scores, tags, None).entry

    def save_edit(
        self, day: dt.date, body: str, scores: Scores, tags: Sequence[str], base: EditBase | None
    ) -> Saved:
        """Save what an editor holds. ``base`` is what it loaded (``EditBase.of(entry)``): if the stored entry
        has moved on since (``rutjournal add`` appended, an import wrote), the two are merged — nothing either
        wrote is dropped — and ``merged`` says the editor should show the result. A new day must lie within
        the journal's bounds (1900 to a hundred years ahead); a day an older journal already holds outside them
        can still be edited."""
        if base is None or base.revision is None:
            check_day("date", day)
        check_body(body)
        scores.validated()
        names = normalize_tags(list(tags))
        from rutjournal.core.journal.writes import save_day

        return save_day(self.db, day, body, scores, names, base)

    def append(self, day: dt.date, text: str, scores: Scores, tags: Sequence[str]) -> DayEntry:
        """Add text to the end of the day's entry (creating it); given scores replace, tags are added."""
        return self.append_telling(day, text, scores, tags)[1]

    def append_telling(
        self, day: dt.date, text: str, scores: Scores, tags: Sequence[str]
    ) -> tuple[DayEntry | None, DayEntry]:
        """``append``, returning the day as it was before too (None: it had no entry), for saying what
        changed; both are read in the one write transaction."""
        check_day("date", day)
        scores.validated()
        names = normalize_tags(list(tags))
        from rutjournal.core.journal.writes import append_day

        return append_day(self.db, day, text, scores, names)

    def marks(self, first: dt.date, last: dt.date) -> dict[dt.date, int | None]:
        """The days in [first, last] that have an entry, with their mood (for a calendar)."""
        with self.db.reader() as conn:
            return store.read_marks(conn, first, last)

    def latest_day(self, until: dt.date) -> dt.date | None:
        """The last day up to ``until`` that has an entry (one indexed look-up)."""
        with self.db.reader() as conn:
            return store.latest_day(conn, until)

    def is_empty(self) -> bool:
        """True while no day has an entry (one indexed look-up: it does not grow with the journal)."""
        with self.db.reader() as conn:
            return store.is_empty(conn)

    def tag_names(self) -> list[str]:
        with self.db.reader() as conn:
            return store.read_tag_names(conn)

    def tag_uses(self) -> list[TagUse]:
        """Every tag and how many days carry it, the most used first."""
        with self.db.reader() as conn:
            return store.tag_uses(conn)

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere (into an existing one: the two merge); returns the days touched."""
        from rutjournal.core.journal import tags

        return tags.rename_tag(self.db, old, new)

    def merge_tags(self, sources: Sequence[str], target: str) -> int:
        from rutjournal.core.journal import tags

        return tags.merge_tags(self.db, sources, target)

    def delete_tag(self, name: str) -> int:
        """Take a tag off every day (the days stay); returns the days touched."""
        from rutjournal.core.journal import tags

        return tags.delete_tag(self.db, name)

    def purge_deleted_text(self) -> None:
        """Rewrite the search index so the words of replaced or deleted text leave the file.

        FTS5 keeps a deleted row's words in its index segments until they are merged (SQLite's own FTS5
        ``secure-delete`` needs 3.42); ``optimize`` merges them all, and ``secure_delete`` zeroes the pages
        freed. It costs about 0.1 s on ten years. The purge and the end of its being owed are one
        transaction: a purge that fails, or never runs, is still owed (``purge_owed``).
        """
        with self.db.writer() as conn:
            store.purge_search_index(conn)

    def purge_owed(self) -> bool:
        """Whether text was replaced or deleted (by any writer) since the last purge: the triggers of migration
        0006 record it in the same transaction as the change, so a crash cannot lose it."""
        with self.db.reader() as conn:
            return store.purge_owed(conn)

    def first_day(self) -> dt.date | None:
        """The first day with an entry, or None."""
        with self.db.reader() as conn:
            return store.first_day(conn)

    def entries_after(self, day: dt.date) -> int:
        """How many entries are dated after ``day``."""
        with self.db.reader() as conn:
            return store.count_after(conn, day)

    def known_tags(self, today: dt.date) -> list[str]:
        """Every tag, the ones used most in the last year first: what the tag box offers as you type."""
        with self.db.reader() as conn:
            return store.ranked_tag_names(conn, today - dt.timedelta(days=365))

    def streak(self, today: dt.date) -> int:
        """Days in a row with an entry, ending today — or yesterday, while today is still unwritten."""
        with self.db.reader() as conn:
            return store.read_streak(conn, today)
