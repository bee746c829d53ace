"""The schema machinery: revisions, a fresh file, upgrading an old journal, and upgrades that go wrong.

A failed upgrade must leave the file exactly as it was: the engine issues BEGIN itself and Alembic runs inside
that one transaction (``transactional_ddl``), so even CREATE/ALTER/DROP TABLE are rolled back.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from rutjournal.core.errors import MigrationFailed
from rutjournal.core.journal.search import search
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage import migrate
from rutjournal.core.storage.connect import connect_raw, inspect_file
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.engine import create_engine_for
from rutjournal.core.storage.migrations import HEAD_REVISION, KNOWN_REVISIONS
from rutjournal.core.values import Scores

TEST_REVISION = "9001"  # a revision that exists only in these tests, one after the app's head
SAMPLE_0001 = Path(__file__).resolve().parent.parent / "fixtures" / "journal-0001.sqlite3"

HEAD_TABLES = {
    "alembic_version",
    "entries",
    "tags",
    "entry_tags",
    "entry_search",
    # FTS5's shadow tables
    "entry_search_config",
    "entry_search_content",
    "entry_search_data",
    "entry_search_docsize",
    "entry_search_idx",
    "tasks",
    "task_events",
    "targets",
    "gaps",
    "goals",
    "milestones",
    "goal_progress",
    "evidence",
    "challenges",
    "conversations",
    "conversation_options",
    "followups",
    "promotions",
    "checkins",
    "checkin_answers",
    "applications",
    "upkeep_owed",
}
HEAD_TRIGGERS = {
    "entries_search_insert",
    "entries_search_update",
    "entries_search_delete",
    "entry_tags_search_insert",
    "entry_tags_search_delete",
    "tags_search_rename",
    # entry revisions and the purge owed (0006)
    "entries_revision_update",
    "entries_purge_owed_update",
    "entries_purge_owed_delete",
    "entry_tags_purge_owed_delete",
    "tags_purge_owed_rename",
}

REVISION_HEADER = '''"""A revision that exists only in this test."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def downgrade():
    raise NotImplementedError

