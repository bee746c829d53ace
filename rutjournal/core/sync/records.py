"""The other sections' records in the replicated document: tasks and their decision history (Load), targets,
gaps, goals, milestones, goal progress, evidence and challenges (Grow), conversations with their options and
follow-ups, and promotion decisions (Guidance), check-ins with their answers and job applications (Crossroads).

**In the document** each table is a Map of its own (``records_table.TABLES``, beside ``document``'s
"entries"), keyed by the row's uid; each record is a Map of its columns but ``id``, ``uid`` and ``updated_at``
(``created_at`` is kept), plus ``deleted`` (a tombstone: a deletion propagates and no late update brings the
record back) and ``origin`` (the device that made it). A link holds the parent's uid under the parent's name
("task"), so ids never cross devices. A free-form text is a ``pycrdt.Text`` edited by ranges
(``texts.edit_texts``): two devices' edits of one task's notes both survive. A short field is a scalar: when
two devices set it at once, the engine keeps one, the same on every device. A check-in's answers are a Map
inside its record (question key → score): two devices answering different questions both hold.

**Local → document** (``record_local``): each table's rows (by uid) are compared with what the view shows;
a changed row goes in as edits (a scalar set, a text's ranges), a new one as a new record, a row gone here
sets the tombstone. A row the document holds but does not show (tombstoned: deleted elsewhere, then put back
here by an undo or a restore) is brought back as this device has it.

**Document → SQLite** (``project``): the view is what SQLite holds after a round. In parent order, a row not
shown goes and a shown row that differs is put, by uid, through the sections' stores (``store_by_uid``),
which stamp as the sections do. A record whose parent is not shown is not shown (as ON DELETE CASCADE would
take it); a SET NULL link (evidence's gap and goal) to a parent not shown is blank. A value the schema's CHECKs
or types would refuse (core/choices.py), sent by another device, is left out where the column may be blank,
or the record is not shown; either way with a log line, and the round goes on. A row whose write fails all the
same is rolled back alone (a savepoint) and logged.

Decisions:
* A deletion beats a concurrent edit: a task deleted on one device while its notes were edited on another
  stays deleted everywhere (the edit lands in the tombstoned record and is never shown); so does a goal's
  milestone added elsewhere while the goal was deleted (not shown: its parent is gone).
* Check-ins of the same day from two devices (``checkins.day`` is UNIQUE): the view shows one, under the
  smallest uid, its note the notes of all joined by a blank line in uid order, its answers the first's with
  the others' for questions it did not answer: the same on every device, whatever order the updates came
  in. An edit of the joined note goes into the notes it falls in, a deletion tombstones them all.
* Two devices appending a milestone to one goal at once give both the same ``position``: each device then
  orders the two by its own ids (the records are the same everywhere). Two targets set at once are both
  active; Grow shows the newest.
* Open edge: a row whose write failed (the savepoint; no known value reaches it) is missing here while the
  view shows it, so the next round here reads it as deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from pycrdt import Doc, Map, Text

from rutjournal.core import choices
from rutjournal.core.crossroads import store_by_uid as crossroads_store
from rutjournal.core.grow import store_by_uid as grow_store
from rutjournal.core.load import store_by_uid as load_store
from rutjournal.core.logsetup import logger
from rutjournal.core.storage.rows_by_uid import Shape, savepoint
from rutjournal.core.sync.records_table import (
    ANSWER_KEY_CHARS,
    ANSWERS,
    TABLES,
    Invalid,
    Table,
    cell,
    checked,
    plain,
    whole,
)
from rutjournal.core.sync.texts import edit_texts

log = logger(__name__)
STORES = {"load": load_store, "grow": grow_store, "crossroads": crossroads_store}
NAMES = tuple(table.name for table in TABLES)
SEPARATOR = "\n\n"
NONE = ":none"  # beside a text that may be NULL: True when it is
MEMBERS = "members"  # in a shown check-in: the live check-ins of its day, the shown uid first
Row = dict[str, Any]
View = dict[str, dict[str, Row]]


def _shape(table: Table) -> Shape:
    links = {c.name: c.parent for c in table.columns if c.parent}
    return Shape(table.name, tuple(c.name for c in table.columns), links)


def read_local(conn: sqlite3.Connection) -> View:
    """Every synced table's rows in the journal, by uid, as plain values (links as the parents' uids)."""
    return {table.name: _read(conn, table) for table in TABLES}


def _read(conn: sqlite3.Connection, table: Table) -> dict[str, Row]:
    rows = STORES[table.section].read_rows(conn, _shape(table))
    return {
        uid: {c.name: plain(c, row[c.name]) for c in table.columns}
        | ({ANSWERS: dict(row[ANSWERS])} if ANSWERS in row else {})
        for uid, row in rows.items()
    }


# -- the view --------------------------------------------------------------------------------------------------
def view(doc: Doc[Any], problems: list[str] | None = None) -> View:
    """What every table shows, by uid, as plain values: what SQLite holds after a round. What is left out for
    a value the schema refuses is told in ``problems``."""
    told: list[str] = [] if problems is None else problems
    shown: View = {}
    for table in TABLES:
        rows: dict[str, Row] = {}
        held = json.loads(str(doc.get(table.name, type=Map)))  # one read of the table (Yrs writes JSON): fast
        for uid, item in held.items():
            if not isinstance(item, dict) or item.get("deleted", False) is not False:
                continue
            try:
                row = _shown_row(table, uid, item, shown, told)
            except Invalid as exc:
                told.append(f"{table.name} {uid} left out: {exc}")
                continue
            if row is not None:
                rows[uid] = row
        shown[table.name] = _one_a_day(rows) if table.name == "checkins" else rows
    return shown


def _raw(item: dict[str, Any], key: str, text: bool) -> Any:
    if text and item.get(key + NONE) is True:
        return None
    return item.get(key)


def _shown_row(table: Table, uid: str, item: dict[str, Any], shown: View, told: list[str]) -> Row | None:
    row: Row = {}
    for column in table.columns:
        value = _raw(item, column.key, column.kind == "text")
        if column.parent and isinstance(value, str) and value not in shown[column.parent]:
            if column.cascade:
                return None  # its parent is gone (or not here yet): so is the record
            value = None
        try:
            row[column.name] = checked(column, value)
        except Invalid as exc:
            if not column.null:
                raise
            told.append(f"{table.name} {uid}: {exc}; left blank")
            row[column.name] = None
    if table.name == "checkins":
        row[ANSWERS] = _answers(uid, item, told)
    return row


def _answers(uid: str, item: dict[str, Any], told: list[str]) -> dict[str, int]:
    held = item.get(ANSWERS)
    found = {}
    for key, score in held.items() if isinstance(held, dict) else ():
        try:
            if len(key) > ANSWER_KEY_CHARS:
                raise Invalid(f"the question key {key[:50]!r} is too long")
            found[key] = whole(f"answer {key}", score, choices.SCORE)
        except Invalid as exc:
            told.append(f"checkins {uid}: {exc}; answer left out")
    return found


def _one_a_day(rows: dict[str, Row]) -> dict[str, Row]:
    """One check-in a day: the smallest uid's, holding the notes of all and every answer (the module's
    docstring)."""
    days: dict[str, list[tuple[str, Row]]] = {}
    for uid, row in sorted(rows.items()):
        days.setdefault(row["day"], []).append((uid, row))
    shown = {}
    for members in days.values():
        uid, first = members[0]
        answers: dict[str, int] = {}
        for _uid, row in reversed(members):
            answers |= row[ANSWERS]
        shown[uid] = first | {
            "note": SEPARATOR.join(row["note"] for _uid, row in members if row["note"]),
            "created_at": min(row["created_at"] for _uid, row in members),
            ANSWERS: answers,
            MEMBERS: tuple(member for member, _row in members),
        }
    return shown


def changes(
    before: Mapping[str, Mapping[str, Row]], after: Mapping[str, Mapping[str, Row]]
) -> dict[str, int]:
    """How many records of each table the view shows otherwise (added, changed or gone), tables with none
    left out."""
    counted = {}
    for name in NAMES:
        old, new = before.get(name, {}), after.get(name, {})
        count = sum(1 for uid in old.keys() | new.keys() if old.get(uid) != new.get(uid))
        if count:
            counted[name] = count
    return counted


# -- local → document ------------------------------------------------------------------------------------------
def record_local(doc: Doc[Any], conn: sqlite3.Connection, device: str) -> dict[str, int]:
    """Put this device's rows into the document as edits; returns how many records of each table changed
    (tables with none left out). The document must be what the last round projected into SQLite."""
    local, shown = read_local(conn), view(doc)
    sent = {}
    with doc.transaction():
        for table in TABLES:
            held: Map[Any] = doc.get(table.name, type=Map)
            mine, seen = local[table.name], shown[table.name]
            count = 0
            for uid, row in mine.items():
                if uid in seen:
                    members = [held[member] for member in seen[uid].get(MEMBERS, (uid,))]
                    count += _edit(table, members, seen[uid], row)
                elif isinstance(held.get(uid), Map):  # tombstoned or not shown: back as this device has it
                    held[uid]["deleted"] = False
                    _edit(table, [held[uid]], {}, row)
                    count += 1
                else:
                    held[uid] = _new(table, row, device)
                    count += 1
            for uid in seen.keys() - mine.keys():  # deleted here
                for member in seen[uid].get(MEMBERS, (uid,)):
                    held[member]["deleted"] = True
                count += 1
            if count:
                sent[table.name] = count
    return sent


def _new(table: Table, row: Row, device: str) -> Map[Any]:
    values: dict[str, Any] = {"deleted": False, "origin": device}
    for column in table.columns:
        value = row[column.name]
        if column.kind == "text":
            values[column.key] = Text(value or "")
            if column.null:
                values[column.key + NONE] = value is None
        else:
            values[column.key] = value
    if ANSWERS in row:
        values[ANSWERS] = Map(dict(row[ANSWERS]))
    return Map(values)


def _child(item: Map[Any], key: str, kind: type[Text] | type[Map[Any]]) -> Any:
    """The Text or Map under ``key``, made (empty) if another device's record has something else there."""
    if not isinstance(item.get(key), kind):
        item[key] = kind()
    return item[key]


