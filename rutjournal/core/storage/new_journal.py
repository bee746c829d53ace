"""Making a new, empty journal at the current schema in one step, without SQLAlchemy or Alembic.

Running the five migrations one after the other on a new file costs about a second (importing SQLAlchemy and
Alembic is most of it); a first start, or an import into a new data folder, should not wait for that. The
schema the migrations build is kept as SQL beside them (``migrations/head_schema.sql``); a test checks it is
exactly what the migrations make, and ``python -m rutjournal.core.storage.new_journal`` writes it anew after a
schema change.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from rutjournal.core.storage.migrations import HEAD_REVISION

SCHEMA_FILE = Path(__file__).with_name("migrations") / "head_schema.sql"
_HEADER = "-- The schema at revision {rev}, as the migrations make it. Written by python -m rutjournal.core.storage.new_journal.\n"
_FTS_SHADOW = ("_data", "_idx", "_content", "_docsize", "_config")


def dump_schema(conn: sqlite3.Connection) -> str:
    """The statements that make this database's schema, in a fixed order (shadow tables of the full-text
    index are left out: creating the index makes them)."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for _type, name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = {v + suffix for v in virtual for suffix in _FTS_SHADOW}
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    # Tables, then indexes, then triggers (which need both), each by name: the order the migrations happen
    # to create indexes in is not the same from one run to the next.
    rank = {"table": 0, "index": 1, "view": 2, "trigger": 3}
    kept = sorted((rank[kind], name, sql) for kind, name, sql in rows if name not in shadows)
    statements = [f"{sql};" for _rank, _name, sql in kept]
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');")
    return _HEADER.format(rev=revision) + "\n".join(statements) + "\n"


def create_new(path: Path) -> None:
    """Write a new empty journal at ``path`` whole: built under a temporary name, then renamed into place.

    The temporary name is this process's own, and the caller holds the setup lock (see db.open_database), so
    racers never share a half-made file; the file is private to the user (0600) before it holds anything.
    """
    from rutjournal.core.storage.cipher import reread_header
    from rutjournal.core.storage.leftovers import remove_with_sides, temp_path

    partial = temp_path("new", path)
    conn = sqlite3.connect(partial, isolation_level=None)
    try:
        os.chmod(partial, 0o600)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript("BEGIN;\n" + SCHEMA_FILE.read_text(encoding="utf-8") + "\nCOMMIT;")
        conn.close()
        for suffix in ("-wal", "-shm"):  # a crashed earlier attempt's side files must not meet the new file
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, path)
    except BaseException:
        conn.close()
        remove_with_sides(partial)
        raise
    reread_header(path)


def _write_schema_file() -> int:
    """Build a journal with the migrations and record its schema (run after adding a migration)."""
    import tempfile

    from rutjournal.core.storage.connect import inspect_file
    from rutjournal.core.storage.engine import create_engine_for
    from rutjournal.core.storage.migrate import upgrade_to_head

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.sqlite3"
        engine = create_engine_for(path, create=True)
        upgrade_to_head(engine, inspect_file(path), backup_dir=Path(tmp) / "backups")
        engine.dispose()
        with sqlite3.connect(path) as conn:
            text = dump_schema(conn)
    if f"VALUES ('{HEAD_REVISION}')" not in text:
        print(f"the migrations end at another revision than HEAD_REVISION {HEAD_REVISION}", file=sys.stderr)
        return 1
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(_write_schema_file())
