"""Files rutjournal must refuse without touching them, folders it cannot write, and writers that overlap.

Every refusal is a DatabaseProblem whose message names the file (or folder); the command line turns it into
one line on stderr with the log path, exit status 1.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rutjournal.core.errors import DatabaseProblem, NewerSchema, NotADatabase, NotWritable
from rutjournal.core.journal.service import Journal
from rutjournal.core.storage.connect import connect_raw, inspect_file
from rutjournal.core.storage.db import open_database
from rutjournal.core.values import Scores
from tests.rut import Ran, rut

DAY = dt.date(2026, 11, 20)


def _permissions_enforced() -> bool:
    """False for root (or anyone with CAP_DAC_OVERRIDE): a folder without write permission can be written."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        probe = Path(scratch) / "locked"
        probe.mkdir(mode=0o500)
        try:
            (probe / "x").touch()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o700)
        return False


PERMISSIONS_ENFORCED = _permissions_enforced()


# --- files to refuse -----------------------------------------------------------------------------------------


def side_files(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name != path.name and p.name.startswith(path.name)
    )


def write_journal(path: Path) -> None:
    """A real, current rutjournal database with a few entries (WAL mode, closed cleanly)."""
    db = open_database(path, backup_dir=path.parent / "backups")
    try:
        journal = Journal(db)
        for offset in range(30):
            day = dt.date(2026, 9, 1) + dt.timedelta(days=offset)
            journal.save(
                day,
                f"Day {offset}: " + "stand-up, code review, more meetings. " * 20,
                Scores(mood=3),
                ["work"],
            )
    finally:
        db.close()
    assert side_files(path) == []


def make_text(path: Path) -> None:
    path.write_bytes(b"Liebes Tagebuch,\nthis is a plain text note, not a database.\n" * 50)


def make_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
            conn.execute("INSERT INTO contacts (name, phone) VALUES ('Ada', '+44 20 7946 0000')")
    finally:
        conn.close()


def make_garbage_after_header(path: Path) -> None:
    write_journal(path)
    data = path.read_bytes()
    noise = random.Random(20261120).randbytes(len(data) - 100)
    path.write_bytes(data[:100] + noise)


def make_truncated_half(path: Path) -> None:
    write_journal(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_truncated_first_page(path: Path) -> None:
    write_journal(path)
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    assert page_size == 4096
    path.write_bytes(path.read_bytes()[:page_size])


def make_newer(path: Path) -> None:
    write_journal(path)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
    finally:
        conn.close()
    assert side_files(path) == []


def make_damaged_inside_entries(path: Path) -> None:
    """The header, schema and alembic_version pages intact; the pages of the entries table overwritten."""
    write_journal(path)
    conn = sqlite3.connect(path)
    try:
        try:
            pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'entries'")]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find the pages of entries")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert len(pages) > 1
    data = bytearray(path.read_bytes())
    noise = random.Random(7).randbytes(page_size)
    for page in pages:
        data[(page - 1) * page_size : page * page_size] = noise
    path.write_bytes(bytes(data))


BAD_FILES: dict[str, tuple[Callable[[Path], None], type[DatabaseProblem]]] = {
    "text": (make_text, NotADatabase),
    "foreign-sqlite": (make_foreign, NotADatabase),
    "garbage-after-header": (make_garbage_after_header, DatabaseProblem),
    "truncated-half": (make_truncated_half, DatabaseProblem),
    "truncated-first-page": (make_truncated_first_page, DatabaseProblem),
    "newer-schema": (make_newer, NewerSchema),
}


@pytest.fixture
def journal_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "journal.sqlite3"


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_is_refused_and_left_alone(journal_path: Path, kind: str) -> None:
    make, expected = BAD_FILES[kind]
    make(journal_path)
    before = journal_path.read_bytes()
    sides_before = side_files(journal_path)

    with pytest.raises(expected) as caught:
        open_database(journal_path)

    assert caught.value.path == journal_path
    assert str(journal_path) in str(caught.value)
    assert journal_path.read_bytes() == before
    assert not (journal_path.parent / "backups").exists()  # no upgrade was attempted
    if kind in ("text", "foreign-sqlite"):  # files in rollback-journal mode: nothing may appear beside them
        assert side_files(journal_path) == sides_before == []


