"""Tags as a whole: how often each is used, and renaming, merging and deleting them across every entry.

Plain SQL in one IMMEDIATE transaction each; the search index follows through the schema's triggers (a tag
renamed, or taken off an entry, is re-indexed there). Every entry a change touches gets a new ``updated_at``,
so its revision moves on and an editor holding that day merges instead of overwriting.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from rutjournal.core.errors import InvalidInput
from rutjournal.core.values import normalize_tag


@dataclass(frozen=True)
class TagUse:
    name: str
    entries: int  # how many days carry it


def tag_uses(conn: sqlite3.Connection) -> list[TagUse]:
    """Every tag with the number of entries that carry it, the most used first (then by name)."""
    rows = conn.execute(
        "SELECT t.name, count(et.entry_id) AS n FROM tags t LEFT JOIN entry_tags et ON et.tag_id = t.id "
        "GROUP BY t.id ORDER BY n DESC, t.name"
    ).fetchall()
    return [TagUse(str(name), int(n)) for name, n in rows]


def _id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def _touch(conn: sqlite3.Connection, tag_id: int) -> None:
    conn.execute(
        "UPDATE entries SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') "
        "WHERE id IN (SELECT entry_id FROM entry_tags WHERE tag_id = ?)",
        (tag_id,),
    )


def _existing(conn: sqlite3.Connection, name: str) -> int:
    found = _id(conn, name)
    if found is None:
        raise InvalidInput("tag", "a tag the journal has", name)
    return found


def rename_tag(conn: sqlite3.Connection, old: str, new: str) -> int:
    """Rename a tag on every entry; renaming to a tag that exists merges the two. Returns the entries
    touched."""
    target = normalize_tag(new)
    if not target:
        raise InvalidInput("new name", "a tag with at least one letter or digit", new)
    if target == old:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        source = _existing(conn, old)
        if _id(conn, target) is not None:
            touched = _merge(conn, [source], target)
        else:
            touched = int(
                conn.execute("SELECT count(*) FROM entry_tags WHERE tag_id = ?", (source,)).fetchone()[0]
            )
            _touch(conn, source)
            conn.execute("UPDATE tags SET name = ? WHERE id = ?", (target, source))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return touched


def merge_tags(conn: sqlite3.Connection, sources: Sequence[str], target: str) -> int:
    """Put ``target`` on every entry that carries one of ``sources`` and remove the sources; returns the
    entries touched. ``target`` may be one of the sources, or a new name."""
    name = normalize_tag(target)
    if not name:
        raise InvalidInput("merge into", "a tag with at least one letter or digit", target)
    conn.execute("BEGIN IMMEDIATE")
    try:
        ids = [_existing(conn, source) for source in sources if source != name]
        touched = _merge(conn, ids, name)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return touched


def _merge(conn: sqlite3.Connection, source_ids: Sequence[int], target: str) -> int:
    target_id = _id(conn, target)
    if target_id is None:
        target_id = int(conn.execute("INSERT INTO tags (name) VALUES (?)", (target,)).lastrowid or 0)
    entries: set[int] = set()
    for source in source_ids:
        entries |= {
            row[0] for row in conn.execute("SELECT entry_id FROM entry_tags WHERE tag_id = ?", (source,))
        }
        _touch(conn, source)
        conn.execute(
            "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT entry_id, ? FROM entry_tags "
            "WHERE tag_id = ?",
            (target_id, source),
        )
        conn.execute("DELETE FROM entry_tags WHERE tag_id = ?", (source,))
        conn.execute("DELETE FROM tags WHERE id = ?", (source,))
    return len(entries)


def delete_tag(conn: sqlite3.Connection, name: str) -> int:
    """Take a tag off every entry and forget it (the entries themselves stay); returns the entries touched."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        tag_id = _existing(conn, name)
        touched = int(
            conn.execute("SELECT count(*) FROM entry_tags WHERE tag_id = ?", (tag_id,)).fetchone()[0]
        )
        _touch(conn, tag_id)
        conn.execute("DELETE FROM entry_tags WHERE tag_id = ?", (tag_id,))
        conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return touched
