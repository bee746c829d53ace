"""Restoring a rutjournal JSON export into an empty journal, all or nothing.

Everything is checked before it reaches the file: the format and its version, each table and column, and each
value against its column's type (a date must be a date); the database's own CHECK constraints and foreign keys
then reject values out of range. The first problem is reported with its place — the JSON line and column, or
the table, row and column — and nothing is written. The full-text index is filled by the schema's triggers as
the entries and their tags go in.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rutjournal.core.crossroads import store as crossroads_store
from rutjournal.core.errors import RutjournalError
from rutjournal.core.grow import store as grow_store
from rutjournal.core.i18n import _, ngettext
from rutjournal.core.journal import store as journal_store
from rutjournal.core.load import store as load_store
from rutjournal.core.storage.db import Database
from rutjournal.core.storage.migrations import KNOWN_REVISIONS
from rutjournal.core.transfer.exporters.json_export import FORMAT, FORMAT_VERSION
from rutjournal.core.transfer.exporters.tables import Column, columns, count_words, data_tables
from rutjournal.core.transfer.importers.json_source import JsonObject, check_top_level, key_words, loads
from rutjournal.core.transfer.importers.records import ImportFileError
from rutjournal.core.values import EARLIEST_DAY, MAX_ID, in_bounds, latest_day

# Revisions 0001-0006 only ever added tables and a column with a default, so an export of any of them is a
# subset of today's schema. A revision that changes a column must add a conversion here, or drop the old
# revision from this set.
RESTORABLE_REVISIONS = frozenset(KNOWN_REVISIONS)
TOP_LEVEL_KEYS = {"format", "format_version", "schema_revision", "tables"}
_VARCHAR = re.compile(r"VARCHAR\((\d+)\)")
_CHECK_NAME = re.compile(r"CHECK constraint failed: (\w+)")


class JournalNotEmpty(RutjournalError):
    """A rutjournal export replaces nothing: it is restored only into a journal that holds no data yet."""

    def __init__(self, path: Path, held: dict[str, int]) -> None:
        self.path = path
        self.held = held
        what = ", ".join(count_words(t, n) for t, n in held.items())
        # TRANSLATORS: {what} counts what the journal holds ("3 entries, 1 task"); the command in brackets is
        # typed as it is.
        message = _(
            "the journal {path} is not empty ({what}); a rutjournal JSON export is restored only into an "
            "empty journal, so nothing was imported. Restore it into a new data folder "
            "(rutjournal --data-dir NEW_FOLDER import FILE); merging is for other programs' exports "
            "(jrnl, Day One, Daylio, RedNotebook, CSV)"
        )
        super().__init__(message.format(path=path, what=what))


@dataclass(frozen=True)
class RestoreResult:
    """What a restore wrote (or, with ``dry_run``, would write): rows per table, in fill order."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def lines(self) -> list[str]:
        shown = [count_words(table, n) for table, n in self.counts.items() if n]
        return shown or [_("nothing (the export holds no data)")]

    def as_dict(self) -> dict[str, object]:
        """For ``rutjournal import --json``."""
        return {
            "format": FORMAT,
            "path": str(self.path),
            "dry_run": self.dry_run,
            "counts": dict(self.counts),
        }


