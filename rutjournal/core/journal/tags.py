"""Tags as a whole: renaming, merging and deleting them across every entry.

One write transaction each (``Database.writer``), through the store; the search index follows through the
schema's triggers (a tag renamed, or taken off an entry, is re-indexed there). Every entry a change touches
gets a new ``updated_at``, so its revision moves on and an editor holding that day merges instead of
overwriting. A name is checked before anything is opened for writing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from rutjournal.core.errors import InvalidInput
from rutjournal.core.i18n import _
from rutjournal.core.journal import store
from rutjournal.core.journal.store import TagUse
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.storage.db import Database
from rutjournal.core.values import normalize_tag

__all__ = ["TagUse", "delete_tag", "merge_tags", "rename_tag"]


def rename_tag(db: Database, old: str, new: str) -> int:
    """Rename a tag on every entry; renaming to a tag that exists merges the two. Returns the entries
    touched."""
    target = normalize_tag(new)
    if not target:
        # TRANSLATORS: "new name" labels the box a tag's new name is typed in.
        raise InvalidInput(_("new name"), _("a tag with at least one letter or digit"), new)
    if target == old:
        return 0
    with db.writer() as conn:
        source = _existing(conn, old)
        if store.tag_id(conn, target) is not None:
            return _merge(conn, [source], target)
        touched = len(store.tagged_entries(conn, source))
        store.touch_tagged(conn, source, now_utc())
        store.rename_tag_row(conn, source, target)
        return touched


def merge_tags(db: Database, sources: Sequence[str], target: str) -> int:
    """Put ``target`` on every entry that carries one of ``sources`` and remove the sources; returns the
    entries touched. ``target`` may be one of the sources, or a new name."""
    name = normalize_tag(target)
    if not name:
        # TRANSLATORS: "merge into" labels the box naming the tag others are merged into.
        raise InvalidInput(_("merge into"), _("a tag with at least one letter or digit"), target)
    with db.writer() as conn:
        ids = [_existing(conn, source) for source in sources if source != name]
        return _merge(conn, ids, name)


def delete_tag(db: Database, name: str) -> int:
    """Take a tag off every entry and forget it (the entries themselves stay); returns the entries touched."""
    with db.writer() as conn:
        tag = _existing(conn, name)
        touched = len(store.tagged_entries(conn, tag))
        store.touch_tagged(conn, tag, now_utc())
        store.delete_tag_row(conn, tag)
        return touched


def _existing(conn: sqlite3.Connection, name: str) -> int:
    found = store.tag_id(conn, name)
    if found is None:
        raise InvalidInput("tag", _("a tag the journal has"), name)
    return found


def _merge(conn: sqlite3.Connection, source_ids: Sequence[int], target: str) -> int:
    target_id = store.tag_id(conn, target)
    if target_id is None:
        target_id = store.add_tag(conn, target)
    entries: set[int] = set()
    now = now_utc()
    for source in source_ids:
        entries |= store.tagged_entries(conn, source)
        store.touch_tagged(conn, source, now)
        store.move_tag(conn, source, target_id)
    return len(entries)
