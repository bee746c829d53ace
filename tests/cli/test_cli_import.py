"""`rutjournal import` as a user runs it: preview, dry run, import, bad files, exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path

from tests.rut import heavy_imports, rut

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
JRNL = FIXTURES / "jrnl" / "export.json"
DAYONE_ZIP = FIXTURES / "dayone" / "dayone-export.zip"


def rows(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_dry_run_prints_the_preview_and_writes_nothing(data_dir: Path) -> None:
    done = rut("import", str(JRNL), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "8 journal records on 5 days, 7 tags, 0 tasks" in done.stdout
    assert "Would import: 5 new days" in done.stdout and "Nothing was written" in done.stdout
    assert not (data_dir / "journal.sqlite3").exists()

    assert rut("add", "--date", "2023-01-05", "my own words").returncode == 0
    before = rows(data_dir)
    done = rut("import", str(JRNL), "--dry-run", "--json")
    preview = json.loads(done.stdout)
    assert (preview["dry_run"], preview["new_days"], preview["merged_days"]) == (True, 4, 1)
    assert rows(data_dir) == before


def test_import_then_again_adds_nothing(data_dir: Path) -> None:
    assert rut("add", "--date", "2023-01-05", "--mood", "2", "my own words").returncode == 0
    done = rut("import", str(JRNL))
    assert done.returncode == 0, done.stderr
    assert "Imported: 4 new days, 1 added to days you already have" in done.stdout
    day = json.loads(rut("show", "2023-01-05", "--json").stdout)
    assert day["text"].startswith("my own words\n\n### 09:14 · Standup ran long.")
    assert day["mood"] == 2 and "starred" in day["tags"]
    before = rows(data_dir)
    again = json.loads(rut("import", str(JRNL), "--json").stdout)
    assert (again["new_days"], again["merged_days"], again["unchanged"]) == (0, 0, 8)
    assert rows(data_dir) == before


def test_day_one_zip_imports_on_the_days_of_its_time_zones(data_dir: Path) -> None:
    done = rut("import", str(DAYONE_ZIP))
    assert done.returncode == 0, done.stderr
    late = json.loads(rut("show", "2023-01-06", "--json").stdout)
    assert "### 23:30\n\nLate night." in late["text"]


def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    assert rut("add", "kept").returncode == 0
    before = rows(data_dir)
    cut = tmp_path / "cut.json"
    cut.write_bytes(JRNL.read_bytes()[:500])
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("Journal.json", (FIXTURES / "dayone" / "Journal.json").read_bytes())
        archive.writestr("../../escape.json", "{}")
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.bin"
    noise.write_bytes(os.urandom(4096))
    for path, words in (
        (cut, "ends too soon"),
        (evil, "outside its folder"),
        (empty, "empty"),
        (noise, "nothing was imported"),
    ):
        done = rut("import", str(path))
        assert done.returncode == 2, (path, done.stderr)
        assert (
            len(done.stderr.strip().splitlines()) == 1 and str(path) in done.stderr and words in done.stderr
        )
        assert "Traceback" not in done.stderr
    assert rows(data_dir) == before


def test_rejected_records_are_listed_with_their_place(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "jrnl.json"
    entries = [
        {"date": "2023-02-30", "time": "09:00", "title": "t", "body": "b", "tags": [], "starred": False},
        {"date": "2023-02-28", "time": "09:00", "title": "ok", "body": "fine", "tags": [], "starred": False},
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    done = rut("import", str(path))
    assert done.returncode == 0, done.stderr
    assert "entry 1: the date 2023-02-30 does not exist on the calendar" in done.stdout
    assert json.loads(rut("show", "2023-02-28", "--json").stdout)["text"] == "### 09:00 · ok\n\nfine"


def test_bad_usage_exits_2(data_dir: Path, tmp_path: Path) -> None:
    for args in (
        ("import", str(tmp_path / "missing.json")),
        ("import", str(JRNL), "--format", "nope"),
        ("import", str(JRNL), "--mood-map", "rad=9"),
        ("import", str(JRNL), "--column", "nofield"),
    ):
        done = rut(*args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1
    assert not (data_dir / "journal.sqlite3").exists()


def test_the_import_command_does_not_load_qt_or_matplotlib(data_dir: Path) -> None:
    assert heavy_imports(["import", str(JRNL)], heavy=("PySide6", "matplotlib")) == [[0]]