'''


# --- helpers -------------------------------------------------------------------------------------------------


def raw_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """Everything in the file: schema and every row of every table (FTS shadow tables included)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def schema(path: Path) -> list[tuple[object, ...]]:
    return raw_rows(path, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")


def revision_of(path: Path) -> str:
    rows = raw_rows(path, "SELECT version_num FROM alembic_version")
    assert len(rows) == 1, rows
    return str(rows[0][0])


def scripts_with(tmp_path: Path, name: str, upgrade_body: str) -> str:
    """A copy of the app's migrations plus a revision after head whose upgrade() is ``upgrade_body``."""
    target = tmp_path / f"migrations-{name}"
    shutil.copytree(
        Path(migrate.SCRIPT_LOCATION), target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    header = REVISION_HEADER.replace("{revision}", TEST_REVISION).replace("{down_revision}", HEAD_REVISION)
    code = header + "def upgrade():\n" + textwrap.indent(textwrap.dedent(upgrade_body).strip(), "    ")
    (target / "versions" / f"{TEST_REVISION}_{name}.py").write_text(code + "\n", encoding="utf-8")
    return str(target)


def make_journal_at_head(path: Path) -> None:
    """A current journal with a few entries, tags and links, closed again (WAL checkpointed)."""
    db = open_database(path, backup_dir=path.parent / "backups")
    try:
        journal = Journal(db)
        journal.save(
            dt.date(2026, 10, 1), "Asked for the tech-lead role.", Scores(mood=4, hours=8.0), ["career"]
        )
        journal.save(dt.date(2026, 10, 2), "Réunion sans fin.", Scores(mood=2, load=5), ["meeting", "career"])
        journal.save(dt.date(2026, 10, 3), "Quiet day.", Scores(), ["focus"])
    finally:
        db.close()
    assert revision_of(path) == HEAD_REVISION
    assert raw_rows(path, "SELECT count(*) FROM entry_tags") == [(4,)]


def upgrade_with(path: Path, scripts: str, backup_dir: Path) -> None:
    engine = create_engine_for(path, create=True)
    try:
        migrate.upgrade_to_head(engine, inspect_file(path), backup_dir=backup_dir, script_location=scripts)
    finally:
        engine.dispose()


# --- revisions -----------------------------------------------------------------------------------------------


def test_head_and_known_revisions_match_the_scripts() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [HEAD_REVISION]
    assert scripts.get_current_head() == HEAD_REVISION
    found = [rev.revision for rev in scripts.walk_revisions()]
    assert sorted(found) == sorted(KNOWN_REVISIONS)
    assert len(set(KNOWN_REVISIONS)) == len(KNOWN_REVISIONS)


# --- a fresh file --------------------------------------------------------------------------------------------


def test_fresh_file_is_created_at_head_with_the_expected_schema(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    db = open_database(path)
    try:
        with db.reader() as conn:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            triggers = {
                name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
            }
            version = [v for (v,) in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        db.close()
    assert tables == HEAD_TABLES
    assert triggers == HEAD_TRIGGERS
    assert version == [HEAD_REVISION]
    assert not (tmp_path / "data" / "backups").exists()  # nothing to back up for a new file


def test_pragmas_hold_on_every_connection(db) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "secure_delete": 1,
    }
    for connection in (db.reader, db.writer):
        with connection() as conn:
            got = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in expected}
        assert got == expected


# --- upgrading the committed 0001 sample --------------------------------------------------------------------


def test_sample_is_a_0001_journal() -> None:
    assert SAMPLE_0001.read_bytes()[:16] == b"SQLite format 3\x00"
    assert revision_of(SAMPLE_0001) == "0001"
    assert raw_rows(SAMPLE_0001, "PRAGMA journal_mode") == [("delete",)]
    assert raw_rows(SAMPLE_0001, "SELECT count(*) FROM entries") == [(6,)]
    assert not Path(f"{SAMPLE_0001}-wal").exists()


def test_old_journal_is_upgraded_to_head_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(SAMPLE_0001, path)
    entries_0001 = ", ".join(row[1] for row in raw_rows(path, "PRAGMA table_info(entries)"))
    entries_before = raw_rows(path, f"SELECT {entries_0001} FROM entries ORDER BY id")
    tags_before = raw_rows(path, "SELECT * FROM tags ORDER BY id")
    links_before = raw_rows(path, "SELECT * FROM entry_tags ORDER BY entry_id, tag_id")
    assert len(entries_before) == 6 and len(tags_before) == 5 and len(links_before) == 6
    backups = tmp_path / "backups"

    db = open_database(path, backup_dir=backups)
    try:
        journal = Journal(db)
        swiss = journal.get(dt.date(2026, 11, 6))
        blank = journal.get(dt.date(2026, 11, 4))
        with db.writer() as conn:  # the upgrade ran with foreign keys off; every connection after has them on
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()

    assert revision_of(path) == HEAD_REVISION
    assert {
        row[0] for row in raw_rows(path, "SELECT name FROM sqlite_master WHERE type='table'")
    } == HEAD_TABLES
    assert raw_rows(path, f"SELECT {entries_0001} FROM entries ORDER BY id") == entries_before
    assert raw_rows(path, "SELECT DISTINCT revision FROM entries") == [(1,)]
    assert raw_rows(path, "SELECT * FROM tags ORDER BY id") == tags_before
    assert raw_rows(path, "SELECT * FROM entry_tags ORDER BY entry_id, tag_id") == links_before

    assert swiss is not None
    assert swiss.body.startswith("Café-Gespräch mit Zoë über den Wechsel nach Zürich")
    assert "🙂" in swiss.body and "東京" in swiss.body
    assert (swiss.scores.mood, swiss.scores.energy, swiss.scores.challenge) == (4, 4, None)
    assert (swiss.scores.hours, swiss.scores.load) == (7.5, None)
    assert swiss.tags == ("umzug-zürich",)
    assert swiss.updated_at == dt.datetime(2026, 11, 7, 8, 15, 30)
    assert blank is not None and blank.scores == Scores() and blank.tags == ()

    # the search index was filled for the entries written before it existed
    assert raw_rows(path, "SELECT count(*) FROM entry_search") == [(6,)]
    conn = connect_raw(path)
    try:
        assert [hit.day for hit in search(conn, "quarterly")] == [dt.date(2026, 11, 2)]
        assert [hit.day for hit in search(conn, "zurich")] == [dt.date(2026, 11, 6)]  # diacritics folded
        assert [hit.day for hit in search(conn, "#promotion")] == [dt.date(2026, 11, 3)]
        assert sorted(hit.day for hit in search(conn, "#meeting")) == [
            dt.date(2026, 11, 2),
            dt.date(2026, 11, 9),
        ]
        assert [hit.day for hit in search(conn, "#1-1")] == [dt.date(2026, 11, 3)]
    finally:
        conn.close()

    # and a backup of the 0001 file was taken first
    copies = sorted(backups.iterdir())
    assert len(copies) == 1, copies
    backup = copies[0]
    assert backup.name.startswith("before-upgrade-0001-") and backup.suffix == ".sqlite3"
    assert inspect_file(backup).revision == "0001"
    assert raw_rows(backup, "PRAGMA integrity_check") == [("ok",)]
    assert raw_rows(backup, "SELECT * FROM entries ORDER BY id") == entries_before
    assert raw_rows(backup, "SELECT count(*) FROM entry_tags") == [(6,)]


def test_upgraded_sample_keeps_the_index_in_step(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(SAMPLE_0001, path)
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        Journal(db).save(dt.date(2026, 11, 4), "Negotiated a raise at last.", Scores(mood=5), ["promotion"])
    finally:
        db.close()
    conn = connect_raw(path)
    try:
        assert [hit.day for hit in search(conn, "raise")] == [dt.date(2026, 11, 4)]
        assert sorted(hit.day for hit in search(conn, "#promotion")) == [
            dt.date(2026, 11, 3),
            dt.date(2026, 11, 4),
        ]
        assert search(conn, "lines") == []  # the old text of that day is gone from the index
    finally:
        conn.close()


# --- upgrades that go wrong ---------------------------------------------------------------------------------

FAILING_UPGRADES = {
    "alter": """
        op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("note", sa.Text()))
        op.execute("INSERT INTO scratch (note) VALUES ('one'), ('two'), ('three')")
        op.add_column("entries", sa.Column("weather", sa.Text()))
        op.execute("UPDATE entries SET body = 'overwritten', weather = 'rain'")
        op.execute("DELETE FROM entry_tags")
        op.execute("DROP TRIGGER tags_search_rename")
        raise RuntimeError("half-way through the test revision")
    """,
    "rebuild": """
        op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
        op.execute("INSERT INTO scratch (id) VALUES (1), (2)")
        with op.batch_alter_table("entries", recreate="always") as batch:
            batch.add_column(sa.Column("weather", sa.Text()))
        op.execute("UPDATE entries SET body = 'overwritten'")
        raise RuntimeError("half-way through the test revision")
    """,
}


@pytest.mark.parametrize("kind", sorted(FAILING_UPGRADES))
def test_failed_migration_leaves_the_file_exactly_as_it_was(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    make_journal_at_head(path)
    scripts = scripts_with(tmp_path, f"fails_{kind}", FAILING_UPGRADES[kind])
    schema_before, dump_before = schema(path), dump(path)
    assert any("Asked for the tech-lead role." in line for line in dump_before)

    engine = create_engine_for(path, create=True)
    try:
        with pytest.raises(MigrationFailed) as caught:
            migrate.upgrade_to_head(
                engine, inspect_file(path), backup_dir=tmp_path / "backups", script_location=scripts
            )
        with engine.connect() as conn:  # the connection goes back to the pool with foreign keys on again
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()

    assert caught.value.path == path
    assert "half-way through the test revision" in str(caught.value)
    assert schema(path) == schema_before
    assert dump(path) == dump_before
    assert revision_of(path) == HEAD_REVISION
    assert len(list((tmp_path / "backups").glob(f"before-upgrade-{HEAD_REVISION}-*.sqlite3"))) == 1

    db = open_database(path)  # the app's own migrations: the file is current, nothing to do
    try:
        journal = Journal(db)
        saved = journal.save(
            dt.date(2026, 10, 4), "Still here after the failed upgrade.", Scores(mood=3), ["ok"]
        )
        assert saved is not None
        assert journal.get(dt.date(2026, 10, 2)) is not None
        assert journal.get(dt.date(2026, 10, 2)).tags == ("career", "meeting")  # type: ignore[union-attr]
    finally:
        db.close()
    assert raw_rows(path, "SELECT count(*) FROM entries") == [(4,)]
    conn = connect_raw(path)
    try:
        assert [hit.day for hit in search(conn, "failed upgrade")] == [dt.date(2026, 10, 4)]
    finally:
        conn.close()


@pytest.mark.parametrize("recreate", ["auto", "always"])
def test_batch_rebuild_of_entries_keeps_the_child_rows(tmp_path: Path, recreate: str) -> None:
    path = tmp_path / "journal.sqlite3"
    make_journal_at_head(path)
    # On SQLite "auto" adds the column with ALTER TABLE; "always" rebuilds entries (copy, DROP, rename), which
    # with foreign keys on would cascade-delete every entry_tags row.
    scripts = scripts_with(
        tmp_path,
        f"batch_{recreate}",
        f"""
        with op.batch_alter_table("entries", recreate="{recreate}") as batch:
            batch.add_column(sa.Column("weather", sa.Text()))
        """,
    )
    links_before = raw_rows(path, "SELECT * FROM entry_tags ORDER BY entry_id, tag_id")
    entries_before = raw_rows(path, "SELECT id, day, body, mood FROM entries ORDER BY id")
    assert len(links_before) == 4

    upgrade_with(path, scripts, tmp_path / "backups")

    assert revision_of(path) == TEST_REVISION
    assert "weather" in {row[1] for row in raw_rows(path, "PRAGMA table_info(entries)")}
    assert raw_rows(path, "SELECT * FROM entry_tags ORDER BY entry_id, tag_id") == links_before
    assert raw_rows(path, "SELECT id, day, body, mood FROM entries ORDER BY id") == entries_before
    assert raw_rows(path, "PRAGMA foreign_key_check") == []


def test_migration_that_breaks_a_link_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    make_journal_at_head(path)
    scripts = scripts_with(
        tmp_path,
        "dangling_link",
        """
        op.execute("INSERT INTO entry_tags (entry_id, tag_id) VALUES (999, (SELECT min(id) FROM tags))")
        """,
    )
    schema_before, dump_before = schema(path), dump(path)

    with pytest.raises(MigrationFailed) as caught:
        upgrade_with(path, scripts, tmp_path / "backups")

    assert caught.value.path == path
    assert "1 links" in str(caught.value)
    assert schema(path) == schema_before
    assert dump(path) == dump_before
    assert revision_of(path) == HEAD_REVISION
    assert raw_rows(path, "SELECT count(*) FROM entry_tags WHERE entry_id = 999") == [(0,)]
