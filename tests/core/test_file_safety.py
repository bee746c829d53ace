"""The journal file among several processes: no lock dropped, damage remembered, racers that wait, empty files.

Issue 11, items 1 and 3–6. Each test fails on the code before it: a process that opened and closed the live
file with plain I/O let a command delete the write-ahead log under it; damage that quick_check missed was
copied into backups; a 0-byte journal was replaced by an empty one; racers shared temporary names.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from rutjournal.core.errors import DamagedDatabase, NotWritable
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage import cipher
from rutjournal.core.storage.backups import take_backup
from rutjournal.core.storage.connect import connect_raw
from rutjournal.core.storage.damage_record import read_damage
from rutjournal.core.storage.db import open_database
from rutjournal.core.storage.file_locks import JournalBusy, sole_use
from rutjournal.core.values import Scores
from tests.core.test_database_faults import write_journal
from tests.rut import rut, rut_process

DAY = dt.date(2026, 1, 1)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


@contextmanager
def opens_of(path: Path) -> Iterator[list[str]]:
    """Every open() of ``path`` by Python code in this process while inside (an audit hook: SQLite's own C
    code raises no audit events, so this sees exactly the plain file I/O that drops POSIX locks)."""
    seen: list[str] = []
    active = [True]
    target = str(path.absolute())

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "open" and args and str(args[0]) == target:
            seen.append(str(args[1:]))

    sys.addaudithook(hook)  # hooks stay for the life of the process: this one goes quiet on leaving
    try:
        yield seen
    finally:
        active[0] = False


def check_whole(path: Path) -> list[str]:
    conn = connect_raw(path)  # through SQLCipher too, when there is a passphrase
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


# --- item 1: no plain file I/O on the live journal --------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_process_holding_the_journal_never_opens_its_file_and_commands_beside_it_lose_nothing(
    data_dir: Path, encrypted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    if encrypted:
        assert (
            rut(
                "--data-dir", str(data_dir), "passphrase", "set", stdin="s3cret-pass\ns3cret-pass\n"
            ).returncode
            == 0
        )
        monkeypatch.setenv(cipher.PASSPHRASE_ENV, "s3cret-pass")
        cipher.unlock(path, "s3cret-pass")
    db = open_database(path)
    journal = Journal(db)
    held = connect_raw(path)  # a long-lived connection, as the window's search keeps one
    try:
        with opens_of(path) as opened:
            journal.save(DAY, "first", Scores(), [])
            assert cipher.is_plain(path) is not encrypted  # what the window asks, with the file open
            for _round in range(3):  # processes beside this one: it must never open the file itself
                assert rut_process("--data-dir", str(data_dir), "show", "today").returncode == 0
                added = rut_process(
                    "--data-dir", str(data_dir), "add", "--date", "2026-01-02", "from the shell"
                )
                assert added.returncode == 0, added.stderr
                for i in range(5):
                    journal.save(DAY, f"first {i}", Scores(), [])  # "disk I/O error" here before the fix
                    held.execute("SELECT count(*) FROM entries").fetchone()
            assert Path(f"{path}-wal").exists()  # nobody deleted the log under the open connections
        assert opened == []
    finally:
        held.close()
        db.close()
    assert check_whole(path) == ["ok"]
    reopened = open_database(path)
    try:
        entry = Journal(reopened).get(dt.date(2026, 1, 2))
        assert entry is not None and entry.body.count("from the shell") == 3
        assert Journal(reopened).get(DAY).body == "first 4"  # type: ignore[union-attr]
    finally:
        reopened.close()


# --- item 3: damage the quick check misses ------------------------------------------------------------------


def damage_an_index(path: Path) -> None:
    """Index damage that ``quick_check`` does not see and ``integrity_check`` does: the index is declared on
    another column than the one its entries were built from (as after a write-ahead log went missing)."""
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(day)', '(mood)') WHERE name = 'ix_entries_day'"
        )
        conn.execute(f"PRAGMA schema_version={version + 1}")
        conn.commit()
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    finally:
        conn.close()


def test_a_backup_of_a_journal_damaged_in_a_way_quick_check_misses_is_not_kept(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    damage_an_index(path)
    backups = data_dir / "backups"
    with pytest.raises(DamagedDatabase, match="no backup was kept"):
        take_backup(path, backups)
    assert not backups.exists() or list(backups.iterdir()) == []
    assert read_damage(path) is not None


def test_damage_found_by_one_process_stops_every_other_from_writing(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    damage_an_index(path)
    backed_up = rut("--data-dir", str(data_dir), "backup")
    assert backed_up.returncode == 1 and "damaged" in backed_up.stderr
    before = path.read_bytes()

    added = rut("--data-dir", str(data_dir), "add", "--date", "2026-01-05", "one more line")
    assert added.returncode == 1
    assert len(added.stderr.strip().splitlines()) == 2  # the warning, then the refusal
    assert "found damaged" in added.stderr and "rutjournal restore" in added.stderr
    task = rut("--data-dir", str(data_dir), "task", "add", "Weekly report")
    assert task.returncode == 1 and "found damaged" in task.stderr
    assert path.read_bytes() == before  # nothing written into it

    shown = rut("--data-dir", str(data_dir), "show", "2026-09-02")  # what can be read, still can be
    assert shown.returncode == 0 and "Day 1:" in shown.stdout and "found damaged" in shown.stderr
    db = open_database(path)
    try:
        assert db.damage is not None
        with pytest.raises(NotWritable, match="found damaged"):
            Journal(db).save(DAY, "x", Scores(), [])
    finally:
        db.close()


def test_restoring_a_backup_clears_the_damage(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    assert rut("--data-dir", str(data_dir), "backup").returncode == 0
    damage_an_index(path)
    assert rut("--data-dir", str(data_dir), "backup").returncode == 1
    restored = rut("--data-dir", str(data_dir), "restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert read_damage(path) is None
    assert (
        rut("--data-dir", str(data_dir), "add", "--date", "2026-01-05", "after the restore").returncode == 0
    )


# --- item 4: an empty journal file is damage ---------------------------------------------------------------


def test_a_zero_byte_journal_is_damage_and_is_never_replaced(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "journal.sqlite3"
    path.write_bytes(b"")
    for command in (["add", "hello"], ["show", "today"], ["task", "add", "x"]):
        result = rut("--data-dir", str(data_dir), *command)
        assert result.returncode == 1, result
        assert "empty (0 bytes)" in result.stderr and "restore" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b""  # left exactly as it was, not replaced by a new journal
    with pytest.raises(DamagedDatabase, match="empty"):
        open_database(path)


def test_a_journal_cut_short_is_damage(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    path.write_bytes(path.read_bytes()[:10])
    with pytest.raises(DamagedDatabase, match="cut short"):
        open_database(path)


# --- item 5: commands racing on an empty folder ------------------------------------------------------------


def _racers(data_dir: Path, n: int, *args: str) -> list[subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(n) as pool:  # processes started together
        return list(
            pool.map(lambda i: rut_process("--data-dir", str(data_dir), *args, f"racer {i}"), range(n))
        )


def test_commands_started_together_on_an_empty_folder_make_one_journal_and_all_succeed(
    data_dir: Path,
) -> None:
    results = _racers(data_dir, 8, "add", "--date", "2026-02-03")
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    assert all(r.stderr == "" for r in results)
    db = open_database(data_dir / "journal.sqlite3")
    try:
        body = Journal(db).get(dt.date(2026, 2, 3)).body  # type: ignore[union-attr]
    finally:
        db.close()
    assert sorted(line for line in body.splitlines() if line) == sorted(f"racer {i}" for i in range(8))
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == ["journal.setup.lock", "journal.sqlite3", "journal.use.lock"], (
        names
    )  # nothing left behind


def test_commands_started_together_on_an_old_journal_upgrade_it_once(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journal.sqlite3").write_bytes((FIXTURES / "journal-0004.sqlite3").read_bytes())
    results = _racers(data_dir, 6, "task", "add")
    assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
    copies = [p.name for p in (data_dir / "backups").iterdir()]
    assert len(copies) == 1 and copies[0].startswith("before-upgrade-0004-"), copies
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".")]


# --- item 6: operations that copy or replace the file ------------------------------------------------------


def test_two_backups_in_the_same_second_are_both_kept(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    now = dt.datetime(2026, 3, 4, 5, 6, 7)
    first = take_backup(path, data_dir / "backups", now=now)
    second = take_backup(path, data_dir / "backups", now=now)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert second.path.name == "journal-20260304-050607-2.sqlite3"


def test_backups_from_several_processes_at_once_all_succeed(data_dir: Path) -> None:
    write_journal(data_dir / "journal.sqlite3")
    with ThreadPoolExecutor(5) as pool:
        results = list(  # processes started together
            pool.map(lambda _i: rut_process("--data-dir", str(data_dir), "backup"), range(5))
        )
    assert [r.returncode for r in results] == [0] * 5, [r.stderr for r in results]
    kept = sorted((data_dir / "backups").glob("journal-*.sqlite3"))
    assert len(kept) == 5
    assert not [p for p in (data_dir / "backups").iterdir() if p.name.startswith(".")]


def test_a_command_during_a_passphrase_change_says_busy_and_writes_nothing(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    before = path.read_bytes()
    with sole_use(path, "a test standing in for `passphrase set`"):
        added = rut("--data-dir", str(data_dir), "add", "while converting")
    assert added.returncode == 1
    assert added.stderr.startswith("rutjournal add: busy:") and "try again" in added.stderr
    assert "damaged" not in added.stderr
    assert path.read_bytes() == before


def test_a_passphrase_change_while_the_journal_is_open_elsewhere_is_refused(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    write_journal(path)
    holder = subprocess.Popen(  # a process of its own holding the journal open
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from rutjournal.core.storage.db import open_database; "
            "db = open_database(Path(sys.argv[1])); print('open', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = rut("--data-dir", str(data_dir), "passphrase", "set", stdin="s3cret-pass\ns3cret-pass\n")
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert result.returncode == 1 and "busy" in result.stderr, result.stderr
    assert cipher.is_plain(path) and not cipher.marker_path(path).exists()


def test_sole_use_is_refused_while_this_process_has_the_journal_open(data_dir: Path) -> None:
    db = open_database(data_dir / "journal.sqlite3")
    try:
        with pytest.raises(JournalBusy):
            sole_use(db.path, "restoring")
    finally:
        db.close()
    sole_use(db.path, "restoring").release()


def test_no_command_creates_a_journal_file_that_vanished(data_dir: Path) -> None:
    path = data_dir / "journal.sqlite3"
    db = open_database(path)
    try:
        os.replace(path, data_dir / "elsewhere.sqlite3")
        with pytest.raises(sqlite3.OperationalError):
            connect_raw(path)
        assert not path.exists()
    finally:
        db.close()


def test_only_the_leftovers_of_processes_that_are_gone_are_removed(tmp_path: Path) -> None:
    import time

    from rutjournal.core.storage.leftovers import remove_leftovers, temp_name

    gone = subprocess.run(  # a process: one that is gone, by its id
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(gone.stdout)
    mine = tmp_path / temp_name("partial", "journal-20260101-090000.sqlite3")
    dead = tmp_path / f".partial-{dead_pid}-0123abcd-journal-20260101-090000.sqlite3"
    dead_side = tmp_path / f"{dead.name}-journal"
    old_style = tmp_path / ".journal.sqlite3.new"
    fresh_old_style = tmp_path / ".journal.sqlite3.restoring"
    someone_elses = tmp_path / ".hidden-notes.txt"
    for path in (mine, dead, dead_side, old_style, fresh_old_style, someone_elses):
        path.write_bytes(b"x")
    an_hour_ago = time.time() - 7200
    os.utime(old_style, (an_hour_ago, an_hour_ago))
    removed = remove_leftovers(tmp_path)
    assert sorted(removed) == sorted([dead, dead_side, old_style])
    assert mine.exists() and fresh_old_style.exists() and someone_elses.exists()
