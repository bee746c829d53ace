"""The document's view → the journal's SQLite, in the round's one write transaction, through the journal's
store (``store_by_uid``): every shown day is put under its uid (keeping ``created_at``), an entry the view no
longer shows goes, and the search index follows by the schema's triggers.

What came from another device is checked first, as if typed here: a score outside 1–5, hours outside 0–24 or a
tag that is no tag is left out (the CHECKs would refuse the whole round), and a text longer than a day may
hold is kept whole (the limit is the editor's, not the file's).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from rutjournal.core.errors import InvalidInput
from rutjournal.core.journal.store import drop_unused_tags
from rutjournal.core.journal.store_by_uid import UidEntry, delete_by_uid, put_by_uid, read_uid_entries
from rutjournal.core.sync.document import Shown
from rutjournal.core.values import SCORE_FIELDS, Scores, check_hours, check_score, normalize_tag


def project(conn: sqlite3.Connection, shown: Mapping[str, Shown], now: dt.datetime) -> int:
    """Make the journal hold exactly the view; returns how many entries were written or removed."""
    local = read_uid_entries(conn)
    written = 0
    for uid, day in sorted(shown.items(), key=lambda item: item[1].day):
        entry = _checked(day)
        if uid in local and entry == local[uid]._replace(created_at=entry.created_at):
            continue
        put_by_uid(conn, entry, now)
        written += 1
    for uid in local:
        if uid not in shown:  # (a row that took a shown uid for its day has lost this one already)
            delete_by_uid(conn, uid)
            written += 1
    drop_unused_tags(conn)
    return written


def _checked(day: Shown) -> UidEntry:
    values: dict[str, object] = {}
    for name in SCORE_FIELDS:
        try:
            values[name] = check_score(name, getattr(day.scores, name))
        except InvalidInput:
            values[name] = None
    try:
        values["hours"] = check_hours(day.scores.hours)
    except InvalidInput:
        values["hours"] = None
    tags = set()
    for tag in day.tags:
        try:
            tags.add(normalize_tag(tag))
        except InvalidInput:
            continue
    scores = Scores(**values)  # type: ignore[arg-type]
    return UidEntry(day.uid, day.day, day.body, scores, tuple(sorted(tags)), day.created)
