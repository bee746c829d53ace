"""A SQLAlchemy engine on the journal, for Alembic's migrations only (and the tests that build old files):
nothing at run time uses it, so SQLAlchemy is imported only when an older file is upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rutjournal.core.logsetup import route_records
from rutjournal.core.storage import cipher
from rutjournal.core.storage.connect import (
    BUSY_TIMEOUT_MS,
    _text,
    _uri,
    apply_pragmas,
    damaged,
    is_damage,
    note_damage,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def create_engine_for(path: Path, *, read_only: bool = False, create: bool = False) -> Engine:
    """An engine whose every connection has the app's pragmas and real (DDL-covering) transactions.

    Its connections never create the file unless ``create`` (building a journal with the migrations).
    """
    route_records()  # SQLAlchemy logs through logging itself
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL
    from sqlalchemy.pool import QueuePool

    key = cipher.key_for(path)

    def connect() -> Any:
        target = str(path) if create else _uri(path, read_only=read_only)
        if key is None:
            conn = sqlite3.connect(
                target, uri=not create, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        else:
            conn = cipher.dbapi().connect(
                target, uri=not create, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        conn.text_factory = _text
        return conn

    # hide_parameters: an error's message must not carry journal text into the log file. QueuePool for both
    # (the cipher dialect's default SingletonThreadPool would share one connection between a thread's reads
    # and writes).
    if key is None:
        engine = create_engine(
            "sqlite+pysqlite://", creator=connect, poolclass=QueuePool, hide_parameters=True
        )
    else:
        cipher.dbapi()  # SQLCipher's own stderr logging off before the first connection
        # The dialect runs PRAGMA key with the URL's password: a raw hex key, so nothing needs quoting and
        # no connection pays the key derivation.
        url = URL.create("sqlite+pysqlcipher", password=key.pragma_value, database=str(path))
        engine = create_engine(url, creator=connect, poolclass=QueuePool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        apply_pragmas(dbapi_connection, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so it waits (busy timeout) instead of failing half-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        original = context.original_exception
        is_db_error = isinstance(original, sqlite3.DatabaseError) or cipher.is_cipher_error(original)
        if is_db_error and is_damage(original):
            note_damage(path, original)
            raise damaged(path, original) from original

    return engine
