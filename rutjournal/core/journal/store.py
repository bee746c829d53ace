"""The journal's SQL, every statement on ``entries``, ``tags``, ``entry_tags`` and their index (by uid: store_by_uid).

Plain ``sqlite3`` on a connection the caller opened (``Database.reader`` for a read, ``Database.writer`` for a
write: the transaction is the caller's, so a save, a tag rename or a whole import is all or nothing). The
schema's triggers do the rest whoever writes: migration 0002 keeps the search index in step, migration 0006
raises ``entries.revision`` and records that deleted text is still in the index. Days and moments go in as
``datetime`` values and come back through ``storage.dates``. Search's statements are in ``store_search``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from rutjournal.core.journal.reading import DayEntry
from rutjournal.core.storage.dates import day_of, moment_of
from rutjournal.core.storage.rows import insert_as_given
from rutjournal.core.values import Scores

if TYPE_CHECKING:
    from rutjournal.core.journal.entry_merge import Content

SCORE_COLUMNS = ("mood", "energy", "challenge", "hours", "load")
TABLES = ("tags", "entries", "entry_tags")  # the journal's own tables, which only this module writes
PURGE_TASK = "search-purge"  # the row migration 0006's triggers leave in upkeep_owed
CHUNK = 500  # rows per executemany in a bulk write: a cancel is noticed this often
_DAY_SQL = "SELECT id, day, body, mood, energy, challenge, hours, load, created_at, updated_at, revision FROM entries"


class TagUse(NamedTuple):
    name: str
    entries: int  # how many days carry it


class BulkDay(NamedTuple):
    """One day an import writes whole: its new body and scores, and the tags it gains."""

    day: dt.date
    entry_id: int | None  # None: a new entry
    body: str
    scores: Scores
    new_tags: Sequence[str]


# Reading entries


def read_day(conn: sqlite3.Connection, day: dt.date) -> DayEntry | None:
    row = conn.execute(f"{_DAY_SQL} WHERE day = ?", (day,)).fetchone()
    if row is None:
        return None
    entry_id, day_text, body, mood, energy, challenge, hours, load, created, updated, revision = row
    tags = tuple(
        name
        for (name,) in conn.execute(
            "SELECT t.name FROM tags t JOIN entry_tags et ON et.tag_id = t.id WHERE et.entry_id = ? ORDER BY t.name",
            (entry_id,),
        )
    )
    return DayEntry(
        id=entry_id,
        day=day_of(day_text),
        body=body,
        scores=_scores(mood, energy, challenge, hours, load),
        tags=tags,
        created_at=moment_of(created),
        updated_at=moment_of(updated),
        revision=revision,
    )


def read_days(conn: sqlite3.Connection, first: dt.date, last: dt.date) -> list[DayEntry]:
    """Every entry in [first, last], oldest first, in two range queries (an import's look at what is there)."""
    tags: dict[int, list[str]] = {}
    for entry_id, name in conn.execute(
        "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
        "JOIN entries e ON e.id = et.entry_id WHERE e.day BETWEEN ? AND ? ORDER BY t.name",
        (first, last),
    ):
        tags.setdefault(entry_id, []).append(name)
    rows = conn.execute(f"{_DAY_SQL} WHERE day BETWEEN ? AND ? ORDER BY day", (first, last)).fetchall()
    return [
        DayEntry(
            id=entry_id,
            day=day_of(day),
            body=body or "",
            scores=_scores(mood, energy, challenge, hours, load),
            tags=tuple(tags.get(entry_id, ())),
            created_at=moment_of(created),
            updated_at=moment_of(updated),
            revision=revision,
        )
        for entry_id, day, body, mood, energy, challenge, hours, load, created, updated, revision in rows
    ]


def _scores(mood: Any, energy: Any, challenge: Any, hours: Any, load: Any) -> Scores:
    return Scores(mood, energy, challenge, None if hours is None else float(hours), load)


def read_scores(conn: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[dt.date, Scores]:
    """The scores of each day from ``first`` to ``last`` (both included) that has an entry, in one indexed
    range read; a score left blank stays None."""
    rows = conn.execute(
        "SELECT day, mood, energy, challenge, hours, load FROM entries WHERE day BETWEEN ? AND ?",
        (first, last),
    ).fetchall()
    return {day_of(day): _scores(*scores) for day, *scores in rows}


def read_marks(conn: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[dt.date, int | None]:
    """The days in [first, last] that have an entry, with their mood (for a calendar)."""
    rows = conn.execute("SELECT day, mood FROM entries WHERE day BETWEEN ? AND ?", (first, last))
    return {day_of(day): mood for day, mood in rows}


def latest_day(conn: sqlite3.Connection, until: dt.date) -> dt.date | None:
    """The last day up to ``until`` that has an entry (one indexed look-up)."""
    row = conn.execute("SELECT max(day) FROM entries WHERE day <= ?", (until,)).fetchone()
    return day_of(row[0]) if row and row[0] else None


def first_day(conn: sqlite3.Connection) -> dt.date | None:
    (day,) = conn.execute("SELECT min(day) FROM entries").fetchone()
    return day_of(day) if day else None


def count_after(conn: sqlite3.Connection, day: dt.date) -> int:
    return int(conn.execute("SELECT count(*) FROM entries WHERE day > ?", (day,)).fetchone()[0])


def is_empty(conn: sqlite3.Connection) -> bool:
    """True while no day has an entry (one indexed look-up: it does not grow with the journal)."""
    return conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None


STREAK_CAP = 1000  # a streak is counted this far back at most: "1000+" costs the same on any journal


def read_streak(conn: sqlite3.Connection, today: dt.date) -> int:
    """Days in a row with an entry, ending today — or yesterday, while today is still unwritten; STREAK_CAP
    when the run goes back at least that far (the walk stops there, whatever the journal's size)."""

    def has(day: dt.date) -> bool:
        return conn.execute("SELECT 1 FROM entries WHERE day = ?", (day,)).fetchone() is not None

    end = today if has(today) else today - dt.timedelta(days=1)
    if not has(end):
        return 0
    # The newest day on or before ``end`` whose previous day has no entry starts the run; SQLite walks the day
    # index backwards and stops there, or at the cap.
    floor = end - dt.timedelta(days=STREAK_CAP - 1)
    found = conn.execute(
        "SELECT day FROM entries AS e WHERE day <= ? AND day > ? AND NOT EXISTS "
        "(SELECT 1 FROM entries AS p WHERE p.day = date(e.day, '-1 day')) ORDER BY day DESC LIMIT 1",
        (end, floor),
    ).fetchone()
    return STREAK_CAP if found is None else (end - day_of(str(found[0]))).days + 1


# Writing one entry


def put_day(
    conn: sqlite3.Connection,
    day: dt.date,
    content: Content,
    stored: DayEntry | None,
    now: dt.datetime,
    tag_order: Sequence[str] | None = None,
) -> None:
    """Make the day hold ``content``: insert it, or update what changed of ``stored`` (``updated_at`` always:
    it is how a change of tags alone moves the revision on). Tags missing from the journal are added in
    ``tag_order`` (default: sorted), so their ids follow the order they were given in."""
    if stored is None:
        entry_id = _insert_entry(conn, day, content, now)
        had: tuple[str, ...] = ()
    else:
        entry_id, had = stored.id, stored.tags
        changes: dict[str, object] = {
            name: getattr(content.scores, name)
            for name in SCORE_COLUMNS
            if getattr(content.scores, name) != getattr(stored.scores, name)
        }
        if content.body != stored.body:
            changes = {"body": content.body, **changes}
        changes["updated_at"] = now
        assigned = ", ".join(f"{column} = ?" for column in changes)
        conn.execute(f"UPDATE entries SET {assigned} WHERE id = ?", (*changes.values(), entry_id))
    _set_tags(conn, entry_id, had, tag_order if tag_order is not None else content.tags, content.tags)


def _insert_entry(conn: sqlite3.Connection, day: dt.date, content: Content, now: dt.datetime) -> int:
    scores = tuple(getattr(content.scores, name) for name in SCORE_COLUMNS)
    cursor = conn.execute(
        "INSERT INTO entries (day, body, mood, energy, challenge, hours, load, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (day, content.body, *scores, now, now),
    )
    return int(cursor.lastrowid or 0)


def _set_tags(
    conn: sqlite3.Connection, entry_id: int, had: Sequence[str], order: Sequence[str], wanted: Sequence[str]
) -> None:
    """Links for the tags ``wanted`` gains (creating the tags it is the first to use), none for those it lost."""
    keep, held = set(wanted), set(had)
    gone, added = held - keep, [name for name in order if name in keep and name not in held]
    if gone:
        conn.executemany(
            "DELETE FROM entry_tags WHERE entry_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
            [(entry_id, name) for name in sorted(gone)],
        )
    if added:
        conn.executemany("INSERT OR IGNORE INTO tags (name) VALUES (?)", [(name,) for name in added])
        conn.executemany(
            "INSERT INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
            [(entry_id, name) for name in added],
        )


def delete_entry(conn: sqlite3.Connection, entry_id: int) -> None:
    """The entry and its tags' links go (the tags themselves stay: see ``drop_unused_tags``)."""
    conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def drop_unused_tags(conn: sqlite3.Connection) -> None:
    """A tag no entry uses any more goes, so it is neither suggested nor left behind in the file."""
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")


# Tags as a whole


def read_tag_names(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute("SELECT name FROM tags ORDER BY name")]


def tag_uses(conn: sqlite3.Connection) -> list[TagUse]:
    """Every tag with the number of entries that carry it, the most used first (then by name)."""
    rows = conn.execute(
        "SELECT t.name, count(et.entry_id) AS n FROM tags t LEFT JOIN entry_tags et ON et.tag_id = t.id "
        "GROUP BY t.id ORDER BY n DESC, t.name"
    ).fetchall()
    return [TagUse(str(name), int(n)) for name, n in rows]


def ranked_tag_names(conn: sqlite3.Connection, since: dt.date) -> list[str]:
    """Every tag's name, the most used on the days since ``since`` first (then by name): what the tag box
    offers. Counting one recent span, not the whole journal, keeps it as quick on a hundred years as on one."""
    rows = conn.execute(
        # CROSS JOIN keeps SQLite walking the recent days by the day index, then their tags, instead of
        # every tag link in the journal (0.6 ms against 230 ms on a hundred years)
        "SELECT t.name FROM tags t LEFT JOIN (SELECT et.tag_id, count(*) AS n FROM entries e "
        "CROSS JOIN entry_tags et ON et.entry_id = e.id WHERE e.day >= ? GROUP BY et.tag_id) recent "
        "ON recent.tag_id = t.id ORDER BY coalesce(recent.n, 0) DESC, t.name",
        (since,),
    ).fetchall()
    return [str(name) for (name,) in rows]


def tag_ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {str(name): int(id_) for id_, name in conn.execute("SELECT id, name FROM tags")}


def tag_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def tagged_entries(conn: sqlite3.Connection, tag: int) -> set[int]:
    return {int(row[0]) for row in conn.execute("SELECT entry_id FROM entry_tags WHERE tag_id = ?", (tag,))}


def touch_tagged(conn: sqlite3.Connection, tag: int, now: dt.datetime) -> None:
    """A new ``updated_at`` on every entry carrying the tag: their revisions move on, so an editor holding
    one of those days merges instead of overwriting."""
    conn.execute(
        "UPDATE entries SET updated_at = ? WHERE id IN (SELECT entry_id FROM entry_tags WHERE tag_id = ?)",
        (now, tag),
    )


def rename_tag_row(conn: sqlite3.Connection, tag: int, name: str) -> None:
    conn.execute("UPDATE tags SET name = ? WHERE id = ?", (name, tag))


def add_tag(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute("INSERT INTO tags (name) VALUES (?)", (name,)).lastrowid or 0)


def move_tag(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Every entry carrying ``source`` carries ``target`` instead, and ``source`` is gone."""
    conn.execute(
        "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT entry_id, ? FROM entry_tags WHERE tag_id = ?",
        (target, source),
    )
    delete_tag_row(conn, source)


def delete_tag_row(conn: sqlite3.Connection, tag: int) -> None:
    conn.execute("DELETE FROM entry_tags WHERE tag_id = ?", (tag,))
    conn.execute("DELETE FROM tags WHERE id = ?", (tag,))


# The search index's upkeep


def purge_search_index(conn: sqlite3.Connection) -> None:
    """Merge the index's segments (the words of replaced or deleted text leave the file) and clear the debt."""
    conn.execute("INSERT INTO entry_search(entry_search) VALUES ('optimize')")
    conn.execute("DELETE FROM upkeep_owed WHERE task = ?", (PURGE_TASK,))


def purge_owed(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM upkeep_owed WHERE task = ?", (PURGE_TASK,)).fetchone() is not None


# Bulk writes: imports and the JSON restore, inside the caller's one transaction


def write_days(
    conn: sqlite3.Connection,
    days: Sequence[BulkDay],
    new_tags: Sequence[str],
    now: dt.datetime,
    tick: Callable[[int], None] = lambda _rows: None,
) -> None:
    """Write many days at once: new tags, new entries and their tags, text and scores of days already there.

    New entries get their ids up front and their tags before themselves (foreign keys checked at commit), so
    the search index's insert trigger indexes each new day once, tags included. The days are staged, then
    moved in by one statement each: FTS5 flushes its pending index at every statement's savepoint, so one
    INSERT … SELECT (or UPDATE) indexes ten years three times faster than a trigger run per row. ``tick(n)``
    runs before every batch (n = 0: a chance to cancel) and after each batch of entries (n rows written).
    """
    _many(conn, "INSERT INTO tags (name) VALUES (?)", [(name,) for name in new_tags], tick)
    ids_of_tags = tag_ids(conn)
    conn.execute("PRAGMA defer_foreign_keys = ON")  # until this transaction ends
    (last_id,) = conn.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()
    new = [d for d in days if d.entry_id is None]
    old = [d for d in days if d.entry_id is not None]
    ids = {d.day: int(last_id) + n for n, d in enumerate(new, 1)}
    ids.update((d.day, d.entry_id) for d in old if d.entry_id is not None)
    links = "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)"
    _many(conn, links, [(ids[d.day], ids_of_tags[n]) for d in new for n in d.new_tags], tick)
    data = f"day, body, {', '.join(SCORE_COLUMNS)}, created_at, updated_at"
    conn.execute(f"CREATE TEMP TABLE staged_entries (id INTEGER PRIMARY KEY, {data})")
    conn.execute("CREATE TEMP TABLE staged_tags (entry_id INTEGER, tag_id INTEGER)")
    rows = [
        (ids[d.day], d.day, d.body, *(getattr(d.scores, c) for c in SCORE_COLUMNS), now, now) for d in days
    ]
    staged = f"INSERT INTO temp.staged_entries (id, {data}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    _many(conn, staged, rows, tick, counted=True)
    staged_links = "INSERT INTO temp.staged_tags (entry_id, tag_id) VALUES (?, ?)"
    _many(conn, staged_links, [(ids[d.day], ids_of_tags[n]) for d in old for n in d.new_tags], tick)
    conn.execute(
        f"INSERT INTO main.entries (id, {data}) SELECT id, {data} FROM temp.staged_entries WHERE id > ?",
        (last_id,),
    )
    if old:
        assigned = ", ".join(
            f"{column} = (SELECT s.{column} FROM temp.staged_entries s WHERE s.id = entries.id)"
            for column in ("body", *SCORE_COLUMNS, "updated_at")
        )
        conn.execute(
            f"UPDATE main.entries SET {assigned} WHERE id IN "
            "(SELECT id FROM temp.staged_entries WHERE id <= ?)",
            (last_id,),
        )
        conn.execute(
            "INSERT OR IGNORE INTO main.entry_tags (entry_id, tag_id) SELECT * FROM temp.staged_tags"
        )
    conn.execute("DROP TABLE temp.staged_entries")
    conn.execute("DROP TABLE temp.staged_tags")


def _many(
    conn: sqlite3.Connection,
    sql: str,
    rows: Sequence[tuple[object, ...]],
    tick: Callable[[int], None],
    *,
    counted: bool = False,
) -> None:
    for start in range(0, len(rows), CHUNK):
        batch = rows[start : start + CHUNK]
        tick(0)
        conn.executemany(sql, batch)
        if counted:
            tick(len(batch))


def restore_row(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> int:
    """Put one row of a JSON export back as it was (its id included); the restore has checked every column
    against the table. Returns the row's rowid."""
    return insert_as_given(conn, table, values, TABLES)