class _DryRun(Exception):
    """Raised out of the write transaction so that it rolls back, carrying what it would have written."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__("dry run")
        self.counts = counts


def restore_json(db: Database, path: Path, *, dry_run: bool = False) -> RestoreResult:
    """Load the export at ``path`` into the (empty) journal in one transaction; ``dry_run`` rolls it back."""
    data = _load(path)
    tables = _check_header(path, data)
    try:
        with db.writer() as conn:
            counts = _fill(conn, path, tables, db.path)
            if dry_run:
                raise _DryRun(counts)
    except _DryRun as rolled_back:
        counts = rolled_back.counts
    return RestoreResult(path, counts, dry_run)


def _load(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path, "", _("cannot be read ({error})").format(error=exc.strerror)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # TRANSLATORS: where in a file: the {number}th byte.
        where = _("byte {number}").format(number=exc.start + 1)
        raise ImportFileError(path, where, _("this is not UTF-8 text")) from exc
    try:
        return loads(text, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise ImportFileError(path, "", _("the JSON is nested too deeply to be an export")) from exc
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Unterminated string"):
            reason = _("the file ends inside the text that starts here (cut short?)")
        elif exc.pos >= len(text.rstrip()):
            reason = _("the file ends too early (cut short?)")
        else:
            # TRANSLATORS: {error} is Python's JSON reader's own words, in English.
            reason = _("this is not valid JSON ({error})").format(error=exc.msg.lower())
        where = _("line {line} column {column}").format(line=exc.lineno, column=exc.colno)
        raise ImportFileError(path, where, reason) from exc
    except ValueError as exc:
        raise ImportFileError(path, "", str(exc)) from exc


def _refuse_constant(name: str) -> None:
    # TRANSLATORS: {name} is what JSON wrote instead of a number: NaN, Infinity.
    raise ValueError(_("{name} is not a number a journal can hold").format(name=name))


def _check_header(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(path, "", _('this is not a rutjournal export (no "format": "rutjournal")'))
    check_top_level(path, data)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reason = _("must be a whole number (got {value})").format(value=repr(version))
        raise ImportFileError(path, "format_version", reason)
    if version > FORMAT_VERSION:
        raise ImportFileError(
            path,
            "",
            _(
                "written by a newer rutjournal (format version {version}); update rutjournal to read it"
            ).format(version=version),
        )
    revision = data.get("schema_revision")
    if revision not in RESTORABLE_REVISIONS:
        newer = isinstance(revision, str) and revision.isdigit() and revision > max(KNOWN_REVISIONS)
        if newer:
            reason = _("written by a newer rutjournal (schema {revision}); update rutjournal to read it")
        else:
            reason = _("unknown schema revision {revision} (this rutjournal knows {known})")
        reason = reason.format(
            revision=revision if newer else repr(revision), known=", ".join(KNOWN_REVISIONS)
        )
        raise ImportFileError(path, "schema_revision", reason)
    unknown = sorted(set(data) - TOP_LEVEL_KEYS)
    if unknown:
        raise ImportFileError(
            path, "", _("unexpected key {key} at the top level").format(key=repr(unknown[0]))
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ImportFileError(path, "tables", _("must be an object of table name to rows"))
    if isinstance(tables, JsonObject) and tables.duplicates:
        where = _("table {name}").format(name=key_words(tables.duplicates[0]))
        raise ImportFileError(path, where, _("is given twice"))
    return tables


def _fill(conn: sqlite3.Connection, path: Path, tables: dict[str, Any], journal: Path) -> dict[str, int]:
    known = data_tables(conn)
    for name in tables:
        if name not in known:
            raise ImportFileError(
                path, _("table {name}").format(name=repr(name)), _("not a table rutjournal has")
            )
    held = {t: n for t in known if (n := conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])}
    if held:
        raise JournalNotEmpty(journal, held)
    # Foreign keys are checked once, at the end (below): then the entries can go in after their tags, so the
    # search index gets each entry once, whole, instead of being rewritten for every tag added to it.
    conn.execute("PRAGMA defer_foreign_keys = ON")  # lasts until this transaction ends
    order = [t for t in known if t != "entries"]
    order.insert(order.index("entry_tags") + 1 if "entry_tags" in order else 0, "entries")
    counts: dict[str, int] = {}
    row_of: dict[tuple[str, int], int] = {}  # (table, rowid) -> row number in the file, to name a bad link
    for table in (t for t in order if t in known):
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise ImportFileError(path, _("table {name}").format(name=table), _("must be a list of rows"))
        cols = {c.name: c for c in columns(conn, table)}
        for index, row in enumerate(rows, 1):
            # TRANSLATORS: where in an export: a row of a table, counted from 1.
            place = _("table {name}, row {row}").format(name=table, row=index)
            values = _checked_row(path, place, cols, row)
            try:
                rowid = _insert(conn, table, values)
            except sqlite3.IntegrityError as exc:
                raise _refused(path, place, table, values, exc) from exc
            row_of[table, rowid] = index
        counts[table] = len(rows)
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        table, rowid, parent, _constraint = broken
        raise ImportFileError(
            path,
            _("table {name}, row {row}").format(name=table, row=row_of.get((table, rowid), "?")),
            _("it refers to a row of {table} that is not in the export").format(table=parent),
        )
    return {table: counts[table] for table in known}


def _put_back(
    restore_row: Callable[[sqlite3.Connection, str, dict[str, object]], int], table: str
) -> Callable[[sqlite3.Connection, dict[str, object]], int]:
    return lambda conn, values: restore_row(conn, table, values)


# Every table goes in through the store of the section that owns it, as every other writer of it does.
_STORES: dict[str, Callable[[sqlite3.Connection, dict[str, object]], int]] = {
    "tasks": lambda conn, values: load_store.insert_task(conn, load_store.task_from_columns(values)),
    "task_events": lambda conn, values: load_store.insert_event(conn, load_store.event_from_columns(values)),
    **{table: _put_back(journal_store.restore_row, table) for table in journal_store.TABLES},
    **{table: _put_back(grow_store.restore_row, table) for table in grow_store.TABLES},
    **{table: _put_back(crossroads_store.restore_row, table) for table in crossroads_store.TABLES},
}


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> int:
    """One checked row in, through its section's store; its rowid (to name the row when a foreign key is
    found broken)."""
    if table not in _STORES:
        raise ValueError(f"no section's store writes the table {table}")
    return _STORES[table](conn, values)


def _checked_row(path: Path, place: str, cols: dict[str, Column], row: Any) -> dict[str, object]:
    if not isinstance(row, dict):
        raise ImportFileError(path, place, _("must be an object of column name to value"))
    if isinstance(row, JsonObject) and row.duplicates:
        raise ImportFileError(path, _column(place, key_words(row.duplicates[0])), _("is given twice"))
    for name in row:
        if name not in cols:
            reason = _("unknown column {name} (known: {known})").format(
                name=repr(name), known=", ".join(cols)
            )
            raise ImportFileError(path, place, reason)
    for col in cols.values():
        if col.not_null and not col.has_default and col.name not in row:
            raise ImportFileError(path, _column(place, col.name), _("is missing and must have a value"))
    return {name: _checked_value(path, _column(place, name), cols[name], v) for name, v in row.items()}


def _column(place: str, name: str) -> str:
    # TRANSLATORS: where in an export: {place} is a row ("table tasks, row 3"), {name} a column's name.
    return _("{place}, column {name}").format(place=place, name=name)


def _checked_value(path: Path, place: str, col: Column, value: object) -> object:
    """The value as it goes into the column, or an error saying what the column holds."""
    if value is None:
        if col.not_null:
            raise ImportFileError(path, place, _("must have a value (got null)"))
        return None
    kind = col.type
    ok: bool
    most: int | None = None
    if kind == "BOOLEAN":
        ok, what = (
            value in (0, 1) and not isinstance(value, float),
            _("must be true/false (or 1/0) (got {value})"),
        )
        value = int(value) if ok else value  # type: ignore[call-overload]
    elif kind == "INTEGER":
        ok = isinstance(value, int) and not isinstance(value, bool) and -MAX_ID - 1 <= value <= MAX_ID
        what = _("must be a whole number SQLite can hold (64 bits) (got {value})")
    elif kind in ("FLOAT", "REAL"):
        ok = (isinstance(value, float) and math.isfinite(value)) or (
            isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_ID
        )
        what = _("must be a number (got {value})")
    elif kind == "DATE":
        ok = isinstance(value, str) and _is_date(value)
        # TRANSLATORS: {earliest} and {latest} are dates written YYYY-MM-DD, {value} what the file holds.
        what = _("must be a date from {earliest} to {latest}, written like 2024-03-05 (got {value})")
    elif kind == "DATETIME":
        ok = isinstance(value, str) and _is_datetime(value)
        what = _(
            "must be a time like 2024-03-05 18:30:00.000000, on a day from {earliest} to {latest} (got {value})"
        )
    else:  # TEXT and VARCHAR(n)
        limit = _VARCHAR.fullmatch(kind)
        most = int(limit.group(1)) if limit else None
        ok = isinstance(value, str) and (most is None or len(value) <= most)
        if most is None:
            what = _("must be text (got {value})")
        else:
            what = ngettext(
                "must be text of at most {most} character (got {value})",
                "must be text of at most {most} characters (got {value})",
                most,
            )
    if not ok:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        bounds = {"earliest": EARLIEST_DAY.isoformat(), "latest": latest_day().isoformat()}
        raise ImportFileError(path, place, what.format(value=shown, most=most, **bounds))
    return value


def _is_date(text: str) -> bool:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10 and in_bounds(day)


def _is_datetime(text: str) -> bool:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return in_bounds(moment.date())


def _refused(
    path: Path, place: str, table: str, values: dict[str, object], exc: sqlite3.IntegrityError
) -> ImportFileError:
    """The database's own rules said no: name the column when the constraint names it (ck_<table>_<column>)."""
    text = str(exc)
    found = _CHECK_NAME.search(text)
    column = found.group(1).removeprefix(f"ck_{table}_") if found else ""
    if column in values:
        # TRANSLATORS: {value} is the value as Python writes it, {error} SQLite's own words, in English.
        reason = _("{value} is not allowed ({error})").format(value=repr(values[column]), error=text)
        return ImportFileError(path, _column(place, column), reason)
    if "FOREIGN KEY" in text:
        return ImportFileError(
            path, place, _("it refers to a row that is not in the export ({error})").format(error=text)
        )
    if "UNIQUE" in text:
        return ImportFileError(
            path, place, _("it repeats a row that must be unique ({error})").format(error=text)
        )
    return ImportFileError(path, place, _("a value is not allowed ({error})").format(error=text))