def test_messages_say_what_is_wrong(journal_path: Path) -> None:
    make_newer(journal_path)
    with pytest.raises(NewerSchema, match=r"newer version of rutjournal \(schema 9999\)"):
        open_database(journal_path)
    make_foreign(other := journal_path.with_name("contacts.sqlite3"))
    with pytest.raises(NotADatabase, match="not a rutjournal one"):
        inspect_file(other)


@pytest.mark.parametrize("kind", ["garbage-after-header", "newer-schema"])
def test_refusing_a_wal_mode_file_leaves_nothing_beside_it(journal_path: Path, kind: str) -> None:
    make, expected = BAD_FILES[kind]
    make(journal_path)
    with pytest.raises(expected):
        open_database(journal_path)
    assert side_files(journal_path) == []


def test_damage_inside_a_table_is_a_database_problem_naming_the_file(journal_path: Path) -> None:
    make_damaged_inside_entries(journal_path)
    before = journal_path.read_bytes()
    problem: BaseException | None = None
    try:
        db = open_database(journal_path)
        try:
            Journal(db).marks(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
        finally:
            db.close()
    except Exception as exc:
        problem = exc
    assert isinstance(problem, DatabaseProblem), repr(problem)
    assert str(journal_path) in str(problem)
    assert journal_path.read_bytes() == before


# --- folders that cannot be written --------------------------------------------------------------------------


def test_data_dir_below_a_regular_file_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("I am a file, not a folder.\n", encoding="utf-8")
    folder = blocker / "data"
    with pytest.raises(NotWritable) as caught:
        open_database(folder / "journal.sqlite3")
    assert str(folder) in str(caught.value)
    assert caught.value.path == folder / "journal.sqlite3"
    assert blocker.read_text(encoding="utf-8") == "I am a file, not a folder.\n"


@pytest.mark.skipif(not PERMISSIONS_ENFORCED, reason="running as root: file permissions are not enforced")
@pytest.mark.parametrize("layout", ["locked-folder", "inside-locked-folder", "read-only-file"])
def test_data_dir_without_write_permission(tmp_path: Path, layout: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    folder = locked / "data" if layout == "inside-locked-folder" else locked
    if layout == "read-only-file":
        write_journal(locked / "journal.sqlite3")
        (locked / "journal.sqlite3").chmod(0o400)
    else:
        locked.chmod(0o500)
    try:
        with pytest.raises(NotWritable) as caught:
            open_database(folder / "journal.sqlite3")
    finally:
        locked.chmod(0o700)
        if layout == "read-only-file":
            (locked / "journal.sqlite3").chmod(0o600)
    shown = str(folder / "journal.sqlite3") if layout == "read-only-file" else str(folder)
    assert shown in str(caught.value)


# --- the command line ----------------------------------------------------------------------------------------


def run_cli(data_dir: Path, *args: str) -> Ran:
    return rut(*args, env={"RUTJOURNAL_DATA_DIR": str(data_dir)})


def assert_one_line_failure(result: Ran, names: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert names in lines[0]
    assert "log" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_cli_show_on_a_bad_file_fails_in_one_line(journal_path: Path, kind: str) -> None:
    make, _expected = BAD_FILES[kind]
    make(journal_path)
    before = journal_path.read_bytes()
    result = run_cli(journal_path.parent, "show", "today")
    assert_one_line_failure(result, str(journal_path))
    assert journal_path.read_bytes() == before


def test_cli_add_below_a_regular_file_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    folder = blocker / "data"
    result = run_cli(folder, "add", "--mood", "3", "a day that cannot be saved")
    assert_one_line_failure(result, str(folder))
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_cli_show_on_damage_inside_a_table_fails_in_one_line(journal_path: Path) -> None:
    make_damaged_inside_entries(journal_path)
    result = run_cli(journal_path.parent, "show", "2026-09-05")
    assert_one_line_failure(result, str(journal_path))


# --- writers that overlap ------------------------------------------------------------------------------------


def two_journals(path: Path) -> tuple[Journal, Journal, Callable[[], None]]:
    first, second = open_database(path), open_database(path)

    def close() -> None:
        first.close()
        second.close()

    return Journal(first), Journal(second), close


def parts_of(journal: Journal) -> list[str]:
    entry = journal.get(DAY)
    assert entry is not None
    return entry.body.split("\n\n")


def test_writes_begin_immediate_and_reads_take_no_write_lock(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rutjournal.core.storage import db as db_module

    statements: list[str] = []

    def record(statement: str) -> None:
        statements.append(statement.strip().split()[0] + (" IMMEDIATE" if "IMMEDIATE" in statement else ""))

    def traced(*args, **kwargs) -> sqlite3.Connection:  # type: ignore[no-untyped-def]
        conn = connect_raw(*args, **kwargs)
        conn.set_trace_callback(record)
        return conn

    monkeypatch.setattr(db_module, "connect_raw", traced)
    journal = Journal(db)
    journal.append(DAY, "written", Scores(), [])
    assert statements[0] == "BEGIN IMMEDIATE"
    assert statements.count("BEGIN IMMEDIATE") == 1
    statements.clear()
    assert journal.get(DAY) is not None
    assert statements and not any(s.startswith("BEGIN") for s in statements)  # autocommit: no write lock


def test_two_journals_writing_in_turn_lose_nothing(journal_path: Path) -> None:
    first, second, close = two_journals(journal_path)
    try:
        for i in range(12):
            writer = first if i % 2 == 0 else second
            writer.append(DAY, f"note-{i}", Scores(mood=1 + i % 5), [f"turn-{i}"])
        assert parts_of(first) == [f"note-{i}" for i in range(12)]
        assert parts_of(second) == [f"note-{i}" for i in range(12)]
        entry = second.get(DAY)
        assert entry is not None
        assert entry.scores.mood == 1 + 11 % 5
        assert sorted(entry.tags) == sorted(f"turn-{i}" for i in range(12))
    finally:
        close()


def test_two_journals_in_two_threads_lose_nothing(journal_path: Path) -> None:
    first, second, close = two_journals(journal_path)
    rounds = 25
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(journal: Journal, name: str) -> None:
        try:
            start.wait(timeout=10)
            for i in range(rounds):
                journal.append(DAY, f"{name}-{i}", Scores(), [name])
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(first, "alpha")),
        threading.Thread(target=write, args=(second, "beta")),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads)
        assert errors == []
        parts = parts_of(first)
        assert len(parts) == 2 * rounds
        assert sorted(parts) == sorted(
            [f"alpha-{i}" for i in range(rounds)] + [f"beta-{i}" for i in range(rounds)]
        )
        for name in ("alpha", "beta"):  # each writer's own notes stay in the order it wrote them
            assert [p for p in parts if p.startswith(name)] == [f"{name}-{i}" for i in range(rounds)]
        entry = second.get(DAY)
        assert entry is not None and entry.tags == ("alpha", "beta")
    finally:
        close()
    conn = connect_raw(journal_path)
    try:
        assert conn.execute("SELECT count(*) FROM entries").fetchone() == (1,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_writer_waits_for_a_lock_held_elsewhere(journal_path: Path) -> None:
    db = open_database(journal_path)
    journal = Journal(db)
    journal.append(DAY, "first", Scores(), [])
    holder = connect_raw(journal_path)
    done: list[object] = []
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE entries SET body = body || '\n\nheld'")
        worker = threading.Thread(target=lambda: done.append(journal.append(DAY, "second", Scores(), [])))
        started = time.monotonic()
        worker.start()
        time.sleep(0.5)
        assert done == []  # still waiting for the lock, not failed
        holder.execute("COMMIT")
        worker.join(timeout=10)
        waited = time.monotonic() - started
    finally:
        holder.close()
    try:
        assert len(done) == 1
        assert waited >= 0.5
        assert parts_of(journal) == ["first", "held", "second"]
    finally:
        db.close()
