"""Previewing an import and writing it: all of it in one transaction, or nothing.

The write is planned inside its own write transaction (``Database.writer``) from the database as it is then,
and written in bulk by the journal's store (``store.write_days``: a few ``executemany`` statements on a bare
sqlite3 connection, no ORM to import), so ten years of entries go in well under a second; the new tasks go in
through the Load store's bulk insert. The search index is kept in step by the schema's triggers. Any exception — a cancel included — rolls the whole transaction back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rutjournal.core.journal import store
from rutjournal.core.load.store import insert_tasks, task_from_columns
from rutjournal.core.storage.dates import now_utc
from rutjournal.core.storage.db import Database
from rutjournal.core.transfer.importers.plan import Existing, ImportPlan, build_plan, read_existing
from rutjournal.core.transfer.importers.records import ImportCancelled, ParsedFile
from rutjournal.core.values import Scores

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHUNK = store.CHUNK  # rows per executemany: small enough to check for a cancel often, big enough to stay fast


def preview_import(db: Database | None, parsed: ParsedFile) -> ImportPlan:
    """What importing ``parsed`` would do, read on a read-only connection; ``None`` means no journal yet."""
    if db is None:
        return build_plan(parsed, Existing())
    with db.reader() as conn:
        return build_plan(parsed, read_existing(conn, parsed))


def apply_import(
    db: Database,
    parsed: ParsedFile,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPlan:
    """Write ``parsed`` into the journal in one transaction and return what was done.

    ``progress(done, total)`` is called as records are planned and rows written; ``cancelled()`` is asked before
    every record and every batch of rows, and when it says True the transaction is rolled back and
    ``ImportCancelled`` raised. Rejected records are left out; everything else goes in, or nothing does.
    """
    records = len(parsed.entries) + len(parsed.tasks)
    total = 2 * records
    done = 0

    def tick(step: int = 1) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        done = min(total, done + step)
        if progress is not None:
            progress(done, total)

    with db.writer() as conn:  # the write lock up front: wait for another writer, never fail half-way
        plan = build_plan(parsed, read_existing(conn, parsed), tick)
        rows_total = max(1, len(plan.days) + len(plan.tasks))
        _write_days(conn, plan, tick, records * len(plan.days) // rows_total)
        _write_tasks(conn, plan, tick, records * len(plan.tasks) // rows_total)
        tick(0)
    if progress is not None:
        progress(total, total)
    return plan


def _write_days(conn: sqlite3.Connection, plan: ImportPlan, tick: Callable[[int], None], share: int) -> None:
    """The plan's days through the journal's store, ``share`` of the progress spread over them."""
    days = [store.BulkDay(d.day, d.entry_id, d.body, Scores(**d.scores), d.new_tags) for d in plan.days]

    def written(rows: int) -> None:
        tick(max(1, share * rows // max(1, len(days))) if rows else 0)

    store.write_days(conn, days, plan.new_tags, now_utc(), written)


def _write_tasks(conn: sqlite3.Connection, plan: ImportPlan, tick: Callable[[int], None], share: int) -> None:
    """The plan's new tasks through the Load store, in batches (a cancel is heard between them), ``share`` of
    the progress spread over them."""
    tasks = [task_from_columns(fields) for fields in plan.tasks]
    for start in range(0, len(tasks), CHUNK):
        batch = tasks[start : start + CHUNK]
        tick(0)
        insert_tasks(conn, batch)
        tick(max(1, share * len(batch) // len(tasks)))
