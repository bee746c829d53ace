"""A row's uid travels with it: the JSON export writes it and a restore keeps it, so the restored journal's
records are the same records; an export made before uids existed (revision 0006) restores with new ones."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from rutjournal.core.demo import build_demo
from rutjournal.core.storage.db import open_database
from rutjournal.core.transfer.exporters.json_export import export_json, write_json
from rutjournal.core.transfer.exporters.json_restore import restore_json
from rutjournal.core.transfer.importers.records import ImportFileError

SAMPLE_0006 = Path(__file__).resolve().parents[1] / "fixtures" / "journal-0006.sqlite3"


def uids(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """(id, uid) of every row of every table that has a uid."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if "uid" in {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
        ]
        return {t: conn.execute(f'SELECT id, uid FROM "{t}" ORDER BY id').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo" / "journal.sqlite3"
    db = open_database(path)
    try:
        build_demo(db, dt.date(2026, 12, 1))
    finally:
        db.close()
    return path


def restored(tmp_path: Path, export: Path) -> Path:
    path = tmp_path / "restored" / "journal.sqlite3"
    db = open_database(path)
    try:
        restore_json(db, export)
    finally:
        db.close()
    return path


def test_the_export_writes_each_rows_uid_and_the_restore_keeps_it(demo: Path, tmp_path: Path) -> None:
    db = open_database(demo)
    try:
        export = export_json(db, tmp_path / "export.json").paths[0]
    finally:
        db.close()
    tables = json.loads(export.read_text(encoding="utf-8"))["tables"]
    before = uids(demo)
    assert len(before) == 16 and sum(len(rows) for rows in before.values()) > 100
    for table, rows in before.items():
        assert [(row["id"], row["uid"]) for row in tables[table]] == [tuple(r) for r in rows], table
    assert uids(restored(tmp_path, export)) == before


def test_a_uid_given_twice_is_refused_and_nothing_is_restored(demo: Path, tmp_path: Path) -> None:
    db = open_database(demo)
    try:
        export = export_json(db, tmp_path / "export.json").paths[0]
    finally:
        db.close()
    data = json.loads(export.read_text(encoding="utf-8"))
    data["tables"]["tasks"][1]["uid"] = data["tables"]["tasks"][0]["uid"]
    export.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "restored" / "journal.sqlite3"
    db = open_database(target)
    try:
        with pytest.raises(ImportFileError):
            restore_json(db, export)
    finally:
        db.close()
    assert {table: rows for table, rows in uids(target).items() if rows} == {}


def test_an_export_from_before_uids_restores_with_new_distinct_ones(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(SAMPLE_0006, old)
    export = tmp_path / "export-0006.json"
    conn = sqlite3.connect(old, isolation_level=None)
    try:
        with export.open("w", encoding="utf-8") as out:
            write_json(conn, out)
    finally:
        conn.close()
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["schema_revision"] == "0006" and "uid" not in data["tables"]["entries"][0]
    got = uids(restored(tmp_path, export))
    every = [uid for rows in got.values() for _id, uid in rows]
    assert len(every) == sum(len(data["tables"][t]) for t in got) and len(set(every)) == len(every)
