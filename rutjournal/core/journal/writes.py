"""Saving and appending to a day, one write transaction each, on the plain sqlite3 connection (``store``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from rutjournal.core.journal import store
from rutjournal.core.journal.entry_merge import Content, EditBase, merge_content
from rutjournal.core.journal.reading import DayEntry
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.storage.db import Database
from rutjournal.core.values import Scores, check_body


class Saved(NamedTuple):
    """The day as stored by a save (None: removed, having nothing in it), and whether another writer's
    change was merged in — then it differs from what the editor sent."""

    entry: DayEntry | None
    merged: bool = False


def save_day(
    db: Database, day: dt.date, body: str, scores: Scores, names: Sequence[str], base: EditBase | None = None
) -> Saved:
    """Make the day's entry this; an entry with nothing in it is removed.

    With ``base`` (what the editor loaded), a stored entry that moved on since — ``rutjournal add``, an import,
    another window — is merged with instead of overwritten (``entry_merge``). The entry returned is read in
    the same transaction, so it is exactly what this save left, whatever another writer does next.
    """
    with db.writer() as conn:
        stored = store.read_day(conn, day)
        ours = Content(body, scores, tuple(sorted(names)))
        wanted = ours
        if base is not None and _moved_on(stored, base):
            wanted = merge_content(base.content, ours, Content.of(stored))
            check_body(wanted.body)
        if not wanted.body.strip() and wanted.scores == Scores() and not wanted.tags:
            if stored is not None:
                store.delete_entry(conn, stored.id)
                store.drop_unused_tags(conn)
            return Saved(None, merged=wanted != ours)
        if stored is None or Content.of(stored) != wanted:  # else nothing changed: keep updated_at honest
            store.put_day(conn, day, wanted, stored, now_utc())
            store.drop_unused_tags(conn)
        return Saved(store.read_day(conn, day), merged=wanted != ours)


def append_day(
    db: Database, day: dt.date, text: str, scores: Scores, names: Sequence[str]
) -> tuple[DayEntry | None, DayEntry]:
    """Add text to the end of the day's entry (creating it); given scores replace, tags are added. Returns
    the entry before and after, read in the same transaction."""
    with db.writer() as conn:
        stored = store.read_day(conn, day)
        had = Content.of(stored)
        body = had.body
        if text:
            old = body.rstrip("\n")
            body = check_body(f"{old}\n\n{text}" if old else text)
        given = {k: v for k, v in scores._asdict().items() if v is not None}
        order = [*had.tags, *(n for n in names if n not in had.tags)]
        wanted = Content(body, had.scores._replace(**given), tuple(sorted(order)))
        store.put_day(conn, day, wanted, stored, now_utc(), tag_order=order)
        after = store.read_day(conn, day)
    assert after is not None
    return stored, after


def _moved_on(stored: DayEntry | None, base: EditBase) -> bool:
    """Whether the stored entry is not the one, or not the revision, the editor loaded."""
    if stored is None:
        return base.revision is not None
    return base.revision != (stored.id, stored.revision) or Content.of(stored) != base.content
