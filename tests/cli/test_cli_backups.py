"""`rutjournal backup`, `backups` and `restore` as a user runs them."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from tests.rut import rut


def test_backup_list_and_restore_round_trip(data_dir: Path) -> None:
    assert rut("add", "--date", "2026-03-01", "first").returncode == 0
    assert rut("add", "--date", "2026-03-02", "second").returncode == 0
    done = rut("backup", "--keep", "5")
    assert done.returncode == 0, done.stderr
    path = done.stdout.split("  (")[0]
    assert Path(path).parent == data_dir / "backups" and "(2 entries)" in done.stdout
    listed = json.loads(rut("backups", "--json").stdout)
    assert [(b["index"], b["entries"], b["path"]) for b in listed] == [(1, 2, path)]
    assert path in rut("backups").stdout

    assert rut("add", "--date", "2026-03-03", "third").returncode == 0
    journal = data_dir / "journal.sqlite3"
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    restored = rut("restore", "1")
    assert restored.returncode == 0, restored.stderr
    aside = Path(restored.stdout.strip().splitlines()[-1].split("kept as ")[1])
    assert aside.name.startswith("journal.sqlite3.replaced-")
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == before
    assert json.loads(rut("show", "2026-03-03", "--json").stdout) is None
    assert json.loads(rut("show", "2026-03-02", "--json").stdout)["text"] == "second"


def test_restore_refuses_a_backup_that_does_not_verify(data_dir: Path, tmp_path: Path) -> None:
    assert rut("add", "--date", "2026-03-01", "first").returncode == 0
    journal = data_dir / "journal.sqlite3"
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    done = rut("restore", str(bad))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and str(bad) in done.stderr
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before
    assert not list(data_dir.glob("journal.sqlite3.replaced-*"))


def test_bad_arguments_exit_2(data_dir: Path) -> None:
    for args in (("backup", "--keep", "0"), ("restore", "3"), ("restore", "/no/such/file")):
        done = rut(*args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1


def test_backup_without_a_journal_fails_with_one_line(data_dir: Path) -> None:
    done = rut("backup")
    assert done.returncode == 1 and "no journal" in done.stderr
    assert rut("backups").stdout.startswith("No backups")


def test_restore_is_refused_while_a_window_holds_the_journal(data_dir: Path) -> None:

    assert rut("add", "kept").returncode == 0
    assert rut("backup").returncode == 0
    (data_dir / "journal.lock").write_text(f"{os.getpid()}\nrutjournal\nhost\n")  # a live holder: this test
    before = (data_dir / "journal.sqlite3").read_bytes()
    done = rut("restore", "1")
    assert done.returncode == 1
    assert "close it first" in done.stderr
    assert (data_dir / "journal.sqlite3").read_bytes() == before
    (data_dir / "journal.lock").write_text("999999999\nrutjournal\nhost\n")  # a dead holder: a stale lock
    assert rut("restore", "1").returncode == 0