def _edit(table: Table, items: list[Map[Any]], old: Row, new: Row) -> int:
    """Turn the records ``items`` (the one shown, or a day's check-ins) from ``old`` (what the view shows, or
    {} to set every value) into ``new``; 1 when anything differed, else 0."""
    changed = 0
    for column in table.columns:
        value = new[column.name]
        if column.name in old and old[column.name] == value:
            continue
        changed = 1
        if column.kind != "text":
            for item in items:
                item[column.key] = value
            continue
        if column.null:
            for item in items[:1]:
                item[column.key + NONE] = value is None
        texts = [_child(item, column.key, Text) for item in items]
        edit_texts(texts, SEPARATOR.join(str(t) for t in texts if str(t)), value or "", SEPARATOR)
    if ANSWERS in new and old.get(ANSWERS) != new[ANSWERS]:
        changed = 1
        wanted: dict[str, int] = new[ANSWERS]
        maps = [_child(item, ANSWERS, Map) for item in items]
        for held in maps:
            for key in [key for key in held if key not in wanted]:
                del held[key]
        for key, score in wanted.items():
            if maps[0].get(key) != score:
                maps[0][key] = score
    return changed


# -- document → SQLite -----------------------------------------------------------------------------------------
def project(conn: sqlite3.Connection, doc: Doc[Any], now: dt.datetime) -> int:
    """Make the journal's synced tables hold exactly the view; returns how many rows were written or removed."""
    problems: list[str] = []
    shown = view(doc, problems)
    for line in problems:
        log.warning("sync: %s", line)
    written = 0
    for table in TABLES:  # parents first: a row's parent is in place before it
        store, shape = STORES[table.section], _shape(table)
        mine, wanted = _read(conn, table), shown[table.name]  # read after the parents' deletes took theirs
        for uid in sorted(mine.keys() - wanted.keys()):
            store.remove_row(conn, table.name, uid)
            written += 1
        for uid, row in sorted(wanted.items()):
            stored = {name: value for name, value in row.items() if name != MEMBERS}
            if mine.get(uid) == stored:
                continue
            values = {c.name: cell(c, row[c.name]) for c in table.columns}
            if ANSWERS in row:
                values[ANSWERS] = row[ANSWERS]
            try:
                with savepoint(conn):
                    store.put_row(conn, shape, uid, values, now)
            except sqlite3.Error as exc:
                log.warning("sync: %s %s not written: %s", table.name, uid, exc)
                continue
            written += 1
    return written
